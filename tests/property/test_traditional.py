"""Sites that serve 繁體: template words match in both scripts; text keeps what was printed."""

from __future__ import annotations

from hypothesis import given

import gxgk
from gxgk.read.normalize import _TRADITIONAL
from tests.strategies import reports

# simplified → traditional for every pair the normaliser knows (the first one wins)
_TO_TRADITIONAL: dict[int, str] = {}
for _pair in _TRADITIONAL.split():
    _TO_TRADITIONAL.setdefault(ord(_pair[1]), _pair[0])


def traditional(text: str) -> str:
    return text.translate(_TO_TRADITIONAL)


@given(report=reports())
def test_a_report_printed_in_traditional_characters_reads_the_same(report: gxgk.Report) -> None:
    printed = traditional(gxgk.render(report, "pipe"))
    assert printed != gxgk.render(report, "pipe")
    parsed = gxgk.parse(printed)
    assert (parsed.template, parsed.disclosure, parsed.requests, parsed.appeals) == (
        report.template, report.disclosure, report.requests, report.appeals)
    assert parsed.meta.year == report.meta.year
    assert parsed.overview is not None and report.overview is not None
    assert parsed.overview.text == traditional(report.overview.text)  # as printed, not folded back


def test_the_issue_words_are_matched() -> None:
    text = ("某縣2020年政府信息公開工作年度報告\n三、收到和處理政府信息公開申請情況\n"
            "一、本年新收政府信息公開申請數量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            "二、上年結轉政府信息公開申請數量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
            "三、本年度辦理結果 | （一）予以公開 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            "（七）總計 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            "四、政府信息公開行政複議、行政訴訟情況\n"
            "行政複議 | 行政訴訟 |\n1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    report = gxgk.parse(text)
    assert report.requests is not None and report.appeals is not None
    assert report.requests.row("（七）总计").values == (1, 0, 0, 0, 0, 0, 1)
    assert report.requests.row("（一）予以公开").total.value == 1
    assert report.appeals.review.values == (1, 0, 0, 0, 1)
    assert report.meta.title == "某縣2020年政府信息公開工作年度報告"
