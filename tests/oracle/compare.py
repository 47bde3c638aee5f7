"""Compare what gxgk read with what the oracle wrote, cell by cell.

Each written cell is RIGHT (parsed value == true value, same type family), BLANK_NAMED (parsed
``None`` or missing, and some diagnostic names the cell), BLANK_UNNAMED (blank, named by nothing)
or WRONG (a value that is not the true one).  A parsed ``None`` where the truth is ``None`` is right.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import gxgk
from tests.oracle.values import CellKey, Truth, Value


class Outcome(enum.Enum):
    RIGHT = "right"
    BLANK_NAMED = "blank (named)"
    BLANK_UNNAMED = "blank (UNNAMED)"
    WRONG = "WRONG"


_MISSING: Any = object()


def _same(parsed: Value, true: Value) -> bool:
    if parsed is None or true is None:
        return parsed is None and true is None
    if isinstance(parsed, bool) or isinstance(parsed, Decimal) != isinstance(true, Decimal):
        return False
    return parsed == true


def named_cells(diagnostics: Iterable[object]) -> list[tuple[int, str | None, str | None]]:
    """Every (section, row, column) a diagnostic names (``getattr(d, "cells", ())``)."""
    out: list[tuple[int, str | None, str | None]] = []
    for diagnostic in diagnostics:
        for entry in getattr(diagnostic, "cells", ()) or ():
            if hasattr(entry, "section"):  # the CellName attrs class / NamedTuple
                section, row, column = entry.section, getattr(entry, "row", None), getattr(entry, "column", None)
            else:
                section, row, column = entry[0], entry[1], entry[2]
            out.append((int(section), row, column))
    return out


def is_named(key: CellKey, names: Iterable[tuple[int, str | None, str | None]]) -> bool:
    return any(section == key.section and (row is None or row == key.row)
               and (column is None or column == key.column) for section, row, column in names)


@dataclass
class Tally:
    """Counts per outcome, and the offending cells (truth, parsed) for the report."""

    cases: int = 0
    right: int = 0
    named: int = 0
    unnamed: int = 0
    wrong: int = 0
    template_wrong: int = 0
    crashed: int = 0
    wrong_cells: list[tuple[CellKey, Value, Value]] = field(default_factory=list)
    unnamed_cells: list[CellKey] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.cases += other.cases
        self.right += other.right
        self.named += other.named
        self.unnamed += other.unnamed
        self.wrong += other.wrong
        self.template_wrong += other.template_wrong
        self.crashed += other.crashed


def compare(truth: Truth, report: gxgk.Report) -> Tally:
    """Score every cell of ``truth`` against ``report``."""
    tally = Tally(cases=1)
    if report.template.value != truth.template:
        tally.template_wrong = 1
    records = {CellKey(r.section, r.item, r.row, r.column): r.value for r in gxgk.to_records(report)}
    names = named_cells(report.diagnostics)
    for key, true in truth.cells.items():
        parsed = records.get(key)
        if _same(parsed, true):
            tally.right += 1
        elif parsed is None:
            if is_named(key, names):
                tally.named += 1
            else:
                tally.unnamed += 1
                tally.unnamed_cells.append(key)
        else:
            tally.wrong += 1
            tally.wrong_cells.append((key, true, parsed))
    return tally


def describe(tally: Tally, limit: int = 8) -> str:
    """The offending cells, for an assertion message."""
    lines = [f"template wrong: {bool(tally.template_wrong)}"]
    for key, true, parsed in tally.wrong_cells[:limit]:
        lines.append(f"WRONG {key.section} {key.item or ''} {key.row} / {key.column}: true {true!r}, read {parsed!r}")
    for key in tally.unnamed_cells[:limit]:
        lines.append(f"UNNAMED blank {key.section} {key.row} / {key.column}")
    return "\n".join(lines)
