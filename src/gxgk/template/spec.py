"""The report templates as plain data: the two official ones, and :func:`register_template` for more.

Everything the readers, writers, records and validation rules know about the
templates lives here: the sections, the 第二十条 items of section 二 with their
rows and columns, the row tree of section 三, the blocks of section 四, and
the *keys* by which a printed label is recognised.  A key is a short regular
expression for the distinctive part of a label: real reports misspell,
abbreviate, re-number and wrap labels, but they keep these few characters.
Keys are matched against label text that has already been normalised
(full-width folded, traditional characters mapped, whitespace removed), so they
are written in simplified characters with ASCII brackets.

Adding a template year means adding data here, not code elsewhere.
"""

from __future__ import annotations

import enum
from collections.abc import Container, Sequence
from typing import Final

import attrs

from .kinds import Template

__all__ = [
    "APPEAL_BLOCKS",
    "APPEAL_CELLS",
    "APPEAL_COLUMNS",
    "APPLICANTS_HEADER",
    "APPLICANT_COLUMNS",
    "REQUESTS_NOTE",
    "SECTION_TITLES",
    "Template",
    "register_template",
    "unregister_template",
]


class ValueKind(enum.Enum):
    """How a cell's text becomes a value."""

    COUNT = "count"  #: a non-negative ``int``
    DELTA = "delta"  #: a signed ``int`` (本年增/减: "减37", "+2")
    AMOUNT = "amount"  #: a ``Decimal`` in 万元


@attrs.frozen
class Column:
    """A column of a section 二 item: its official label and value kind."""

    label: str
    field: str
    kind: ValueKind = ValueKind.COUNT
    #: What a printed header calls the column (a regex); an item's header is read by these words
    #: when it has two columns or more.  Empty: the column is known by position only.
    header: str = ""


@attrs.frozen
class DisclosureRowSpec:
    """One row of section 二: the item it belongs to, its label and columns."""

    item: str  #: official item label, e.g. "第二十条第（一）项"
    label: str  #: official row label, e.g. "规章"
    field: str  #: attribute name on the section class
    key: str  #: regex that recognises the printed label
    columns: tuple[Column, ...]


@attrs.frozen
class RequestRowSpec:
    """One row of the section 三 matrix.

    ``path`` is the official label path (group labels first), joined with
    " / " in tidy records.  ``group`` rows carry no data in the template but
    some reports print values against them (a 2021 report that prints （六）
    as one row); they are read when values follow them.
    """

    path: tuple[str, ...]
    key: str
    group: bool = False
    #: A regex that finds the label inside a line (the key may be anchored at the label's end); used
    #: to tell a band of two rows (two labels on one line) from a row.  ``None``: the key itself.
    inline: str | None = None
    #: The official label path joined with " / " (computed once: readers ask for it per cell).
    label: str = attrs.field(init=False, eq=False, repr=False,
                             default=attrs.Factory(lambda spec: " / ".join(spec.path), takes_self=True))

    @property
    def name(self) -> str:
        """The row's own label (the last element of its path)."""
        return self.path[-1]


# Section 三 columns: the applicants, in template order.
APPLICANT_COLUMNS: Final = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
#: Attribute names of :class:`gxgk.RequestRow` for :data:`APPLICANT_COLUMNS`.
APPLICANT_FIELDS: Final = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other",
    "total",
)
#: The group header printed above the five legal-person columns.
LEGAL_PERSON_GROUP: Final = "法人或其他组织"

# Section 四: three blocks of five results each.
APPEAL_BLOCKS: Final = ("行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉")
APPEAL_BLOCK_FIELDS: Final = ("review", "direct_suit", "suit_after_review")
APPEAL_COLUMNS: Final = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
APPEAL_COLUMN_FIELDS: Final = ("upheld", "corrected", "other", "pending", "total")
#: Keys of section 四's three rows (in APPEAL_BLOCKS order) when a report prints each block as a row.
APPEAL_ROW_KEYS: Final = (r"行政复议\)?$|复议\)?$", r"直接起诉\)?$|未经复议\)?$", r"复议后起诉\)?$|复议后\)?$")
#: How many numbers section 四 holds: every block's results.
APPEAL_CELLS: Final = len(APPEAL_BLOCKS) * len(APPEAL_COLUMNS)

