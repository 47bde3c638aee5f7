"""The narrative rules: numbers, fees, problems, lengths and years the text states (S1–S6)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final, NamedTuple

import regex

from ..model import (
    AppealBlock,
    Cell,
    Disclosure2019,
    Narrative,
    Provenance,
    Report,
    RequestRow,
    Value,
)
from ..template.spec import (
    APPEAL_BLOCKS,
    DISCLOSURE_ROWS,
    SECTION_TITLES,
    Template,
)
from .arith import _column_term, _ref, _row_name
from .base import (
    _FEE_ROW_2021,
    _TOTAL_COL,
    CARRIED_IN,
    INFO,
    NEW,
    OTHER_2019,
    TEXT_COLUMN,
    TOTAL,
    WARNING,
    CellRef,
    Context,
    Finding,
    _block_cells,
    _display_row,
    _row_cells,
    _rule,
    _values,
)
from .table import _NARRATIVE_FIELDS, _block_terms, _row_terms

# ---- Narratives -------------------------------------------------------------


class Mention(NamedTuple):
    """A number a narrative states, with the text that states it."""

    value: int
    excerpt: str
    start: int  #: offset in the narrative's text


def _narrative_ref(ctx: Context, section: int, narrative: Narrative, mention: Mention | None = None,
                   report: Report | None = None) -> CellRef:
    """A reference to a narrative section, or to the sentence a mention comes from."""
    report = ctx.report if report is None else report
    title = SECTION_TITLES[section - 1]
    source = narrative.source
    value: Value = None
    if mention is not None:
        value = mention.value
        source = _locate(narrative, mention.excerpt) or source
    return CellRef(section, title, TEXT_COLUMN, value, source, report.meta.year, report.meta.organ)


def _locate(narrative: Narrative, excerpt: str) -> Provenance | None:
    """The excerpt's position in the source, found in the section's raw text."""
    source = narrative.source
    if source is None:
        return None
    index = source.raw.find(excerpt)
    if index < 0:
        return None
    return Provenance(source.start + index, source.start + index + len(excerpt),
                      source.line + source.raw.count("\n", 0, index), excerpt)


# Narrative patterns run on the text as printed: punctuation classes hold both
# widths, key words both simplified and traditional forms, and \d matches
# full-width digits (which int() reads).  Gaps are bounded and stop at sentence
# ends, so no pattern reaches across sentences or backtracks far.
_STOP = r"。.;；!！?？"  # sentence ends (line breaks are removed first: PDF text wraps mid-sentence)
_COMMA = r",，"
_APPLY = r"申[请請]"
_REVIEW = r"行政(?:复|複|復)(?:议|議)"
_SUIT = r"(?:诉|訴)(?:讼|訟)"
_REQUESTS_AFTER = regex.compile(
    rf"""(?:收到|受理|接收|接到)             # a verb of receiving
        (?P<gap>[^\d{_STOP}]{{0,20}}?)       # what was received, e.g. 政府信息公开
        {_APPLY}
        [^\d{_STOP}{_COMMA}]{{0,6}}?         # e.g. 共计
        (?P<n>\d++(?:,\d{{3}})*+)\s*+件""",
    regex.VERBOSE,
)
_REQUESTS_BEFORE = regex.compile(
    rf"""(?:收到|受理|接收|接到)
        (?P<gap>[^\d{_STOP}{_COMMA}]{{0,6}}?)   # e.g. 共
        (?P<n>\d++(?:,\d{{3}})*+)\s*+件
        [^\d{_STOP}{_COMMA}]{{0,12}}?{_APPLY}""",
    regex.VERBOSE,
)
_REQUESTS_NONE = regex.compile(rf"(?:未|没有|沒有)(?:收到|受理|接到)(?P<gap>[^\d{_STOP}{_COMMA}]{{0,20}}?){_APPLY}")
_REQUESTS_EXCLUDE = regex.compile(r"复议|複議|復議|诉讼|訴訟|提案|建议|建議|举报|舉報|投诉|投訴|信访|信訪|诉求|訴求")
_REVIEW_AFTER = regex.compile(
    rf"""{_REVIEW}(?:案件|{_APPLY}|案)?+
        (?:共计|共計|共|合计|合計|总计|總計)?+\s*+
        (?P<n>\d++)\s*+(?:件|起|宗|个|個)""",
    regex.VERBOSE,
)
_REVIEW_BEFORE = regex.compile(
    rf"""(?P<n>\d++)\s*+(?:件|起|宗)
        (?P<gap>[^\d{_STOP}{_COMMA}、]{{0,15}}?)     # e.g. 涉及政府信息公开工作的
        {_REVIEW}(?!\s*+(?:、|和|及|与|與|或)\s*+行政{_SUIT})""",
    regex.VERBOSE,
)
_REVIEW_NONE = regex.compile(
    rf"(?:未|没有|沒有)(?:发生|發生|收到|出现|出現|产生|產生|有|被)(?P<gap>[^\d{_STOP}{_COMMA}]{{0,20}}?)"
    rf"(?:{_APPLY})?{_REVIEW}"
)
_SUIT_WORD = regex.compile(_SUIT)
_SUB_COUNT = regex.compile(rf"其中[^{_STOP}{_COMMA}]{{0,12}}$")


class _Joined(NamedTuple):
    r"""A narrative with its line breaks removed (PDF text wraps lines mid-word:
    "行政复\n议"), and the way back to offsets in the narrative."""

    text: str
    original: str
    starts: list[int]  #: offset in ``text`` where each original line starts

    @classmethod
    def of(cls, original: str) -> _Joined:
        lines = original.split("\n")
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line)
        return cls("".join(lines), original, starts)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]`` (each removed break shifts by one)."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        return start + first, end + last


def _mentions(joined: _Joined, found: Iterable[tuple[regex.Match[str], int | None]]) -> list[Mention]:
    mentions = []
    for match, fixed in found:
        if _SUB_COUNT.search(joined.text, max(0, match.start() - 14), match.start()):
            continue  # "其中…收到申请3件" is a part, not the whole
        value = fixed if fixed is not None else int(match.group("n").replace(",", ""))
        start, end = joined.span(match.start(), match.end())
        mentions.append(Mention(value, joined.original[start:end], start))
    return _dedupe(sorted(mentions, key=lambda m: m.start))


def request_mentions(narrative: Narrative) -> list[Mention]:
    """Counts of received requests a narrative states ("共收到政府信息公开申请12件").

    >>> [m.value for m in request_mentions(Narrative("全年共收到政府信息公开申请 749 件，其中自然人申请 741 件。"))]
    [749]
    >>> [m.value for m in request_mentions(Narrative("本年度共收到７０件申請。今年未收到行政复议申请。"))]
    [70]
    """
    joined = _Joined.of(narrative.text)
    text = joined.text
    found: list[tuple[regex.Match[str], int | None]] = []
    for pattern in (_REQUESTS_AFTER, _REQUESTS_BEFORE):
        found += [(m, None) for m in pattern.finditer(text) if not _REQUESTS_EXCLUDE.search(m.group("gap"))]
    found += [(m, 0) for m in _REQUESTS_NONE.finditer(text) if not _REQUESTS_EXCLUDE.search(m.group("gap"))]
    return _mentions(joined, found)


def review_mentions(narrative: Narrative) -> list[Mention]:
    r"""Counts of 行政复议 cases a narrative states ("被申请行政复议3件", "有 1 件…行政复议").

    >>> [(m.value, m.excerpt) for m in review_mentions(Narrative("2024 年有 1 件涉及政府信息公开工作的行政复\n议。"))]
    [(1, '1 件涉及政府信息公开工作的行政复\n议')]
    >>> [m.value for m in review_mentions(Narrative("未发生因政府信息公开引起的行政复议、行政诉讼。"))]
    [0]
    >>> review_mentions(Narrative("行政复议和行政诉讼共 3 件。"))
    []
    """
    joined = _Joined.of(narrative.text)
    text = joined.text
    found: list[tuple[regex.Match[str], int | None]] = [(m, None) for m in _REVIEW_AFTER.finditer(text)]
    found += [(m, None) for m in _REVIEW_BEFORE.finditer(text) if not _SUIT_WORD.search(m.group("gap"))]
    found += [(m, 0) for m in _REVIEW_NONE.finditer(text) if not _SUIT_WORD.search(m.group("gap"))]
    return _mentions(joined, found)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[int] = set()
    kept = []
    for mention in mentions:
        if mention.start not in seen:
            seen.add(mention.start)
            kept.append(mention)
    return kept


def _requests_check(ctx: Context, overview: Narrative) -> Iterator[Finding]:
    mentions = request_mentions(overview)
    if not mentions:
        return
    new = _column_term(ctx, NEW, _TOTAL_COL)
    carried = _column_term(ctx, CARRIED_IN, _TOTAL_COL)
    first = mentions[0]
    if new.cell.value is None:
        ref = _narrative_ref(ctx, 1, overview, first)
        yield ctx.finding("S1-requests-blank", INFO,
                          f"the overview says {first.value} requests were received, but "
                          f"{_row_name(NEW)} · 总计 is blank", f"总体情况称收到申请 {first.value} 件，但"
                          f"{_row_name(NEW)} · 总计 为空白", cells=[ref, _ref(new)], actual=first.value,
                          excerpt=first.excerpt)
        return
    readings = {new.cell.value}
    if carried.cell.value is not None:
        readings.add(new.cell.value + carried.cell.value)  # some narratives count 上年结转 in
    if any(m.value in readings for m in mentions):
        return
    ref = _narrative_ref(ctx, 1, overview, first)
    total = new.cell.value
    yield ctx.finding(
        "S1-requests", WARNING,
        f"the overview says “{first.excerpt}” ({first.value}), but {_row_name(NEW)} · 总计 is {total}"
        + (f" (or {total + carried.cell.value} with 上年结转)" if carried.cell.value else ""),
        f"总体情况称“{first.excerpt}”（{first.value}），但{_row_name(NEW)} · 总计 为 {total}"
        + (f"（含上年结转为 {total + carried.cell.value}）" if carried.cell.value else ""),
        cells=[ref, _ref(new), _ref(carried)], expected=total, actual=first.value,
        difference=first.value - total, excerpt=first.excerpt)


def _review_check(ctx: Context, overview: Narrative) -> Iterator[Finding]:
    mentions = review_mentions(overview)
    if not mentions or ctx.report.appeals is None:
        return
    block = ctx.report.appeals.review
    terms = _block_terms(ctx, APPEAL_BLOCKS[0], block)
    first = mentions[0]
    ref = _narrative_ref(ctx, 1, overview, first)
    total = block.total.value
    where = _display_row(4, APPEAL_BLOCKS[0])
    if total is None:
        yield ctx.finding("S1-review-blank", INFO,
                          f"the overview says “{first.excerpt}” ({first.value}), but {where} · 总计 is blank",
                          f"总体情况称“{first.excerpt}”（{first.value}），但{where} · 总计 为空白",
                          cells=[ref, _ref(terms[-1])], actual=first.value, excerpt=first.excerpt)
        return
    closed = _values(_block_cells(block)[:3])
    readings = {total}
    if None not in closed:
        readings.add(sum(closed))  # type: ignore[arg-type]  # only the cases decided this year
    if any(m.value in readings for m in mentions):
        return
    yield ctx.finding(
        "S1-review", WARNING,
        f"the overview says “{first.excerpt}” ({first.value}), but {where} · 总计 is {total}",
        f"总体情况称“{first.excerpt}”（{first.value}），但{where} · 总计 为 {total}",
        cells=[ref, _ref(terms[-1])], expected=total, actual=first.value, difference=first.value - total,
        excerpt=first.excerpt)


@_rule("S1", WARNING, "Narrative numbers agree with the tables", "正文数字与表格一致",
       formula="“收到…申请X件” in 一 = 三 一 总计 (or 一 + 二 总计); “行政复议X件” in 一 = 四 行政复议 总计 "
               "(or its decided cases)",
       source="peer practice (narratives restate the tables; some include 上年结转)",
       unassessable="the table cell the narrative is compared with is blank (S1-requests-blank, "
                    "S1-review-blank); nothing is said when the narrative states no such number",
       codes=("S1-requests", "S1-review", "S1-requests-blank", "S1-review-blank"))
def check_narrative_numbers(ctx: Context) -> Iterator[Finding]:
    """Numbers the overview states match the tables, under any reasonable reading."""
    overview = ctx.report.overview
    if overview is None:
        return
    if ctx.report.requests is not None:
        yield from _requests_check(ctx, overview)
    yield from _review_check(ctx, overview)


_FEES = regex.compile(r"(?:处|處)理(?:费|費)|收(?:费|費)|收取[^。;；\n]{0,8}?(?:费|費)|(?:费|費)用")


@_rule("S2", WARNING, "六 reports information processing fees", "第六部分报告信息处理费",
       formula="2021 format: 六 mentions 信息处理费 (especially when 三（六）2 逾期未缴费 > 0)",
       source="国办公开办函〔2021〕30号 (六 must report the collection of 信息处理费)",
       unassessable="section 六 was not found (see H6-section)",
       codes=("S2",), templates=frozenset({Template.V2021}))
def check_fee_report(ctx: Context) -> Iterator[Finding]:
    """2021: section 六 must say whether 信息处理费 were charged."""
    other = ctx.report.other_matters
    if other is None or _FEES.search(other.text):
        return
    row = ctx.rows().get(_FEE_ROW_2021)
    unpaid = None if row is None else row.total.value
    cells = [_narrative_ref(ctx, 6, other)]
    en = "section 六 does not mention 信息处理费 (information processing fees)"
    zh = "第六部分未说明信息处理费收取情况"
    if unpaid:
        term = _column_term(ctx, _FEE_ROW_2021, _TOTAL_COL)
        cells.append(_ref(term))
        en += f", although {unpaid} requests were closed for unpaid fees ({_row_name(_FEE_ROW_2021)} · 总计)"
        zh += f"，但有 {unpaid} 件申请因逾期未缴费而不再处理"
    yield ctx.finding("S2", WARNING, en, zh, cells=cells, actual=unpaid)


#: Fewer meaningful characters than this make 五 look like a placeholder.
PROBLEMS_MIN_CHARS: Final = 30
_NOT_MEANINGFUL = regex.compile(r"[^\p{Han}A-Za-z0-9]++")
_NOTHING = regex.compile(r"^\s*+(?:无|没有|暂无|无。|/|—|-)\s*+[。.]?\s*+$")


def _meaningful(text: str) -> int:
    """Chinese characters, letters and digits in ``text``."""
    return len(_NOT_MEANINGFUL.sub("", text))


@_rule("S3", WARNING, "五 is substantive", "第五部分内容具体",
       formula=f"五 has at least {PROBLEMS_MIN_CHARS} Chinese characters or digits and is not “无”",
       source="国办公开办函〔2019〕60号 and 〔2021〕30号 (report the main problems and how they were improved)",
       unassessable="section 五 was not found (see H6-section)",
       codes=("S3",))
def check_problems(ctx: Context) -> Iterator[Finding]:
    """Section 五 says something: not "无", not a few characters."""
    problems = ctx.report.problems
    if problems is None:
        return
    size = _meaningful(problems.text)
    if size >= PROBLEMS_MIN_CHARS and not _NOTHING.match(problems.text):
        return
    excerpt = problems.text[:40]
    yield ctx.finding("S3", WARNING,
                      f"section 五 is not substantive: {size} characters (“{excerpt}”)",
                      f"第五部分内容过于简单：仅 {size} 字（“{excerpt}”）",
                      cells=[_narrative_ref(ctx, 5, problems)], expected=PROBLEMS_MIN_CHARS, actual=size,
                      difference=size - PROBLEMS_MIN_CHARS, excerpt=excerpt)


#: The 2021 notice asks for an overview of about this many characters at most.
OVERVIEW_MAX_CHARS: Final = 1000


@_rule("S4", WARNING, "一 is at most about 1000 characters", "总体情况不超过约 1000 字",
       formula=f"2021 format: characters of 一 (without spaces) ≤ {OVERVIEW_MAX_CHARS}",
       source="国办公开办函〔2021〕30号 (总体情况 about 1000 characters)",
       unassessable="section 一 was not found (see H6-section)",
       codes=("S4",), templates=frozenset({Template.V2021}))
def check_overview_length(ctx: Context) -> Iterator[Finding]:
    """2021: the overview stays short."""
    overview = ctx.report.overview
    if overview is None:
        return
    size = len("".join(overview.text.split()))
    if size <= OVERVIEW_MAX_CHARS:
        return
    yield ctx.finding("S4", WARNING, f"section 一 has {size} characters, more than about {OVERVIEW_MAX_CHARS}",
                      f"总体情况共 {size} 字，超过约 {OVERVIEW_MAX_CHARS} 字",
                      cells=[_narrative_ref(ctx, 1, overview)], expected=OVERVIEW_MAX_CHARS, actual=size,
                      difference=size - OVERVIEW_MAX_CHARS)


#: A share of （六）其他处理 above this (with at least :data:`OTHER_MIN_TOTAL` requests) is flagged.
OTHER_SHARE_MAX: Final = Decimal("0.3")
OTHER_MIN_TOTAL: Final = 10


@_rule("S5", WARNING, "（六）其他处理 is not a catch-all", "（六）其他处理占比不宜过高",
       formula=f"2019 format: （六）其他处理 总计 ≤ {OTHER_SHARE_MAX} × （七）总计 总计 "
               f"(when （七）总计 ≥ {OTHER_MIN_TOTAL})",
       source="peer practice (a large 其他处理 hides the template's categories)",
       unassessable="（六）其他处理 or （七）总计 is blank in the 总计 column (S5-blank)",
       codes=("S5", "S5-blank"), templates=frozenset({Template.V2019}))
def check_other_share(ctx: Context) -> Iterator[Finding]:
    """2019: a high share of （六）其他处理 deserves a look."""
    if ctx.report.requests is None:
        return
    other, total = _column_term(ctx, OTHER_2019, _TOTAL_COL), _column_term(ctx, TOTAL, _TOTAL_COL)
    o, t = other.cell.value, total.cell.value
    if (o is None or t is None) and not ctx.blank_as_zero:
        if o != t:  # two blanks say nothing; one blank hides the share
            where = f"{_row_name(OTHER_2019)} / {_row_name(TOTAL)} · 总计"
            yield ctx.finding("S5-blank", INFO, f"{where}: not assessable, a cell is blank",
                              f"{where}：无法核对，有空白单元格", cells=[_ref(other), _ref(total)])
        return
    o, t = o or 0, t or 0
    if t < OTHER_MIN_TOTAL or o <= OTHER_SHARE_MAX * t:
        return
    share = (Decimal(o) / Decimal(t)).quantize(Decimal("0.01"))
    yield ctx.finding("S5", WARNING,
                      f"{_row_name(OTHER_2019)} · 总计 is {o} of {t} requests handled ({share:.0%})",
                      f"{_row_name(OTHER_2019)} · 总计 为 {o} 件，占办理总数 {t} 件的 {share:.0%}",
                      cells=[_ref(other), _ref(total)], expected=OTHER_SHARE_MAX, actual=share,
                      difference=share - OTHER_SHARE_MAX)


_YEAR = regex.compile(r"(?<![\d.．])(\d{4}+)\s*+年(?!代)")  # \d: full-width digits too
#: For each narrative: the years besides the reporting year Y that may stand
#: alone in it (plans for Y+1 in 五; a signature date in Y+1 under 六).
_YEAR_SLACK: Final = {1: (0,), 5: (0, 1), 6: (0, 1)}


@_rule("S6", WARNING, "Narrative years match the reporting year", "正文年份与报告年度一致",
       formula="a narrative that names years names the reporting year Y (五 and 六 may name Y+1 instead)",
       source="peer practice (a report copied from last year keeps last year's years)",
       unassessable="the reporting year is unknown",
       codes=("S6",))
def check_years(ctx: Context) -> Iterator[Finding]:
    """A narrative about year Y that names only other years was probably copied."""
    year = ctx.report.meta.year
    if year is None:
        return
    for field, section in _NARRATIVE_FIELDS:
        narrative: Narrative | None = getattr(ctx.report, field)
        if narrative is None:
            continue
        matches = list(_YEAR.finditer(narrative.text))
        matches = [m for m in matches if 1900 <= int(m.group(1)) < 2100]
        years = sorted({int(m.group(1)) for m in matches})
        allowed = {year + slack for slack in _YEAR_SLACK[section]}
        if not years or allowed & set(years):
            continue
        first = matches[0]
        excerpt = narrative.text[max(0, first.start() - 10):first.end() + 10]
        title = SECTION_TITLES[section - 1]
        listed = "、".join(map(str, years))
        yield ctx.finding("S6", WARNING,
                          f"{title} names the year(s) {listed} but never the reporting year {year}",
                          f"「{title}」提及 {listed} 年，但未提及报告年度 {year} 年",
                          cells=[_narrative_ref(ctx, section, narrative, Mention(int(first.group(1)),
                                                                                narrative.text[first.start():
                                                                                               first.end()],
                                                                                first.start()))],
                          expected=year, actual=int(first.group(1)), difference=int(first.group(1)) - year,
                          excerpt=excerpt)


def _split_merges(values: Sequence[int]) -> list[int]:
    """Positions i where reading cells i and i+1 (two single digits) as one number
    makes the row balance (the last cell is the total).

    >>> _split_merges([1, 2, 0, 0, 0, 0, 12])
    [0]
    >>> _split_merges([5, 5, 0, 0, 0, 1, 0])
    [5]
    """
    found = []
    for i in range(len(values) - 1):
        a, b = values[i], values[i + 1]
        if not (1 <= a <= 9 and 0 <= b <= 9):
            continue
        merged = [*values[:i], 10 * a + b, *values[i + 2:]]
        if sum(merged[:-1]) == merged[-1]:
            found.append(i)
    return found


@_rule("S8", WARNING, "Digits split across two cells", "数字被拆入两个单元格",
       formula="a row of 三 or block of 四 that does not add up would add up if two adjacent single-digit "
               "cells were one number (“20” → 2 | 0)",
       source="derived (PDF text splits numbers into cells)",
       unassessable="a cell of the row is blank (not diagnosed)",
       codes=("S8",))
def check_split_digits(ctx: Context) -> Iterator[Finding]:
    """A total that is off by what merging two adjacent digits would fix: the number was split."""
    rows: list[tuple[int, str, RequestRow | AppealBlock]] = []
    if ctx.report.requests is not None:
        rows += [(3, row.label, row) for row in ctx.report.requests.rows]
    if ctx.report.appeals is not None:
        rows += [(4, label, block) for label, block in zip(APPEAL_BLOCKS, ctx.report.appeals.blocks, strict=True)]
    for section, label, row in rows:
        values = _values(_row_cells(row) if isinstance(row, RequestRow) else _block_cells(row))
        ints = [v for v in values if type(v) is int]
        if len(ints) < len(values) or sum(ints[:-1]) == ints[-1]:
            continue
        merges = _split_merges(ints)
        if len(merges) != 1:  # no evidence, or ambiguous evidence: say nothing
            continue
        i = merges[0]
        terms = _row_terms(ctx, row) if isinstance(row, RequestRow) else _block_terms(ctx, label, row)
        pair = terms[i : i + 2]
        where = _display_row(section, label)
        number = 10 * ints[i] + ints[i + 1]
        yield ctx.finding(
            "S8", WARNING,
            f"{where}: the row does not add up, but reading {pair[0].name} and {pair[1].name} "
            f"({ints[i]} | {ints[i + 1]}) as one number {number} would balance it: the digits were probably "
            f"split across two cells",
            f"{where}：该行不平衡，但若将 {pair[0].name} 与 {pair[1].name}（{ints[i]} | {ints[i + 1]}）"
            f"读作一个数 {number} 则平衡：数字可能被拆入了两个单元格",
            cells=[_ref(t) for t in pair])


_S9_PAIRS: Final = (("new_made", "本年新制作数量"), ("new_published", "本年新公开数量"))


@_rule("S9", WARNING, "New documents within the published total", "新制作、新公开不超过对外公开总数",
       formula="2019 format, 规章 and 规范性文件: 本年新制作数量 ≤ 对外公开总数量, 本年新公开数量 ≤ 对外公开总数量",
       source="derived (this year's documents are among those published)",
       unassessable="one of the two cells is blank (S9-blank)",
       codes=("S9", "S9-blank"), templates=frozenset({Template.V2019}))
def check_documents(ctx: Context) -> Iterator[Finding]:
    """2019: this year's new documents are part of the published total."""
    disclosure = ctx.report.disclosure
    if not isinstance(disclosure, Disclosure2019):
        return
    meta = ctx.report.meta
    for spec in DISCLOSURE_ROWS[Template.V2019][:2]:
        row = getattr(disclosure, spec.field)
        total = row.total_published
        for field, column in _S9_PAIRS:
            part: Cell = getattr(row, field)
            refs = [CellRef(2, spec.label, column, part.value, part.source, meta.year, meta.organ),
                    CellRef(2, spec.label, "对外公开总数量", total.value, total.source, meta.year, meta.organ)]
            where = f"二、{spec.label}"
            if part.value is None or total.value is None:
                if not ctx.blank_as_zero and part.value != total.value:
                    yield ctx.finding("S9-blank", INFO, f"{where}: {column} ≤ 对外公开总数量 not assessable, a "
                                      "cell is blank", f"{where}：{column} ≤ 对外公开总数量 无法核对，有空白",
                                      cells=refs)
                continue
            if part.value <= total.value:
                continue
            yield ctx.finding("S9", WARNING,
                              f"{where}: {column} {part.value} exceeds 对外公开总数量 {total.value}",
                              f"{where}：{column} {part.value} 大于对外公开总数量 {total.value}",
                              cells=refs, expected=total.value, actual=part.value,
                              difference=part.value - total.value)
