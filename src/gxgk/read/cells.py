"""Any text layout → a stream of tokens, then → labelled value groups.

Every layout a table reaches us in (pipe rows, one cell per line, cell + " |"
per line, tabs, markdown, PDF text with space-separated numbers, flattened
text) is the same thing once borders are ignored: *label text, then the values
of that row, then the next label*.  So the reader does not care about the
layout; it sees :class:`Segment` objects, each a run of label text (whitespace
removed, so "商 业 企 业" and wrapped labels join) followed by the value tokens
up to the next text.

A :data:`Token` is a plain ``(kind, start, end)`` tuple, because a report has
hundreds of them and a tuple costs a tenth of a named one.  Kinds:

* ``TEXT``  — a word that is not a value;
* ``VALUE`` — a word that reads as a value: a count, a signed change, an
  amount with or without a unit, or a blank marker ("/", "—", "无");
* ``EMPTY`` — an empty cell between two separators on one line ("| |"), which
  in pipe and tab layouts is a real blank cell; so is an empty cell after a
  line's last tab (a pipe closing a line is a border, a tab is not);
* ``EDGE`` — a separator opening a line (see :data:`EDGE`).

Markdown rule lines ("|---|---|") and page numbers on their own line ("- 4 -",
"— 5 —") are blanked out here, once (:func:`without_chrome`), so no reader
has to know about them.

Speed matters here more than anywhere (issue 7): the text is scanned by
patterns that start with a fixed character or class, which the ``re`` engine
skips to in C, and Python code runs once per *word*, never once per
character or separator.  A word's kind is a pure function of the word, so it
is memoised: a table repeats the same few words ("0", "1", labels).
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Final, NamedTuple

from .values import MONEY_UNITS, UNITS

__all__ = ["EDGE", "EMPTY", "TEXT", "VALUE", "Segment", "Token", "segments", "tokenize", "without_chrome"]

TEXT: Final = 0
VALUE: Final = 1
EMPTY: Final = 2
#: A separator that opens a line with nothing before it: the left border of a
#: markdown row, or (in bare pipe rows) a blank first cell.  Readers ignore it
#: unless a row only fits when it is a blank.
EDGE: Final = 3
#: Not a kind a token has: a word with digits in it that is split into text and values.
_SPLIT: Final = -1

#: ``(kind, start, end)``: the token's kind and its span in the (normalised) text.
Token = tuple[int, int, int]

#: How many characters of label text before a value group are kept.  Labels are
#: at most ~40 characters; narrative before a table can be thousands.
LABEL_TAIL: Final = 160
#: Distinct words whose kind is remembered; the memo is emptied when full, so
#: memory stays bounded whatever the input.
_MEMO_SIZE: Final = 20_000

_SPACE = r"[^\S\n\t]"  # whitespace that is neither a line break nor a tab separator

# Every quantifier below is possessive or bounded, so nothing backtracks.
# A gap (separators and whitespace) and the word after it; the word is empty
# only for the gap that ends the text.  Matches never fail, so the scan never
# restarts inside a gap (a failing word part would rescan the gap from every
# position in it: quadratic on a long run of "|").
_GAP_WORD = re.compile(r"([\s|]*+)([^\s|]*+)")
_VALUE = re.compile(
    rf"""(?:[+\-]|增加|减少|增|减)?+(?:\d{{1,3}}+(?:,\d{{3}})++|\d++)(?:\.\d++)?+(?:{UNITS})?+  # a number
       |[/\\\-—–―~]{{1,4}}+|无|不涉及|空|N/?A                                            # or a blank marker""",
    re.VERBOSE,
)
_DIGIT = re.compile(r"\d")
# Separators that make a token, inside one gap: a line break before a
# line-opening separator (EDGE), and a separator followed by another one or,
# for a tab, by the line end (EMPTY).  Each token stands where the match ends.
_SEPARATORS = re.compile(rf"\n{_SPACE}*+(?=[|\t])|\|{_SPACE}*+(?=[|\t])|\t{_SPACE}*+(?=[|\t\n])")
_LEADING_SEPARATOR = re.compile(rf"{_SPACE}*+(?=[|\t])")
# Lines that are page furniture, not content.
_CHROME = re.compile(
    r"""[ \t]*+(?:(?:\|?+[ \t]*+:?+-{3,}+:?+[ \t]*+)++\|?+                                 # markdown rule |---|---|
              |[-—–]{1,2}+[ \t]*+\d{1,3}+[ \t]*+[-—–]{1,2}+                               # page number "- 4 -"
              |第[ \t]*+\d{1,3}+[ \t]*+页(?:[ \t]*+共[ \t]*+\d{1,3}+[ \t]*+页)?+)         # "第4页"
       [ \t]*+(?=\n|\Z)""",
    re.VERBOSE,
)
# A line that may be chrome: it starts with the first character any of the three
# can start with.  A cheap test at each line break (in a one-cell-per-line table,
# every other character); _CHROME then decides.
_CHROME_START = re.compile(r"\n[ \t]*+[-—–第|:]")
# Digits glued to text in a word ("规章000规范性文件898989", "（七）总计801000081").
# A single digit followed by a numbering point and text is the next label's
# numbering ("…0000002.其他法律…"), not part of the run before it.
# It starts with its first character's class, so the engine skips to digits
# and signs in C; then a sign counts only before a digit and not after one.
_GLUED = re.compile(
    rf"[+\-\d](?<![\d.][+\-])(?:(?<=\d)|(?=\d))(?:\d|,(?=\d{{3}})|\.(?=\d)|(?:[+\-]|增|减)(?=\d))*+"
    rf"(?:{MONEY_UNITS})?+"
)
_NUMBERING_POINT = re.compile(r"[.、．](?!\d)")
# In the string of token kinds: a run of values and blanks, which ends a segment.
_VALUE_RUNS = re.compile(rb"[\x01-\x03][\x01-\x03]*+")  # a class first: the engine skips to it in C

