"""Issue 14's reproductions, with their exact inputs: each ends right, or blank and named.

The report around each input is written here, by hand, not by ``gxgk.render``: a reproduction
must not share the reader's assumptions.
"""

from __future__ import annotations

from decimal import Decimal

import gxgk

_REQUEST_LABELS = (
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果 | （一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开 | 1.属于国家秘密",
    "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
    "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供 | 1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理 | 1.信访举报投诉类申请", "2.重复申请",
    "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
    "四、结转下年度继续办理",
)
#: One consistent 2021 matrix (H1–H3 hold), in template column order.
_RESULTS = [[5, 2, 6, 0, 1, 8], [1, 0, 2, 0, 0, 0]] + [[0] * 6] * 17 + [[2, 0, 0, 1, 0, 0], [0, 1, 0, 0, 0, 0]]
_TOTAL = [sum(column) for column in zip(*_RESULTS, strict=True)]
_MATRIX = [[6, 3, 8, 1, 1, 8], [1, 0, 0, 0, 0, 0], *_RESULTS, _TOTAL, [0, 0, 0, 0, 0, 0]]
MATRIX = [[*row, sum(row)] for row in _MATRIX]
_TWO_LEVEL = "自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"
_SECTION_2 = """第二十条第（一）项 |
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 1 | 0 | 11 |
行政规范性文件 | 3 | 2 | 40 |
第二十条第（八）项 |
信息内容 | 本年收费金额（单位：万元） |
行政事业性收费 | 2.5 |"""
_SECTION_4 = """行政复议 | 行政诉讼 |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
5 | 1 | 0 | 2 | 8 | 3 | 0 | 1 | 0 | 4 | 1 | 1 | 0 | 0 | 2 |"""
APPEALS = [(5, 1, 0, 2, 8), (3, 0, 1, 0, 4), (1, 1, 0, 0, 2)]


def report(*, header: str = _TWO_LEVEL, order: tuple[int, ...] = tuple(range(7)), section_2: str = _SECTION_2,
           section_4: str = _SECTION_4) -> str:
    rows = "\n".join(" | ".join([label, *(str(row[i]) for i in order)]) + " |"
                     for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True))
    return (f"某某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n2021年，本县认真贯彻落实条例。\n"
            f"二、主动公开政府信息情况\n{section_2}\n三、收到和处理政府信息公开申请情况\n"
            f"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n{header}\n{rows}\n"
            f"四、政府信息公开行政复议、行政诉讼情况\n{section_4}\n五、存在的主要问题及改进情况\n工作仍有不足。\n"
            "六、其他需要报告的事项\n本年度未收取信息处理费。\n")


def named(parsed: gxgk.Report, section: int, row: str, column: str) -> bool:
    return any(name.covers(section, row, column) for d in parsed.diagnostics for name in d.cells)


def test_the_scaffold_reads_exactly() -> None:
    parsed = gxgk.parse(report())
    assert parsed.requests is not None and parsed.appeals is not None
    assert [list(row.values) for row in parsed.requests] == MATRIX
    assert [block.values for block in parsed.appeals.blocks] == APPEALS


def test_columns_follow_a_header_that_swaps_two() -> None:
    header = "自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 法律服务机构 | 社会公益组织 | 其他 |"
    parsed = gxgk.parse(report(header=header, order=(0, 1, 2, 4, 3, 5, 6)))
    assert parsed.requests is not None
    assert [list(row.values) for row in parsed.requests] == MATRIX
    assert any(d.code == "P-header-order" for d in parsed.diagnostics)


def test_total_printed_first_follows_the_header() -> None:
    header = "总计 | 自然人 | 法人或其他组织 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"
    parsed = gxgk.parse(report(header=header, order=(6, 0, 1, 2, 3, 4, 5)))
    assert parsed.requests is not None
    assert [list(row.values) for row in parsed.requests] == MATRIX


def test_a_subtotal_column_is_read_and_checked() -> None:
    header = _TWO_LEVEL.replace("其他 |", "其他 | 法人或其他组织小计 |")
    rows = "\n".join(" | ".join([label, *map(str, row[:6]), str(sum(row[1:6])), str(row[6])]) + " |"
                     for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True))
    text = report(header=header)
    start = text.index(_REQUEST_LABELS[0])
    text = text[:start] + rows + text[text.index("\n四、政府信息公开"):]
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    assert [list(row.values) for row in parsed.requests] == MATRIX
    broken = text.replace("| 6 | 3 | 8 | 1 | 1 | 8 | 21 |", "| 6 | 3 | 8 | 1 | 1 | 8 | 99 |", 1)
    assert any(d.code == "P-subtotal" for d in gxgk.parse(broken).diagnostics)


