"""A cell's own text decides its value: units printed beside an amount, and text that is no number.

Session 6's adversarial review found each of these returning a wrong number
silently; the inputs are written here by hand, in the scaffold of
:mod:`tests.test_never_wrong`, not by ``gxgk.render``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import gxgk

from .test_never_wrong import _SECTION_2, named, report

_FEE_ROW = "行政事业性收费 | 2.5 |"
_FEE_HEADER = "信息内容 | 本年收费金额（单位：万元） |"


def _fees(section_2: str) -> gxgk.Report:
    return gxgk.parse(report(section_2=section_2))


@pytest.mark.parametrize(("cell", "value"), [
    ("105000 元", Decimal("10.5")),
    ("105000.00\u00a0元", Decimal("10.5")),  # NBSP, as pages print it
    ("105000（元）", Decimal("10.5")),
    ("105000 (元)", Decimal("10.5")),
    ("1.05亿元", Decimal("10500")),
    ("105千元", Decimal("10.5")),
    ("1050百元", Decimal("10.5")),
    ("10.5 万元", Decimal("10.5")),
])
def test_a_unit_printed_after_the_amount_converts_it(cell: str, value: Decimal) -> None:
    parsed = _fees(_SECTION_2.replace(_FEE_ROW, f"行政事业性收费 | {cell} |"))
    assert parsed.disclosure is not None
    assert parsed.disclosure.fees.values == (value,), cell


def test_a_unit_after_the_amount_wins_over_the_header() -> None:
    parsed = _fees(_SECTION_2.replace(_FEE_ROW, "行政事业性收费 | 105000 元 |"))
    assert isinstance(parsed.disclosure, gxgk.Disclosure2021)
    assert parsed.disclosure.fees.values == (Decimal("10.5"),)
    source = parsed.disclosure.fees.amount.source
    assert source is not None and source.note is not None and "printed after it" in source.note


def test_a_unit_statement_above_the_tables_applies_where_the_header_names_none() -> None:
    section_2 = ("单位：元\n" + _SECTION_2.replace(_FEE_HEADER, "信息内容 | 本年收费金额 |")
                 .replace(_FEE_ROW, "行政事业性收费 | 105000 |"))
    parsed = _fees(section_2)
    assert parsed.disclosure is not None and parsed.disclosure.fees.values == (Decimal("10.5"),)


def test_the_header_unit_wins_over_a_statement_above() -> None:
    parsed = _fees("单位：元\n" + _SECTION_2)
    assert parsed.disclosure is not None and parsed.disclosure.fees.values == (Decimal("2.5"),)


@pytest.mark.parametrize(("header", "cell", "value"), [
    ("本年收费金额（单位：百万元）", "0.105", Decimal("10.5")),
    ("本年收费金额（人民币元）", "105000", Decimal("10.5")),
])
def test_header_units_in_other_words_convert(header: str, cell: str, value: Decimal) -> None:
    section_2 = (_SECTION_2.replace(_FEE_HEADER, f"信息内容 | {header} |")
                 .replace(_FEE_ROW, f"行政事业性收费 | {cell} |"))
    parsed = _fees(section_2)
    assert parsed.disclosure is not None and parsed.disclosure.fees.values == (value,)


@pytest.mark.parametrize("header", ["本年收费金额（单位：万美元）", "本年收费金额（单位：件）"])
def test_an_amount_in_a_unit_gxgk_cannot_convert_is_blank_and_named(header: str) -> None:
    section_2 = _SECTION_2.replace(_FEE_HEADER, f"信息内容 | {header} |").replace(_FEE_ROW, "行政事业性收费 | 105000 |")
    parsed = _fees(section_2)
    assert parsed.disclosure is not None and parsed.disclosure.fees.values == (None,)
    assert named(parsed, 2, "行政事业性收费", "本年收费金额（单位：万元）")
    assert any(d.code == "P-unit" and "105000" in d.message for d in parsed.diagnostics)


@pytest.mark.parametrize("cell", ["12,34", "7/8", "1'234", "10。5", "10.5%", "1e5", "3x", "10.5万元、3万元"])
def test_a_cell_that_starts_as_a_number_and_goes_on_as_none_is_blank(cell: str) -> None:
    fee = _fees(_SECTION_2.replace(_FEE_ROW, f"行政事业性收费 | {cell} |"))
    assert fee.disclosure is not None and fee.disclosure.fees.values == (None,), cell
    assert named(fee, 2, "行政事业性收费", "本年收费金额（单位：万元）")
    count = _fees(_SECTION_2.replace("规章 | 1 | 0 | 11 |", f"规章 | 1 | 0 | {cell} |"))
    assert count.disclosure is not None and count.disclosure.rules.values == (1, 0, None), cell
    assert any(d.code == "P-cell-value" and cell in d.message for d in count.diagnostics)


@pytest.mark.parametrize("cell", ["1,234", "2.5万元", "251000元", "—"])
def test_well_formed_cells_still_read(cell: str) -> None:
    parsed = _fees(_SECTION_2.replace(_FEE_ROW, f"行政事业性收费 | {cell} |"))
    expected = {"1,234": Decimal(1234), "2.5万元": Decimal("2.5"), "251000元": Decimal("25.1"), "—": None}[cell]
    assert parsed.disclosure is not None and parsed.disclosure.fees.values == (expected,)


@pytest.mark.parametrize(("header", "above"), [
    ("本年收费金额/元", ""), ("本年收费（元）", ""), ("本年收费金额【元】", ""), ("本年收费金额", "单位：件、元\n"),
    ("本年收费金额（单位：元人民币）", ""), ("本年收费金额（人民币：元）", ""),
])
def test_units_in_other_spellings_convert(header: str, above: str) -> None:
    """Review 2: these were read as 105000 万元."""
    section_2 = above + (_SECTION_2.replace(_FEE_HEADER, f"信息内容 | {header} |")
                         .replace(_FEE_ROW, "行政事业性收费 | 105000 |"))
    parsed = _fees(section_2)
    assert parsed.disclosure is not None and parsed.disclosure.fees.values == (Decimal("10.5"),), header
