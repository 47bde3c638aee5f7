"""Find the six section headings, tolerating the ways reports word and number them.

A heading is a top-level Chinese numeral ("三、") at the start of a line (or,
in flattened text, after the end of a sentence) followed within a few
characters by the section's keywords.  Numbering is *not* trusted to say which
section it is (reports restart or shift it); the keywords are.  Table rows
that look like headings ("三、本年度办理结果", "四、结转下年度继续办理") carry none
of the keywords, and sub-headings numbered "（一）" or "1." are never section
headings.

Headings are accepted in increasing section order, each at most once, so a
second "一、" restarting inside 总体情况 does not end it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from ..template.spec import SECTION_KEYS

__all__ = ["Heading", "find_headings", "section_span"]

# A candidate: a numeral and its point, then what follows up to the end of the
# line.  The pattern starts with the numeral's class, so the engine skips to
# candidates in C; what may stand before the numeral is checked in Python
# (:func:`_opens_heading`), once per candidate and not once per character.
_NUMBERED = re.compile(
    r"(?P<numeral>[一二三四五六七八九十][一二三四五六七八九十]?+)[ \t]*+[、.,][ \t]*+(?P<rest>[^\n。]{0,40}+)"
)
#: Markdown debris that may stand between a line start and a heading's numeral.
_DEBRIS: Final = frozenset(" \t>#*")
#: Characters after which a numeral opens a heading: a sentence or cell end, or
#: (in flattened text) a table's last number or unit.
_OPENERS: Final = frozenset("\n。;!?:|元)")
_HEADING_CUT = re.compile(r"\d|，|,|\|")
_KEYS = tuple(re.compile(key) for key in SECTION_KEYS)
# How far into the heading text the keyword may start ("三、收到和处理…" vs
# "四、因政府信息公开工作被申请行政复议…").
_KEY_WINDOW: Final = 20


class Heading(NamedTuple):
    """A section heading: which section (1–6), and its span in the text."""

    section: int
    start: int
    end: int
    text: str


def find_headings(text: str) -> list[Heading]:
    """The section headings of ``text`` in document order (at most one per section).

    >>> [h.section for h in find_headings("一、总体情况\\n…\\n三、收到和处理政府信息公开申请情况\\n")]
    [1, 3]
    """
    found: list[Heading] = []
    last = 0
    position = 0
    search = _NUMBERED.search
    while (match := search(text, position)) is not None:
        start = match.start()
        if not _opens_heading(text, start):
            position = start + 1  # a numeral inside this match's text may open one
            continue
        position = match.end()
        section = _section_of(match.group("rest"))
        if section is None or section <= last:
            continue
        end = _heading_end(match, text)
        found.append(Heading(section, start, end, text[start:end].strip()))
        last = section
    return found


def _opens_heading(text: str, numeral: int) -> bool:
    """Whether the numeral at ``numeral`` stands at a line start or after a sentence or cell end.

    Markdown debris (``> ## **``) may stand between.  Each character is
    looked at for one candidate only (debris before a numeral ends at that
    numeral), so the checks stay linear in the text.
    """
    before = numeral - 1
    while before >= 0 and text[before] in _DEBRIS:
        before -= 1
    return before < 0 or text[before] in _OPENERS or text[before].isdecimal()


def _section_of(rest: str) -> int | None:
    for number, key in enumerate(_KEYS, start=1):
        hit = key.search(rest, 0, _KEY_WINDOW + 8)
        if hit is not None and hit.start() <= _KEY_WINDOW:
            return number
    return None


def _heading_end(match: re.Match[str], text: str) -> int:
    """Where the heading ends: the line end for a heading on its own line.

    In flattened text the heading runs straight into the body ("一、总体情况2019年，…"),
    so it ends at the first digit or sentence punctuation after its keyword.
    """
    rest_start: int = match.start("rest")
    rest_end: int = match.end("rest")
    cut = _HEADING_CUT.search(match.group("rest"))
    if cut is None:
        return rest_end
    runs_on = rest_end < len(text) and text[rest_end] != "\n"
    return rest_start + int(cut.start()) if runs_on or cut.group() == "|" else rest_end


def section_span(headings: Sequence[Heading], section: int, size: int) -> tuple[int, int] | None:
    """Where section ``section``'s text stands: from its heading's end to the next heading (or ``size``)."""
    for index, heading in enumerate(headings):
        if heading.section == section:
            end = headings[index + 1].start if index + 1 < len(headings) else size
            return heading.end, end
    return None
