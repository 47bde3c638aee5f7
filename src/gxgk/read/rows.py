"""What the table readers share: the source, a reader's notes, row keys, fitting values to a row, glue.

A row is found by its label, never by counting numbers from the top: each
:class:`~gxgk.read.cells.Segment` (label text + values) is given to the template
row whose key matches at the *end* of its label text, and the row takes that
segment's values if they fit its columns.  When several segments claim one row
(a header above the table, a narrative sentence that names the row), the one
that fits with the most numbers wins.  A row that finds no fitting segment is
left blank, with a diagnostic; nothing is ever shifted into it from elsewhere.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import accumulate
from typing import Any, Final, NamedTuple

from ..model import (
    Cell,
    CellName,
    Diagnostic,
    Provenance,
    Severity,
    Value,
)
from ..template.spec import (
    ValueKind,
)
from .cells import VALUE, Segment, Token
from .fitting import PLAIN, Shape, fit
from .glue import Check, glued, split_runs, splittable
from .values import SMALL_COUNTS, CellError, parse_value

__all__ = ["Fit", "Glue", "Keys", "Source", "SumIdentity", "fit_segment", "printed_row"]

#: How many characters may follow a row key at the end of its label text
#: ("（件）", "：", a stray bracket) and still count as that row's label.
_TRAILING: Final = 4
#: A numbered sub-row's label opening ("1.", "2、"): text after a key that starts another row.
_NUMBERING = re.compile(r"\d[.．、]")
#: Labels whose owner is remembered per table (see :class:`Keys`).
_MEMO_SIZE: Final = 10_000
#: Most counts and changes a report prints, already read: a lookup costs less than ``int()``.
_DIGIT = re.compile(r"\d")

class Source:
    """The text being read, and the line of any offset in it (for provenance).

    Cells are read mostly top to bottom, so the line of an offset is counted
    on from the last one asked for (``str.count``, in C), and no index of
    the lines is needed.  The first offset asked for out of order builds that
    index, once, and is found in it by bisection; lines are counted on from
    the furthest offset, so the counting stays linear in the text whatever
    the order of the questions.
    """

    __slots__ = ("_starts", "line", "position", "printed", "text")

    def __init__(self, text: str, printed: str | None = None) -> None:
        self.text = text
        #: the text as printed, before normalising (same length and offsets): display widths are measured on it
        self.printed = text if printed is None or len(printed) != len(text) else printed
        self.position = 0  #: the furthest offset asked for so far …
        self.line = 1  #: … and its 1-based line
        self._starts: list[int] | None = None

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset``."""
        if offset >= self.position:
            self.line += self.text.count("\n", self.position, offset)
            self.position = offset
            return self.line
        return self.line_before(offset)

    def line_before(self, offset: int) -> int:
        """The line of an offset before :attr:`position` (any offset, in fact)."""
        if self._starts is None:
            lengths = map(len, self.text.split("\n")[:-1])
            self._starts = list(accumulate(map((1).__add__, lengths), initial=0))
        return bisect_right(self._starts, offset)


