"""Resolve ambiguous section 三 rows with the table's column identities.

A row of glued digits may split several ways that each satisfy the row's own
total (H3).  The columns then decide: for every applicant column, the result
rows add up to （七）总计 (H2), and 新收 + 上年结转 = 总计 + 结转下年度 (H1).
Every combination of the ambiguous rows' candidates is tried (up to a bound);
a row is resolved when it takes the same candidate in every combination that
satisfies both identities wherever all their cells are known.  Anything less
certain stays ambiguous, and the caller leaves it blank.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from typing import Final, NamedTuple

from ..template.spec import APPLICANT_COLUMNS, RequestRowSpec, ValueKind, printed_rows
from .cells import Token
from .values import SMALL_COUNTS, CellError, parse_value

__all__ = ["Resolution", "resolve_table"]

#: Most combinations of ambiguous rows that are tried.
MAX_COMBINATIONS: Final = 20_000

Cut = tuple[Token, ...]
Values = tuple[int | None, ...]


class Resolution(NamedTuple):
    """The glued rows the table's identities settle, and why each other glued row stays blank."""

    cuts: dict[int, Cut]
    reasons: dict[int, str]


def resolve_table(specs: Sequence[RequestRowSpec], cuts: dict[int, list[Cut]], glued: Collection[int],
                  text: str) -> Resolution:
    """Settle the ``glued`` rows of a section 三 table with its column identities.

    ``cuts`` holds every row read, each with its possible cuts (one for a
    row read as printed).  Every combination of the glued rows' cuts is
    tried; a glued row is settled when (a) the combinations in which H1 and H2
    hold, wherever all their cells are known, all give it the same cut, and
    (b) in each of them every number of that row takes part in an identity
    whose cells are all known.  A row split uniquely by its own total (H3)
    is therefore still left blank when the columns reject it (a vanished
    blank or a publisher's error moved its digits) or cannot check it.
    """
    rows = sorted(index for index in glued if index in cuts)
    options = {index: [_values(cut, text) for cut in row_cuts] for index, row_cuts in cuts.items()}
    fixed = {index: values[0] for index, values in options.items() if index not in glued}
    roles = _roles(specs, set(cuts))
    sizes = [len(options[index]) for index in rows]
    total = 1
    for size in sizes:
        total *= size
    if roles is None or total > MAX_COMBINATIONS:
        why = f"the glued rows allow {total} combinations, too many to check against the columns"
        return Resolution({}, dict.fromkeys(rows, why))
    surviving: list[dict[int, Values]] = []
    for choice in itertools.product(*(range(size) for size in sizes)):
        table = dict(fixed)
        table.update({index: options[index][pick] for index, pick in zip(rows, choice, strict=True)})
        if _columns_hold(table, *roles):
            surviving.append(table)
    if not surviving:
        why = ("no split of the glued rows satisfies the table's column identities (H1, H2): a blank cell may "
               "have vanished, or the report's own figures disagree")
        return Resolution({}, dict.fromkeys(rows, why))
    settled: dict[int, Cut] = {}
    reasons: dict[int, str] = {}
    checkable: list[tuple[dict[int, Values], _Checkable]] = []  # computed once per table, when first needed
    for index in rows:
        picks = {options[index].index(table[index]) for table in surviving}
        if len(picks) > 1:
            reasons[index] = f"its splits leave {len(picks)} readings that the table's identities all allow"
            continue
        if not checkable:
            checkable = [(table, _checkable(table, *roles)) for table in surviving]
        if not all(_checked(table[index], index, known, *roles) for table, known in checkable):
            reasons[index] = ("a column identity that would check its split has a blank or missing cell, so the "
                              "split cannot be checked")
        else:
            settled[index] = cuts[index][picks.pop()]
    return Resolution(settled, reasons)


#: Per applicant column: whether every cell of H2 (（七）总计 = Σ results) is known, and of H1 (the balance).
_Checkable = tuple[tuple[bool, ...], tuple[bool, ...]]


def _checkable(rows: dict[int, Values], new: int, carried_in: int, total: int, carried_out: int,
               results: list[int]) -> _Checkable:
    """Which columns' identities have all their cells known in one table (see :func:`_checked`)."""
    def all_known(group: Sequence[int]) -> tuple[bool, ...]:
        found = [rows.get(row) for row in group]
        return tuple(all(values is not None and column < len(values) and values[column] is not None
                         for values in found) for column in range(len(APPLICANT_COLUMNS)))

    return all_known((total, *results)), all_known((new, carried_in, total, carried_out))


def _checked(values: Values, index: int, known: _Checkable, new: int, carried_in: int, total: int,
             carried_out: int, results: list[int]) -> bool:
    """Whether every number of row ``index`` (``values``) takes part in an identity whose cells are all known."""
    by_sum = known[0] if index == total or index in results else None
    by_balance = known[1] if index in (new, carried_in, total, carried_out) else None
    for column, value in enumerate(values):
        if value is None:
            continue
        if not ((by_sum is not None and by_sum[column]) or (by_balance is not None and by_balance[column])):
            return False
    return True


def _values(cut: Cut, text: str) -> Values:
    values: list[int | None] = []
    for token in cut:
        raw = text[token[1] : token[2]]
        value: object = SMALL_COUNTS.get(raw)  # the common case, without the value grammar
        if value is None:
            try:
                value = parse_value(raw, ValueKind.COUNT)
            except CellError:
                value = None
        values.append(value if isinstance(value, int) else None)
    return tuple(values)


def _roles(specs: Sequence[RequestRowSpec], present: set[int]
           ) -> tuple[int, int, int, int, list[int]] | None:
    """Indices of 新收, 上年结转, （七）总计, 结转下年度 and the result rows present."""
    by_name = {spec.name: index for index, spec in enumerate(specs)}
    try:
        new, carried_in = by_name["一、本年新收政府信息公开申请数量"], by_name["二、上年结转政府信息公开申请数量"]
        total, carried_out = by_name["（七）总计"], by_name["四、结转下年度继续办理"]
    except KeyError:
        return None
    results = [index for index in printed_rows(specs, present)
               if specs[index].path[0].startswith("三、") and index != total]
    return new, carried_in, total, carried_out, results


def _columns_hold(rows: dict[int, Values], new: int, carried_in: int, total: int, carried_out: int,
                  results: list[int]) -> bool:
    """Whether H2 and H1 hold in every column where all their cells are known (a missing row: unknown)."""
    parts = [rows.get(index) for index in results]
    grand, balance = rows.get(total), [rows.get(index) for index in (new, carried_in, total, carried_out)]
    for column in range(len(APPLICANT_COLUMNS)):
        grand_value = None if grand is None else grand[column]
        if grand_value is not None:
            column_parts = [None if values is None else values[column] for values in parts]
            if None not in column_parts and grand_value != sum(column_parts):  # type: ignore[arg-type]
                return False
        a, b, c, d = (None if values is None else values[column] for values in balance)
        if a is not None and b is not None and c is not None and d is not None and a + b != c + d:
            return False
    return True
