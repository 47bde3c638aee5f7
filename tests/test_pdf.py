"""PDF files: the optional extra, scans, broken files, the real report, and PDFs drawn here from known values.

The PDFs built in this file are minimal but real: a Type0 font with Identity-H
codes and a ToUnicode map (as Chinese PDFs have), text placed glyph by glyph,
table borders drawn as line segments cell by cell (as Word exports them), a
title on two lines, pages numbered "- N -", tables continued across pages
with their header rows repeated, group labels one character per line, spaced
header characters and numbers drawn as two fragments.  What the parser must
read back is the report they were drawn from.
"""

from __future__ import annotations

import builtins
import importlib.util
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gxgk
from gxgk.formats.pdf import Glyph, Page, Rule, layout, pdf_to_text
from gxgk.read.normalize import normalize
from gxgk.template.spec import SECTION_TITLES, Template
from gxgk.write.render_pages import _Grid, _grids, _narratives, _place
from tests.conformance import compare, load
from tests.strategies import reports

CORPUS = Path(__file__).parent / "data" / "corpus"
HUAIAN = CORPUS / "001_huaian_city_2024.json"

needs_pdfminer = pytest.mark.skipif(
    __import__("importlib.util").util.find_spec("pdfminer") is None, reason="the pdf extra is not installed")


# ---- a minimal PDF writer ----------------------------------------------------------------


class PdfWriter:
    """Pages of text and lines in one Type0 font (code = Unicode), as a PDF file."""

    def __init__(self, width: float = 595, height: float = 842) -> None:
        self.width, self.height = width, height
        self.pages: list[list[str]] = []
        self.images: set[int] = set()
        self.chars: set[str] = set()

    def new_page(self) -> int:
        self.pages.append([])
        return len(self.pages) - 1

    def text(self, page: int, x: float, y: float, size: float, text: str) -> None:
        """``text`` with its baseline at ``y``; a space advances without drawing."""
        for char in text:
            if char != " ":
                self.chars.add(char)
                self.pages[page].append(f"BT /F1 {size:.2f} Tf {x:.2f} {y:.2f} Td <{ord(char):04X}> Tj ET")
            x += advance(char, size)

    def line(self, page: int, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pages[page].append(f"{x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l S")

    def image(self, page: int) -> None:
        self.images.add(page)
        self.pages[page].append(f"q {self.width - 100:.0f} 0 0 {self.height - 100:.0f} 50 50 cm /Im1 Do Q")

    def to_bytes(self) -> bytes:
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        def stream(data: bytes, extra: str = "") -> bytes:
            packed = zlib.compress(data)
            return (f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
                    + packed + b"\nendstream")

        cmap = "\n".join(f"<{ord(c):04X}> <{ord(c):04X}>" for c in sorted(self.chars))
        to_unicode = add(stream((
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(self.chars)} beginbfchar\n{cmap}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop "
            "end end").encode()))
        descriptor = add(b"<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -120 1000 880] "
                         b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
        widths = " ".join(f"{ord(c)} [500]" for c in sorted(self.chars) if c.isascii())
        cid_font = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry "
                       f"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 "
                       f"/W [{widths}] >>".encode())
        font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts "
                   f"[{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>".encode())
        image = add(stream(b"\x80", "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                                    "/BitsPerComponent 8 "))
        pages_id = len(objects) + 2 * len(self.pages) + 1
        kids = []
        for index, ops in enumerate(self.pages):
            content = add(stream("\n".join(ops).encode()))
            xobject = f"/XObject << /Im1 {image} 0 R >> " if index in self.images else ""
            kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {self.width} {self.height}] "
                            f"/Contents {content} 0 R /Resources << /Font << /F1 {font} 0 R >> {xobject}>> >>"
                            .encode()))
        add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode())
        catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
        out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def advance(char: str, size: float) -> float:
    return size * (0.5 if char.isascii() else 1.0)


def text_width(text: str, size: float) -> float:
    return sum(advance(char, size) for char in text)


def wrap(text: str, width: float, size: float) -> list[str]:
    lines, current = [], ""
    for char in text:
        if current and text_width(current + char, size) > width:
            lines.append(current)
            current = char
        else:
            current += char
    return [*lines, current] if current or not lines else lines


# ---- a report drawn as a PDF ------------------------------------------------------------------