class _Reader:
    """Collects diagnostics while cells are read."""

    def __init__(self, source: Source, section: str) -> None:
        self.source = source
        self.section = section
        self.number = "一二三四".index(section) + 1  #: the section as a number, for :class:`CellName`
        self.shape = PLAIN  #: what the table's lines say about its rows' cells (see :func:`fit`)
        self.diagnostics: list[Diagnostic] = []

    def note(self, code: str, message: str, offset: int | None, severity: Severity = Severity.WARNING,
             row: str | None = None, column: str | None = None, *, table: bool = False) -> None:
        """Add a diagnostic; ``row``/``column`` (official labels) or ``table=True`` name the cells it is about."""
        line = None if offset is None else self.source.line_of(offset)
        cells = (CellName(self.number, row, column),) if row is not None or table else ()
        self.diagnostics.append(Diagnostic(code, f"{self.section}: {message}", severity, offset, line, cells))

    def cells(self, tokens: Sequence[Token], kinds: Sequence[ValueKind], row: str, columns: Sequence[str],
              note: str | None = None) -> list[Cell]:
        """The cells of one row's tokens (``EMPTY``: printed blank), one per kind and column.

        This runs for every cell of every report, so the common case (a
        plain count) is read inline, without the value grammar, and a cell is
        named (``row · column``) only when there is something to say about it.
        """
        source = self.source
        text = source.text
        newlines = text.count
        position, line = source.position, source.line  # see Source.line_of, inlined
        amount = ValueKind.AMOUNT
        new = tuple.__new__  # Provenance(...) and Cell(...) without their Python-level constructors
        small = SMALL_COUNTS.get
        cells: list[Cell] = []
        append = cells.append
        for index, (token_kind, start, end) in enumerate(tokens):
            raw = text[start:end]
            if start >= position:
                line += newlines("\n", position, start)
                position = start
                prov = new(Provenance, (start, end, line, raw, note))
            else:
                prov = new(Provenance, (start, end, source.line_before(start), raw, note))
            if token_kind != VALUE:
                append(new(Cell, (None, prov)))
            elif (kind := kinds[index]) is amount or (value := small(raw)) is None:  # a count or change
                append(new(Cell, (self._value(raw, kind, row, columns[index], start), prov)))
            else:
                append(new(Cell, (value, prov)))
        source.position, source.line = position, line
        return cells

    def _value(self, raw: str, kind: ValueKind, row: str, column: str, offset: int) -> Value:
        try:
            return parse_value(raw, kind)
        except CellError as exc:
            where = f"{row} · {column}" if column else row
            self.note("P-cell-value", f"{where}: {exc}; left blank", offset, row=row, column=column or None)
            return None


def printed_row(text: str, segment: Segment) -> str:
    """The line that holds a segment's first value: its row as printed."""
    start = text.rfind("\n", 0, segment.values[0][1]) + 1
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


class Keys:
    """The row keys of one table, compiled once, with a memo of which key owns a label.

    A key "owns" a label when it matches last (nearest the end), within
    :data:`_TRAILING` characters of the end, and not before a numbered sub-row's first
    words ("（六）其他处理1.申请": a wrapped label's first line); the longest match wins a tie.
    Which key owns a label depends on the label alone, and the same labels
    recur in every report of a template, so the answer is remembered (up to
    :data:`_MEMO_SIZE` labels; then the memo starts over).
    """

    def __init__(self, keys: Iterable[str]) -> None:
        import regex  # on first use, as LazyRegex does (import time)

        self.patterns = tuple(regex.compile(f"(?r)(?:{key})") for key in keys)
        self._owners: dict[str, int | None] = {}
        self._starts: dict[tuple[str, int], int] = {}

    def start(self, label: str, index: int) -> int:
        """Where key ``index`` matches in ``label`` (its owner's match: the row's own label starts there)."""
        key = (label, index)
        found = self._starts.get(key)
        if found is None:
            match = self.patterns[index].search(label)
            found = len(label) if match is None else match.start()
            if len(self._starts) >= _MEMO_SIZE:
                self._starts.clear()
            self._starts[key] = found
        return found

    def owner(self, label: str) -> int | None:
        """Index of the key that owns ``label``, if any."""
        owners = self._owners
        if label in owners:
            return owners[label]
        best: tuple[int, int] | None = None
        best_index = None
        limit = len(label) - _TRAILING
        for index, key in enumerate(self.patterns):
            match = key.search(label)
            if match is None or match.end() < limit or _NUMBERING.search(label, match.end()):
                continue  # far from the end, or followed by a numbered sub-row's first words ("（六）其他处理1.申请")
            rank = (match.end(), -match.start())
            if best is None or rank > best:
                best, best_index = rank, index
        if len(owners) >= _MEMO_SIZE:
            owners.clear()
        owners[label] = best_index
        return best_index