#: Section 三's header: the group over the applicant columns, and the note printed in its corner cell.
APPLICANTS_HEADER: Final = "申请人情况"
REQUESTS_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

SECTION_TITLES: Final = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

#: Keywords of each section's heading (regexes), checked right after the heading's numeral.
SECTION_KEYS: Final = (
    r"总体情况|概述|基本情况|总体概况|工作概况",
    r"主动公开",
    r"收到和处理|依申请公开|收到.{0,6}申请",
    r"行政复议|行政诉讼|复议.{0,2}诉讼",
    r"存在.{0,4}问题|问题.{0,2}改进|改进情况|主要问题",
    r"其他需要报告|其他事项|需要报告的事项|其他需报告",
)

#: Words that open a report's tables; the title stands before the first of them.
TABLE_WORDS: Final = ("第二十条", "信息内容", "申请人情况", "本年新收", "行政复议", "政府信息公开情况统计表")
#: The first rows of section 二, which a table printed without its header starts with.
FIRST_ROWS: Final = ("规章", "规范性文件", "行政许可")
#: Words of section 三's table, the same in both templates.
REQUEST_TABLE_WORDS: Final = ("本年新收", "予以公开", "结转下年度")
#: Words of section 四's header, the same in both templates: a fragment holding only that table is a report.
APPEAL_TABLE_WORDS: Final = ("结果维持", "尚未审结", "复议后起诉")

ITEM_1 = "第二十条第（一）项"
ITEM_5 = "第二十条第（五）项"
ITEM_6 = "第二十条第（六）项"
ITEM_8 = "第二十条第（八）项"
ITEM_9 = "第二十条第（九）项"

_C = ValueKind.COUNT
_PROJECTS_2019 = (
    Column("上一年项目数量", "previous_count", header=r"上一?年(?:度)?项目|上一年|上年"),
    Column("本年增/减", "change", ValueKind.DELTA, header=r"增/?减|增加/?减少|增减"),
    Column("处理决定数量", "decisions", header=r"处理决定|决定数量"),
)
_DOCS_2019 = (
    Column("本年新制作数量", "new_made", header=r"新制作|制作数量"),
    Column("本年新公开数量", "new_published", header=r"新公开|(?<!对外)公开数量"),
    Column("对外公开总数量", "total_published", header=r"公开总数|总数量|对外公开数"),
)
_DOCS_2021 = (
    Column("本年制发件数", "issued", header=r"制发"),
    Column("本年废止件数", "repealed", header=r"废止"),
    Column("现行有效件数", "in_force", header=r"现行有效|有效件数"),
)
_DECISIONS_2021 = (Column("本年处理决定数量", "decisions"),)

