"""Which printed row and column a number belongs to, where position alone would guess.

Session 6's adversarial review found each of these returning numbers under the
wrong row or column with no diagnostic.  The inputs are written by hand in the
scaffold of :mod:`tests.test_never_wrong` (not by ``gxgk.render``).
"""

from __future__ import annotations

from decimal import Decimal

import gxgk

from .test_never_wrong import _REQUEST_LABELS, _SECTION_2, _SECTION_4, MATRIX, named, report

_NEW = "一、本年新收政府信息公开申请数量"
_NEW_ROW = f"{_NEW} | " + " | ".join(map(str, MATRIX[0])) + " |"


def _requests_page(header: str, rows: list[str]) -> str:
    """A 2021 page with only section 三: its header lines and rows as given."""
    return ("某某县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + header + "\n"
            + "\n".join(rows) + "\n")


def test_a_row_printed_twice_with_different_numbers_is_blank_and_named() -> None:
    stray = f"{_NEW} | 1 | 1 | 1 | 1 | 1 | 1 | 6 |"
    for rows in (f"{stray}\n{_NEW_ROW}", f"{_NEW_ROW}\n{stray}"):
        text = report().replace(_NEW_ROW, rows)
        parsed = gxgk.parse(text)
        assert parsed.requests is not None
        assert parsed.requests.row(_NEW).values == (None,) * 7
        assert named(parsed, 3, _NEW, "总计")
        assert any(d.code == "P-row-duplicate" and "[1 1 1 1 1 1 6]" in d.message for d in parsed.diagnostics)
        # the other rows are read as printed
        assert parsed.requests.row("（七）总计").values == tuple(MATRIX[-2])


def test_a_row_printed_twice_with_the_same_numbers_is_read() -> None:
    parsed = gxgk.parse(report().replace(_NEW_ROW, f"{_NEW_ROW}\n{_NEW_ROW}"))
    assert parsed.requests is not None and parsed.requests.row(_NEW).values == tuple(MATRIX[0])
    assert not any(d.code == "P-row-duplicate" for d in parsed.diagnostics)


def test_a_sentence_naming_a_row_before_the_table_does_not_blank_it() -> None:
    """The overview names 行政事业性收费 with an amount; the table's row, after 行政规范性文件, is read."""
    text = report().replace("本县认真贯彻落实条例。", "本县认真贯彻落实条例，收取行政事业性收费 3.5万元")
    parsed = gxgk.parse(text.replace("二、主动公开政府信息情况\n", ""))  # no heading: the whole text is searched
    assert parsed.disclosure is not None
    assert parsed.disclosure.fees.values == (Decimal("2.5"),)
    assert not any(d.code == "P-row-duplicate" for d in parsed.diagnostics)


_SECTION_2_2019 = """二、主动公开政府信息情况
第二十条第（一）项 |
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
规章 | 0 | 0 | 3 |
规范性文件 | 2 | 2 | 15 |
第二十条第（五）项 |
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 41 | 减37 | 16123 |
其他对外管理服务事项 | 693 | 0 | 693 |
第二十条第（九）项 |
信息内容 | 采购项目数量 | 采购总金额（万元） |
政府集中采购 | 158 | 19379.18 |
"""


def _report_2019(section_2: str = _SECTION_2_2019) -> gxgk.Report:
    return gxgk.parse(f"某某县2019年政府信息公开工作年度报告\n一、总体情况\n2019年，本县认真贯彻落实条例。\n{section_2}"
                      "五、存在的主要问题及改进情况\n工作仍有不足。\n")


def test_the_2019_scaffold_reads_exactly() -> None:
    parsed = _report_2019()
    assert parsed.template is gxgk.Template.V2019 and isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.normative_documents.values == (2, 2, 15)
    assert parsed.disclosure.licensing.values == (41, -37, 16123)
    assert parsed.disclosure.procurement.values == (158, Decimal("19379.18"))


def test_section_2_columns_follow_their_header() -> None:
    """The review: values were taken by template position whatever the header printed."""
    moved = (_SECTION_2_2019
             .replace("本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
                      "对外公开总数量 | 本年新制作数量 | 本年新公开数量 |")
             .replace("规范性文件 | 2 | 2 | 15 |", "规范性文件 | 15 | 2 | 2 |")
             .replace("规章 | 0 | 0 | 3 |", "规章 | 3 | 0 | 0 |")
             .replace("上一年项目数量 | 本年增/减 | 处理决定数量 |", "处理决定数量 | 上一年项目数量 | 本年增/减 |")
             .replace("行政许可 | 41 | 减37 | 16123 |", "行政许可 | 16123 | 41 | 减37 |")
             .replace("其他对外管理服务事项 | 693 | 0 | 693 |", "其他对外管理服务事项 | 693 | 693 | 0 |")
             .replace("采购项目数量 | 采购总金额（万元） |", "采购总金额（万元） | 采购项目数量 |")
             .replace("政府集中采购 | 158 | 19379.18 |", "政府集中采购 | 19379.18 | 158 |"))
    parsed = _report_2019(moved)
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.rules.values == (0, 0, 3)
    assert parsed.disclosure.normative_documents.values == (2, 2, 15)
    assert parsed.disclosure.licensing.values == (41, -37, 16123)
    assert parsed.disclosure.other_services.values == (693, 0, 693)
    assert parsed.disclosure.procurement.values == (158, Decimal("19379.18"))
    assert sum(d.code == "P-header-order" for d in parsed.diagnostics) == 3


def test_a_2021_section_2_header_in_another_order_is_followed() -> None:
    section_2 = (_SECTION_2.replace("本年制发件数 | 本年废止件数 | 现行有效件数 |",
                                    "现行有效件数 | 本年制发件数 | 本年废止件数 |")
                 .replace("规章 | 1 | 0 | 11 |", "规章 | 11 | 1 | 0 |"))
    parsed = gxgk.parse(report(section_2=section_2))
    assert parsed.disclosure is not None and parsed.disclosure.rules.values == (1, 0, 11)


def _licensing_under(header: str) -> gxgk.Report:
    """The 2019 scaffold with item (五)'s header printed as ``header``; its rows must come back blank."""
    parsed = _report_2019(_SECTION_2_2019.replace("信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |", header))
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.licensing.values == (None, None, None)
    return parsed