#: The keys of section 四's three rows (compiled on first use, by :func:`_keys`).


@functools.cache
def _keys(keys: tuple[str, ...]) -> Keys:
    return Keys(keys)


def _claims(segments: Iterable[Segment], keys: Keys) -> dict[int, list[Segment]]:
    claims: dict[int, list[Segment]] = {}
    owner = keys.owner
    for segment in segments:
        index = owner(segment.label)
        if index is not None:
            claims.setdefault(index, []).append(segment)
    return claims


class Fit(NamedTuple):
    """How a segment's values become a row's cells.

    ``cuts`` holds the possible cell tokens: one cut when the row is
    determined, several when glued digits split more than one way.
    ``glued`` says the cells were recovered by splitting digit runs.
    """

    cuts: list[tuple[Token, ...]]
    glued: bool = False
    exhausted: bool = False


def _fit_of(cells: tuple[Token, ...]) -> Fit:
    """``Fit([cells])``, without the named tuple's Python-level constructor (once per row of every table)."""
    return tuple.__new__(Fit, ([cells], False, False))


class Glue(NamedTuple):
    """How a table may split glued digits: the row identity that checks a cut, and vanished blanks allowed.

    Without an identity (section 二) a run is split only where its characters
    force it: one character per cell, every multi-digit run showing signs of
    glue (:func:`~gxgk.read.glue.glued`).
    """

    check: Check | None = None
    blanks: int = 0
    #: Split only as section 二 does (runs that cannot be read another way, see :func:`_forced_cut`)
    #: and check the identity, or where one cell of an otherwise whole row holds two (a PDF cell
    #: that lost its border): section 四, whose only identity (总计 = Σ per block) a publisher's
    #: wrong total, or blanks that vanished, can leave satisfied by a wrong split of a long run.
    forced: bool = False


#: Section 二: no identity, so only forced splits.
_FORCED: Final = Glue()


def fit_segment(segment: Segment, kinds: Sequence[ValueKind], text: str, glue: Glue | None = None,
                shape: Shape = PLAIN) -> Fit:
    """Cells for a segment: all its values, else those on its label's line, else split glued digits.

    When the values run on past the label's line (a markdown table whose next
    rows lost their labels), the label's own line is its row.  When the
    values are runs of glued digits, :func:`~gxgk.read.glue.split_runs` lists the
    cuts that the row's identity allows (``glue``; ``None``: never split).
    """
    n = len(kinds)
    cells = fit(segment.values, n, text, shape)
    if cells is not None:
        return _fit_of(cells)
    on_line = [token for token in segment.values if token[1] <= segment.line_end]  # a tab before the break is a cell
    if len(on_line) < len(segment.values):
        cells = fit(on_line, n, text, shape)
        if cells is not None:
            return _fit_of(cells)
    if glue is None:
        return Fit([])
    for tokens in (segment.values, on_line):
        # every cell takes a character at least: a sentence's "12件" cannot hold a row of seven
        chars = sum(end - start for _, start, end in tokens)
        if len(tokens) < n <= chars + glue.blanks and splittable(text, tokens, segment.follows):
            if glue.check is None or (glue.forced and len(tokens) != n - 1):
                forced = _forced_cut(text, tokens, n)
                if forced is not None and glue.check is not None and not _holds(glue.check, text, forced):
                    forced = None
                return Fit([forced], glued=True) if forced else Fit([])
            found = split_runs(text, tokens, kinds, glue.check, blanks=glue.blanks)
            if found.cuts or found.exhausted:
                return Fit(found.cuts, glued=True, exhausted=found.exhausted)
    return Fit([])


def _holds(check: Check, text: str, cut: Sequence[Token]) -> bool:
    """Whether ``check`` holds on a cut's values, checked as they are placed (as the splitter does)."""
    values: list[int | Decimal | None] = []
    for _, start, end in cut:
        values.append(int(text[start:end]))
        if not check(values):
            return False
    return True


