"""The table rules: the hard identities (H1–H4), value kinds and the template's structure (H6)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from ..model import (
    DISCLOSURE_CLASSES,
    AppealBlock,
    Cell,
    Report,
    RequestRow,
    Value,
)
from ..template.spec import (
    APPEAL_BLOCKS,
    APPEAL_COLUMNS,
    DISCLOSURE_ROWS,
    SECTION_TITLES,
    Template,
    ValueKind,
)
from .arith import Term, _column_diagnosis, _column_term, _fmt, _result_labels, _row_name, evaluate, identity_findings
from .base import (
    _ALL,
    _COLUMNS_3,
    _TOTAL_COL,
    CARRIED_IN,
    CARRIED_OUT,
    ERROR,
    INFO,
    NEW,
    TOTAL,
    CellRef,
    Context,
    Finding,
    Number,
    _block_cells,
    _display_row,
    _row_cells,
    _row_sets,
    _rule,
    _values,
)

# ---- Hard identities --------------------------------------------------------


@_rule("H1", ERROR, "Requests balance per column", "申请收支平衡（各列）",
       formula="一[c] + 二[c] = 三（七）总计[c] + 四[c], for each of the 7 columns c of 三",
       source="template note (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)",
       unassessable="one of the four cells of a column is blank (H1-blank)",
       codes=("H1", "H1-blank", "H1-column"))
def check_balance(ctx: Context) -> Iterator[Finding]:
    """New + carried over = handled + carried forward, in every column."""
    if ctx.report.requests is None:
        return
    rows = ctx.rows()
    if all(label in rows for label in (NEW, CARRIED_IN, TOTAL, CARRIED_OUT)):
        new, carried_in, total, carried_out = (_values(_row_cells(rows[label]))
                                               for label in (NEW, CARRIED_IN, TOTAL, CARRIED_OUT))
        if None not in (*new, *carried_in, *total, *carried_out) and all(
                a + b == c + d  # type: ignore[operator]
                for a, b, c, d in zip(new, carried_in, total, carried_out, strict=True)):
            return
    outcomes, terms = [], []
    findings: list[Finding] = []
    for j, column in enumerate(_COLUMNS_3):
        actual = [_column_term(ctx, TOTAL, j), _column_term(ctx, CARRIED_OUT, j)]
        expected = [_column_term(ctx, NEW, j), _column_term(ctx, CARRIED_IN, j)]
        outcome = evaluate(actual, expected, ctx.blank_as_zero)
        outcomes.append(outcome)
        terms.append([*actual, *expected])
        findings += identity_findings(ctx, "H1", (f"三 · {column}", f"三 · {column}"), actual, expected,
                                      outcome=outcome)
    yield from findings
    yield from _column_diagnosis(ctx, "H1", outcomes, terms, "一 + 二 = （七）总计 + 四")


@_rule("H2", ERROR, "Results add up to （七）总计", "办理结果合计等于（七）总计",
       formula="三（七）总计[c] = （一） + （二） + Σ（三） + Σ（四） + Σ（五） + Σ（六）, for each column c",
       source="template (（七）总计 is the sum of the results)",
       unassessable="（七）总计 or a result row is blank in that column (H2-blank)",
       codes=("H2", "H2-blank", "H2-column"))
def check_results_total(ctx: Context) -> Iterator[Finding]:
    """The result rows of each column add up to the （七）总计 row."""
    if ctx.report.requests is None:
        return
    labels = _result_labels(ctx)
    rows = ctx.rows()
    total_row = rows.get(TOTAL)
    if total_row is not None and _columns_add_up(total_row, [rows[label] for label in labels]):
        return
    many = (f"the {len(labels)} result rows", f"{len(labels)} 个办理结果行之和")
    outcomes, terms = [], []
    findings: list[Finding] = []
    for j, column in enumerate(_COLUMNS_3):
        actual = [_column_term(ctx, TOTAL, j)]
        expected = [_column_term(ctx, label, j) for label in labels]
        outcome = evaluate(actual, expected, ctx.blank_as_zero)
        outcomes.append(outcome)
        terms.append(actual)
        where = f"{_row_name(TOTAL)} · {column}"
        findings += identity_findings(ctx, "H2", (where, where), actual, expected, many=many, outcome=outcome)
    yield from findings
    yield from _column_diagnosis(ctx, "H2", outcomes, terms, "（七）总计")


def _columns_add_up(total: RequestRow, parts: Sequence[RequestRow]) -> bool:
    """Fast path: no blank anywhere and every column adds up."""
    sums: list[Number] = [0] * len(_COLUMNS_3)
    for row in parts:
        for j, value in enumerate(_values(_row_cells(row))):
            if value is None:
                return False
            sums[j] += value
    return sums == _values(_row_cells(total))


def _row_terms(ctx: Context, row: RequestRow) -> list[Term]:
    return [Term(column, 3, row.label, column, cell, ctx.report)
            for column, cell in zip(_COLUMNS_3, _row_cells(row), strict=True)]


@_rule("H3", ERROR, "Row total equals its applicant columns", "各行总计等于各申请人列之和",
       formula="总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, for each row of 三",
       source="template (总计 column)",
       unassessable="the row's 总计 or one of its six applicant cells is blank (H3-blank)",
       codes=("H3", "H3-blank"))
def check_row_totals(ctx: Context) -> Iterator[Finding]:
    """Each row's 总计 is the sum of its six applicant columns."""
    if ctx.report.requests is None:
        return
    for row in ctx.report.requests.rows:
        values = _values(_row_cells(row))
        if None not in values and sum(values[:_TOTAL_COL]) == values[_TOTAL_COL]:  # type: ignore[arg-type]
            continue
        terms = _row_terms(ctx, row)
        where = _row_name(row.label)
        yield from identity_findings(ctx, "H3", (where, where), terms[_TOTAL_COL:], terms[:_TOTAL_COL])


