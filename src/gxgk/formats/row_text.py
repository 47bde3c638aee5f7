"""A table row as the one line the text readers take: its label, then one cell per value position."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from ..read.cells import TEXT, VALUE, tokenize
from ..read.normalize import SPACE_ENTITY

__all__ = ["Slot", "cell_text", "row_text"]

_SPACES = regex.compile(r"[\s\u200b-\u200f\u2060\ufeff\u00ad]+")


_EDGE_SPACE = regex.compile(r"(?<=\D)\s+|\s+(?=\D)")


class Slot(NamedTuple):
    """One grid position of a row: its text and whether a cell from a row above covers it.

    ``covered`` slots are written as empty cells when they stand among the
    row's values, and skipped in front of its label.
    """

    text: str
    covered: bool = False


def _kind(text: str) -> int:
    """``TEXT`` for a label cell, ``VALUE`` for a value cell, ``-1`` for an empty one."""
    if not text:
        return -1
    if text.isascii() and text.isdigit():
        return VALUE
    tokens = tokenize(text)
    if not tokens:
        return -1
    return TEXT if any(t[0] == TEXT for t in tokens) else VALUE


def cell_text(raw: str) -> str:
    """A cell's text on one line: whitespace collapsed, pipes and tabs made harmless.

    A value with spaces next to its unit or sign ("10 件", "减 3") is closed
    up so it stays one value; digits separated by a space are left apart.

    >>> cell_text(" 251000 元\\n"), cell_text("a|b"), cell_text("\\u00a0")
    ('251000元', 'a¦b', '')
    """
    text = str(_SPACES.sub(" ", SPACE_ENTITY.sub(" ", raw).replace("|", "¦").replace("｜", "¦"))).strip()
    if " " in text:
        closed = str(_EDGE_SPACE.sub("", text))
        tokens = tokenize(closed)
        if len(tokens) == 1 and tokens[0][0] == VALUE:
            return closed
    return text


def row_text(slots: Sequence[Slot]) -> str:
    """A table row as one line the tokenizer reads as "label, then the row's cells".

    The label is the row's cells up to its last label cell (empty ones
    dropped); every slot after it is one cell, blanks included, and the line
    is closed by a border pipe so a blank last cell is kept.  A row without
    any value or blank after its label (a header row) is its non-empty cells;
    a row of one or two empty cells and nothing else is a spacer, left out.

    >>> row_text([Slot("规章"), Slot("13"), Slot(""), Slot("524")])
    '规章 | 13 |  | 524 |'
    >>> row_text([Slot("", True), Slot("（一）予以公开"), Slot("3"), Slot("", True)])
    '（一）予以公开 | 3 |  |'
    >>> row_text([Slot("信息内容"), Slot("本年制发件数"), Slot("", True)])
    '信息内容 | 本年制发件数'
    """
    kinds = [-1 if slot.covered else _kind(slot.text) for slot in slots]
    boundary = max((i for i, kind in enumerate(kinds) if kind == TEXT), default=-1)
    label = [slot.text for slot in slots[: boundary + 1] if slot.text and not slot.covered]
    first = boundary + 1
    if boundary < 0:  # no label: leading covered slots are labels from rows above
        while first < len(slots) and slots[first].covered:
            first += 1
    rest = slots[first:]
    own = [slot for slot in rest if not slot.covered]
    if not own or (not label and len(own) < 3 and not any(kind == VALUE for kind in kinds)):
        return " | ".join(label)  # a header row, or an empty spacer row (nothing)
    return " | ".join([*label, *(slot.text for slot in rest)]) + " |"
