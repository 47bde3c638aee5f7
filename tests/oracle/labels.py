"""The official labels of both templates, typed from TEMPLATES.md (never imported from gxgk).

Record labels (the strings ``gxgk.to_records`` uses) are copied here on purpose: the oracle
must not share a single constant with the reader it checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Kind = Literal["count", "delta", "amount"]
TemplateName = Literal["2019", "2021"]
TEMPLATES: Final[tuple[TemplateName, ...]] = ("2019", "2021")

SECTION_HEADINGS: Final = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

CONTENT_HEADER: Final = "信息内容"


@dataclass(frozen=True)
class Column:
    """A section 二 column: the record label and the kind of value under it."""

    label: str
    kind: Kind


@dataclass(frozen=True)
class Item:
    """A 第二十条 item of section 二: its columns and rows."""

    item: str
    columns: tuple[Column, ...]
    rows: tuple[str, ...]


_C = Column

#: The 2021 fee column label exactly as the records name it (the template prints the unit).
FEE_2021: Final = "本年收费金额（单位：万元）"
FEE_2021_BASE: Final = "本年收费金额"
PROCUREMENT_2019: Final = "采购总金额"

DISCLOSURE: Final[dict[TemplateName, tuple[Item, ...]]] = {
    "2019": (
        Item("第二十条第（一）项",
             (_C("本年新制作数量", "count"), _C("本年新公开数量", "count"), _C("对外公开总数量", "count")),
             ("规章", "规范性文件")),
        Item("第二十条第（五）项",
             (_C("上一年项目数量", "count"), _C("本年增/减", "delta"), _C("处理决定数量", "count")),
             ("行政许可", "其他对外管理服务事项")),
        Item("第二十条第（六）项",
             (_C("上一年项目数量", "count"), _C("本年增/减", "delta"), _C("处理决定数量", "count")),
             ("行政处罚", "行政强制")),
        Item("第二十条第（八）项",
             (_C("上一年项目数量", "count"), _C("本年增/减", "delta")),
             ("行政事业性收费",)),
        Item("第二十条第（九）项",
             (_C("采购项目数量", "count"), _C(PROCUREMENT_2019, "amount")),
             ("政府集中采购",)),
    ),
    "2021": (
        Item("第二十条第（一）项",
             (_C("本年制发件数", "count"), _C("本年废止件数", "count"), _C("现行有效件数", "count")),
             ("规章", "行政规范性文件")),
        Item("第二十条第（五）项", (_C("本年处理决定数量", "count"),), ("行政许可",)),
        Item("第二十条第（六）项", (_C("本年处理决定数量", "count"),), ("行政处罚", "行政强制")),
        Item("第二十条第（八）项", (_C(FEE_2021, "amount"),), ("行政事业性收费",)),
    ),
}

# ---- section 三 -------------------------------------------------------------------------

NATURAL: Final = "自然人"
LEGAL_GROUP: Final = "法人或其他组织"
LEGAL_FIVE: Final = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
TOTAL: Final = "总计"
SUBTOTAL: Final = "法人或其他组织小计"
APPLICANT_HEAD: Final = "申请人情况"
REQUEST_COLUMNS: Final = (NATURAL, *LEGAL_FIVE, TOTAL)
REQUEST_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

RowRole = Literal["new", "carried", "outcome", "total", "forward"]


@dataclass(frozen=True)
class RequestRow:
    """A data row of section 三: the record path and the printed label parts (outer to inner)."""

    path: str
    parts: tuple[str, ...]
    role: RowRole


RESULTS: Final = "三、本年度办理结果"
_WITHHELD: Final = "（三）不予公开"
_UNABLE: Final = "（四）无法提供"
_NOT_HANDLED: Final = "（五）不予处理"
_OTHER: Final = "（六）其他处理"


def _sub(group: str, leaves: tuple[str, ...]) -> tuple[RequestRow, ...]:
    return tuple(RequestRow(f"{RESULTS} / {group} / {leaf}", (RESULTS, group, leaf), "outcome") for leaf in leaves)


_HEAD_ROWS: Final = (
    RequestRow("一、本年新收政府信息公开申请数量", ("一、本年新收政府信息公开申请数量",), "new"),
    RequestRow("二、上年结转政府信息公开申请数量", ("二、上年结转政府信息公开申请数量",), "carried"),
    RequestRow(f"{RESULTS} / （一）予以公开", (RESULTS, "（一）予以公开"), "outcome"),
    RequestRow(f"{RESULTS} / （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
               (RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), "outcome"),
    *_sub(_WITHHELD, ("1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                      "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                      "7.属于行政执法案卷", "8.属于行政查询事项")),
    *_sub(_UNABLE, ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")),
    *_sub(_NOT_HANDLED, ("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                         "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息")),
)
_TAIL_ROWS: Final = (
    RequestRow(f"{RESULTS} / （七）总计", (RESULTS, "（七）总计"), "total"),
    RequestRow("四、结转下年度继续办理", ("四、结转下年度继续办理",), "forward"),
)

REQUEST_ROWS: Final[dict[TemplateName, tuple[RequestRow, ...]]] = {
    "2019": (*_HEAD_ROWS, RequestRow(f"{RESULTS} / {_OTHER}", (RESULTS, _OTHER), "outcome"), *_TAIL_ROWS),
    "2021": (*_HEAD_ROWS,
             *_sub(_OTHER, ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                            "3.其他")),
             *_TAIL_ROWS),
}

# ---- section 四 -------------------------------------------------------------------------

REVIEW: Final = "行政复议"
LITIGATION: Final = "行政诉讼"
DIRECT: Final = "未经复议直接起诉"
AFTER_REVIEW: Final = "复议后起诉"
APPEAL_BLOCKS: Final = (REVIEW, f"{LITIGATION} / {DIRECT}", f"{LITIGATION} / {AFTER_REVIEW}")
APPEAL_RESULTS: Final = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

UNITS: Final[dict[str, int]] = {"元": 4, "千元": 1, "万元": 0, "亿元": -4}
"""Printed unit → power of ten that turns 万元 into that unit."""
