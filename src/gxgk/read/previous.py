"""What last year's report settles: the identities across years (X1–X3) as checks on a glued row.

A glued run of digits that this year's identities leave open can be split
by last year's figures:

* X1: this year's 二、上年结转 row is last year's 四、结转下年度继续办理 row;
* X2 (2021 format): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数;
* X3 (2019 format): 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减.

They are used only to choose among the splits the glue already allows —
readings with a vanished blank cell included, which an identity with a blank
cannot refute — and only when exactly one of them holds; a row split so says
so in a diagnostic.  A publisher may restate last year's figures, so these
identities never override what the text itself decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from ..model import Diagnostic, Disclosure2019, Disclosure2021, Report, Severity
from ..template.spec import DISCLOSURE_ROWS, REQUEST_ROW_KEYS, REQUEST_ROWS, Template
from .glue import Check
from .rows import Glue

__all__ = ["carried_over", "disclosure_glue", "previous_problem"]

Values = Sequence[int | Decimal | None]

#: The 2019 rows whose first column is 上一年项目数量 (X3).
_PROJECT_FIELDS: Final = frozenset({"licensing", "other_services", "penalties", "enforcement", "fees"})


def previous_problem(previous: Report, year: int | None) -> Diagnostic | None:
    """Why ``previous`` cannot settle anything for a report on ``year`` (``None``: it can)."""
    if previous.meta.year is None or year is None or previous.meta.year == year - 1:
        return None
    return Diagnostic("P-previous", f"the previous report given is for {previous.meta.year}, not {year - 1}; "
                      "it was not used", Severity.WARNING)


def _in_force(previous_in_force: int) -> Check:
    """X2 on a cut of a 2021 document row: 现行有效件数 = last year's + 本年制发件数 − 本年废止件数."""
    def check(values: Values) -> bool:
        if len(values) < 3:
            return True
        issued, repealed, in_force = values[:3]
        if issued is None or repealed is None or in_force is None:
            return True  # a vanished blank: X2 cannot refute this reading, so it stays (and makes the run ambiguous)
        return in_force == previous_in_force + issued - repealed
    return check


def _first(expected: int) -> Check:
    """X3 on a cut of a 2019 project row: its first cell is ``expected``."""
    def check(values: Values) -> bool:
        return not values or values[0] is None or values[0] == expected  # a vanished blank cannot be refuted
    return check


def disclosure_glue(template: Template, previous: Report | None) -> dict[int, Glue]:
    """Section 二 rows (indices of the template's rows) that last year's report lets a glued run split."""
    if previous is None or previous.disclosure is None:
        return {}
    found: dict[int, Glue] = {}
    for index, spec in enumerate(DISCLOSURE_ROWS.get(template, ())):
        row = getattr(previous.disclosure, spec.field, None)
        if template.family is Template.V2021 and isinstance(previous.disclosure, Disclosure2021):
            value = getattr(row, "in_force", None)
            if value is not None and isinstance(value.value, int):
                found[index] = Glue(_in_force(value.value), blanks=1)
        elif (template.family is Template.V2019 and isinstance(previous.disclosure, Disclosure2019)
              and spec.field in _PROJECT_FIELDS):
            count, change = getattr(row, "previous_count", None), getattr(row, "change", None)
            if count is not None and change is not None and isinstance(count.value, int) \
                    and isinstance(change.value, int):
                found[index] = Glue(_first(count.value + change.value), blanks=1)
    return found


def carried_over(previous: Report | None, template: Template) -> tuple[int, ...] | None:
    """Last year's 四、结转下年度继续办理 row, if every cell of it is known; the X1 figure for 二、上年结转."""
    if previous is None or previous.requests is None or template not in REQUEST_ROWS:
        return None
    label = next(spec.label for spec in REQUEST_ROWS[template] if REQUEST_ROW_KEYS[spec.name] == "carried_over")
    row = next((row for row in previous.requests if row.label == label), None)
    values = [] if row is None else [cell.value for cell in row.cells]
    if not values or not all(isinstance(value, int) for value in values):
        return None
    return tuple(int(value) for value in values if isinstance(value, int))
