"""Writers for the two layouts that come from outside text: HTML pages and PDF text.

They mirror :mod:`gxgk.formats.html` and the PDF path the way :mod:`gxgk.write.render`
mirrors the text reader, so the property tests can say
``parse(render_html(r)) == r`` and ``parse(render_fixed_width(r)) == r``.

Both start from the cell texts of :func:`~gxgk.write.render.disclosure_table`,
:func:`~gxgk.write.render.requests_table` and :func:`~gxgk.write.render.appeals_table`
and give the tables the shape real reports have: merged header cells, group
labels spanning their rows, and value cells whose colspans differ from the
header's (section 二 has five grid columns for at most three values, as the
Shanghai report does).

* :func:`render_html` writes a page: page chrome (navigation, breadcrumbs,
  scripts, styles, a footer), an optional metadata table, then the report
  with ``rowspan``/``colspan`` tables, ``&nbsp;`` blanks, ``<br />`` and
  ``<p>`` inside cells.
* :func:`render_fixed_width` writes what ``pdftotext -layout`` makes of a
  printed report: columns padded with spaces, labels wrapped inside their
  column, group labels one character per line, spaced header characters,
  values on the middle line of their row, pages of ``page_lines`` lines ended
  by a centred "- N -" and a form feed, and a table's header rows repeated at
  the top of each page it continues on.  A blank cell prints nothing in a
  PDF, and text cannot show an empty column, so blanks are written as
  ``blank`` ("/" by default).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from typing import Final, NamedTuple

from ..model import Narrative, Report
from ..template.spec import (
    APPEAL_CELLS,
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
    APPLICANTS_HEADER,
    LEGAL_PERSON_GROUP,
    REQUEST_ROWS,
    REQUESTS_NOTE,
    SECTION_TITLES,
)
from .render import appeals_table, disclosure_table, requests_table

__all__ = ["render_fixed_width", "render_html", "row_heights"]



class _Cell(NamedTuple):
    """A cell as HTML lists it: text, spans, and whether it holds a value."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    value: bool = False


class _Grid(NamedTuple):
    """A table: its rows of cells, how many rows are header rows, and its grid width."""

    rows: list[list[_Cell]]
    header: list[bool]  #: per row: True for a header row (no values)
    width: int


# ---- tables with spans, shared by both writers -------------------------------------


_DISCLOSURE_WIDTH: Final = 4  # grid columns for values in section 二
_HEADER_SPANS: Final = {1: (4,), 2: (2, 2), 3: (1, 2, 1)}
_BODY_SPANS: Final = {1: (4,), 2: (2, 2), 3: (2, 1, 1)}


def _disclosure_grid(report: Report) -> _Grid:
    rows: list[list[_Cell]] = []
    header: list[bool] = []
    for row in disclosure_table(report):
        if len(row) == 1:  # the item: 第二十条第（一）项
            rows.append([_Cell(row[0], 1 + _DISCLOSURE_WIDTH)])
            header.append(True)
            continue
        label, *cells = row
        is_header = label == "信息内容"
        spans = (_HEADER_SPANS if is_header else _BODY_SPANS)[len(cells)]
        rows.append([_Cell(label), *(_Cell(text, span, 1, not is_header) for text, span in zip(cells, spans,
                                                                                              strict=True))])
        header.append(is_header)
    return _Grid(rows, header, 1 + _DISCLOSURE_WIDTH)


def _requests_grid(report: Report, spaced: bool = False) -> _Grid:
    names = [" ".join(name) if spaced and len(name) > 2 else name for name in APPLICANT_COLUMNS[1:6]]
    rows: list[list[_Cell]] = [
        [_Cell(REQUESTS_NOTE, 3, 3), _Cell(APPLICANTS_HEADER, len(APPLICANT_COLUMNS))],
        [_Cell(APPLICANT_COLUMNS[0], 1, 2), _Cell(LEGAL_PERSON_GROUP, 5), _Cell(APPLICANT_COLUMNS[6], 1, 2)],
        [_Cell(name) for name in names],
    ]
    header = [True, True, True]
    table = requests_table(report)[3:]
    known = {spec.label: spec.path for spec in REQUEST_ROWS.get(report.template, ())}
    paths = [known.get(row.label, tuple(row.label.split(" / "))) for row in report.requests or ()]
    for index, (path, cells) in enumerate(zip(paths, table, strict=True)):
        labels = cells[: len(cells) - len(APPLICANT_COLUMNS)]
        values = cells[len(labels) :]
        first = len(path) - len(labels)  # the depth of the first label printed in this row
        out: list[_Cell] = []
        for depth in range(first, len(path)):
            if depth < len(path) - 1:  # a group label: it spans the rows that share it
                span = 1
                while index + span < len(paths) and paths[index + span][: depth + 1] == path[: depth + 1]:
                    span += 1
                out.append(_Cell(path[depth], 1, span))
            else:
                out.append(_Cell(labels[depth - first], 3 - depth))
        rows.append(out + [_Cell(value, 1, 1, True) for value in values])
        header.append(False)
    return _Grid(rows, header, 10)


