"""Word .docx files: merged cells rebuilt as grids, the same records as the text, and other binaries refused.

The reports are built here with python-docx (a test dependency), laid out
as the official Word templates are: section 三's two-level header
(申请人情况 over 自然人 / 法人或其他组织 (five sub-columns) / 总计, with a
merged corner cell), section 四's 行政复议 / 行政诉讼 (未经复议直接起诉 /
复议后起诉) header, vertically merged group labels, and item rows spanning
the table.  Constructs python-docx cannot write (content controls, revisions,
numbering, orphan continuations) are written as raw XML.
"""

from __future__ import annotations

import doctest
import functools
import io
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table
from hypothesis import given, settings
from hypothesis import strategies as st

import gxgk
from gxgk.formats import docx as docx_module
from gxgk.formats import sniff as sniff_module
from gxgk.formats.docx import docx_to_html, docx_to_text
from gxgk.formats.sniff import is_docx, sniff
from gxgk.template.spec import APPEAL_COLUMNS, APPLICANT_COLUMNS, DISCLOSURE_ROWS, SECTION_TITLES

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _values(report: gxgk.Report) -> list[tuple[Any, ...]]:
    """The report's records without their line numbers (which refer to each source's own text)."""
    return [record[:6] for record in gxgk.to_records(report)]


def _errors(report: gxgk.Report) -> list[gxgk.Diagnostic]:
    return [d for d in report.diagnostics if d.severity is gxgk.Severity.ERROR]


# ---- building a report as the Word template lays it out ---------------------------------------------------


def _raw(records: Sequence[gxgk.Record], blank: frozenset[tuple[int, str, str]] = frozenset()) -> dict[Any, str]:
    """(section, item, row, column) → the cell text as printed ("" where blanked)."""
    return {(r.section, r.item, r.row, r.column): "" if (r.section, r.row, r.column) in blank or r.raw is None
            else r.raw for r in records}


def _merge(table: Table, row: int, first: int, last: int, text: str, down: int = 0) -> None:
    """Merge ``table``'s cells [row..row+down] × [first..last] (gridSpan and vMerge) and write ``text``."""
    cell = table.cell(row, first)
    if last > first or down:
        cell = cell.merge(table.cell(row + down, last))
    cell.text = text


def _section_two(document: Any, template: gxgk.Template, raw: dict[Any, str]) -> None:
    specs = DISCLOSURE_ROWS[template]
    items = list(dict.fromkeys(spec.item for spec in specs))
    rows = sum(2 + sum(spec.item == item for spec in specs) for item in items)
    table = document.add_table(rows=rows, cols=4)
    at = 0
    for item in items:
        mine = [spec for spec in specs if spec.item == item]
        _merge(table, at, 0, 3, item)  # the item row spans the table
        header = ["信息内容", *(column.label for column in mine[0].columns)]
        for index, text in enumerate(header):
            _merge(table, at + 1, index, 3 if index == len(header) - 1 else index, text)
        for offset, spec in enumerate(mine, start=2):
            cells = [spec.label, *(raw[(2, item, spec.label, column.label)] for column in spec.columns)]
            for index, text in enumerate(cells):
                _merge(table, at + offset, index, 3 if index == len(cells) - 1 else index, text)
        at += 2 + len(mine)


