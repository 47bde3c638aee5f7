"""Issue 16: DataFrames with real dtypes and stable keys, summaries, short reprs, forgiving lookups."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import gxgk

pd = pytest.importorskip("pandas")

DATA = Path(__file__).parent / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
CORPUS = DATA / "corpus"
Y2019, Y2021 = gxgk.parse(SEEDS[0]), gxgk.parse(SEEDS[1])  # 礼泉 2019, 永城 2023


def test_the_tidy_frame_has_real_dtypes() -> None:
    pairs = list(gxgk.parse_many([*SEEDS, CORPUS / "011_shanghai_gov_office_2019_from_js.html",
                                  CORPUS / "006_pingtan_2019_flattext.txt"]))
    frame = gxgk.to_dataframe(pairs)
    assert str(frame["count"].dtype) == "Int64" and str(frame["year"].dtype) == "Int64"
    assert str(frame["section"].dtype) == "Int64"
    amounts = frame["amount"].dropna()
    assert len(amounts) and all(isinstance(value, Decimal) for value in amounts)
    assert frame["count"].isna().sum() > 0  # blanks are <NA>, and the column stays integer
    assert set(frame["status"].unique()) >= {"read", "blank", "recovered"}
    assert set(frame["unit"].dropna().unique()) == {"件", "万元"}
    assert frame.loc[frame["unit"] == "万元", "count"].isna().all()
    assert list(frame.columns) == ["source", "organ", "year", "template", "section", "item", "row", "column",
                                   "row_key", "column_key", "count", "amount", "unit", "status"]


def test_keys_line_up_across_the_templates() -> None:
    rows_2019 = gxgk.to_dataframe(Y2019, section=3)
    rows_2021 = gxgk.to_dataframe(Y2021, section=3)
    common = set(rows_2019["row_key"]) & set(rows_2021["row_key"])
    assert len(common) >= 20 and "total" in common and "carried_over" in common
    assert set(rows_2019["column_key"]) == set(rows_2021["column_key"]) == {
        "natural_person", "commercial", "research", "public_interest", "legal_service", "other", "total"}
    assert "other_handling" in set(rows_2019["row_key"])
    assert {"other_no_correction", "other_fee_unpaid", "other_other"} <= set(rows_2021["row_key"])
    two_2019, two_2021 = gxgk.to_dataframe(Y2019, section=2), gxgk.to_dataframe(Y2021, section=2)
    assert "normative_documents" in set(two_2019["row_key"]) & set(two_2021["row_key"])
    assert "issued" in set(two_2019["column_key"]) & set(two_2021["column_key"])  # 本年新制作数量 / 本年制发件数
    all_keys = pd.concat([gxgk.to_dataframe(Y2019), gxgk.to_dataframe(Y2021)])
    assert all(key.isascii() for key in [*all_keys["row_key"], *all_keys["column_key"]])


def test_a_wide_frame_has_a_row_per_report_row() -> None:
    wide = gxgk.to_dataframe([Y2019, Y2021], section=3, wide=True)
    assert len(wide) == 23 + 25
    assert {"natural_person", "total"} <= set(wide.columns)
    assert str(wide["total"].dtype) == "Int64"
    total = wide[(wide["row_key"] == "total") & (wide["year"] == 2019)]["total"].iloc[0]
    assert total == Y2019.requests.row("（七）总计").total.value  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="one section"):
        gxgk.to_dataframe(Y2019, wide=True)


def test_the_summary_has_a_row_per_input(tmp_path: Path) -> None:
    binary = tmp_path / "program.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    inputs = [SEEDS[0], CORPUS / "010_pingtan_2018_pre2019.txt", binary, tmp_path / "missing.txt"]
    frame = gxgk.summary(gxgk.parse_many(inputs))
    assert list(frame["source"]) == [str(path) for path in inputs]
    assert list(frame["template"])[:3] == ["2019", "none", "none"]
    assert pd.isna(frame["template"].iloc[3]) and "cannot read" in frame["first_error"].iloc[3]
    assert frame["cells_read"].iloc[0] == 198 and frame["errors"].iloc[0] == 0
    assert frame["errors"].iloc[2] >= 1 and str(frame["year"].dtype) == "Int64"


def test_reprs_are_short_and_on_one_line() -> None:
    report = gxgk.parse(CORPUS / "006_pingtan_2019_flattext.txt")
    text = repr(report)
    assert len(text) <= 300 and "\n" not in text and "cells read" in text and "recovered" in text
    assert all(len(repr(d)) <= 200 and "\n" not in repr(d) for d in report.diagnostics)
    findings = gxgk.validate(gxgk.parse(CORPUS / "011_shanghai_gov_office_2019_from_js.html"))
    assert findings and all(len(repr(f)) <= 200 and "\n" not in repr(f) for f in findings)


def test_notebooks_see_tables_with_marked_cells() -> None:
    glued = gxgk.parse(CORPUS / "006_pingtan_2019_flattext.txt")._repr_html_()
    assert glued.count("<table") >= 6 and "class='blank'" in glued and "↻" in glued and "∅" in glued
    assert "∅ blank" in glued and "↻ recovered" in glued  # the legend
    review = gxgk.AppealBlock(*(gxgk.Cell(v) for v in (10, 1, 0, 0, 0)))
    assert Y2021.appeals is not None
    broken = attrs.evolve(Y2021, appeals=attrs.evolve(Y2021.appeals, review=review))
    html = broken._repr_html_()
    assert "class='failing'" in html and "✗" in html
    findings = gxgk.validate(broken)
    assert isinstance(findings, gxgk.Findings) and "<table" in findings._repr_html_()


def test_lookup_forgives_what_people_type() -> None:
    requests = Y2019.requests
    assert requests is not None
    total = requests.row("（七）总计")
    assert requests.row("(七)总计") is total and requests.row("总计") is total and requests.row("(七) 总计") is total
    with pytest.raises(KeyError, match="did you mean"):
        requests.row("国家机密")
    with pytest.raises(KeyError, match="several rows"):
        requests.row("其他")


def test_cells_convert_to_numbers() -> None:
    assert (int(gxgk.Cell(3)), float(gxgk.Cell(3))) == (3, 3.0)
    assert gxgk.Cell(Decimal("25.1")).decimal() == Decimal("25.1") and float(gxgk.Cell(Decimal("25.1"))) == 25.1
    for convert in (int, float):
        with pytest.raises(ValueError, match="blank"):
            convert(gxgk.Cell())
    with pytest.raises(ValueError, match="blank"):
        gxgk.Cell().decimal()
    with pytest.raises(ValueError, match="not a whole number"):
        int(gxgk.Cell(Decimal("2.5")))
