"""Fixed-width text: display widths, a line's chunks, and header words lined up with the value columns below.

pdftotext ``-layout`` and fixed-width crawler text print a table's header
cells over several lines: a wrapped cell's words on the lines below its
first ("上一年项目" / "数量"), a cell that spans two header rows centred on a
lower line ("自然人" beside the second row).  Read line by line, such a
header names its columns in an order that is not theirs.  Read by display
column, each word stands over the value column it labels, and the header
can be read in the columns' order.  A header that cannot be lined up so is
said to be (:func:`fixed_width_lines`), and its readers do not follow an
order it seems to give.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .._lazy import LazyRegex
from .cells import VALUE, Token

__all__ = ["aligned_header", "display_width", "fixed_width_lines", "line_chunks"]

#: A chunk of a fixed-width line: words separated by single spaces (two or more end it).
_CHUNK = re.compile(r"\S+(?: \S+)*")
#: Wide characters (East Asian Width W or F): CJK, Hangul, full-width forms, CJK punctuation (compiled on first
#: use: a class this wide takes milliseconds, which ``import gxgk`` should not pay).
_WIDE = LazyRegex(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                  r"\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")
#: A fixed-width table line is at most this long; a longer one is a crawler's one-line page, not a header.
_MAX_LINE = 400


def display_width(text: str) -> int:
    """Display width: two columns for a wide character (CJK, full-width forms), one for the rest.

    >>> display_width("总计 12")
    7
    """
    return len(text) + len(_WIDE.findall(text))


def line_chunks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The chunks of the line ``text[start:end]`` as (offset, display column, text), columns from ``start``."""
    found = []
    column, at = 0, start
    for match in _CHUNK.finditer(text, start, end):
        column += display_width(text[at : match.start()])
        found.append((match.start(), column, match.group()))
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


def aligned_header(text: str, start: int, end: int, values: Sequence[Token]) -> str | None:
    """The header words in ``text[start:end]`` in the order of the value columns they stand over.

    ``values`` are the first data row's value tokens, on the line that
    follows the header, in fixed-width text as well (no borders): each
    value's display column is the centre of its column.  A header chunk
    belongs to the column whose band (halfway to its neighbours) it overlaps
    most; chunks over no column (the row-label column's words) are left out.
    The words are joined by column, then line: a wrapped cell's pieces join
    up ("上一年项目" + "数量").  ``None`` when the header is not such a block
    (see :func:`fixed_width_lines`) or the values do not stand in columns.

    >>> text = "信息内容  上一年项目  处理决定\\n          数量   本年增/减   数量\\n行政许可  41        减37   16123"
    >>> row = [(1, text.index(v), text.index(v) + len(v)) for v in ("41", "减37", "16123")]
    >>> aligned_header(text, 0, text.index("行政许可"), row)
    '信息内容上一年项目数量本年增/减处理决定数量'
    """
    if not values or not fixed_width_lines(text, start, end):
        return None
    row_start = text.rfind("\n", 0, values[0][1]) + 1
    row_end = text.find("\n", values[0][1])
    row_end = len(text) if row_end < 0 else row_end
    if "|" in text[row_start:row_end] or "\t" in text[row_start:row_end] or row_end - row_start > _MAX_LINE:
        return None
    centres = [display_width(text[row_start:token_start]) + display_width(text[token_start:token_end]) / 2
               for kind, token_start, token_end in values if kind == VALUE and token_start < row_end]
    if len(centres) < 2 or any(b <= a for a, b in itertools.pairwise(centres)):
        return None
    edges = [centres[0] - (centres[1] - centres[0]) / 2,
             *((a + b) / 2 for a, b in itertools.pairwise(centres)),
             centres[-1] + (centres[-1] - centres[-2]) / 2]
    placed: list[tuple[int, int, int, str]] = []
    for number, line in enumerate(_lines(text, start, end)):
        for offset, column, chunk in line_chunks(text, *line):
            if offset < start:
                continue
            right = column + display_width(chunk)
            overlaps = [min(right, edges[i + 1]) - max(column, edges[i]) for i in range(len(centres))]
            best = max(range(len(centres)), key=overlaps.__getitem__)
            if overlaps[best] > 0:
                placed.append((best, number, column, chunk))
    if not placed:
        return None
    return "".join("".join(chunk.split()) for *_, chunk in sorted(placed))
