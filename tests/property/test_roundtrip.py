"""The backbone property: ``parse(render(r, layout)) == r``.

For every layout the reader accepts and every kind of noise real reports add
(blank lines, odd spaces inside labels, full-width digits and brackets, CRLF,
no section headings, no header rows), a generated report rendered and parsed
back is the report it was.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gxgk
from tests.sameness import assert_same, tables
from tests.strategies import reports

LAYOUTS = sorted(gxgk.LAYOUTS)

_FULL_WIDTH = str.maketrans("0123456789()", "０１２３４５６７８９（）")


@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports())
def test_clean_render_parses_back_exactly(layout: str, report: gxgk.Report) -> None:
    parsed = gxgk.parse(gxgk.render(report, layout))
    assert attrs.evolve(parsed, diagnostics=()) == report
    assert not [d for d in parsed.diagnostics if d.severity is gxgk.Severity.ERROR]


def _noisy(text: str, noise: str, data: st.DataObject) -> str:
    if noise == "crlf":
        return text.replace("\n", "\r\n")
    if noise == "full-width":
        return text.translate(_FULL_WIDTH)
    if noise == "blank-lines":
        lines = text.split("\n")
        picks = data.draw(st.lists(st.integers(0, len(lines)), max_size=20))
        for index in sorted(picks, reverse=True):
            lines.insert(index, "")
        return "\n".join(lines)
    if noise == "odd-spaces":
        spaces = data.draw(st.lists(st.sampled_from(["\u3000", "\u00a0", " ", "\u200b"]), min_size=1, max_size=3))
        for word in ("商业企业", "科研机构", "予以公开", "本年新收", "行政许可", "结果维持", "总计"):
            text = text.replace(word, word[:2] + data.draw(st.sampled_from(spaces)) + word[2:])
        return text
    raise AssertionError(noise)


@pytest.mark.parametrize("noise", ["crlf", "full-width", "blank-lines", "odd-spaces"])
@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports(), data=st.data())
def test_noisy_render_parses_back(layout: str, noise: str, report: gxgk.Report, data: st.DataObject) -> None:
    if noise == "blank-lines" and layout in ("lines", "cell-pipe"):
        pass  # blank lines are already the separators there; still must hold
    text = _noisy(gxgk.render(report, layout), noise, data)
    assert_same(gxgk.parse(text), report)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports())
def test_tables_are_found_without_headings(layout: str, report: gxgk.Report) -> None:
    """Seed 004 prints no section headings: the tables are found by their labels."""
    parsed = gxgk.parse(gxgk.render(report, layout, headings=False))
    assert_same(parsed, report, narratives=False)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports())
def test_tables_are_read_without_header_rows(layout: str, report: gxgk.Report) -> None:
    """Headers are optional: rows are anchored on their own labels."""
    parsed = gxgk.parse(gxgk.render(report, layout, header_rows=False))
    assert_same(parsed, report)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports(), junk=st.sampled_from(["- 3 -", "— 5 —", "第 2 页", "扫一扫在手机打开当前页"]))
def test_page_debris_between_rows_is_ignored(layout: str, report: gxgk.Report, junk: str) -> None:
    text = gxgk.render(report, layout)
    marker = "（四）无法提供"
    text = text.replace(marker, f"\n{junk}\n{marker}" if layout != "lines" else f"{junk}\n\n{marker}", 1)
    assert tables(gxgk.parse(text)) == tables(report)


@pytest.mark.parametrize("layout", ["html", "fixed"])
@given(report=reports())
def test_document_layouts_written_by_render_parse_back(layout: str, report: gxgk.Report) -> None:
    """render() also writes an HTML page and fixed-width PDF text; both read back to the same tables."""
    parsed = gxgk.parse(gxgk.render(report, layout))
    assert tables(parsed) == tables(report)
