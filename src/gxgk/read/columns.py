"""Fixed-width text: display widths, a line's chunks, and headers whose column names stand on several lines.

pdftotext ``-layout`` and fixed-width crawler text print a table's header
cells over several lines: a wrapped cell's words on the lines below its
first ("上一年项目" / "数量"), a cell that spans two header rows centred on a
lower line ("自然人" beside the second row).  Read line by line, such a
header names its columns in an order that is not theirs.  Lining the words
up with the value columns by display position was tried and read wrong
numbers (full-width characters are folded to ASCII before reading, which
shifts positions; right-aligned numbers leave words over no column), so a
header whose names stand on several lines is not followed where it moves
columns (:func:`names_on_several_lines`).  Positions are used only to veto:
:func:`header_over_values` places the header's words over the value columns
three ways (values flush left, centred, flush right), and an order that
puts a name over another column in all three is not followed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from .._lazy import LazyRegex

__all__ = ["display_width", "fixed_width_lines", "header_by_cells", "header_over_values", "line_chunks",
           "names_on_several_lines", "names_pattern"]

#: A chunk of a fixed-width line: words separated by single spaces (two or more end it).
_CHUNK = re.compile(r"\S+(?: \S+)*")
#: Wide characters (East Asian Width W or F): CJK, Hangul, full-width forms, CJK punctuation (compiled on first
#: use: a class this wide takes milliseconds, which ``import gxgk`` should not pay).
_WIDE = LazyRegex(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                  r"\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")
#: A fixed-width table line is at most this long; a longer one is a crawler's one-line page, not a header.
_MAX_LINE = 400
#: How many columns apart a wrapped cell's pieces may start, or have their centres, on consecutive lines.
_SLACK = 2


def display_width(text: str) -> int:
    """Display width: two columns for a wide character (CJK, full-width forms), one for the rest.

    >>> display_width("总计 12")
    7
    """
    return len(text) + len(_WIDE.findall(text))


def line_chunks(text: str, start: int, end: int, printed: str | None = None) -> list[tuple[int, int, str]]:
    """The chunks of the line ``text[start:end]`` as (offset, display column, text), columns from ``start``.

    ``printed`` is the text as printed, before normalising (same offsets): a
    full-width character folded to ASCII takes two columns there, as on the page.
    """
    widths = text if printed is None else printed  # an ideographic space there separates chunks; in text, one " "
    found = []
    column, at = 0, start
    for match in _CHUNK.finditer(widths, start, end):
        column += display_width(widths[at : match.start()])
        found.append((match.start(), column, text[match.start() : match.end()]))
        column += display_width(match.group())
        at = match.end()
    return found


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines that hold ``text[start:end]``, whole (from their line start), as (start, end): the last block
    of them without an empty line (a header repeated after a page break is read once, its last copy)."""
    lines: list[tuple[int, int]] = []
    line_start = text.rfind("\n", 0, start) + 1
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        if line_end - line_start > _MAX_LINE:
            return []  # a line no fixed-width table prints (and reading it would cost time per character)
        if text[line_start:line_end].strip():
            lines.append((line_start, line_end))
        else:
            lines = []
        line_start = line_end + 1
    return lines


