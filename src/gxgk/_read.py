"""Template-driven readers for the tables of sections 二, 三 and 四.

A row is found by its label, never by counting numbers from the top: each
:class:`~gxgk._cells.Segment` (label text + values) is given to the template
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
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from itertools import accumulate
from typing import Any, Final, NamedTuple

import attrs

from ._cells import EDGE, EMPTY, VALUE, Segment, Token
from ._glue import Check, glued, split_runs, splittable
from ._header import Order, Unreadable, appeal_order, applicant_order, header_text
from ._lazy import LazyRegex
from ._model import (
    AppealBlock,
    Appeals,
    Cell,
    CellName,
    Diagnostic,
    Disclosure,
    Disclosure2019,
    Disclosure2021,
    Provenance,
    RequestRow,
    Requests,
    Severity,
    Value,
)
from ._table import Resolution, resolve_table
from ._template import (
    APPEAL_BLOCKS,
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
    APPLICANT_FIELDS,
    DISCLOSURE_ROWS,
    LEGAL_PERSON_COLUMNS,
    MONEY_UNIT_FACTORS,
    REQUEST_ROWS,
    SUBTOTAL,
    RequestRowSpec,
    Template,
    ValueKind,
    printed_rows,
)
from ._values import CellError, parse_value

__all__ = ["Source", "read_appeals", "read_disclosure", "read_requests"]

#: How many characters may follow a row key at the end of its label text
#: ("（件）", "：", a stray bracket) and still count as that row's label.
_TRAILING: Final = 4
#: Labels whose owner is remembered per table (see :class:`Keys`).
_MEMO_SIZE: Final = 10_000
_APPEAL_CELLS: Final = 15
#: Most counts and changes a report prints, already read: a lookup costs less than ``int()``.
_SMALL_COUNTS: Final = {str(number): number for number in range(1000)}
_REQUEST_KINDS: Final = (ValueKind.COUNT,) * len(APPLICANT_FIELDS)
_BLOCK_KINDS: Final = (ValueKind.COUNT,) * len(APPEAL_COLUMNS)
_DISCLOSURE_CLASSES: Final[dict[Template, type[Disclosure2019] | type[Disclosure2021]]] = {
    Template.V2019: Disclosure2019,
    Template.V2021: Disclosure2021,
}
_DIGIT = re.compile(r"\d")
# A literal alternation, which `re` skips to in C (a segment's label can be 160 characters).
_APPEAL_HEADER = re.compile(r"复议|诉讼|维持|纠正|审结|起诉|尚未|结果")
# Section 四's header ends in "尚未审结 总计": values after it are 四's, never 三's （七）总计.
_APPEAL_HEADER_END = re.compile(r"(?:审结|结果维持|结果纠正|其他结果)(?:总计|合计)$")
_APPEAL_NAMES = tuple(block.rsplit(" / ", 1)[-1] for block in APPEAL_BLOCKS)
# The five result columns printed between a block's name and its values
# (section 四 printed as three small tables, as OCR and converters split it).
_APPEAL_COLUMN_HEADER = LazyRegex(r"(?:结果维持|结果纠正|其他结果|尚未审结|总计|合计)++$")

class Source:
    """The text being read, and the line of any offset in it (for provenance).

    Cells are read mostly top to bottom, so the line of an offset is counted
    on from the last one asked for (``str.count``, in C), and no index of
    the lines is needed.  The first offset asked for out of order builds that
    index, once, and is found in it by bisection; lines are counted on from
    the furthest offset, so the counting stays linear in the text whatever
    the order of the questions.
    """

    __slots__ = ("_starts", "line", "position", "text")

    def __init__(self, text: str) -> None:
        self.text = text
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
        self.padded: object = False  #: the table's lines all have as many cells (see :func:`fit`); tested lazily
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
        small = _SMALL_COUNTS.get
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


def fit(values: Sequence[Token], n: int, padded: object = False) -> tuple[Token, ...] | None:
    """Exactly ``n`` cells from a segment's value tokens, or ``None`` if they do not fit.

    Empty cells at the edges of a row may be padding (a pipe line's trailing
    "| |", a header row's empty cells); empty cells *between* values are
    printed blanks.  So the values fit when, without edge padding, exactly
    ``n`` cells remain, or when all the cells number exactly ``n``.
    Line-opening separators (:data:`~gxgk._cells.EDGE`) count as blank cells
    only when nothing else fits.  In a table that a converter ``padded``
    (every line has as many cells as the widest), cells past the ``n``-th that
    are all empty are that padding: the first ``n`` are the row, blanks included.
    """
    if len(values) == n:
        return tuple(values)  # what the loop below gives: fewer cells without the edges can't fit
    inner = [token for token in values if token[0] != EDGE]
    for cells in (inner, list(values)):
        if len(cells) == n:
            return tuple(cells)
        start, end = 0, len(cells)
        while end > start and cells[end - 1][0] != VALUE:
            end -= 1
        trimmed_end = end
        while start < end and cells[start][0] != VALUE:
            start += 1
        for candidate in (cells[:trimmed_end], cells[start:end]):
            if len(candidate) == n:
                return tuple(candidate)
    if len(inner) > n and all(token[0] == EMPTY for token in inner[n:]) and padded:
        return tuple(inner[:n])
    return None


class Keys:
    """The row keys of one table, compiled once, with a memo of which key owns a label.

    A key "owns" a label when it matches last (nearest the end), within
    :data:`_TRAILING` characters of the end; the longest match wins a tie.
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
            if match is None or match.end() < limit:
                continue
            rank = (match.end(), -match.start())
            if best is None or rank > best:
                best, best_index = rank, index
        if len(owners) >= _MEMO_SIZE:
            owners.clear()
        owners[label] = best_index
        return best_index


#: The keys of section 四's three rows (compiled on first use, by :func:`_keys`).
_APPEAL_ROWS: Final = (r"行政复议\)?$|复议\)?$", r"直接起诉\)?$|未经复议\)?$", r"复议后起诉\)?$|复议后\)?$")


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
    glue (:func:`~gxgk._glue.glued`).
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
                padded: object = False) -> Fit:
    """Cells for a segment: all its values, else those on its label's line, else split glued digits.

    When the values run on past the label's line (a markdown table whose next
    rows lost their labels), the label's own line is its row.  When the
    values are runs of glued digits, :func:`~gxgk._glue.split_runs` lists the
    cuts that the row's identity allows (``glue``; ``None``: never split).
    """
    n = len(kinds)
    cells = fit(segment.values, n, padded)
    if cells is not None:
        return _fit_of(cells)
    on_line = [token for token in segment.values if token[1] < segment.line_end]
    if len(on_line) < len(segment.values):
        cells = fit(on_line, n, padded)
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
          glue: Glue | None = None, padded: object = False) -> tuple[Segment, Fit] | None:
    """The first candidate after offset ``after`` that fits the row's cells with a number in them.

    ``after`` is where the previous row of the table was read: the next row
    is the first fitting one after it.  A narrative sentence naming a row
    before the table, or a header row's blank padding, therefore never wins
    over the table's own row.  Without such a candidate, any fitting one.
    """
    if len(candidates) == 1:  # the common case
        found = fit_segment(candidates[0], kinds, text, glue, padded)
        return (candidates[0], found) if found.cuts or found.exhausted else None
    fitting = [(segment, found) for segment in candidates
               if (found := fit_segment(segment, kinds, text, glue, padded)).cuts or found.exhausted]
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    return min(fitting, key=lambda item: (item[0].values[0][1] <= after,
                                          not item[1].cuts or not _has_number(item[1].cuts[0], text),
                                          item[0].values[0][1]))


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
        found = _best(claims.get(index, ()), row_kinds, text, after, glue, reader.padded)
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