def _appeals_grid(report: Report) -> _Grid:
    table = appeals_table(report)
    if not table:
        return _Grid([], [], APPEAL_CELLS)
    rows = [
        [_Cell("行政复议", 5), _Cell("行政诉讼", 10)],
        [*(_Cell(name, 1, 2) for name in APPEAL_COLUMNS), _Cell("未经复议直接起诉", 5), _Cell("复议后起诉", 5)],
        [_Cell(name) for name in (*APPEAL_COLUMNS, *APPEAL_COLUMNS)],
        [_Cell(value, 1, 1, True) for value in table[-1]],
    ]
    return _Grid(rows, [True, True, True, False], APPEAL_CELLS)


def _grids(report: Report, spaced: bool = False) -> dict[int, _Grid]:
    grids = {2: _disclosure_grid(report), 3: _requests_grid(report, spaced) if report.requests else None,
             4: _appeals_grid(report)}
    return {number: grid for number, grid in grids.items() if grid is not None and grid.rows}


def _without_headers(grid: _Grid) -> _Grid:
    """The grid without header rows; cells spanning from a dropped row are dropped with it."""
    rows = [row for row, is_header in zip(grid.rows, grid.header, strict=True) if not is_header]
    return _Grid(rows, [False] * len(rows), grid.width)


def _narratives(report: Report) -> dict[int, Narrative | None]:
    return {1: report.overview, 5: report.problems, 6: report.other_matters}


# ---- HTML -------------------------------------------------------------------------


_CHROME_TOP: Final = (
    '<div class="topbar">用户登录 | 无障碍</div>\n'
    '<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>'
    '<li><a href="/ndbg">政府信息公开年度报告</a></li></ul></nav>\n'
    '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</div>\n'
)
_CHROME_BOTTOM: Final = (
    '<div class="share">分享到：微信 微博</div>\n'
    '<footer><p>版权所有：人民政府办公室 | 网站标识码 3100000001</p><p>2019年政府信息公开工作年度报告</p></footer>\n'
    "<script>var pageCount = 12; document.write('<table><tr><td>1</td></tr></table>');</script>\n"
)


def _html_cell(cell: _Cell, blank_style: int, blank: str | None) -> str:
    attrs = "".join(f' {name}="{span}"' for name, span in (("colspan", cell.colspan), ("rowspan", cell.rowspan))
                    if span > 1)
    if cell.value:
        if not cell.text:
            body = ("&nbsp;", "<p>&nbsp;</p>", "")[blank_style % 3] if blank is None else html.escape(blank)
        else:
            body = f'<p align="center">{html.escape(cell.text)}</p>'
    else:
        text = html.escape(cell.text)
        if len(cell.text) >= 6:  # a long header or label, broken as Word does
            half = len(text) // 2
            text = f"{text[:half]}<br />{text[half:]}"
        body = f"<p><span>{text}</span></p>"
    return f"<td{attrs}>{body}</td>"


