"""The deviations the oracle prints: each a function from a :class:`Source` to a :class:`Case`.

Shared by the hypothesis tests (``tests/property/test_oracle.py``) and the long run
(``python -m tests.oracle.long_run``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal, TypeVar

from hypothesis import strategies as st

from tests.oracle.labels import (
    APPEAL_BLOCKS,
    APPEAL_RESULTS,
    LEGAL_FIVE,
    NATURAL,
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    REVIEW,
    SUBTOTAL,
    TOTAL,
)
from tests.oracle.values import HypothesisSource, Mode, Source, Truth, draw_truth, force_blank
from tests.oracle.writer import AGENCIES, LAYOUTS, VANISHING, HeaderStyle, Layout, Style, tables_of, write

T = TypeVar("T")


class Case:
    """One generated report: the deviation, the truth, how it was printed and the text.

    A plain class (not a dataclass) so that hypothesis prints its short ``repr``: the text.
    """

    __slots__ = ("deviation", "style", "text", "truth")

    def __init__(self, deviation: str, truth: Truth, style: Style, text: str) -> None:
        self.deviation = deviation
        self.truth = truth
        self.style = style
        self.text = text

    def replace(self, *, truth: Truth, text: str) -> Case:
        return Case(self.deviation, truth, self.style, text)

    def __repr__(self) -> str:
        errors = f" errors={self.truth.errors}" if self.truth.errors else ""
        return (f"Case({self.deviation}, template={self.truth.template}, mode={self.truth.mode}{errors},\n"
                f"style={self.style},\ntext=\n{self.text})")


def permutation(src: Source, items: Sequence[T]) -> tuple[T, ...]:
    """A random order of ``items`` (shrinks towards the given order)."""
    pool = list(items)
    out: list[T] = []
    while pool:
        out.append(pool.pop(src.integer(0, len(pool) - 1)))
    return tuple(out)


def _minor(src: Source, layout: Layout, **changes: Any) -> Style:
    """The style of ``layout`` with the small variations every non-baseline case may carry, and ``changes``."""
    blanks: tuple[str, ...] = ("", "&nbsp;", "/") if layout == "html" else ("", "/", "—", "-", "无")
    if layout in ("lines", "lines-spaced"):
        blanks = ("", "/")
    style = Style(layout=layout, blank=src.choice(blanks), delta=src.choice(("sign", "chinese", "bare")),
                  leading_pipe=src.choice((True, False)))
    return dataclasses.replace(style, **changes)


def _case(src: Source, deviation: str, truth: Truth, style: Style) -> Case:
    return Case(deviation, truth, style, write(truth, style, agency=src.choice(AGENCIES)))


def _truth(src: Source, layout: Layout, *, mode: Mode | None = None, blank_percent: int | None = None,
           template: str | None = None) -> Truth:
    if layout in VANISHING and blank_percent is None:
        blank_percent = 0
    return draw_truth(src, mode=mode, blank_percent=blank_percent,
                      template="2021" if template == "2021" else "2019" if template == "2019" else None)


# ---- the deviations ----------------------------------------------------------------------


def baseline(src: Source) -> Case:
    return _case(src, "baseline", draw_truth(src, mode="exact", blank_percent=0), Style())


def _layout(layout: Layout) -> Callable[[Source], Case]:
    def make(src: Source) -> Case:
        return _case(src, f"layout-{layout}", _truth(src, layout), _minor(src, layout))
    return make


def vanished_blanks(layout: Layout) -> Callable[[Source], Case]:
    """Blank cells that leave no trace (flattened, single-space rows) or one empty line per blank."""
    def make(src: Source) -> Case:
        truth = _truth(src, layout, blank_percent=src.choice((5, 30)))
        force_blank(src, truth, (2, 3, 4))
        style = Style(layout=layout, blank="", delta=src.choice(("sign", "chinese", "bare")))
        return _case(src, f"blanks-{layout}", truth, style)
    return make


_REORDER_LAYOUTS: Final[tuple[Layout, ...]] = ("pipe", "markdown", "tab", "lines", "html", "flattened")


def _request_order(src: Source, header: HeaderStyle, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    if header == "one-level":
        return permutation(src, (*REQUEST_COLUMNS, *extra))
    outer = permutation(src, (NATURAL, "group", TOTAL))
    group = permutation(src, (*LEGAL_FIVE, *extra))
    return tuple(c for o in outer for c in (group if o == "group" else (o,)))


def columns_reordered(src: Source) -> Case:
    layout = src.choice(_REORDER_LAYOUTS)
    header: HeaderStyle = src.choice(("two-level", "one-level"))
    style = _minor(src, layout, request_header=header, request_order=_request_order(src, header))
    return _case(src, "columns-reordered", _truth(src, layout), style)


def header_levels(src: Source) -> Case:
    layout = src.choice(_REORDER_LAYOUTS)
    header: HeaderStyle = src.choice(("one-level", "two-level", "none"))
    return _case(src, "header-levels", _truth(src, layout),
                 _minor(src, layout, request_header=header))


def appeals_reordered(src: Source) -> Case:
    layout = src.choice(_REORDER_LAYOUTS)
    litigation = permutation(src, APPEAL_BLOCKS[1:])
    blocks = (REVIEW, *litigation) if src.chance(30) else (*litigation, REVIEW)
    style = _minor(src, layout, appeal_blocks=blocks, appeal_results=permutation(src, APPEAL_RESULTS))
    return _case(src, "appeals-reordered", _truth(src, layout), style)


_PROCUREMENT: Final[tuple[tuple[Literal["cell", "header"], str], ...]] = (
    ("header", "元"), ("header", "万元"), ("cell", "元"), ("cell", "万"), ("cell", "万元"))


def units(src: Source) -> Case:
    layout: Layout = src.choice(("pipe", "html", "tab", "lines"))
    procurement = src.choice(_PROCUREMENT)
    style = _minor(src, layout, fee_unit=src.choice(("元", "千元", "亿元", "万元")), procurement=procurement)
    return _case(src, "units", _truth(src, layout), style)


def html_short_row(src: Source) -> Case:
    truth = _truth(src, "html")
    count = len(tables_of(truth, Style()))
    style = _minor(src, "html", short_row=(src.integer(0, count - 1), src.integer(0, 30), src.integer(0, 20)))
    return _case(src, "html-short-row", truth, style)


def pdf_bands(src: Source) -> Case:
    layout: Layout = src.choice(("pipe", "html"))
    joiner = src.choice(("", " ")) if layout == "pipe" else src.choice(("\n", ""))
    truth = _truth(src, layout, blank_percent=src.choice((0, 0, 5)))
    rows = len(REQUEST_ROWS[truth.template])
    band = (src.integer(0, rows - 2), joiner)
    style = _minor(src, layout, row_order=tuple(range(rows)), band=band, br_in_html=src.choice((True, False)))
    return _case(src, "pdf-bands", truth, style)


def subtotal_column(src: Source) -> Case:
    layout = src.choice(_REORDER_LAYOUTS)
    header: HeaderStyle = src.choice(("two-level", "one-level"))
    if src.chance(50):
        order: tuple[str, ...] = (NATURAL, *LEGAL_FIVE, SUBTOTAL, TOTAL)
    else:
        order = _request_order(src, header, (SUBTOTAL,))
    style = _minor(src, layout, request_header=header, request_order=order, subtotal=src.choice(("sum", "wrong")))
    return _case(src, "subtotal-column", _truth(src, layout, template="2021"), style)


def shuffled_rows(src: Source) -> Case:
    layout: Layout = src.choice(("pipe", "markdown", "tab", "lines", "html"))
    truth = _truth(src, layout)
    order = permutation(src, range(len(REQUEST_ROWS[truth.template])))
    return _case(src, "shuffled-rows", truth, _minor(src, layout, row_order=order))


def ragged_padded(src: Source) -> Case:
    layout: Layout = src.choice(("pipe", "markdown", "tab"))
    return _case(src, "ragged-padded", _truth(src, layout), _minor(src, layout, pad=True))


def grid_spans(src: Source) -> Case:
    """Review 5: tables written slot by slot (a spanned slot an empty cell), rows left open or closed,
    blanks printed empty, columns and blocks in any order: a blank at a row's edge next to an empty label
    slot or after its last value reads two ways."""
    layout: Layout = src.choice(("pipe", "markdown", "tab"))
    header: HeaderStyle = src.choice(("two-level", "one-level"))
    litigation = permutation(src, APPEAL_BLOCKS[1:])
    blocks = (REVIEW, *litigation) if src.chance(50) else (*litigation, REVIEW)
    style = Style(layout=layout, blank="", delta=src.choice(("sign", "chinese", "bare")), grid=True,
                  closing_pipe=src.choice((True, False)), request_header=header,
                  request_order=_request_order(src, header) if src.chance(60) else REQUEST_COLUMNS,
                  appeal_blocks=blocks if src.chance(50) else APPEAL_BLOCKS,
                  appeal_results=permutation(src, APPEAL_RESULTS) if src.chance(50) else APPEAL_RESULTS)
    return _case(src, "grid-spans", _truth(src, layout, blank_percent=src.choice((3, 10, 30))), style)


def appeals_blanks(src: Source) -> Case:
    layout: Layout = src.choice(("pipe", "markdown"))
    truth = draw_truth(src, blank_percent=src.choice((10, 30, 60)), blank_sections=(4,))
    force_blank(src, truth, (4,))
    return _case(src, "appeals-blanks", truth, _minor(src, layout))


def publisher_errors(src: Source) -> Case:
    layout = src.choice(LAYOUTS)
    truth = _truth(src, layout, mode="errors")
    return _case(src, "publisher-errors", truth, _minor(src, layout))


def publisher_errors_flattened(src: Source) -> Case:
    truth = _truth(src, "flattened", mode="errors", blank_percent=0)
    style = Style(layout="flattened", delta=src.choice(("sign", "chinese", "bare")))
    if src.chance(30):
        style = dataclasses.replace(style, request_order=_request_order(src, "two-level"))
    return _case(src, "publisher-errors-flattened", truth, style)


DEVIATIONS: Final[dict[str, Callable[[Source], Case]]] = {
    "baseline": baseline,
    **{f"layout-{layout}": _layout(layout) for layout in LAYOUTS},
    "blanks-flattened": vanished_blanks("flattened"),
    "blanks-spaced": vanished_blanks("spaced"),
    "blanks-lines-spaced": vanished_blanks("lines-spaced"),
    "columns-reordered": columns_reordered,
    "header-levels": header_levels,
    "appeals-reordered": appeals_reordered,
    "units": units,
    "html-short-row": html_short_row,
    "pdf-bands": pdf_bands,
    "subtotal-column": subtotal_column,
    "shuffled-rows": shuffled_rows,
    "ragged-padded": ragged_padded,
    "appeals-blanks": appeals_blanks,
    "grid-spans": grid_spans,
    "publisher-errors": publisher_errors,
    "publisher-errors-flattened": publisher_errors_flattened,
}


@st.composite
def cases(draw: st.DrawFn, deviation: str) -> Case:
    """Hypothesis strategy: one report printed with ``deviation``."""
    return DEVIATIONS[deviation](HypothesisSource(draw))