def test_a_section_2_header_that_contradicts_the_template_without_naming_every_column_is_blank() -> None:
    parsed = _licensing_under("信息内容 | 处理决定数量 | 上一年项目数量 | 变化 |")
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.other_services.values == (None, None, None)
    assert named(parsed, 2, "行政许可", "处理决定数量") and named(parsed, 2, "其他对外管理服务事项", "本年增/减")
    assert parsed.disclosure.procurement.values == (158, Decimal("19379.18"))  # other items are read


def test_a_section_2_header_that_names_some_columns_in_template_order_is_read_by_position() -> None:
    section_2 = _SECTION_2_2019.replace("上一年项目数量 | 本年增/减 | 处理决定数量 |", "上一年项目数量 | 本年 | 处理 |")
    parsed = _report_2019(section_2)
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.licensing.values == (41, -37, 16123)


_SWAPPED = (0, 1, 2, 3, 5, 4, 6)  # 其他 printed before 法律服务机构
_TOP = "自然人 | 法人或其他组织 | 总计 |\n"


def _blank_and_named(parsed: gxgk.Report) -> bool:
    return (parsed.requests is not None and all(value is None for row in parsed.requests.rows for value in row.values)
            and named(parsed, 3, "三、本年度办理结果 / （一）予以公开", "其他")
            and any(d.code == "P-header" for d in parsed.diagnostics))


def test_a_header_that_names_some_columns_where_the_template_has_others_leaves_the_table_blank() -> None:
    """The review: a sub-header with a lost, wrapped or shortened name was read in template order."""
    for sub in ("商业企业 | 科研机构 | 社会公益组织 | 其他 |  |",
                "商业 | 科研 | 社会公 | 其他 | 法律服 |\n企业 | 机构 | 益组织 |  | 务机构 |",
                "企业 | 科研 | 公益组织 | 其他 | 法律机构 |"):
        assert _blank_and_named(gxgk.parse(report(header=_TOP + sub, order=_SWAPPED))), sub


def test_the_same_damaged_headers_in_template_order_are_read() -> None:
    for sub in ("商业企业 | 科研机构 | 社会公益组织 |  | 其他 |",
                "商业 | 科研 | 社会公 | 法律服 | 其他 |\n企业 | 机构 | 益组织 | 务机构 |  |",
                "企业 | 科研 | 公益组织 | 法律机构 | 其他 |"):
        parsed = gxgk.parse(report(header=_TOP + sub))
        assert parsed.requests is not None, sub
        assert [row.values for row in parsed.requests.rows] == [tuple(row) for row in MATRIX], sub


def test_a_group_printed_in_other_words_is_the_group() -> None:
    header = "自然人 | 法人和其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其它 |"
    parsed = gxgk.parse(report(header=header))
    assert parsed.requests is not None
    assert [row.values for row in parsed.requests.rows] == [tuple(row) for row in MATRIX]


def test_a_table_without_header_whose_rows_add_up_in_no_row_is_blank() -> None:
    """The review: 总计 printed first, no header; every row broke H3 read in template order."""
    parsed = gxgk.parse(report(header="", order=(6, 0, 1, 2, 3, 4, 5)))
    assert _blank_and_named(parsed)
    assert any("H3" in d.message for d in parsed.diagnostics if d.code == "P-header")
    plain = gxgk.parse(report(header=""))
    assert plain.requests is not None
    assert [row.values for row in plain.requests.rows] == [tuple(row) for row in MATRIX]


_RESULTS_HEADER = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"


def _section_4(results: str, values: str) -> str:
    return (f"行政复议 | 行政诉讼 |\n{results} 未经复议直接起诉 | 复议后起诉 |\n{results} {results}\n{values}")


def test_section_4_results_in_another_order_and_spelling_are_followed() -> None:
    results = "结果纠正 | 结果维持 | 其它结果 | 尚未审结 | 总计 |"
    values = "1 | 5 | 0 | 2 | 8 | 0 | 3 | 1 | 0 | 4 | 1 | 1 | 0 | 0 | 2 |"
    parsed = gxgk.parse(report(section_4=_section_4(results, values)))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(5, 1, 0, 2, 8), (3, 0, 1, 0, 4), (1, 1, 0, 0, 2)]


def test_section_4_results_named_partly_out_of_order_are_blank() -> None:
    results = "结果纠正 | 结果维持 | 其余结果 | 尚未审结 | 总计 |"  # 其余结果: a name gxgk does not know
    values = "1 | 5 | 0 | 2 | 8 | 0 | 3 | 1 | 0 | 4 | 1 | 1 | 0 | 0 | 2 |"
    parsed = gxgk.parse(report(section_4=_section_4(results, values)))
    assert parsed.appeals is not None and all(v is None for block in parsed.appeals.blocks for v in block.values)
    assert any(d.code == "P-header" for d in parsed.diagnostics)


def test_section_2_columns_of_the_other_template_are_not_read_as_this_ones() -> None:
    """A 2021 report that copied the 2019 section 二: 新制作/新公开/对外公开总数 are not 制发/废止/现行有效."""
    section_2 = _SECTION_2.replace("本年制发件数 | 本年废止件数 | 现行有效件数 |",
                                   "本年新制作数量 | 本年新公开数量 | 对外公开总数量 |")
    parsed = gxgk.parse(report(section_2=section_2))
    assert parsed.template is gxgk.Template.V2021 and parsed.disclosure is not None
    assert parsed.disclosure.rules.values == (None, None, None)
    assert parsed.disclosure.normative_documents.values == (None, None, None)
    assert named(parsed, 2, "规章", "本年制发件数")
    assert any(d.code == "P-header" and "another template" in d.message for d in parsed.diagnostics)
    assert parsed.disclosure.fees.values == (Decimal("2.5"),)  # the item whose header is the template's is read


def test_rows_only_the_other_template_has_are_said_not_dropped_silently() -> None:
    """A 2021 section 三 read as 2019 (its section 二 and year are 2019's): the （六） sub-rows are named."""
    text = report().replace("2021年", "2020年")
    text = text[: text.index("二、主动公开")] + _SECTION_2_2019 + text[text.index("三、收到"):]
    parsed = gxgk.parse(text)
    assert parsed.template is gxgk.Template.V2019
    notes = [d for d in parsed.diagnostics if d.code == "P-row-other-template"]
    assert len(notes) == 1 and "1.申请人无正当理由逾期不补正" in notes[0].message and "3.其他" in notes[0].message
    assert named(parsed, 3, "三、本年度办理结果 / （六）其他处理", "总计")


