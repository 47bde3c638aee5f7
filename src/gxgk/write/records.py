"""Tidy records: one row per table cell, labelled with the official labels.

``pandas.DataFrame(gxgk.to_records(report))`` gives a long table that pivots
back into any of the report's tables.  Section 三 rows are label paths joined
with " / "; section 四 rows are the three blocks, the two 行政诉讼 blocks as
paths under 行政诉讼.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..model import Cell, Disclosure, Report, Value
from ..template.spec import APPEAL_BLOCKS, APPEAL_COLUMNS, APPLICANT_COLUMNS, DISCLOSURE_ROWS

if TYPE_CHECKING:  # batch imports pickle and glob, which a caller who only parses does not need
    from ..batch import ParseFailure, StrPath

__all__ = ["Record", "SourcedRecord", "to_records", "to_records_many"]


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


class SourcedRecord(NamedTuple):
    """A :class:`~gxgk.Record` with the identity of its report.

    .. versionadded:: 0.1
    """

    source: str | None  #: the path the report was read from (or its URL, for a bare report)
    organ: str | None  #: the reporting agency
    year: int | None  #: the year reported on
    section: int  #: 2, 3 or 4
    item: str | None  #: the 第二十条 item for section 二, else ``None``
    row: str  #: official row label
    column: str  #: official column label
    value: Value  #: the cell's value, ``None`` for a blank
    raw: str | None  #: the cell text as printed
    line: int | None  #: the source line of the cell


def to_records_many(reports: Iterable[Report | tuple[StrPath, Report | ParseFailure]]) -> Iterator[SourcedRecord]:
    """The :func:`~gxgk.to_records` of many reports, each row labelled with its report.

    Takes :func:`parse_many`'s ``(path, result)`` pairs (failures have no
    cells and are passed over) or bare reports, whose source is then their
    :attr:`Meta.url <gxgk.Meta.url>`.  ``pandas.DataFrame(to_records_many(...))``
    gives one tidy table for the batch.

    .. versionadded:: 0.1
    """
    for item in reports:
        source, report = (item.meta.url, item) if isinstance(item, Report) else (os.fspath(item[0]), item[1])
        if isinstance(report, Report):
            identity = (source, report.meta.organ, report.meta.year)
            for record in to_records(report):
                yield SourcedRecord._make((*identity, *record))