def _section_three(document: Any, records: Sequence[gxgk.Record], raw: dict[Any, str]) -> None:
    labels = list(dict.fromkeys(r.row for r in records if r.section == 3))
    table = document.add_table(rows=3 + len(labels), cols=10)
    # the corner: the template's note over three label columns and three header rows
    _merge(table, 0, 0, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", down=2)
    _merge(table, 0, 3, 9, "申请人情况")
    _merge(table, 1, 3, 3, "自然人", down=1)
    _merge(table, 1, 4, 8, "法人或其他组织")
    _merge(table, 1, 9, 9, "总计", down=1)
    for index, sub in enumerate(APPLICANT_COLUMNS[1:6]):
        table.cell(2, 4 + index).text = sub
    paths = [label.split(" / ") for label in labels]
    for index, path in enumerate(paths):
        row = 3 + index
        for level, part in enumerate(path):
            if index and len(paths[index - 1]) > level and paths[index - 1][level] == part:
                continue  # under a group label merged down from the row above
            if level < len(path) - 1:  # a group label: merged down over its rows
                down = 0
                while (index + down + 1 < len(paths) and len(paths[index + down + 1]) > level
                       and paths[index + down + 1][level] == part):
                    down += 1
                _merge(table, row, level, level, part, down=down)
            else:  # the row's own label: to the last label column
                _merge(table, row, level, 2, part)
        for column, name in enumerate(APPLICANT_COLUMNS):
            table.cell(row, 3 + column).text = raw[(3, None, labels[index], name)]


def _section_four(document: Any, raw: dict[Any, str]) -> None:
    table = document.add_table(rows=4, cols=15)
    _merge(table, 0, 0, 4, "行政复议")
    _merge(table, 0, 5, 14, "行政诉讼")
    for index, name in enumerate(APPEAL_COLUMNS):
        _merge(table, 1, index, index, name, down=1)  # 复议's results: merged over two header rows
    _merge(table, 1, 5, 9, "未经复议直接起诉")
    _merge(table, 1, 10, 14, "复议后起诉")
    for block in range(2):
        for index, name in enumerate(APPEAL_COLUMNS):
            table.cell(2, 5 + 5 * block + index).text = name
    blocks = ("行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉")
    for block, label in enumerate(blocks):
        for index, name in enumerate(APPEAL_COLUMNS):
            table.cell(3, 5 * block + index).text = raw[(4, None, label, name)]


def _report_docx(report: gxgk.Report, blank: frozenset[tuple[int, str, str]] = frozenset()) -> bytes:
    """``report``'s tables and narratives as a Word file on the official template."""
    records = gxgk.to_records(report)
    raw = _raw(records, blank)
    document = docx.Document()
    document.add_paragraph(report.meta.title or f"某县人民政府{report.meta.year}年政府信息公开工作年度报告")
    narratives = {0: report.overview, 4: report.problems, 5: report.other_matters}
    for number, title in enumerate(SECTION_TITLES):
        document.add_paragraph(title)
        narrative = narratives.get(number)
        if number in narratives:
            body = f"{report.meta.year}年，本机关依法做好政府信息公开工作。" if narrative is None else narrative.text
            for line in body.splitlines():
                document.add_paragraph(line)
        elif number == 1:
            _section_two(document, report.template, raw)
        elif number == 2:
            _section_three(document, records, raw)
        else:
            _section_four(document, raw)
        document.add_paragraph("")  # Word's empty paragraph after a table
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@functools.cache
def _seed_docx(report: gxgk.Report) -> bytes:
    """The seed's Word file, built once (python-docx takes most of a second to merge the cells)."""
    return _report_docx(report)


@pytest.fixture(scope="module", params=SEEDS, ids=[seed.stem for seed in SEEDS])
def seed(request: pytest.FixtureRequest) -> gxgk.Report:
    path: Path = request.param
    return gxgk.parse(path)


def test_the_seeds_are_reports_with_every_cell() -> None:
    assert len(SEEDS) >= 1
    for path in SEEDS:
        report = gxgk.parse(path)
        assert report.template is not gxgk.Template.NONE and len(gxgk.to_records(report)) >= 198


def test_a_word_report_reads_exactly_as_its_text(seed: gxgk.Report) -> None:
    data = _seed_docx(seed)
    assert sniff(data) == "docx" and is_docx(data)
    report = gxgk.parse(data)
    assert report.template is seed.template
    assert report.meta.year == seed.meta.year
    assert _values(report) == _values(seed)
    assert not _errors(report)
    assert not {d.code for d in report.diagnostics} & {"P-row-missing", "P-row-cells", "P-header", "P-table-missing"}
    assert any(d.code == "P-docx" for d in report.diagnostics)
    # the narratives come through too
    assert report.problems is not None and report.other_matters is not None
    if seed.problems is not None:
        assert report.problems.text == seed.problems.text


def test_the_two_level_headers_become_grids_with_the_right_spans(seed: gxgk.Report) -> None:
    html = docx_to_html(_seed_docx(seed))
    assert '<td colspan="7"><p>申请人情况</p></td>' in html
    assert '<td rowspan="2"><p>自然人</p></td><td colspan="5"><p>法人或其他组织</p></td>' in html
    assert '<td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td>' in html
    assert '<td rowspan="2"><p>结果维持</p></td>' in html
    assert '<td rowspan="3" colspan="3"><p>（本列数据' in html
    assert '<td rowspan="8"><p>（三）不予公开</p></td>' in html
    text, _ = docx_to_text(_seed_docx(seed))
    assert "（三）不予公开 | 1.属于国家秘密 |" in text
    assert "\n2.其他法律行政法规禁止公开 |" in text


def test_a_word_report_read_from_its_path(tmp_path: Path, seed: gxgk.Report) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_seed_docx(seed))
    assert _values(gxgk.parse(path)) == _values(seed)
    with path.open("rb") as stream:
        assert _values(gxgk.parse(stream)) == _values(seed)


