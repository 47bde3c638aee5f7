"""Rules across reports: the year before (X1–X4) and the hierarchy (A1)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

import regex

from ..model import (
    Cell,
    Disclosure2019,
    Disclosure2021,
    Report,
)
from ..read.normalize import normalize
from ..template.spec import (
    APPEAL_BLOCKS,
    APPEAL_COLUMNS,
    DISCLOSURE_ROWS,
    SECTION_TITLES,
    Template,
)
from .arith import Term, _column_term, _row_name, identity_findings
from .base import (
    _COLUMNS_3,
    CARRIED_IN,
    CARRIED_OUT,
    INFO,
    WARNING,
    CellRef,
    Context,
    Finding,
    _block_cells,
    _row_cells,
    _rule,
)
from .narrative import PROBLEMS_MIN_CHARS, _meaningful, _narrative_ref

# ---- Across years -----------------------------------------------------------


@_rule("X1", WARNING, "Carried over = carried forward last year", "上年结转等于上年报告的结转下年度",
       formula="二、上年结转[c](Y) = 四、结转下年度继续办理[c](Y−1), for each column c (also across 2020→2021)",
       source="template (the two rows describe the same requests)",
       unassessable="one of the two cells is blank (X1-blank); two reports claim the year before "
                    "(X1-ambiguous, from validate_series)",
       codes=("X1", "X1-blank", "X1-ambiguous"), scope="pair")
def check_carry_over(ctx: Context) -> Iterator[Finding]:
    """Each column's 上年结转 is last year's 结转下年度继续办理."""
    previous = ctx.previous
    if previous is None or previous.requests is None or ctx.report.requests is None:
        return
    year = previous.meta.year
    label = f"{year} " if year is not None else "Y−1 "
    for j, column in enumerate(_COLUMNS_3):
        actual = [_column_term(ctx, CARRIED_IN, j)]
        expected = [_column_term(ctx, CARRIED_OUT, j, previous, label + _row_name(CARRIED_OUT))]
        where = f"三 · {column}"
        yield from identity_findings(ctx, "X1", (where, where), actual, expected, severity=WARNING)


def _in_force(report: Report) -> Iterator[tuple[str, Cell, Cell, Cell]]:
    disclosure = report.disclosure
    if not isinstance(disclosure, Disclosure2021):
        return
    for spec in DISCLOSURE_ROWS[Template.V2021][:2]:
        row = getattr(disclosure, spec.field)
        yield spec.label, row.issued, row.repealed, row.in_force


@_rule("X2", WARNING, "Documents in force carry over", "现行有效件数逐年衔接",
       formula="2021 format: 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y)",
       source="derived (stock = last year's stock + issued − repealed)",
       unassessable="one of the four cells is blank (X2-blank)",
       codes=("X2", "X2-blank"), templates=frozenset({Template.V2021}), scope="pair")
def check_documents_in_force(ctx: Context) -> Iterator[Finding]:
    """This year's documents in force = last year's + issued − repealed."""
    previous = ctx.previous
    if previous is None or previous.template.family is not Template.V2021:
        return
    before = {label: in_force for label, _, _, in_force in _in_force(previous)}
    prev_year = previous.meta.year if previous.meta.year is not None else "Y−1"
    for label, issued, repealed, in_force in _in_force(ctx.report):
        if label not in before:
            continue

        now = ctx.report
        actual = [Term("现行有效件数", 2, label, "现行有效件数", in_force, now),
                  Term("本年废止件数", 2, label, "本年废止件数", repealed, now)]
        expected = [Term(f"{prev_year} 现行有效件数", 2, label, "现行有效件数", before[label], previous),
                    Term("本年制发件数", 2, label, "本年制发件数", issued, now)]
        where = f"二、{label}"
        yield from identity_findings(ctx, "X2", (where, where), actual, expected, severity=WARNING)


_PROJECT_FIELDS: Final = ("licensing", "other_services", "penalties", "enforcement", "fees")


@_rule("X3", WARNING, "Project counts carry over (2019 format)", "项目数量逐年衔接（2019 格式）",
       formula="2019 format: 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1)",
       source="derived (last year's count plus its change)",
       unassessable="one of the three cells is blank (X3-blank)",
       codes=("X3", "X3-blank"), templates=frozenset({Template.V2019}), scope="pair")
def check_project_counts(ctx: Context) -> Iterator[Finding]:
    """上一年项目数量 follows from last year's count and change."""
    previous = ctx.previous
    if (previous is None or not isinstance(previous.disclosure, Disclosure2019)
            or not isinstance(ctx.report.disclosure, Disclosure2019)):
        return
    prev_year = previous.meta.year if previous.meta.year is not None else "Y−1"
    labels = {spec.field: spec.label for spec in DISCLOSURE_ROWS[Template.V2019]}
    for field in _PROJECT_FIELDS:
        now, then = getattr(ctx.report.disclosure, field), getattr(previous.disclosure, field)
        label = labels[field]
        actual = [Term("上一年项目数量", 2, label, "上一年项目数量", now.previous_count, ctx.report)]
        expected = [Term(f"{prev_year} 上一年项目数量", 2, label, "上一年项目数量", then.previous_count, previous),
                    Term(f"{prev_year} 本年增/减", 2, label, "本年增/减", then.change, previous)]
        where = f"二、{label}"
        yield from identity_findings(ctx, "X3", (where, where), actual, expected, severity=WARNING)


#: Similarity of 五 to last year's above which X4 warns.
SIMILARITY_MAX: Final = Decimal("0.8")
_NOT_CONTENT = regex.compile(r"[^\p{Han}A-Za-z]++")


