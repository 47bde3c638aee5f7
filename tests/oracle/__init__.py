"""An independent adversarial oracle for gxgk (issue 14).

A test-only writer that shares nothing with gxgk's reader: its own copies of the
official labels (typed from ``TEMPLATES.md``), its own value generators and its own
layouts.  Only the public ``gxgk.parse`` / ``gxgk.to_records`` / ``report.template`` /
``report.diagnostics`` are used to read back what it wrote.
"""