_COLUMNS = {2: [150.0, 72.0, 72.0, 72.0, 72.0], 3: [16.0, 44.0, 150.0, *[34.0] * 7], 4: [29.0] * 15}
_TABLE_SIZE = 8.0
_BODY_SIZE = 10.5
_LEFT, _TOP, _BOTTOM = 70.0, 780.0, 80.0
_LINE = 1.35


class _Row(NamedTuple):
    height: float
    texts: list[tuple[float, float, str, bool]]  # (x, y below the row's top, text, draw split)
    borders: list[tuple[float, float, float, float]]  # segments, y below the row's top


def _table_rows(grid: _Grid, widths: Sequence[float]) -> list[_Row]:
    """The grid laid out as rows of text and border segments, each in its own row's coordinates."""
    placed = _place(grid)
    starts = [_LEFT + sum(widths[:c]) for c in range(len(widths) + 1)]
    pad, step = 2.0, _TABLE_SIZE * _LINE
    lines = {id(p): wrap(p.cell.text, starts[p.column + p.cell.colspan] - starts[p.column] - 2 * pad, _TABLE_SIZE)
             for p in placed}
    heights = [step + 2 * pad] * len(grid.rows)
    for p in placed:
        if p.cell.rowspan == 1:
            heights[p.row] = max(heights[p.row], len(lines[id(p)]) * step + 2 * pad)
    for p in placed:
        spanned = range(p.row, min(p.row + p.cell.rowspan, len(grid.rows)))
        need = len(lines[id(p)]) * step + 2 * pad - sum(heights[r] for r in spanned)
        if need > 0:
            heights[spanned[-1]] += need
    tops = [sum(heights[:r]) for r in range(len(grid.rows) + 1)]
    result = [_Row(h, [], []) for h in heights]
    for p in placed:
        last = min(p.row + p.cell.rowspan, len(grid.rows))
        x0, x1 = starts[p.column], starts[p.column + p.cell.colspan]
        first_y = tops[p.row] + (tops[last] - tops[p.row] - len(lines[id(p)]) * step) / 2
        for offset, piece in enumerate(lines[id(p)]):
            y = first_y + (offset + 0.8) * step  # the baseline, below the table's top
            row = max(r for r in range(p.row, last) if tops[r] <= y - _TABLE_SIZE / 2 or r == p.row)
            x = (x0 + x1 - text_width(piece, _TABLE_SIZE)) / 2 if p.cell.value or grid.header[p.row] else x0 + pad
            result[row].texts.append((x, y - tops[row], piece, p.cell.value))
        for r in range(p.row, last):  # Word draws each cell's edges; a merged cell only its outline
            top, bottom = 0.0, heights[r]
            result[r].borders.extend([(x0, top, x0, bottom), (x1, top, x1, bottom)])
            if r == p.row:
                result[r].borders.append((x0, top, x1, top))
            if r == last - 1:
                result[r].borders.append((x0, bottom, x1, bottom))
    return result


class _Flow:
    """Pages filled top to bottom, numbered at the bottom; a table row is never split."""

    def __init__(self, pdf: PdfWriter, rows_bottom: float = _BOTTOM) -> None:
        self.pdf, self.bottom = pdf, rows_bottom
        self.page = -1
        self.y = 0.0
        self.repeated = 0  # how many times a table's header rows were drawn again
        self._new_page()

    def _new_page(self) -> None:
        if self.page >= 0:
            label = f"- {self.page + 1} -"
            self.pdf.text(self.page, (self.pdf.width - text_width(label, 10)) / 2, 40, 10, label)
        self.page = self.pdf.new_page()
        self.y = _TOP

    def finish(self) -> None:
        self._new_page()
        self.pdf.pages.pop()

    def text_line(self, text: str, size: float = _BODY_SIZE, centred: bool = False) -> None:
        if self.y - size * 1.8 < self.bottom:
            self._new_page()
        self.y -= size * 1.8
        x = (self.pdf.width - text_width(text, size)) / 2 if centred else _LEFT
        self.pdf.text(self.page, x, self.y, size, text)

    def row(self, row: _Row, header: Sequence[_Row] = ()) -> None:
        if self.y - row.height < self.bottom:
            self._new_page()
            self.repeated += bool(header)
            for repeated in header:  # a table continued on a new page repeats its header rows
                self._draw(repeated)
        self._draw(row)

    def _draw(self, row: _Row) -> None:
        top = self.y
        for x, y, text, split in row.texts:
            if split and len(text) > 1:  # a number drawn as two fragments, the second nudged
                self.pdf.text(self.page, x, top - y, _TABLE_SIZE, text[:1])
                self.pdf.text(self.page, x + advance(text[0], _TABLE_SIZE) + 0.3, top - y - 0.2, _TABLE_SIZE,
                              text[1:])
            else:
                self.pdf.text(self.page, x, top - y, _TABLE_SIZE, text)
        for x0, y0, x1, y1 in row.borders:
            self.pdf.line(self.page, x0, top - y0, x1, top - y1)
        self.y -= row.height


