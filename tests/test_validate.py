"""Validation on real cases and on each rule: what is wrong, where, by how much, and silence when right."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import gxgk
from gxgk.rules.across import similarity
from gxgk.rules.validate import rules_markdown
from gxgk.template.spec import DISCLOSURE_ROWS, Template, request_rows

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
ERROR, WARNING, INFO = gxgk.Severity.ERROR, gxgk.Severity.WARNING, gxgk.Severity.INFO

NEW, CARRIED_IN = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"
GRANTED = "三、本年度办理结果 / （一）予以公开"
TOTAL, CARRIED_OUT = "三、本年度办理结果 / （七）总计", "四、结转下年度继续办理"
OTHER_2019 = "三、本年度办理结果 / （六）其他处理"

OVERVIEW = ("{year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息一百余条，"
            "依法办理依申请公开。")
PROBLEMS = ("{year}年本机关政府信息公开工作仍存在一些不足：一是公开内容不够全面，二是政策解读形式较为单一。"
            "下一步将加强培训，丰富解读形式，提升公开质量。")
#: Different every year (X4 compares them): what each year's 五 goes on to say.
PLANS = ("重点做好财政预决算和重大项目信息公开。", "完善依申请公开答复文书模板并开展案例评查。",
         "推进基层政务公开标准化规范化建设。", "优化门户网站栏目设置，提升检索便利度。",
         "健全政策解读与回应关切机制，扩大公众参与。", "加强政府信息管理，开展规范性文件清理。",
         "强化考核监督，定期通报公开工作情况。", "提高政务新媒体信息发布的时效性。")
OTHER_MATTERS = "{year}年度本机关未收取信息处理费。"

Values = Sequence[int | Decimal | None]


def matrix(template: Template, rows: Mapping[str, Values] | None = None, *, ordered: Sequence[Values] | None = None
           ) -> gxgk.Requests:
    """Section 三 of ``template``: zeros, except ``rows`` (by label path) or ``ordered`` (every row)."""
    specs = request_rows(template)
    values = ordered or [(rows or {}).get(spec.label, [0] * 7) for spec in specs]
    assert len(values) == len(specs)
    return gxgk.Requests(tuple(gxgk.RequestRow(spec.label, *(gxgk.Cell(v) for v in row))
                               for spec, row in zip(specs, values, strict=True)))


def block(*values: int | Decimal | None) -> gxgk.AppealBlock:
    return gxgk.AppealBlock(*(gxgk.Cell(v) for v in values))


def appeals(review: Values | None = None) -> gxgk.Appeals:
    return gxgk.Appeals(block(*(review or [0] * 5)), block(0, 0, 0, 0, 0), block(0, 0, 0, 0, 0))


def make(template: Template = Template.V2021, year: int = 2021, organ: str = "垫江县司法局", **changes: Any
         ) -> gxgk.Report:
    """A clean report of ``template``: every identity holds, the narratives say enough."""
    disclosure = zero_disclosure(template)
    report = gxgk.Report(
        template=template, meta=gxgk.Meta(title=f"{organ}{year}年政府信息公开工作年度报告", year=year, organ=organ),
        overview=gxgk.Narrative(OVERVIEW.format(year=year)), disclosure=disclosure, requests=matrix(template),
        appeals=appeals(), problems=gxgk.Narrative(PROBLEMS.format(year=year) + PLANS[year % len(PLANS)] * 2),
        other_matters=gxgk.Narrative(OTHER_MATTERS.format(year=year)))
    return attrs.evolve(report, **changes)


def zero_disclosure(template: Template) -> gxgk.Disclosure2019 | gxgk.Disclosure2021:
    """Section 二 of ``template`` with every cell 0."""
    cls = gxgk.Disclosure2019 if template is Template.V2019 else gxgk.Disclosure2021
    fields = attrs.fields_dict(cls)
    rows = {}
    for spec in DISCLOSURE_ROWS[template]:
        row_cls: type[Any] = type(fields[spec.field].default)
        rows[spec.field] = row_cls(*(gxgk.Cell(0) for _ in spec.columns))
    return cls(**rows)


def codes(findings: list[gxgk.Finding], severity: gxgk.Severity | None = None) -> list[str]:
    return [f.code for f in findings if severity is None or f.severity is severity]


def cells_of(finding: gxgk.Finding) -> set[tuple[int, str, str]]:
    return {(c.section, c.row, c.column) for c in finding.cells}


# ---- Real cases -------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seeds_are_clean(path: Path) -> None:
    report = gxgk.parse(path.read_bytes())
    findings = gxgk.validate(report)
    assert codes(findings, ERROR) == []
    assert codes(findings, WARNING) == []


@pytest.mark.parametrize("template", [Template.V2019, Template.V2021])
def test_a_clean_report_gets_no_finding(template: Template) -> None:
    year = 2020 if template is Template.V2019 else 2021
    assert gxgk.validate(make(template, year)) == []


# 011 (上海市人民政府办公厅 2019, HTML): every result row's 总计 cell is blank.
_: None = None
SHANGHAI_2019: list[Values] = [
    [821, 35, _, _, 2, 1, 859], [18, _, _, _, _, _, 18],
    [258, 12, _, _, 1, 1, _], [3, _, _, _, _, _, _],
    [14, _, _, _, _, _, _], [_] * 7, [_] * 7, [_] * 7, [5, _, _, _, _, _, _], [3, 1, _, _, _, _, _], [_] * 7,
    [10, 2, _, _, _, _, _],
    [252, 12, _, _, 1, _, _], [44, 3, _, _, _, _, _], [25, _, _, _, _, _, _],
    [148, 1, _, _, _, _, _], [5, 4, _, _, _, _, _], [_] * 7, [_] * 7, [_] * 7,
    [_] * 7,
    [767, 35, _, _, 2, 1, 805], [72, _, _, _, _, _, 72],
]


def test_blank_row_totals_beside_nonzero_parts_are_each_reported_never_summed_as_zero() -> None:
    report = make(Template.V2019, 2019, requests=matrix(Template.V2019, ordered=SHANGHAI_2019),
                  appeals=gxgk.Appeals(block(5, _, _, 2, 7), block(8, _, _, 1, 9), block(_, _, _, _, _)))
    findings = gxgk.validate(report)
    assert codes(findings, ERROR) == []
    blank_totals = [f for f in findings if f.code == "H3-blank" and f.cells[0].column == "总计"
                    and f.cells[0].value is None and any(c.value for c in f.cells[1:])]
    assert len(blank_totals) == 11
    sums = [272, 3, 14, 5, 4, 12, 265, 47, 25, 149, 9]
    for finding, parts in zip(blank_totals, sums, strict=True):
        assert finding.severity is INFO and finding.actual is None and finding.difference is None
        assert "总计 = ?, 自然人 + 商业企业" in finding.message
        assert f"= ? (the printed cells add up to {parts})" in finding.message
        assert "空白不等于 0" in finding.message_zh
    # The 总计 column of （七）总计 (805) is never compared with blank row totals summed as 0.
    total_column = [f for f in findings if f.rule == "H2" and f.cells[0].column == "总计"]
    assert [f.code for f in total_column] == ["H2-blank"]
    # Asked to, blanks are zeros: then each of the eleven rows is an error.
    as_zero = [f for f in gxgk.validate(report, blank_as_zero=True) if f.code == "H3"]
    assert len(as_zero) == 11
    assert as_zero[0].expected == 272 and as_zero[0].actual == 0
    assert "blank cells read as 0" in as_zero[0].message


def test_a_review_total_of_zero_beside_its_parts_is_an_h4_error() -> None:
    report = make(appeals=appeals([10, 1, 0, 0, 0]))
    [finding] = [f for f in gxgk.validate(report) if f.severity is ERROR]
    assert finding.code == "H4"
    assert (finding.expected, finding.actual, finding.difference) == (11, 0, -11)
    assert (4, "行政复议", "总计") in cells_of(finding)
    assert finding.message.startswith(
        "四、行政复议: 总计 = 0, but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (10 + 1 + 0 + 0)")
    assert finding.message_zh.startswith("四、行政复议：总计 = 0，但")
    assert str(finding).startswith("error H4: ")


def test_a_results_total_that_contradicts_its_rows_is_an_h2_error() -> None:
    """（七）总计 of 21 beside result rows that add to 27."""
    rows = {NEW: [27, 0, 0, 0, 0, 0, 27], GRANTED: [20, 0, 0, 0, 0, 0, 20],
            "三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息": [7, 0, 0, 0, 0, 0, 7],
            TOTAL: [21, 0, 0, 0, 0, 0, 21], CARRIED_OUT: [6, 0, 0, 0, 0, 0, 6]}
    findings = gxgk.validate(make(requests=matrix(Template.V2021, rows)))
    h2 = [f for f in findings if f.code == "H2"]
    assert [(f.cells[0].column, f.expected, f.actual, f.difference) for f in h2] == [
        ("自然人", 27, 21, -6), ("总计", 27, 21, -6)]
    assert all(f.severity is ERROR and (3, TOTAL, f.cells[0].column) in cells_of(f) for f in h2)
    assert "but the 21 result rows = 27 (difference -6)" in h2[0].message  # long sums are named, not spelled out
    assert codes(findings, ERROR) == ["H2", "H2"]  # H1 and H3 hold


def test_a_result_row_that_contradicts_its_total_even_with_blanks_is_an_error() -> None:
    """Counts are non-negative: printed parts above a printed total break H3 whatever the blanks hold."""
    rows = {GRANTED: [10, 1, None, 0, 0, 0, 0]}
    findings = gxgk.validate(make(requests=matrix(Template.V2021, rows)))
    h3 = [f for f in findings if f.rule == "H3"]
    assert [f.code for f in h3] == ["H3"]
    assert h3[0].expected == 11 and h3[0].actual == 0
    assert "whatever the blank cells hold" in h3[0].message


# ---- Diagnoses --------------------------------------------------------------


def test_a_request_in_the_wrong_applicant_column_is_diagnosed() -> None:
    rows = {NEW: [8, 1, 0, 0, 0, 0, 9], GRANTED: [9, 0, 0, 0, 0, 0, 9], TOTAL: [9, 0, 0, 0, 0, 0, 9]}
    findings = gxgk.validate(make(requests=matrix(Template.V2021, rows)))
    assert codes(findings, ERROR) == ["H1", "H1"]
    [hint] = [f for f in findings if f.code == "H1-column"]
    assert hint.severity is WARNING
    assert "wrong applicant column" in hint.message and "错误的申请人列" in hint.message_zh
    assert {c.column for c in hint.cells} == {"自然人", "商业企业"}


def test_digits_split_across_two_cells_are_diagnosed() -> None:
    """"12" printed as 1 | 2 (and a cell lost): merging the two cells would balance the row."""
    rows = {GRANTED: [1, 2, 0, 0, 0, 0, 12]}
    findings = gxgk.validate(make(requests=matrix(Template.V2021, rows)))
    [hint] = [f for f in findings if f.code == "S8"]
    assert hint.severity is WARNING
    assert {(c.column, c.value) for c in hint.cells} == {("自然人", 1), ("商业企业", 2)}
    assert "probably split" in hint.message


def test_no_split_is_claimed_without_evidence() -> None:
    rows = {GRANTED: [3, 4, 0, 0, 0, 0, 12]}
    assert "S8" not in codes(gxgk.validate(make(requests=matrix(Template.V2021, rows))))


# ---- Each rule --------------------------------------------------------------


def test_h1_names_the_four_cells_of_the_column() -> None:
    rows = {NEW: [5, 0, 0, 0, 0, 0, 5], GRANTED: [5, 0, 0, 0, 0, 0, 5], TOTAL: [5, 0, 0, 0, 0, 0, 5],
            CARRIED_OUT: [1, 0, 0, 0, 0, 0, 1]}
    findings = gxgk.validate(make(requests=matrix(Template.V2021, rows)))
    h1 = [f for f in findings if f.code == "H1"]
    assert [f.cells[0].column for f in h1] == ["自然人", "总计"]
    assert cells_of(h1[0]) == {(3, label, "自然人") for label in (TOTAL, CARRIED_OUT, NEW, CARRIED_IN)}
    assert (h1[0].expected, h1[0].actual, h1[0].difference) == (5, 6, 1)
    assert "三 · 自然人" in h1[0].message


def test_cell_labels_are_compact_official_names() -> None:
    ref = gxgk.CellRef(3, "三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）", "其他")
    assert ref.label == "三、（二）部分公开 · 其他"
    assert gxgk.CellRef(4, "行政诉讼 / 复议后起诉", "尚未审结").label == "四、行政诉讼 / 复议后起诉 · 尚未审结"


def test_h5_flags_negative_and_fractional_counts() -> None:
    rows = {GRANTED: [-1, 0, 0, 0, 0, 0, -1]}
    report = make(requests=matrix(Template.V2021, rows), appeals=gxgk.Appeals(
        block(Decimal("1.5"), 0, 0, 0, Decimal("1.5")), block(0, 0, 0, 0, 0), block(0, 0, 0, 0, 0)))
    h5 = [f for f in gxgk.validate(report) if f.code == "H5"]
    assert [(f.cells[0].row, f.cells[0].column) for f in h5] == [
        (GRANTED, "自然人"), (GRANTED, "总计"), ("行政复议", "结果维持"), ("行政复议", "总计")]
    assert "negative" in h5[0].message and "not a whole number" in h5[2].message


def test_h6_missing_tables_and_rows() -> None:
    assert codes(gxgk.validate(make(appeals=None))) == ["H6-table"]
    requests = make().requests
    assert requests is not None
    short = gxgk.Requests(requests.rows[:-1])
    [finding] = [f for f in gxgk.validate(make(requests=short)) if f.rule == "H6"]
    assert finding.code == "H6-rows" and finding.severity is ERROR
    assert (3, CARRIED_OUT, "") in cells_of(finding)
    assert (finding.expected, finding.actual) == (25, 24)


def test_h6_accepts_2021_other_processing_printed_as_one_row() -> None:
    requests = make().requests
    assert requests is not None
    rows = [row for row in requests.rows if "（六）其他处理 / " not in row.label]
    rows.insert(20, gxgk.RequestRow(OTHER_2019, *(gxgk.Cell(0) for _ in range(7))))
    assert gxgk.validate(make(requests=gxgk.Requests(tuple(rows)))) == []


def test_h6_a_report_on_no_template_is_only_noted() -> None:
    findings = gxgk.validate(gxgk.Report(meta=gxgk.Meta(year=2018)))
    assert [(f.code, f.severity) for f in findings] == [("H6-template", INFO)]


def test_h6_missing_narrative_sections_are_not_assessable() -> None:
    findings = gxgk.validate(make(problems=None))
    assert [(f.code, f.severity) for f in findings] == [("H6-section", INFO)]


def test_s1_requests_allows_the_reading_that_includes_carried_over() -> None:
    rows = {NEW: [10, 0, 0, 0, 0, 0, 10], CARRIED_IN: [2, 0, 0, 0, 0, 0, 2], GRANTED: [12, 0, 0, 0, 0, 0, 12],
            TOTAL: [12, 0, 0, 0, 0, 0, 12]}
    requests = matrix(Template.V2021, rows)
    for count, flagged in ((10, False), (12, False), (11, True)):
        overview = gxgk.Narrative(f"2021年，本机关共收到政府信息公开申请{count}件，均已按时答复。")
        findings = gxgk.validate(make(requests=requests, overview=overview))
        assert (codes(findings) == ["S1-requests"]) is flagged, count
    [finding] = gxgk.validate(make(requests=requests, overview=gxgk.Narrative(
        "2021年，本机关共收到政府信息公开申请11件，均已按时答复。")))
    assert finding.excerpt == "收到政府信息公开申请11件"
    assert (finding.expected, finding.actual, finding.difference) == (10, 11, 1)
    assert finding.cells[0].column == "正文" and finding.cells[0].value == 11


def test_s1_review_compares_with_the_review_block() -> None:
    overview = gxgk.Narrative("2021年，本机关被申请行政复议3件，未发生行政诉讼。")
    findings = gxgk.validate(make(overview=overview, appeals=appeals([1, 0, 0, 1, 2])))
    assert codes(findings) == ["S1-review"]
    assert (findings[0].expected, findings[0].actual) == (2, 3)
    quiet = make(overview=gxgk.Narrative("2021年，未发生因政府信息公开引起的行政复议、行政诉讼。"))
    assert gxgk.validate(quiet) == []


def test_s2_fees_must_be_reported_in_2021() -> None:
    fee_row = ("三、本年度办理结果 / （六）其他处理 / "
               "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
    rows = {NEW: [2, 0, 0, 0, 0, 0, 2], fee_row: [2, 0, 0, 0, 0, 0, 2], TOTAL: [2, 0, 0, 0, 0, 0, 2]}
    findings = gxgk.validate(make(requests=matrix(Template.V2021, rows), other_matters=gxgk.Narrative("无。")))
    [finding] = findings
    assert finding.code == "S2" and "unpaid fees" in finding.message
    assert (3, fee_row, "总计") in cells_of(finding)
    assert gxgk.validate(make(Template.V2019, 2020, other_matters=gxgk.Narrative("无。"))) == []


def test_s3_problems_must_say_something() -> None:
    [finding] = gxgk.validate(make(problems=gxgk.Narrative("无。")))
    assert finding.code == "S3" and finding.actual == 1


def test_s4_overview_length_in_2021_only() -> None:
    long = gxgk.Narrative("2021年，" + "本机关认真做好政府信息公开工作。" * 80)
    assert codes(gxgk.validate(make(overview=long))) == ["S4"]
    assert gxgk.validate(make(Template.V2019, 2020, overview=gxgk.Narrative(long.text.replace("2021", "2020")))) == []


def test_s5_a_large_share_of_other_processing_in_2019() -> None:
    rows = {NEW: [20, 0, 0, 0, 0, 0, 20], GRANTED: [8, 0, 0, 0, 0, 0, 8], OTHER_2019: [12, 0, 0, 0, 0, 0, 12],
            TOTAL: [20, 0, 0, 0, 0, 0, 20]}
    [finding] = gxgk.validate(make(Template.V2019, 2020, requests=matrix(Template.V2019, rows)))
    assert finding.code == "S5" and finding.actual == Decimal("0.60")


def test_s6_an_overview_that_never_names_its_year() -> None:
    [finding] = gxgk.validate(make(overview=gxgk.Narrative("2020年，本机关认真贯彻《条例》，主动公开政府信息。")))
    assert finding.code == "S6" and (finding.expected, finding.actual) == (2021, 2020)
    signed = make(other_matters=gxgk.Narrative("本机关未收取信息处理费。\n垫江县司法局\n2022年1月20日"))
    assert gxgk.validate(signed) == []  # 六 may carry next year's signature date


def test_s9_new_documents_within_the_published_total() -> None:
    rules = gxgk.DocumentRow2019(gxgk.Cell(5), gxgk.Cell(2), gxgk.Cell(3))
    [finding] = gxgk.validate(make(Template.V2019, 2020, disclosure=gxgk.Disclosure2019(rules=rules)))
    assert finding.code == "S9" and (finding.expected, finding.actual) == (3, 5)
    assert (2, "规章", "本年新制作数量") in cells_of(finding)


# ---- Across years -----------------------------------------------------------


def test_x1_per_column_across_the_2020_to_2021_template_change() -> None:
    before = make(Template.V2019, 2020, requests=matrix(Template.V2019, {
        NEW: [3, 1, 0, 0, 0, 0, 4], CARRIED_OUT: [3, 1, 0, 0, 0, 0, 4]}))
    now = make(Template.V2021, 2021, requests=matrix(Template.V2021, {
        CARRIED_IN: [2, 1, 0, 0, 0, 0, 3], GRANTED: [2, 1, 0, 0, 0, 0, 3], TOTAL: [2, 1, 0, 0, 0, 0, 3]}))
    findings = gxgk.validate(now, previous=before)
    x1 = [f for f in findings if f.rule == "X1"]
    assert [(f.code, f.cells[0].column, f.expected, f.actual, f.difference) for f in x1] == [
        ("X1", "自然人", 3, 2, -1), ("X1", "总计", 4, 3, -1)]
    assert {(c.row, c.year) for c in x1[0].cells} == {(CARRIED_IN, 2021), (CARRIED_OUT, 2020)}
    assert "2020 四、结转下年度继续办理" in x1[0].message
    assert gxgk.validate(now) == []  # the cross-year rules need the year before


def test_x2_documents_in_force_carry_over() -> None:
    def docs(issued: int, repealed: int, in_force: int) -> gxgk.Disclosure2021:
        base = zero_disclosure(Template.V2021)
        assert isinstance(base, gxgk.Disclosure2021)
        return attrs.evolve(base, normative_documents=gxgk.DocumentRow2021(
            gxgk.Cell(issued), gxgk.Cell(repealed), gxgk.Cell(in_force)))
    before = make(year=2021, disclosure=docs(5, 0, 40))
    assert gxgk.validate(make(year=2022, disclosure=docs(6, 1, 45)), previous=before) == []
    [finding] = gxgk.validate(make(year=2022, disclosure=docs(6, 1, 50)), previous=before)
    assert finding.code == "X2" and finding.difference == 5
    assert (2, "行政规范性文件", "现行有效件数") in cells_of(finding)


def test_x3_project_counts_carry_over_in_the_2019_format() -> None:
    def projects(previous_count: int, change: int) -> gxgk.Disclosure2019:
        base = zero_disclosure(Template.V2019)
        assert isinstance(base, gxgk.Disclosure2019)
        return attrs.evolve(base, licensing=gxgk.ProjectRow2019(gxgk.Cell(previous_count), gxgk.Cell(change),
                                                                gxgk.Cell(0)))
    before = make(Template.V2019, 2019, disclosure=projects(100, -37))
    assert gxgk.validate(make(Template.V2019, 2020, disclosure=projects(63, 0)), previous=before) == []
    [finding] = gxgk.validate(make(Template.V2019, 2020, disclosure=projects(100, 0)), previous=before)
    assert finding.code == "X3" and (finding.expected, finding.actual) == (63, 100)


def test_x4_problems_copied_from_last_year() -> None:
    before = make(year=2021)
    assert before.problems is not None
    copied = make(year=2022, problems=gxgk.Narrative(before.problems.text.replace("2021", "2022")))
    [finding] = gxgk.validate(copied, previous=before)
    assert finding.code == "X4" and finding.actual == Decimal("1.00")
    fresh = make(year=2022, problems=gxgk.Narrative(
        "2022年仍有短板：依申请办理答复文书不够规范，基层人员流动较大。2023年将编制答复范本，开展专题培训，"
        "建立案例库。"))
    assert gxgk.validate(fresh, previous=before) == []
    assert similarity("一二三四五", "一二三四五") == 1


def test_previous_must_be_the_year_before() -> None:
    with pytest.raises(ValueError, match="year before"):
        gxgk.validate(make(year=2023), previous=make(year=2021))


def test_series_pairs_consecutive_years_of_each_agency() -> None:
    a2020 = make(Template.V2019, 2020, organ="甲局", requests=matrix(Template.V2019, {
        NEW: [1, 0, 0, 0, 0, 0, 1], CARRIED_OUT: [1, 0, 0, 0, 0, 0, 1]}))
    a2021 = make(year=2021, organ="甲局")  # 上年结转 0, but 甲局 carried 1 forward
    b2021 = make(year=2021, organ=" 乙局")
    b2023 = make(year=2023, organ="乙局")  # no 2022: no pair
    findings = gxgk.validate_series([b2023, a2021, b2021, a2020])
    assert [(f.code, f.organ, f.year) for f in findings] == [("X1", "甲局", 2021), ("X1", "甲局", 2021)]
    assert findings[0].report is a2021
    twice = gxgk.validate_series([a2020, attrs.evolve(a2020), a2021])
    assert [f.code for f in twice] == ["X1-ambiguous"]


def test_series_with_a_custom_key() -> None:
    a = make(year=2021, organ="甲局", requests=matrix(Template.V2021, {
        NEW: [1, 0, 0, 0, 0, 0, 1], CARRIED_OUT: [1, 0, 0, 0, 0, 0, 1]}))
    b = make(year=2022, organ="甲局（更名）")
    assert gxgk.validate_series([a, b]) == []
    assert codes(gxgk.validate_series([a, b], key=lambda r: "甲")) == ["X1", "X1"]


# ---- Across the hierarchy ---------------------------------------------------


def test_aggregate_sums_children_per_cell() -> None:
    def with_new(n: int, organ: str) -> gxgk.Report:
        return make(organ=organ, requests=matrix(Template.V2021, {
            NEW: [n, 0, 0, 0, 0, 0, n], GRANTED: [n, 0, 0, 0, 0, 0, n], TOTAL: [n, 0, 0, 0, 0, 0, n]}))
    parent, children = with_new(5, "县政府"), [with_new(2, "甲局"), with_new(3, "乙局")]
    assert gxgk.validate_aggregate(parent, children) == []
    findings = gxgk.validate_aggregate(with_new(6, "县政府"), children)
    assert {f.code for f in findings} == {"A1"}
    assert all(f.severity is WARNING for f in findings)
    assert {(f.cells[0].row, f.cells[0].column) for f in findings} == {
        (label, column) for label in (NEW, GRANTED, TOTAL) for column in ("自然人", "总计")}
    first = findings[0]
    assert (first.expected, first.actual) == (5, 6)
    assert {c.organ for c in first.cells} == {"县政府", "甲局", "乙局"}
    [missing] = gxgk.validate_aggregate(parent, [children[0], None])
    assert missing.code == "A1-missing" and missing.severity is INFO


# ---- The registry and the records ------------------------------------------


def test_registry_rules_are_documented_and_codes_start_with_their_id() -> None:
    ids = [rule.id for rule in gxgk.RULES]
    assert len(ids) == len(set(ids))
    assert ids[:6] == ["H1", "H2", "H3", "H4", "H5", "H6"]
    for rule in gxgk.RULES:
        assert all(code == rule.id or code.startswith(f"{rule.id}-") for code in rule.codes)
        assert rule.formula and rule.source and rule.unassessable and rule.title_zh
        assert rule.check.__doc__
        assert (rule.severity is ERROR) == rule.id.startswith("H")
    assert [rule.id for rule in gxgk.RULES if rule.needs_previous] == ["X1", "X2", "X3", "X4"]
    table = rules_markdown()
    assert all(f"| {rule_id} |" in table for rule_id in ids)


def test_findings_records_are_tidy_rows() -> None:
    report = make(appeals=appeals([10, 1, 0, 0, 0]))
    records = gxgk.findings_records(gxgk.validate(report))
    assert len(records) == 5
    assert {r.code for r in records} == {"H4"}
    row = records[0]
    assert (row.section, row.row, row.column, row.value, row.expected, row.actual, row.difference) == (
        4, "行政复议", "总计", 0, 11, 0, -11)
    assert (row.year, row.organ, row.severity, row.rule) == (2021, "垫江县司法局", "error", "H4")
    assert row._asdict()["message_zh"].startswith("四、行政复议")


def test_validation_never_changes_the_report() -> None:
    report = make(appeals=appeals([10, 1, 0, 0, 0]))
    copy = attrs.evolve(report)
    gxgk.validate(report, blank_as_zero=True)
    assert report == copy
