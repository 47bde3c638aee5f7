"""Section 二's table: rows by label, values in the template's columns, amounts in 万元."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from ..model import (
    DISCLOSURE_CLASSES,
    Cell,
    Diagnostic,
    Disclosure,
    Severity,
)
from ..template.spec import (
    DISCLOSURE_ROWS,
    MONEY_UNIT_FACTORS,
    Template,
    ValueKind,
)
from .cells import Segment
from .rows import (
    _FORCED,
    Source,
    _choose,
    _claims,
    _determined,
    _glued_note,
    _keys,
    _Plan,
    _Reader,
)

__all__ = ["read_disclosure"]

# ---- Section 二 -------------------------------------------------------------




@functools.cache
def _disclosure_plan(template: Template) -> _Plan | None:
    specs = DISCLOSURE_ROWS.get(template)
    if not specs:
        return None
    fields = attrs.fields_dict(DISCLOSURE_CLASSES[template.family])
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
    rows: dict[str, Any] = {}  # field → its row (each a row class of the template's disclosure class)
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
    return DISCLOSURE_CLASSES[template.family](**rows), reader.diagnostics


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
        elif unit is None and template.family is Template.V2019:
            reader.note("P-unit", f"{where}: printed without a unit; read as 万元", cell.source.start,
                        Severity.WARNING, row=plan.names[index], column=plan.columns[index][column])
    return result