class _SumIdentity:
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


#: H3 on a cut of a section 三 row: 总计 is the sum of the six applicant columns.
_row_total_holds: Final = _SumIdentity(7)
#: H4 on a cut of section 四: each block's 总计 is the sum of its four results.
_block_totals_hold: Final = _SumIdentity(5)


def _glued_note(reader: _Reader, segment: Segment) -> str:
    run = " ".join(reader.source.text[t[1] : t[2]] for t in segment.values)
    return f"recovered from glued digits '{run}'"


# ---- Section 二 -------------------------------------------------------------


class _Plan(NamedTuple):
    """What reading one table of a template needs, derived once from its specs."""

    keys: Keys
    labels: tuple[str, ...]  #: row labels, for diagnostics
    kinds: tuple[tuple[ValueKind, ...], ...]  #: each row's column kinds
    columns: tuple[tuple[str, ...], ...]  #: each row's column labels
    optional: tuple[bool, ...]  #: rows that may be absent without a diagnostic
    classes: tuple[type[Any], ...]  #: each row's class (section 二)
    names: tuple[str, ...]  #: each row's official label, as records and :class:`CellName` give it


@functools.cache
def _disclosure_plan(template: Template) -> _Plan | None:
    specs = DISCLOSURE_ROWS.get(template)
    if not specs:
        return None
    fields = attrs.fields_dict(_DISCLOSURE_CLASSES[template])
    return _Plan(_keys(tuple(spec.key for spec in specs)), tuple(f"{spec.item} {spec.label}" for spec in specs),
                 tuple(tuple(column.kind for column in spec.columns) for spec in specs),
                 tuple(tuple(column.label for column in spec.columns) for spec in specs),
                 (False,) * len(specs), tuple(type(fields[spec.field].default) for spec in specs),
                 tuple(spec.label for spec in specs))


