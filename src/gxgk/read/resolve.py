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
from .values import CellError, parse_value

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
    for index in rows:
        picks = {options[index].index(table[index]) for table in surviving}
        if len(picks) > 1:
            reasons[index] = f"its splits leave {len(picks)} readings that the table's identities all allow"
        elif not all(_checked(table, index, *roles) for table in surviving):
            reasons[index] = ("a column identity that would check its split has a blank or missing cell, so the "
                              "split cannot be checked")
        else:
            settled[index] = cuts[index][picks.pop()]
    return Resolution(settled, reasons)


def _checked(rows: dict[int, Values], index: int, new: int, carried_in: int, total: int, carried_out: int,
             results: list[int]) -> bool:
    """Whether every number of row ``index`` takes part in an identity whose cells are all known."""
    def known(row: int, column: int) -> bool:
        values = rows.get(row)
        return values is not None and values[column] is not None

    balance = (new, carried_in, total, carried_out)
    for column, value in enumerate(rows[index]):
        if value is None:
            continue
        by_sum = index in (total, *results) and all(known(row, column) for row in (total, *results))
        by_balance = index in balance and all(known(row, column) for row in balance)
        if not (by_sum or by_balance):
            return False
    return True


def _values(cut: Cut, text: str) -> Values:
    values: list[int | None] = []
    for token in cut:
        try:
            value = parse_value(text[token[1] : token[2]], ValueKind.COUNT)
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
    for column in range(len(APPLICANT_COLUMNS)):
        def cell(index: int, column: int = column) -> int | None:
            values = rows.get(index)
            return None if values is None else values[column]

        parts = [cell(index) for index in results]
        grand = cell(total)
        if grand is not None and all(p is not None for p in parts) and grand != sum(p or 0 for p in parts):
            return False
        balance = [cell(new), cell(carried_in), grand, cell(carried_out)]
        if all(v is not None for v in balance):
            a, b, c, d = (v or 0 for v in balance)
            if a + b != c + d:
                return False
    return True