DISCLOSURE_ROWS: Final[dict[Template, tuple[DisclosureRowSpec, ...]]] = {
    Template.V2019: (
        DisclosureRowSpec(ITEM_1, "规章", "rules", r"规章", _DOCS_2019),
        DisclosureRowSpec(ITEM_1, "规范性文件", "normative_documents", r"规范性文件", _DOCS_2019),
        DisclosureRowSpec(ITEM_5, "行政许可", "licensing", r"行政许可", _PROJECTS_2019),
        DisclosureRowSpec(ITEM_5, "其他对外管理服务事项", "other_services", r"对外管理服务|管理服务事项",
                          _PROJECTS_2019),
        DisclosureRowSpec(ITEM_6, "行政处罚", "penalties", r"行政处罚", _PROJECTS_2019),
        DisclosureRowSpec(ITEM_6, "行政强制", "enforcement", r"行政强制", _PROJECTS_2019),
        DisclosureRowSpec(ITEM_8, "行政事业性收费", "fees", r"事业性收费",
                          (Column("上一年项目数量", "previous_count", header=r"上一?年(?:度)?项目|上一年|上年"),
                           Column("本年增/减", "change", ValueKind.DELTA, header=r"增/?减|增加/?减少|增减"))),
        DisclosureRowSpec(ITEM_9, "政府集中采购", "procurement", r"集中采购",
                          (Column("采购项目数量", "projects", header=r"项目数|采购数量"),
                           Column("采购总金额", "amount", ValueKind.AMOUNT, header=r"金额"))),
    ),
    Template.V2021: (
        DisclosureRowSpec(ITEM_1, "规章", "rules", r"规章", _DOCS_2021),
        DisclosureRowSpec(ITEM_1, "行政规范性文件", "normative_documents", r"规范性文件", _DOCS_2021),
        DisclosureRowSpec(ITEM_5, "行政许可", "licensing", r"行政许可", _DECISIONS_2021),
        DisclosureRowSpec(ITEM_6, "行政处罚", "penalties", r"行政处罚", _DECISIONS_2021),
        DisclosureRowSpec(ITEM_6, "行政强制", "enforcement", r"行政强制", _DECISIONS_2021),
        DisclosureRowSpec(ITEM_8, "行政事业性收费", "fees", r"事业性收费",
                          (Column("本年收费金额（单位：万元）", "amount", ValueKind.AMOUNT),)),
    ),
}

_RESULTS = "三、本年度办理结果"
_WITHHELD = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"

