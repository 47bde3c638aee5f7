"""Tidy records: one row per table cell, labelled with the official labels.

``pandas.DataFrame(gxgk.to_records(report))`` gives a long table that pivots
back into any of the report's tables.  Section 三 rows are label paths joined
with " / "; section 四 rows are the three blocks, the two 行政诉讼 blocks as
paths under 行政诉讼.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ._model import Cell, Disclosure, Report, Value
from ._template import APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANT_COLUMNS, DISCLOSURE_ROWS

__all__ = ["Record", "to_records"]


class Record(NamedTuple):
    """One cell of a report's tables.

    .. versionadded:: 0.1
    """

    section: int  #: 2, 3 or 4
    item: str | None  #: the 第二十条 item for section 二, else ``None``
    row: str  #: official row label (a " / " path in sections 三 and 四)
    column: str  #: official column label
    value: Value  #: ``int``, signed ``int``, ``Decimal`` in 万元, or ``None`` (blank)
    raw: str | None  #: the cell text as printed, ``None`` if the cell was not found
    line: int | None  #: the source line of the cell


def to_records(report: Report) -> list[Record]:
    """Every table cell of ``report`` as a :class:`Record`, in template order.

    .. versionadded:: 0.1
    """
    return [record for record, _ in records_and_cells(report)]


def records_and_cells(report: Report) -> Iterator[tuple[Record, Cell]]:
    """Each :class:`Record` with the :class:`Cell` it was made from (its provenance says how it was read)."""
    if report.disclosure is not None:
        yield from _disclosure(report)
    if report.requests is not None:
        for row in report.requests:
            for column, cell in zip(APPLICANT_COLUMNS, row.cells, strict=True):
                yield _record(3, None, row.label, column, cell), cell
    if report.appeals is not None:
        for block_label, block in zip(APPEAL_BLOCKS, report.appeals.blocks, strict=True):
            for column, cell in zip(APPEAL_COLUMNS, block.cells, strict=True):
                yield _record(4, None, block_label, column, cell), cell


def _disclosure(report: Report) -> Iterator[tuple[Record, Cell]]:
    disclosure: Disclosure | None = report.disclosure
    for spec in DISCLOSURE_ROWS.get(report.template, ()):
        row = getattr(disclosure, spec.field)
        for column, cell in zip(spec.columns, row.cells, strict=True):
            yield _record(2, spec.item, spec.label, column.label, cell), cell


def _record(section: int, item: str | None, row: str, column: str, cell: Cell) -> Record:
    source = cell.source
    return Record(section, item, row, column, cell.value,
                  None if source is None else source.raw, None if source is None else source.line)
