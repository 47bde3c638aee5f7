"""Pictures of reports read by OCR: cells right / blank / wrong per kind of picture, and CPU seconds per page.

    .venv/bin/python benchmarks/ocr.py                     # the five seeds, every kind (~10 minutes)
    .venv/bin/python benchmarks/ocr.py ruled-png screenshot

Each seed report is drawn (``tests/pictures.py``: ruled or plain tables, a
slight skew, JPEG artefacts, an image-only PDF, a web page's screenshot) and
parsed with ``gxgk.parse`` as a user would parse the file; its cells are
compared with the seed's.  CPU time is this process's (OCR runs on one
thread here), divided by the pages drawn.  Needs the ``ocr`` extra and a CJK
font (Debian: fonts-noto-cjk).  Not a test: a measurement.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pictures import KINDS, draw_report, picture_files, screenshot, to_tiff  # noqa: E402

import gxgk  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))


def compare(expected: gxgk.Report, got: gxgk.Report) -> tuple[int, int, int]:
    want = {record[:4]: record.value for record in gxgk.to_records(expected)}
    have = {record[:4]: record.value for record in gxgk.to_records(got)}
    right = sum(have.get(key) == value for key, value in want.items())
    blank = sum(have.get(key) is None and value is not None for key, value in want.items())
    return right, blank, len(want) - right - blank


def main() -> None:
    kinds = sys.argv[1:] or [*KINDS, "screenshot"]
    print(f"{'kind':12} {'right':>6} {'blank':>6} {'wrong':>6} {'pages':>6} {'CPU s/page':>11}")
    for kind in kinds:
        right = blank = wrong = pages = 0
        cpu = 0.0
        for seed in SEEDS:
            report = gxgk.parse(seed)
            files = [screenshot(report)] if kind == "screenshot" else picture_files(report, kind)
            data = files[0] if len(files) == 1 else to_tiff(files)
            start = time.process_time()
            got = gxgk.parse(data)
            cpu += time.process_time() - start
            pages += len(draw_report(report)) if kind in ("screenshot", "image-pdf") else len(files)
            r, b, w = compare(report, got)
            right, blank, wrong = right + r, blank + b, wrong + w
        print(f"{kind:12} {right:6d} {blank:6d} {wrong:6d} {pages:6d} {cpu / pages:11.2f}", flush=True)


if __name__ == "__main__":
    main()