def _forced_cut(text: str, tokens: Sequence[Token], n: int) -> tuple[Token, ...] | None:
    """One cell per digit, where no other reading is possible: section 二 has no identity to check one.

    The digits must number exactly ``n``, and every run must be zeros but
    its last digit ("规章000", "007"): any other run could also be read as
    fewer, longer numbers with a blank cell vanished ("010" is 0, ∅, 10 as
    well as 0, 1, 0), and "规章 1 11" is two numbers, not three cells.
    """
    if sum(end - start for _, start, end in tokens) != n:
        return None
    for _, start, end in tokens:
        if not text[start:end].isdigit() or text[start : end - 1].strip("0"):
            return None
    if len(tokens) == 1 and not glued(text, tokens[0]):
        return None
    return tuple((VALUE, offset, offset + 1) for _, start, end in tokens for offset in range(start, end))


def _has_number(tokens: Sequence[Token], text: str) -> bool:
    """Whether any cell holds a number (not only blanks or blank markers)."""
    return any(kind == VALUE and _DIGIT.search(text, start, end) is not None for kind, start, end in tokens)


def _best(candidates: Sequence[Segment], kinds: Sequence[ValueKind], text: str, after: int = -1,
          glue: Glue | None = None, shape: Shape = PLAIN) -> tuple[Segment, Fit] | None:
    """The first candidate after offset ``after`` that fits the row's cells with a number in them.

    ``after`` is where the previous row of the table was read: the next row
    is the first fitting one after it.  A narrative sentence naming a row
    before the table, or a header row's blank padding, therefore never wins
    over the table's own row.  Without such a candidate, any fitting one.
    """
    if len(candidates) == 1:  # the common case
        found = fit_segment(candidates[0], kinds, text, glue, shape)
        return (candidates[0], found) if found.cuts or found.exhausted else None
    return _first_after(_fitting(candidates, kinds, text, glue, shape), text, after)


def _fitting(candidates: Sequence[Segment], kinds: Sequence[ValueKind], text: str, glue: Glue | None,
             shape: Shape) -> list[tuple[Segment, Fit]]:
    return [(segment, found) for segment in candidates
            if (found := fit_segment(segment, kinds, text, glue, shape)).cuts or found.exhausted]


def _first_after(fitting: Sequence[tuple[Segment, Fit]], text: str, after: int) -> tuple[Segment, Fit] | None:
    """Of the fitting candidates, the first after ``after`` with a number (see :func:`_best`)."""
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    return min(fitting, key=lambda item: (item[0].values[0][1] <= after,
                                          not item[1].cuts or not _has_number(item[1].cuts[0], text),
                                          item[0].values[0][1]))


def _rival(found: tuple[Segment, Fit], fitting: Sequence[tuple[Segment, Fit]], text: str, after: int
           ) -> Segment | None:
    """Another fitting candidate after ``after`` that reads the row as printed too, with other numbers, if any.

    Both stand where the table's next row may stand and both fit it as
    printed (no glue), so position cannot choose: a summary row above the
    table, or a second copy of the row, that disagrees leaves the row unknown.
    """
    segment, fitted = found
    if segment.values[0][1] <= after or fitted.glued or len(fitted.cuts) != 1 or not _has_number(fitted.cuts[0], text):
        return None
    mine = [text[start:end] for _, start, end in fitted.cuts[0]]
    for other, other_fit in fitting:
        if (other is not segment and other.values[0][1] > after and not other_fit.glued
                and len(other_fit.cuts) == 1 and [text[start:end] for _, start, end in other_fit.cuts[0]] != mine
                and _has_number(other_fit.cuts[0], text)):
            return other
    return None


