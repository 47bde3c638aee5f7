"""pandas DataFrames for research panels: ``to_dataframe`` and ``summary``.

pandas is optional: it is imported when a frame is asked for, and its absence
is a clear :class:`ImportError`.  The frames have real dtypes, so a blank never
turns a column of counts into floats: counts and signed changes are pandas'
nullable ``Int64``, amounts stay exact ``Decimal`` (object dtype), the year is
``Int64``, and ``row_key`` / ``column_key`` are stable ASCII keys, the same in
both templates wherever rows and columns mean the same (see
:data:`gxgk.template.spec.REQUEST_ROW_KEYS` and its neighbours), so a panel across
2020 → 2021 lines up.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from ..batch import ParseFailure
from ..model import Report, Severity
from ..template.spec import (
    APPEAL_BLOCK_KEYS,
    APPEAL_COLUMN_KEYS,
    APPLICANT_COLUMN_KEYS,
    DISCLOSURE_COLUMN_KEYS,
    DISCLOSURE_ROW_KEYS,
    REQUEST_ROW_KEYS,
)
from .records import Record, records_and_cells

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["summary", "to_dataframe"]

#: The tidy frame's columns, in order.
COLUMNS: Final = ("source", "organ", "year", "template", "section", "item", "row", "column", "row_key",
                  "column_key", "count", "amount", "unit", "status")
#: The summary's columns, in order.
SUMMARY_COLUMNS: Final = ("source", "template", "year", "organ", "title", "cells_read", "cells_blank",
                          "cells_recovered", "errors", "warnings", "first_error")

Item = Report | tuple["str | os.PathLike[str]", "Report | ParseFailure"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - the test extra installs pandas
        raise ImportError("gxgk.to_dataframe and gxgk.summary need pandas: pip install pandas") from exc
    return pandas


def _pairs(items: Report | Iterable[Item]) -> Iterator[tuple[str | None, Report | ParseFailure]]:
    """``(source, report or failure)`` for a report, reports, or ``parse_many``'s pairs."""
    if isinstance(items, Report):
        yield None, items
        return
    for number, item in enumerate(items):
        if isinstance(item, Report):
            yield f"#{number}", item
        else:
            path, result = item
            yield os.fspath(path), result


def _keys(record: Record) -> tuple[str, str]:
    if record.section == 2:
        return DISCLOSURE_ROW_KEYS[record.row], DISCLOSURE_COLUMN_KEYS[record.column]
    if record.section == 3:
        return REQUEST_ROW_KEYS[record.row.rsplit(" / ", 1)[-1]], APPLICANT_COLUMN_KEYS[record.column]
    return APPEAL_BLOCK_KEYS[record.row], APPEAL_COLUMN_KEYS[record.column]


def _rows(items: Report | Iterable[Item], section: int | None) -> Iterator[tuple[object, ...]]:
    for source, result in _pairs(items):
        if isinstance(result, ParseFailure):
            continue
        meta = result.meta
        for record, cell in records_and_cells(result):
            if section is not None and record.section != section:
                continue
            row_key, column_key = _keys(record)
            value = record.value
            amount = value if isinstance(value, Decimal) else None
            count = value if isinstance(value, int) else None
            yield (source, meta.organ, meta.year, result.template.value, record.section, record.item, record.row,
                   record.column, row_key, column_key, count, amount, "万元" if amount is not None or (
                       value is None and column_key == "amount") else "件", cell.status)


def to_dataframe(items: Report | Iterable[Item], *, section: int | None = None, wide: bool = False) -> pd.DataFrame:
    """A tidy frame, one row per table cell, with real dtypes.

    ``items`` is a :class:`~gxgk.Report`, an iterable of reports, or the
    ``(path, report or failure)`` pairs :func:`~gxgk.parse_many` yields
    (failures have no cells; :func:`gxgk.summary` lists them).  ``source`` is the
    path (``#n`` for the n-th report of an iterable, empty for one report).
    ``count`` holds counts and signed changes (``Int64``, ``<NA>`` for a
    blank), ``amount`` amounts in 万元 (``Decimal``), ``unit`` says which,
    and ``status`` how the cell was read (``read``, ``blank``, ``recovered``,
    ``assigned``).

    ``section=3`` (or 2, 4) keeps that section's cells; with ``wide=True`` it
    gives one row per report row and one column per column key, the counts as
    ``Int64``.

    .. versionadded:: 0.2
    """
    pd = _pandas()
    frame = pd.DataFrame.from_records(list(_rows(items, section)), columns=list(COLUMNS))
    frame = frame.astype({"year": "Int64", "section": "Int64", "count": "Int64", "source": "string",
                          "organ": "string", "template": "string", "item": "string", "row": "string",
                          "column": "string", "row_key": "string", "column_key": "string", "unit": "string",
                          "status": "category"})
    frame["amount"] = frame["amount"].astype(object).where(frame["amount"].notna(), None)
    if not wide:
        return frame
    if section is None:
        raise ValueError("wide=True needs one section (section=2, 3 or 4): their columns differ")
    index = ["source", "organ", "year", "template", "row_key", "row"]
    keys = list(dict.fromkeys(frame["column_key"]))
    wide_frame = frame.assign(source=frame["source"].fillna("")).set_index([*index, "column_key"])["count"]
    wide_frame = wide_frame.unstack("column_key")
    return wide_frame.reindex(columns=keys).reset_index().rename_axis(columns=None)


def summary(items: Report | Iterable[Item]) -> pd.DataFrame:
    """One row per input, failures and texts on no template included: what was read and what is wrong.

    ``errors`` and ``warnings`` count the parser's diagnostics and the
    validation findings together, as ``gxgk check`` does (a file that is not
    a report is an error); ``first_error`` is the first error's message (a
    failure's reason).

    .. versionadded:: 0.2
    """
    from ..rules.problems import problems  # the rules, loaded when a summary is asked for

    pd = _pandas()
    rows: list[tuple[object, ...]] = []
    for source, result in _pairs(items):
        if isinstance(result, ParseFailure):
            rows.append((source, None, None, None, None, 0, 0, 0, 1, 0, result.reason))
            continue
        cells = [cell for _, cell in records_and_cells(result)]
        found = [(problem.severity, problem.message) for problem in problems(result)]
        errors = [message for severity, message in found if severity is Severity.ERROR]
        statuses = [cell.status for cell in cells]
        meta = result.meta
        rows.append((source, result.template.value, meta.year, meta.organ, meta.title,
                     sum(s != "blank" for s in statuses), statuses.count("blank"),
                     statuses.count("recovered") + statuses.count("assigned"), len(errors),
                     sum(severity is Severity.WARNING for severity, _ in found), errors[0] if errors else None))
    frame = pd.DataFrame.from_records(rows, columns=list(SUMMARY_COLUMNS))
    return frame.astype({"year": "Int64", "cells_read": "Int64", "cells_blank": "Int64", "cells_recovered": "Int64",
                         "errors": "Int64", "warnings": "Int64", "source": "string", "template": "string",
                         "organ": "string", "title": "string", "first_error": "string"})