def read_disclosure(template: Template, source: Source, segments: Sequence[Segment]
                    ) -> tuple[Disclosure | None, list[Diagnostic]]:
    """Section 二 of ``template`` from ``segments``; ``None`` if no row is found."""
    plan = _disclosure_plan(template)
    if plan is None:
        return None, []
    reader = _Reader(source, "二")
    specs = DISCLOSURE_ROWS[template]
    claims = _claims(segments, plan.keys)
    chosen = _choose(claims, plan, reader, _FORCED)
    rows: dict[str, object] = {}
    for index, (segment, found) in sorted(chosen.items()):
        tokens = _determined(reader, plan.labels[index], segment, found, plan.names[index])
        if tokens is None:
            continue
        note = _glued_note(reader, segment) if found.glued else None
        cells = reader.cells(tokens, plan.kinds[index], specs[index].label, plan.columns[index], note)
        if ValueKind.AMOUNT in plan.kinds[index]:
            cells = _in_wan_yuan(reader, template, plan, index, segment, cells)
        rows[specs[index].field] = plan.classes[index](*cells)
    if not claims:
        return None, reader.diagnostics
    return _DISCLOSURE_CLASSES[template](**rows), reader.diagnostics  # type: ignore[arg-type]


# The unit an amount column's header prints after its name: "收费金额(单位:元)", "采购总金额（万元）".
# The text is normalised (ASCII brackets and colons).
_HEADER_UNIT = re.compile(r"金额[^()\d]{0,4}?\((?:单位:?)?([^()\d]{1,6})\)")
# A unit printed for the whole table ("单位：元"), used when the column names none.
_TABLE_UNIT = re.compile(r"单位:?(万元|千元|亿元|元)")
_CELL_UNIT = re.compile(r"(?:万元|千元|亿元|万|亿|元)$")


@functools.lru_cache(maxsize=1024)
def _header_unit(header: str) -> str | None:
    """The money unit a header prints for its amount column (several different ones joined with 、)."""
    units = _HEADER_UNIT.findall(header) or list(set(_TABLE_UNIT.findall(header)))
    return units[-1] if len(set(units)) == 1 else ("、".join(sorted(set(units))) or None)


def _in_wan_yuan(reader: _Reader, template: Template, plan: _Plan, index: int, segment: Segment,
                 cells: list[Cell]) -> list[Cell]:
    """Amounts converted to 万元 by the unit their header prints; a unit that cannot be known is said.

    A cell's own unit ("251000元") was applied when it was read.  A plain
    number takes the header's unit; with none printed, the 2021 template's
    万元 applies, while the 2019 template printed no unit at all, which a
    warning says.
    """
    unit = _header_unit(segment.label[: plan.keys.start(segment.label, index)])
    factor = None if unit is None else MONEY_UNIT_FACTORS.get(unit)
    result = list(cells)
    for column, (kind, cell) in enumerate(zip(plan.kinds[index], cells, strict=True)):
        if kind is not ValueKind.AMOUNT or cell.value is None or cell.source is None:
            continue
        if _CELL_UNIT.search(cell.source.raw):
            continue
        where = f"{plan.labels[index]} · {plan.columns[index][column]}"
        if unit is not None and factor is None:
            reader.note("P-unit", f"{where}: the header's unit '{unit}' is not a money unit gxgk knows; the amount "
                        "is kept as printed, in an unknown unit", cell.source.start, row=plan.names[index],
                        column=plan.columns[index][column])
        elif factor is not None and factor != "1":
            value = cell.value * Decimal(factor) if isinstance(cell.value, Decimal) else cell.value
            result[column] = cell._replace(value=value, source=cell.source._replace(
                note=f"unit {unit} from the header, converted to 万元"))
        elif unit is None and template is Template.V2019:
            reader.note("P-unit", f"{where}: printed without a unit; read as 万元", cell.source.start,
                        Severity.WARNING, row=plan.names[index], column=plan.columns[index][column])
    return result


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
        reader.note("P-row-cells", f"{where}: the values do not fit its {n} columns ({seen}); left blank",
                    candidates[0].label_start, row=name, table=name is None)
    else:
        reader.note("P-row-missing", f"{where}: row not found; left blank", None, row=name, table=name is None)


# ---- Section 三 -------------------------------------------------------------


