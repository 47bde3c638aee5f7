"""What "parses back to the same report" means in the round-trip properties.

Tables, template and year compare exactly; a title compares after width
folding (it keeps full-width digits as printed); narratives compare with
whitespace removed, after an optional ``clean`` step for debris a layout
adds to the text (page numbers between the lines of a PDF).
"""

from __future__ import annotations

from collections.abc import Callable

import gxgk
from gxgk.read.normalize import normalize


def tables(report: gxgk.Report) -> tuple[object, ...]:
    return (report.template, report.disclosure, report.requests, report.appeals)


def squeeze(text: str) -> str:
    return "".join(normalize(text).split())


def assert_same(parsed: gxgk.Report, expected: gxgk.Report, *, narratives: bool = True,
                clean: Callable[[str], str] = str) -> None:
    assert tables(parsed) == tables(expected)
    assert (parsed.meta.year, parsed.meta.organ) == (expected.meta.year, expected.meta.organ)
    assert normalize(parsed.meta.title or "") == normalize(expected.meta.title or "")
    if narratives:
        for name in ("overview", "problems", "other_matters"):
            got, want = getattr(parsed, name), getattr(expected, name)
            assert squeeze(clean(got.text)) == squeeze(want.text), name
