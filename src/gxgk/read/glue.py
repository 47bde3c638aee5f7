"""Split runs of glued digits into cells, only where the identities leave one way.

Crawlers that drop cell borders print a row of seven cells as one run
("（一）予以公开7000007"), or a few runs where spaces survived ("230 000023").
Such a run is ambiguous in general.  This module enumerates the ways to cut
the row's runs into exactly as many cells as the row has, keeping only cuts
where every part is a well-formed value of its column and the row's own
identity holds (a section 三 row's 总计 is the sum of its applicant columns; a
section 四 block's 总计 the sum of its four results).  The caller accepts a cut
only when exactly one survives, or resolves several with the table's other
identities.

Every part of a cut is a sub-span of the source run, so a recovered cell's
provenance points at exactly the digits it was read from.

The search is a depth-first walk over cut positions, bounded by a node
budget: a hostile run cannot make it explode, and hitting the bound is
reported (the row then stays blank).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final, NamedTuple

from .._lazy import LazyRegex
from ..template.spec import ValueKind
from .cells import EMPTY, VALUE, Token
from .values import MONEY_UNITS, CellError, parse_value

__all__ = ["Splits", "split_runs"]

#: Most digits a count may have (999,999,999), and an amount with decimals.
MAX_COUNT_DIGITS: Final = 9
MAX_AMOUNT_CHARS: Final = 16
#: Cut positions tried before giving up on a row (every attempt counts, so the
#: budget bounds the time, not just the depth of the search).
NODE_BUDGET: Final = 20_000
#: How many times :data:`NODE_BUDGET` the search with vanished blanks may take.
BLANK_BUDGET_FACTOR: Final = 5

# The standard engine: a third of ``regex``'s cost per call on these short spans, and no class it lacks.
_RUN = re.compile(rf"[+\-]?+\d[\d.+\-增减]*+(?:{MONEY_UNITS})?+")
# What may follow a row's digits when they are split: the next label (text,
# a bracket, a numbering digit) or nothing.  Anything else ("+", "%", ".")
# means the digits were cut short and the row is not whole.
_NEXT_LABEL = LazyRegex(r"[\p{Han}(（\d【\[]")

#: A check on the values of a cut so far (called after every part): False prunes.
#: It may also have a method ``fits(values, chars_left, cells_left)`` that is
#: False when no way of cutting the characters left into the cells left can
#: make the check hold: the search then prunes before placing them.
Check = Callable[[Sequence[int | Decimal | None]], bool]


def glued(text: str, token: Token) -> bool:
    """Whether a token may hold several cells.

    It may when it touches text with no space between ("规章000", "…总计23"),
    has a leading zero ("000023"), has a sign inside ("707+285909"), or has
    a single stray space on a side, as crawler text leaves them ("230 000023",
    "予以公开 7000007" at a line's end); a table's identities must then check
    any split.  A number alone between hard edges (a line's ends, borders,
    wide gaps) is one cell: one cell per line, and fixed-width text that
    prints a blank as spaces ("规章    1        11"), where "11" must not
    become two cells.  (Section 二, which has no identity, splits only
    runs glued to its label: see ``gxgk.read.tables._forced_cut``.)
    """
    start, end = token[1], token[2]
    raw = text[start:end]
    if (len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()) or any(sign in raw[1:] for sign in "+-增减"):
        return True
    if _touches(text, start - 1) or _touches(text, end):
        return True
    return not (_wide(text, start - 1, -1) and _wide(text, end, 1))  # alone between hard edges: one cell


def _touches(text: str, index: int) -> bool:
    """Whether the character at ``index`` is text the number is glued to (no space, border or edge)."""
    return 0 <= index < len(text) and not text[index].isspace() and text[index] not in "|\t"


def _wide(text: str, index: int, step: int) -> bool:
    """Whether the gap at ``index`` (going by ``step``) is a line end, a border, the text's edge or 2+ spaces."""
    spaces = 0
    while 0 <= index < len(text) and text[index] in " \u3000":
        spaces += 1
        index += step
    return not 0 <= index < len(text) or text[index] in "\n\t|" or spaces >= 2


_BORDER_BEFORE = LazyRegex(r"(?:^|[|\t])[ ]*+$")
_BORDER_AFTER = LazyRegex(r"[ ]*+(?:[|\t]|$)")


def bordered(text: str, token: Token) -> bool:
    """Whether a token fills a cell between explicit borders ("| 134 |").

    A PDF table may draw two values in one merged cell; an HTML or PDF
    extraction then prints them as one bordered cell.  Such a cell may be
    split, but only where an identity checks the split.
    """
    line_start = text.rfind("\n", 0, token[1]) + 1
    line_end = text.find("\n", token[2])
    line_end = len(text) if line_end < 0 else line_end
    return (_BORDER_BEFORE.search(text, line_start, token[1]) is not None
            and _BORDER_AFTER.match(text, token[2], line_end) is not None and "|" in text[line_start:line_end])


class Splits(NamedTuple):
    """The surviving cuts of a row (each a tuple of part tokens), and whether the budget ran out."""

    cuts: list[tuple[Token, ...]]
    exhausted: bool


def splittable(text: str, tokens: Sequence[Token], follows: str = "") -> bool:
    """True when every token is a run of digits that could hold several cells, and the row is whole."""
    if follows and not _NEXT_LABEL.match(follows):
        return False
    return bool(tokens) and all(
        token[0] == VALUE and _RUN.fullmatch(text, token[1], token[2]) is not None for token in tokens
    )


def split_runs(text: str, tokens: Sequence[Token], kinds: Sequence[ValueKind], check: Check | None = None,
               budget: int = NODE_BUDGET, blanks: int = 0) -> Splits:
    """Every way to cut ``tokens`` into ``len(kinds)`` cells of those kinds that ``check`` accepts.

    ``blanks`` is how many cells may be *vanished blanks*: a blank cell of
    flattened text leaves no trace, so a cut may also place an empty part
    (an ``EMPTY`` token of width 0, value ``None``) at any position.  A row
    read with ``blanks=1`` is unique only when no reading with a vanished
    blank satisfies the identity as well.

    >>> from gxgk.read.cells import VALUE, tokenize
    >>> text = "（一）予以公开7000007"
    >>> runs = [t for t in tokenize(text) if t[0] == VALUE]
    >>> row_total = lambda v: len(v) < 7 or v[6] == sum(v[:6])
    >>> [tuple(text[start:end] for _, start, end in cut)
    ...  for cut in split_runs(text, runs, [ValueKind.COUNT] * 7, row_total).cuts]
    [('7', '0', '0', '0', '0', '0', '7')]
    """
    whole = _whole(text, tokens, check)
    if not tokens:
        return _search(text, tokens, kinds, check, budget, blanks, whole)
    base = tokens[0][1]
    # The search reads nothing but the runs' own text, which cells stand alone (context: glued(),
    # bordered()), the kinds, the identity and the limits; flattened pages repeat the same glued
    # rows ("0000000") many times, so the answer is remembered by those, with offsets from the first
    # run.  The check itself is in the key: holding it keeps its identity from being reused.
    key = (text[base : tokens[-1][2]], tuple((start - base, end - base) for _, start, end in tokens),
           whole, tuple(kinds), check, budget, blanks)
    found = _SPLITS.get(key)
    if found is None:
        found = _search(text, tokens, kinds, check, budget, blanks, whole)
        if len(_SPLITS) >= _SPLITS_MEMO:
            _SPLITS.clear()
        _SPLITS[key] = Splits([tuple((kind, start - base, end - base) for kind, start, end in cut)
                               for cut in found.cuts], found.exhausted)
        return found
    return Splits([tuple((kind, start + base, end + base) for kind, start, end in cut) for cut in found.cuts],
                  found.exhausted)


#: Remembered searches (see :func:`split_runs`), at most this many before the memo starts over.
_SPLITS_MEMO: Final = 2_000
_SPLITS: dict[tuple[object, ...], Splits] = {}


def _whole(text: str, tokens: Sequence[Token], check: Check | None) -> tuple[bool, ...]:
    """Which tokens are one cell each: no sign of glue, and (without an identity to check a split) none
    that a cell border could hide."""
    return tuple(not glued(text, token) and not (check is not None and bordered(text, token)) for token in tokens)


def _search(text: str, tokens: Sequence[Token], kinds: Sequence[ValueKind], check: Check | None, budget: int,
            blanks: int, whole: Sequence[bool]) -> Splits:
    search = _Search(text, tokens, kinds, check, budget, whole)
    search.walk(0, tokens[0][1] if tokens else 0, [], [])
    if not blanks or not search.found or search.nodes > budget:
        return Splits(search.found, search.nodes > budget)
    # Readings with a vanished blank are looked for only when a reading without one exists (they
    # can only make it ambiguous); their search prunes less, so it has a larger budget.
    wide = budget * BLANK_BUDGET_FACTOR
    search = _Search(text, tokens, kinds, check, wide, whole, blanks)
    search.walk(0, tokens[0][1] if tokens else 0, [], [])
    return Splits(search.found, search.nodes > wide)


class _Search:
    """The depth-first walk over cut positions (iterative in spirit: depth ≤ number of cells)."""

    def __init__(self, text: str, tokens: Sequence[Token], kinds: Sequence[ValueKind], check: Check | None,
                 budget: int, whole: Sequence[bool], blanks: int = 0) -> None:
        self.text, self.tokens, self.kinds, self.check, self.budget = text, tokens, kinds, check, budget
        self.blanks = blanks  #: empty parts (vanished blanks) a cut may still place
        self.whole = whole  #: tokens that are one cell each (see :func:`_whole`)
        # characters from each token to the end, so the room check is O(1)
        self.rest = [0] * (len(tokens) + 1)
        for index in range(len(tokens) - 1, -1, -1):
            self.rest[index] = self.rest[index + 1] + tokens[index][2] - tokens[index][1]
        self.found: list[tuple[Token, ...]] = []
        self.nodes = 0
        # a part's value depends on its span and column kind only, and the
        # walk meets the same spans on many branches
        self.values: dict[tuple[int, int, int, bool], object] = {}
        self.codes = [_KIND_CODES[kind] for kind in kinds]
        self.fits: Callable[[Sequence[int | Decimal | None], int, int], bool] | None = getattr(check, "fits", None)

    def walk(self, index: int, start: int, parts: list[Token], values: list[int | Decimal | None]) -> None:
        self.nodes += 1
        if self.nodes > self.budget:
            return
        cell = len(parts)
        if self.blanks and cell < len(self.kinds):
            self._vanished(index, start, parts, values)
        if index == len(self.tokens):
            if len(parts) == len(self.kinds):
                self.found.append(tuple(parts))
            return
        if cell >= len(self.kinds) or not self._room(index, start, cell):
            return
        token = self.tokens[index]
        kind = self.kinds[cell]
        longest = MAX_AMOUNT_CHARS if kind is ValueKind.AMOUNT else MAX_COUNT_DIGITS + 1
        first = token[2] if self.whole[index] else start + 1
        for end in range(first, min(token[2], start + longest) + 1):
            self.nodes += 1
            if self.nodes > self.budget:
                return
            last = end == token[2]
            key = (start, end, self.codes[cell], last)  # a code for the kind: an enum hashes in Python, slowly
            value = self.values.get(key, _UNKNOWN)
            if value is _UNKNOWN:
                value = self.values[key] = self._value(start, end, kind, last)
            if value is _INVALID:
                continue
            parts.append((VALUE, start, end))
            values.append(value)  # type: ignore[arg-type]
            if (self.check is None or self.check(values)) and (
                    self.fits is None
                    or self.fits(values, token[2] - end + self.rest[index + 1], self._cells_to_fill(len(values)))):
                if end == token[2]:
                    self.walk(index + 1, self.tokens[index + 1][1] if index + 1 < len(self.tokens) else end,
                              parts, values)
                else:
                    self.walk(index, end, parts, values)
            parts.pop()
            values.pop()

    def _vanished(self, index: int, start: int, parts: list[Token], values: list[int | Decimal | None]) -> None:
        """Go on with a vanished blank as the next cell (an empty part)."""
        parts.append((EMPTY, start, start))
        values.append(None)
        chars = (self.tokens[index][2] - start + self.rest[index + 1]) if index < len(self.tokens) else 0
        if (self.check is None or self.check(values)) and (
                self.fits is None or self.fits(values, chars, self._cells_to_fill(len(values) - 1))):
            self.blanks -= 1
            self.walk(index, start, parts, values)
            self.blanks += 1
        parts.pop()
        values.pop()

    def _cells_to_fill(self, placed: int) -> int:
        """The cells left after ``placed`` that must take a character: vanished blanks take none."""
        return max(len(self.kinds) - placed - self.blanks, 1)

    def _room(self, index: int, start: int, cell: int) -> bool:
        """Prune: the characters left must be able to fill the cells left, one to nine each."""
        chars = (self.tokens[index][2] - start) + self.rest[index + 1]
        runs = len(self.tokens) - index
        cells = len(self.kinds) - cell
        return runs <= cells <= chars + self.blanks

    def _value(self, start: int, end: int, kind: ValueKind, last: bool) -> object:
        raw = self.text[start:end]
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return _INVALID  # no leading zeros: "07" is two cells
        if not last and not raw[-1].isdigit():
            return _INVALID  # a unit or point ends a cell only at the run's end
        if raw[0] in "+-增减" and kind is not ValueKind.DELTA:
            return _INVALID
        if any(sign in raw[1:] for sign in "+-增减"):
            return _INVALID
        try:
            return parse_value(raw, kind)
        except CellError:
            return _INVALID


_KIND_CODES: Final = {kind: code for code, kind in enumerate(ValueKind)}
_INVALID: Final = object()
_UNKNOWN: Final = object()