def test_words_of_an_item_title_or_a_sentence_above_are_not_its_header() -> None:
    """Review 2: a title naming 处理决定 or 金额, or a sentence naming 废止 and 现行有效, reordered the columns."""
    titled = (_SECTION_2_2019.replace("第二十条第（五）项 |",
                                      "第二十条第（五）项 行政许可和其他对外管理服务事项处理决定情况 |")
              .replace("第二十条第（九）项 |", "第二十条第（九）项 政府集中采购项目及金额 |"))
    parsed = _report_2019(titled)
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.licensing.values == (41, -37, 16123)
    assert parsed.disclosure.other_services.values == (693, 0, 693)
    assert parsed.disclosure.procurement.values == (158, Decimal("19379.18"))
    sentence = "本机关及时清理废止不适应的行政规范性文件，并公开现行有效文件目录。\n"
    parsed = gxgk.parse(report(section_2=sentence + _SECTION_2))
    assert parsed.disclosure is not None and parsed.disclosure.rules.values == (1, 0, 11)


def test_a_header_word_of_one_column_inside_another_is_not_it() -> None:
    """Review 2: 对外公开数量 (the total) was read as 新公开 (its 公开数量)."""
    section_2 = (_SECTION_2_2019.replace("本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
                                         "新制作 | 对外公开数量 | 新公开 |")
                 .replace("规章 | 0 | 0 | 3 |", "规章 | 0 | 3 | 0 |"))
    parsed = _report_2019(section_2)
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019) and parsed.disclosure.rules.values == (0, 0, 3)


def test_a_sentence_between_section_4s_heading_and_table_is_not_its_header() -> None:
    """Review 2: '本年度未发生政府信息公开行政诉讼案件。' put the suit blocks first."""
    parsed = gxgk.parse(report(section_4="本年度未发生政府信息公开行政诉讼案件。\n" + _SECTION_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(5, 1, 0, 2, 8), (3, 0, 1, 0, 4), (1, 1, 0, 0, 2)]


def test_an_html_header_with_an_empty_sub_header_cell_is_read_in_template_order() -> None:
    """Review 2: the HTML converter writes a header row's non-empty cells only; they cannot be placed."""
    sub = "".join(f"<td>{name}</td>" for name in ("商业企业", "科研机构", "", "法律服务机构", "其他"))
    body = "".join(f"<tr><td>{label.split(' | ')[-1]}</td>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>"
                   for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True))
    html = ("<html><body><p>某某县人民政府2021年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
            "<table><tr><td rowspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
            "<td colspan='7'>申请人情况</td></tr><tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td>"
            f"<td rowspan='2'>总计</td></tr><tr>{sub}</tr>{body}</table></body></html>")
    parsed = gxgk.parse(html.encode())
    assert parsed.requests is not None
    assert [row.values for row in parsed.requests.rows] == [tuple(row) for row in MATRIX]


def test_a_table_whose_only_row_is_a_band_does_not_raise() -> None:
    """Review 2: every claimed row dropped as a band of two left nothing to take the header from."""
    text = ("某某县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "4.保护第三方合法权益5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    parsed = gxgk.parse(text)
    assert any(d.code == "P-row-band" for d in parsed.diagnostics)


def _width(text: str) -> int:
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _fixed(cells: list[str], label: int = 90, cell: int = 10) -> str:
    """One fixed-width line, as pdftotext -layout prints a table: the label column, then columns of ``cell``."""
    line = cells[0] + " " * (label - _width(cells[0]))
    for text in cells[1:]:
        line += text + " " * (cell - _width(text))
    return line.rstrip()


def _fixed_requests(header: list[list[str]], order: tuple[int, ...], cell: int = 10) -> str:
    rows = [_fixed([label.split(" | ")[-1], *(str(row[i]) for i in order)], cell=cell)
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    return ("某某县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            + _fixed(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"])
            + "\n"
            + "\n".join(_fixed(["", *line], cell=cell) for line in header) + "\n" + "\n".join(rows) + "\n")


def test_a_fixed_width_header_whose_names_stand_on_several_lines_is_not_followed_where_it_moves_columns() -> None:
    """pdftotext prints wrapped header cells on the lines below; read line by line, this header seems to print
    其他 before 法律服务机构, and it does, but a line-by-line reading cannot know: blank, named, never guessed."""
    header = [["", "", "", "法人或其他组织"],
              ["自然人", "商业", "科研", "社会公", "其他", "法律服", "总计"],
              ["", "企业", "机构", "益组织", "", "务机构"]]
    parsed = gxgk.parse(_fixed_requests(header, _SWAPPED))
    assert _blank_and_named(parsed)


def test_a_fixed_width_header_whose_names_stand_on_one_line_is_followed() -> None:
    """Review 3: a crawler's header, cells two spaces apart and values further right, read exactly."""
    header = [["", "", "", "法人或其他组织"],
              ["自然人", "商业企业", "科研机构", "社会公益组织", "其他", "法律服务机构", "总计"]]
    parsed = gxgk.parse(_fixed_requests(header, _SWAPPED, cell=14))
    assert parsed.requests is not None
    assert [row.values for row in parsed.requests.rows] == [tuple(row) for row in MATRIX]


def test_a_wrapped_fixed_width_section_2_header_over_bordered_rows_is_not_followed() -> None:
    """Review 2: read line by line, its names seemed to put 处理决定数量 second."""
    parsed = _licensing_under("信息内容  上一年项目  处理决定\n          数量   本年增/减   数量")
    assert named(parsed, 2, "行政许可", "本年增/减")


def test_a_fixed_width_section_2_header_with_its_names_on_one_line_is_followed() -> None:
    """Review 3: the names on the first line, their wrapped 数量 below, values further right."""
    item = "\n".join([
        _fixed(["第二十条第（五）项"], 20), _fixed(["信息内容", "处理决定", "上一年项目", "本年增/减"], 20, 14),
        _fixed(["", "数量", "数量"], 20, 14),
        _fixed(["行政许可", "16123", "41", "减37"], 20, 14),
        _fixed(["其他对外管理服务事项", "693", "693", "0"], 20, 14)])
    start, end = _SECTION_2_2019.index("第二十条第（五）项"), _SECTION_2_2019.index("第二十条第（九）项")
    parsed = _report_2019(_SECTION_2_2019[:start] + item + "\n" + _SECTION_2_2019[end:])
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.licensing.values == (41, -37, 16123)
    assert parsed.disclosure.other_services.values == (693, 0, 693)


