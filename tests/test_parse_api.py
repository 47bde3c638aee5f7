"""The public contract of gxgk.parse: inputs, decoding, never raising on content."""

from __future__ import annotations

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
