"""Writers: a report back to text, in each layout the reader accepts.

Writers mirror readers.  Users get clean, canonical tables from them, and the
property tests get their inputs: generate a report, render it in every layout,
parse it back, demand equality.

A table is first laid out as rows of cell texts (the template's own header
rows, then the data rows with their group labels in front); a layout then
only decides how cells and rows are separated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

from ..model import Cell, Narrative, Report, Value
from ..read.values import format_amount
from ..template.spec import (
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
    APPLICANTS_HEADER,
    DISCLOSURE_ROWS,
    LEGAL_PERSON_GROUP,
    REQUEST_ROWS,
    REQUESTS_NOTE,
    SECTION_TITLES,
    ValueKind,
)

__all__ = ["LAYOUTS", "render"]

Table = list[list[str]]



def _pipe(table: Table, blank: str) -> str:
    return "\n".join(" | ".join(cell or blank for cell in row) + " |" for row in table)


def _markdown(table: Table, blank: str) -> str:
    """A GitHub-flavoured Markdown table: its first row, padded to the widest, is the header row.

    Blank lines around it keep it a block of its own, not a paragraph's lines.
    """
    # a header row is padded to the widest row, so that every column shows; a first row of values keeps
    # its cells (padding would add blank cells to it)
    width = len(table[0]) if _is_data(table[0]) else max(len(row) for row in table)
    header = [*table[0], *([""] * (width - len(table[0])))]
    lines = ["| " + " | ".join(cell or blank for cell in row) + " |" for row in (header, *table[1:])]
    lines.insert(1, "|" + "---|" * width)
    return "\n" + "\n".join(lines) + "\n"


def _tabs(table: Table, blank: str) -> str:
    return "\n".join("\t".join(cell or blank for cell in row) for row in table)


def _lines(table: Table, blank: str) -> str:
    return "\n\n".join(cell or blank for row in table for cell in row)


def _cell_pipe(table: Table, blank: str) -> str:
    return "\n".join(f"{cell or blank} |" for row in table for cell in row)


#: The text layouts :func:`render` writes: layout name → (table formatter, how
#: a blank cell is written in it).  In layouts without cell borders a blank
#: must be printed as a marker.
LAYOUTS: Final[dict[str, tuple[Callable[[Table, str], str], str]]] = {
    "pipe": (_pipe, ""),
    "markdown": (_markdown, ""),
    "tabs": (_tabs, ""),
    "lines": (_lines, "/"),
    "cell-pipe": (_cell_pipe, "/"),
}


#: Layouts :func:`render` writes as whole documents rather than text tables.
DOCUMENT_LAYOUTS: Final = ("html", "fixed")


def render(report: Report, layout: str = "pipe", *, headings: bool = True, header_rows: bool = True,
           blank: str | None = None) -> str:
    """Write ``report`` in ``layout``: a text layout of :data:`LAYOUTS`, or a whole document.

    The document layouts are ``"html"`` (a page whose tables use rowspan and
    colspan, header and body rows with different colspans, ``&nbsp;``
    blanks) and ``"fixed"`` (``pdftotext -layout``-style fixed-width text
    with wrapped labels, page numbers and headers repeated across pages).
    ``headings=False`` leaves the six section headings out and
    ``header_rows=False`` the tables' header rows (as some reports do);
    ``blank`` overrides how a blank cell is written.

    .. versionadded:: 0.1
    """
    if layout in DOCUMENT_LAYOUTS:
        from .render_pages import render_fixed_width, render_html  # they build on this module

        writer = render_html if layout == "html" else render_fixed_width
        return writer(report, headings=headings, header_rows=header_rows, blank=blank)
    try:
        formatter, default_blank = LAYOUTS[layout]
    except KeyError:
        names = ", ".join((*LAYOUTS, *DOCUMENT_LAYOUTS))
        raise ValueError(f"unknown layout {layout!r}; choose one of {names}") from None
    mark = default_blank if blank is None else blank
    parts: list[str] = []
    heading = "## " if layout == "markdown" else ""  # Markdown: the title and the sections as headings
    if report.meta.title:
        parts.append(("# " if heading else "") + report.meta.title)
    tables = {2: disclosure_table(report), 3: requests_table(report), 4: appeals_table(report)}
    if not header_rows:
        tables = {number: [row for row in table if row and _is_data(row)] for number, table in tables.items()}
    narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, title in enumerate(SECTION_TITLES, start=1):
        if headings:
            parts.append(heading + title)
        table = tables.get(number)
        if table:
            parts.append(formatter(table, mark))
        narrative = narratives.get(number)
        if isinstance(narrative, Narrative) and narrative.text:
            parts.append(narrative.text.replace("\n", "\n\n") if heading else narrative.text)
    return "\n".join(parts) + "\n"


def _is_data(row: Sequence[str]) -> bool:
    """True for a row that holds values (every header row is all labels)."""
    return any(cell == "" or cell[-1:].isdigit() or cell in ("/", "-", "—") for cell in row[1:])


def format_value(value: Value, kind: ValueKind = ValueKind.COUNT) -> str:
    """A value as a report would print it ("" for a blank).

    >>> format_value(-37, ValueKind.DELTA), format_value(Decimal("25.1"), ValueKind.AMOUNT)
    ('-37', '25.1')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount(value)
    if kind is ValueKind.DELTA and value > 0:
        return f"+{value}"
    return str(value)


def _texts(cells: Sequence[Cell], kinds: Sequence[ValueKind]) -> list[str]:
    return [format_value(cell.value, kind) for cell, kind in zip(cells, kinds, strict=True)]


def disclosure_table(report: Report) -> Table:
    """Section 二 as rows of cell texts, item headers included."""
    if report.disclosure is None:
        return []
    table: Table = []
    item = None
    for spec in DISCLOSURE_ROWS.get(report.template, ()):
        if spec.item != item:
            item = spec.item
            table.append([item])
            table.append(["信息内容", *(column.label for column in spec.columns)])
        row = getattr(report.disclosure, spec.field)
        table.append([spec.label, *_texts(row.cells, [c.kind for c in spec.columns])])
    return table


def requests_table(report: Report) -> Table:
    """Section 三 as rows of cell texts: the header block, then each row with its group labels."""
    if report.requests is None:
        return []
    table: Table = [
        [REQUESTS_NOTE, APPLICANTS_HEADER],
        ["自然人", LEGAL_PERSON_GROUP, "总计"],
        list(APPLICANT_COLUMNS[1:6]),
    ]
    printed: set[str] = set()
    kinds = [ValueKind.COUNT] * len(APPLICANT_COLUMNS)
    known = {spec.label: spec.path for spec in REQUEST_ROWS.get(report.template, ())}
    for row in report.requests:
        path = known.get(row.label, tuple(row.label.split(" / ")))
        labels = [part for index, part in enumerate(path)
                  if index == len(path) - 1 or " / ".join(path[: index + 1]) not in printed]
        printed.update(" / ".join(path[: index + 1]) for index in range(len(path)))
        table.append([*labels, *_texts(row.cells, kinds)])
    return table


def appeals_table(report: Report) -> Table:
    """Section 四 as rows of cell texts: the two header rows and the 15 values."""
    if report.appeals is None:
        return []
    values = [format_value(cell.value) for block in report.appeals.blocks for cell in block.cells]
    return [
        ["行政复议", "行政诉讼"],
        [*APPEAL_COLUMNS, "未经复议直接起诉", "复议后起诉"],
        [*APPEAL_COLUMNS, *APPEAL_COLUMNS],
        values,
    ]