#: Rows shared by both templates, before （六）.
_REQUEST_ROWS_HEAD: Final = (
    RequestRowSpec(("一、本年新收政府信息公开申请数量",), r"(?:本年)?新收(?:[^\d]{0,14}?(?:数量|申请|件数))?"),
    RequestRowSpec(("二、上年结转政府信息公开申请数量",), r"上年结转(?:[^\d]{0,14}?(?:数量|申请|件数))?"),
    RequestRowSpec((_RESULTS, "（一）予以公开"), r"予以公开"),
    RequestRowSpec((_RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
                   r"部分公开(?:\([^()]{0,30}\)?)?"),
    RequestRowSpec((_RESULTS, _WITHHELD, "1.属于国家秘密"), r"国家秘密"),
    RequestRowSpec((_RESULTS, _WITHHELD, "2.其他法律行政法规禁止公开"), r"禁止公开"),
    RequestRowSpec((_RESULTS, _WITHHELD, "3.危及“三安全一稳定”"), r"三安全一稳定[\"'”“]?|危及.{0,3}三安全"),
    RequestRowSpec((_RESULTS, _WITHHELD, "4.保护第三方合法权益"), r"第三方合法权益|保护第三方"),
    RequestRowSpec((_RESULTS, _WITHHELD, "5.属于三类内部事务信息"), r"三类内部事务(?:信息)?|内部事务信息"),
    RequestRowSpec((_RESULTS, _WITHHELD, "6.属于四类过程性信息"), r"四类过程性(?:信息)?|过程性信息"),
    RequestRowSpec((_RESULTS, _WITHHELD, "7.属于行政执法案卷"), r"执法案卷"),
    RequestRowSpec((_RESULTS, _WITHHELD, "8.属于行政查询事项"), r"查询事项"),
    RequestRowSpec((_RESULTS, _UNABLE, "1.本机关不掌握相关政府信息"), r"不掌握(?:相关政府信息)?"),
    RequestRowSpec((_RESULTS, _UNABLE, "2.没有现成信息需要另行制作"), r"没有现成信息(?:需要另行制作)?|另行制作"),
    RequestRowSpec((_RESULTS, _UNABLE, "3.补正后申请内容仍不明确"), r"补正后.{0,6}不明确|仍不明确"),
    RequestRowSpec((_RESULTS, _NOT_PROCESSED, "1.信访举报投诉类申请"), r"信访举报投诉(?:类申请)?|举报投诉类"),
    RequestRowSpec((_RESULTS, _NOT_PROCESSED, "2.重复申请"), r"重复申请"),
    RequestRowSpec((_RESULTS, _NOT_PROCESSED, "3.要求提供公开出版物"), r"公开出版物"),
    RequestRowSpec((_RESULTS, _NOT_PROCESSED, "4.无正当理由大量反复申请"), r"大量反复(?:申请)?"),
    RequestRowSpec((_RESULTS, _NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
                   r"重新出具(?:已获取信息)?|确认或重新"),
)
_REQUEST_ROWS_TAIL: Final = (
    # not after section 四's header, which ends in "尚未审结 总计" right before its values
    RequestRowSpec((_RESULTS, "（七）总计"), r"(?<!审结|结果维持|结果纠正|其他结果)(?:总计|合计)$",
                   inline=r"七[)、.]?(?:总计|合计)"),
    RequestRowSpec(("四、结转下年度继续办理",), r"结转下年(?:度)?(?:继续办理)?"),
)

#: The section 三 rows of each template, in template order (group rows included
#: only where they can carry data).
REQUEST_ROWS: Final[dict[Template, tuple[RequestRowSpec, ...]]] = {
    Template.V2019: (
        *_REQUEST_ROWS_HEAD,
        RequestRowSpec((_RESULTS, _OTHER), r"其他处理"),
        *_REQUEST_ROWS_TAIL,
    ),
    Template.V2021: (
        *_REQUEST_ROWS_HEAD,
        RequestRowSpec((_RESULTS, _OTHER), r"其他处理", group=True),
        RequestRowSpec(
            (_RESULTS, _OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            r"逾期不补正(?:[^\d]{0,30}申请)?",
        ),
        RequestRowSpec(
            (_RESULTS, _OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            r"(?:收费通知|缴纳费用)(?:[^\d]{0,30}申请)?",
        ),
        RequestRowSpec((_RESULTS, _OTHER, "3.其他"), r"(?:^|[\d.、)])其他$", inline=r"\d[.、]其他(?!处理|法律)"),
        *_REQUEST_ROWS_TAIL,
    ),
}

#: Words that identify each template when they appear in a report's tables.
TEMPLATE_MARKERS: Final[dict[Template, tuple[str, ...]]] = {
    Template.V2019: ("本年新制作数量", "上一年项目数量", "第二十条第(九)项", "采购总金额", "政府集中采购",
                     "对外公开总数量"),
    Template.V2021: ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                     "逾期未按收费通知", "逾期不补正"),
}

#: Words of reports written before the 2019 national format.
PRE_2019_MARKERS: Final = ("政府信息公开情况统计表", "指标名称", "计量单位", "一、概述")


def printed_rows(specs: Sequence[RequestRowSpec], present: Container[int]) -> list[int]:
    """Indices of the rows of ``specs`` a report printed, in template order.

    ``present`` holds the indices that carry values.  A group row (2021's
    （六）其他处理) that carries values while none of its sub-rows does stands
    in for them: the report printed it as one row.  Other group rows are not
    rows of the table.

    >>> specs = REQUEST_ROWS[Template.V2021]
    >>> other = next(i for i, s in enumerate(specs) if s.group)
    >>> [specs[i].name for i in printed_rows(specs, {other})][20:23]
    ['（六）其他处理', '（七）总计', '四、结转下年度继续办理']
    """
    if not any(spec.group and index in present for index, spec in enumerate(specs)):
        return [index for index, spec in enumerate(specs) if not spec.group]  # the common case, said faster
    collapsed = {
        spec.path for index, spec in enumerate(specs)
        if spec.group and index in present
        and not any(i in present for i, child in enumerate(specs) if child.path[:-1] == spec.path)
    }
    return [index for index, spec in enumerate(specs)
            if spec.path in collapsed or (not spec.group and spec.path[:-1] not in collapsed)]


def request_rows(template: Template) -> tuple[RequestRowSpec, ...]:
    """The section 三 rows of ``template`` that carry data in the template itself."""
    return tuple(row for row in REQUEST_ROWS.get(template, ()) if not row.group)


# ---- Header words -------------------------------------------------------------
#
# A table that prints its header says which column is which; the readers
# follow it (see gxgk.read.header).  Each entry is (name, regex of the printed
# words, longest first), matched left to right on header text that has been
# normalised and stripped of whitespace.  Names are indices into the
# template's column tuple, or one of the structural names below.

#: The header of section 三's legal-person group, which owns the five columns printed under it.
GROUP: Final = "group"
#: The extra 法人或其他组织小计 column some reports print (the sum of the five legal-person columns).
SUBTOTAL: Final = "subtotal"
#: The header of section 四's 行政诉讼 group, which owns the two suit blocks printed under it.
SUITS: Final = "suits"

#: Section 三: header words → column (an index of APPLICANT_COLUMNS, or GROUP / SUBTOTAL).
APPLICANT_HEADER_WORDS: Final[tuple[tuple[int | str, str], ...]] = (
    (SUBTOTAL, r"法人或其他组织小计|法人或者其他组织小计|小计"),
    (GROUP, r"法人或其他组织|法人或者其他组织|法人及其他组织|法人和其他组织|或者?其他组织"),
    (0, r"自然人"),
    (1, r"商业企业|商业|企业"),
    (2, r"科研机构|科研"),
    (3, r"社会公益组织|社会公益|公益组织|社会组织"),
    (4, r"法律服务机构|法律服务"),
    (5, r"其他|其它"),
    (6, r"总计|合计"),
)
#: The legal-person columns that GROUP owns (indices of APPLICANT_COLUMNS).
LEGAL_PERSON_COLUMNS: Final = (1, 2, 3, 4, 5)

#: Section 四: header words → block (an index of APPEAL_BLOCKS, or SUITS).
APPEAL_BLOCK_HEADER_WORDS: Final[tuple[tuple[int | str, str], ...]] = (
    (1, r"未经复议直接起诉|直接起诉"),
    (2, r"复议后起诉"),
    (0, r"行政复议"),
    (SUITS, r"行政诉讼"),
)
#: The blocks that SUITS owns (indices of APPEAL_BLOCKS).
SUIT_BLOCKS: Final = (1, 2)
#: Section 四: header words → result column (an index of APPEAL_COLUMNS).
#: Only whole words count: PDF text breaks these two-line header cells apart ("结果\n维持"),
#: and the broken halves, read as words, would seem to reorder the columns.
APPEAL_RESULT_HEADER_WORDS: Final[tuple[tuple[int | str, str], ...]] = (
    (0, r"结果维持"),
    (1, r"结果纠正"),
    (2, r"其他结果|其它结果"),
    (3, r"尚未审结"),
    (4, r"总计|合计"),
)

#: Money units a header or a cell may print, and what one of each is in 万元.
MONEY_UNIT_FACTORS: Final = {"万元": "1", "万": "1", "元": "0.0001", "百元": "0.01", "千元": "0.1", "百万元": "100",
                             "亿元": "10000", "亿": "10000"}


# ---- Stable keys for panels --------------------------------------------------------
#
# ASCII keys for rows and columns, the same in both templates wherever the rows
# and columns mean the same (规范性文件 / 行政规范性文件; 本年新制作数量 / 本年制发件数),
# so a panel across 2020 → 2021 lines up.  （六）其他处理 printed as one row (2019, or a
# 2021 report that collapses it) is ``other_handling``; the 2021 sub-rows have keys of their own.

#: Section 二: row label → key (the model's attribute names).
DISCLOSURE_ROW_KEYS: Final = {
    "规章": "rules", "规范性文件": "normative_documents", "行政规范性文件": "normative_documents",
    "行政许可": "licensing", "其他对外管理服务事项": "other_services", "行政处罚": "penalties",
    "行政强制": "enforcement", "行政事业性收费": "fees", "政府集中采购": "procurement",
}
#: Section 二: column label → key.
DISCLOSURE_COLUMN_KEYS: Final = {
    "本年新制作数量": "issued", "本年制发件数": "issued", "本年新公开数量": "published",
    "对外公开总数量": "published_total", "本年废止件数": "repealed", "现行有效件数": "in_force",
    "上一年项目数量": "previous_count", "本年增/减": "change", "处理决定数量": "decisions",
    "本年处理决定数量": "decisions", "采购项目数量": "projects", "采购总金额": "amount",
    "本年收费金额（单位：万元）": "amount",
}
#: Section 三: row name (the last element of its path) → key.
REQUEST_ROW_KEYS: Final = {
    "一、本年新收政府信息公开申请数量": "new", "二、上年结转政府信息公开申请数量": "carried_in",
    "（一）予以公开": "granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "partly_granted",
    "1.属于国家秘密": "withheld_state_secret", "2.其他法律行政法规禁止公开": "withheld_prohibited",
    "3.危及“三安全一稳定”": "withheld_security", "4.保护第三方合法权益": "withheld_third_party",
    "5.属于三类内部事务信息": "withheld_internal", "6.属于四类过程性信息": "withheld_process",
    "7.属于行政执法案卷": "withheld_enforcement_files", "8.属于行政查询事项": "withheld_inquiry",
    "1.本机关不掌握相关政府信息": "unable_not_held", "2.没有现成信息需要另行制作": "unable_needs_creation",
    "3.补正后申请内容仍不明确": "unable_unclear", "1.信访举报投诉类申请": "not_processed_petition",
    "2.重复申请": "not_processed_repeat", "3.要求提供公开出版物": "not_processed_publication",
    "4.无正当理由大量反复申请": "not_processed_excessive", "5.要求行政机关确认或重新出具已获取信息":
    "not_processed_confirmation", "（六）其他处理": "other_handling",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": "other_no_correction",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": "other_fee_unpaid",
    "3.其他": "other_other", "（七）总计": "total", "四、结转下年度继续办理": "carried_over",
}
#: Section 三's columns and section 四's blocks and columns: label → key.
APPLICANT_COLUMN_KEYS: Final = dict(zip(APPLICANT_COLUMNS, APPLICANT_FIELDS, strict=True))
APPEAL_BLOCK_KEYS: Final = dict(zip(APPEAL_BLOCKS, APPEAL_BLOCK_FIELDS, strict=True))
APPEAL_COLUMN_KEYS: Final = dict(zip(APPEAL_COLUMNS, APPEAL_COLUMN_FIELDS, strict=True))


# ---- Templates registered as data ------------------------------------------------


def register_template(name: str, value: str, family: Template, *, disclosure_rows: Sequence[DisclosureRowSpec],
                      request_rows: Sequence[RequestRowSpec], markers: Sequence[str],
                      row_keys: dict[str, str] | None = None, column_keys: dict[str, str] | None = None) -> Template:
    """Add a template defined as data: its section 二 rows and columns, its section 三 rows, its marker words.

    ``family`` is the official template whose rules it follows where they
    differ in more than labels (its section 二 must hold the family's fields).
    ``row_keys`` and ``column_keys`` give stable keys to labels the family
    does not have (see :data:`REQUEST_ROW_KEYS`).  The readers, rules,
    writers and records take everything else from the data; a text whose
    marker words are the new template's more than any other's is read as it.

    :returns: the new :class:`Template` (``Template.<name>``).
    :raises ValueError: the name or value is taken.
    """
    template = Template._add(name, value, family)
    DISCLOSURE_ROWS[template] = tuple(disclosure_rows)
    REQUEST_ROWS[template] = tuple(request_rows)
    TEMPLATE_MARKERS[template] = tuple(markers)
    REQUEST_ROW_KEYS.update(row_keys or {})
    DISCLOSURE_COLUMN_KEYS.update(column_keys or {})
    return template


def unregister_template(template: Template) -> None:
    """Remove a template :func:`register_template` added (its labels' stable keys stay).

    :raises ValueError: ``template`` is an official one.
    """
    Template._remove(template)  # first: it refuses an official template before any of its data goes
    for table in (DISCLOSURE_ROWS, REQUEST_ROWS, TEMPLATE_MARKERS):
        table.pop(template, None)
