"""What ``gxgk check`` writes for auditors: a CSV, an HTML page and an Excel workbook.

A 政务公开 office checks its subordinates' reports every January and wants,
per report, what does not add up, in Chinese, as a spreadsheet it can forward
and as a page it can read beside the tables.  Every output lists the same
:class:`~gxgk.rules.problems.Problem` rows (parser diagnostics and validation
findings on one scale), one row per problem with the cells it names in one
column, and names the inputs that could not be read.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from html import escape
from typing import IO, Final, NamedTuple

from ..model import Report, Severity
from ..read.messages_zh import section_numeral
from ..rules.problems import Problem
from .records import to_records

__all__ = ["Checked", "write_csv", "write_html", "write_xlsx"]


class Checked(NamedTuple):
    """One input of a check: its path, its report (``None`` if it could not be read) and its problems."""

    path: str
    report: Report | None
    problems: list[Problem]


#: The CSV's and the Findings sheet's columns.
FINDING_COLUMNS: Final = ("file", "organ", "year", "code", "severity", "section", "row", "column", "expected",
                          "actual", "message", "cells")
SUMMARY_COLUMNS: Final = ("file", "organ", "year", "template", "errors", "warnings", "cells left blank")


def _cells(problem: Problem) -> str:
    return "; ".join(" · ".join(part for part in (section_numeral(section), row, column) if part)
                     for section, row, column in problem.cells)


def finding_rows(checked: Sequence[Checked], lang: str) -> list[tuple[object, ...]]:
    """One row per problem of every input, in :data:`FINDING_COLUMNS`."""
    rows: list[tuple[object, ...]] = []
    for item in checked:
        meta = item.report.meta if item.report is not None else None
        for problem in item.problems:
            section, row, column = problem.cells[0] if problem.cells else (None, None, None)
            rows.append((item.path, meta.organ if meta else None, meta.year if meta else None, problem.code,
                         problem.severity.value, section, row, column, _plain(problem.expected),
                         _plain(problem.actual), problem.message_zh if lang == "zh" else problem.message,
                         _cells(problem)))
    return rows


def summary_rows(checked: Sequence[Checked]) -> list[tuple[object, ...]]:
    """One row per input, in :data:`SUMMARY_COLUMNS`."""
    rows: list[tuple[object, ...]] = []
    for item in checked:
        report = item.report
        errors = sum(p.severity is Severity.ERROR for p in item.problems)
        warnings = sum(p.severity is Severity.WARNING for p in item.problems)
        if report is None:
            rows.append((item.path, None, None, None, errors, warnings, None))
            continue
        blank = sum(record.value is None for record in to_records(report))
        rows.append((item.path, report.meta.organ, report.meta.year, report.template.value, errors, warnings, blank))
    return rows


def _plain(value: object) -> object:
    return None if value is None else value if isinstance(value, (int, float, str)) else str(value)


def write_csv(out: IO[str], checked: Sequence[Checked], lang: str) -> None:
    """One row per problem (not per cell); the caller opens the file with a BOM for Excel."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FINDING_COLUMNS)
    writer.writerows(("" if value is None else value for value in row) for row in finding_rows(checked, lang))


_STYLE: Final = """<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}
th{background:#f3f3f3}td.label,td.message{text-align:left}.blank{background:#eee;color:#777}
.recovered{background:#fff4cc}.failing{background:#fdd;font-weight:bold}.error td.sev{color:#b00;font-weight:bold}
.warning td.sev{color:#a60}section.report{page-break-before:always;border-top:2px solid #888;margin-top:2em}
@media print{@page{size:A4;margin:12mm}body{margin:0;font-size:9pt}a{color:inherit;text-decoration:none}}
</style>"""


