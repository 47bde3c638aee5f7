"""Validation: run the rules of :mod:`gxgk.rules` on one report, a series, or a hierarchy.

``validate`` checks one report (and, given the year before, the cross-year
rules); ``validate_series`` pairs a batch of reports by agency and year;
``validate_aggregate`` checks a government's report against its children.
``findings_records`` flattens findings into tidy rows for ``pandas``.

Findings come in a fixed order: reports in order (series: by agency, then
year), then rules in :data:`~gxgk.rules.catalog.RULES` order, then template order of
rows and columns.  Nothing here changes a report.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import NamedTuple

import regex

from ..model import Report, Severity, Value
from ..template.spec import Template
from .base import CellRef, Context, Finding, Findings, Rule, Scope
from .catalog import RULES

__all__ = ["FindingRecord", "findings_records", "rules_markdown", "validate", "validate_aggregate",
           "validate_series"]


def _run(ctx: Context, scopes: Iterable[Scope]) -> list[Finding]:
    wanted = set(scopes)
    template = ctx.report.template
    findings = Findings()
    for rule in RULES:
        if rule.scope in wanted and template.family in rule.templates:
            findings.extend(rule.check(ctx))
    return findings


def validate(report: Report, *, previous: Report | None = None, blank_as_zero: bool = False) -> list[Finding]:
    """Every finding of the rules on ``report``; with ``previous``, the cross-year rules too.

    ``previous`` is the same agency's report for the year before (the caller
    vouches for the agency; a year that is known on both and is not the year
    before raises ``ValueError``).  Blank cells are not zeros: a check that
    needs one is reported as not assessable (``INFO``, code ``…-blank``),
    unless ``blank_as_zero=True``.  A report on no official template gets one
    ``H6-template`` finding and nothing else.

    >>> import gxgk
    >>> [f.code for f in validate(gxgk.Report())]
    ['H6-template']

    .. versionadded:: 0.1
    """
    if previous is not None:
        year, before = report.meta.year, previous.meta.year
        if year is not None and before is not None and before != year - 1:
            raise ValueError(f"previous is the report for {before}, not for the year before {year}")
    ctx = Context(report, previous=previous, blank_as_zero=blank_as_zero)
    scopes: tuple[Scope, ...] = ("report", "pair") if _comparable(previous) else ("report",)
    return _run(ctx, scopes)


def _comparable(report: Report | None) -> bool:
    return report is not None and report.template is not Template.NONE


_SPACE = regex.compile(r"[\s#*]++")


def agency(report: Report) -> str | None:
    """The default grouping key of :func:`validate_series`: the organ, without spaces
    (and markdown marks a conversion left in it).

    >>> import gxgk
    >>> agency(gxgk.Report(meta=gxgk.Meta(organ=" 平潭综合实验区 ")))
    '平潭综合实验区'
    """
    organ = report.meta.organ
    if organ is None:
        return None
    key = _SPACE.sub("", organ)
    return key or None


def validate_series(reports: Iterable[Report], *, key: Callable[[Report], Hashable | None] | None = None,
                    blank_as_zero: bool = False) -> list[Finding]:
    """Validate a batch: each report alone, and each consecutive pair of one agency's years.

    Reports are grouped by ``key`` (default: :func:`agency`, the organ without
    spaces) and ordered by year; each report of year Y is checked with the
    cross-year rules against its agency's report of year Y−1.  A report
    without a key or a year is checked alone.  When several reports of one
    agency claim year Y−1, the pair cannot be chosen: the cross-year rules
    do not run for year Y and an ``X1-ambiguous`` info finding says so.

    Findings are ordered by agency (key as text), year, then input order;
    each carries its report's ``year``, ``organ`` and ``report``.

    .. versionadded:: 0.1
    """
    items = list(reports)
    grouping = key or agency
    keys = [grouping(report) for report in items]
    by_year: dict[tuple[Hashable, int], list[int]] = {}
    for index, (report, group) in enumerate(zip(items, keys, strict=True)):
        if group is not None and report.meta.year is not None:
            by_year.setdefault((group, report.meta.year), []).append(index)
    order = sorted(range(len(items)), key=lambda i: (keys[i] is None, str(keys[i]),
                                                     items[i].meta.year or 0, i))
    findings: list[Finding] = []
    for index in order:
        report, group = items[index], keys[index]
        year = report.meta.year
        before = by_year.get((group, year - 1), []) if group is not None and year is not None else []
        previous = items[before[0]] if len(before) == 1 else None
        findings += validate(report, previous=previous, blank_as_zero=blank_as_zero)
        if len(before) > 1:
            findings.append(_ambiguous(report, len(before)))
    return findings


def _ambiguous(report: Report, count: int) -> Finding:
    year = report.meta.year
    return Finding(
        "X1-ambiguous", Severity.INFO,
        f"{count} reports of this agency claim {year - 1 if year else '?'}: the cross-year rules (X1–X4) were "
        f"not run for {year}",
        f"该机关 {year - 1 if year else '?'} 年有 {count} 份报告：{year} 年未进行跨年度核对（X1–X4）",
        year=year, organ=report.meta.organ, report=report)


def validate_aggregate(parent: Report, children: Sequence[Report | None], *,
                       blank_as_zero: bool = False) -> list[Finding]:
    """Check a government's report against its departments and lower governments.

    Every cell of 三 and 四 of ``parent`` should be the sum of the children's
    (逐级汇总).  The rule is soft (warnings).  A ``None`` among ``children``
    stands for a child whose report is missing: then nothing can be summed
    and one ``A1-missing`` info finding says so.  Only the aggregate is
    checked here; run :func:`validate` on each report for the rest.  A child
    of a different year than the parent raises ``ValueError``.

    .. versionadded:: 0.1
    """
    year = parent.meta.year
    for child in children:
        if child is not None and year is not None and child.meta.year not in (None, year):
            raise ValueError(f"child {child.meta.organ or '?'} reports on {child.meta.year}, the parent on {year}")
    if parent.template is Template.NONE:
        return []
    return _run(Context(parent, children=children, blank_as_zero=blank_as_zero), ("hierarchy",))


class FindingRecord(NamedTuple):
    """One finding × one cell it names: a tidy row for ``pandas.DataFrame``.

    A finding that names no cell gives one record with ``section``, ``row``,
    ``column`` and the cell fields ``None``.  ``year``/``organ`` are the
    report the finding concerns; ``cell_year``/``cell_organ`` the report the
    cell belongs to (they differ for cross-year and hierarchy rules).

    .. versionadded:: 0.1
    """

    year: int | None
    organ: str | None
    code: str
    rule: str
    severity: str
    section: int | None
    row: str | None
    column: str | None
    value: Value
    raw: str | None
    line: int | None
    cell_year: int | None
    cell_organ: str | None
    expected: Value
    actual: Value
    difference: Value
    message: str
    message_zh: str


def findings_records(findings: Iterable[Finding]) -> list[FindingRecord]:
    """Findings as tidy rows, one per finding and cell, in order.

    >>> import gxgk
    >>> [r.code for r in findings_records(validate(gxgk.Report()))]
    ['H6-template']

    .. versionadded:: 0.1
    """
    records = []
    for finding in findings:
        cells: Sequence[CellRef | None] = finding.cells or (None,)
        for cell in cells:
            records.append(_record(finding, cell))
    return records


def _record(finding: Finding, cell: CellRef | None) -> FindingRecord:
    source = None if cell is None else cell.source
    return FindingRecord(
        finding.year, finding.organ, finding.code, finding.rule, finding.severity.value,
        None if cell is None else cell.section, None if cell is None else cell.row,
        None if cell is None else cell.column, None if cell is None else cell.value,
        None if source is None else source.raw, None if source is None else source.line,
        None if cell is None else cell.year, None if cell is None else cell.organ,
        finding.expected, finding.actual, finding.difference, finding.message, finding.message_zh)


def rules_markdown(rules: Sequence[Rule] = RULES) -> str:
    """The rule reference as a Markdown table, generated from the registry (for the docs).

    >>> rules_markdown().splitlines()[0].startswith("| id |")
    True
    """
    lines = ["| id | severity | rule | formula | source | codes | not assessable when |",
             "|---|---|---|---|---|---|---|"]
    for rule in rules:
        templates = "" if len(rule.templates) > 1 else f" ({', '.join(t.value for t in rule.templates)} only)"
        scope = {"report": "", "pair": " [with the year before]", "hierarchy": " [parent vs children]"}[rule.scope]
        cells = (rule.id, rule.severity.value, f"{rule.title} / {rule.title_zh}{templates}{scope}", rule.formula,
                 rule.source, ", ".join(rule.codes), rule.unassessable)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)