#: Words and gaps longer than this are not memoised (a hostile input's one
#: huge word would otherwise stay in memory after its parse).
_MEMO_LENGTH: Final = 64

_word_kinds: dict[str, int] = {}
_word_parts: dict[str, tuple[Token, ...]] = {}
#: Labels as printed → without whitespace and separators.
_labels: dict[str, str] = {}
#: A short gap's blank tokens, with offsets into the gap.
_gap_blanks: dict[str, tuple[Token, ...]] = {}


class Segment(NamedTuple):
    """Label text and the value tokens that follow it.

    ``label`` has all whitespace removed and is cut to its last
    :data:`LABEL_TAIL` characters (in whole words); ``label_start`` is where
    that tail starts in the text.  ``values`` hold ``VALUE`` and ``EMPTY`` tokens.
    """

    label: str
    label_start: int
    values: tuple[Token, ...]
    line_end: int  #: where the line of the label's last word ends
    follows: str = ""  #: the first characters of the text after the values ("" at the end)


def without_chrome(text: str, start: int = 0, end: int | None = None) -> str:
    """``text`` with markdown rule lines and page-number lines blanked to spaces (same length)."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    first = _CHROME.match(text, start, stop) if start == 0 or text[start - 1] == "\n" else None
    if first is not None and first.end() > first.start():
        spans.append(first.span())
    for hint in _CHROME_START.finditer(text, start, stop):
        line = _CHROME.match(text, hint.start() + 1, stop)
        if line is not None and line.end() > line.start():
            spans.append(line.span())
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for span_start, span_end in spans:
        if span_start >= position:
            pieces += (text[position:span_start], " " * (span_end - span_start))
            position = span_end
    pieces.append(text[position:])
    return "".join(pieces)


def tokenize(text: str, start: int = 0, end: int | None = None, *, chrome: bool = True) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into ``text``, in text order.

    ``chrome=False`` says the caller already blanked page furniture with
    :func:`without_chrome` (it needs that text for :func:`segments` too).
    """
    stop = len(text) if end is None else end
    if chrome:
        text = without_chrome(text, start, stop)
    tokens: list[Token] = []
    append = tokens.append
    known_kind = _word_kinds.get
    known_blanks = _gap_blanks.get
    position = start
    lead = _LEADING_SEPARATOR.match(text, start, stop)
    if lead is not None:
        append((EDGE, lead.end(), lead.end()))
    for gap, word in _GAP_WORD.findall(text, start, stop):
        if gap:
            blanks = known_blanks(gap)
            if blanks is None:
                if len(gap) > _MEMO_LENGTH:  # read in place: a long gap is not worth remembering
                    tokens += _blank_tokens(text, position, position + len(gap))
                    blanks = ()
                else:
                    blanks = _remember_blanks(gap)
            if blanks:
                tokens += [(kind, position + offset, position + offset) for kind, offset, _ in blanks]
            position += len(gap)
        if not word:
            break  # the gap that ends the text
        kind = known_kind(word)
        if kind is None:
            kind = _kind(word)
        end_of_word = position + len(word)
        if kind >= 0:
            append((kind, position, end_of_word))
        else:
            tokens += [(part, part_start + position, part_end + position) for part, part_start, part_end
                       in _parts(word)]
        position = end_of_word
    return tokens


