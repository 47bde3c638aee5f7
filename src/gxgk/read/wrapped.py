"""Fixed-width row labels wrapped around their values: the label's column read down its lines.

pdftotext and fixed-width crawler text print a long row label that the PDF
wrapped inside its cell as several lines, with the row's values on one of
them, and the group label of the column before it wrapped alongside::

                （六）其  1.申请人无正当理由逾期不补
                他处理    正、行政机关不再处理其政府信    1    2    3 …
                          息公开申请

Read line by line, the values' label is "他处理 正、行政机关不再处理其政府信":
neither the group's nor the row's key matches it.  Read by column, the
label column holds "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请".

Only a segment whose own label no key owns is looked at, and its wrapped
label is used only for a row that no other segment claims, so a table that
was read before reads the same.  Lines above and below take part only while
they hold no numbers of their own (a line with values is another row's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from .cells import Segment
from .columns import line_chunks
from .rows import Keys

__all__ = ["wrapped_claims"]

#: The numbering a row label starts with: "1." "2、" "（六）" "四、".
_NUMBERED = re.compile(r"(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
#: A gap of two spaces or more: the mark of a fixed-width line.
_GAP = re.compile(r"\S {2,}\S")
#: A line that prints a number standing alone (a value), not inside a label ("1.申请人…").
_VALUE = re.compile(r"(?:^|\s)[-+]?\d[\d,.]*(?:\s|$)")
#: How many lines above and below the values' line a label may wrap over.
_REACH: Final = 2
#: How far (in characters) a continuation may start from its column's start.
_SLACK: Final = 2
#: A fixed-width table line is at most this long; a longer one (a crawler's one-line page) is not looked at,
#: which also keeps the work linear: each segment reads only its own short lines.
_MAX_LINE: Final = 400


def _chunks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The line's chunks as (display column, text): a wide (CJK) character takes two columns, as printed."""
    return [(column, chunk) for _, column, chunk in line_chunks(text, start, end)]


def _label_lines(text: str, line_start: int, step: int) -> list[tuple[int, int]]:
    """Up to :data:`_REACH` lines above (``step`` -1) or below (+1) that hold no value.

    Each newline is looked for within :data:`_MAX_LINE` characters only: a
    longer line ends the search, so a one-line page costs nothing here.
    """
    found: list[tuple[int, int]] = []
    start = line_start
    for _ in range(_REACH):
        if step < 0:
            if start == 0:
                break
            newline = text.rfind("\n", max(0, start - 2 - _MAX_LINE), start - 1)
            if newline < 0 and start - 1 > _MAX_LINE:
                break
            first, last = newline + 1, start - 1
        else:
            end = text.find("\n", start, start + _MAX_LINE + 1)
            if end < 0:
                break
            first = end + 1
            newline = text.find("\n", first, first + _MAX_LINE + 1)
            last = newline if newline >= 0 else min(len(text), first + _MAX_LINE + 1)
        if last - first > _MAX_LINE or not text[first:last].strip() or _VALUE.search(text, first, last):
            break
        found.append((first, last))
        start = first
    return found


def wrapped_label(text: str, segment: Segment, keys: Keys | None = None) -> str | None:
    """The label of ``segment``'s column read down its wrapped lines, or ``None`` if it is not wrapped.

    A line whose chunk is a whole row label on its own (``keys`` owns it: "总计") is another row's
    label, printed blank, and ends the read like a numbered one.
    """
    first_value = segment.values[0][1]
    line_start = text.rfind("\n", 0, first_value) + 1
    if first_value - line_start > _MAX_LINE:
        return None
    own = text[line_start:first_value]
    if "|" in own or "\t" in own or not _GAP.search(own.strip() + "  x"):
        return None  # not a fixed-width line: cell borders or tabs separate its cells
    chunks = _chunks(text, line_start, first_value)
    if not chunks:
        return None
    column, tail = chunks[-1]
    above: list[str] = []
    if not _NUMBERED.match(tail):  # a numbered chunk starts its label: nothing above is part of it
        for span in _label_lines(text, line_start, -1):
            part = _at(text, span, column)
            if part is None or _own_label(part, keys):
                break  # a gap in the column (the label's lines are contiguous), or another row's label
            above.insert(0, part)
            if _NUMBERED.match(part):
                break  # the label's first line
    below: list[str] = []
    for span in _label_lines(text, line_start, 1):
        part = _at(text, span, column)
        if part is None or _NUMBERED.match(part) or _own_label(part, keys):
            break  # a gap, or the next row's own label (a row printed blank, say)
        below.append(part)
    parts = [*above, tail, *below]
    return "".join(parts).replace(" ", "") if len(parts) > 1 else None


def _own_label(part: str, keys: Keys | None) -> bool:
    return keys is not None and keys.owner(part.replace(" ", "")) is not None


def _at(text: str, span: tuple[int, int], column: int) -> str | None:
    """The chunk of the line ``span`` that starts at ``column`` (give or take :data:`_SLACK`)."""
    for start, chunk in _chunks(text, *span):
        if abs(start - column) <= _SLACK:
            return chunk
    return None


def wrapped_claims(text: str, segments: Iterable[Segment], keys: Keys, claims: dict[int, list[Segment]]
                   ) -> list[tuple[int, Segment]]:
    """Rows that no segment claims, found by the wrapped labels of segments no key owns.

    Returns ``(row index, segment with the wrapped label)`` pairs; ``claims``
    is not changed.  A row two wrapped labels name is left alone (ambiguous).
    """
    if len(claims) == len(keys.patterns):
        return []  # every row is claimed already: nothing to look for (the common case)
    found: dict[int, list[Segment]] = {}
    for segment in segments:
        if not segment.values or keys.owner(segment.label) is not None:
            continue
        label = wrapped_label(text, segment, keys)
        if label is None:
            continue
        index = keys.owner(label)
        if index is not None and index not in claims:
            found.setdefault(index, []).append(segment._replace(label=label))
    return [(index, both[0]) for index, both in sorted(found.items()) if len(both) == 1]