def report_pdf(report: gxgk.Report, bottom: float = _BOTTOM) -> bytes:
    """``report`` drawn as a PDF: two-line title, headings, narratives and ruled tables over pages."""
    return draw_report(report, bottom)[0].to_bytes()


def draw_report(report: gxgk.Report, bottom: float = _BOTTOM) -> tuple[PdfWriter, int]:
    """The drawing behind :func:`report_pdf`, and how many times table headers were repeated."""
    pdf = PdfWriter()
    flow = _Flow(pdf, bottom)
    title, organ = report.meta.title or "", report.meta.organ or ""
    if title.startswith(organ) and organ:
        flow.text_line(organ, 18, centred=True)
        flow.text_line(title[len(organ):], 18, centred=True)
    elif title:
        flow.text_line(title, 18, centred=True)
    grids = _grids(report, spaced=True)
    narratives = _narratives(report)
    for number, heading in enumerate(SECTION_TITLES, start=1):
        flow.text_line(heading)
        grid = grids.get(number)
        if grid is not None:
            rows = _table_rows(grid, _COLUMNS[number])
            leading = grid.header.index(False) if False in grid.header else len(grid.header)
            header = rows[:leading]
            flow.y -= 6
            for index, row in enumerate(rows):
                flow.row(row, header if index >= leading else ())
        narrative = narratives.get(number)
        if narrative is not None and narrative.text:
            for paragraph in narrative.text.split("\n"):
                for line in wrap("　　" + paragraph, 440, _BODY_SIZE):
                    flow.text_line(line)
    flow.finish()
    return pdf, flow.repeated


def _tables(report: gxgk.Report) -> tuple[object, ...]:
    return (report.template, report.disclosure, report.requests, report.appeals)


def _squeeze(text: str) -> str:
    return "".join(normalize(text).split())


# ---- tests: the PDF path through pdfminer.six ---------------------------------------------------


@needs_pdfminer
def test_huaian_pdf_reads_every_cell_and_its_two_line_title() -> None:
    raw, expected = load(HUAIAN)
    report = gxgk.parse(raw)
    assert compare(report, expected) == []
    assert report.meta.title == "淮安市人民政府2024年政府信息公开工作年度报告"


@needs_pdfminer
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_a_report_drawn_as_a_pdf_parses_back(report: gxgk.Report) -> None:
    parsed = gxgk.parse(report_pdf(report))
    assert _tables(parsed) == _tables(report)
    assert (parsed.meta.title, parsed.meta.year, parsed.meta.organ) == (
        report.meta.title, report.meta.year, report.meta.organ)
    for name in ("overview", "problems", "other_matters"):
        assert _squeeze(getattr(parsed, name).text) == _squeeze(getattr(report, name).text), name


@needs_pdfminer
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(template=Template.V2021))
def test_tables_crossing_pages_repeat_headers_and_keep_every_row(report: gxgk.Report) -> None:
    pdf, repeated = draw_report(report, bottom=600)  # short pages: tables cross pages
    assert len(pdf.pages) >= 4 and repeated >= 2
    data = pdf.to_bytes()
    parsed = gxgk.parse(data)
    assert _tables(parsed) == _tables(report)
    text = pdf_to_text(data)[0]
    assert text.count("申请人情况") == 1  # the repeated header rows were dropped
    assert "- 2 -" not in text


