"""Flattened crawler text: cell borders vanish and digits glue to labels.

"Recover only what the evidence determines uniquely, say that you did, and
leave the rest blank with a diagnostic.  Never guess silently."  So for a
generated report flattened the way crawlers flatten pages, every cell the
parser fills must be the true one, and every row it leaves blank must carry
a diagnostic.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import gxgk
from gxgk.model import Value
from gxgk.read.appeals import _block_totals_hold
from gxgk.read.cells import VALUE, Segment, tokenize
from gxgk.read.glue import split_runs
from gxgk.read.requests import _row_total_holds
from gxgk.read.rows import Fit, Source, _determined, _Reader
from gxgk.template.spec import SECTION_TITLES, Template, ValueKind
from gxgk.write.render import appeals_table, disclosure_table, requests_table
from tests.strategies import reports

_GLUE_CODES = {"P-glued-ambiguous", "P-glued-bound", "P-row-cells", "P-row-missing", "P-row-order"}


def flatten(report: gxgk.Report, spaces: random.Random) -> str:
    """The report as one line: cells glued, an occasional space surviving, as in crawler dumps."""
    parts = [report.meta.title or ""]
    for number, table in ((2, disclosure_table(report)), (3, requests_table(report)), (4, appeals_table(report))):
        parts.append(SECTION_TITLES[number - 1])
        for row in table:
            for cell in row:
                parts.append(cell)
                if spaces.random() < 0.1:
                    parts.append(" ")
    parts.append(SECTION_TITLES[4] + "无。" + SECTION_TITLES[5] + "无。")
    return "".join(parts)


def _cells(report: gxgk.Report) -> list[tuple[str, object]]:
    return [(f"{r.section}|{r.row}|{r.column}", r.value) for r in gxgk.to_records(report)]


@settings(max_examples=25)
@given(report=reports(consistent=True, blanks=False), spaces=st.randoms(use_true_random=False))
def test_glued_cells_are_recovered_right_or_left_blank_with_a_diagnostic(report: gxgk.Report,
                                                                          spaces: random.Random) -> None:
    # A blank cell vanishes in flattened text, so such text cannot show one:
    # recovery assumes none vanished, and the generated reports have none.
    parsed = gxgk.parse(flatten(report, spaces))
    truth = dict(_cells(report))
    got = _cells(parsed)
    for key, value in got:
        assert value is None or value == truth.get(key), key
    blank_rows = {key.rsplit("|", 1)[0] for key, value in got if value is None}
    if blank_rows:
        assert _GLUE_CODES & {d.code for d in parsed.diagnostics}


@settings(max_examples=25)
@given(report=reports(consistent=True, blanks=False), spaces=st.randoms(use_true_random=False))
def test_glued_zero_rows_are_recovered(report: gxgk.Report, spaces: random.Random) -> None:
    """A row of seven zeros, or 15 digits for the 15 cells of 四, has exactly one split."""
    parsed = gxgk.parse(flatten(report, spaces))
    assert parsed.requests is not None
    for row, truth in zip(parsed.requests, report.requests or (), strict=True):
        if all(v == 0 for v in truth.values):
            assert row.values == truth.values, row.label


def test_the_issue_examples_split_as_printed() -> None:
    text = ("某县2019年政府信息公开工作年度报告三、收到和处理政府信息公开申请情况"
            "（一）予以公开7000007（七）总计801000081"
            "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持总计110024001510102")
    report = gxgk.parse(text)
    assert report.requests is not None and report.appeals is not None
    # Each row splits one way by its own total (8|0|1|0|0|0|81 sums to 9, not 81), but with the
    # other rows missing no column identity can check those splits: a vanished blank would split
    # the same way, so they are left blank, each named by a diagnostic.
    for label in ("（一）予以公开", "（七）总计"):
        assert report.requests.row(label).values == (None,) * 7
        assert any(d.code == "P-glued-ambiguous" and any(c.row and c.row.endswith(label) for c in d.cells)
                   for d in report.diagnostics), label
    # 15 digits for the 15 cells of 四, but "11" may be eleven beside a blank that vanished, and 四's
    # only identity cannot tell: left blank, and named
    assert [block.values for block in report.appeals.blocks] == [(None,) * 5] * 3
    assert any(name.section == 4 for d in report.diagnostics for name in d.cells)
    # a run that can only be read one digit a cell (zeros but its last digit) is split, and checked
    zeros = gxgk.parse(text.replace("110024001510102", "000000000000000"))
    assert zeros.appeals is not None and [b.values for b in zeros.appeals.blocks] == [(0,) * 5] * 3
    cell = zeros.appeals.review.upheld
    assert cell.source is not None and cell.source.note is not None and "000000000000000" in cell.source.note


def test_an_ambiguous_run_is_left_blank_with_its_candidates() -> None:
    text = ("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
            "规章000行政规范性文件693665")
    report = gxgk.parse(text)
    assert report.template is Template.V2021 and report.disclosure is not None
    assert report.disclosure.rules.values == (0, 0, 0)
    assert report.disclosure.normative_documents.values == (None, None, None)
    notes = [d.message for d in report.diagnostics if d.code == "P-glued-ambiguous"]
    # six digits for three cells, and no identity in section 二 to tell the cuts apart
    assert notes and "'693665'" in notes[0] and "no identity" in notes[0]


def test_a_hostile_digit_run_is_bounded() -> None:
    text = "1" * 3000
    started = time.perf_counter()
    found = split_runs(text, tokenize(text), [ValueKind.COUNT] * 7)
    assert time.perf_counter() - started < 1.0
    assert found.cuts == []
    glued_run = "规章" + "123456789" * 6 + "规范性文件"
    runs = [token for token in tokenize(glued_run) if token[0] == VALUE]
    found = split_runs(glued_run, runs, [ValueKind.COUNT] * 7, budget=2_000)
    assert found.exhausted


def test_a_search_cut_short_proves_no_cut_unique() -> None:
    """A budget that runs out after one cut leaves the row blank: other cuts may hold too."""
    text = "二、上年结转政府信息公开申请数量680781102621771208"
    runs = [token for token in tokenize(text) if token[0] == VALUE]
    found = split_runs(text, runs, [ValueKind.COUNT] * 7, _plain(_row_total_holds))  # without pruning
    assert found.exhausted and len(found.cuts) == 1  # 6 80 781 102 62 177 1208, not the true one
    reader = _Reader(Source(text), "三")
    segment = Segment("二、上年结转政府信息公开申请数量", 0, tuple(runs), len(text))
    assert _determined(reader, "二、上年结转", segment, Fit(found.cuts, glued=True, exhausted=True),
                       "二、上年结转政府信息公开申请数量") is None
    assert [d.code for d in reader.diagnostics] == ["P-glued-bound"]


def test_a_row_the_budget_once_cut_short_is_recovered_by_its_columns() -> None:
    """Found by the property above: the search ran out of budget after 6 80 781 102 62 177 1208, which
    holds H3.  Pruned by what the row's total can be, it finds all four cuts that hold H3, and H1
    leaves the true one."""
    text = (Path(__file__).parents[1] / "data" / "glued" / "search_cut_short_one_cut_found.txt").read_text("utf-8")
    report = gxgk.parse(text)
    assert report.requests is not None
    assert report.requests.rows[1].values == (680, 78, 11, 0, 262, 177, 1208)
    assert any(d.code == "P-glued" and "二、上年结转" in d.message for d in report.diagnostics)


def _plain(identity: Callable[[Sequence[Value]], bool]) -> Callable[[Sequence[Value]], bool]:
    return lambda values: identity(values)  # the same check, without its pruning ``fits``


@settings(max_examples=300)
@given(digits=st.text(alphabet="0123456789", min_size=7, max_size=16), gaps=st.lists(st.integers(1, 15), max_size=2))
def test_pruning_by_the_total_loses_no_cut(digits: str, gaps: list[int]) -> None:
    """``fits`` only cuts branches that cannot hold: every cut the full search finds, it finds."""
    text = "".join(" " + digits[i:j] for i, j in zip([0, *sorted(gaps)], [*sorted(gaps), len(digits)], strict=True))
    runs = [token for token in tokenize(text) if token[0] == VALUE]
    for kinds, identity in (([ValueKind.COUNT] * 7, _row_total_holds), ([ValueKind.COUNT] * 15, _block_totals_hold)):
        full = split_runs(text, runs, kinds, _plain(identity), budget=200_000)
        pruned = split_runs(text, runs, kinds, identity, budget=200_000)
        if not full.exhausted:
            assert not pruned.exhausted and pruned.cuts == full.cuts