@functools.cache
def _request_plan(template: Template) -> _Plan | None:
    specs = REQUEST_ROWS.get(template)
    if not specs:
        return None
    return _Plan(_keys(tuple(spec.key for spec in specs)), tuple(spec.label for spec in specs),
                 (_REQUEST_KINDS,) * len(specs), (APPLICANT_COLUMNS,) * len(specs),
                 tuple(spec.group for spec in specs), (RequestRow,) * len(specs), tuple(spec.label for spec in specs))


def read_requests(template: Template, source: Source, segments: Sequence[Segment]
                  ) -> tuple[Requests | None, list[Diagnostic]]:
    """The section 三 matrix of ``template``; ``None`` if no row is found.

    The applicant columns are mapped by the header the table prints (see
    :mod:`gxgk._header`); glued digits are split only in a table printed in
    template order, and a split row is kept only when the whole table's
    identities settle it (:func:`~gxgk._table.resolve_table`).
    """
    plan = _request_plan(template)
    if plan is None:
        return None, []
    reader = _Reader(source, "三")
    specs = REQUEST_ROWS[template]
    # section 四's header ends in 总计 too: its values are never a section 三 row
    claims = _claims(segments, plan.keys)
    if not claims:
        return None, reader.diagnostics
    claims = _without_bands(reader, template, claims)
    reader.padded = _Lazy(functools.partial(_padded, reader.source.text, claims))
    found_order = _request_order(reader, plan, claims)
    if found_order is None:
        return Requests(tuple(_request_rows(reader, specs, {}))), reader.diagnostics
    order = found_order if isinstance(found_order, Order) else found_order[0]  # two readings: see below
    as_template = order.columns == _APPLICANT_ORDER
    kinds = ((ValueKind.COUNT,) * len(order.columns),) * len(specs)
    chosen = _choose(claims, plan, reader, _REQUEST_GLUE if as_template else None, kinds)
    if not isinstance(found_order, Order):
        decided = _decide_order(reader, claims, found_order, chosen)
        if decided is None:
            return Requests(tuple(_request_rows(reader, specs, {}))), reader.diagnostics
        if decided is not order:  # glued rows were split as if in template order: they are not
            order, as_template = decided, False
            chosen = {index: pair for index, pair in chosen.items() if not pair[1].glued}
    glued = {index for index, (_, found) in chosen.items() if found.glued}
    for index in sorted(glued):
        if chosen[index][1].exhausted:
            _determined(reader, specs[index].label, *chosen[index], plan.names[index])  # says why it is blank
    complete = {i: found.cuts for i, (_, found) in chosen.items() if found.cuts and not found.exhausted}
    resolution = resolve_table(specs, complete, glued, reader.source.text) if glued else _NOTHING_GLUED
    read: dict[int, tuple[Token, ...]] = {}
    for index, (segment, found) in chosen.items():
        if index not in glued:
            read[index] = found.cuts[0]
        elif index in resolution.cuts:
            read[index] = resolution.cuts[index]
            reader.note("P-glued", f"{specs[index].label}: glued digits split into "
                        f"{' | '.join(reader.source.text[t[1] : t[2]] or '∅' for t in read[index])}, the only "
                        "reading the row's total and the table's column identities (H1, H2) allow",
                        segment.label_start, Severity.INFO)
        elif index in resolution.reasons:
            reader.note("P-glued-ambiguous", f"{specs[index].label}: glued digits "
                        f"'{' '.join(reader.source.text[t[1] : t[2]] for t in segment.values)}' "
                        f"({_shown(reader.source.text, found.cuts)}): {resolution.reasons[index]}; left blank",
                        segment.label_start, row=plan.names[index])
    rows = {index: _request_row(reader, specs[index], tokens, order,
                                _glued_note(reader, chosen[index][0]) if index in glued else None)
            for index, tokens in read.items()}
    if as_template:
        for index, tokens in _rows_by_order(reader, specs, segments, chosen).items():
            rows.setdefault(index, _request_row(reader, specs[index], tokens, order, "assigned by template order: "
                                                "its label was lost from the table"))
    elif order.moved and not _header_agrees(reader, rows):
        rows = {}
    return Requests(tuple(_request_rows(reader, specs, rows))), reader.diagnostics


