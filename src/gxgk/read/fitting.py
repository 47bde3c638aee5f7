"""Fitting a row's value tokens to its cells, and what a table's lines say about how (see :func:`fit`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple

from .cells import EDGE, EMPTY, VALUE, Segment, Token

__all__ = ["PLAIN", "Lazy", "Shape", "fit", "open_lines", "table_shape"]


class Shape(NamedTuple):
    """What a table's lines say about each row's cells, as truth values a table reader may compute lazily.

    ``padded``: every line has as many cells as the widest (a converter's
    padding), so blanks past a row's cells are padding.  ``open_rows``: the
    table prints its rows without a closing border ("| a | 5"), so a line
    ending in "| " after its last value ends in a blank cell.  ``spare``:
    where the table's other rows put their cells beyond the columns.
    """

    padded: object = False
    open_rows: object = False
    #: where the table's rows of ``n`` columns carry their empty cells when a line has more cells than that:
    #: "start" (a label spanning several cells), "end" (padding after the values), or None (unknown, mixed)
    spare: Callable[[int], str | None] = lambda n: None
    #: the row identity a reading chosen by ``spare`` must satisfy (its cells' text), else it is not taken
    holds: Callable[[Sequence[str]], bool] = lambda cells: False


#: A table about whose lines nothing is known.
PLAIN: Final = Shape()


def fit(values: Sequence[Token], n: int, text: str, shape: Shape = PLAIN) -> tuple[Token, ...] | None:
    """Exactly ``n`` cells from a segment's value tokens, or ``None`` if they do not fit, or fit two ways.

    Empty cells at the edges of a row may be padding (a pipe line's trailing
    "| |", a header row's empty cells, a label's second cell); empty cells
    *between* values are printed blanks.  So the values fit when all the
    cells number exactly ``n``, or when exactly ``n`` remain after dropping
    blanks at the edges in exactly one way: "|  | 1 | … | 13 |  |" for 15
    columns drops either its first cell (an empty label cell) or its last
    (padding), and which cannot be known.  A blank that does not end its
    line ("| 5 | | 四、…" on a page flattened to one line) is the joint
    between two rows, never a cell.  A line-opening separator
    (:data:`~gxgk.read.cells.EDGE`) may close an empty first cell, unless it
    is a ``|`` in the line's first column: a border.  In a table that prints
    its rows open (``shape.open_rows``), a "| " after the last value is a
    blank last cell, or the border: a row with a blank first cell then reads
    two ways.  In a table that a converter padded (``shape.padded``: every
    line has as many cells as the widest), cells past the ``n``-th that are
    all empty are that padding: the first ``n`` are the row, blanks included.
    """
    if not values:
        return None
    first = values[0][0]
    if len(values) == n and first != EDGE and (
            first == VALUE or _OPEN_END.match(text, values[-1][2]) is None or not shape.open_rows):
        return tuple(values)  # the common case: a row of exactly its cells
    if text.find("\n", values[0][1], values[-1][1]) >= 0:  # the values run over a line break
        edge = next((i for i, token in enumerate(values) if i and token[0] == EDGE), None)
        if edge is not None and all(token[0] != VALUE for token in values[edge:]):
            values = values[:edge]  # blank cells on the next line: the next row's empty label cells
        elif edge is not None and all(token[0] != VALUE for token in values[:edge]):
            values = values[edge:]  # blank cells on the line above: a header line's padding, not this row's
        cells = [token for index, token in enumerate(values)
                 if token[0] != EDGE or (not index and not _border(text, token[1]))]
    else:
        cells = list(values[1:] if first == EDGE and _border(text, values[0][1]) else values)
    if not cells:
        return None
    fits = _edge_fits(cells, n, text)
    if (closing := _OPEN_END.match(text, cells[-1][2])) is not None and shape.open_rows:
        at = closing.end(1) - 1
        fits |= _edge_fits([*cells, (EMPTY, at, at)], n, text)
    if len(fits) == 1:
        return fits.pop()
    if fits:
        # read two ways: the table's other rows may show on which side their spare cells stand, and the
        # reading on that side is taken if the row's own identity holds in it (a row unlike the others fails)
        side = shape.spare(n)
        if side is None:
            return None
        chosen = (min if side == "end" else max)(fits, key=lambda cut: cut[0][1])
        return chosen if shape.holds([text[start:end] for _, start, end in chosen]) else None
    inner = [token for token in cells if token[0] != EDGE]
    if len(inner) > n and all(token[0] == EMPTY for token in inner[n:]) and shape.padded:
        if inner[0][0] == EMPTY:
            # a blank first cell and blanks past the n-th: a label spanning two cells (the first blank is
            # the label's) reads as well as padding after the row (the last are): which cells are the
            # row's cannot be known
            return None
        return tuple(inner[:n])
    return None


def _edge_fits(cells: Sequence[Token], n: int, text: str) -> set[tuple[Token, ...]]:
    """Every way exactly ``n`` cells remain once blanks at the row's edges are dropped (see :func:`fit`)."""
    extra = len(cells) - n
    if extra <= 0:
        return {tuple(cells)} if not extra else set()
    if cells[0][0] == VALUE:  # the common case: values first, blanks after them only
        trail = 0
        while trail < extra and cells[-1 - trail][0] != VALUE:
            trail += 1
        if trail < extra or (cells[-1 - trail][0] != VALUE and not _LINE_END.match(text, cells[-1][1])):
            return set()  # too few blanks to drop, or more blanks than that before the next row's joint
        return {tuple(cells[:n])}
    lead = next((i for i, token in enumerate(cells) if token[0] == VALUE), None)
    if lead is None:
        return set()  # only blanks, more than the row has cells: a header's padding, not a row
    trail = next(i for i, token in enumerate(reversed(cells)) if token[0] == VALUE)
    if trail and _LINE_END.match(text, cells[-1][1]):  # blank cells at the line's end: each may be the row's
        drops = range(max(0, extra - trail), min(lead, extra) + 1)
    else:  # the joint before the next row: never the row's
        drops = range(extra - trail, extra - trail + 1) if 0 <= extra - trail <= lead else range(0)
    # the first and the last way are all a reader needs: one way, or which side the table drops (see fit)
    return {tuple(cells[drop : drop + n]) for drop in (drops[:1] if len(drops) == 1 else drops[:: len(drops) - 1])}