def _block_terms(ctx: Context, label: str, block: AppealBlock) -> list[Term]:
    return [Term(column, 4, label, column, cell, ctx.report)
            for column, cell in zip(APPEAL_COLUMNS, _block_cells(block), strict=True)]


@_rule("H4", ERROR, "Appeal block total", "复议、诉讼各栏总计",
       formula="总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each block of 四",
       source="template (总计 of each block)",
       unassessable="a cell of the block is blank (H4-blank)",
       codes=("H4", "H4-blank"))
def check_appeal_totals(ctx: Context) -> Iterator[Finding]:
    """Each block of section 四 adds up to its 总计."""
    if ctx.report.appeals is None:
        return
    for label, block in zip(APPEAL_BLOCKS, ctx.report.appeals.blocks, strict=True):
        terms = _block_terms(ctx, label, block)
        where = _display_row(4, label)
        yield from identity_findings(ctx, "H4", (where, where), terms[-1:], terms[:-1])


def _bad_value(value: Value, kind: ValueKind) -> str | None:
    """Why ``value`` is not a value of ``kind`` (``None`` if it is one)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return "not a number"
    if kind is ValueKind.AMOUNT:
        return "negative" if value < 0 else None
    if isinstance(value, Decimal):
        return "not a whole number"
    if kind is ValueKind.COUNT and value < 0:
        return "negative"
    return None


def _all_counts_fine(report: Report) -> bool:
    """Fast path for H5: every cell of 三 and 四 is a blank or an ``int`` ≥ 0 (二 is checked in full)."""
    rows: list[list[Value]] = [_values(_row_cells(row)) for row in report.requests or ()]
    if report.appeals is not None:
        rows += [_values(_block_cells(block)) for block in report.appeals.blocks]
    for values in rows:
        for value in values:
            if value is not None and (type(value) is not int or value < 0):
                return False
    return report.disclosure is None or not any(
        _bad_value(cell.value, kind) for section, _, _, cell, kind in _disclosure_cells(report))


def _disclosure_cells(report: Report) -> Iterator[tuple[int, str, str, Cell, ValueKind]]:
    for spec in DISCLOSURE_ROWS.get(report.template, ()):
        row = getattr(report.disclosure, spec.field, None)
        if row is None:
            continue
        for column, cell in zip(spec.columns, row.cells, strict=False):
            yield 2, spec.label, column.label, cell, column.kind


_WHY_ZH: Final = {"not a number": "不是数字", "negative": "为负数", "not a whole number": "不是整数"}


def _all_cells(report: Report) -> Iterator[tuple[int, str, str, Cell, ValueKind]]:
    if report.disclosure is not None:
        yield from _disclosure_cells(report)
    if report.requests is not None:
        for row in report.requests.rows:
            for column, cell in zip(_COLUMNS_3, _row_cells(row), strict=True):
                yield 3, row.label, column, cell, ValueKind.COUNT
    if report.appeals is not None:
        for label, block in zip(APPEAL_BLOCKS, report.appeals.blocks, strict=True):
            for column, cell in zip(APPEAL_COLUMNS, _block_cells(block), strict=True):
                yield 4, label, column, cell, ValueKind.COUNT


@_rule("H5", ERROR, "Counts are non-negative integers", "数量为非负整数",
       formula="count ∈ ℕ; 本年增/减 ∈ ℤ; amount (万元) ≥ 0",
       source="template (units of each column)",
       unassessable="never: a blank cell is simply not checked",
       codes=("H5",))
def check_value_kinds(ctx: Context) -> Iterator[Finding]:
    """Counts are whole and non-negative; signed changes whole; amounts non-negative."""
    if _all_counts_fine(ctx.report):
        return
    meta = ctx.report.meta
    for section, row, column, cell, kind in _all_cells(ctx.report):
        why = _bad_value(cell.value, kind)
        if why is None:
            continue
        ref = CellRef(section, row, column, cell.value, cell.source, meta.year, meta.organ)
        yield ctx.finding("H5", ERROR, f"{ref.label} is {_fmt(cell.value)}: {why} ({kind.value} expected)",
                          f"{ref.label} 为 {_fmt(cell.value)}：{_WHY_ZH[why]}", cells=[ref], actual=cell.value)


_TABLE_FIELDS: Final = (("disclosure", 2), ("requests", 3), ("appeals", 4))
_NARRATIVE_FIELDS: Final = (("overview", 1), ("problems", 5), ("other_matters", 6))
_NARRATIVE_RULES: Final = {1: "S1, S4, S6", 5: "S3, S6, X4", 6: "S2, S6"}


@_rule("H6", ERROR, "Sections and rows match the template", "章节与行符合模板",
       formula="sections 一–六 and tables 二/三/四 present; 三 has the template's rows (23 in 2019, 25 in 2021; "
               "2021 may print （六）其他处理 as one row)",
       source="template",
       unassessable="the report is not on an official template (H6-template); a narrative section was not "
                    "found as a separate section, which may be a missing heading rather than a missing "
                    "section (H6-section)",
       codes=("H6-template", "H6-table", "H6-rows", "H6-section"), templates=_ALL)
def check_structure(ctx: Context) -> Iterator[Finding]:
    """The official template's sections, tables and section 三 rows are all there."""
    report = ctx.report
    if report.template is Template.NONE:
        yield ctx.finding("H6-template", INFO, "not on an official template: no identity can be checked",
                          "不是官方模板格式的年度报告：无法核对任何勾稽关系")
        return
    for field, section in _TABLE_FIELDS:
        yield from _table_present(ctx, field, section)
    if report.requests is not None:
        yield from _rows_match(ctx)
    for field, section in _NARRATIVE_FIELDS:
        if getattr(report, field) is None:
            title = SECTION_TITLES[section - 1]
            yield ctx.finding(
                "H6-section", INFO,
                f"section {title} was not found as a separate section (its heading may be missing); "
                f"{_NARRATIVE_RULES[section]} cannot be assessed on it",
                f"未找到独立的「{title}」部分（可能缺少标题）；无法据此核对 {_NARRATIVE_RULES[section]}",
                cells=[CellRef(section, title, "", None, None, report.meta.year, report.meta.organ)])