def _html_table(grid: _Grid, blank: str | None) -> str:
    lines = ['<table border="1" cellspacing="0" align="center"><tbody>']
    count = 0
    for row in grid.rows:
        cells = []
        for cell in row:
            cells.append(_html_cell(cell, count, blank))
            count += not cell.text
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def render_html(report: Report, *, headings: bool = True, header_rows: bool = True, blank: str | None = None,
                chrome: bool = True, charset: str = "utf-8") -> str:
    """``report`` as an HTML page, tables with ``rowspan``/``colspan`` (see the module docstring).

    ``headings`` and ``header_rows`` are as for :func:`gxgk.render`; a blank
    cell is written as ``blank`` if given, else (in turn) as ``&nbsp;``,
    ``<p>&nbsp;</p>`` and nothing.  ``chrome=False`` writes a bare fragment
    (the report's elements only);
    ``charset`` is what the page declares in ``<meta charset>`` (encode the
    result with it).  A metadata table is written for the :class:`Meta`
    fields that are set (索引号, 文号, 发布机构, 成文日期, 发布日期).
    """
    parts: list[str] = []
    if chrome:
        parts.append(f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{charset}">\n'
                     f"<title>{html.escape(report.meta.title or '')}_门户网站</title>\n"
                     "<style>td { border: 1px solid #000; } .nav > li { float: left; }</style>\n"
                     "<script>if (a < b && c > d) { var x = '<p>'; }</script>\n</head>\n<body>\n" + _CHROME_TOP)
        parts.append('<div class="article-content" id="zoom">')
    meta = report.meta
    fields = [(key, value) for key, value in (
        ("索引号", meta.index_number), ("文号", meta.document_number), ("发布机构", meta.publisher),
        ("成文日期", meta.written_date.isoformat() if meta.written_date else None),
        ("发布日期", meta.published_date.isoformat() if meta.published_date else None)) if value]
    if fields:
        cells = "".join(f"<td>{key}：</td><td>{html.escape(value)}</td>" for key, value in fields)
        parts.append(f'<table class="meta"><tr>{cells}</tr></table>')
    if meta.title:
        parts.append(f'<p style="text-align: center; font-weight: bold;">{html.escape(meta.title)}</p>')
    grids = _grids(report)
    narratives = _narratives(report)
    for number, title in enumerate(SECTION_TITLES, start=1):
        if headings:
            parts.append(f"<p><strong>{html.escape(title)}</strong></p>")
        grid = grids.get(number)
        if grid is not None:
            parts.append(_html_table(grid if header_rows else _without_headers(grid), blank))
        narrative = narratives.get(number)
        if isinstance(narrative, Narrative) and narrative.text:
            parts.extend(f"<p>{html.escape(line)}</p>" for line in narrative.text.split("\n"))
    if chrome:
        parts.append("</div>")
        parts.append(_CHROME_BOTTOM + "</body>\n</html>")
    return "\n".join(parts) + "\n"


# ---- fixed-width text (pdftotext -layout) -------------------------------------------


