"""The public contract of gxgk.parse: inputs, decoding, never raising on content."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gxgk


def test_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        gxgk.parse(12)  # type: ignore[arg-type]


@given(st.text(max_size=2000))
def test_any_text_gives_a_report(text: str) -> None:
    assert isinstance(gxgk.parse(text), gxgk.Report)


@given(st.binary(max_size=2000))
def test_any_bytes_give_a_report(data: bytes) -> None:
    assert isinstance(gxgk.parse(data), gxgk.Report)


def test_a_page_without_a_report_is_not_on_a_template_and_has_no_tables() -> None:
    report = gxgk.parse("<html><body>404 Not Found</body></html>")
    assert report.template is gxgk.Template.NONE
    assert (report.disclosure, report.requests, report.appeals) == (None, None, None)
    assert any(d.code == "P-not-a-report" for d in report.diagnostics)


def test_undecodable_bytes_are_reported() -> None:
    report = gxgk.parse(b"\xff\xfe\xfa" * 10 + "政府信息公开".encode())
    assert isinstance(report, gxgk.Report)


def test_template_str_contains_its_year() -> None:
    assert "2019" in str(gxgk.Template.V2019) and "2021" in str(gxgk.Template.V2021)


def test_gbk_bytes_are_decoded() -> None:
    text = ("二、主动公开政府信息情况\n第二十条第（一）项\n"
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 1 | 2 | 3\n")
    report = gxgk.parse(text.encode("gbk"))
    assert report.template is gxgk.Template.V2021
    assert report.disclosure is not None and report.disclosure.rules.values == (1, 2, 3)


SEED = (Path(__file__).parent / "data" / "seeds" / "000_162678df96faa959.txt").read_text(encoding="utf-8")


def _codes(report: gxgk.Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def test_an_input_within_max_size_is_read_whole() -> None:
    report = gxgk.parse(SEED, max_size=len(SEED))
    assert "P-too-large" not in _codes(report)
    assert report == gxgk.parse(SEED)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
@given(cut=st.integers(1, 400))
def test_bytes_over_max_size_are_cut_at_a_character_boundary(encoding: str, cut: int) -> None:
    data = SEED.encode(encoding)
    report = gxgk.parse(data, max_size=cut)
    codes = _codes(report)
    assert "P-too-large" in codes
    assert "P-decode" not in codes  # a character split by the cut is dropped, not an undecodable byte
    assert report.meta.title is None or report.meta.title in SEED


def test_text_over_max_size_keeps_its_head_and_says_so() -> None:
    head = SEED.index("三、")
    report = gxgk.parse(SEED, max_size=head)
    assert report.overview is not None and report.overview.text[:30] in SEED[:head]
    assert report.requests is None
    too_large = next(d for d in report.diagnostics if d.code == "P-too-large")
    assert too_large.severity is gxgk.Severity.WARNING
    assert f"max_size={head}" in too_large.message


def test_a_pdf_over_max_size_is_not_read_at_all() -> None:
    report = gxgk.parse(b"%PDF-1.7\n" + b"0" * 100, max_size=50)
    too_large = next(d for d in report.diagnostics if d.code == "P-too-large")
    assert too_large.severity is gxgk.Severity.ERROR
    assert report.template is gxgk.Template.NONE


@pytest.mark.parametrize("bad", [0, -1])
def test_max_size_below_one_is_a_value_error(bad: int) -> None:
    with pytest.raises(ValueError, match="max_size"):
        gxgk.parse(SEED, max_size=bad)


@pytest.mark.parametrize("bad", [1.5, "10", True, None])
def test_max_size_of_another_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="max_size"):
        gxgk.parse(SEED, max_size=bad)  # type: ignore[arg-type]


def test_an_unreadable_cell_is_blank_and_named_by_its_row_and_column() -> None:
    """A count printed with decimals is no count: the cell is left blank, never guessed."""
    text = SEED.replace("(一)予以公开\n\n9\n\n0", "(一)予以公开\n\n9\n\n0.5", 1)
    report = gxgk.parse(text)
    assert report.requests is not None
    row = report.requests.row("三、本年度办理结果 / （一）予以公开")
    assert row.commercial.value is None and row.commercial.source is not None
    assert row.commercial.source.raw == "0.5"
    assert row.natural_person.value == 9
    notes = [d.message for d in report.diagnostics if d.code == "P-cell-value"]
    assert len(notes) == 1 and "（一）予以公开 · 商业企业" in notes[0]


def test_an_unreadable_appeal_cell_names_its_block_and_column() -> None:
    text = SEED.replace("总计\n\n0\n\n3", "总计\n\n0\n\n3.5", 1)
    report = gxgk.parse(text)
    assert report.appeals is not None and report.appeals.review.corrected.value is None
    notes = [d.message for d in report.diagnostics if d.code == "P-cell-value"]
    assert len(notes) == 1 and "行政复议 · 结果纠正" in notes[0]


def test_dir_lists_the_public_names_only() -> None:
    """Issue 21: ``dir(gxgk)`` shows the API, not ``Final``, ``TYPE_CHECKING`` or the private modules."""
    names = dir(gxgk)
    assert set(names) == {*gxgk.__all__, "__version__"}
    assert all(hasattr(gxgk, name) for name in names)