def _table_present(ctx: Context, field: str, section: int) -> Iterator[Finding]:
    report = ctx.report
    title = SECTION_TITLES[section - 1]
    value = getattr(report, field)
    ref = CellRef(section, title, "", None, None, report.meta.year, report.meta.organ)
    if value is None:
        yield ctx.finding("H6-table", ERROR, f"the table of section {title} is missing",
                          f"缺少「{title}」的表格", cells=[ref])
    elif section == 2 and not isinstance(value, DISCLOSURE_CLASSES[report.template.family]):
        yield ctx.finding("H6-table", ERROR,
                          f"the table of section {title} is in the other template's format than the report's "
                          f"({report.template.value})",
                          f"「{title}」的表格与报告模板（{report.template.value}）不一致", cells=[ref])


def _rows_match(ctx: Context) -> Iterator[Finding]:
    labels = tuple(ctx.rows())
    if len(labels) == len(ctx.report.requests or ()) and labels in _row_sets(ctx.report.template):
        return
    want = _row_sets(ctx.report.template)[0]
    have = [row.label for row in ctx.report.requests or ()]
    missing = [label for label in want if label not in labels]
    extra = [label for label in have if label not in want]
    year, organ = ctx.report.meta.year, ctx.report.meta.organ
    cells = [CellRef(3, label, "", None, None, year, organ) for label in (*missing, *extra)]
    detail = "; ".join(filter(None, (f"missing: {', '.join(map(_row_name, missing))}" if missing else "",
                                     f"not in the template: {', '.join(extra)}" if extra else "")))
    detail_zh = "；".join(filter(None, (f"缺少：{'、'.join(map(_row_name, missing))}" if missing else "",
                                       f"模板中没有：{'、'.join(extra)}" if extra else "")))
    yield ctx.finding("H6-rows", ERROR,
                      f"section 三 has {len(have)} rows, not the {len(want)} rows of the "
                      f"{ctx.report.template.value} template in order" + (f" ({detail})" if detail else ""),
                      f"第三部分表格有 {len(have)} 行，与 {ctx.report.template.value} 模板的 {len(want)} 行不一致"
                      + (f"（{detail_zh}）" if detail_zh else ""),
                      cells=cells, expected=len(want), actual=len(have), difference=len(have) - len(want))