def test_a_narrow_fixed_width_section_2_header_centred_around_its_label_is_not_read_by_position() -> None:
    """Review 3: 信息内容 centred on the header's second line; read after it, the header named nothing, and the
    values were read by template position (处理决定数量 printed first)."""
    item = ("第二十条第（五）项\n"
            "                      处理决  本年增  上一年\n"
            "信息内容              定数量   /减    项目数\n"
            "                                        量\n"
            "行政许可               16123    减37      41\n"
            "其他对外管理服务事项     693       0     693\n")
    start, end = _SECTION_2_2019.index("第二十条第（五）项"), _SECTION_2_2019.index("第二十条第（九）项")
    parsed = _report_2019(_SECTION_2_2019[:start] + item + _SECTION_2_2019[end:])
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.licensing.values == (None, None, None)
    assert parsed.disclosure.other_services.values == (None, None, None)
    assert named(parsed, 2, "行政许可", "处理决定数量")


def test_full_width_text_on_a_fixed_width_header_line_does_not_shift_its_cells() -> None:
    """Review 3: the caption's full-width （：，） take two columns on the page, one once normalised; cells are
    placed by the printed widths, so a wrapped header that moves columns is caught (blank), not read by position."""
    header = [["", "", "", "法人或其他组织"],
              ["自然人", "商业", "科研", "社会公", "其他", "法律服", "总计"],
              ["", "企业", "机构", "益组织", "", "务机构"]]
    text = _fixed_requests(header, _SWAPPED)
    lines = text.split("\n")
    caption = "（本列数据：第一、二项）"  # full-width, on the line of the names, in the label column
    names = next(i for i, line in enumerate(lines) if "自然人" in line)
    lines[names] = caption + lines[names][_width(caption):]
    assert _blank_and_named(gxgk.parse("\n".join(lines)))


def test_a_section_2_header_with_an_empty_cell_is_read_whole() -> None:
    """Review 4: an empty cell in a bordered header line (a blank corner) hid the words before it, so the item
    was read by position; and a header that lost a name read the others in template order."""
    corner = _SECTION_2.replace("信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
                                "| | 本年废止件数 | 本年制发件数 | 现行有效件数 |")
    corner = corner.replace("规章 | 1 | 0 | 11 |", "规章 | 0 | 1 | 11 |").replace("行政规范性文件 | 3 | 2 | 40 |",
                                                                              "行政规范性文件 | 2 | 3 | 40 |")
    parsed = gxgk.parse(report(section_2=corner))
    assert parsed.disclosure is not None
    assert parsed.disclosure.rules.values == (1, 0, 11) and parsed.disclosure.normative_documents.values == (3, 2, 40)
    lost = _SECTION_2.replace("本年制发件数 | 本年废止件数 | 现行有效件数 |", "本年废止件数 |  | 现行有效件数 |")
    parsed = gxgk.parse(report(section_2=lost.replace("规章 | 1 | 0 | 11 |", "规章 | 0 | 1 | 11 |")))
    assert parsed.disclosure is not None and parsed.disclosure.rules.values == (None, None, None)
    assert named(parsed, 2, "规章", "本年制发件数")


def test_a_header_row_of_padding_cells_is_not_the_tables_first_row() -> None:
    """Review 4: '| 自然人 | 总计 |' followed by empty padding cells claimed （七）总计, and its label was taken for
    the header; 自然人 printed after the group was then read by position."""
    header = ("| 项目 | 法人或其他组织 |  |  |  |  | 自然人 | 总计 |\n"
              "|  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |  |")
    parsed = gxgk.parse(report(header=header, order=(1, 2, 3, 4, 5, 0, 6)))
    assert parsed.requests is not None
    assert [row.values for row in parsed.requests.rows] == [tuple(row) for row in MATRIX]


def test_section_4_read_in_an_assumed_order_where_every_blocks_total_fails_is_blank() -> None:
    """Review 4: a lost first result name made the header's runs read as a rotation; H4 then fails in every
    block, so the values do not stand where they were read."""
    results = "/ | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"
    section_4 = _SECTION_4.replace("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", results, 1)
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert all(value is None for block in parsed.appeals.blocks for value in block.values)
    assert any(d.code == "P-header" for d in parsed.diagnostics)