@needs_pdfminer
def test_a_scanned_pdf_needs_ocr() -> None:
    pdf = PdfWriter()
    for _ in range(2):
        pdf.image(pdf.new_page())
    report = gxgk.parse(pdf.to_bytes())
    errors = [d for d in report.diagnostics if d.severity is gxgk.Severity.ERROR]
    assert [d.code for d in errors] == ["P-pdf-ocr"]
    assert "no text layer" in errors[0].message and "OCR needed" in errors[0].message
    assert report.template is gxgk.Template.NONE and report.requests is None


@needs_pdfminer
def test_a_page_without_text_among_text_pages_is_named() -> None:
    pdf = PdfWriter()
    pdf.text(pdf.new_page(), 70, 700, 12, "一、总体情况")
    pdf.image(pdf.new_page())
    report = gxgk.parse(pdf.to_bytes())
    # without the ocr extra the page is named as needing OCR; with it, as read by OCR (which finds nothing here)
    codes = {"P-ocr-read", "P-ocr"} if importlib.util.find_spec("rapidocr_onnxruntime") else {"P-pdf-ocr"}
    named = {d.code for d in report.diagnostics if "page(s) 2" in d.message}
    assert codes <= named, report.diagnostics
    assert "一、总体情况" in (report.overview.text if report.overview else "") or report.meta.title is None


@needs_pdfminer
@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", b"%PDF-",
                                  b"%PDF-1.4\n" + bytes(range(256))])
def test_a_broken_pdf_is_a_diagnostic_not_a_traceback(data: bytes) -> None:
    report = gxgk.parse(data)
    assert {d.code for d in report.diagnostics} & {"P-pdf-unreadable", "P-pdf-ocr"}


def test_without_the_extra_the_diagnostic_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pdfminer(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pdfminer" or name.startswith("pdfminer."):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    for module in [m for m in sys.modules if m == "pdfminer" or m.startswith("pdfminer.")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(builtins, "__import__", no_pdfminer)
    report = gxgk.parse(b"%PDF-1.7\n%%EOF\n")
    assert [(d.code, d.severity) for d in report.diagnostics][:1] == [("P-pdf-extra", gxgk.Severity.ERROR)]
    assert "pip install 'gxgk[pdf]'" in report.diagnostics[0].message


def test_only_bytes_starting_a_pdf_take_the_pdf_path() -> None:
    assert not any(d.code.startswith("P-pdf") for d in gxgk.parse("%PDF-1.7 as text").diagnostics)
    assert not any(d.code.startswith("P-pdf") for d in gxgk.parse("二、主动公开".encode()).diagnostics)
    quoting = "本报告以PDF格式发布（文件头为 %PDF-1.7）。\n二、主动公开政府信息情况\n".encode()
    assert not any(d.code.startswith("P-pdf") for d in gxgk.parse(quoting).diagnostics)
    assert any(d.code.startswith("P-pdf") for d in gxgk.parse(b"\r\n  %PDF-1.4 broken").diagnostics)


# ---- tests: the layout step, on hand-made glyphs ---------------------------------------------------


def _glyphs(text: str, x: float, y: float, size: float = 10, gap: float = 0.0) -> Iterator[Glyph]:
    for char in text:
        if char != " ":
            yield Glyph(char, x, y, x + advance(char, size), y + size)
        x += advance(char, size) + gap


def _box(x0: float, y0: float, x1: float, y1: float) -> list[Rule]:
    return [Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1), Rule(x0, y0, x0, y1), Rule(x1, y0, x1, y1)]


def test_a_label_wrapped_over_three_lines_stands_before_its_values() -> None:
    glyphs = [*_glyphs("1.申请人无正当理由逾期不补", 100, 130), *_glyphs("正、行政机关不再处理其政府信", 100, 118),
              *_glyphs("息公开申请", 100, 106), *_glyphs("67", 260, 118), *_glyphs("3", 300, 118)]
    rules = [*_box(100, 100, 250, 145), *_box(250, 100, 290, 145), *_box(290, 100, 330, 145)]
    text, _ = layout([Page(595, 842, glyphs, rules)])
    assert text.split("\n")[0] == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 67 | 3 |"


def test_spaced_characters_split_numbers_and_blank_cells() -> None:
    glyphs = [*_glyphs("商业企业", 100, 120, gap=4), *_glyphs("2", 260, 120), *_glyphs("0", 265.4, 120.3)]
    rules = [*_box(100, 110, 250, 140), *_box(250, 110, 290, 140), *_box(290, 110, 330, 140)]
    text, _ = layout([Page(595, 842, glyphs, rules)])
    assert text == "商业企业 | 20 |  |\n"