def _choose(claims: dict[int, list[Segment]], plan: _Plan, reader: _Reader, glue: Glue | None = None,
            kinds: Sequence[Sequence[ValueKind]] | None = None) -> dict[int, tuple[Segment, Fit]]:
    """One segment per row, in template order.

    A row out of template order is kept (with a note) when its label says
    what it is beyond doubt: only one segment claims it, and its values stand
    on its label's line, read as printed.  Otherwise it is left blank: a
    label a converter scattered away from its values (or text that names a
    row) would give the row another row's numbers.
    """
    chosen: dict[int, tuple[Segment, Fit]] = {}
    after = -1
    text = reader.source.text
    for index, row_kinds in enumerate(kinds or plan.kinds):
        candidates = claims.get(index, ())
        if len(candidates) > 1:
            fitting = _fitting(candidates, row_kinds, text, glue, reader.shape)
            found = _first_after(fitting, text, after)
            rival = None if found is None else _rival(found, fitting, text, after)
        else:
            found, rival = _best(candidates, row_kinds, text, after, glue, reader.shape), None
        if found is not None and rival is not None:
            reader.note("P-row-duplicate", f"{plan.labels[index]}: printed twice with different numbers, "
                        f"{_describe(found[0], reader.source)} and {_describe(rival, reader.source)}, and nothing "
                        "tells which is the table's row; left blank", found[0].label_start, row=plan.names[index])
            after = max(after, found[0].values[0][1], rival.values[0][1])
            continue
        if found is not None:
            chosen[index] = found
            after = max(after, found[0].values[0][1])
        elif not plan.optional[index]:
            _missing(reader, claims.get(index, ()), plan.labels[index], len(row_kinds), plan.names[index])
    for index in _out_of_order({i: seg.values[0][1] for i, (seg, _) in chosen.items()}):
        segment, fitted = chosen[index]
        if len(claims.get(index, ())) == 1 and not fitted.glued and segment.values[-1][1] < segment.line_end:
            reader.note("P-row-order", f"{plan.labels[index]}: its label stands out of template order; read by its "
                        "label", segment.label_start, Severity.INFO)
            continue
        del chosen[index]
        reader.note("P-row-order", f"{plan.labels[index]}: its label stands out of template order "
                    f"{_describe(segment, reader.source)}, and other text claims it too; left blank",
                    segment.label_start, row=plan.names[index])
    return chosen


def _determined(reader: _Reader, label: str, segment: Segment, found: Fit, name: str | None
                ) -> tuple[Token, ...] | None:
    """The row's cell tokens if its fit is unique; otherwise say why it is left blank."""
    text = reader.source.text
    if len(found.cuts) == 1 and not found.glued:
        return found.cuts[0]
    run = " ".join(text[t[1] : t[2]] for t in segment.values)
    if len(found.cuts) == 1 and not found.exhausted:  # a search cut short proves no cut unique
        if found.glued:
            reader.note("P-glued", f"{label}: glued digits '{run}' split the only way the identities allow: "
                        + " | ".join(text[t[1] : t[2]] for t in found.cuts[0]), segment.label_start,
                        Severity.INFO)
        return found.cuts[0]
    if found.exhausted:
        reader.note("P-glued-bound", f"{label}: glued digits '{run}' have too many possible splits to search; "
                    "left blank", segment.label_start, row=name, table=name is None)
    else:
        reader.note("P-glued-ambiguous", f"{label}: glued digits '{run}' split {len(found.cuts)} ways "
                    f"({_shown(text, found.cuts)}); left blank", segment.label_start, row=name, table=name is None)
    return None


def _shown(text: str, cuts: Sequence[tuple[Token, ...]]) -> str:
    """A few cuts as their parts ("∅" for a vanished blank), for a diagnostic."""
    shown = "; ".join(" | ".join(text[t[1] : t[2]] or "∅" for t in cut) for cut in cuts[:4])
    return shown + (f" (and {len(cuts) - 4} more)" if len(cuts) > 4 else "")


def _describe(segment: Segment, source: Source) -> str:
    raws = " ".join(source.text[t[1] : t[2]] or "∅" for t in segment.values[:20])
    return f"[{raws}]"