def fixed_width_lines(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a header of two lines or more in fixed-width text.

    That is: no cell borders or tabs, and a line with two chunks at least (a
    one-cell-per-line layout, or words joined by single spaces, keeps its
    printed order, which is the columns').
    """
    block = text[start:end]
    if "\n" not in block.strip() or "|" in block or "\t" in block or len(block) > 8 * _MAX_LINE:
        return False  # one line (the common case, and a crawler's one-line page), bordered, or no table's
    lines = _lines(text, start, end)
    return len(lines) >= 2 and any(
        sum(offset >= start for offset, _, _ in line_chunks(text, *line)) >= 2 for line in lines)


def names_on_several_lines(text: str, start: int, end: int, names: re.Pattern[str]) -> bool:
    """Whether a fixed-width header block (:func:`fixed_width_lines`) prints what ``names`` matches on two lines
    or more.

    Read line after line, such a header names its columns in an order that
    need not be theirs: a wrapped cell's name on the line below its first
    ("上一年项目 处理决定" / "数量 本年增/减 数量"), a cell centred on a lower line.
    Its readers do not follow an order that moves the columns (a header in
    template order says nothing the template does not).

    ``names`` matches the column names in its group ``name``; what else it
    matches (a group cell's words that hold a column name) is passed over.

    >>> names = re.compile("(?P<name>上一年项目|本年增/减|处理决定)")
    >>> names_on_several_lines("信息内容  上一年项目  处理决定\\n          数量   本年增/减   数量", 0, 43, names)
    True
    """
    if not fixed_width_lines(text, start, end):
        return False
    named = 0
    for line_start, line_end in _lines(text, start, end):
        words = "".join(text[max(line_start, start) : line_end].split())
        named += any(match.group("name") for match in names.finditer(words))
    return named > 1


def names_pattern(names: Iterable[str], passed_over: Iterable[str] = ()) -> re.Pattern[str]:
    """The pattern :func:`names_on_several_lines` takes: ``names`` in its group ``name``, ``passed_over`` before them
    (words that hold a column's name without being it: 法人或其他组织 holds 其他).

    >>> names_pattern(["其他"], ["法人或其他组织"]).pattern
    '(?:法人或其他组织)|(?P<name>其他)'
    """
    skip = "|".join(passed_over)
    return re.compile(("(?:" + skip + ")|" if skip else "") + "(?P<name>" + "|".join(names) + ")")


class _Cell:
    """A header cell of fixed-width text, as its pieces are found line after line."""

    __slots__ = ("centre", "first", "line", "pieces", "start")

    def __init__(self, column: int, centre: float, line: int, piece: str) -> None:
        self.first = column  #: where its first piece starts
        self.start, self.centre, self.line = column, centre, line  #: its last piece's start, centre and line
        self.pieces = [piece]


def header_by_cells(text: str, start: int, end: int, printed: str | None = None) -> str | None:
    """The words of a fixed-width header block, cell by cell in the order the cells stand on the page.

    A chunk on a following line that starts, or is centred, within
    :data:`_SLACK` columns of the last piece of a cell above is more of that
    cell (a wrapped word: "上一年" / "项目数" / "量"); any other chunk opens a
    cell.  Cells are read left to right by where they start.  Widths are the
    printed text's (``printed``): a full-width character is two columns.
    This is a check on a line-by-line reading, never a reading of its own:
    the readers use it to veto a template order that a damaged header lets
    them assume, when the cells name every column in another order.
    ``None`` when the block is not a fixed-width header (:func:`fixed_width_lines`).

    >>> header_by_cells("处理决  本年增  上一年\\n定数量  /减     项目数\\n                量", 0, 47)
    '处理决定数量本年增/减上一年项目数量'
    """
    if not fixed_width_lines(text, start, end):
        return None
    widths = text if printed is None else printed
    cells: list[_Cell] = []
    for number, line in enumerate(_lines(text, start, end)):
        for offset, column, chunk in line_chunks(text, *line, printed):
            if offset < start:
                continue
            centre = column + display_width(widths[offset : offset + len(chunk)]) / 2
            above = [cell for cell in cells if cell.line == number - 1 and (
                abs(cell.start - column) <= _SLACK or abs(cell.centre - centre) <= _SLACK)]
            if above:
                cell = min(above, key=lambda cell: abs(cell.centre - centre))
                cell.start, cell.centre, cell.line = column, centre, number
                cell.pieces.append(chunk)
            else:
                cells.append(_Cell(column, centre, number, chunk))
    return "".join("".join("".join(piece.split()) for piece in cell.pieces)
                   for cell in sorted(cells, key=lambda cell: cell.first))


#: A word of a fixed-width header line: anything between spaces (a single space ends it too).
_WORD = re.compile(r"\S+")


def header_over_values(text: str, start: int, end: int, values: Sequence[tuple[int, int]],
                       printed: str | None = None) -> list[list[str]] | None:
    """The words of a fixed-width header block over each value column, top to bottom, read three ways.

    ``values`` are the (start, end) offsets of the first data row's values,
    one per column, on the line that starts at ``end``.  Where a column's
    edges are depends on how its values are aligned, which one row cannot
    tell: so each word of the header's lines (words end at any space, so
    narrow cells set one space apart are apart) is placed by its centre, by
    display width on the printed text, three times: in the columns that the
    values' left edges start (values set flush left), in those their
    centres are nearest (centred), and in those their right edges end
    (flush right).  Words before a reading's first column are the label's; a
    reading with words past its last column does not stand (the header is
    set in running text, not over the values).  Like
    :func:`header_by_cells`, this is a check on another reading, never a
    reading: only a name over another column than an order puts there *in
    every reading* vetoes that order.  ``None`` when the block is not a
    fixed-width header of two lines or more (with no gap of two spaces on
    any of its lines it is running text), or the row does not print a value
    for every column on one line.

    >>> text = "  信息内容   现行 本年 本年\\n             有效 制发 废止\\n规章         637  503  265"
    >>> row = text.rindex("\\n") + 1
    >>> header_over_values(text, 0, row, [(row + 11, row + 14), (row + 16, row + 19), (row + 21, row + 24)])[0]
    ['现行有效', '本年制发', '本年废止']
    """
    block = text[start:end]
    if len(values) < 2 or "|" in block or "\t" in block:
        return None
    widths = text if printed is None else printed
    lines = _lines(text, start, end)
    if len(lines) < 2 or not any("  " in widths[a:b].strip() for a, b in lines):
        return None  # one line, or words set apart by single spaces only: running text, not a fixed-width header
    row_start = text.rfind("\n", 0, values[0][0]) + 1
    if "\n" in text[row_start : values[-1][1]]:
        return None  # a row printed over several lines (one cell per line): no column stands anywhere
    lefts = [display_width(widths[row_start:a]) for a, _ in values]
    rights = [left + display_width(widths[a:b]) for left, (a, b) in zip(lefts, values, strict=True)]
    centres = [(left + right) / 2 for left, right in zip(lefts, rights, strict=True)]
    if any(later <= earlier for earlier, later in itertools.pairwise(centres)):
        return None
    words = [(display_width(widths[line_start : word.start()]) + display_width(word.group()) / 2,
              text[word.start() : word.end()])
             for line_start, line_end in lines for word in _WORD.finditer(widths, max(line_start, start), line_end)]
    readings = []
    for edges in (lefts, centres, rights):
        gap = edges[1] - edges[0]
        if edges is lefts:  # column i from its left edge to the next one's
            first, last, cuts = edges[0] - _SLACK, edges[-1] + edges[-1] - edges[-2], edges[1:]
        elif edges is centres:  # column i nearest its centre
            first, last = edges[0] - gap / 2, edges[-1] + (edges[-1] - edges[-2]) / 2
            cuts = [(left + right) / 2 for left, right in itertools.pairwise(edges)]
        else:  # column i from the previous right edge to its own
            first, last, cuts = edges[0] - gap, edges[-1] + _SLACK, edges[:-1]
        if any(centre > last for centre, _ in words):
            continue  # words past the last column: not a reading of this header
        cells = [""] * len(values)
        for centre, word in words:
            if centre >= first:
                cells[sum(centre > cut for cut in cuts)] += word
        readings.append(cells)
    return readings
