"""Line numbers of offsets, asked in any order (provenance; issue 7 made them incremental)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import gxgk
from gxgk.read.normalize import normalize
from gxgk.read.rows import Source
from gxgk.rules.table import _all_cells

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parents[2] / "shared" / "corpus"


@given(st.text(alphabet="ab\n", max_size=60), st.lists(st.integers(0, 70), max_size=30))
def test_line_of_is_one_plus_the_newlines_before_the_offset(text: str, offsets: list[int]) -> None:
    source = Source(text)
    assert [source.line_of(offset) for offset in offsets] == [text.count("\n", 0, offset) + 1 for offset in offsets]


def test_offsets_in_order_need_no_line_index() -> None:
    source = Source("a\nb\nc\n" * 10)
    assert [source.line_of(offset) for offset in (0, 2, 2, 5, 29)] == [1, 2, 2, 3, 15]
    assert source._starts is None
    assert source.line_of(3) == 2  # out of order: the index is built once
    assert source._starts is not None


def test_every_cell_of_every_stored_report_names_its_own_line() -> None:
    """Cells are read section by section, row by row: each still gets the line it stands on."""
    paths = [p for root in (DATA, CORPUS) if root.is_dir() for p in sorted(root.rglob("*"))
             if p.suffix in (".txt", ".md") and p.name != "README.md"]
    checked = 0
    for path in paths:
        text = normalize(path.read_text(encoding="utf-8", errors="replace"))
        for _section, _row, _column, cell, _kind in _all_cells(gxgk.parse(text)):
            if cell.source is not None:
                assert cell.source.line == text.count("\n", 0, cell.source.start) + 1, path.name
                checked += 1
    assert checked > 1000