def similarity(a: str, b: str) -> Decimal:
    """Weighted Jaccard similarity of the two texts' character bigrams, in [0, 1].

    Only Chinese characters and letters count (digits, spaces and punctuation
    are dropped, so a new year number does not hide a copy).  Two texts
    sharing every bigram as often score 1.

    >>> similarity("一是培训不够。二是公开不及时。", "一是培训不够；二是公开不及时！")
    Decimal('1.00')
    >>> similarity("存在问题较多", "下一步工作计划") < Decimal("0.2")
    True
    """
    grams_a, grams_b = _bigrams(a), _bigrams(b)
    union = sum((grams_a | grams_b).values())
    if not union:
        return Decimal(0)
    common = sum((grams_a & grams_b).values())
    return (Decimal(common) / Decimal(union)).quantize(Decimal("0.01"))


def _bigrams(text: str) -> Counter[str]:
    letters = _NOT_CONTENT.sub("", normalize(text))
    return Counter(letters[i : i + 2] for i in range(len(letters) - 1))


@_rule("X4", WARNING, "五 is not copied from last year", "第五部分不得年年雷同",
       formula=f"similarity(五(Y), 五(Y−1)) ≤ {SIMILARITY_MAX}: weighted Jaccard of character bigrams, "
               "Chinese characters and letters only",
       source="国办公开办函〔2021〕30号 (不得年年雷同)",
       unassessable="五 is missing, or shorter than the S3 minimum, in either year",
       codes=("X4",), scope="pair")
def check_copied_problems(ctx: Context) -> Iterator[Finding]:
    """This year's 五 should not be last year's again."""
    previous = ctx.previous
    now = ctx.report.problems
    then = None if previous is None else previous.problems
    if now is None or then is None or previous is None:
        return
    if min(_meaningful(now.text), _meaningful(then.text)) < PROBLEMS_MIN_CHARS:
        return
    score = similarity(now.text, then.text)
    if score <= SIMILARITY_MAX:
        return
    yield ctx.finding("X4", WARNING,
                      f"section 五 is {score:.0%} similar to the year before's: it looks copied",
                      f"第五部分与上一年度相似度为 {score:.0%}，疑似年年雷同",
                      cells=[_narrative_ref(ctx, 5, now), _narrative_ref(ctx, 5, then, report=previous)],
                      expected=SIMILARITY_MAX, actual=score, difference=score - SIMILARITY_MAX)


# ---- Across the hierarchy ---------------------------------------------------


@_rule("A1", WARNING, "A government's report aggregates its children", "本级报告逐级汇总",
       formula="parent[cell] = Σ children[cell], for each cell of 三 and 四",
       source="peer practice (逐级汇总); TEMPLATES.md §6 'Across the hierarchy' (no id there)",
       unassessable="a child report is missing (A1-missing); a cell is blank in the parent or a child "
                    "(A1-blank)",
       codes=("A1", "A1-blank", "A1-missing"), scope="hierarchy")
def check_aggregate(ctx: Context) -> Iterator[Finding]:
    """Every cell of the parent's 三 and 四 is the sum of the children's."""
    if any(child is None for child in ctx.children):
        missing = sum(child is None for child in ctx.children)
        yield ctx.finding("A1-missing", INFO,
                          f"{missing} of {len(ctx.children)} child reports are missing: the aggregate is not "
                          "assessable", f"{len(ctx.children)} 份下级报告中缺少 {missing} 份：无法核对汇总",
                          actual=missing)
        return
    children: list[Report] = [child for child in ctx.children if child is not None]
    for field, section in (("requests", 3), ("appeals", 4)):
        lacking = [child for child in children if getattr(child, field) is None]
        if getattr(ctx.report, field) is None:
            continue
        if lacking:
            names = "、".join(child.meta.organ or "?" for child in lacking)
            title = SECTION_TITLES[section - 1]
            yield ctx.finding("A1-missing", INFO, f"section {title}: the table is missing in {names}: the "
                              "aggregate is not assessable", f"「{title}」：{names} 缺少该表格，无法核对汇总",
                              actual=len(lacking))
            continue
        yield from _aggregate_section(ctx, section, children)


def _cells_by_key(report: Report, section: int) -> dict[tuple[str, str], Cell]:
    if section == 3:
        rows = report.requests.rows if report.requests is not None else ()
        return {(row.label, column): cell for row in rows
                for column, cell in zip(_COLUMNS_3, _row_cells(row), strict=True)}
    blocks = report.appeals.blocks if report.appeals is not None else ()
    return {(label, column): cell for label, block in zip(APPEAL_BLOCKS, blocks, strict=False)
            for column, cell in zip(APPEAL_COLUMNS, _block_cells(block), strict=True)}


def _aggregate_section(ctx: Context, section: int, children: Sequence[Report]) -> Iterator[Finding]:
    child_cells = [_cells_by_key(child, section) for child in children]
    for (row, column), cell in _cells_by_key(ctx.report, section).items():
        actual = [Term(ctx.report.meta.organ or "本级", section, row, column, cell, ctx.report)]
        expected = [Term(child.meta.organ or f"#{i + 1}", section, row, column, cells.get((row, column), Cell()),
                         child) for i, (child, cells) in enumerate(zip(children, child_cells, strict=True))]
        where = CellRef(section, row, column).label
        many = (f"the {len(children)} children", f"{len(children)} 份下级报告之和")
        yield from identity_findings(ctx, "A1", (where, where), actual, expected, many=many, severity=WARNING)
