"""Freeze oracle reports with blank cells as test data: ``python -m tests.oracle.freeze tests/data/blanks``.

Each report is written by the oracle's own writer (``tests/oracle/writer.py``) from values the
oracle drew; the JSON beside it holds those values in the shared expected format
(``../shared/expected/README.md``), so ``python ../shared/tools/score.py tests/data/blanks -v``
scores them too.  Nothing here parses: the expected values never come from gxgk.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from decimal import Decimal
from pathlib import Path

from tests.oracle.values import CellKey, RandomSource, Value, draw_truth
from tests.oracle.writer import AGENCIES, Style, write

#: (file stem, layout, template, blank marker): the layouts real pages print blanks in.
REPORTS = (
    ("pipe_2021", "pipe", "2021", ""),
    ("markdown_2019", "markdown", "2019", "—"),
    ("tab_2021", "tab", "2021", ""),
    ("lines_2019", "lines", "2019", "/"),
    ("lines_spaced_2021", "lines-spaced", "2021", ""),
    ("html_2019", "html", "2019", "&nbsp;"),
    ("html_2021", "html", "2021", ""),
    ("spaced_2019", "spaced", "2019", "-"),
)


def _json_value(value: Value) -> object:
    return str(value) if isinstance(value, Decimal) else value


def expected(truth_cells: dict[CellKey, Value], template: str, year: int, title: str, source: str) -> dict[str, object]:
    sec2: dict[tuple[str, str], list[object]] = {}
    sec3: dict[str, list[object]] = {}
    sec4: list[object] = []
    for key, value in truth_cells.items():
        if key.section == 2:
            item = (key.item or "").replace("（", "(").replace("）", ")")  # the shared files print ASCII brackets
            sec2.setdefault((item, key.row), []).append(_json_value(value))
        elif key.section == 3:
            sec3.setdefault(key.row.rsplit(" / ", 1)[-1], []).append(_json_value(value))
        else:
            sec4.append(_json_value(value))
    return {"source": source, "template": template, "year": year, "title": title,
            "sec2": [[item, row, values] for (item, row), values in sec2.items()], "sec3": sec3, "sec4": sec4,
            "notes": "written by the test oracle (tests/oracle/freeze.py) with blank cells; values are the "
                     "oracle's own, never parsed"}


def main(folder: str) -> None:
    out = Path(folder)
    for number, (stem, layout, template, blank) in enumerate(REPORTS):
        src = RandomSource(20261129 + number)
        truth = draw_truth(src, mode="exact", blank_percent=12, template=template)  # type: ignore[arg-type]
        style = dataclasses.replace(Style(), layout=layout, blank=blank)  # type: ignore[arg-type]
        agency = AGENCIES[number % len(AGENCIES)]
        text = write(truth, style, agency=agency)
        suffix = ".html" if layout == "html" else ".txt"
        (out / f"{stem}{suffix}").write_text(text, encoding="utf-8")
        title = f"{agency}{truth.year}年政府信息公开工作年度报告"
        data = expected(truth.cells, template, truth.year, title, f"{stem}{suffix}")
        (out / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/blanks")