def _width(text: str) -> int:
    """Display width: two columns for wide (CJK) characters."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _wrap(text: str, width: int) -> list[str]:
    """``text`` cut into pieces at most ``width`` columns wide (at least one character each)."""
    lines: list[str] = []
    current = ""
    for char in text:
        if current and _width(current + char) > width:
            lines.append(current.rstrip())
            current = "" if char == " " else char
        else:
            current += char
    if current or not lines:
        lines.append(current)
    return lines


def _pad(text: str, width: int, align: str) -> str:
    room = max(width - _width(text), 0)
    if align == "right":
        return " " * room + text
    if align == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


class _Placed(NamedTuple):
    row: int
    column: int
    cell: _Cell


def _place(grid: _Grid) -> list[_Placed]:
    """Each cell at the grid column where it starts (slots covered from above are skipped)."""
    covered: set[tuple[int, int]] = set()
    placed = []
    for row_index, row in enumerate(grid.rows):
        column = 0
        for cell in row:
            while (row_index, column) in covered:
                column += 1
            placed.append(_Placed(row_index, column, cell))
            for r in range(row_index, row_index + cell.rowspan):
                for c in range(column, column + cell.colspan):
                    covered.add((r, c))
            column += cell.colspan
    return placed


_GUTTER: Final = 2


def _column_widths(grid: _Grid, placed: Sequence[_Placed], label_widths: Sequence[int]) -> list[int]:
    widths = [label_widths[c] if c < len(label_widths) else 6 for c in range(grid.width)]
    for item in placed:  # values are never wrapped: their columns widen to fit
        if item.cell.value and item.cell.colspan == 1:
            widths[item.column] = max(widths[item.column], _width(item.cell.text))
    return widths


def _layout_grid(grid: _Grid, label_widths: Sequence[int], blank: str) -> tuple[list[str], list[int]]:
    """The grid as text lines, and the first line of each row (plus the end)."""
    placed = _place(grid)
    widths = _column_widths(grid, placed, label_widths)
    starts = [sum(widths[:c]) + _GUTTER * c for c in range(grid.width + 1)]

    def span_width(item: _Placed) -> int:
        return starts[item.column + item.cell.colspan] - starts[item.column] - _GUTTER

    wrapped = {id(item): _wrap(item.cell.text or (blank if item.cell.value else ""), span_width(item))
               for item in placed}
    heights = row_heights(len(grid.rows), placed, {key: len(lines) for key, lines in wrapped.items()})
    tops = [sum(heights[:r]) for r in range(len(grid.rows) + 1)]
    canvas: list[list[tuple[int, str]]] = [[] for _ in range(tops[-1])]
    for item in placed:
        lines = wrapped[id(item)]
        last = min(item.row + item.cell.rowspan, len(grid.rows))
        room = tops[last] - tops[item.row]
        if item.cell.value:
            first = tops[item.row] + heights[item.row] // 2  # values sit on the row's middle line
        else:
            first = tops[item.row] + (room - len(lines)) // 2
        align = "right" if item.cell.value else ("center" if grid.header[item.row] else "left")
        for offset, piece in enumerate(lines):
            if piece:
                canvas[first + offset].append((starts[item.column], _pad(piece, span_width(item), align)))
    text_lines = []
    for pieces in canvas:
        line = ""
        for start, piece in sorted(pieces):
            line += " " * max(start - _width(line), 0) + piece
        text_lines.append(line.rstrip())
    return text_lines, tops


class _Block(NamedTuple):
    lines: list[str]
    table: int  #: which table the block belongs to (0: none)
    header: bool  #: header rows of its table (repeated on each page it continues on)


def _table_blocks(grid: _Grid, number: int, label_widths: Sequence[int], blank: str) -> list[_Block]:
    lines, tops = _layout_grid(grid, label_widths, blank)
    blocks = []
    header_end = 0
    while header_end < len(grid.header) and grid.header[header_end]:
        header_end += 1
    if header_end:
        blocks.append(_Block(lines[: tops[header_end]], number, True))
    for row in range(header_end, len(grid.rows)):
        blocks.append(_Block(lines[tops[row] : tops[row + 1]], number, False))
    return blocks


_LABEL_WIDTHS: Final = {2: (24,), 3: (2, 8, 40), 4: ()}


def render_fixed_width(report: Report, *, headings: bool = True, header_rows: bool = True, blank: str | None = None,
                       page_lines: int = 40, page_width: int = 100, label_width: int = 40,
                       spaced: bool = True) -> str:
    """``report`` as ``pdftotext -layout`` prints a PDF of it (see the module docstring).

    ``headings`` and ``header_rows`` are as for :func:`gxgk.render`; a blank
    cell is written as ``blank`` ("/" if not given: text cannot show an empty
    column).  Pages have ``page_lines`` lines and are ``page_width`` columns
    wide.

    ``label_width`` is the width (in columns, a Chinese character takes two)
    of section 三's row labels; labels longer than it wrap, and a row's
    values sit on its middle line.  ``spaced`` prints the five legal-person
    column names with spaces between their characters ("商 业 企 业").
    """
    mark = "/" if blank is None else blank
    blocks: list[_Block] = []
    if report.meta.title:
        blocks.append(_Block([_pad(report.meta.title, page_width, "center").rstrip()], 0, False))
    grids = _grids(report, spaced)
    narratives = _narratives(report)
    widths = dict(_LABEL_WIDTHS)
    widths[3] = (2, 8, label_width)
    for number, title in enumerate(SECTION_TITLES, start=1):
        if headings:
            blocks.append(_Block([title], 0, False))
        grid = grids.get(number)
        if grid is not None:
            blocks += _table_blocks(grid if header_rows else _without_headers(grid), number, widths[number], mark)
        narrative = narratives.get(number)
        if isinstance(narrative, Narrative) and narrative.text:
            for paragraph in narrative.text.split("\n"):
                blocks.extend(_Block([line], 0, False) for line in _wrap("    " + paragraph, page_width - 20))
    return _paginate(blocks, page_lines, page_width)


def _paginate(blocks: Sequence[_Block], page_lines: int, page_width: int) -> str:
    """Pages of at most ``page_lines`` lines (a block is never split), each ended by its number."""
    out: list[str] = []
    used = 0
    page = 1
    headers: dict[int, list[str]] = {}
    for block in blocks:
        if block.header:
            headers[block.table] = block.lines
        if used and used + len(block.lines) > page_lines:
            out += ["", _pad(f"- {page} -", page_width, "center").rstrip(), "\f"]
            page += 1
            used = 0
            if block.table and not block.header and block.table in headers:
                out += headers[block.table]
                used += len(headers[block.table])
        out += block.lines
        used += len(block.lines)
    out += ["", _pad(f"- {page} -", page_width, "center").rstrip()]
    return "\n".join(out) + "\n"


def row_heights(rows: int, placed: Sequence[_Placed], lines: dict[int, int]) -> list[int]:
    """Each grid row's height in lines: its tallest one-row cell, and spanning cells stretch their last row.

    ``lines`` gives each placed cell's wrapped line count, by ``id()``.
    """
    heights = [1] * rows
    for item in placed:
        if item.cell.rowspan == 1:
            heights[item.row] = max(heights[item.row], lines[id(item)])
    for item in placed:  # a spanning cell with more lines than its rows stretches the last of them
        spanned = range(item.row, min(item.row + item.cell.rowspan, rows))
        need = lines[id(item)] - sum(heights[r] for r in spanned)
        if need > 0:
            heights[spanned[-1]] += need
    return heights
