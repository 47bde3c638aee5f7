"""What a rule is and what it finds: Finding, CellRef, Context, Rule, the registry and row labels."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final, Literal

import attrs
import regex

from ..model import (
    AppealBlock,
    Cell,
    Provenance,
    Report,
    RequestRow,
    Severity,
    Value,
)
from ..template.spec import (
    APPEAL_COLUMN_FIELDS,
    APPLICANT_COLUMNS,
    APPLICANT_FIELDS,
    REQUEST_ROW_KEYS,
    REQUEST_ROWS,
    Template,
    printed_rows,
    request_rows,
)

__all__ = ["CellRef", "Context", "Finding", "Findings", "Rule", "Scope"]

Number = int | Decimal

ERROR: Final = Severity.ERROR
WARNING: Final = Severity.WARNING
INFO: Final = Severity.INFO

#: Where a rule applies: one report, a report and the year before, or a
#: parent report and its children.
Scope = Literal["report", "pair", "hierarchy"]

_OFFICIAL: Final = frozenset({Template.V2019, Template.V2021})
_ALL: Final = frozenset({Template.V2019, Template.V2021, Template.NONE})  #: every family


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
        from ..write.view import findings_html  # the view, loaded when a notebook asks for it

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

def _label(key: str, template: Template = Template.V2019) -> str:
    """The official label path of the section 三 row with stable key ``key`` (see REQUEST_ROW_KEYS)."""
    return next(spec.label for spec in REQUEST_ROWS[template] if REQUEST_ROW_KEYS[spec.name] == key)


NEW: Final = _label("new")  #: 一、本年新收政府信息公开申请数量
CARRIED_IN: Final = _label("carried_in")  #: 二、上年结转政府信息公开申请数量
TOTAL: Final = _label("total")  #: 三、本年度办理结果 / （七）总计
CARRIED_OUT: Final = _label("carried_over")  #: 四、结转下年度继续办理
_RESULTS_PREFIX: Final = TOTAL.split(" / ")[0] + " / "
OTHER_2019: Final = _label("other_handling")  #: 三、本年度办理结果 / （六）其他处理
_FEE_ROW_2021: Final = _label("other_fee_unpaid", Template.V2021)
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


@functools.cache
def _row_sets(template: Template) -> tuple[tuple[str, ...], ...]:
    """:func:`_expected_rows` of ``template``, computed once (a template registered later has its own)."""
    return _expected_rows(template)