def test_blank_cells_stay_blank_and_nothing_else_moves(seed: gxgk.Report) -> None:
    blank = frozenset({(3, "一、本年新收政府信息公开申请数量", "科研机构"), (4, "行政复议", "尚未审结"),
                       (3, "四、结转下年度继续办理", "总计")})
    report = gxgk.parse(_report_docx(seed, blank))
    expected = [(*record[:4], None, "") if (record[0], record[2], record[3]) in blank else record
                for record in _values(seed)]
    assert _values(report) == expected


# ---- constructs, as raw XML ----------------------------------------------------------------------------------


def _package(body: str, parts: dict[str, str] | None = None) -> bytes:
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           f"<w:body>{body}<w:sectPr/></w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
        for name, text in (parts or {}).items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _p(text: str, properties: str = "") -> str:
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _tc(text: str = "", properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{_p(text)}</w:tc>"


def _lines(body: str, parts: dict[str, str] | None = None) -> list[str]:
    text, _ = docx_to_text(_package(body, parts))
    return text.splitlines()


def test_a_vertically_merged_row_label_labels_each_of_its_rows() -> None:
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    body = ("<w:tbl>"
            f"<w:tr>{_tc('（三）不予公开', restart)}{_tc('1.属于国家秘密')}{_tc('1')}{_tc('2')}</w:tr>"
            f"<w:tr>{_tc('', cont)}{_tc('2.其他法律行政法规禁止公开')}{_tc('3')}{_tc('')}</w:tr>"
            f"<w:tr>{_tc('', cont)}{_tc('3.危及“三安全一稳定”')}{_tc('0')}{_tc('0')}</w:tr>"
            "</w:tbl>")
    assert '<td rowspan="3"><p>（三）不予公开</p></td>' in docx_to_html(_package(body))
    assert _lines(body) == ["（三）不予公开 | 1.属于国家秘密 | 1 | 2 |", "2.其他法律行政法规禁止公开 | 3 |  |",
                            "3.危及“三安全一稳定” | 0 | 0 |"]


def test_vertical_merges_are_counted_by_grid_column() -> None:
    restart, cont = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    two = '<w:gridSpan w:val="2"/>'
    body = ("<w:tbl>"
            f"<w:tr>{_tc('a', two)}{_tc('b', restart)}{_tc('1')}</w:tr>"
            # gridBefore shifts this row's continuation to grid column 2, under "b"
            f'<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>{_tc("", cont)}{_tc("2")}</w:tr>'
            # an orphan continuation (nothing merged above column 0): a blank cell of its own
            f"<w:tr>{_tc('', cont)}{_tc('c')}{_tc('d')}{_tc('3')}</w:tr>"
            "</w:tbl>")
    html = docx_to_html(_package(body))
    assert '<tr><td colspan="2"><p>a</p></td><td rowspan="2"><p>b</p></td><td><p>1</p></td></tr>' in html
    assert '<tr><td colspan="2"></td><td><p>2</p></td></tr>' in html
    assert "<tr><td><p></p></td><td><p>c</p></td><td><p>d</p></td><td><p>3</p></td></tr>" in html


def test_tables_in_content_controls_nested_tables_and_revisions() -> None:
    row = f"<w:tr>{_tc('规章')}{_tc('1')}<w:sdt><w:sdtContent>{_tc('2')}</w:sdtContent></w:sdt>{_tc('3')}</w:tr>"
    revised = ('<w:p><w:r><w:t>行政</w:t></w:r><w:del w:id="1"><w:r><w:delText>处罚</w:delText></w:r></w:del>'
               '<w:ins w:id="2"><w:r><w:t>许可</w:t></w:r></w:ins>'
               '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>')
    nested = f"<w:tbl><w:tr><w:tc>{_p('外')}<w:tbl>{row}</w:tbl></w:tc></w:tr></w:tbl>"
    deleted_row = f'<w:tr><w:trPr><w:del w:id="3"/></w:trPr>{_tc("规章")}{_tc("9")}{_tc("9")}{_tc("9")}</w:tr>'
    body = (f"<w:sdt><w:sdtPr/><w:sdtContent><w:tbl><w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt>{deleted_row}"
            f"</w:tbl></w:sdtContent></w:sdt>{revised}<w:customXml>{nested}</w:customXml>")
    assert _lines(body) == ["规章 | 1 | 2 | 3 |", "行政许可", "外", "规章 | 1 | 2 | 3 |"]


def test_breaks_tabs_hyphens_and_text_boxes() -> None:
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
           f"{_p('框中')}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{_p('框中')}"
           "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    body = (f"<w:p><w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t>"
            f"</w:r>{box}</w:p>")
    assert _lines(body) == ["一 二", "A-B", "框中"]


