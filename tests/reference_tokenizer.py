"""The tokenizer gxgk started with (kept as the reference the fast one is tested against).

It is slow (a per-character state machine over one big regex alternation) but
short enough to read as the specification of tokens and segments.

See ``gxgk.read.cells`` for what tokens and segments are; this module computes them the
old way, token kinds and all, so the two can be compared on any text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, NamedTuple

import regex

from gxgk.read.values import MONEY_UNITS, UNITS

__all__ = ["EDGE", "EMPTY", "TEXT", "VALUE", "Segment", "Token", "segments", "tokenize"]

TEXT: Final = 0
VALUE: Final = 1
EMPTY: Final = 2
#: A separator that opens a line with nothing before it: the left border of a
#: markdown row, or (in bare pipe rows) a blank first cell.  Readers ignore it
#: unless a row only fits when it is a blank.
EDGE: Final = 3

#: How many characters of label text before a value group are kept.  Labels are
#: at most ~40 characters; narrative before a table can be thousands.
LABEL_TAIL: Final = 160

_UNIT = f"(?:{UNITS})"

# One pass over the text.  Alternatives are tried in order at each position;
# every quantifier is possessive so nothing backtracks.
_TOKEN = regex.compile(
    rf"""
      (?P<rule>(?m:^[ \t]*+(?:\|?+[ \t]*+:?+-{{3,}}+:?+[ \t]*+)++\|?+[ \t]*+$))  # markdown rule |---|---|
    | (?P<page>(?m:^[ \t]*+(?:[-—–]{{1,2}}+[ \t]*+\d{{1,3}}+[ \t]*+[-—–]{{1,2}}+
                              |第[ \t]*+\d{{1,3}}+[ \t]*+页(?:[ \t]*+共[ \t]*+\d{{1,3}}+[ \t]*+页)?+)
                 [ \t]*+$))                                                   # page number "- 4 -", "第4页"
    | (?P<nl>\n)
    | (?P<sep>[|\t])
    | (?P<value>(?<![^\s|])                                                   # a whole word that is a value:
        (?:[+\-]|增加|减少|增|减)?+                                               #   optional sign
        (?:\d{{1,3}}+(?:,\d{{3}})++|\d++)                                        #   digits, maybe 1,234
        (?:\.\d++)?+ {_UNIT}?+                                                  #   decimals, unit
      | (?<![^\s|])(?:[/\\\-—–―~]{{1,4}}+|无|不涉及|空|N/?A)                       #   or a blank marker
      )(?![^\s|])
    | (?P<word>[^\s|]++)
    """,
    regex.VERBOSE,
)


_HAS_DIGIT = regex.compile(r"\d")
# Digits glued to text in a word ("规章000规范性文件898989", "（七）总计801000081").
# A single digit followed by a numbering point and text is the next label's
# numbering ("…0000002.其他法律…"), not part of the run before it.
_GLUED = regex.compile(
    rf"""
    (?P<run>(?:(?<![\d.])[+\-])?+\d(?:\d|,(?=\d{{3}})|\.(?=\d)|(?:[+\-]|增|减)(?=\d))*+(?:{MONEY_UNITS})?+)
    """,
    regex.VERBOSE,
)
_NUMBERING_POINT = regex.compile(r"[.、．](?!\d)")


#: What follows such a word's leading number: a separator with a digit after it, or a sign that no count takes.
_MALFORMED = regex.compile(r"[,/'.。、:;].*\d|[%‰A-Za-z]")


def _split_word(text: str, start: int, end: int, append: Callable[[Token], None]) -> None:
    """Emit a word that holds digits as text and value tokens, each with its exact span."""
    first = _GLUED.match(text, start, end)
    if (end - start <= 24 and first is not None and first.end() > start
            and not (_NUMBERING_POINT.match(text, first.end(), end) and first.end() < end - 1)
            and _MALFORMED.match(text, first.end(), end) is not None):
        append(Token(VALUE, start, end))  # one cell that reads as no number
        return
    position = start
    for match in _GLUED.finditer(text, start, end):
        run_start, run_end = match.span()
        if _NUMBERING_POINT.match(text, run_end, end) and run_end < end - 1:
            run_end -= 1  # the last digit numbers the label that follows
        if run_end <= run_start:
            continue
        if run_start > position:
            append(Token(TEXT, position, run_start))
        append(Token(VALUE, run_start, run_end))
        position = run_end
    if position < end:
        append(Token(TEXT, position, end))


class Token(NamedTuple):
    """A token: its kind and its span in the (normalised) text."""

    kind: int
    start: int
    end: int


class Segment(NamedTuple):
    """Label text and the value tokens that follow it.

    ``label`` has all whitespace removed and is cut to its last
    :data:`LABEL_TAIL` characters; ``label_start`` is where that tail starts
    in the text.  ``values`` hold ``VALUE`` and ``EMPTY`` tokens.
    """

    label: str
    label_start: int
    values: tuple[Token, ...]
    line_end: int  #: where the line of the label's last word ends
    follows: str = ""  #: the first characters of the text after the values ("" at the end)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into ``text``."""
    tokens: list[Token] = []
    append = tokens.append
    sep_on_line = False  # a separator has been seen on this line
    content = False  # something has been seen since the last separator
    last_sep = ""
    stop = len(text) if end is None else end
    for match in _TOKEN.finditer(text, start, stop):
        kind = match.lastgroup
        if kind == "word":
            if _HAS_DIGIT.search(text, match.start(), match.end()):
                _split_word(text, match.start(), match.end(), append)
            else:
                append(Token(TEXT, match.start(), match.end()))
            content = True
        elif kind == "value":
            append(Token(VALUE, match.start(), match.end()))
            content = True
        elif kind == "sep":
            if not content:
                append(Token(EMPTY if sep_on_line else EDGE, match.start(), match.start()))
            sep_on_line, content, last_sep = True, False, match.group()
        elif kind == "nl":
            if sep_on_line and not content and last_sep == "\t":
                append(Token(EMPTY, match.start(), match.start()))
            sep_on_line = content = False
        # "rule" and "page" lines are dropped
    return tokens


def segments(text: str, tokens: list[Token]) -> list[Segment]:
    """Group tokens into label text followed by its values.

    A group of only ``EMPTY`` tokens is kept: it may be a row the report left
    blank, or the empty padding of a header row; readers prefer rows with
    numbers when both claim one row.  A group of only ``EDGE`` tokens is the
    left border of a markdown row before its label, and does not cut the
    label text.
    """
    result: list[Segment] = []
    words: list[Token] = []
    values: list[Token] = []
    for token in tokens:
        if token.kind == TEXT:
            if values and all(value.kind == EDGE for value in values):
                values = []  # a markdown row's left border before its label: not a row
            if values:
                result.append(_segment(text, words, values, text[token.start : min(token.end, token.start + 4)]))
                words, values = [], []
            words.append(token)
        else:
            values.append(token)
    if values:
        result.append(_segment(text, words, values))
    return result


def _segment(text: str, words: list[Token], values: list[Token], follows: str = "") -> Segment:
    parts: list[str] = []
    size = 0
    label_start = words[-1].start if words else (values[0].start if values else 0)
    for word in reversed(words):
        if size >= LABEL_TAIL:
            break
        piece = text[word.start : word.end]
        parts.append(piece)
        size += len(piece)
        label_start = word.start
    line_end = text.find("\n", words[-1].end) if words else -1
    return Segment("".join(reversed(parts)), label_start, tuple(values), len(text) if line_end < 0 else line_end,
                   follows)
