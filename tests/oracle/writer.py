"""The oracle's writer: a complete report text from TRUE values and a chosen deviation.

Shares nothing with gxgk: tables are built as small grids (cells with rowspan/colspan) from
``labels.py`` and printed in one of the layouts real reports use.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final, Literal

from tests.oracle.labels import (
    AFTER_REVIEW,
    APPEAL_BLOCKS,
    APPEAL_RESULTS,
    APPLICANT_HEAD,
    CONTENT_HEADER,
    DIRECT,
    DISCLOSURE,
    FEE_2021,
    FEE_2021_BASE,
    LEGAL_FIVE,
    LEGAL_GROUP,
    LITIGATION,
    NATURAL,
    PROCUREMENT_2019,
    REQUEST_COLUMNS,
    REQUEST_NOTE,
    REQUEST_ROWS,
    REVIEW,
    SECTION_HEADINGS,
    SUBTOTAL,
    TOTAL,
    UNITS,
    Column,
)
from tests.oracle.values import CellKey, Truth, Value

Layout = Literal["pipe", "markdown", "tab", "lines", "lines-spaced", "html", "flattened", "spaced"]
LAYOUTS: Final[tuple[Layout, ...]] = ("pipe", "markdown", "tab", "lines", "lines-spaced", "html", "flattened",
                                      "spaced")
#: layouts where a blank cell leaves no trace
VANISHING: Final[tuple[Layout, ...]] = ("flattened", "spaced")
HeaderStyle = Literal["two-level", "one-level", "none"]
DeltaStyle = Literal["sign", "chinese", "bare"]


@dataclass(frozen=True)
class Style:
    """Everything the writer can vary.  The defaults print the official template as a pipe table."""

    layout: Layout = "pipe"
    leading_pipe: bool = True
    blank: str = ""  #: how a blank cell is printed where it does not vanish
    delta: DeltaStyle = "sign"
    #: section 三 printed column order (record labels, plus SUBTOTAL where that column is printed)
    request_order: tuple[str, ...] = REQUEST_COLUMNS
    request_header: HeaderStyle = "two-level"
    #: the value printed in the SUBTOTAL column: "sum" or "wrong" (only used if SUBTOTAL is in the order)
    subtotal: Literal["sum", "wrong"] = "sum"
    #: section 三 rows in printed order (indices into the template's rows); None = template order
    row_order: tuple[int, ...] | None = None
    #: section 四: printed block order (record labels; the two 行政诉讼 blocks adjacent) and result order
    appeal_blocks: tuple[str, ...] = APPEAL_BLOCKS
    appeal_results: tuple[str, ...] = APPEAL_RESULTS
    fee_unit: str = "万元"  #: 2021 (八) header unit
    #: 2019 (九) amount: ("cell", unit) prints the unit after every number, ("header", unit) in the header
    procurement: tuple[Literal["cell", "header"], str] = ("cell", "万元")
    pad: bool = False  #: pad every row with trailing empty cells to the table's widest row
    #: text layouts: write the grid as a naive converter does, every slot a cell: a spanned slot (colspan,
    #: or a rowspan from a row above) as an empty cell
    grid: bool = False
    closing_pipe: bool = True  #: pipe layout: close each line with a border ("| a | b |"), else "| a | b"
    #: HTML only: drop one value cell of one row: (table index, data row index, value position)
    short_row: tuple[int, int, int] | None = None
    #: PDF-like band: section 三 row index whose values merge with the next row's, and the joiner
    band: tuple[int, str] | None = None
    br_in_html: bool = True  #: HTML: print a newline inside a cell as <br />


@dataclass
class GCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    value: bool = False


@dataclass
class Table:
    rows: list[list[GCell]] = field(default_factory=list)


# ---- values ----------------------------------------------------------------------------


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def format_value(value: Value, kind: str, style: Style, *, unit_power: int = 0, suffix: str = "") -> str:
    if value is None:
        return "" if style.layout in VANISHING else style.blank
    if isinstance(value, Decimal):
        return _number(value.scaleb(unit_power)) + suffix
    if kind == "delta" and value != 0:
        if style.delta == "chinese":
            return ("增" if value > 0 else "减") + str(abs(value))
        if style.delta == "sign":
            return f"{value:+d}"
        return str(value)
    return str(value)


# ---- tables ----------------------------------------------------------------------------


def _disclosure_tables(truth: Truth, style: Style) -> list[Table]:
    tables: list[Table] = []
    for item in DISCLOSURE[truth.template]:
        table = Table([[GCell(item.item, colspan=1 + len(item.columns))],
                       [GCell(CONTENT_HEADER), *(GCell(_column_header(c, style)) for c in item.columns)]])
        for row in item.rows:
            cells = [GCell(row)]
            for column in item.columns:
                value = truth.cells[CellKey(2, item.item, row, column.label)]
                cells.append(GCell(_disclosure_value(value, column, style), value=True))
            table.rows.append(cells)
        tables.append(table)
    return tables


def _column_header(column: Column, style: Style) -> str:
    if column.label == FEE_2021:
        return f"{FEE_2021_BASE}（单位：{style.fee_unit}）"
    if column.label == PROCUREMENT_2019 and style.procurement[0] == "header":
        return f"{PROCUREMENT_2019}（单位：{style.procurement[1]}）"
    return column.label


def _disclosure_value(value: Value, column: Column, style: Style) -> str:
    if column.label == FEE_2021:
        return format_value(value, column.kind, style, unit_power=UNITS[style.fee_unit])
    if column.label == PROCUREMENT_2019:
        where, unit = style.procurement
        power = UNITS["万元" if unit == "万" else unit]
        return format_value(value, column.kind, style, unit_power=power, suffix=unit if where == "cell" else "")
    return format_value(value, column.kind, style)


def _request_value(truth: Truth, row: str, column: str, style: Style) -> str:
    if column == SUBTOTAL:
        parts = [truth.request(row, c) for c in LEGAL_FIVE]
        if all(p is None for p in parts):
            return format_value(None, "count", style)
        total = sum(int(p) for p in parts if p is not None)
        return str(total + 1 if style.subtotal == "wrong" else total)
    return format_value(truth.request(row, column), "count", style)


def _request_header(style: Style) -> list[list[GCell]]:
    order = style.request_order
    width = len(order)
    if style.request_header == "none":
        return []
    levels = 3 if style.request_header == "two-level" else 2
    top = [GCell(REQUEST_NOTE, colspan=3, rowspan=levels), GCell(APPLICANT_HEAD, colspan=width)]
    if style.request_header == "one-level":
        return [top, [GCell(c) for c in order]]
    outer: list[GCell] = []
    inner: list[GCell] = []
    for column in order:
        if column in (NATURAL, TOTAL):
            outer.append(GCell(column, rowspan=2))
        else:
            if not inner:
                outer.append(GCell(LEGAL_GROUP, colspan=sum(c not in (NATURAL, TOTAL) for c in order)))
            inner.append(GCell(column))
    return [top, outer, inner]


def _request_table(truth: Truth, style: Style) -> Table:
    rows = REQUEST_ROWS[truth.template]
    table = Table(_request_header(style))
    order = style.row_order if style.row_order is not None else tuple(range(len(rows)))
    printed: list[list[GCell]] = []
    for position, index in enumerate(order):
        row = rows[index]
        labels: list[GCell] = []
        if style.row_order is not None:  # every row carries its own label (no rowspans)
            parts = row.parts[1:] if len(row.parts) > 1 else row.parts
            labels = [GCell(p) for p in parts]
            labels[-1].colspan = 3 - (len(labels) - 1)
        else:
            for depth in range(len(row.parts) - 1):
                prefix = row.parts[:depth + 1]
                previous = rows[order[position - 1]].parts[:depth + 1] if position else None
                if previous == prefix:
                    continue
                span = 0
                for later in order[position:]:
                    if rows[later].parts[:depth + 1] != prefix:
                        break
                    span += 1
                labels.append(GCell(row.parts[depth], rowspan=span))
            labels.append(GCell(row.parts[-1], colspan=3 - (len(row.parts) - 1)))
        values = [GCell(_request_value(truth, row.path, c, style), value=True) for c in style.request_order]
        printed.append(labels + values)
    if style.band is not None:
        first, joiner = style.band
        a, b = printed[first], printed[first + 1]
        a_labels = [c for c in a if not c.value]
        b_labels = [c for c in b if not c.value]
        label = GCell(joiner.join(("".join(c.text for c in a_labels), "".join(c.text for c in b_labels))),
                      colspan=3)
        merged = [GCell(joiner.join((x.text, y.text)) if x.text and y.text else x.text + y.text, value=True)
                  for x, y in zip([c for c in a if c.value], [c for c in b if c.value], strict=True)]
        printed[first:first + 2] = [[label, *merged]]
    table.rows.extend(printed)
    return table


def _appeal_table(truth: Truth, style: Style) -> Table:
    blocks, results = style.appeal_blocks, style.appeal_results
    top: list[GCell] = []
    middle: list[GCell] = []
    bottom: list[GCell] = []
    for block in blocks:
        if block == REVIEW:
            top.append(GCell(REVIEW, colspan=5))
            middle.extend(GCell(r, rowspan=2) for r in results)
        else:
            if not any(c.text == LITIGATION for c in top):
                top.append(GCell(LITIGATION, colspan=10))
            middle.append(GCell(DIRECT if block.endswith(DIRECT) else AFTER_REVIEW, colspan=5))
            bottom.extend(GCell(r) for r in results)
    values = [GCell(format_value(truth.appeal(b, r), "count", style), value=True) for b in blocks for r in results]
    return Table([top, middle, bottom, values])


# ---- layouts ---------------------------------------------------------------------------


def _grid_rows(table: Table) -> list[list[str]]:
    """Every grid slot of the table as a cell: the text where a cell starts, else empty."""
    covered: dict[tuple[int, int], bool] = {}
    rows: list[list[str]] = []
    for number, row in enumerate(table.rows):
        out: list[str] = []
        column = 0
        for cell in row:
            while covered.get((number, column)):
                out.append("")
                column += 1
            out.append(cell.text)
            out.extend([""] * (cell.colspan - 1))
            for below in range(1, cell.rowspan):
                for span in range(cell.colspan):
                    covered[number + below, column + span] = True
            column += cell.colspan
        while covered.get((number, column)):
            out.append("")
            column += 1
        rows.append(out)
    return rows


def _text_rows(table: Table, style: Style) -> list[list[str]]:
    rows = _grid_rows(table) if style.grid else [[c.text for c in row] for row in table.rows]
    if style.pad:
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
    return rows


def _text_table(table: Table, style: Style) -> str:
    rows = _text_rows(table, style)
    layout = style.layout
    out: list[str] = []
    for index, cells in enumerate(rows):
        if layout in ("pipe", "markdown"):
            line = " | ".join(cells)
            if layout == "pipe" and not style.closing_pipe:
                out.append(f"| {line}")
            else:
                out.append(f"| {line} |" if style.leading_pipe or layout == "markdown" else f"{line} |")
            if layout == "markdown" and index == 0:
                out.append("|" + "---|" * len(cells))
        elif layout == "tab":
            out.append("\t".join(cells))
        elif layout == "lines":
            out.extend(cells)
        elif layout == "lines-spaced":
            out.append("\n\n".join(cells))
        elif layout == "flattened":
            out.append("".join(cells))
        elif layout == "spaced":
            out.append(" ".join(c for c in cells if c))
        else:
            raise AssertionError(layout)
    return ("\n\n" if layout == "lines-spaced" else "\n").join(out)


def _html_cell(cell: GCell, style: Style) -> str:
    attrs = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + \
        (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
    text = html.escape(cell.text, quote=False)
    if style.br_in_html:
        text = text.replace("\n", "<br />")
    if cell.value and not text:
        text = "&nbsp;" if style.blank == "&nbsp;" else ""
    return f"<td{attrs}>{text}</td>"


def _html_table(table: Table, style: Style, index: int) -> str:
    rows: list[str] = []
    for row_index, row in enumerate(table.rows):
        cells = list(row)
        if style.short_row is not None and style.short_row[0] == index:
            value_rows = [i for i, r in enumerate(table.rows) if any(c.value for c in r)]
            if row_index == value_rows[style.short_row[1] % len(value_rows)]:
                positions = [i for i, c in enumerate(cells) if c.value]
                del cells[positions[style.short_row[2] % len(positions)]]
        rows.append("<tr>" + "".join(_html_cell(c, style) for c in cells) + "</tr>")
    return '<table border="1" cellspacing="0">\n' + "\n".join(rows) + "\n</table>"


# ---- the document ----------------------------------------------------------------------

_NARRATIVE: Final = {
    0: "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开，不断提升公开质量。",
    1: "本机关依法做好主动公开工作，具体情况如下。",
    2: "本年度依申请公开办理情况如下表所示。",
    3: "本年度政府信息公开行政复议、行政诉讼情况如下表所示。",
    4: "存在的主要问题是公开内容不够全面，政策解读形式较为单一。下一步将完善工作机制，加强培训，提升公开实效。",
}
_FEES: Final = "本年度本机关未收取信息处理费。"
AGENCIES: Final = ("某某县人民政府", "某某市教育局", "某某区财政局", "某某镇人民政府")


def tables_of(truth: Truth, style: Style) -> list[Table]:
    """The tables in document order: section 二's items, 三, 四."""
    return [*_disclosure_tables(truth, style), _request_table(truth, style), _appeal_table(truth, style)]


def write(truth: Truth, style: Style, agency: str = AGENCIES[0]) -> str:
    """A complete report text."""
    tables = tables_of(truth, style)
    items = len(DISCLOSURE[truth.template])
    by_section = {1: tables[:items], 2: [tables[items]], 3: [tables[items + 1]]}
    title = f"{agency}{truth.year}年政府信息公开工作年度报告"
    sixth = _FEES if truth.template == "2021" else "本年度无其他需要报告的事项。" + _FEES
    narrative = {**_NARRATIVE, 5: sixth}
    if style.layout == "html":
        parts = [f"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>", f"<h1>{title}</h1>"]
        index = 0
        for number, heading in enumerate(SECTION_HEADINGS):
            parts.append(f"<p><strong>{heading}</strong></p>")
            parts.append(f"<p>{narrative[number]}</p>")
            for table in by_section.get(number, []):
                parts.append(_html_table(table, style, index))
                index += 1
        parts.append("</body></html>")
        return "\n".join(parts) + "\n"
    lines = [title, ""]
    for number, heading in enumerate(SECTION_HEADINGS):
        lines += [heading, narrative[number]]
        for table in by_section.get(number, []):
            lines.append(_text_table(table, style))
        lines.append("")
    return "\n".join(lines)