def _without_bands(reader: _Reader, template: Template, claims: dict[int, list[Segment]]
                   ) -> dict[int, list[Segment]]:
    """Claims without segments whose label line names two rows: a band of a table that lost a rule.

    A PDF table whose rule between two rows is missing prints both labels in
    one cell and both rows' numbers in the cells beside them; which numbers
    belong to which row cannot be known from the line.
    """
    inline = _inline_keys(template)
    # the whole label first: it rarely names two rows, and then nothing is dropped (the common case)
    if not any(len(_rows_named(segment.label, inline)) > 1 for found in claims.values() for segment in found):
        return claims
    text = reader.source.text
    specs = REQUEST_ROWS[template]
    kept: dict[int, list[Segment]] = {}
    for index, found in claims.items():
        for segment in found:
            first = segment.values[0][1]
            named = _rows_named(segment.label, inline)
            if len(named) > 1:
                line = "".join(text[max(text.rfind("\n", 0, first) + 1, segment.label_start) : first].split())
                named = _rows_named(line, inline)
            if len(named) > 1:
                reader.note("P-row-band", f"{' and '.join(specs[i].name for i in named)} stand on one line with one "
                            "set of values (a band of two rows); left blank", segment.label_start,
                            row=specs[index].label)
                continue
            kept.setdefault(index, []).append(segment)
    return kept


_BAND_MEMO: dict[tuple[str, int], list[int]] = {}


def _rows_named(line: str, inline: tuple[tuple[int, re.Pattern[str]], ...]) -> list[int]:
    """The rows whose labels stand in ``line`` (remembered: the same label lines recur in every report)."""
    key = (line, id(inline))
    found = _BAND_MEMO.get(key)
    if found is None:
        found = [i for i, pattern in inline if pattern.search(line)]
        if len(_BAND_MEMO) >= _MEMO_SIZE:
            _BAND_MEMO.clear()
        if len(line) <= 200:
            _BAND_MEMO[key] = found
    return found


@functools.cache
def _inline_keys(template: Template) -> tuple[tuple[int, re.Pattern[str]], ...]:
    """Each data row's pattern for its label anywhere in a line (see :attr:`RequestRowSpec.inline`)."""
    return tuple((index, re.compile(spec.inline or spec.key.replace(")?$", ")?").replace("$", "")))
                 for index, spec in enumerate(REQUEST_ROWS[template]) if not spec.group)


_APPLICANT_ORDER: Final = tuple(range(len(APPLICANT_COLUMNS)))
_NOTHING_GLUED: Final = Resolution({}, {})
_REQUEST_GLUE: Final = Glue(_row_total_holds, blanks=1)


def _request_order(reader: _Reader, plan: _Plan, claims: dict[int, list[Segment]]
                   ) -> Order | tuple[Order, Order] | None:
    """The data columns' order from the header, two readings of it, or ``None`` if it cannot be known."""
    """The data columns' order from the header before the table's first row; ``None`` if it cannot be known."""
    index, first = min(((i, segment) for i, found in claims.items() for segment in found),
                       key=lambda item: item[1].label_start)
    order = applicant_order(_header_of(reader.source.text, first, plan.keys.start(first.label, index)))
    if isinstance(order, Unreadable):
        _unreadable_header(reader, order.reason, first.label_start)
        return None
    if not isinstance(order, Order):  # two readings: the numbers decide (_decide_order)
        return order
    _say_order(reader, order, first.label_start)
    return order


class _Lazy:
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


#: How far before a table's first row its header is looked for.
_HEADER_REACH: Final = 600


def _header_of(text: str, first: Segment, row_start: int) -> str:
    """The header words before a table's first row read: from the caption (…情况) that precedes it.

    The first row's own label holds the header when the row follows it; when
    the rows before it could not be read (a cell the tokenizer took for text),
    the header stands further up, after the section's caption.
    """
    own = header_text(first.label, row_start)
    if "情况" in first.label[:row_start]:
        return own  # the label reaches back to the caption: the header is all in it
    before = text[max(0, first.label_start - _HEADER_REACH) : first.label_start]
    cut = before.rfind("情况")
    if cut < 0:
        return own
    return "".join(before[cut + 2 :].replace("|", " ").split()) + first.label[:row_start]


def _unreadable_header(reader: _Reader, reason: str, offset: int | None) -> None:
    reader.note("P-header", f"{reason}; which value belongs to which applicant column cannot be known, so the "
                "table is left blank", offset, Severity.ERROR, table=True)


#: Rows that must break H3 in one reading of a header before the other reading is taken instead.
_CONTRADICTING_ROWS: Final = 3


