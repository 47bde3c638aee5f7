"""Section 三's table: rows by label, columns by the printed header, glued rows settled by the identities."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from ..model import (
    Diagnostic,
    Report,
    RequestRow,
    Requests,
    Severity,
    Value,
)
from ..template.spec import (
    APPLICANT_COLUMNS,
    APPLICANT_FIELDS,
    APPLICANT_HEADER_WORDS,
    GROUP,
    LEGAL_PERSON_COLUMNS,
    REQUEST_ROW_KEYS,
    REQUEST_ROWS,
    SUBTOTAL,
    RequestRowSpec,
    Template,
    ValueKind,
    printed_rows,
)
from .cells import VALUE, Segment, Token
from .columns import header_by_cells, header_over_values, names_on_several_lines, names_pattern
from .fitting import Shape, fit, table_shape
from .header import (
    CAPTION_END,
    HEADER_REACH,
    SENTENCE_ENDS,
    Order,
    Unreadable,
    applicant_cells_agree,
    applicant_names,
    applicant_order,
    group_lost,
    header_start,
    header_text,
    wrapped_across_lines,
)
from .previous import carried_over
from .resolve import Resolution, resolve_table
from .rows import (
    _MEMO_SIZE,
    Fit,
    Glue,
    Source,
    SumIdentity,
    _choose,
    _claims,
    _determined,
    _glued_note,
    _keys,
    _Plan,
    _Reader,
    _shown,
    printed_row,
)
from .values import BLANK_MARKERS, SMALL_COUNTS, CellError, parse_value
from .wrapped import wrapped_claims

__all__ = ["read_requests"]

_REQUEST_KINDS: Final = (ValueKind.COUNT,) * len(APPLICANT_FIELDS)
#: H3 on a cut of a section 三 row: 总计 is the sum of the six applicant columns.
_row_total_holds: Final = SumIdentity(len(APPLICANT_COLUMNS))

# ---- Section 三 -------------------------------------------------------------


@functools.cache
def _request_plan(template: Template) -> _Plan | None:
    specs = REQUEST_ROWS.get(template)
    if not specs:
        return None
    return _Plan(_keys(tuple(spec.key for spec in specs)), tuple(spec.label for spec in specs),
                 (_REQUEST_KINDS,) * len(specs), (APPLICANT_COLUMNS,) * len(specs),
                 tuple(spec.group for spec in specs), (RequestRow,) * len(specs), tuple(spec.label for spec in specs))


def read_requests(template: Template, source: Source, segments: Sequence[Segment], previous: Report | None = None
                  ) -> tuple[Requests | None, list[Diagnostic]]:
    """The section 三 matrix of ``template``; ``None`` if no row is found.

    The applicant columns are mapped by the header the table prints (see
    :mod:`gxgk.read.header`); glued digits are split only in a table printed in
    template order, and a split row is kept only when the whole table's
    identities settle it (:func:`~gxgk.read.resolve.resolve_table`), or, for
    二、上年结转, last year's 结转下年度 row (``previous``, X1).
    """
    plan = _request_plan(template)
    if plan is None:
        return None, []
    reader = _Reader(source, "三")
    specs = REQUEST_ROWS[template]
    # section 四's header ends in 总计 too: its values are never a section 三 row
    claims = _claims(segments, plan.keys)
    for index, segment in wrapped_claims(source.text, segments, plan.keys, claims):
        claims[index] = [segment]
        reader.note("P-label-wrapped", f"{plan.labels[index]}: its label is wrapped around its values; read down "
                    "its column", segment.values[0][1], Severity.INFO, row=plan.labels[index])
    if not claims:
        return None, reader.diagnostics
    claims = _without_bands(reader, template, claims)
    if not claims:  # every row found stood in a band of two rows: the table is there, and blank (said above)
        return Requests(tuple(_request_rows(reader, specs, {}))), reader.diagnostics
    found_order = _request_order(reader, plan, claims)
    reader.shape = table_shape(reader.source.text, claims, functools.partial(
        _total_holds, found_order.columns if isinstance(found_order, Order) else None))
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
    elif not order.from_header and (failing := _totals_contradict(reader.source.text, chosen)) is not None:
        _unreadable_header(reader, f"the header does not name the columns, and read in template order the rows' "
                           f"totals (总计 = Σ, H3) fail in {failing}: the columns are not in template order, or "
                           "the figures are not what the page printed",
                           min(s.label_start for found in claims.values() for s in found))
        return Requests(tuple(_request_rows(reader, specs, {}))), reader.diagnostics
    glued = {index for index, (_, found) in chosen.items() if found.glued}
    for index in sorted(glued):
        if chosen[index][1].exhausted:
            _determined(reader, specs[index].label, *chosen[index], plan.names[index])  # says why it is blank
    complete = {i: found.cuts for i, (_, found) in chosen.items() if found.cuts and not found.exhausted}
    resolution = resolve_table(specs, complete, glued, reader.source.text) if glued else _NOTHING_GLUED
    read: dict[int, tuple[Token, ...]] = {}
    last_year: dict[int, tuple[Token, ...]] = {}
    for index, (segment, found) in chosen.items():
        if index not in glued:
            read[index] = found.cuts[0]
        elif index in resolution.cuts:
            read[index] = resolution.cuts[index]
            reader.note("P-glued", f"{specs[index].label}: glued digits split into "
                        f"{' | '.join(reader.source.text[t[1] : t[2]] or '∅' for t in read[index])}, the only "
                        "reading the row's total and the table's column identities (H1, H2) allow",
                        segment.label_start, Severity.INFO)
        elif (settled := _by_last_year(reader.source.text, found.cuts, index, specs, previous, template)) is not None:
            last_year[index] = settled  # checked against this year's own H1 below, once every row is read
        elif index in resolution.reasons:
            reader.note("P-glued-ambiguous", f"{specs[index].label}: glued digits "
                        f"'{' '.join(reader.source.text[t[1] : t[2]] for t in segment.values)}' "
                        f"({_shown(reader.source.text, found.cuts)}): {resolution.reasons[index]}; left blank",
                        segment.label_start, row=plan.names[index])
    for index, settled in last_year.items():
        segment, found = chosen[index]
        shown = " | ".join(reader.source.text[t[1] : t[2]] or "∅" for t in settled)
        if _balance_holds(reader.source.text, specs, {**read, index: settled}):
            read[index] = settled
            reader.note("P-glued-previous", f"{specs[index].label}: glued digits split into {shown}, the only "
                        "reading that is last year's 结转下年度 row (X1)", segment.label_start, Severity.WARNING,
                        row=plan.names[index])
        else:
            reader.note("P-glued-ambiguous", f"{specs[index].label}: glued digits split several ways "
                        f"({_shown(reader.source.text, found.cuts)}); last year's 结转下年度 row ({shown}) would break "
                        "this year's 一 + 二 = 三（七） + 四 (H1); left blank", segment.label_start,
                        row=plan.names[index])
    rows = {index: _request_row(reader, specs[index], tokens, order,
                                _glued_note(reader, chosen[index][0]) if index in glued else None)
            for index, tokens in read.items()}
    if as_template:
        for index, tokens in _rows_by_order(reader, specs, segments, chosen).items():
            rows.setdefault(index, _request_row(reader, specs[index], tokens, order, "assigned by template order: "
                                                "its label was lost from the table"))
    elif order.moved and not _header_agrees(reader, rows):
        rows = {}
    if any(d.code == "P-row-missing" for d in reader.diagnostics):
        _other_template_rows(reader, template, segments)
    return Requests(tuple(_request_rows(reader, specs, rows))), reader.diagnostics


def _other_template_rows(reader: _Reader, template: Template, segments: Sequence[Segment]) -> None:
    """Say which rows with numbers belong to another template's table: they are not read, and not silently.

    A 2021 section 三 under a 2019 section 二 is read as 2019: its three （六）
    sub-rows have no place in that table, and their values would vanish
    without a word.
    """
    own = {spec.name for spec in REQUEST_ROWS[template]}
    for other in Template:
        other_plan = _request_plan(other) if other is not template else None
        if other_plan is None:
            continue
        specs = REQUEST_ROWS[other]
        extra = [index for index, found in _claims(segments, other_plan.keys).items()
                 if specs[index].name not in own and not specs[index].group
                 and any(token[0] == VALUE for segment in found for token in segment.values)]
        if extra:
            labels = "; ".join(specs[index].label for index in sorted(extra))
            reader.note("P-row-other-template", f"the table prints rows of the {other} template that the {template} "
                        f"template has no row for ({labels}); their values are not read", None, table=True)


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
    """The data columns' order from the header before the table's first row, two readings of it, or ``None``
    if it cannot be known."""
    claimed = [(i, segment) for i, found in claims.items() for segment in found]
    # a header's padding cells ("| 自然人 | 总计 |  |") make a group of blanks that a row key may claim: the
    # table's first row is the first one with a value
    valued = [(i, segment) for i, segment in claimed if any(token[0] == VALUE for token in segment.values)]
    index, first = min(valued or claimed, key=lambda item: item[1].label_start)
    text = reader.source.text
    start, end = _header_span(text, first)
    order = applicant_order(_header_of(text, first, plan.keys.start(first.label, index)))
    if not isinstance(order, Unreadable) and group_lost(text[start:end]):
        order = Unreadable("the header prints 商业企业 … 其他 on a line of their own under no 法人或其他组织 cell, so "
                           "where they stand among 自然人 and 总计 cannot be known")
    elif (not isinstance(order, Order) or order.moved) and wrapped_across_lines(
            text[start:end], APPLICANT_HEADER_WORDS, LEGAL_PERSON_COLUMNS):
        order = Unreadable("the header's legal-person column names stand in one order line by line and in another "
                           "cell by cell (a name wrapped onto the line below)")
    elif isinstance(order, Order) and not order.from_header and not applicant_cells_agree(
            text[start:end], printed_row(text, first)):
        order = Unreadable("the header does not name every applicant column, and the cells it names stand where "
                           "the template has other columns")
    elif isinstance(order, Order) and (not order.from_header or order.moved) and _names_over_other_values(
            reader.source, start, end, first, order):
        order = Unreadable("the header's fixed-width lines print a column's name over another column's values than "
                           "the order read from them puts there")
    elif isinstance(order, Order) and not order.from_header and _moved_by_column(reader.source, start, end):
        order = Unreadable("the header's names, read line by line, are in template order but not all there; read "
                           "by the columns they stand over, they move the columns")
    elif isinstance(order, Order) and order.moved and names_on_several_lines(text, start, end, _LEAF_NAMES):
        order = Unreadable("the header's column names stand on several fixed-width lines that cannot be lined up "
                           "with the values, and they seem to move the columns")
    elif not isinstance(order, (Order, Unreadable)):
        # two readings: a fixed-width header's positions may rule out one of them, or both
        kept = [reading for reading in order
                if not _names_over_other_values(reader.source, start, end, first, reading)]
        if not kept:
            order = Unreadable("the header's fixed-width lines print a column's name over another column's values "
                               "than either reading of it puts there")
        elif len(kept) == 1:
            order = kept[0]
    if isinstance(order, Unreadable):
        _unreadable_header(reader, order.reason, first.label_start)
        return None
    if not isinstance(order, Order):  # two readings: the numbers decide (_decide_order)
        return order
    _say_order(reader, order, first.label_start)
    return order


def _total_holds(columns: Sequence[int | str] | None, cells: Sequence[str]) -> bool:
    """H3 on a row's cells as printed in ``columns`` (the header's order): 总计 = the six columns, a blank
    read as 0.  A row under two readings of its header (``None``), with a 小计 column, or with 总计 blank
    or 0, cannot show it."""
    if columns is None or len(cells) != len(columns) or SUBTOTAL in columns:
        return False
    counts = [0 if cell.strip() in BLANK_MARKERS else SMALL_COUNTS.get(cell.strip(), -1) for cell in cells]
    total = counts[columns.index(len(APPLICANT_COLUMNS) - 1)]
    return -1 not in counts and total > 0 and 2 * total == sum(counts)


def _header_of(text: str, first: Segment, row_start: int) -> str:
    """The header words before a table's first row read: from the caption (…情况) that precedes it.

    The first row's own label holds the header when the row follows it; when
    the rows before it could not be read (a cell the tokenizer took for text),
    the header stands further up, after the section's caption.
    """
    own = header_text(first.label, row_start)
    head = first.label[:row_start]
    if CAPTION_END in head or any(mark in head for mark in SENTENCE_ENDS):
        return own  # the label reaches back to the caption or a sentence: the header is all in it
    before = text[max(0, first.label_start - HEADER_REACH) : first.label_start]
    if CAPTION_END not in before:
        return own
    return "".join(before[header_start(before) :].replace("|", " ").split()) + head


#: The applicant column names of a header (not the group that spans five of them).
_LEAF_NAMES: Final = names_pattern((words for name, words in APPLICANT_HEADER_WORDS if name != GROUP),
                                   (words for name, words in APPLICANT_HEADER_WORDS if name == GROUP))


def _names_over_other_values(source: Source, start: int, end: int, first: Segment, order: Order) -> bool:
    """Whether a fixed-width header, its words placed over the first row's values all three ways (see
    :func:`~gxgk.read.columns.header_over_values`), names a column over another column's values than
    ``order`` puts there, in every way."""
    values = [(a, b) for kind, a, b in first.values if kind == VALUE and a <= first.line_end]
    if len(values) != len(order.columns):
        return False
    readings = header_over_values(source.text, start, end, values, source.printed)
    return readings is not None and bool(readings) and all(
        any(len(names := applicant_names(cell)) == 1 and isinstance(names[0], int) and names[0] != column
            for cell, column in zip(reading, order.columns, strict=True)) for reading in readings)


def _moved_by_column(source: Source, start: int, end: int) -> bool:
    """Whether a fixed-width header, read cell by cell, names every column in another order (see
    :func:`~gxgk.read.columns.header_by_cells`: a veto, never a reading)."""
    cells = header_by_cells(source.text, start, end, source.printed)
    if cells is None:
        return False
    order = applicant_order(cells)
    readings = (order,) if isinstance(order, (Order, Unreadable)) else order
    return any(isinstance(reading, Order) and reading.from_header and reading.moved for reading in readings)


def _header_span(text: str, first: Segment) -> tuple[int, int]:
    """The header's lines as printed: after the caption (…情况) or sentence before the first row, up to its line."""
    line_start = text.rfind("\n", 0, first.values[0][1]) + 1
    base = max(0, first.label_start - HEADER_REACH)
    if CAPTION_END not in text[base:line_start]:
        base = min(first.label_start, line_start)
    return base + header_start(text[base:line_start]), line_start