def test_page_numbers_and_running_footers_are_dropped() -> None:
    pages = [Page(595, 842, [*_glyphs(f"第{n}段正文", 70, 700), *_glyphs(f"- {n} -", 280, 40),
                             *_glyphs("某县人民政府办公室", 240, 20)], []) for n in range(1, 5)]
    text, _ = layout(pages)
    assert text == "第1段正文\n第2段正文\n第3段正文\n第4段正文\n"


def test_a_pdf_whose_fonts_have_no_unicode_map_needs_ocr() -> None:
    glyphs = [Glyph(f"(cid:{n})", 70 + n * 10, 700, 80 + n * 10, 710) for n in range(20)]
    _, notes = layout([Page(595, 842, glyphs, [])])
    assert any(d.code == "P-pdf-ocr" and d.severity is gxgk.Severity.ERROR for d in notes)


_coordinates = st.floats(-50, 900, allow_nan=False)


@st.composite
def pages(draw: st.DrawFn) -> list[Page]:
    """Any glyphs and axis-aligned rules, degenerate ones included."""
    result = []
    for _ in range(draw(st.integers(1, 3))):
        glyphs = [Glyph(draw(st.sampled_from(["规", "章", "1", "0", "-", "(cid:3)", "|", "年"])), x, y,
                        x + draw(st.floats(0, 20)), y + draw(st.floats(0, 20)))
                  for x, y in draw(st.lists(st.tuples(_coordinates, _coordinates), max_size=60))]
        rules = []
        for x, y, length, horizontal in draw(st.lists(st.tuples(_coordinates, _coordinates, st.floats(0, 600),
                                                                  st.booleans()), max_size=30)):
            rules.append(Rule(x, y, x + length, y) if horizontal else Rule(x, y, x, y + length))
        result.append(Page(595, 842, glyphs, rules))
    return result


@given(pages())
def test_any_glyphs_and_rules_lay_out_without_error(pdf_pages: list[Page]) -> None:
    text, notes = layout(pdf_pages)
    assert isinstance(text, str) and notes


# ---- pdftotext -layout text: what the text reader does not read yet (for its owner) -------------------

_PDFTOTEXT_2021 = "信息内容            本年制发件数    本年废止件数    现行有效件数\n"


def _section_3(*lines: str) -> str:
    """pdftotext-style section 三 of a 2021 report: the lines given, each ending a line."""
    return _PDFTOTEXT_2021 + "三、收到和处理政府信息公开申请情况\n" + "".join(lines)


def test_pdftotext_label_wrapped_around_its_values() -> None:
    """Issue 18: a label wrapped over three lines, values on the middle one, is read down its column."""
    text = _section_3(
        "            （六）其  1.申请人无正当理由逾期不补\n",
        "            他处理    正、行政机关不再处理其政府信    1    2    3    4    5    6    21\n",
        "                      息公开申请\n")
    report = gxgk.parse(text)
    assert report.requests is not None
    row = next(r for r in report.requests if "逾期不补正" in r.label)
    assert [c.value for c in row.cells] == [1, 2, 3, 4, 5, 6, 21]
    assert any(d.code == "P-label-wrapped" and d.cells[0].row == row.label for d in report.diagnostics)


def test_a_wrapped_label_below_its_values_is_read_down_its_column() -> None:
    text = _section_3(
        "            （六）其  2.申请人逾期未按收费通知要    0    1    0    0    0    0    1\n",
        "            他处理    求缴纳费用、行政机关不再处\n",
        "                      理其政府信息公开申请\n")
    report = gxgk.parse(text)
    assert report.requests is not None
    row = next(r for r in report.requests if "收费通知" in r.label)
    assert [c.value for c in row.cells] == [0, 1, 0, 0, 0, 0, 1]


