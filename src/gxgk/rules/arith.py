"""Arithmetic over cells that may be blank, and the findings an identity yields."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Literal, NamedTuple

from ..model import (
    Cell,
    Report,
    RequestRow,
    Severity,
    Value,
)
from .base import (
    _COLUMNS_3,
    _RESULTS_PREFIX,
    _TOTAL_COL,
    ERROR,
    INFO,
    TOTAL,
    WARNING,
    CellRef,
    Context,
    Finding,
    Number,
    _display_row,
    _row_cells,
)

# ---- Arithmetic with blanks -------------------------------------------------


class Term(NamedTuple):
    """A cell taking part in an identity, with the name messages give it."""

    name: str
    section: int
    row: str
    column: str
    cell: Cell
    report: Report


def _ref(term: Term) -> CellRef:
    meta = term.report.meta
    return CellRef(term.section, term.row, term.column, term.cell.value, term.cell.source, meta.year, meta.organ)


def _cell(row: RequestRow | None, column: int) -> Cell:
    return Cell() if row is None else _row_cells(row)[column]


class Outcome(NamedTuple):
    """How an identity ``Σ actual = Σ expected`` came out (``None`` sums: not known)."""

    kind: Literal["ok", "fail", "bound", "blank"]
    expected: Number | None
    actual: Number | None
    blanks: tuple[Term, ...]


def _side(terms: Sequence[Term], blank_as_zero: bool) -> tuple[Number, list[Term]]:
    total: Number = 0
    blanks = []
    for term in terms:
        value = term.cell.value
        if value is None:
            blanks.append(term)
        else:
            total += value
    return total, ([] if blank_as_zero else blanks)


def evaluate(actual: Sequence[Term], expected: Sequence[Term], blank_as_zero: bool = False) -> Outcome:
    """Check ``Σ actual = Σ expected``, keeping blanks apart from zeros.

    ``bound``: blanks stand on one side only and the other side's printed
    cells already exceed it, so no non-negative values in the blanks could
    balance it.

    >>> r = Report()
    >>> t = lambda v: Term("x", 3, "r", "c", Cell(v), r)
    >>> evaluate([t(0)], [t(10), t(1), t(None)]).kind
    'bound'
    >>> evaluate([t(None)], [t(10), t(1)]).kind
    'blank'
    >>> evaluate([t(None)], [t(10), t(1)], blank_as_zero=True)[:3]
    ('fail', 11, 0)
    """
    a_sum, a_blanks = _side(actual, blank_as_zero)
    e_sum, e_blanks = _side(expected, blank_as_zero)
    if not a_blanks and not e_blanks:
        return Outcome("ok" if a_sum == e_sum else "fail", e_sum, a_sum, ())
    if (not e_blanks and a_sum > e_sum) or (not a_blanks and e_sum > a_sum):
        return Outcome("bound", e_sum, a_sum, tuple(a_blanks + e_blanks))
    return Outcome("blank", None if e_blanks else e_sum, None if a_blanks else a_sum, tuple(a_blanks + e_blanks))


def _fmt(value: Value) -> str:
    if value is None:
        return "blank"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _fmt_zh(value: Value) -> str:
    return "空白" if value is None else _fmt(value)


def _signed(value: Number) -> str:
    text = _fmt(value)
    return text if text.startswith("-") else f"+{text}"


def _sum_text(terms: Sequence[Term], zh: bool, many: tuple[str, str] | None = None) -> str:
    """``自然人 + 商业企业 (9 + 0)``, or for long sums a named total."""
    fmt = _fmt_zh if zh else _fmt
    if len(terms) == 1:
        return terms[0].name
    if many is not None and len(terms) > 6:
        return many[1 if zh else 0]
    names = " + ".join(term.name for term in terms)
    values = " + ".join(fmt(term.cell.value) for term in terms)
    return f"{names} ({values})" if not zh else f"{names}（{values}）"


def identity_findings(ctx: Context, code: str, where: tuple[str, str], actual: Sequence[Term],
                      expected: Sequence[Term], *, many: tuple[str, str] | None = None,
                      severity: Severity = ERROR, outcome: Outcome | None = None) -> Iterator[Finding]:
    """The finding for ``Σ actual = Σ expected`` at ``where`` (English, Chinese), if any."""
    outcome = outcome or evaluate(actual, expected, ctx.blank_as_zero)
    if outcome.kind == "ok":
        return
    refs = [_ref(term) for term in (*actual, *expected)]
    a_en, e_en = _sum_text(actual, False, many), _sum_text(expected, False, many)
    a_zh, e_zh = _sum_text(actual, True, many), _sum_text(expected, True, many)
    if outcome.kind == "blank":
        en, zh = _blank_messages(where, outcome, actual, expected, (a_en, e_en), (a_zh, e_zh))
        yield ctx.finding(f"{code}-blank", INFO, en, zh, cells=refs, expected=outcome.expected,
                          actual=outcome.actual)
        return
    assert outcome.expected is not None and outcome.actual is not None
    diff = outcome.actual - outcome.expected
    note_en = note_zh = ""
    if outcome.kind == "bound":
        note_en = ", whatever the blank cells hold (counts are never negative)"
        note_zh = "，无论空白单元格为何值（数量不可能为负）"
    elif ctx.blank_as_zero and any(term.cell.value is None for term in (*actual, *expected)):
        note_en, note_zh = " (blank cells read as 0)", "（空白按 0 计）"
    en = (f"{where[0]}: {a_en} = {_fmt(outcome.actual)}, but {e_en} = {_fmt(outcome.expected)} "
          f"(difference {_signed(diff)}){note_en}")
    zh = (f"{where[1]}：{a_zh} = {_fmt(outcome.actual)}，但 {e_zh} = {_fmt(outcome.expected)}"
          f"（相差 {_signed(diff)}）{note_zh}")
    yield ctx.finding(code, severity, en, zh, cells=refs, expected=outcome.expected, actual=outcome.actual,
                      difference=diff)


def _blank_messages(where: tuple[str, str], outcome: Outcome, actual: Sequence[Term], expected: Sequence[Term],
                    sums_en: tuple[str, str], sums_zh: tuple[str, str]) -> tuple[str, str]:
    """"Not assessable" messages naming the blank cells (a few by name, many by count)."""
    blanks = outcome.blanks
    if len(blanks) == len(actual) + len(expected):
        return (f"{where[0]}: not assessable, every cell is blank (a blank is not a 0)",
                f"{where[1]}：无法核对，各单元格均为空白（空白不等于 0）")
    names = [term.name for term in blanks]
    if len(names) > 3:
        listed_en = f"{len(names)} cells ({', '.join(names[:2])}, …) are"
        listed_zh = f"{len(names)} 个单元格（{'、'.join(names[:2])} 等）"
    else:
        listed_en = f"{', '.join(names)} {'is' if len(names) == 1 else 'are'}"
        listed_zh = "、".join(names)
    a_en, a_zh = _partial(outcome.actual, actual)
    e_en, e_zh = _partial(outcome.expected, expected)
    holds = _holds_if_zero(actual, expected)
    en = (f"{where[0]}: not assessable, {listed_en} blank (a blank is not a 0): {sums_en[0]} = {a_en}, "
          f"{sums_en[1]} = {e_en}" + ("; it holds if the blanks are 0" if holds else ""))
    zh = (f"{where[1]}：无法核对，{listed_zh} 为空白（空白不等于 0）：{sums_zh[0]} = {a_zh}，{sums_zh[1]} = {e_zh}"
          + ("；若空白为 0 则成立" if holds else ""))
    return en, zh


def _partial(total: Number | None, terms: Sequence[Term]) -> tuple[str, str]:
    """A side's sum, or "?" with what its printed cells add up to."""
    if total is not None:
        return _fmt(total), _fmt(total)
    known = [t.cell.value for t in terms if t.cell.value is not None]
    if not known:
        return "?", "?"
    value = _fmt(sum(known, 0))
    return f"? (the printed cells add up to {value})", f"?（已填单元格之和为 {value}）"


