"""Cells with rowspan and colspan placed on a grid, within a work budget, as HTML (and Word) tables need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

from .row_text import cell_text

__all__ = ["JOINT", "MAX_COLSPAN", "MAX_ROWSPAN", "GridCell", "place", "span"]

#: Spans above these are clipped (HTML itself caps colspan at 1000).
MAX_COLSPAN: Final = 100
MAX_ROWSPAN: Final = 1000
#: Grid work (rows × active row-spanning cells) allowed per table before spans are ignored.
_GRID_BUDGET: Final = 200_000
#: A table wider than this many grid columns is not a report table (they have at most ~20).
_MAX_WIDTH: Final = 256
JOINT: Final = "\x00"  # a block boundary inside a cell (NULs are removed from the data)


class GridCell:
    __slots__ = ("colspan", "parts", "rowspan", "stack_index")

    def __init__(self, colspan: int, rowspan: int) -> None:
        self.parts: list[str] = []
        self.colspan = colspan
        self.rowspan = rowspan  #: 0: to the end of the table
        self.stack_index = -1

    def text(self) -> str:
        """The cell's text: its blocks (``<p>``, ``<br>``) joined, each cleaned."""
        joined = ""
        for piece in "".join(self.parts).split(JOINT):
            piece = cell_text(piece)
            if not piece:
                continue
            if joined and _alnum(joined[-1]) and _alnum(piece[0]):
                joined += " "  # two numbers in two blocks stay two numbers
            joined += piece
        return joined


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def span(value: str | None, limit: int, zero: int) -> int:
    if value is None:
        return 1
    match = regex.match(r"\s*+(\d{1,7})", value)
    if match is None:
        return 1
    number = int(match.group(1))
    return zero if number == 0 else min(number, limit)


def place(rows: Sequence[Sequence[GridCell]], texts: Sequence[Sequence[str]]
           ) -> tuple[list[list[tuple[int, int, str | None]]], int] | None:
    """Each row's cells at their grid columns, and the grid's width; ``None`` if too big to be a report table.

    A row's slots are ``(start, end, text)``; ``text`` is ``None`` where a cell
    from a row above still covers the slot.  Work is bounded by
    :data:`_GRID_BUDGET` and the width by :data:`_MAX_WIDTH`.
    """
    placed: list[list[tuple[int, int, str | None]]] = []
    active: list[tuple[int, int, int]] = []  # (start, end, rows still covered) of cells spanning rows
    budget = _GRID_BUDGET
    width = 0
    for row_number, (row, row_texts) in enumerate(zip(rows, texts, strict=True)):
        budget -= len(active) + len(row)
        if budget < 0:
            return None
        slots: list[tuple[int, int, str | None]] = [(start, end, None) for start, end, _ in active]
        column = 0
        pointer = 0
        new: list[tuple[int, int, int]] = []
        for cell, text in zip(row, row_texts, strict=True):
            while pointer < len(active) and active[pointer][0] <= column:
                column = max(column, active[pointer][1])
                pointer += 1
            end = column + cell.colspan
            slots.append((column, end, text))
            rowspan = cell.rowspan or len(rows) - row_number
            if rowspan > 1:
                new.append((column, end, rowspan - 1))
            column = end
        slots.sort(key=lambda slot: slot[0])
        width = max(width, slots[-1][1], column)
        if width > _MAX_WIDTH:
            return None
        placed.append(slots)
        active = sorted([(s, e, left - 1) for s, e, left in active if left > 1] + new)
    return placed, width