def test_a_label_spanning_two_cells_before_trailing_blanks_does_not_shift_the_row() -> None:
    """Review 4: '| （七）总计 |  | 72 | … | 60 |  |  |' in a padded table read the label's empty second cell as
    自然人 and shifted every value one column right.  The row reads two ways (an empty label cell first, or
    自然人 blank and padding last).  The table's other rows put their spare cell first, but the reading on
    that side leaves 总计 blank, so H3 cannot confirm it (review 5: one row unlike the others would be read
    wrong): blank, named."""
    rows = [f"| {label.split(' | ')[-1]} |  | " + " | ".join(map(str, row)) + " |"
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    total = len(_REQUEST_LABELS) - 2
    rows[total] = "| （七）总计 |  | 72 | 87 | 70 | 91 | 60 |  |  |"
    header = "| 项目 |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"
    parsed = gxgk.parse(_requests_page(header, rows))
    assert parsed.requests is not None
    assert parsed.requests.row("（七）总计").values == (None,) * 7
    assert named(parsed, 3, "三、本年度办理结果 / （七）总计", "自然人")
    assert parsed.requests.row(_NEW).values == tuple(MATRIX[0])


def test_a_row_that_reads_two_ways_is_read_as_the_other_rows_when_its_total_confirms_it() -> None:
    """A padded table (every row a spare cell last) and a row whose 自然人 is blank: '| 二、… |  | 0 | … | 1 |  |'
    drops its last cell as the others do, and 总计 = the six (a blank as 0) confirms the reading; a row whose
    total does not add up on that side is blank."""
    rows = [f"| {label.split(' | ')[-1]} | " + " | ".join(map(str, row)) + " |  |"
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    new = [0, *MATRIX[0][1:6]]
    rows[0] = f"| {_NEW} |  | " + " | ".join(map(str, [*new[1:], sum(new)])) + " |  |"
    header = "| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |  |"
    parsed = gxgk.parse(_requests_page(header, rows))
    assert parsed.requests is not None
    assert parsed.requests.row(_NEW).values == (None, *new[1:], sum(new))
    rows[0] = rows[0].replace(f"| {sum(new)} |  |", f"| {sum(new) + 5} |  |")
    parsed = gxgk.parse(_requests_page(header, rows))
    assert parsed.requests is not None
    assert parsed.requests.row(_NEW).values == (None,) * 7


def test_an_items_header_is_read_when_its_first_row_is_blank() -> None:
    """Review 4: 规章 could not be read (a blank printed as spaces), so the item's first read row was
    行政规范性文件, whose label holds no header: it was read in template order under a moved header."""
    item = ("第二十条第（一）项\n"
            "                信息内容                    现行有效件数    本年制发件数    本年废止件数\n"
            "规章                                                  16                             605\n"
            "行政规范性文件                                        57             893             677\n")
    section_2 = item + _SECTION_2[_SECTION_2.index("第二十条第（八）项"):]
    parsed = gxgk.parse(report(section_2=section_2))
    assert parsed.disclosure is not None
    assert parsed.disclosure.normative_documents.values == (893, 677, 57)
    assert parsed.disclosure.rules.values in ((None, None, None), (None, 605, 16))


def test_a_section_4_header_padded_with_empty_cells_is_read_whole() -> None:
    """Review 4: empty cells after each block name (a colspan written out) cut the label, so the block names
    were lost and the blocks read in template order; 行政诉讼 was printed first."""
    results = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    section_4 = ("| 行政诉讼 |" + "  |" * 9 + " 行政复议 |" + "  |" * 4 + "\n"
                 "| 未经复议直接起诉 |" + "  |" * 4 + " 复议后起诉 |" + "  |" * 9 + "\n"
                 f"| {results} |\n| 3 | 0 | 1 | 0 | 4 | 1 | 1 | 0 | 0 | 2 | 5 | 1 | 0 | 2 | 8 |")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(5, 1, 0, 2, 8), (3, 0, 1, 0, 4), (1, 1, 0, 0, 2)]


def test_a_section_4_row_with_a_blank_cell_at_each_edge_is_blank() -> None:
    """Review 4: '|  | 1 | … | 13 |  |' under a complete header read the empty first cell as the first result
    and shifted every value one column right.  The empty first cell may be the row's (blank) label cell, or
    the first value printed blank in a row without a label cell: which cannot be known."""
    results = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    header = f"| 项目 | 行政复议 | 行政诉讼 |\n| 未经复议直接起诉 | 复议后起诉 |\n| {results} |\n"
    values = "1 | 2 | 3 | 4 | 10 | 5 | 6 | 7 | 8 | 26 | 9 | 11 | 12 | 13"
    parsed = gxgk.parse(report(section_4=header + f"|  | {values} |  |\n"))
    assert parsed.appeals is not None
    assert all(value is None for block in parsed.appeals.blocks for value in block.values)
    assert named(parsed, 4, "行政复议", "结果维持")
    # a blank printed as "/" is a cell, so the row fits as printed
    parsed = gxgk.parse(report(section_4=header + f"|  | {values} | / |\n"))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(1, 2, 3, 4, 10), (5, 6, 7, 8, 26),
                                                                 (9, 11, 12, 13, None)]


def test_a_pipe_row_without_its_closing_border_and_a_blank_last_cell_is_not_shifted() -> None:
    """A table printed '| a | b' (no closing border) writes a blank last cell as a trailing '| ': the line's
    opening '|' was read as a blank first cell, and every value moved one column right."""
    results = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    section_4 = (f"| 行政复议 | 行政诉讼\n| 未经复议直接起诉 | 复议后起诉\n| {results}\n"
                 "| 6 | 2 | 5 | 8 | 21 | 5 | 1 | 6 | 5 | 17 | 1 | 9 | 8 | 7 | \n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] in (
        [(6, 2, 5, 8, 21), (5, 1, 6, 5, 17), (1, 9, 8, 7, None)], [(None,) * 5] * 3)
    assert parsed.appeals.review.upheld.value in (6, None)


def test_a_tab_row_whose_label_spans_two_cells_and_whose_total_is_blank_is_blank() -> None:
    """'label<TAB><TAB>79<TAB>…<TAB>68<TAB>': the empty cell after the label is the label's second cell, or
    自然人 printed blank; the trailing tab is 总计 printed blank, or nothing.  The other rows' label cells
    point one way, but 总计 would be blank there and cannot confirm it: blank, named."""
    rows = [f"{label.split(' | ')[-1]}\t\t" + "\t".join(map(str, row)) for label, row in
            zip(_REQUEST_LABELS, MATRIX, strict=True)]
    rows[0] = f"{_NEW}\t\t" + "\t".join(map(str, MATRIX[0][:6])) + "\t"
    header = "\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"
    parsed = gxgk.parse(_requests_page(header, rows))
    assert parsed.requests is not None
    assert parsed.requests.row(_NEW).values == (None,) * 7
    assert named(parsed, 3, _NEW, "自然人")
    assert parsed.requests.row("二、上年结转政府信息公开申请数量").values == tuple(MATRIX[1])


def test_a_table_flattened_to_one_line_reads_its_rows_between_the_joints() -> None:
    """On a page flattened to one line, '| 124 | | 四、…' is the joint between two rows, not a blank cell."""
    rows = [f"| {label.split(' | ')[-1]} |  | " + " | ".join(map(str, row)) + " |"
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    header = "| 项目 |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"
    text = ("某某县人民政府2021年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 " + header + " "
            + " ".join(rows) + " 四、政府信息公开行政复议、行政诉讼情况 本年度未发生行政复议。")
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    assert [list(row.values) for row in parsed.requests] == MATRIX


def test_a_two_level_header_that_lost_its_group_cell_is_blank() -> None:
    """Review 5: '总计 |  | 自然人' over the five legal-person names: without 法人或其他组织 nothing says the five
    stand between 总计 and 自然人 (they were read after 自然人, every column shifted)."""
    header = "总计 |  | 自然人 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"
    parsed = gxgk.parse(report(header=header, order=(6, 1, 2, 3, 4, 5, 0)))
    assert parsed.requests is not None
    assert all(value is None for row in parsed.requests for value in row.values)
    assert named(parsed, 3, _NEW, "总计")
    # in template order, the same header is as ambiguous: the five may follow 总计
    parsed = gxgk.parse(report(header="自然人 |  | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"))
    assert parsed.requests is not None
    assert all(value is None for row in parsed.requests for value in row.values)
    # printed, the group places them wherever the header puts it
    parsed = gxgk.parse(report(header="总计 | 法人或其他组织 | 自然人 |\n" + header.split("\n")[1],
                               order=(6, 1, 2, 3, 4, 5, 0)))
    assert parsed.requests is not None
    assert [list(row.values) for row in parsed.requests] == MATRIX


def test_a_section_4_header_that_lost_its_suits_cell_is_blank() -> None:
    """行政诉讼 lost over '未经复议直接起诉 | 复议后起诉': the two suit blocks may stand after 行政复议 (template)
    or before it, and the names alone cannot say which."""
    results = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    values = "1 | 1 | 0 | 0 | 2 | 5 | 1 | 0 | 2 | 8 | 3 | 0 | 1 | 0 | 4 |"
    section_4 = f" | 行政复议 |\n未经复议直接起诉 | 复议后起诉 |\n{results} |\n{values}"
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert all(value is None for block in parsed.appeals.blocks for value in block.values)
    assert any(d.code == "P-header" for d in parsed.diagnostics)
    parsed = gxgk.parse(report(section_4=section_4.replace(" | 行政复议 |", "行政诉讼 | 行政复议 |")))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(3, 0, 1, 0, 4), (1, 1, 0, 0, 2), (5, 1, 0, 2, 8)]