def _border(text: str, at: int) -> bool:
    """Whether the separator opening a line at ``at`` is a left border: a ``|`` in the line's first column.

    "| 6 | 2 |" opens with a border; " | 2 |" and a line-opening tab open
    with an empty first cell (as the HTML and Word readers write a row whose
    first cell is empty).
    """
    return text.startswith("|", at) and (not at or text[at - 1] == "\n")


#: A blank token that ends its line: its separator (if any), then only spaces to the line break.
_LINE_END = re.compile(r"[|\t]?+[^\S\n]*+(?:\n|\Z)")
#: After a row's last cell, a "|" and only spaces to the line break: a border, or a blank last cell.
_OPEN_END = re.compile(r"[^\S\n]*+(\|)[^\S\n]*+(?:\n|\Z)")


def open_lines(lines: str) -> bool:
    """Whether any of ``lines`` starts with a border ``|`` and ends without one: a table that leaves its rows
    open (see :class:`Shape`)."""
    return any(map(_open, lines.split("\n")))


def _open(line: str) -> bool:
    line = line.strip()
    return line.startswith("|") and not line.endswith("|")


def table_shape(text: str, claims: dict[int, list[Segment]], holds: Callable[[Sequence[str]], bool]) -> Shape:
    """The :class:`Shape` of a table whose rows ``claims`` found, each fact computed when first asked for;
    ``holds`` is its rows' identity (see :attr:`Shape.holds`)."""
    sides: dict[int, str | None] = {}

    def spare(columns: int) -> str | None:
        if columns not in sides:
            sides[columns] = _spare_side(text, claims, columns)
        return sides[columns]

    return Shape(Lazy(lambda: _padded(text, claims)), Lazy(lambda: _open_rows(text, claims)), spare, holds)


def _spare_side(text: str, claims: dict[int, list[Segment]], columns: int) -> str | None:
    """Where the rows with more cells than ``columns`` carry the spare ones, when they all agree.

    A row that opens with empty cells and ends in a value puts them first (a
    label spanning several cells: "| 一、… |  | 5 | … | 9 |"); one that opens
    with a value and ends in empty cells puts them last (padding to the
    widest row: "| 二、… | 5 | … | 9 |  |").  Rows with empty cells at both
    edges say nothing; rows of both kinds leave it unknown.
    """
    seen: set[tuple[str, int]] = set()
    for found in claims.values():
        for segment in found:
            cells = [token for token in segment.values if token[0] != EDGE and token[1] <= segment.line_end]
            if len(cells) <= columns:
                continue
            first, last = cells[0][0] == VALUE, cells[-1][0] == VALUE
            if first != last:
                seen.add(("end" if first else "start", len(cells) - columns))
    return seen.pop()[0] if len(seen) == 1 else None  # one side, and as many spare cells, in every such row


class Lazy:
    """A truth value computed the first time it is asked for (most rows fit before padding matters)."""

    __slots__ = ("compute", "value")

    def __init__(self, compute: Callable[[], bool]) -> None:
        self.compute: Callable[[], bool] | None = compute
        self.value = False

    def __bool__(self) -> bool:
        if self.compute is not None:
            self.value, self.compute = self.compute(), None
        return self.value


def _padded(text: str, claims: dict[int, list[Segment]]) -> bool:
    """Whether every line holding a row's values has the same number of cell borders (``|``).

    A naive HTML → markdown converter pads every line to the widest row's
    cells: rows with one label cell then end in empty padding.  Lines of one
    width throughout the table prove that padding, where a lone row's
    trailing empty cells could be a blank.
    """
    widths = set()
    for found in claims.values():
        for segment in found:
            start = text.rfind("\n", 0, segment.values[0][1]) + 1
            end = text.find("\n", segment.values[0][1])
            widths.add(text.count("|", start, len(text) if end < 0 else end))
            if len(widths) > 1:
                return False
    return len(widths) == 1 and widths.pop() > 0


def _open_rows(text: str, claims: dict[int, list[Segment]]) -> bool:
    """Whether the table prints a row open: a line that starts with a border ``|`` ends in a value, not in one.

    Then a line ending in "| " after its last value ends in a blank cell,
    where a table that closes its rows ends every line in a border.
    """
    seen: set[int] = set()
    for found in claims.values():
        for segment in found:
            start = text.rfind("\n", 0, segment.values[0][1]) + 1
            if start in seen:
                continue  # one line, many segments (a page flattened to one line): looked at once
            seen.add(start)
            end = text.find("\n", segment.values[0][1])
            if _open(text[start : len(text) if end < 0 else end]):
                return True
    return False