def test_a_wrapped_label_never_takes_a_row_a_printed_label_claims() -> None:
    """Only rows no segment claims are looked for in wrapped labels: a row read before reads the same."""
    text = _section_3(
        "（一）予以公开    5    0    0    0    0    0    5\n",
        "            其他  予以\n",
        "            情况  公开    7    7    7    7    7    7    42\n")
    report = gxgk.parse(text)
    assert report.requests is not None
    assert [c.value for c in report.requests.row("（一）予以公开").cells] == [5, 0, 0, 0, 0, 0, 5]
    assert not any(d.code == "P-label-wrapped" for d in report.diagnostics)
    from gxgk.read.cells import segments, tokenize
    from gxgk.read.normalize import normalize
    from gxgk.read.wrapped import wrapped_label

    folded = normalize(text)
    assert [wrapped_label(folded, s) for s in segments(folded, tokenize(folded))][-1] == "予以公开"  # it would


def test_a_line_with_values_is_not_part_of_a_wrapped_label() -> None:
    from gxgk.read.cells import segments, tokenize
    from gxgk.read.wrapped import wrapped_label

    text = ("            1.申请人无正当理由逾期不补    1    2\n"
            "            正、行政机关不再处理其政府信    3    4\n")
    found = segments(text, tokenize(text))
    assert wrapped_label(text, found[1]) is None  # the line above holds values: another row's


def test_pdftotext_title_on_two_lines() -> None:
    text = "             淮安市人民政府\n   2024 年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
    assert gxgk.parse(text).meta.title == "淮安市人民政府2024年政府信息公开工作年度报告"


def test_pdftotext_blank_cell_printed_as_spaces_is_not_a_wrong_value() -> None:
    text = "二、主动公开政府信息情况\n" + _PDFTOTEXT_2021 + "规章                 1                                11\n"
    report = gxgk.parse(text)
    assert report.disclosure is not None
    assert report.disclosure.rules.values in ((None, None, None), (1, None, 11))


def test_a_row_printed_blank_below_a_wrapped_label_keeps_its_blanks() -> None:
    """The label read down its column stops at the next row's numbered label (a row printed blank)."""
    text = _section_3(
        "              1.申请人无正当理由逾期不    4    7    3    6    8    7    35\n",
        "    （六）其  补正、行政机关不再处理其政府信息公开申请\n",
        "    他处理    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n")
    report = gxgk.parse(text)
    assert report.requests is not None
    read = {row.label.rsplit(" / ", 1)[-1][:8]: row.values for row in report.requests
            if any(v is not None for v in row.values)}
    assert read == {"1.申请人无正当": (4, 7, 3, 6, 8, 7, 35)}


def test_a_missing_rule_segment_never_moves_a_number_into_the_row_above() -> None:
    """A rule segment missing over a blank cell: the number below stays in its own row."""
    pdf = PdfWriter()
    page = pdf.new_page()
    pdf.text(page, 60, 800, 10, "某县2023年政府信息公开工作年度报告")
    pdf.text(page, 60, 780, 10, "三、收到和处理政府信息公开申请情况")
    rows = [["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
            ["（一）予以公开", "1", "0", "", "0", "0", "0", "1"],
            ["（二）部分公开", "3", "0", "2", "0", "0", "0", "5"]]
    xs = [60, 200] + [200 + 46 * (i + 1) for i in range(7)]
    top, height = 760, 22
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                pdf.text(page, xs[c] + 2, top - (r + 1) * height + 7, 7, text)
    for r in range(len(rows) + 1):
        for c in range(len(xs) - 1):
            if (r, c) != (2, 3):  # no rule above (二)'s 科研机构 cell
                pdf.line(page, xs[c], top - r * height, xs[c + 1], top - r * height)
    for x in xs:
        pdf.line(page, x, top - len(rows) * height, x, top)
    report = gxgk.parse(pdf.to_bytes())
    assert report.requests is not None
    assert report.requests.row("（一）予以公开").values == (1, 0, None, 0, 0, 0, 1)
    assert report.requests.row("（二）部分公开").values == (3, 0, 2, 0, 0, 0, 5)


def test_a_wrapped_label_stops_at_a_whole_label_of_another_row() -> None:
    """Read down its column, 3.其 / 他 is 3.其他; 总计 below, printed blank, is （七）总计's own label."""
    text = _section_3(
        "              3.其    32    39    60    3    39    15    188\n",
        "              他\n",
        "              总计\n",
        "四、结转下年度继续办理    26    1    0    0    0    0    27\n")
    report = gxgk.parse(text)
    assert report.requests is not None
    assert report.requests.row("3.其他").values == (32, 39, 60, 3, 39, 15, 188)
    assert report.requests.row("（七）总计").values == (None,) * 7
