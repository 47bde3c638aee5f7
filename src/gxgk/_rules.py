"""The validation rules: the identities of TEMPLATES.md §6, one small function each.

Every rule is registered in :data:`RULES` with its id, the severity of a
failure, a formula, where the rule comes from and when it cannot be assessed;
the documentation's rule reference is generated from that registry.

Three principles shape every rule:

* **A blank is not a zero.**  A check that needs a blank cell reports an
  ``INFO`` finding ``"<id>-blank"`` naming the blank, never a failure computed
  as if the blank were 0 (unless the caller asks ``blank_as_zero=True``).
  Counts are never negative, though, so when the printed cells *already*
  exceed a printed total, whatever the blanks hold, that is still a failure.
* **Say exactly what is wrong, where, by how much.**  A :class:`Finding`
  names the cells involved by their official labels, with their values and
  source positions, the expected and actual values and the difference.
* **Never rewrite the report.**  Rules read the report; a diagnosis such as
  "the digits were probably split" is said, not applied.

Finding codes start with the identity's id from TEMPLATES.md (``A1``, for
the hierarchy, is ours: the spec gives that rule no id) and are stable across
versions.  A bare id (``H1``) is the failure itself; suffixes say more:

* ``-blank`` (``INFO``): not assessable because a cell it needs is blank;
* ``-column`` (``WARNING``, H1/H2): the diagnosis "a request was probably
  counted in the wrong applicant column";
* ``H6-template`` / ``H6-section`` (``INFO``), ``H6-table`` / ``H6-rows``
  (``ERROR``): which part of the template is missing;
* ``S1-requests`` / ``S1-review``: which narrative number disagrees;
* ``A1-missing``, ``X1-ambiguous`` (``INFO``): a child report is missing; two
  reports claim the year before.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final, Literal, NamedTuple

import attrs
import regex

from ._model import (
    AppealBlock,
    Cell,
    Disclosure2019,
    Disclosure2021,
    Narrative,
    Provenance,
    Report,
    RequestRow,
    Severity,
    Value,
)
from ._normalize import normalize
from ._template import (
    APPEAL_BLOCKS,
    APPEAL_COLUMN_FIELDS,
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
    APPLICANT_FIELDS,
    DISCLOSURE_ROWS,
    REQUEST_ROWS,
    SECTION_TITLES,
    Template,
    ValueKind,
    printed_rows,
    request_rows,
)

__all__ = ["RULES", "CellRef", "Context", "Finding", "Findings", "Rule"]

Number = int | Decimal

ERROR: Final = Severity.ERROR
WARNING: Final = Severity.WARNING
INFO: Final = Severity.INFO

#: Where a rule applies: one report, a report and the year before, or a
#: parent report and its children.
Scope = Literal["report", "pair", "hierarchy"]

_OFFICIAL: Final = frozenset({Template.V2019, Template.V2021})
_ALL: Final = frozenset(Template)

# ---- Public data classes ----------------------------------------------------


@attrs.frozen
class CellRef:
    """A cell a finding is about, named by its official labels.

    ``row`` is the official row label as in :func:`gxgk.to_records` (a " / "
    path in sections 三 and 四); ``column`` the official column label.  For a
    number read from a narrative section, ``row`` is the section title and
    ``column`` is ``"正文"`` (the text).  ``year`` and ``organ`` say which
    report the cell belongs to (cross-year and hierarchy rules name cells of
    several reports).  ``value`` is the value as printed, ``None`` for a blank.

    .. versionadded:: 0.1
    """

    section: int
    row: str
    column: str
    value: Value = None
    source: Provenance | None = attrs.field(default=None, eq=False, repr=False)
    year: int | None = None
    organ: str | None = None

    @property
    def label(self) -> str:
        """A compact, readable name: ``"三、（三）不予公开 / 1.属于国家秘密 · 自然人"``.

        >>> CellRef(3, "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密", "自然人").label
        '三、（三）不予公开 / 1.属于国家秘密 · 自然人'
        >>> CellRef(4, "行政复议", "总计").label
        '四、行政复议 · 总计'
        """
        row = _display_row(self.section, self.row)
        return f"{row} · {self.column}" if self.column else row


@attrs.frozen(repr=False)
class Finding:
    """One thing a rule found: what is wrong, where, and by how much.

    ``code`` starts with the rule's id (see :data:`gxgk.RULES`); ``severity``
    is ``ERROR`` for a broken hard identity, ``WARNING`` for a soft one (or a
    diagnosis), ``INFO`` when the rule could not be assessed.  ``expected`` is
    what the identity requires, ``actual`` what the report prints, and
    ``difference`` is ``actual - expected`` (``None`` where not numeric or not
    known).  ``year`` and ``organ`` identify the report concerned, and
    ``report`` is that report itself (not compared), so that findings of a
    batch can be traced back.  ``excerpt`` quotes the narrative text a soft
    rule read.

    .. versionadded:: 0.1
    """

    code: str
    severity: Severity
    message: str
    message_zh: str
    cells: tuple[CellRef, ...] = ()
    expected: Value = None
    actual: Value = None
    difference: Value = None
    year: int | None = None
    organ: str | None = None
    excerpt: str | None = None
    report: Report | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def rule(self) -> str:
        """The rule id the code starts with: ``"S1"`` for ``"S1-requests"``."""
        return self.code.split("-", 1)[0]

    def __str__(self) -> str:
        return f"{self.severity} {self.code}: {self.message}"

    def __repr__(self) -> str:
        """One line: code, severity, the first cell named, and the message (cut)."""
        message = self.message if len(self.message) <= 100 else self.message[:99] + "…"
        cells = f", cells={len(self.cells)}" if self.cells else ""
        return f"Finding({self.code!r}, {self.severity.value}, {message!r}{cells})"


class Findings(list[Finding]):
    """A list of findings that a notebook shows as a table (``_repr_html_``).

    .. versionadded:: 0.2
    """

    def _repr_html_(self) -> str:
        from ._view import findings_html  # the view, loaded when a notebook asks for it

        return findings_html(self)


class Context:
    """What a rule looks at: the report, the year before or the children, and options.

    Rows of section 三 are looked up by label once per report.
    """

    __slots__ = ("_rows", "blank_as_zero", "children", "previous", "report")

    def __init__(self, report: Report, *, previous: Report | None = None,
                 children: Sequence[Report | None] = (), blank_as_zero: bool = False) -> None:
        self.report = report
        self.previous = previous
        self.children = tuple(children)
        self.blank_as_zero = blank_as_zero
        self._rows: dict[int, dict[str, RequestRow]] = {}

    def rows(self, report: Report | None = None) -> dict[str, RequestRow]:
        """Section 三 rows of ``report`` (default: the report checked) by label path."""
        report = self.report if report is None else report
        found = self._rows.get(id(report))
        if found is None:
            requests = report.requests
            found = {} if requests is None else {row.label: row for row in requests.rows}
            self._rows[id(report)] = found
        return found

    def finding(self, code: str, severity: Severity, message: str, message_zh: str, *,
                cells: Iterable[CellRef] = (), expected: Value = None, actual: Value = None,
                difference: Value = None, excerpt: str | None = None) -> Finding:
        """A finding about the report checked."""
        meta = self.report.meta
        return Finding(code, severity, message, message_zh, tuple(cells), expected, actual, difference,
                       meta.year, meta.organ, excerpt, self.report)


Check = Callable[[Context], Iterator[Finding]]


@attrs.frozen
class Rule:
    """A registered validation rule.

    ``severity`` is the severity of a failure (not-assessable findings are
    always ``INFO``; diagnoses attached to a hard rule are ``WARNING``);
    ``codes`` lists every code the rule can emit; ``templates`` the templates
    of the checked report it applies to; ``scope`` whether it needs the
    year before (``"pair"``) or the children of a government (``"hierarchy"``);
    ``unassessable`` says when it cannot be assessed.

    .. versionadded:: 0.1
    """

    id: str
    severity: Severity
    title: str
    title_zh: str
    formula: str
    source: str
    unassessable: str
    codes: tuple[str, ...]
    check: Check = attrs.field(eq=False, repr=False)
    templates: frozenset[Template] = _OFFICIAL
    scope: Scope = "report"

    @property
    def needs_previous(self) -> bool:
        """True for cross-year rules (they run only with the year before)."""
        return self.scope == "pair"


_REGISTRY: list[Rule] = []


def _rule(id: str, severity: Severity, title: str, title_zh: str, *, formula: str, source: str,
          unassessable: str, codes: Sequence[str], templates: frozenset[Template] = _OFFICIAL,
          scope: Scope = "report") -> Callable[[Check], Check]:
    """Register the decorated check function as a rule."""
    def register(check: Check) -> Check:
        _REGISTRY.append(Rule(id, severity, title, title_zh, formula, source, unassessable, tuple(codes),
                              check, templates, scope))
        return check
    return register


# ---- Labels -----------------------------------------------------------------

_SPECS_2019: Final = request_rows(Template.V2019)
NEW: Final = _SPECS_2019[0].label  #: 一、本年新收政府信息公开申请数量
CARRIED_IN: Final = _SPECS_2019[1].label  #: 二、上年结转政府信息公开申请数量
TOTAL: Final = _SPECS_2019[-2].label  #: 三、本年度办理结果 / （七）总计
CARRIED_OUT: Final = _SPECS_2019[-1].label  #: 四、结转下年度继续办理
_RESULTS_PREFIX: Final = _SPECS_2019[-2].path[0] + " / "
OTHER_2019: Final = _SPECS_2019[-3].label  #: 三、本年度办理结果 / （六）其他处理
_FEE_ROW_2021: Final = next(s.label for s in request_rows(Template.V2021) if "收费通知" in s.name)
_SHORT_PARTIAL = regex.compile(r"^(（二）部分公开)（[^（）]*+）$")
_COLUMNS_3: Final = APPLICANT_COLUMNS  # 自然人 … 其他, 总计
_TOTAL_COL: Final = len(APPLICANT_COLUMNS) - 1
TEXT_COLUMN: Final = "正文"
_row_cells: Callable[[RequestRow], tuple[Cell, ...]] = operator.attrgetter(*APPLICANT_FIELDS)
_block_cells: Callable[[AppealBlock], tuple[Cell, ...]] = operator.attrgetter(*APPEAL_COLUMN_FIELDS)


def _values(cells: Sequence[Cell]) -> list[Value]:
    return [cell.value for cell in cells]


def _display_row(section: int, row: str) -> str:
    """A row label as messages show it: 三、（三）不予公开 / 1.属于国家秘密."""
    if section == 3:
        if row.startswith(_RESULTS_PREFIX):
            parts = row[len(_RESULTS_PREFIX):].split(" / ")
            parts[0] = _SHORT_PARTIAL.sub(r"\1", parts[0])
            return "三、" + " / ".join(parts)
        return row
    if section == 4:
        return f"四、{row}"
    if section == 2:
        return f"二、{row}"
    return row


def _expected_rows(template: Template) -> tuple[tuple[str, ...], ...]:
    """The row label sequences section 三 may have: the template's, and for 2021
    the variant that prints （六）其他处理 as one row."""
    specs = REQUEST_ROWS.get(template, ())
    full = tuple(spec.label for spec in request_rows(template))
    groups = [index for index, spec in enumerate(specs) if spec.group]
    return (full, *(tuple(specs[i].label for i in printed_rows(specs, {group})) for group in groups))


_ROW_SETS: Final = {template: _expected_rows(template) for template in _OFFICIAL}

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
_DISCLOSURE_TYPE: Final = {Template.V2019: Disclosure2019, Template.V2021: Disclosure2021}
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
    elif section == 2 and not isinstance(value, _DISCLOSURE_TYPE[report.template]):
        yield ctx.finding("H6-table", ERROR,
                          f"the table of section {title} is in the other template's format than the report's "
                          f"({report.template.value})",
                          f"「{title}」的表格与报告模板（{report.template.value}）不一致", cells=[ref])


def _rows_match(ctx: Context) -> Iterator[Finding]:
    labels = tuple(ctx.rows())
    if len(labels) == len(ctx.report.requests or ()) and labels in _ROW_SETS[ctx.report.template]:
        return
    want = _ROW_SETS[ctx.report.template][0]
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
    if previous is None or previous.template is not Template.V2021:
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


RULES: Final[tuple[Rule, ...]] = tuple(_REGISTRY)
"""Every validation rule, in the order findings are reported."""