def test_deep_nesting_is_cut_with_a_warning_not_a_crash() -> None:
    deep = "<w:sdt><w:sdtContent>" * 5000 + _p("深") + "</w:sdtContent></w:sdt>" * 5000
    tables = "<w:tbl><w:tr><w:tc>" * 300 + _p("1") + "</w:tc></w:tr></w:tbl>" * 300
    text, notes = docx_to_text(_package(_p("浅") + deep + tables))
    assert text.splitlines()[0] == "浅" and "深" not in text
    assert "P-docx-nesting" in {d.code for d in notes}


def test_a_content_control_showing_its_prompt_is_blank() -> None:
    prompt = ("<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + _p("单击此处输入文字")
              + "</w:sdtContent></w:sdt>")
    assert _lines(_p("规章") + prompt) == ["规章"]


def test_automatic_numbering_is_written_before_its_paragraphs() -> None:
    numbering = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                 '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                 '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')

    def numbered(text: str, level: int) -> str:
        return _p(text, f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>')

    body = (numbered("总体情况", 0) + numbered("主动公开", 1) + numbered("依申请公开", 1)
            + numbered("主动公开政府信息情况", 0) + numbered("规章", 1))
    assert _lines(body, {"word/numbering.xml": numbering}) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况", "（一）规章"]


# ---- files that cannot be read ---------------------------------------------------------------------------------


def _unread(report: gxgk.Report, code: str) -> gxgk.Diagnostic:
    """The one error ``report`` has, of ``code``; and no values."""
    assert (report.disclosure, report.requests, report.appeals) == (None, None, None)
    assert gxgk.to_records(report) == []
    errors = _errors(report)
    assert [d.code for d in errors] == [code], errors
    return errors[0]


def test_a_corrupt_docx_is_an_error_not_garbage() -> None:
    whole = _seed_docx(gxgk.parse(SEEDS[0])) if SEEDS else _package(_p("规章") * 50)
    truncated = whole[: len(whole) // 2]
    assert sniff(truncated) == "docx"  # the damaged archive's local headers still name word/document.xml
    error = _unread(gxgk.parse(truncated), "P-docx-unreadable")
    assert "save it again" in error.message and error.message_zh.startswith("Word")
    _unread(gxgk.parse(_package("<w:p><w:r><w:t>未闭合</w:r></w:p>")), "P-docx-unreadable")


def test_an_entity_declaration_is_refused() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", bomb)
    assert "document type" in _unread(gxgk.parse(buffer.getvalue()), "P-docx-unreadable").message


def test_a_document_too_large_uncompressed_is_refused_before_it_is_read() -> None:
    padding = " " * (docx_module.MAX_DOCUMENT_BYTES + 1)  # compresses to ~65 KB: a small zip bomb
    data = _package(_p("规章") + padding)
    assert len(data) < 1_000_000
    error = _unread(gxgk.parse(data), "P-docx-unreadable")
    assert "more than the limit" in error.message


def test_the_size_is_checked_while_reading_whatever_the_archive_declares(monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytearray(_package(_p("规章 | 1 | 2 | 3") * 400))
    monkeypatch.setattr(docx_module, "MAX_DOCUMENT_BYTES", 1000)
    assert "bytes uncompressed" in _unread(gxgk.parse(bytes(data)), "P-docx-unreadable").message
    monkeypatch.undo()
    # an archive that declares a small size for a large part: zipfile stops there and the CRC fails
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        local = archive.getinfo("word/document.xml").header_offset
    central = data.rindex(b"word/document.xml") - 46  # the name follows the entry's 46 fixed bytes
    assert data[central : central + 4] == b"PK\x01\x02" and data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, central + 24, 100)
    struct.pack_into("<I", data, local + 22, 100)
    _unread(gxgk.parse(bytes(data)), "P-docx-unreadable")


def test_a_docx_larger_than_max_size_is_not_read() -> None:
    data = _package(_p("规章") * 100)
    report = gxgk.parse(data, max_size=len(data) - 1)
    assert "cannot be read in part" in _unread(report, "P-too-large").message


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_damaged_docx_never_raises(data: st.DataObject) -> None:
    whole = bytearray(_package(_p("规章") + f"<w:tbl><w:tr>{_tc('规章')}{_tc('1')}</w:tr></w:tbl>"))
    for _ in range(data.draw(st.integers(1, 8))):
        whole[data.draw(st.integers(0, len(whole) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(whole)))
    report = gxgk.parse(bytes(whole[:cut]))
    assert isinstance(report, gxgk.Report)
    text, notes = docx_to_text(bytes(whole[:cut]))
    assert isinstance(text, str) and all(isinstance(note, gxgk.Diagnostic) for note in notes)


def _zip(names: Sequence[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


_BITMAP = b"BM" + struct.pack("<IHHII", 94, 0, 0, 54, 40) + bytes(76)
UNSUPPORTED = {
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "P-image", "OCR"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "P-image", "OCR"),
    "gif": (b"GIF89a" + bytes(64), "P-image", "OCR"),
    "tiff": (b"II*\x00\x08\x00\x00\x00" + bytes(64), "P-image", "OCR"),
    "bmp": (_BITMAP, "P-image", "OCR"),
    "webp": (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(64), "P-image", "OCR"),
    "ole2": (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504), "P-format", "legacy Word/WPS (.doc/.wps)"),
    "xlsx": (_zip(["[Content_Types].xml", "xl/workbook.xml"]), "P-format", "Excel"),
    "ofd": (_zip(["OFD.xml", "Doc_0/Document.xml"]), "P-format", "export it as PDF"),
    "zip": (_zip(["report.txt"]), "P-format", "ZIP archive"),
    "rtf": (b"{\\rtf1\\ansi\\deff0 {\\fonttbl} \\u35268? 1 2 3}", "P-format", "RTF"),
}


@pytest.mark.parametrize("kind", sorted(UNSUPPORTED))
def test_each_unsupported_kind_gets_an_error_saying_what_it_is_and_no_values(kind: str, tmp_path: Path) -> None:
    data, code, words = UNSUPPORTED[kind]
    assert sniff(data) == kind and not is_docx(data)
    error = _unread(gxgk.parse(data), code)
    assert words in error.message and error.message_zh != error.message
    path = tmp_path / f"report.{kind}"
    path.write_bytes(data)
    _unread(gxgk.parse(path), code)
    # a large one is refused for what it is, not cut and decoded
    _unread(gxgk.parse(data + bytes(200), max_size=len(data)), "P-too-large" if code == "P-image" else code)


def test_images_say_how_to_read_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the ocr extra, a picture's error names the install."""
    import builtins

    real_import = builtins.__import__

    def without_pillow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("PIL") or name.startswith("pypdfium2"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_pillow)
    assert "pip install 'gxgk[ocr]'" in _unread(gxgk.parse(UNSUPPORTED["png"][0]), "P-ocr-extra").message


def test_text_and_html_are_not_binary() -> None:
    for text in ("二、主动公开政府信息情况", "<html><body><table></table></body></html>", "BMW 3 系", "PK 赛", "{\\rt"):
        assert sniff(text.encode()) is None and sniff(text.encode("gb18030")) is None


def test_the_module_doctests() -> None:
    for module in (docx_module, sniff_module):
        assert doctest.testmod(module, raise_on_error=False).failed == 0


def test_text_hidden_by_its_character_style_is_not_read() -> None:
    """Word does not show a run whose character style (or a style it is based on) sets ``w:vanish``."""
    styles = (f'<w:styles xmlns:w="{W}">'
              '<w:style w:type="character" w:styleId="Hid"><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Hid2"><w:basedOn w:val="Hid"/></w:style>'
              '<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Hid"/>'
              '<w:rPr><w:vanish w:val="0"/></w:rPr></w:style></w:styles>')

    def run(style: str, text: str) -> str:
        return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:t>{text}</w:t></w:r>'

    body = f"<w:p>{run('Hid', '1')}{run('Hid2', '2')}{run('Shown', '3')}<w:r><w:t>5</w:t></w:r></w:p>"
    assert "<p>35</p>" in docx_to_html(_package(body, {"word/styles.xml": styles}))


def test_a_footnote_mark_in_a_cell_and_struck_out_text_are_not_read() -> None:
    """Session 6's review: a superscript run after a cell's number was read as its last digit (3¹ → 31)."""
    def run(text: str, properties: str = "") -> str:
        return f"<w:r><w:rPr>{properties}</w:rPr><w:t>{text}</w:t></w:r>"

    def cell(*runs: str) -> str:
        return f"<w:tc><w:p>{''.join(runs)}</w:p></w:tc>"

    raised = '<w:vertAlign w:val="superscript"/>'
    row = (f"<w:tr>{cell(run('规章'))}{cell(run('1'))}{cell(run('7', '<w:strike/>'), run('0'))}"
           f"{cell(run('3'), run('1', raised))}</w:tr>")
    not_struck = '<w:dstrike w:val="0"/>'
    body = f"<w:tbl>{row}</w:tbl><w:p>{run('依据条例')}{run('1', raised)}{run('办理', not_struck)}</w:p>"
    text, notes = docx_to_text(_package(body))
    assert text.splitlines() == ["规章 | 1 | 0 | 3 |", "依据条例1办理"]
    codes = {note.code for note in notes}
    assert {"P-docx-mark", "P-docx-hidden"} <= codes and not any(code.startswith("P-html") for code in codes)
