"""Atheris (libFuzzer) target for ``gxgk.parse``.

    pip install atheris
    python fuzz/fuzz_parse.py -max_total_time=600 tests/data/seeds

Every input is parsed twice: as bytes, and as text decoded from those bytes
(UTF-8, undecodable bytes replaced).  ``parse`` documents that nothing odd in
the content raises, so any exception that escapes is a finding; so is a
result that is not a :class:`gxgk.Report`.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import gxgk


def TestOneInput(data: bytes) -> None:
    """Parse ``data`` as bytes and as text; anything that escapes is a crash."""
    for source in (data, data.decode("utf-8", "replace")):
        report = gxgk.parse(source)
        if not isinstance(report, gxgk.Report):
            raise AssertionError(f"parse returned {type(report).__name__}, not Report")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
