"""Seed reports against their hand-checked values: every cell, template, year and title."""

from __future__ import annotations

from pathlib import Path

import pytest

import gxgk
from tests.conformance import compare, load

DATA = Path(__file__).parent / "data"
EXPECTED = sorted((DATA / "expected").glob("*.json"))


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_seed_report_reads_exactly(path: Path) -> None:
    raw, expected = load(path)
    report = gxgk.parse(raw)
    assert compare(report, expected) == []


def test_there_are_seed_reports() -> None:
    assert len(EXPECTED) == 5


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_seed_reports_parse_the_same_from_text_and_every_encoding(path: Path) -> None:
    raw, _ = load(path)
    text = raw.decode("utf-8")
    reference = gxgk.to_records(gxgk.parse(text))
    for encoded in (text.encode("gb18030"), b"\xef\xbb\xbf" + raw, text.replace("\n", "\r\n").encode()):
        assert [r[:5] for r in gxgk.to_records(gxgk.parse(encoded))] == [r[:5] for r in reference]


def test_seed_004_without_headings_finds_tables_and_says_so() -> None:
    raw, _ = load(DATA / "expected" / "004_3d44559d993b5fb4.json")
    report = gxgk.parse(raw)
    codes = {d.code for d in report.diagnostics}
    assert "P-heading" in codes
    assert report.requests is not None and len(report.requests) == 23


def test_records_use_official_labels_and_paths() -> None:
    raw, _ = load(DATA / "expected" / "000_162678df96faa959.json")
    records = gxgk.to_records(gxgk.parse(raw))
    rows = {(r.section, r.row) for r in records}
    assert (3, "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密") in rows
    assert (4, "行政诉讼 / 复议后起诉") in rows
    change = next(r for r in records if r.row == "行政许可" and r.column == "本年增/减")
    # the line number is the one `grep -n 减37` gives for the seed file
    assert (change.item, change.value, change.raw, change.line) == ("第二十条第（五）项", -37, "减37", 77)
    assert len(records) == (6 * 3 + 2 * 2) + 23 * 7 + 15 == 198
