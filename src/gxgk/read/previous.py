"""What last year's report settles: its 结转下年度 row as the check on a glued 二、上年结转 row (X1).

A glued run of digits that this year's identities leave open can be split by
last year's figures: this year's 二、上年结转 row is last year's
四、结转下年度继续办理 row.  The identity is used only to choose among the
splits the glue already allows, only when exactly one of them is last year's
row, and never against this year's own 一 + 二 = 三（七） + 四 (see
:func:`gxgk.read.requests.read_requests`).  X2 and X3 (section 二) are not
used so: they cannot check a blank cell, and a blank that vanished from
flattened text leaves every run they could settle open.
"""

from __future__ import annotations

from ..model import Diagnostic, Report, Severity
from ..template.spec import REQUEST_ROW_KEYS, REQUEST_ROWS, Template

__all__ = ["carried_over", "previous_problem"]

def previous_problem(previous: Report, year: int | None) -> Diagnostic | None:
    """Why ``previous`` cannot settle anything for a report on ``year`` (``None``: it can)."""
    if previous.meta.year is None or year is None or previous.meta.year == year - 1:
        return None
    return Diagnostic("P-previous", f"the previous report given is for {previous.meta.year}, not {year - 1}; "
                      "it was not used", Severity.WARNING)


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
