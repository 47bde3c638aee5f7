"""Reports with real blank cells in eight layouts (``tests/data/blanks``), written by the oracle.

The values come from the oracle (``tests/oracle/freeze.py``), never from gxgk.  Where a layout
shows its cell borders (pipes, markdown, tabs, one cell per line with a marker, HTML), a blank is
visible and every cell must read exactly.  Where a blank leaves no trace (an empty line for a
blank cell, single spaces between numbers), a cell may be blank instead, but only named by a
diagnostic, and never wrong.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import gxgk

FOLDER = Path(__file__).parent / "data" / "blanks"
#: Layouts where a blank cell leaves no trace of its own.
TRACELESS = {"lines_spaced_2021", "spaced_2019"}


def _expected(data: dict[str, Any]) -> dict[tuple[int, str, int], object]:
    cells: dict[tuple[int, str, int], object] = {}
    for _item, row, values in data["sec2"]:
        cells.update({(2, row, i): v for i, v in enumerate(values)})
    for row, values in data["sec3"].items():
        cells.update({(3, row, i): v for i, v in enumerate(values)})
    cells.update({(4, str(i // 5), i % 5): v for i, v in enumerate(data["sec4"])})
    return cells


def _parsed(report: gxgk.Report) -> dict[tuple[int, str, int], tuple[object, bool]]:
    """Each cell's value and whether a diagnostic names it, keyed as :func:`_expected` keys them."""
    cells: dict[tuple[int, str, int], tuple[object, bool]] = {}
    counters: dict[tuple[int, str], int] = {}
    blocks = ("行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉")
    for record in gxgk.to_records(report):
        row = str(blocks.index(record.row)) if record.section == 4 else record.row.rsplit(" / ", 1)[-1]
        index = counters[record.section, row] = counters.get((record.section, row), -1) + 1
        named = any(name.covers(record.section, record.row, record.column)
                    for d in report.diagnostics for name in d.cells)
        value = str(record.value) if isinstance(record.value, Decimal) else record.value
        cells[record.section, row, index] = (value, named)
    return cells


@pytest.mark.parametrize("path", sorted(FOLDER.glob("*.json")), ids=lambda p: p.stem)
def test_blank_cells_read_as_printed(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    report = gxgk.parse((FOLDER / data["source"]).read_bytes())
    assert str(report.template) == data["template"] and report.meta.year == data["year"]
    parsed = _parsed(report)
    expected = _expected(data)
    assert sum(value is None for value in expected.values()) >= 15  # the point of these files
    whole_tables = {name.section for d in report.diagnostics for name in d.cells if name.row is None}
    for key, want in expected.items():
        got, named = parsed.get(key, (None, key[0] in whole_tables))
        if path.stem in TRACELESS and got is None and want is not None:
            assert named, f"{key}: blank, but no diagnostic names it"
        else:
            assert got == want, key