class SumIdentity:
    """Groups of ``size`` counts whose last is the sum of the others, checked on a cut of glued digits.

    Called with a cut's values so far, it checks each group as it completes.
    :meth:`fits` prunes earlier: the parts of the group under way cannot sum
    to more than its total can be, and the total has at most the characters
    left but one per cell still to come (each cell takes one at least).
    """

    def __init__(self, size: int) -> None:
        self.size = size

    def __call__(self, values: Sequence[Value]) -> bool:
        if not values or len(values) % self.size:
            return True
        group = values[-self.size :]
        return group[-1] == sum(v or 0 for v in group[:-1])

    def fits(self, values: Sequence[Value], chars_left: int, cells_left: int) -> bool:
        """False when no cut that goes on from ``values`` can hold (see the class docstring)."""
        placed = len(values) % self.size
        if not placed:
            return True  # a group just completed; __call__ checked it
        digits = chars_left - (cells_left - 1)  # at most, for the group's total
        return digits >= 19 or sum(v or 0 for v in values[-placed:]) < 10**digits




def _glued_note(reader: _Reader, segment: Segment) -> str:
    run = " ".join(reader.source.text[t[1] : t[2]] for t in segment.values)
    return f"recovered from glued digits '{run}'"


class _Plan(NamedTuple):
    """What reading one table of a template needs, derived once from its specs."""

    keys: Keys
    labels: tuple[str, ...]  #: row labels, for diagnostics
    kinds: tuple[tuple[ValueKind, ...], ...]  #: each row's column kinds
    columns: tuple[tuple[str, ...], ...]  #: each row's column labels
    optional: tuple[bool, ...]  #: rows that may be absent without a diagnostic
    classes: tuple[type[Any], ...]  #: each row's class (section 二)
    names: tuple[str, ...]  #: each row's official label, as records and :class:`CellName` give it


def _missing(reader: _Reader, candidates: Sequence[Segment], where: str, n: int, name: str | None) -> None:
    """Say why a row is blank; ``name`` is its official label (``None``: the whole table)."""
    text = reader.source.text
    glued_runs = [s for s in candidates if len(s.values) < n and splittable(text, s.values, s.follows)]
    if glued_runs and reader.section == "二":
        run = " ".join(text[t[1] : t[2]] for t in glued_runs[0].values)
        reader.note("P-glued-ambiguous", f"{where}: glued digits '{run}' could be cut into its {n} cells in more "
                    "than one way, and section 二 has no identity to check a cut (only a run of one digit per "
                    "cell, glued to its label, is split); left blank", glued_runs[0].label_start, row=name)
    elif candidates:
        seen = "; ".join(_describe(s, reader.source) for s in candidates[:3])
        reader.note("P-row-cells", f"{where}: the values do not fit its {n} columns, or fit them two ways "
                    f"({seen}); left blank", candidates[0].label_start, row=name, table=name is None)
    else:
        reader.note("P-row-missing", f"{where}: row not found; left blank", None, row=name, table=name is None)


def _out_of_order(positions: dict[int, int]) -> list[int]:
    """Rows to drop so that the rest stand in template order in the document.

    Keeps a longest chain of rows whose positions increase with their template
    index (patience sorting, O(n log n)); every other row is out of order.
    """
    order = sorted(positions)
    in_place = [positions[row] for row in order]
    if all(map(int.__lt__, in_place, in_place[1:])):
        return []  # the common case: every row stands in order
    tails: list[int] = []  # positions
    tail_rows: list[int] = []
    parent: dict[int, int | None] = {}
    for row in order:
        place = bisect_left(tails, positions[row])
        parent[row] = tail_rows[place - 1] if place else None
        if place == len(tails):
            tails.append(positions[row])
            tail_rows.append(row)
        else:
            tails[place], tail_rows[place] = positions[row], row
    keep: set[int] = set()
    row_or_none: int | None = tail_rows[-1] if tail_rows else None
    while row_or_none is not None:
        keep.add(row_or_none)
        row_or_none = parent[row_or_none]
    return [row for row in order if row not in keep]
