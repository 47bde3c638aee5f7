"""HTML views for notebooks: a report's tables with blank, recovered and failing cells marked.

Jupyter shows :meth:`gxgk.Report._repr_html_` and a list of findings
(:class:`Findings`) as tables.  Each cell is marked by colour *and* a symbol,
so a printout in black and white still tells them apart: ∅ blank, ↻ recovered
(split from glued digits or assigned by position), ✗ named by a failing
validation finding.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING, Final

from ..model import Cell, Report, Severity
from ..template.spec import SECTION_TITLES
from .records import Record, records_and_cells

if TYPE_CHECKING:
    from ..rules.base import Finding

__all__ = ["findings_html", "report_html", "report_tables"]

_STYLE: Final = (
    "<style>.gxgk td,.gxgk th{border:1px solid #bbb;padding:2px 6px;text-align:right}"
    ".gxgk th{background:#f3f3f3}.gxgk td.label{text-align:left}.gxgk .blank{background:#eee;color:#777}"
    ".gxgk .recovered{background:#fff4cc}.gxgk .failing{background:#fdd;font-weight:bold}</style>"
)
_LEGEND: Final = ("<p class='gxgk'><span class='blank'>∅ blank</span> · <span class='recovered'>↻ recovered "
                  "(split from glued digits, or placed by position)</span> · <span class='failing'>✗ named by a "
                  "failing check</span></p>")



def report_html(report: Report) -> str:
    """The report's title line and its three tables, marked, with a legend."""
    from ..rules.validate import validate  # the rules, loaded when a view is asked for

    failing = {(cell.section, cell.row, cell.column) for finding in validate(report)
               if finding.severity is Severity.ERROR for cell in finding.cells}
    head = escape(f"{report.meta.title or '(no title)'} · template {report.template.value} · "
                  f"year {report.meta.year} · {len(report.diagnostics)} diagnostics")
    return f"{_STYLE}<div class='gxgk'><p><b>{head}</b></p>{report_tables(report, failing)}</div>{_LEGEND}"


def report_tables(report: Report, failing: Collection[tuple[int, str | None, str | None]]) -> str:
    """The report's tables as HTML, one per section (one per item in section 二), cells marked."""
    parts = []
    records = list(records_and_cells(report))
    for section, in_section in groupby(records, key=lambda pair: pair[0].section):
        parts.append(f"<h4>{SECTION_TITLES[section - 1]}</h4>")
        for _item, rows in groupby(in_section, key=lambda pair: pair[0].item):
            parts.append(_table(list(rows), failing))
    return "".join(parts) if records else "<p>No table was read.</p>"


def _table(records: Sequence[tuple[Record, Cell]], failing: Collection[tuple[int, str | None, str | None]]) -> str:
    """One table: a row per template row, a column per template column (in the records' order)."""
    columns = list(dict.fromkeys(record.column for record, _ in records))
    lines = ["<table>", "<tr><th></th>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>"]
    for row, cells in groupby(records, key=lambda pair: pair[0].row):
        by_column = {record.column: (record, cell) for record, cell in cells}
        lines.append(f"<tr><td class='label'>{escape(row.rsplit(' / ', 1)[-1])}</td>"
                     + "".join(_cell(by_column.get(column), failing) for column in columns) + "</tr>")
    lines.append("</table>")
    return "".join(lines)


def _cell(pair: tuple[Record, Cell] | None, failing: Collection[tuple[int, str | None, str | None]]) -> str:
    if pair is None:
        return "<td></td>"
    record, cell = pair
    if (record.section, record.row, record.column) in failing:
        text = "∅" if record.value is None else str(record.value)
        return f"<td class='failing' title='a failing check names this cell'>{escape(text)} ✗</td>"
    if record.value is None:
        return "<td class='blank' title='blank'>∅</td>"
    if cell.status != "read":  # recovered or assigned; the note says how
        note = cell.source.note if cell.source is not None else ""
        return f"<td class='recovered' title='{escape(note or '')}'>{escape(str(record.value))} ↻</td>"
    return f"<td>{escape(str(record.value))}</td>"


def findings_html(findings: Iterable[Finding]) -> str:
    """Findings as a table: severity, code, the cells named, message (English and Chinese)."""
    lines = [_STYLE, "<table class='gxgk'><tr><th>severity</th><th>code</th><th>cells</th><th>message</th>"
                     "<th>说明</th></tr>"]
    for finding in findings:
        cells = "; ".join(cell.label for cell in finding.cells[:4]) + (" …" if len(finding.cells) > 4 else "")
        lines.append(f"<tr class='{'failing' if finding.severity is Severity.ERROR else ''}'>"
                     f"<td>{finding.severity.value}</td><td>{escape(finding.code)}</td>"
                     f"<td class='label'>{escape(cells)}</td><td class='label'>{escape(finding.message)}</td>"
                     f"<td class='label'>{escape(finding.message_zh)}</td></tr>")
    lines.append("</table>")
    return "".join(lines)