def _unreadable_header(reader: _Reader, reason: str, offset: int | None) -> None:
    reader.note("P-header", f"{reason}; which value belongs to which applicant column cannot be known, so the "
                "table is left blank", offset, Severity.ERROR, table=True)


#: Rows that must break H3 in one reading of a header before the other reading is taken instead.
_CONTRADICTING_ROWS: Final = 3


def _totals_contradict(text: str, chosen: dict[int, tuple[Segment, Fit]]) -> str | None:
    """How many rows break H3 in template order, when they are most rows with a total (else ``None``).

    Without a header, template order is assumed; a table whose rows add up
    in no row (总计 printed first, say) says it is wrong.  One or two rows
    may be the publisher's errors; rows of zeros say nothing.
    """
    fails = holds = 0
    for _, found in chosen.values():
        if found.glued or len(found.cuts) != 1:
            continue
        row = [SMALL_COUNTS.get(text[start:end]) for _, start, end in found.cuts[0]]
        if None in row or not any(row):
            continue
        if row[-1] == sum(row[:-1]):  # type: ignore[arg-type]
            holds += 1
        else:
            fails += 1
    return f"{fails} of {fails + holds} rows" if fails >= _CONTRADICTING_ROWS and fails > holds else None


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
        rows.append([SMALL_COUNTS.get(raw) if raw else None for raw in raws])
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


