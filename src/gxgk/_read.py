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
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any, Final, NamedTuple

import attrs

from ._cells import EDGE, VALUE, Segment, Token
from ._glue import Check, split_runs, splittable
from ._lazy import LazyRegex
from ._model import (
    AppealBlock,
    Appeals,
    Cell,
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
from ._table import resolve_table
from ._template import (
    APPEAL_BLOCKS,
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
    APPLICANT_FIELDS,
    DISCLOSURE_ROWS,
    REQUEST_ROWS,
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
        self.diagnostics: list[Diagnostic] = []

    def note(self, code: str, message: str, offset: int | None, severity: Severity = Severity.WARNING) -> None:
        line = None if offset is None else self.source.line_of(offset)
        self.diagnostics.append(Diagnostic(code, f"{self.section}: {message}", severity, offset, line))

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
            self.note("P-cell-value", f"{where}: {exc}; left blank", offset)
            return None


def fit(values: Sequence[Token], n: int) -> tuple[Token, ...] | None:
    """Exactly ``n`` cells from a segment's value tokens, or ``None`` if they do not fit.

    Empty cells at the edges of a row may be padding (a pipe line's trailing
    "| |", a header row's empty cells); empty cells *between* values are
    printed blanks.  So the values fit when, without edge padding, exactly
    ``n`` cells remain, or when all the cells number exactly ``n``.
    Line-opening separators (:data:`~gxgk._cells.EDGE`) count as blank cells
    only when nothing else fits.
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


def fit_segment(segment: Segment, kinds: Sequence[ValueKind], text: str, check: Check | None = None) -> Fit:
    """Cells for a segment: all its values, else those on its label's line, else split glued digits.

    When the values run on past the label's line (a markdown table whose next
    rows lost their labels), the label's own line is its row.  When the
    values are runs of glued digits, :func:`~gxgk._glue.split_runs` lists the
    cuts that the row's identity (``check``) allows.
    """
    n = len(kinds)
    cells = fit(segment.values, n)
    if cells is not None:
        return _fit_of(cells)
    on_line = [token for token in segment.values if token[1] < segment.line_end]
    if len(on_line) < len(segment.values):
        cells = fit(on_line, n)
        if cells is not None:
            return _fit_of(cells)
    for tokens in (segment.values, on_line):
        # every cell takes a character at least: a sentence's "12件" cannot hold a row of seven
        if len(tokens) < n <= sum(end - start for _, start, end in tokens) and splittable(text, tokens,
                                                                                        segment.follows):
            found = split_runs(text, tokens, kinds, check)
            if found.cuts or found.exhausted:
                return Fit(found.cuts, glued=True, exhausted=found.exhausted)
    return Fit([])


def _has_number(tokens: Sequence[Token], text: str) -> bool:
    """Whether any cell holds a number (not only blanks or blank markers)."""
    return any(kind == VALUE and _DIGIT.search(text, start, end) is not None for kind, start, end in tokens)


def _best(candidates: Sequence[Segment], kinds: Sequence[ValueKind], text: str, after: int = -1,
          check: Check | None = None) -> tuple[Segment, Fit] | None:
    """The first candidate after offset ``after`` that fits the row's cells with a number in them.

    ``after`` is where the previous row of the table was read: the next row
    is the first fitting one after it.  A narrative sentence naming a row
    before the table, or a header row's blank padding, therefore never wins
    over the table's own row.  Without such a candidate, any fitting one.
    """
    if len(candidates) == 1:  # the common case
        found = fit_segment(candidates[0], kinds, text, check)
        return (candidates[0], found) if found.cuts or found.exhausted else None
    fitting = [(segment, found) for segment in candidates
               if (found := fit_segment(segment, kinds, text, check)).cuts or found.exhausted]
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    return min(fitting, key=lambda item: (item[0].values[0][1] <= after,
                                          not item[1].cuts or not _has_number(item[1].cuts[0], text),
                                          item[0].values[0][1]))


def _choose(claims: dict[int, list[Segment]], kinds: Sequence[Sequence[ValueKind]], optional: Sequence[bool],
            reader: _Reader, labels: Sequence[str], check: Check | None = None
            ) -> dict[int, tuple[Segment, Fit]]:
    """One segment per row, in template order; rows that stand out of order are dropped."""
    chosen: dict[int, tuple[Segment, Fit]] = {}
    after = -1
    text = reader.source.text
    for index, row_kinds in enumerate(kinds):
        found = _best(claims.get(index, ()), row_kinds, text, after, check)
        if found is not None:
            chosen[index] = found
            after = max(after, found[0].values[0][1])
        elif not optional[index]:
            _missing(reader, claims.get(index, ()), labels[index], len(row_kinds))
    for index in _out_of_order({i: seg.values[0][1] for i, (seg, _) in chosen.items()}):
        segment = chosen.pop(index)[0]
        reader.note("P-row-order", f"{labels[index]}: its label stands out of template order "
                    f"{_describe(segment, reader.source)}; left blank", segment.label_start)
    return chosen


def _determined(reader: _Reader, label: str, segment: Segment, found: Fit) -> tuple[Token, ...] | None:
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
                    "left blank", segment.label_start)
    else:
        shown = "; ".join(" | ".join(text[t[1] : t[2]] for t in cut) for cut in found.cuts[:4])
        more = f" (and {len(found.cuts) - 4} more)" if len(found.cuts) > 4 else ""
        reader.note("P-glued-ambiguous", f"{label}: glued digits '{run}' split {len(found.cuts)} ways "
                    f"({shown}{more}); left blank", segment.label_start)
    return None


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


@functools.cache
def _disclosure_plan(template: Template) -> _Plan | None:
    specs = DISCLOSURE_ROWS.get(template)
    if not specs:
        return None
    fields = attrs.fields_dict(_DISCLOSURE_CLASSES[template])
    return _Plan(_keys(tuple(spec.key for spec in specs)), tuple(f"{spec.item} {spec.label}" for spec in specs),
                 tuple(tuple(column.kind for column in spec.columns) for spec in specs),
                 tuple(tuple(column.label for column in spec.columns) for spec in specs),
                 (False,) * len(specs), tuple(type(fields[spec.field].default) for spec in specs))


def read_disclosure(template: Template, source: Source, segments: Sequence[Segment]
                    ) -> tuple[Disclosure | None, list[Diagnostic]]:
    """Section 二 of ``template`` from ``segments``; ``None`` if no row is found."""
    plan = _disclosure_plan(template)
    if plan is None:
        return None, []
    reader = _Reader(source, "二")
    specs = DISCLOSURE_ROWS[template]
    claims = _claims(segments, plan.keys)
    chosen = _choose(claims, plan.kinds, plan.optional, reader, plan.labels)
    rows: dict[str, object] = {}
    for index, (segment, found) in sorted(chosen.items()):
        tokens = _determined(reader, plan.labels[index], segment, found)
        if tokens is None:
            continue
        note = _glued_note(reader, segment) if found.glued else None
        cells = reader.cells(tokens, plan.kinds[index], specs[index].label, plan.columns[index], note)
        rows[specs[index].field] = plan.classes[index](*cells)
    if not claims:
        return None, reader.diagnostics
    return _DISCLOSURE_CLASSES[template](**rows), reader.diagnostics  # type: ignore[arg-type]


def _missing(reader: _Reader, candidates: Sequence[Segment], where: str, n: int) -> None:
    if candidates:
        seen = "; ".join(_describe(s, reader.source) for s in candidates[:3])
        reader.note("P-row-cells", f"{where}: the values do not fit its {n} columns ({seen}); left blank",
                    candidates[0].label_start)
    else:
        reader.note("P-row-missing", f"{where}: row not found; left blank", None)


# ---- Section 三 -------------------------------------------------------------


@functools.cache
def _request_plan(template: Template) -> _Plan | None:
    specs = REQUEST_ROWS.get(template)
    if not specs:
        return None
    return _Plan(_keys(tuple(spec.key for spec in specs)), tuple(spec.label for spec in specs),
                 (_REQUEST_KINDS,) * len(specs), (APPLICANT_COLUMNS,) * len(specs),
                 tuple(spec.group for spec in specs), (RequestRow,) * len(specs))


def read_requests(template: Template, source: Source, segments: Sequence[Segment]
                  ) -> tuple[Requests | None, list[Diagnostic]]:
    """The section 三 matrix of ``template``; ``None`` if no row is found."""
    plan = _request_plan(template)
    if plan is None:
        return None, []
    reader = _Reader(source, "三")
    specs = REQUEST_ROWS[template]
    claims = _claims(segments, plan.keys)
    chosen = _choose(claims, plan.kinds, plan.optional, reader, plan.labels, _row_total_holds)
    # a row whose search ran out of budget may have cuts it did not find: it takes no part
    complete = {i: found.cuts for i, (_, found) in chosen.items() if found.cuts and not found.exhausted}
    resolved = resolve_table(specs, complete, reader.source.text)
    by_order = _rows_by_order(reader, specs, segments, chosen)
    read: dict[int, RequestRow] = {}
    for index, (segment, found) in chosen.items():
        if index in resolved:
            if len(found.cuts) > 1:
                reader.note("P-glued", f"{specs[index].label}: glued digits split {len(found.cuts)} ways by the row "
                            "alone; the table's column identities (H1, H2) leave one", segment.label_start,
                            Severity.INFO)
            tokens: tuple[Token, ...] | None = resolved[index]
        else:
            tokens = _determined(reader, specs[index].label, segment, found)
        if tokens is not None:
            note = _glued_note(reader, segment) if found.glued else None
            read[index] = _request_row(reader, specs[index], tokens, note)
    for index, tokens in by_order.items():
        if index not in read:
            read[index] = _request_row(reader, specs[index], tokens, "assigned by template order: its label "
                                       "was lost from the table")
    if not claims:
        return None, reader.diagnostics
    return Requests(tuple(_request_rows(reader, specs, read))), reader.diagnostics


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


def _request_row(reader: _Reader, spec: RequestRowSpec, tokens: Sequence[Token], note: str | None = None
                 ) -> RequestRow:
    return RequestRow(spec.label, *reader.cells(tokens, _REQUEST_KINDS, spec.label, APPLICANT_COLUMNS, note))


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
    """Section 四: fifteen values after the header, or three labelled rows of five."""
    reader = _Reader(source, "四")
    kinds = [ValueKind.COUNT] * _APPEAL_CELLS
    found = _best([s for s in segments if _APPEAL_HEADER.search(s.label)], kinds, source.text,
                  check=_block_totals_hold)
    if found is not None:
        tokens = _determined(reader, "行政复议、行政诉讼", *found)
        if tokens is not None:
            note = _glued_note(reader, found[0]) if found[1].glued else None
            blocks = (_block(reader, name, tokens[i : i + 5], note) for i, name in zip(range(0, 15, 5), APPEAL_BLOCKS,
                                                                                       strict=True))
            return Appeals(*blocks), reader.diagnostics
        return None, reader.diagnostics
    as_rows = _appeal_rows(reader, segments)
    if as_rows is not None:
        return as_rows, reader.diagnostics
    candidates = [s for s in segments if _APPEAL_HEADER.search(s.label) and len(s.values) >= 5]
    if candidates:
        _missing(reader, candidates, "行政复议、行政诉讼", _APPEAL_CELLS)
    return None, reader.diagnostics


def _appeal_rows(reader: _Reader, segments: Sequence[Segment]) -> Appeals | None:
    """Section 四 printed as three rows (行政复议 / 直接起诉 / 复议后起诉) of five values."""
    headless = [s._replace(label=_APPEAL_COLUMN_HEADER.sub("", s.label)) for s in segments]
    claims = _claims(headless, _keys(_APPEAL_ROWS))
    kinds = [ValueKind.COUNT] * 5
    found = [_best(claims.get(i, ()), kinds, reader.source.text, check=_block_totals_hold) for i in range(3)]
    cuts = [_determined(reader, name, *f) if f is not None else None for name, f in zip(_APPEAL_NAMES, found,
                                                                                          strict=True)]
    if any(c is None for c in cuts):
        return None
    return Appeals(*(_block(reader, name, c) for name, c in zip(APPEAL_BLOCKS, cuts, strict=True) if c is not None))


def _block(reader: _Reader, name: str, tokens: Sequence[Token], note: str | None = None) -> AppealBlock:
    return AppealBlock(*reader.cells(tokens, _BLOCK_KINDS, name, APPEAL_COLUMNS, note))