def _holds_if_zero(actual: Sequence[Term], expected: Sequence[Term]) -> bool:
    a = sum((t.cell.value for t in actual if t.cell.value is not None), 0)
    e = sum((t.cell.value for t in expected if t.cell.value is not None), 0)
    return a == e


# ---- Section 三 terms -------------------------------------------------------


def _row_name(label: str) -> str:
    return _display_row(3, label)


def _column_term(ctx: Context, label: str, column: int, report: Report | None = None, name: str | None = None
                 ) -> Term:
    report = ctx.report if report is None else report
    row = ctx.rows(report).get(label)
    return Term(name or _row_name(label), 3, label, _COLUMNS_3[column], _cell(row, column), report)


def _result_labels(ctx: Context) -> list[str]:
    return [label for label in ctx.rows() if label.startswith(_RESULTS_PREFIX) and label != TOTAL]


def _column_diagnosis(ctx: Context, code: str, outcomes: Sequence[Outcome], terms: Sequence[Sequence[Term]],
                      where: str) -> Iterator[Finding]:
    """Failing applicant columns whose differences cancel while the 总计 column balances:
    a request was probably counted in the wrong applicant column."""
    fails = [(j, o) for j, o in enumerate(outcomes[:_TOTAL_COL]) if o.kind == "fail"]
    if len(fails) < 2 or outcomes[_TOTAL_COL].kind != "ok":
        return
    diffs = [(j, o.actual - o.expected) for j, o in fails if o.actual is not None and o.expected is not None]
    if sum(d for _, d in diffs) != 0:
        return
    listed = ", ".join(f"{_COLUMNS_3[j]} {_signed(d)}" for j, d in diffs)
    listed_zh = "，".join(f"{_COLUMNS_3[j]} {_signed(d)}" for j, d in diffs)
    en = (f"三 · {where}: the columns are off by {listed}, which cancel out, and the 总计 column balances: "
          f"a request was probably counted in the wrong applicant column")
    zh = f"三 · {where}：各列相差 {listed_zh}，相互抵消，且总计列平衡：可能有申请被计入了错误的申请人列"
    cells = [_ref(term) for j, _ in diffs for term in terms[j]]
    yield ctx.finding(f"{code}-column", WARNING, en, zh, cells=cells)
