"""``parse(render_html(r)) == r`` and ``parse(render_fixed_width(r)) == r``.

The HTML writer gives the tables the shapes real pages have (merged header
cells, group labels with ``rowspan``, header and body rows with different
``colspan``, ``&nbsp;`` blanks, ``<br />`` inside cells) and wraps them in
page chrome; the fixed-width writer prints what ``pdftotext -layout`` makes of
a PDF (padded columns, wrapped labels, one character per line, spaced
characters, page breaks with "- N -" and repeated table headers).
"""

from __future__ import annotations

import datetime

import attrs
from hypothesis import given
from hypothesis import strategies as st

import gxgk
from gxgk.write.render_pages import render_fixed_width, render_html
from tests.sameness import assert_same, tables
from tests.strategies import reports

_PAGE_DEBRIS = ("- ", "\f")


@st.composite
def reports_with_meta(draw: st.DrawFn) -> gxgk.Report:
    """A report whose page also carries a metadata block."""
    report = draw(reports())
    year = report.meta.year or 2020
    meta = attrs.evolve(
        report.meta,
        index_number=draw(st.sampled_from(["11310000002423146F/2020-00019", "000014349/2021-00123", "QZ01-02-2022"])),
        publisher=draw(st.sampled_from(["市人民政府办公厅", "县政务服务中心"])),
        written_date=draw(st.dates(datetime.date(year + 1, 1, 1), datetime.date(year + 1, 3, 31))),
        published_date=draw(st.dates(datetime.date(year + 1, 1, 1), datetime.date(year + 1, 3, 31))),
    )
    return attrs.evolve(report, meta=meta)


# ---- HTML ---------------------------------------------------------------------------


@given(report=reports())
def test_html_page_parses_back_exactly(report: gxgk.Report) -> None:
    parsed = gxgk.parse(render_html(report))
    assert attrs.evolve(parsed, diagnostics=()) == report
    assert not [d for d in parsed.diagnostics if d.severity is gxgk.Severity.ERROR]


@given(report=reports_with_meta())
def test_gbk_html_bytes_with_a_metadata_table_parse_back_exactly(report: gxgk.Report) -> None:
    """The page declares ``charset=gbk``; its 索引号 / 发布机构 / dates table is read into :class:`Meta`."""
    data = render_html(report, charset="gbk").encode("gbk")
    assert attrs.evolve(gxgk.parse(data), diagnostics=()) == report


@given(report=reports(), variant=st.sampled_from([(False, True, True), (True, False, True), (True, True, False),
                                                  (False, True, False)]))
def test_html_variants_parse_back(report: gxgk.Report, variant: tuple[bool, bool, bool]) -> None:
    """Without headings, header rows or chrome (not headings and header rows both: then nothing says
    which bare fifteen values are 四)."""
    headings, header_rows, chrome = variant
    parsed = gxgk.parse(render_html(report, headings=headings, header_rows=header_rows, chrome=chrome))
    assert tables(parsed) == tables(report)
    assert (parsed.meta.title, parsed.meta.year, parsed.meta.organ) == (
        report.meta.title, report.meta.year, report.meta.organ)


# ---- fixed-width (PDF text) -------------------------------------------------------------


def _without_page_debris(text: str) -> str:
    """Narrative text without page-number lines (see test_fixed_width_parses_back)."""
    return "\n".join(line for line in text.split("\n") if not line.strip().startswith(_PAGE_DEBRIS))


@given(report=reports(), page_lines=st.integers(12, 80), spaced=st.booleans(), label_width=st.sampled_from([40, 56]),
       variant=st.sampled_from([(True, True), (True, True), (False, True), (True, False)]))
def test_fixed_width_parses_back(report: gxgk.Report, page_lines: int, spaced: bool, label_width: int,
                                 variant: tuple[bool, bool]) -> None:
    """Page breaks fall anywhere between rows, also inside tables (whose headers then repeat).

    Narratives are compared without the page-number lines the page breaks
    put into them: the text reader keeps those lines in narrative text.
    """
    headings, header_rows = variant
    text = render_fixed_width(report, page_lines=page_lines, spaced=spaced, label_width=label_width,
                              headings=headings, header_rows=header_rows)
    assert_same(gxgk.parse(text), report, narratives=headings, clean=_without_page_debris)


@given(report=reports())
def test_fixed_width_pages_are_numbered_and_headers_repeat(report: gxgk.Report) -> None:
    """The writer itself: every page ends with its number; 三 (25 rows, longer than a page) repeats its header."""
    text = render_fixed_width(report, page_lines=20)
    pages = text.split("\f")
    assert [page.strip().split("\n")[-1].strip() for page in pages] == [f"- {n} -" for n in range(1, len(pages) + 1)]
    with_header = [page.strip("\n").split("\n") for page in pages if "申请人情况" in page]
    assert len(with_header) >= 2
    assert all(lines[0].strip() == "申请人情况" for lines in with_header[1:])