def test_appeal_blocks_follow_the_header() -> None:
    section_4 = """行政诉讼 | 行政复议 |
未经复议直接起诉 | 复议后起诉 | 结果维持 | 结果纠正 | 尚未审结 | 其他结果 | 总计 |
结果维持 | 结果纠正 | 尚未审结 | 其他结果 | 总计 | 结果维持 | 结果纠正 | 尚未审结 | 其他结果 | 总计 |
3 | 0 | 0 | 1 | 4 | 1 | 1 | 0 | 0 | 2 | 5 | 1 | 2 | 0 | 8 |"""
    parsed = gxgk.parse(report(section_4=section_4))
    assert parsed.appeals is not None
    assert [block.values for block in parsed.appeals.blocks] == APPEALS
    # results printed in two orders: which is which cannot be known
    first_run = "尚未审结 | 其他结果 | 总计 |\n"
    mixed = gxgk.parse(report(section_4=section_4.replace(first_run, "其他结果 | 尚未审结 | 总计 |\n", 1)))
    assert mixed.appeals is not None and mixed.appeals.review.values == (None,) * 5
    assert named(mixed, 4, "行政复议", "总计") and any(d.code == "P-header" for d in mixed.diagnostics)


def test_units_in_the_header_convert_to_wan_yuan() -> None:
    for unit, value in (("元", Decimal("0.038")), ("千元", Decimal("38.0")), ("万元", Decimal(380))):
        section_2 = _SECTION_2.replace("（单位：万元） |", f"（单位：{unit}） |").replace("| 2.5 |", "| 380 |")
        parsed = gxgk.parse(report(section_2=section_2))
        assert parsed.disclosure is not None
        assert parsed.disclosure.fees.values == (value,), unit


def test_a_vanished_blank_in_section_2_is_not_split_into_digits() -> None:
    for row in ("规章 1 11", "规章 0 15", "规章\n\n1\n\n\n\n12\n\n", "规章010"):
        section_2 = _SECTION_2.replace("规章 | 1 | 0 | 11 |", row)
        parsed = gxgk.parse(report(section_2=section_2))
        assert parsed.disclosure is not None
        assert parsed.disclosure.rules.values == (None, None, None), row
        assert named(parsed, 2, "规章", "本年制发件数"), row


def test_runs_that_cannot_be_read_another_way_are_split() -> None:
    section_2 = _SECTION_2.replace("规章 | 1 | 0 | 11 |", "规章007")
    parsed = gxgk.parse(report(section_2=section_2))
    assert parsed.disclosure is not None and parsed.disclosure.rules.values == (0, 0, 7)


def test_a_unique_split_the_table_rejects_is_blank() -> None:
    # the publisher's total is wrong: (2,0,12,152,0,0,166) holds the row's own total, not the columns
    text = report().replace("三、本年度办理结果 | （一）予以公开 | 5 | 2 | 6 | 0 | 1 | 8 | 22 |",
                            "三、本年度办理结果 （一）予以公开201215200166")
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    row = parsed.requests.row("（一）予以公开")
    assert row.values == (None,) * 7
    assert named(parsed, 3, row.label, "自然人")


def test_a_flattened_row_with_a_vanished_blank_is_blank() -> None:
    text = report().replace("三、本年度办理结果 | （一）予以公开 | 5 | 2 | 6 | 0 | 1 | 8 | 22 |",
                            "三、本年度办理结果 （一）予以公开510271236")
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    assert parsed.requests.row("（一）予以公开").values == (None,) * 7


def test_a_short_html_row_is_not_padded() -> None:
    cells = "".join(f"<td>{label}</td>" for label in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                                      "其他", "总计"))
    rows = "".join(f"<tr><td>{label.split(' | ')[-1]}</td>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>"
                   for label, row in zip(_REQUEST_LABELS, MATRIX, strict=True))
    rows = rows.replace("<tr><td>（一）予以公开</td><td>5</td>", "<tr><td>（一）予以公开</td>", 1)
    html = ("<html><body><p>某某县人民政府2021年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
            f"<table><tr><td></td>{cells}</tr>{rows}</table><p>本年处理决定数量</p></body></html>")
    parsed = gxgk.parse(html)
    assert parsed.requests is not None
    row = parsed.requests.row("（一）予以公开")
    assert row.values == (None,) * 7
    assert named(parsed, 3, row.label, "总计")
    assert parsed.requests.row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").values == tuple(MATRIX[3])


def test_a_band_of_two_rows_is_blank() -> None:
    text = report().replace(
        "4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "4.保护第三方合法权益5.属于三类内部事务信息 | 00 | 00 | 00 | 00 | 00 | 00 | 00 |")
    parsed = gxgk.parse(text)
    assert parsed.requests is not None
    assert parsed.requests.row("5.属于三类内部事务信息").values == (None,) * 7
    assert any(d.code == "P-row-band" for d in parsed.diagnostics)