def _decide_order(reader: _Reader, claims: dict[int, list[Segment]], candidates: tuple[Order, Order],
                  chosen: dict[int, tuple[Segment, Fit]]) -> Order | None:
    """Of two readings of a two-level header, the one whose rows keep 总计 = Σ (H3); ``None`` if not one.

    The reading "as it stands" wins only where it keeps H3 in every fully
    printed row with a number and the row-flattened one breaks it in
    :data:`_CONTRADICTING_ROWS` rows at least (one or two rows may be a
    publisher's errors that the other reading happens to fit).  Otherwise
    the row-flattened reading is taken when it keeps H3 everywhere, or when
    it is the template's order (the layout nearly every report prints, also
    when a publisher's errors break H3 in both readings); else the table is
    left blank.
    """
    text = reader.source.text
    rows = []
    for _, found in chosen.values():
        if found.glued or not found.cuts:
            continue  # split as if in template order: no evidence about the order
        raws = [text[t[1] : t[2]] for t in found.cuts[0]]
        rows.append([_SMALL_COUNTS.get(raw) if raw else None for raw in raws])
    def failures(order: Order) -> int:
        total = order.columns.index(len(APPLICANT_COLUMNS) - 1)
        parts = [i for i, c in enumerate(order.columns) if isinstance(c, int) and i != total]
        return sum(row[total] != sum(row[i] or 0 for i in parts) for row in rows if None not in row and any(row))

    as_rows, as_leaves = (failures(order) for order in candidates)
    offset = min(s.label_start for found in claims.values() for s in found)
    if as_leaves == 0 and as_rows >= _CONTRADICTING_ROWS:
        keeps = [candidates[1]]
    elif as_rows == 0 or candidates[0].columns == _APPLICANT_ORDER:
        keeps = [candidates[0]]
    else:
        _unreadable_header(reader, "the header can be read two ways (as rows or as it stands) and the rows' "
                           "totals do not tell them apart", offset)
        return None
    _say_order(reader, keeps[0], offset)
    return keeps[0]


def _say_order(reader: _Reader, order: Order, offset: int) -> None:
    if order.moved or SUBTOTAL in order.columns:
        printed = "、".join("法人或其他组织小计" if c == SUBTOTAL else APPLICANT_COLUMNS[int(c)] for c in order.columns)
        reader.note("P-header-order", f"the header prints the columns as {printed}; values were read in that order",
                    offset, Severity.INFO)


def _header_agrees(reader: _Reader, rows: dict[int, RequestRow]) -> bool:
    """Whether the rows' totals (H3) hold in the header's order at least as often as in the template's.

    A header that moves the columns is followed only when the numbers do not
    contradict it: if 总计 = Σ fails in some row read in the header's order
    but holds in more rows read in template order, the header is wrong or
    misread, and the table is left blank.
    """
    def holds(values: Sequence[Value]) -> bool:
        return None in values or values[-1] == sum(v or 0 for v in values[:-1])

    as_header = sum(not holds(row.values) for row in rows.values())
    if not as_header:
        return True
    as_printed = sum(not holds([cell.value for cell in sorted(row.cells, key=lambda c: c.source.start
                                                               if c.source else 0)])
                     for row in rows.values())
    if as_printed >= as_header:
        return True
    reader.note("P-header", f"read in the header's order, {as_header} rows fail 总计 = Σ (H3), but read in the "
                f"printed order only {as_printed} do: the header does not describe the data; the table is left blank",
                None, Severity.ERROR, table=True)
    return False


def _data_lines(text: str, segments: Sequence[Segment], width: int) -> list[tuple[Token, ...]]:
    """Every line of the segments' values that holds exactly one row of ``width`` cells, in order."""
    lines: list[tuple[Token, ...]] = []
    for segment in segments:
        line: list[Token] = []
        for token in segment.values:
            if line and "\n" in text[line[-1][2] : token[1]]:
                lines.extend(_one_row(line, width))
                line = []
            line.append(token)
        lines.extend(_one_row(line, width))
    return lines


def _one_row(tokens: Sequence[Token], width: int) -> list[tuple[Token, ...]]:
    cells = fit(tokens, width)
    return [cells] if cells is not None and any(t[0] == VALUE for t in cells) else []


def _rows_by_order(reader: _Reader, specs: Sequence[RequestRowSpec], segments: Sequence[Segment],
                   chosen: dict[int, tuple[Segment, Fit]]) -> dict[int, tuple[Token, ...]]:
    """Rows whose labels were lost, assigned by position when the table's shape proves it.

    PDF-to-markdown converters can scatter a table's labels away from its
    data lines.  When the section holds exactly as many data lines as the
    template has rows, every row read by its label stands at its own
    position, and every line adds up to its own 总计 (H3), the n-th line is
    the n-th row.  Anything less and nothing is assigned.
    """
    rows = [index for index, spec in enumerate(specs) if not spec.group]
    if len(chosen) == len(rows) or len(chosen) < len(rows) // 3:
        return {}
    text = reader.source.text
    lines = _data_lines(text, segments, len(APPLICANT_FIELDS))
    if len(lines) != len(rows):
        return {}
    position = {index: place for place, index in enumerate(rows)}
    for index, (_, found) in chosen.items():
        if index not in position or len(found.cuts) != 1 or found.cuts[0] != lines[position[index]]:
            return {}
    try:
        values = [[parse_value(text[t[1] : t[2]], ValueKind.COUNT) for t in line] for line in lines]
    except CellError:
        return {}
    if not all(_row_total_holds(row) for row in values if None not in row):
        return {}
    assigned = {index: lines[position[index]] for index in rows if index not in chosen}
    if assigned:
        reader.note("P-row-by-order", f"{len(assigned)} rows lost their labels; the section's {len(lines)} data "
                    "lines match the template's rows one to one, and each was assigned by its position",
                    lines[0][0][1], Severity.WARNING)
    return assigned


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


