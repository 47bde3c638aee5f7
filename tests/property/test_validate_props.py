"""Properties of validation, named after the identities of TEMPLATES.md §6 they check.

"Hard (must hold in a correct report; a failure is an error in the source or
the parse)": a consistent report gets no error, and breaking any one cell of
it gets an error with the right code that names that cell.  "Blank cells are
not zeros": blanking a cell never makes an error, only a not-assessable note
naming it.
"""

from __future__ import annotations

import random
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import gxgk
from gxgk.template.spec import (
    APPEAL_BLOCK_FIELDS,
    APPEAL_BLOCKS,
    APPEAL_COLUMN_FIELDS,
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
)
from tests.strategies import consistent_pairs, reports

ERROR = gxgk.Severity.ERROR
FIELDS = ("natural_person", "commercial", "research", "public_interest", "legal_service", "other", "total")
NEW, CARRIED_IN = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"
TOTAL, CARRIED_OUT = "三、本年度办理结果 / （七）总计", "四、结转下年度继续办理"


def errors(findings: list[gxgk.Finding]) -> list[gxgk.Finding]:
    return [f for f in findings if f.severity is ERROR]


def names(finding: gxgk.Finding, section: int, row: str, column: str) -> bool:
    return any((c.section, c.row, c.column) == (section, row, column) for c in finding.cells)


def set_request_cell(report: gxgk.Report, index: int, column: int, value: gxgk.Cell) -> gxgk.Report:
    assert report.requests is not None
    rows = list(report.requests.rows)
    changes: dict[str, Any] = {FIELDS[column]: value}
    rows[index] = attrs.evolve(rows[index], **changes)
    return attrs.evolve(report, requests=gxgk.Requests(tuple(rows)))


def set_appeal_cell(report: gxgk.Report, block: int, column: int, value: gxgk.Cell) -> gxgk.Report:
    assert report.appeals is not None
    changes: dict[str, Any] = {APPEAL_COLUMN_FIELDS[column]: value}
    changed = attrs.evolve(report.appeals.blocks[block], **changes)
    return attrs.evolve(report, appeals=attrs.evolve(report.appeals, **{APPEAL_BLOCK_FIELDS[block]: changed}))


def codes_for(row: str) -> set[str]:
    """The hard identities a cell of ``row`` takes part in."""
    expected = {"H3"}
    if row in (NEW, CARRIED_IN, TOTAL, CARRIED_OUT):
        expected.add("H1")
    if row.startswith("三、"):
        expected.add("H2")
    return expected


@given(report=reports(consistent=True))
def test_consistent_report_has_no_error(report: gxgk.Report) -> None:
    """H1–H6 hold in a generated consistent report: no error, and nothing unassessable in 三 or 四."""
    findings = gxgk.validate(report)
    assert errors(findings) == []
    assert not [f for f in findings if f.rule in ("H1", "H2", "H3", "H4")]
    assert gxgk.validate(report) == findings  # deterministic


@given(report=reports(consistent=True), data=st.data())
def test_changing_one_request_cell_is_an_error_naming_it(report: gxgk.Report, data: st.DataObject) -> None:
    """H1/H2/H3: any one changed cell of 三 breaks each identity it takes part in, and each says where."""
    assert report.requests is not None
    index = data.draw(st.integers(0, len(report.requests.rows) - 1))
    column = data.draw(st.integers(0, 6))
    row = report.requests.rows[index]
    old = row.values[column]
    assert isinstance(old, int)
    new = data.draw(st.integers(0, 200).filter(lambda v: v != old))
    findings = gxgk.validate(set_request_cell(report, index, column, gxgk.Cell(new)))
    found = errors(findings)
    assert {f.code for f in found} == codes_for(row.label)
    for finding in found:
        assert names(finding, 3, row.label, APPLICANT_COLUMNS[column]), finding
        assert finding.difference is not None and finding.difference != 0
        assert APPLICANT_COLUMNS[column] in finding.message or finding.code == "H3"


@given(report=reports(consistent=True), block=st.integers(0, 2), column=st.integers(0, 4), data=st.data())
def test_changing_one_appeal_cell_is_an_h4_error_naming_it(report: gxgk.Report, block: int, column: int,
                                                          data: st.DataObject) -> None:
    """H4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, in each block."""
    assert report.appeals is not None
    old = report.appeals.blocks[block].values[column]
    assert isinstance(old, int)
    new = data.draw(st.integers(0, 200).filter(lambda v: v != old))
    found = errors(gxgk.validate(set_appeal_cell(report, block, column, gxgk.Cell(new))))
    assert [f.code for f in found] == ["H4"]
    assert names(found[0], 4, APPEAL_BLOCKS[block], APPEAL_COLUMNS[column])
    assert found[0].difference == (new - old if column == 4 else old - new)  # actual 总计 − Σ parts


