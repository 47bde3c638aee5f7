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
from collections.abc import Sequence
from typing import Final

from ._cells import Token
from ._template import RequestRowSpec, ValueKind, printed_rows
from ._values import CellError, parse_value

__all__ = ["resolve_table"]

#: Most combinations of ambiguous rows that are tried.
MAX_COMBINATIONS: Final = 20_000

Cut = tuple[Token, ...]
Values = tuple[int | None, ...]


def resolve_table(specs: Sequence[RequestRowSpec], cuts: dict[int, list[Cut]], text: str) -> dict[int, Cut]:
    """The cut for each ambiguous row (several cuts) that the column identities determine."""
    ambiguous = sorted(index for index, row_cuts in cuts.items() if len(row_cuts) > 1)
    if not ambiguous:
        return {}
    options = {index: [_values(cut, text) for cut in row_cuts] for index, row_cuts in cuts.items()}
    fixed = {index: values[0] for index, values in options.items() if len(values) == 1}
    roles = _roles(specs, set(cuts))
    if roles is None:
        return {}
    sizes = [len(options[index]) for index in ambiguous]
    total = 1
    for size in sizes:
        total *= size
    if total > MAX_COMBINATIONS:
        return {}
    surviving: list[tuple[int, ...]] = []
    for choice in itertools.product(*(range(size) for size in sizes)):
        rows = dict(fixed)
        rows.update({index: options[index][pick] for index, pick in zip(ambiguous, choice, strict=True)})
        if _columns_hold(rows, *roles):
            surviving.append(choice)
    resolved: dict[int, Cut] = {}
    for position, index in enumerate(ambiguous):
        picks = {choice[position] for choice in surviving}
        if len(picks) == 1:
            resolved[index] = cuts[index][picks.pop()]
    return resolved


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
    for column in range(7):
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