def test_a_damaged_header_line_with_the_rows_cells_puts_each_name_over_its_column() -> None:
    """Review 5: a tab header whose sub-row lost 科研机构's cell ('\\t\\t\\t商业企业\\t社会公益组织\\t…') names the
    rest in template order, but each stands over another column than the template's: blank, not template."""
    order = (0, 1, 3, 4, 5, 2, 6)
    rows = [f"{label.split(' | ')[-1]}\t\t" + "\t".join(str(row[i]) for i in order)
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    header = "项目\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t\t商业企业\t社会公益组织\t法律服务机构\t其他\t\t"
    text = _requests_page(header, rows)
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    assert all(value is None for row in parsed.requests for value in row.values)
    assert named(parsed, 3, _NEW, "科研机构")


def test_a_section_2_header_line_with_the_rows_cells_puts_each_name_over_its_column() -> None:
    """'|  | 本年新公开数量 |  |  |' over '| 规章 | 485 | 547 | 145 |': the one name stands over the first
    value, where the template has 本年新制作数量: the template order would be a guess."""
    item = ("第二十条第（一）项 |  |  |  |\n|  | 本年新公开数量 |  |  |\n| 规章 | 485 | 547 | 145 |\n"
            "| 规范性文件 | 672 | 492 | 733 |\n")
    section_2 = item + _SECTION_2_2019[_SECTION_2_2019.index("第二十条第（五）项"):]
    parsed = _report_2019(section_2)
    assert parsed.disclosure is not None
    assert parsed.disclosure.rules.values == (None, None, None)
    assert parsed.disclosure.licensing.values != (None, None, None)


def test_a_two_level_header_read_as_rows_out_of_order_is_not_taken_for_a_lost_group() -> None:
    """'法人或其他组织 | 自然人 | 总计' over four of the five names: the group places them first, out of template
    order; the rule for a header that lost its group (each of its two lines in order) does not apply."""
    header = "法人或其他组织 | 自然人 | 总计 |\n商业企业 | 社会公益组织 | 法律服务机构 | 其他 |"
    parsed = gxgk.parse(report(header=header, order=(1, 2, 3, 4, 5, 0, 6)))
    assert parsed.requests is not None
    assert all(value is None for row in parsed.requests for value in row.values)
    assert any(d.code == "P-header" for d in parsed.diagnostics)


def test_a_section_4_header_naming_one_suit_block_over_the_other_blocks_values_is_blank() -> None:
    """Review 5: 未经复议直接起诉 lost, 复议后起诉 printed over the first suit block's values: the suit blocks
    were assumed in template order, and each read as the other."""
    results = " | ".join(["总计", "结果纠正", "结果维持", "其他结果", "尚未审结"] * 3)
    section_4 = ("| 行政复议 |" + "  |" * 4 + " 行政诉讼 |" + "  |" * 9 + "\n"
                 "|" + "  |" * 5 + " 复议后起诉 |" + "  |" * 9 + "\n"
                 f"| {results} |\n| 21 | 6 | 7 | 7 | 1 | 22 | 1 | 9 | 4 | 8 | 24 | 9 | 6 | 2 | 7 |")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert all(value is None for block in parsed.appeals.blocks for value in block.values)
    assert any(d.code == "P-header" for d in parsed.diagnostics)
    # the same header naming 未经复议直接起诉 over the first suit block reads as printed
    parsed = gxgk.parse(report(section_4=section_4.replace(" 复议后起诉 |", " 未经复议直接起诉 |")))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(7, 6, 7, 1, 21), (9, 1, 4, 8, 22),
                                                                 (6, 9, 2, 7, 24)]


def test_blank_label_cells_of_the_next_row_are_not_this_rows_padding() -> None:
    """Review 5: '| 三、本年度办理结果 | （一）予以公开 |  | 1 | … | 0 |  |' followed by '|  |  | （二）…': the
    next line's empty label cells were taken for padding after this row, which then read as shifted."""
    rows = []
    for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True):
        parts = label.split(" | ")
        cells = [parts[0], parts[1], ""] if len(parts) == 2 else ["", "", parts[0]]
        rows.append("| " + " | ".join([*cells, *map(str, row)]) + " |")
    rows[2] = "| 三、本年度办理结果 | （一）予以公开 |  | " + " | ".join(map(str, MATRIX[2][:6])) + " |  |"
    header = "| 项目 |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"
    text = _requests_page(header, rows)
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    # the other rows' label cells point one way, but 总计 would be blank there: nothing confirms it
    assert parsed.requests.row("（一）予以公开").values == (None,) * 7
    assert parsed.requests.row(_NEW).values == tuple(MATRIX[0])