@given(report=reports(consistent=True), data=st.data())
def test_a_blank_is_not_a_zero(report: gxgk.Report, data: st.DataObject) -> None:
    """Blanking any one cell never gives an error, only an info naming the blank;
    ``blank_as_zero=True`` gives an error exactly when the blank hid a non-zero value."""
    assert report.requests is not None
    index = data.draw(st.integers(0, len(report.requests.rows) - 1))
    column = data.draw(st.integers(0, 6))
    row = report.requests.rows[index]
    blanked = set_request_cell(report, index, column, gxgk.Cell(None))
    findings = gxgk.validate(blanked)
    assert errors(findings) == []
    notes = [f for f in findings if f.code.endswith("-blank") and names(f, 3, row.label, APPLICANT_COLUMNS[column])]
    # the table's hard identities; soft ones (S1, S5: text against table) may name the blank too
    assert {f.rule for f in notes if f.rule.startswith("H")} == codes_for(row.label)
    assert all(f.severity is gxgk.Severity.INFO for f in notes)
    as_zero = errors(gxgk.validate(blanked, blank_as_zero=True))
    if row.values[column] == 0:
        assert as_zero == []
    else:
        assert {f.code for f in as_zero} == codes_for(row.label)
        assert all(names(f, 3, row.label, APPLICANT_COLUMNS[column]) for f in as_zero)


@given(pair=consistent_pairs())
def test_carry_over_holds_across_years(pair: tuple[gxgk.Report, gxgk.Report]) -> None:
    """X1: 二、上年结转(Y) = 四、结转下年度继续办理(Y−1), also across the 2020→2021 change."""
    previous, current = pair
    assert errors(gxgk.validate(current, previous=previous)) == []
    assert not [f for f in gxgk.validate(current, previous=previous) if f.rule == "X1"]


@given(pair=consistent_pairs(), column=st.integers(0, 6), delta=st.integers(1, 50))
def test_carry_over_broken_in_one_column_names_both_cells(pair: tuple[gxgk.Report, gxgk.Report], column: int,
                                                          delta: int) -> None:
    """X1, per column: a changed 结转下年度 last year is named with this year's 上年结转."""
    previous, current = pair
    assert previous.requests is not None
    index = [row.label for row in previous.requests.rows].index(CARRIED_OUT)
    old = previous.requests.rows[index].values[column]
    assert isinstance(old, int)
    previous = set_request_cell(previous, index, column, gxgk.Cell(old + delta))
    found = [f for f in gxgk.validate(current, previous=previous) if f.rule == "X1"]
    assert [f.code for f in found] == ["X1"]
    finding = found[0]
    assert finding.difference == -delta
    assert names(finding, 3, CARRIED_IN, APPLICANT_COLUMNS[column])
    assert names(finding, 3, CARRIED_OUT, APPLICANT_COLUMNS[column])
    assert {c.year for c in finding.cells} == {current.meta.year, previous.meta.year}


@given(pair=consistent_pairs(), seed=st.integers(0, 2**16))
def test_series_order_does_not_depend_on_input_order(pair: tuple[gxgk.Report, gxgk.Report], seed: int) -> None:
    """validate_series groups by agency and orders by year, whatever order the batch comes in."""
    previous, current = pair
    other = attrs.evolve(current, meta=attrs.evolve(current.meta, organ="另一机关"))
    batch = [previous, current, other]
    shuffled = batch[:]
    random.Random(seed).shuffle(shuffled)
    series = gxgk.validate_series(batch)
    assert gxgk.validate_series(shuffled) == series
    expected = [*gxgk.validate(previous), *gxgk.validate(current, previous=previous), *gxgk.validate(other)]
    assert sorted(map(repr, series)) == sorted(map(repr, expected))
    keys = [(f.organ, f.year) for f in series]
    assert keys == sorted(keys, key=lambda k: (str(k[0]), k[1] or 0))


@given(report=reports())
def test_findings_name_real_cells_and_records_flatten_them(report: gxgk.Report) -> None:
    """Every code belongs to its rule; every cell named is a cell of the report; records are one per cell."""
    findings = gxgk.validate(report)
    codes = {code: rule for rule in gxgk.RULES for code in rule.codes}
    records = {(r.section, r.row, r.column) for r in gxgk.to_records(report)}
    for finding in findings:
        assert finding.code in codes
        if finding.severity is not gxgk.Severity.INFO:
            assert finding.severity in (codes[finding.code].severity, gxgk.Severity.WARNING)
        for cell in finding.cells:
            if cell.section in (2, 3, 4) and cell.column:  # a table cell (H6 names whole rows and sections)
                assert (cell.section, cell.row, cell.column) in records
    assert len(gxgk.findings_records(findings)) == sum(max(1, len(f.cells)) for f in findings)
