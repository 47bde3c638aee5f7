"""Issue 18: metadata, fragments and mangled text as real pages bring them.

Every input is written here for the test (no page text is copied): a year the title does not
give, titles on two lines or with a site's name, fragments and forms, converters' words,
pinyin glosses and form instructions inside labels.
"""

from __future__ import annotations

import pytest

import gxgk

_SECTION_4 = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n"
              "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
              "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
              "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 |\n")


def year_of(text: str) -> tuple[int | None, list[str]]:
    report = gxgk.parse(text)
    return report.meta.year, [d.message for d in report.diagnostics if d.code == "P-year"]


@pytest.mark.parametrize(("text", "year", "source"), [
    ("一、总体情况\n2021年，本局坚持公开为常态、不公开为例外。\n", 2021, "the year the overview opens with"),
    ("本报告所列数据统计期限为2021年1月1日至12月31日。\n一、总体情况\n正文。\n", 2021, "the statistics period"),
    ("本报告所列数据统计期限为20211月1日至12月31日。\n一、总体情况\n正文。\n", 2021, "the statistics period"),
    ("一、总体情况\n根据2019年修订的《条例》要求，2022年，本局认真落实。\n", 2022, "the year the overview opens with"),
])
def test_the_year_comes_from_the_body_when_the_title_has_none(text: str, year: int, source: str) -> None:
    found, notes = year_of(text)
    assert found == year
    assert notes and source in notes[0]


def test_a_title_year_wins_over_the_body() -> None:
    found, notes = year_of("某某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2021年，本县认真落实。\n")
    assert (found, notes) == (2022, [])


@pytest.mark.parametrize(("text", "title"), [
    ("某某市人民政府办公室\n2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n",
     "某某市人民政府办公室2023年政府信息公开工作年度报告"),
    ("某某县某某局2023年政府信息公开工作年度报告-某某县某某局\n一、总体情况\n正文。\n",
     "某某县某某局2023年政府信息公开工作年度报告"),
    ("某某市2023年政府信息公开工作年度报告_某某市人民政府网\n一、总体情况\n正文。\n",
     "某某市2023年政府信息公开工作年度报告"),
    ("Page3-某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "某某局2023年政府信息公开工作年度报告"),
    ("某某局皇冠娱乐2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n",
     "某某局皇冠娱乐2023年政府信息公开工作年度报告"),
])
def test_titles_as_pages_print_them(text: str, title: str) -> None:
    assert gxgk.parse(text).meta.title == title


def test_the_organ_from_the_first_sentence_when_the_title_names_none() -> None:
    named = gxgk.parse("2023年政府信息公开工作年度报告\n一、总体情况\n2023年，某某县司法局坚持依法公开。\n")
    assert named.meta.organ == "某某县司法局"
    ours = gxgk.parse("2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局坚持依法公开。\n")
    assert ours.meta.organ is None


def test_a_report_whose_tables_were_images_is_on_its_years_template() -> None:
    text = ("某某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2022年，本县认真落实。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "五、存在的主要问题及改进情况\n无。\n")
    report = gxgk.parse(text)
    assert report.template is gxgk.Template.V2021
    notes = [d for d in report.diagnostics if d.code == "P-template"]
    assert notes and notes[0].severity is gxgk.Severity.WARNING


def test_a_fragment_holding_only_section_4_is_read() -> None:
    for text in (_SECTION_4, "某某区2020年政府信息公开工作年度报告\n" + _SECTION_4):
        report = gxgk.parse(text)
        assert report.template is not gxgk.Template.NONE
        assert report.appeals is not None
        assert [block.values for block in report.appeals.blocks] == [(2, 1, 0, 0, 3), (1, 0, 0, 1, 2), (0,) * 5]
    assert gxgk.parse("某某区2020年政府信息公开工作年度报告\n" + _SECTION_4).template is gxgk.Template.V2019


def test_a_blank_form_or_the_notice_that_issues_the_template_is_not_a_report() -> None:
    form = ("关于印发政府信息公开工作年度报告格式的通知\n二、主动公开政府信息情况\n第二十条第（一）项 |\n"
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 |  |  |  |\n行政规范性文件 |  |  |  |\n"
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |  |  |  |  |  |  |  |\n"
            "（七）总计 |  |  |  |  |  |  |  |\n")
    report = gxgk.parse(form)
    assert report.template is gxgk.Template.NONE
    assert report.disclosure is None and report.requests is None
    assert any(d.code == "P-not-a-report" and "no values" in d.message for d in report.diagnostics)


def _disclosure_2021(rows: str) -> gxgk.Report:
    return gxgk.parse("某某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项 |\n"
                      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n" + rows)


def test_converter_words_and_glosses_are_folded_before_matching() -> None:
    report = _disclosure_2021("規章 | 1 | 0 | 5 |\n行政規範性檔案 | 2 | 1 | 9 |\n")
    assert report.disclosure is not None and report.disclosure.normative_documents.values == (2, 1, 9)
    glossed = _disclosure_2021("规(guī)章(zhāng) | 1 | 0 | 5 |\n")
    assert glossed.disclosure is not None and glossed.disclosure.rules.values == (1, 0, 5)


def test_a_number_in_a_labels_instruction_is_not_a_value() -> None:
    report = _disclosure_2021("规章（填写减少数，如-3） | 1 | 0 | 5 |\n")
    assert report.disclosure is not None and report.disclosure.rules.values == (1, 0, 5)
    cell = report.disclosure.rules.cells[0]
    assert cell.source is not None and cell.source.raw == "1"


def test_misprinted_item_headings_and_shortened_headers_are_read() -> None:
    text = ("某某县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项 |\n"
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 公开总数量 |\n规章 | 1 | 1 | 5 |\n"
            "第二十条第(五项) |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数 |\n行政许可 | 10 | -2 | 30 |\n")
    report = gxgk.parse(text)
    assert report.template is gxgk.Template.V2019 and report.disclosure is not None
    assert report.disclosure.rules.values == (1, 1, 5)
    assert report.disclosure.licensing.values == (10, -2, 30)


def test_every_field_of_the_page_block_reaches_the_meta() -> None:
    """The 索引号 / 文号 / 发布机构 / dates / 原文链接 block, each field to its own attribute."""
    meta = gxgk.parse("索引号：11-2023-001\n文号：某政办〔2024〕1号\n发布机构：某某县人民政府办公室\n"
                      "成文日期：2024-01-10\n发布日期：2024-01-15\n原文链接：http://www.example.gov.cn/a.html\n"
                      "某某县2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n").meta
    assert (meta.index_number, meta.document_number, meta.publisher) == (
        "11-2023-001", "某政办〔2024〕1号", "某某县人民政府办公室")
    assert (str(meta.written_date), str(meta.published_date)) == ("2024-01-10", "2024-01-15")
    assert meta.url == "http://www.example.gov.cn/a.html"