def _request_row(reader: _Reader, spec: RequestRowSpec, tokens: Sequence[Token], order: Order,
                 note: str | None = None) -> RequestRow:
    """A row's cells, read in the printed order and put in template order; a 小计 column is checked."""
    if order.columns == _APPLICANT_ORDER:
        return RequestRow(spec.label, *reader.cells(tokens, _REQUEST_KINDS, spec.label, APPLICANT_COLUMNS, note))
    printed = tuple("法人或其他组织小计" if c == SUBTOTAL else APPLICANT_COLUMNS[int(c)] for c in order.columns)
    cells = reader.cells(tokens, (ValueKind.COUNT,) * len(printed), spec.label, printed, note)
    by_column = dict(zip(order.columns, cells, strict=True))
    subtotal = by_column.pop(SUBTOTAL, None)
    row = RequestRow(spec.label, *(by_column[column] for column in _APPLICANT_ORDER))
    if subtotal is not None:
        parts = [by_column[column].value for column in LEGAL_PERSON_COLUMNS]
        if subtotal.value is not None and None not in parts and subtotal.value != sum(v or 0 for v in parts
                                                                                        if isinstance(v, int)):
            reader.note("P-subtotal", f"{spec.label}: 法人或其他组织小计 is {subtotal.value}, but its five columns "
                        f"add up to {sum(v for v in parts if isinstance(v, int))}", subtotal.source.start
                        if subtotal.source else None, Severity.WARNING, row=spec.label)
    return row


def _request_rows(reader: _Reader, specs: Sequence[RequestRowSpec], read: dict[int, RequestRow]
                  ) -> list[RequestRow]:
    """Rows in template order, as the report printed them (see :func:`printed_rows`)."""
    rows: list[RequestRow] = []
    for index in printed_rows(specs, read):
        spec = specs[index]
        if spec.group:
            reader.note("P-collapsed-row", f"{spec.label} is printed as one row, not its sub-rows",
                        None, Severity.INFO)
        row = read.get(index)
        rows.append(RequestRow(spec.label) if row is None else row)
    return rows


# ---- Section 四 -------------------------------------------------------------


def read_appeals(source: Source, segments: Sequence[Segment]) -> tuple[Appeals | None, list[Diagnostic]]:
    """Section 四: fifteen values after the header, or three labelled rows of five.

    Blocks and result columns are mapped by the header printed before the
    values read (see :mod:`gxgk._header`); glued digits are split only in
    template order.
    """
    reader = _Reader(source, "四")
    kinds = [ValueKind.COUNT] * _APPEAL_CELLS
    candidates = [s for s in segments if _APPEAL_HEADER.search(s.label)]
    found = _best_appeals(candidates, kinds, source.text)
    if found is not None:
        segment, fitted, orders = found
        if isinstance(orders, Unreadable):
            reader.note("P-header", f"{orders.reason}; which value belongs to which block and result cannot be "
                        "known, so the table is left blank", segment.label_start, Severity.ERROR, table=True)
            return _blank_appeals(), reader.diagnostics
        blocks, results = orders
        _say_appeal_order(reader, blocks, results, segment.label_start)
        tokens = _determined(reader, "行政复议、行政诉讼", segment, fitted, None)
        if tokens is None:
            return _blank_appeals(), reader.diagnostics
        note = _glued_note(reader, segment) if fitted.glued else None
        printed = [(APPEAL_BLOCKS[int(b)], APPEAL_COLUMNS[int(r)]) for b in blocks.columns for r in results.columns]
        cells = reader.cells(tokens, kinds, "行政复议、行政诉讼", [f"{b} · {r}" for b, r in printed], note)
        by_place = dict(zip(printed, cells, strict=True))
        return Appeals(*(AppealBlock(*(by_place[block, column] for column in APPEAL_COLUMNS))
                         for block in APPEAL_BLOCKS)), reader.diagnostics
    row_orders = _appeal_orders(reader, candidates)
    if row_orders is None:
        return _blank_appeals(), reader.diagnostics
    row_blocks, row_results = row_orders
    as_rows = _appeal_rows(reader, segments, row_results if not row_blocks.moved else None)
    if as_rows is not None:
        return as_rows, reader.diagnostics
    candidates = [s for s in candidates if len(s.values) >= 5 or _APPEAL_HEADER_END.search(s.label)]
    if candidates:  # the table is there, but its values cannot be read: blank cells, named
        _missing(reader, candidates, "行政复议、行政诉讼", _APPEAL_CELLS, None)
        return _blank_appeals(), reader.diagnostics
    return None, reader.diagnostics


