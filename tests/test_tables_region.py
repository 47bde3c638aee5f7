"""Tokenizing only where tables stand reads exactly what tokenizing the whole text reads (issue 7).

When a report has the headings of sections 二, 三 and 四, ``parse``
tokenizes only the lines from section 二's heading to the end of section 四;
otherwise it tokenizes from the line of the first word that opens a table.
Whatever the text, the report (values, each cell's raw text and line, and
the diagnostics) must be the one the whole text's segments give.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gxgk
from gxgk.read import report as _report
from gxgk.read.sections import find_headings
from tests.strategies import reports

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parents[2] / "shared" / "corpus"


def _whole_text_parse(text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> gxgk.Report:
    with monkeypatch.context() as patch:
        patch.setattr(_report, "_tables_region", lambda text, headings: None)
        patch.setattr(_report, "_tables_start", lambda text: 0)
        return gxgk.parse(text)


def _assert_reads_alike(text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    region, whole = gxgk.parse(text), _whole_text_parse(text, monkeypatch)
    assert region == whole
    assert gxgk.to_records(region) == gxgk.to_records(whole)


def test_the_region_is_sections_two_to_four_in_whole_lines() -> None:
    text = "一、总体情况\n前言12件\n二、主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况\n表\n" \
           "四、政府信息公开行政复议、行政诉讼情况\n表\n五、存在的主要问题及改进情况\n问题\n"
    region = _report._tables_region(text, find_headings(text))
    assert region is not None
    start, end = region
    assert text[start:end] == text[text.index("二、") : text.index("问题\n")]  # to the end of 五's heading line


def test_without_all_three_headings_the_whole_text_is_read() -> None:
    text = "二、主动公开政府信息情况\n表\n四、政府信息公开行政复议、行政诉讼情况\n表\n"
    assert _report._tables_region(text, find_headings(text)) is None


def test_every_stored_report_reads_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [p for root in (DATA, CORPUS) if root.is_dir() for p in sorted(root.rglob("*"))
             if p.suffix in (".txt", ".md", ".html", ".htm") and p.name != "README.md"]
    assert len(paths) > 10
    for path in paths:
        _assert_reads_alike(path.read_bytes(), monkeypatch)


@pytest.mark.parametrize("layout", sorted(gxgk.LAYOUTS))
@given(report=reports(), narrative=st.text(max_size=200), header_rows=st.booleans())
def test_reports_without_headings_read_alike(layout: str, report: gxgk.Report, narrative: str,
                                             header_rows: bool) -> None:
    """Without headings, the text before the first table's line changes nothing either."""
    text = narrative + "\n" + gxgk.render(report, layout, headings=False, header_rows=header_rows) + narrative
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_reads_alike(text, monkeypatch)


def test_the_tables_start_at_the_line_of_their_first_word() -> None:
    text = "前言\n本年主动公开文件\n| 规章 | 1 | 2 |\n"
    assert text[_report._tables_start(text) :] == "| 规章 | 1 | 2 |\n"
    assert _report._tables_start("没有表格的信\n") == 0


@pytest.mark.parametrize("layout", sorted(gxgk.LAYOUTS))
@given(report=reports(), narrative=st.text(max_size=200))
def test_generated_reports_read_alike(layout: str, report: gxgk.Report, narrative: str) -> None:
    """Narrative text of any kind before section 二 and after section 四 changes nothing."""
    text = gxgk.render(report, layout).replace("\n二、", f"\n{narrative}\n二、", 1) + narrative
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_reads_alike(text, monkeypatch)


def test_a_one_line_page_is_tokenized_from_its_tables_not_its_narrative() -> None:
    """Issue 20: a crawler page on one line reads as the same page with line breaks, and the narrative
    before the tables is not tokenized (it would cost time per character for nothing)."""
    lines = ["某县2023年政府信息公开工作年度报告", "一、总体情况", "本局坚持公开为常态。" * 400,
             "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容 本年制发件数 本年废止件数 现行有效件数",
             "规章 1 0 5", "行政规范性文件 2 1 9。", "三、收到和处理政府信息公开申请情况。",
             "四、政府信息公开行政复议、行政诉讼情况。", "五、存在的主要问题及改进情况", "无。"]
    one_line = " ".join(lines)
    narrative_end = one_line.index("二、主动公开")
    assert _report._tables_start(one_line) >= narrative_end - 10
    region = _report._tables_region(one_line, find_headings(one_line))
    assert region is not None and region[0] == narrative_end
    report, broken = gxgk.parse(one_line), gxgk.parse("\n".join(lines))
    assert report.disclosure is not None and report.disclosure.rules.values == (1, 0, 5)
    assert [r._replace(line=None) for r in gxgk.to_records(report)] == [
        r._replace(line=None) for r in gxgk.to_records(broken)]