def _blank_tokens(text: str, start: int, end: int) -> list[Token]:
    """The EMPTY and EDGE tokens of the gap ``text[start:end]``.

    A separator match spans only gap characters and looks ahead only at
    one, so a gap is read the same alone as inside the text.
    """
    return [(EDGE if text[sep.start()] == "\n" else EMPTY, sep.end(), sep.end())
            for sep in _SEPARATORS.finditer(text, start, end)]


def _remember_blanks(gap: str) -> tuple[Token, ...]:
    if len(_gap_blanks) >= _MEMO_SIZE:
        _gap_blanks.clear()
    blanks = _gap_blanks[gap] = tuple(_blank_tokens(gap, 0, len(gap)))
    return blanks


def _kind(word: str) -> int:
    """The word's kind, remembered for a short word.

    A long word is a sentence of narrative, never seen again: it is not
    remembered, and not scanned for digits either, since :func:`_parts`
    scans it anyway (a word without digits is one ``TEXT`` part).
    """
    if _VALUE.fullmatch(word):
        kind = VALUE
    elif len(word) > _MEMO_LENGTH:
        return _SPLIT
    elif _DIGIT.search(word):
        kind = _SPLIT
    else:
        kind = TEXT
    if len(_word_kinds) >= _MEMO_SIZE:
        _word_kinds.clear()
    _word_kinds[word] = kind
    return kind


def _parts(word: str) -> tuple[Token, ...]:
    """A word that holds digits as text and value tokens, with spans relative to the word."""
    parts = _word_parts.get(word)
    if parts is not None:
        return parts
    found: list[Token] = []
    position = 0
    end = len(word)
    for match in _GLUED.finditer(word):
        run_start, run_end = match.span()
        if _NUMBERING_POINT.match(word, run_end) and run_end < end - 1:
            run_end -= 1  # the last digit numbers the label that follows
        if run_end <= run_start:
            continue
        if run_start > position:
            found.append((TEXT, position, run_start))
        found.append((VALUE, run_start, run_end))
        position = run_end
    if position < end:
        found.append((TEXT, position, end))
    if _malformed_number(word, found):
        found = [(VALUE, 0, end)]  # one cell that reads as no number: blank, with a diagnostic, never a part of it
    parts = tuple(found)
    if len(word) <= _MEMO_LENGTH:
        if len(_word_parts) >= _MEMO_SIZE:
            _word_parts.clear()
        _word_parts[word] = parts
    return parts