def write_html(out: IO[str], checked: Sequence[Checked], lang: str, title: str = "gxgk check") -> None:
    """One self-contained page: a summary table, then each report's tables, problems and diagnostics."""
    from .view import report_tables

    zh = lang == "zh"
    heads = ("文件", "机关", "年度", "模板", "错误", "警告", "空白单元格") if zh else SUMMARY_COLUMNS
    parts = ["<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>", f"<title>{escape(title)}</title>",
             _STYLE, "</head><body>", f"<h1>{escape(title)}</h1>",
             "<table class='summary'><tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"]
    for number, row in enumerate(summary_rows(checked)):
        cells = ["" if value is None else str(value) for value in row]
        cells[0] = f"<a href='#r{number}'>{escape(cells[0])}</a>"
        parts.append("<tr class='label'>" + "".join(f"<td class='label'>{c}</td>" if i == 0 else
                                                  f"<td>{escape(c)}</td>" for i, c in enumerate(cells)) + "</tr>")
    parts.append("</table>")
    parts.append(_legend(zh))
    for number, item in enumerate(checked):
        parts.append(f"<section class='report' id='r{number}'><h2>{escape(item.path)}</h2>")
        if item.report is not None:
            meta = item.report.meta
            parts.append(f"<p>{escape(meta.title or '')} · {escape(str(meta.year))} · "
                         f"{escape(item.report.template.value)}</p>")
            parts.append(report_tables(item.report, {cell for p in item.problems
                                                     if p.severity is Severity.ERROR for cell in p.cells}))
        parts.append(_problems_table(item.problems, zh))
        parts.append("</section>")
    parts.append("</body></html>\n")
    out.write("".join(parts))


def _legend(zh: bool) -> str:
    if zh:
        return ("<p><span class='blank'>∅ 空白</span> · <span class='recovered'>↻ 由粘连数字拆分或按位置恢复</span> · "
                "<span class='failing'>✗ 未通过核对</span></p>")
    return ("<p><span class='blank'>∅ blank</span> · <span class='recovered'>↻ recovered (split from glued digits, "
            "or placed by position)</span> · <span class='failing'>✗ named by a failing check</span></p>")


def _problems_table(found: Sequence[Problem], zh: bool) -> str:
    if not found:
        return "<p>" + ("没有发现问题。" if zh else "Nothing to report.") + "</p>"
    heads = ("级别", "代码", "单元格", "说明") if zh else ("severity", "code", "cells", "message")
    rows = [f"<tr class='{p.severity.value}'><td class='sev'>{p.severity.value}</td><td>{escape(p.code)}</td>"
            f"<td class='label'>{escape(_cells(p))}</td>"
            f"<td class='message'>{escape(p.message_zh if zh else p.message)}</td></tr>" for p in found]
    return "<table>" + "<tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr>" + "".join(rows) + "</table>"


def write_xlsx(path: str, checked: Sequence[Checked], lang: str) -> None:
    """A workbook with a Summary and a Findings sheet: frozen header, autofilter, widths, failing rows marked.

    XlsxWriter (the optional extra ``xlsx``) writes it: it only writes, needs
    nothing else, and sets every format an auditor needs.
    """
    try:
        import xlsxwriter
    except ImportError as exc:
        raise ImportError("--format xlsx needs the optional extra: pip install 'gxgk[xlsx]'") from exc
    workbook = xlsxwriter.Workbook(path)
    bold = workbook.add_format({"bold": True, "bg_color": "#F3F3F3", "border": 1})
    error = workbook.add_format({"bg_color": "#FFDDDD"})
    for name, columns, rows, severity_at in (("Summary", SUMMARY_COLUMNS, summary_rows(checked), None),
                                             ("Findings", FINDING_COLUMNS, finding_rows(checked, lang), 4)):
        sheet = workbook.add_worksheet(name)
        sheet.write_row(0, 0, columns, bold)
        for number, row in enumerate(rows, start=1):
            failing = (row[4] if severity_at is None else row[severity_at] == "error")
            sheet.write_row(number, 0, ["" if value is None else value for value in row], error if failing else None)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
        for index, column in enumerate(columns):
            width = max([len(str(column)), *(len(str(row[index] or "")) for row in rows[:200])])
            sheet.set_column(index, index, min(max(width * 1.2, 8), 60))
    workbook.close()