def test_a_row_printed_open_with_a_blank_last_cell_after_an_empty_label_cell_is_blank() -> None:
    """Review 5: a table that leaves its rows open ('| label |  | 82 | … | 493') writes a blank 总计 as a
    trailing '| '; with the label's empty second cell first, the row read as 自然人 blank, shifted."""
    rows = [f"| {label.split(' | ')[-1]} |  | " + " | ".join(map(str, row))
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    rows[1] = "| 二、上年结转政府信息公开申请数量 |  | " + " | ".join(map(str, MATRIX[1][:6])) + " | "
    header = "| 项目 |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计"
    text = _requests_page(header, rows)
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    # the other rows' label cells point one way, but 总计 would be blank there: nothing confirms it
    assert parsed.requests.row("二、上年结转政府信息公开申请数量").values == (None,) * 7
    assert parsed.requests.row(_NEW).values == tuple(MATRIX[0])
    # the same row in a table that closes its rows: the last "|" is the border
    closed = text.replace(" 总计\n", " 总计 |\n").replace("\n| ", " |\n| ").replace(" | \n", " |\n")
    parsed = gxgk.parse(closed)
    assert parsed.requests is not None
    assert parsed.requests.row(_NEW).values == tuple(MATRIX[0])


def _with_2019_item(item: str, title: str, next_title: str | None) -> gxgk.Report:
    start = _SECTION_2_2019.index(title)
    end = _SECTION_2_2019.index(next_title) if next_title else _SECTION_2_2019.index("第二十条第（九）项") + len(
        "第二十条第（九）项\n信息内容 | 采购项目数量 | 采购总金额（万元） |\n政府集中采购 | 158 | 19379.18 |\n")
    return _report_2019(_SECTION_2_2019[:start] + item + _SECTION_2_2019[end:])


def test_fixed_width_header_cells_set_one_space_apart_are_checked_over_the_value_columns() -> None:
    """Review 4/5: narrow header cells one space apart are one chunk to the cell reader, which could not see
    them move the columns; each word now goes to the value column under it."""
    item = ("第二十条第（一）项\n"
            "             本年新制 对外公开 本年新公\n"
            "              作数量   总数量   开数量\n"
            "规章         835      837      81\n"
            "规范性文件   469      116      425\n")
    parsed = _with_2019_item(item, "第二十条第（一）项", "第二十条第（五）项")
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.rules.values == (None, None, None)
    assert named(parsed, 2, "规章", "本年新制作数量")
    item = ("第二十条第（五）项\n"
            "                             处理 本年 上一\n"
            "          信息内容           决定 增/  年项\n"
            "                             数量  减  目数\n"
            "                                        量\n"
            "行政许可                      819  -88  648\n"
            "其他对外管理服务事项          235  +51  146\n")
    parsed = _with_2019_item(item, "第二十条第（五）项", "第二十条第（九）项")
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.licensing.values == (None, None, None)


def test_a_wrapped_procurement_count_is_not_read_as_the_amount() -> None:
    """Review 4: '采购 采购总金额' / '项目' / '数量': read line by line, 采购总金额 came first, and the printed
    project count 745 became the amount."""
    item = ("第二十条第（九）项\n"
            "    信息内容     采购 采购总金额\n"
            "                 项目\n"
            "                 数量\n"
            "政府集中采购     745  565.52万元\n")
    parsed = _with_2019_item(item, "第二十条第（九）项", None)
    assert isinstance(parsed.disclosure, gxgk.Disclosure2019)
    assert parsed.disclosure.procurement.amount.value in (None, Decimal("565.52"))
    assert parsed.disclosure.procurement.projects.value in (None, 745)


def test_fixed_width_result_names_wrapped_one_space_apart_are_checked_over_the_values() -> None:
    """Review 4: '其他 尚未 结果 总计 结果' / '结果 审结 纠正      维持', the cells one space apart: no name was read
    whole, and the results were read in template order."""
    section_4 = ("        行政复议                             行政诉讼\n"
                 "                             未经复议直接起诉            复议后起诉\n"
                 "其他 尚未 结果 总计 结果 其他 尚未 结果 总计 结果 其他 尚未 结果 总计 结果\n"
                 "结果 审结 纠正      维持 结果 审结 纠正      维持 结果 审结 纠正      维持\n"
                 "   4    3    5   21    9    5    1    3   12    3    4    2    6   16    4\n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert all(value is None for block in parsed.appeals.blocks for value in block.values)
    assert any(d.code == "P-header" for d in parsed.diagnostics)


def test_a_header_in_running_text_is_not_checked_by_position() -> None:
    """Words set one space apart, far wider than the values under them, stand over no column: the positional
    check does not apply, and the header in template order is read."""
    section_4 = ("行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
                 "0 7 9 184 200 0 237 0 4 241 4 0 0 0 4\n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(0, 7, 9, 184, 200), (0, 237, 0, 4, 241),
                                                                 (4, 0, 0, 0, 4)]


def test_a_wrapped_sub_row_label_is_not_its_groups_collapsed_row() -> None:
    """Review 5: '（六）其他处理1.申请' with the rest of the label on the lines below: the four characters after
    the group's key were taken for a unit or a colon, and (六) read as one collapsed row with 1.'s values."""
    lines = []
    for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True):
        own = label.split(" | ")[-1]
        numbers = "".join(f"{value:>5}" for value in row)
        if own.startswith("1.申请人无正当理由"):
            lines += ["（六）其他处理1.申请" + numbers, "人无正当理由逾期不补", "正、行政机关不再处理",
                      "其政府信息公开申请"]
        elif own.startswith("2.申请人逾期"):
            lines += ["2.申请人逾期未按收费" + numbers, "通知要求缴纳费用、行", "政机关不再处理其政府", "信息公开申请"]
        elif own == "3.其他":
            lines.append(f"{own}  {numbers[:-5]}")  # its 总计 printed blank: six values, the row is not read
        else:
            lines.append(f"{own}  {numbers}")
    header = "                  自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
    text = _requests_page(header, lines)
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    labels = [row.label for row in parsed.requests]
    assert "三、本年度办理结果 / （六）其他处理" not in labels
    assert parsed.requests.row(_NEW).values == tuple(MATRIX[0])


_RESULTS_15 = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)


def test_a_suit_block_name_wrapped_onto_the_next_line_does_not_reorder_the_blocks() -> None:
    """Review 5: '| 未经复议 | 复议后起诉' over '| 直接起诉 |': 直接起诉, read after 复议后起诉, put it second."""
    section_4 = (f"| 行政复议 | 行政诉讼\n| 未经复议 | 复议后起诉\n| 直接起诉 | \n| {_RESULTS_15}\n"
                 "| 8 | 5 | 5 | 1 | 19 | 5 | 3 | 2 | 4 | 14 | 7 | 9 | 3 | 9 | 28\n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] in (
        [(8, 5, 5, 1, 19), (5, 3, 2, 4, 14), (7, 9, 3, 9, 28)], [(None,) * 5] * 3)