#: Longest word that is looked at as one cell's malformed number ("12,34", "10.5%", "1e5").
_CELL_LENGTH: Final = 24
#: Characters that, right after a cell's leading number, show that it is not a number and a label
#: glued to it (labels start with a character, a bracket or their numbering): with digits after
#: them ("12,34", "7/8", "10。5", "10.5万元、3万元"), or anywhere ("10.5%", "3x").
_INSIDE_NUMBER: Final = frozenset(",/'.。、:;")
_AFTER_NUMBER = re.compile(r"[%‰A-Za-z]")


def _malformed_number(word: str, parts: list[Token]) -> bool:
    """Whether ``word`` is one cell whose text starts as a number and goes on as none.

    Splitting it would read its first digits as the whole cell ("12,34" as 12,
    "10。5" as 10): a wrong number, where the cell's text is no number at all.
    A numbering point after a lone digit ("1.", "2、") is a label's start, not this.
    """
    if len(word) > _CELL_LENGTH or len(parts) < 2 or parts[0][0] != VALUE or parts[0][1] != 0:
        return False
    after = parts[0][2]
    char = word[after]
    if char in _INSIDE_NUMBER:
        return _DIGIT.search(word, after) is not None
    return _AFTER_NUMBER.match(char) is not None


def _label(printed: str) -> str:
    """A label as printed, without whitespace and separators (remembered when short: labels recur)."""
    label = "".join(printed.replace("|", " ").split())
    if len(printed) <= _MEMO_LENGTH:
        if len(_labels) >= _MEMO_SIZE:
            _labels.clear()
        _labels[printed] = label
    return label


def segments(text: str, tokens: list[Token]) -> list[Segment]:
    """Group tokens into label text followed by its values.

    ``text`` is the text as tokenized (see :func:`without_chrome`): the label
    is the text between the label's first and last word, without whitespace
    and separators.  A group of only ``EMPTY`` tokens is kept: it may be a row
    the report left blank, or the empty padding of a header row; readers
    prefer rows with numbers when both claim one row.  A group of only
    ``EDGE`` tokens is the left border of a markdown row before its label, and
    does not cut the label text.
    """
    kinds = bytes(map(itemgetter(0), tokens))
    result: list[Segment] = []
    append = result.append
    size_of_text = len(text)
    count = len(tokens)
    words_from = 0  # index of the first word of the current label
    new = tuple.__new__  # Segment(...) without the Python-level __new__ of a NamedTuple (a third of the cost)
    known_label = _labels.get
    line_end = -1  # the line break after the current label's last word (one find per line, not per segment)
    for run in _VALUE_RUNS.finditer(kinds):
        values_from, values_to = run.span()
        if values_to < count and not run.group().strip(b"\x03"):
            continue  # only line-opening separators: a markdown row's left border, not a row
        values = tuple(tokens[values_from:values_to])
        follows = ""
        if values_to < count:
            _, next_start, next_end = tokens[values_to]
            follows = text[next_start : min(next_end, next_start + 4)]
        if values_from == words_from:
            append(new(Segment, ("", values[0][1], values, size_of_text, follows)))
            words_from = values_to
            continue
        # The label's words, from the last back until LABEL_TAIL characters are kept.
        last_end = tokens[values_from - 1][2]
        first = values_from - 1
        size = 0
        while first > words_from:
            kind, word_start, word_end = tokens[first]
            if kind == TEXT:
                size += word_end - word_start
                if size >= LABEL_TAIL:
                    break
            first -= 1
        while tokens[first][0] != TEXT:
            first += 1
        label_start = tokens[first][1]
        if last_end > line_end:  # segments come in text order: look for the next line break only past the last
            line_end = text.find("\n", last_end)
            if line_end < 0:
                line_end = size_of_text
        printed = text[label_start:last_end]
        label = known_label(printed)
        if label is None:
            label = _label(printed)
        append(new(Segment, (label, label_start, values, line_end, follows)))
        words_from = values_to
    return result
