"""Issue 18: ``parse(text, previous=last_year)`` settles a glued split this year's identities leave open.

The inputs are written for these tests: flattened crawler text whose row
runs into its label ("规章5213") so the digits are glued, and last year's
report parsed from a clean text.  Each identity across years is checked to
choose among the splits the glue allows, only when exactly one holds.
"""

from __future__ import annotations

import pytest

import gxgk

_DISCLOSURE_2021 = (
    "某县{year}年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
    "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章{run}行政规范性文件5 1 20"
    "第二十条第（五）项信息内容本年处理决定数量行政许可3\n三、收到和处理政府信息公开申请情况\n"
)
_DISCLOSURE_2019 = (
    "某县{year}年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
    "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可{run}其他对外管理服务事项1 0 1"
    "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购 1 10万元\n三、收到和处理政府信息公开申请情况\n"
)
_REQUESTS = (
    "某县{year}年政府信息公开工作年度报告\n一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n"
    "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
    "一、本年新收政府信息公开申请数量 {new}\n二、上年结转政府信息公开申请数量{carried_in}\n三、本年度办理结果\n"
    "（一）予以公开 6 0 0 0 0 1 7\n{rest}四、政府信息公开行政复议、行政诉讼情况\n"
)


def _codes(report: gxgk.Report) -> list[str]:
    return [d.code for d in report.diagnostics]


@pytest.fixture(scope="module")
def last_year_2021() -> gxgk.Report:
    report = gxgk.parse(_DISCLOSURE_2021.format(year=2022, run=" 1 0 10 "))
    assert report.disclosure is not None and report.disclosure.rules.values == (1, 0, 10)
    return report


def test_x2_never_settles_a_run_a_vanished_blank_could_explain(last_year_2021: gxgk.Report) -> None:
    """5|2|13 is the one three-number reading X2 allows, but 52|13|∅ (现行有效件数 printed blank, the blank
    vanished from the flattened text) is as possible, and X2 cannot check a blank: the row stays blank."""
    text = _DISCLOSURE_2021.format(year=2023, run="5213")
    report = gxgk.parse(text, previous=last_year_2021)
    assert report.disclosure is not None
    assert report.disclosure.rules.values == (None, None, None)
    assert "P-glued-ambiguous" in _codes(report) and "P-glued-previous" not in _codes(report)


def test_x2_does_not_take_the_reading_that_rejects_a_blank() -> None:
    """An adversarial review's case: 1318 with last year's 20 in force reads 1|3|18 by X2, but 13|18|∅ is the truth."""
    last_year = gxgk.parse(_DISCLOSURE_2021.format(year=2022, run=" 1 0 20 "))
    report = gxgk.parse(_DISCLOSURE_2021.format(year=2023, run="1318"), previous=last_year)
    assert report.disclosure is not None and report.disclosure.rules.values == (None, None, None)


def test_x2_leaves_a_split_blank_when_two_readings_hold(last_year_2021: gxgk.Report) -> None:
    report = gxgk.parse(_DISCLOSURE_2021.format(year=2023, run="3112"), previous=last_year_2021)
    assert report.disclosure is not None
    assert report.disclosure.rules.values == (None, None, None)  # 3|1|12 and 3|11|2 both give 10 + 3 − x
    assert "P-glued-ambiguous" in _codes(report) and "P-glued-previous" not in _codes(report)


def test_x3_does_not_take_a_reading_a_vanished_blank_contradicts() -> None:
    """12|3|4 has last year's 10 + 2 first, but 12|∅|34 does too: the row stays blank."""
    last_year = gxgk.parse(_DISCLOSURE_2019.format(year=2019, run=" 10 2 30 "))
    report = gxgk.parse(_DISCLOSURE_2019.format(year=2020, run="1234"), previous=last_year)
    assert isinstance(report.disclosure, gxgk.Disclosure2019)
    assert report.disclosure.licensing.values == (None, None, None)


def test_x1_settles_a_glued_carried_in_row_by_last_years_carry_over() -> None:
    last_year = gxgk.parse(_REQUESTS.format(year=2022, new="5 0 0 0 0 1 6", carried_in=" 0 0 0 0 0 0 0",
                                            rest="（七）总计 3 0 0 0 0 0 3\n四、结转下年度继续办理 2 0 0 0 0 1 3\n"))
    text = _REQUESTS.format(year=2023, new="4 0 0 0 0 0 4", carried_in="2000013", rest="")
    alone = gxgk.parse(text)
    assert alone.requests is not None
    assert alone.requests.row("二、上年结转").values == (None,) * 7  # no total row: H1 cannot check the split
    report = gxgk.parse(text, previous=last_year)
    assert report.requests is not None
    assert report.requests.row("二、上年结转").values == (2, 0, 0, 0, 0, 1, 3)
    assert any(d.code == "P-glued-previous" and "X1" in d.message for d in report.diagnostics)


def test_x1_does_not_force_digits_that_are_not_last_years_row() -> None:
    last_year = gxgk.parse(_REQUESTS.format(year=2022, new="5 0 0 0 0 1 6", carried_in=" 0 0 0 0 0 0 0",
                                            rest="（七）总计 3 0 0 0 0 0 3\n四、结转下年度继续办理 2 0 0 0 0 1 3\n"))
    report = gxgk.parse(_REQUESTS.format(year=2023, new="4 0 0 0 0 0 4", carried_in="3000014", rest=""),
                        previous=last_year)
    assert report.requests is not None
    assert report.requests.row("二、上年结转").values == (None,) * 7
    assert "P-glued-previous" not in _codes(report)


def test_a_report_on_another_year_is_not_used(last_year_2021: gxgk.Report) -> None:
    report = gxgk.parse(_DISCLOSURE_2021.format(year=2025, run="5213"), previous=last_year_2021)
    assert report.disclosure is not None and report.disclosure.rules.values == (None, None, None)
    problem = next(d for d in report.diagnostics if d.code == "P-previous")
    assert "2022" in problem.message and "2024" in problem.message


def test_previous_must_be_a_report() -> None:
    with pytest.raises(TypeError, match="previous must be a Report"):
        gxgk.parse("一、总体情况", previous="2022年报告")  # type: ignore[arg-type]


def test_x1_never_overrides_this_years_own_balance() -> None:
    """Last year's carry-over is not taken where this year's 一 + 二 = 三（七） + 四 (H1) rejects it."""
    last_year = gxgk.parse(_REQUESTS.format(year=2022, new="6 1 10 0 0 0 17", carried_in=" 0 0 0 0 0 0 0",
                                            rest="（七）总计 3 0 0 0 0 0 3\n四、结转下年度继续办理 10 1 0 0 0 0 11\n"))
    # this year: 一 + 二 = 七 + 四 holds for 1|0|10|0|0|0|11, not for last year's 10|1|0|0|0|0|11
    text = _REQUESTS.format(year=2023, new="5 1 | | 0 0 0 16", carried_in="101000011",
                            rest="（七）总计 6 1 10 0 0 0 17\n四、结转下年度继续办理 0 0 0 0 0 0 0\n")
    report = gxgk.parse(text, previous=last_year)
    assert report.requests is not None
    assert report.requests.row("二、上年结转").values in ((None,) * 7, (1, 0, 10, 0, 0, 0, 11))
    assert "P-glued-previous" not in _codes(report)