def _data_lines(text: str, segments: Sequence[Segment], width: int, shape: Shape) -> list[tuple[Token, ...]]:
    """Every line of the segments' values that holds exactly one row of ``width`` cells, in order."""
    lines: list[tuple[Token, ...]] = []
    for segment in segments:
        line: list[Token] = []
        for token in segment.values:
            if line and "\n" in text[line[-1][2] : token[1]]:
                lines.extend(_one_row(text, line, width, shape))
                line = []
            line.append(token)
        lines.extend(_one_row(text, line, width, shape))
    return lines


def _one_row(text: str, tokens: Sequence[Token], width: int, shape: Shape) -> list[tuple[Token, ...]]:
    cells = fit(tokens, width, text, shape)
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
    lines = _data_lines(text, segments, len(APPLICANT_FIELDS), reader.shape)
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


def _by_last_year(text: str, cuts: Sequence[tuple[Token, ...]], index: int, specs: Sequence[RequestRowSpec],
                  previous: Report | None, template: Template) -> tuple[Token, ...] | None:
    """The one cut of 二、上年结转 that reads as last year's 结转下年度 row (X1), if exactly one does."""
    if REQUEST_ROW_KEYS[specs[index].name] != "carried_in" or not cuts:
        return None
    expected = carried_over(previous, template)
    if expected is None:
        return None
    matching = [cut for cut in cuts if len(cut) == len(expected)
                and all(text[start:end] == str(value) for (_, start, end), value in zip(cut, expected, strict=True))]
    return matching[0] if len(matching) == 1 else None


def _balance_holds(text: str, specs: Sequence[RequestRowSpec], read: dict[int, tuple[Token, ...]]) -> bool:
    """H1 in every column whose four cells are read: 一 + 二 = 三（七）总计 + 四 (this year's own arithmetic)."""
    by_key = {REQUEST_ROW_KEYS[spec.name]: index for index, spec in enumerate(specs)}
    rows = [read.get(by_key[key], ()) for key in ("new", "carried_in", "total", "carried_over")]
    if any(len(row) != len(APPLICANT_COLUMNS) for row in rows):
        return True  # a row missing: nothing to check against
    for cells in zip(*rows, strict=True):
        values = [int(text[start:end]) for kind, start, end in cells if kind == VALUE and text[start:end].isdigit()]
        if len(values) == len(cells) and values[0] + values[1] != values[2] + values[3]:
            return False
    return True