def test_one_suit_block_named_in_the_others_place_is_blank() -> None:
    """Review 5: '| 复议后 | 未经复议直接起诉' (复议后起诉 abbreviated past recognition): the one name stands in the
    second suit block's place, where the template order assumed for the other puts it first."""
    section_4 = (f"| 行政复议 | 行政诉讼\n| 复议后 | 未经复议直接起诉\n| {_RESULTS_15}\n"
                 "| 6 | 1 | 1 | 2 | 10 | 6 | 8 | 1 | 4 | 19 | 6 | 0 | 5 | 5 | 16\n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert all(value is None for block in parsed.appeals.blocks for value in block.values)


def test_a_rotation_read_from_a_lost_result_name_is_checked_cell_by_cell() -> None:
    """Review 5: '维持' (结果维持 abbreviated) first: the names read as the rotation 纠正 … 总计 维持, and a blank
    in two blocks kept H4 from showing it; the names stand over other columns than the rotation puts there."""
    results = _RESULTS_15.replace("结果维持", "维持", 1)
    section_4 = ("|  | 行政诉讼 |" + "  |" * 9 + " 行政复议 |" + "  |" * 4 + "\n"
                 "|  | 复议后起诉 |" + "  |" * 4 + " 未经复议直接起诉 |" + "  |" * 9 + "\n"
                 f"|  | {results} |\n| 件数 | 8 | 7 | 1 | 2 | 18 | 2 | 1 |   | 4 | 14 | 2 |   | 6 | 3 | 17 |\n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert all(value is None for block in parsed.appeals.blocks for value in block.values)


def test_narrative_run_on_after_the_values_row_does_not_align_the_header() -> None:
    """A crawler's markdown row that runs on into the next heading ('| 0 |  ## 五、…') has a cell more than the
    header lines, by coincidence as many as a line padded to the widest: no name is placed by it."""
    section_4 = ("| 行政复议 | 行政诉讼 |" + "  |" * 13 + "\n|---|" + "---|" * 14 + "\n"
                 "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
                 f"| {_RESULTS_15.rsplit(' | ', 5)[0]} |\n"
                 "| 0 | 3 | 6 | 1 | 10 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  ## 说明 本年度无其他情况")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert parsed.appeals.review.values == (0, 3, 6, 1, 10)


def test_a_header_lines_padding_before_the_values_row_is_not_the_rows_first_cell() -> None:
    """Oracle deviation grid-spans: '|  |  |  |  | ' ending the header's last line, then the values: the
    padding was taken for the row's first cells, and the values read one block-column late."""
    five = _RESULTS_15.split(" | 结果维持")[0]
    section_4 = ("| 行政诉讼 |" + "  |" * 9 + " 行政复议 |" + "  |" * 3 + " \n"
                 "| 未经复议直接起诉 |" + "  |" * 4 + " 复议后起诉 |" + "  |" * 4 + f" {five}\n"
                 f"| {_RESULTS_15.rsplit(' | ', 5)[0]} |" + "  |" * 4 + " \n"
                 "| 127 | 0 | 0 | 0 | 127 | 0 | 236 | 17 | 0 | 253 |  | 300 | 0 | 204 | \n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == [(None, 300, 0, 204, None), (127, 0, 0, 0, 127),
                                                                 (0, 236, 17, 0, 253)]


def test_a_group_cell_counted_over_its_five_columns_places_the_header() -> None:
    """Review 5: '法人或其他组织 | (自然人 lost) | 总计' over eight cells a row: counted with the group over five
    columns, the group stands first, where the template has 自然人; the template order assumed from the
    names left (in order) would read every column wrong."""
    order = (1, 2, 3, 4, 5, 0, 6)
    rows = [f"{label.split(' | ')[-1]}\t" + "\t".join(str(row[i]) for i in order)
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    header = "项目\t法人或其他组织\t\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"
    parsed = gxgk.parse(_requests_page(header, rows))
    assert parsed.requests is not None
    assert all(value is None for row in parsed.requests for value in row.values)
    assert any(d.code == "P-header" for d in parsed.diagnostics)


def test_a_fixed_width_section_3_header_is_checked_over_the_value_columns() -> None:
    """Review 5: 自然人 and 总计 wrapped or lost, the five legal-person names read in order: the template order
    assumed put 商业企业's values under 自然人.  Placed over the values, 商业企业 stands over the first."""
    order = (1, 2, 3, 4, 5, 0, 6)
    header = ("                              法人或其他组织         自然\n"
              "                              商业  科研  社会  法律  其它   人\n"
              "                              企业  机构  公益  服务\n"
              "                                          组织  机构")
    rows = [f"{label.split(' | ')[-1][:14]:<28}" + "".join(f"{row[i]:>6}" for i in order)
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    parsed = gxgk.parse(_requests_page(header, rows))
    assert parsed.requests is not None
    assert all(value is None for value in parsed.requests.row(_NEW).values)


def test_a_legal_person_name_wrapped_onto_the_next_line_of_a_two_level_header_is_blank() -> None:
    """Review 5 (W4): '社会' / '公益组织' wrapped in a two-level header: the second half read as 社会公益组织 after
    其他, and 总计 = Σ, the same for any order of the five, could not tell the two readings apart."""
    header = ("| 自然人 | 法人或其他组织 | 总计 |\n| 商业企业 | 科研机构 | 社会 | 法律服务机构 | 其他 |\n"
              "|  |  | 公益组织 |  |  |")
    parsed = gxgk.parse(report(header=header))
    assert parsed.requests is not None
    assert all(value in (None, expected) for row, truth in zip(parsed.requests, MATRIX, strict=True)
               for value, expected in zip(row.values, truth, strict=True))


def test_a_suit_block_name_wrapped_in_fixed_width_text_is_blank() -> None:
    """Review 5 (W5): '未经复议  复议后起诉' / '直接起诉' in fixed-width text: 直接起诉, read after 复议后起诉,
    swapped the two suit blocks."""
    section_4 = ("行政复议                    行政诉讼\n"
                 "                    未经复议            复议后起诉\n"
                 "                    直接起诉\n"
                 "5  1  0  2  8     3  0  1  0  4     1  1  0  0  2\n")
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] in (
        [(5, 1, 0, 2, 8), (3, 0, 1, 0, 4), (1, 1, 0, 0, 2)], [(None,) * 5] * 3)


def test_a_row_like_none_of_the_others_is_not_read_by_their_side() -> None:
    """Review 5 (W1): every row ends in one padding cell, but row 一 carries the label's empty cell and a blank
    总计 (two spare cells): it is not like the others, and is blank, not shifted."""
    rows = [f"{label.split(' | ')[-1]} | " + " | ".join(map(str, row)) + " |  |"
            for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True)]
    rows[0] = f"{_NEW} |  | " + " | ".join(map(str, MATRIX[0][:6])) + " |  |"
    header = "项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"
    parsed = gxgk.parse(_requests_page(header, rows))
    assert parsed.requests is not None
    assert parsed.requests.row(_NEW).values == (None,) * 7