_Orders = tuple[Order, Order] | Unreadable


def _best_appeals(candidates: Sequence[Segment], kinds: Sequence[ValueKind], text: str
                  ) -> tuple[Segment, Fit, _Orders] | None:
    """The segment holding section 四's fifteen values, each read with the header printed before it.

    As :func:`_best`: a segment with a number in its cells wins over one
    without (a header's blank padding), then the first.  A segment's own
    header decides its order, so narrative that names 行政复议 before the
    table cannot lend the table another header.
    """
    fitting: list[tuple[Segment, Fit, _Orders]] = []
    for segment in candidates:
        orders = appeal_order(header_text(segment.label, len(segment.label)))
        as_template = not isinstance(orders, Unreadable) and not orders[0].moved and not orders[1].moved
        fitted = fit_segment(segment, kinds, text, _APPEAL_GLUE if as_template else None)
        if fitted.cuts or fitted.exhausted:
            fitting.append((segment, fitted, orders))
    if not fitting:
        return None
    return min(fitting, key=lambda item: (not item[1].cuts or not _has_number(item[1].cuts[0], text),
                                          item[0].values[0][1]))


def _say_appeal_order(reader: _Reader, blocks: Order, results: Order, offset: int) -> None:
    if blocks.moved or results.moved:
        shown = "、".join(APPEAL_BLOCKS[int(b)] for b in blocks.columns)
        columns = "、".join(APPEAL_COLUMNS[int(r)] for r in results.columns)
        reader.note("P-header-order", f"the header prints the blocks as {shown} and the results as {columns}; "
                    "values were read in that order", offset, Severity.INFO)


_APPEAL_GLUE: Final = Glue(_block_totals_hold, blanks=1, forced=True)


def _appeal_orders(reader: _Reader, candidates: Sequence[Segment]) -> tuple[Order, Order] | None:
    """The blocks' and results' printed order, from the header before the first values."""
    if not candidates:
        return Order(tuple(range(len(APPEAL_BLOCKS))), False), Order(tuple(range(len(APPEAL_COLUMNS))), False)
    first = candidates[0]
    orders = appeal_order(header_text(first.label, len(first.label)))
    if isinstance(orders, Unreadable):
        reader.note("P-header", f"{orders.reason}; which value belongs to which block and result cannot be known, "
                    "so the table is left blank", first.label_start, Severity.ERROR, table=True)
        return None
    blocks, results = orders
    _say_appeal_order(reader, blocks, results, first.label_start)
    return blocks, results


def _blank_appeals() -> Appeals:
    return Appeals(*(AppealBlock() for _ in APPEAL_BLOCKS))


def _appeal_rows(reader: _Reader, segments: Sequence[Segment], results: Order | None) -> Appeals | None:
    """Section 四 printed as three rows (行政复议 / 直接起诉 / 复议后起诉) of five values, in ``results`` order."""
    if results is None:
        return None
    headless = [s._replace(label=_APPEAL_COLUMN_HEADER.sub("", s.label)) for s in segments]
    claims = _claims(headless, _keys(_APPEAL_ROWS))
    kinds = [ValueKind.COUNT] * 5
    glue = None if results.moved else _APPEAL_ROW_GLUE
    found = [_best(claims.get(i, ()), kinds, reader.source.text, glue=glue) for i in range(3)]
    cuts = [_determined(reader, name, *f, block) if f is not None else None
            for name, block, f in zip(_APPEAL_NAMES, APPEAL_BLOCKS, found, strict=True)]
    if any(c is None for c in cuts):
        return None
    blocks = []
    for name, tokens in zip(APPEAL_BLOCKS, cuts, strict=True):
        printed = [APPEAL_COLUMNS[int(r)] for r in results.columns]
        cells = reader.cells(tokens or (), _BLOCK_KINDS, name, printed)
        by_column = dict(zip(printed, cells, strict=True))
        blocks.append(AppealBlock(*(by_column[column] for column in APPEAL_COLUMNS)))
    return Appeals(*blocks)


_APPEAL_ROW_GLUE: Final = Glue(_block_totals_hold, blanks=1, forced=True)


def _block(reader: _Reader, name: str, tokens: Sequence[Token], note: str | None = None) -> AppealBlock:
    return AppealBlock(*reader.cells(tokens, _BLOCK_KINDS, name, APPEAL_COLUMNS, note))
