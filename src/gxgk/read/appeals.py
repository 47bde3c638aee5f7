"""Section 四's table: the 15 numbers under their two-level header, in the order the header prints them."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from .._lazy import LazyRegex
from ..model import (
    AppealBlock,
    Appeals,
    Diagnostic,
    Severity,
)
from ..template.spec import (
    APPEAL_BLOCK_HEADER_WORDS,
    APPEAL_BLOCKS,
    APPEAL_CELLS,
    APPEAL_COLUMNS,
    APPEAL_RESULT_HEADER_WORDS,
    APPEAL_ROW_KEYS,
    SUIT_BLOCKS,
    SUITS,
    ValueKind,
)
from .cells import VALUE, Segment, Token
from .columns import header_by_cells, header_over_values, names_on_several_lines, names_pattern
from .fitting import Lazy, Shape, open_lines
from .header import (
    HEADER_REACH,
    NUMBER_LINE,
    Order,
    Unreadable,
    appeal_cells_agree,
    appeal_order,
    group_lost,
    header_start,
    header_text,
    result_names,
    wrapped_across_lines,
)
from .rows import (
    Fit,
    Glue,
    Source,
    SumIdentity,
    _best,
    _claims,
    _determined,
    _glued_note,
    _has_number,
    _keys,
    _missing,
    _Reader,
    fit_segment,
    printed_row,
)

__all__ = ["read_appeals"]

# A literal alternation, which `re` skips to in C (a segment's label can be 160 characters).
_APPEAL_HEADER = re.compile(r"复议|诉讼|维持|纠正|审结|起诉|尚未|结果")
# Section 四's header ends in "尚未审结 总计": values after it are 四's, never 三's （七）总计.
_APPEAL_HEADER_END = re.compile(r"(?:审结|结果维持|结果纠正|其他结果)(?:总计|合计)$")
_APPEAL_NAMES = tuple(block.rsplit(" / ", 1)[-1] for block in APPEAL_BLOCKS)
# The five result columns printed between a block's name and its values
# (section 四 printed as three small tables, as OCR and converters split it).
_APPEAL_COLUMN_HEADER = LazyRegex(r"(?:结果维持|结果纠正|其他结果|尚未审结|总计|合计)++$")
_BLOCK_KINDS: Final = (ValueKind.COUNT,) * len(APPEAL_COLUMNS)
#: H4 on a cut of section 四: each block's 总计 is the sum of its four results.
_block_totals_hold: Final = SumIdentity(len(APPEAL_COLUMNS))
#: Glued digits of section 四 are split only where they cannot be read another way, and H4 holds.
_APPEAL_GLUE: Final = Glue(_block_totals_hold, blanks=1, forced=True)

# ---- Section 四 -------------------------------------------------------------


def read_appeals(source: Source, segments: Sequence[Segment]) -> tuple[Appeals | None, list[Diagnostic]]:
    """Section 四: fifteen values after the header, or three labelled rows of five.

    Blocks and result columns are mapped by the header printed before the
    values read (see :mod:`gxgk.read.header`); glued digits are split only in
    template order.
    """
    reader = _Reader(source, "四")
    kinds = [ValueKind.COUNT] * APPEAL_CELLS
    candidates = [s for s in segments if _APPEAL_HEADER.search(s.label)]
    found = _best_appeals(candidates, kinds, source)
    if found is not None:
        segment, fitted, orders = found
        if isinstance(orders, Unreadable):
            reader.note("P-header", f"{orders.reason}; which value belongs to which block and result cannot be "
                        "known, so the table is left blank", segment.label_start, Severity.ERROR, table=True)
            return _blank_appeals(), reader.diagnostics
        blocks, results = orders
        _say_appeal_order(reader, blocks, results, segment.label_start)
        tokens = _determined(reader, "行政复议、行政诉讼", segment, fitted, None)
        if tokens is None:
            return _blank_appeals(), reader.diagnostics
        note = _glued_note(reader, segment) if fitted.glued else None
        printed = [(APPEAL_BLOCKS[int(b)], APPEAL_COLUMNS[int(r)]) for b in blocks.columns for r in results.columns]
        cells = reader.cells(tokens, kinds, "行政复议、行政诉讼", [f"{b} · {r}" for b, r in printed], note)
        by_place = dict(zip(printed, cells, strict=True))
        appeals = Appeals(*(AppealBlock(*(by_place[block, column] for column in APPEAL_COLUMNS))
                            for block in APPEAL_BLOCKS))
        if blocks.moved or results.moved:
            appeals = _unless_totals_fail(reader, appeals, segment.label_start)
        return appeals, reader.diagnostics
    row_orders = _appeal_orders(reader, candidates)
    if row_orders is None:
        return _blank_appeals(), reader.diagnostics
    row_blocks, row_results = row_orders
    as_rows = _appeal_rows(reader, segments, row_results if not row_blocks.moved else None)
    if as_rows is not None:
        moved = row_blocks.moved or row_results.moved
        return (_unless_totals_fail(reader, as_rows, None) if moved else as_rows), reader.diagnostics
    candidates = [s for s in candidates if len(s.values) >= 5 or _APPEAL_HEADER_END.search(s.label)]
    if candidates:  # the table is there, but its values cannot be read: blank cells, named
        _missing(reader, candidates, "行政复议、行政诉讼", APPEAL_CELLS, None)
        return _blank_appeals(), reader.diagnostics
    return None, reader.diagnostics


_Orders = tuple[Order, Order] | Unreadable


def _best_appeals(candidates: Sequence[Segment], kinds: Sequence[ValueKind], source: Source
                  ) -> tuple[Segment, Fit, _Orders] | None:
    """The segment holding section 四's fifteen values, each read with the header printed before it.

    As :func:`_best`: a segment with a number in its cells wins over one
    without (a header's blank padding), then the first.  A segment's own
    header decides its order, so narrative that names 行政复议 before the
    table cannot lend the table another header.
    """
    text = source.text
    fitting: list[tuple[Segment, Fit, _Orders]] = []
    for segment in candidates:
        orders = _segment_orders(source, segment)
        as_template = not isinstance(orders, Unreadable) and not orders[0].moved and not orders[1].moved
        shape = Shape(open_rows=Lazy(functools.partial(_open_table, text, segment)))
        fitted = fit_segment(segment, kinds, text, _APPEAL_GLUE if as_template else None, shape)
        if fitted.cuts or fitted.exhausted:
            fitting.append((segment, fitted, orders))
    if not fitting:
        return None
    return min(fitting, key=lambda item: (not item[1].cuts or not _has_number(item[1].cuts[0], text),
                                          item[0].values[0][1]))


def _segment_orders(source: Source, segment: Segment) -> _Orders:
    """The blocks' and results' order from the header in a segment's label; a fixed-width header whose result
    names stand on several lines is not followed where it moves them (see
    :func:`~gxgk.read.columns.names_on_several_lines`)."""
    header = header_text(segment.label, len(segment.label))
    orders = appeal_order(header)
    if isinstance(orders, Unreadable) or (all(order.from_header and not order.moved for order in orders)
                                          and _SUITS_WORD in header):
        return orders  # the common case: a whole header read in template order
    text = source.text
    span = _printed_span(text, segment)
    printed = text[span[0] : span[1]]
    # a bordered header with empty cells (padding after a colspan) cuts the label at each of them: its words
    # before an empty cell are read from the lines as printed
    if not all(order.from_header for order in orders) and (lines := "".join(printed.replace("|", " ").split())):
        whole = appeal_order(lines)
        if not isinstance(whole, Unreadable) and all(
                read.from_header or not assumed.from_header for read, assumed in zip(whole, orders, strict=True)):
            orders = whole  # the whole header says at least what the label's part of it says
    row_line = text.rfind("\n", 0, segment.values[0][1]) + 1
    start = min(segment.label_start, row_line)
    start += header_start(text[start:row_line])
    if group_lost(printed, APPEAL_BLOCK_HEADER_WORDS, SUITS, SUIT_BLOCKS):
        return Unreadable("the header prints 未经复议直接起诉 and 复议后起诉 on a line of their own under no 行政诉讼 "
                          "cell, so where they stand beside 行政复议 cannot be known")
    if orders[0].moved and wrapped_across_lines(printed, APPEAL_BLOCK_HEADER_WORDS, SUIT_BLOCKS):
        return Unreadable("the header's suit block names stand in one order line by line and in another cell by "
                          "cell (a name wrapped onto the line below)")
    if orders[0].moved and names_on_several_lines(text, start, row_line, _SUIT_NAMES):
        return Unreadable("the header's suit block names stand on several fixed-width lines, and read line by "
                          "line they seem to move the blocks")
    if orders[1].moved and names_on_several_lines(text, start, row_line, _RESULT_NAMES):
        return Unreadable("the header's result names stand on several fixed-width lines, and read line by line "
                          "they seem to move the results")
    if not appeal_cells_agree(printed, printed_row(text, segment), *orders):
        return Unreadable("the header's names stand over other values than the order read from them puts there")
    if (reason := _results_over_values(source, segment, orders[1], span)) is not None:
        return Unreadable(reason)
    if not orders[0].from_header or not orders[1].from_header:
        cells = header_by_cells(text, start, row_line, source.printed)
        by_column = None if cells is None else appeal_order(cells)
        if by_column is not None and not isinstance(by_column, Unreadable) and any(
                assumed.from_header is False and read.from_header and read.moved
                for assumed, read in zip(orders, by_column, strict=True)):
            return Unreadable("the header's names, read line by line, are not all there; read cell by cell, "
                              "they move the blocks or results")
    return orders


def _open_table(text: str, segment: Segment) -> bool:
    """Whether section 四's header lines or values row leave the table's rows open (see :class:`Shape`)."""
    return open_lines(_printed_lines(text, segment) + printed_row(text, segment))


def _printed_lines(text: str, segment: Segment) -> str:
    """The lines above the values, after the caption and the last row of numbers, from the first line that
    names a block: lines above it are the end of a header cut by a page break, repeated below it."""
    start, end = _printed_span(text, segment)
    return text[start:end]


def _printed_span(text: str, segment: Segment) -> tuple[int, int]:
    """Where :func:`_printed_lines` are in ``text``."""
    row_line = text.rfind("\n", 0, segment.values[0][1]) + 1
    base = max(0, row_line - HEADER_REACH)
    region = text[base:row_line]
    numbers = [match.end() for match in NUMBER_LINE.finditer(region)]
    start = max(header_start(region), region.find("\n", numbers[-1]) + 1 if numbers else 0)
    top = _TOP_LINE.search(region, start)
    return base + (region.rfind("\n", 0, top.start()) + 1 if top else start), row_line


#: The words of a section 四 header's top line.
_TOP_LINE = re.compile(r"行政复议|行政诉讼")


#: The 行政诉讼 cell that places the two suit blocks (see :func:`~gxgk.read.header.group_lost`).
_SUITS_WORD: Final = dict(APPEAL_BLOCK_HEADER_WORDS)[SUITS]
#: The two suit blocks' names of a header (未经复议直接起诉 holds 复议 and 起诉, which name no block alone).
_SUIT_NAMES: Final = names_pattern(words for name, words in APPEAL_BLOCK_HEADER_WORDS if name in SUIT_BLOCKS)
#: The result column names of a header.
_RESULT_NAMES: Final = names_pattern(words for _, words in APPEAL_RESULT_HEADER_WORDS)


def _results_over_values(source: Source, segment: Segment, results: Order, span: tuple[int, int]) -> str | None:
    """Why the result order cannot be followed, if a fixed-width header prints a result's name over another
    value column than ``results`` puts there (see :func:`~gxgk.read.columns.header_over_values`); ``span``: the
    header's lines (see :func:`_printed_span`)."""
    values = [(start, end) for kind, start, end in segment.values if kind == VALUE]
    if len(values) != APPEAL_CELLS:
        return None
    over = header_over_values(source.text, *span, values, source.printed)
    width = len(results.columns)
    if over and all(any(len(named := result_names(cell)) == 1 and named[0] != results.columns[position % width]
                        for position, cell in enumerate(reading)) for reading in over):
        return ("the header's fixed-width lines print a result's name over another column's values than the "
                "order read from them puts there")
    return None


def _say_appeal_order(reader: _Reader, blocks: Order, results: Order, offset: int) -> None:
    if blocks.moved or results.moved:
        shown = "、".join(APPEAL_BLOCKS[int(b)] for b in blocks.columns)
        columns = "、".join(APPEAL_COLUMNS[int(r)] for r in results.columns)
        reader.note("P-header-order", f"the header prints the blocks as {shown} and the results as {columns}; "
                    "values were read in that order", offset, Severity.INFO)




def _appeal_orders(reader: _Reader, candidates: Sequence[Segment]) -> tuple[Order, Order] | None:
    """The blocks' and results' printed order, from the header before the first values."""
    if not candidates:
        return Order(tuple(range(len(APPEAL_BLOCKS))), False), Order(tuple(range(len(APPEAL_COLUMNS))), False)
    first = candidates[0]
    orders = _segment_orders(reader.source, first)
    if isinstance(orders, Unreadable):
        reader.note("P-header", f"{orders.reason}; which value belongs to which block and result cannot be known, "
                    "so the table is left blank", first.label_start, Severity.ERROR, table=True)
        return None
    blocks, results = orders
    _say_appeal_order(reader, blocks, results, first.label_start)
    return blocks, results


#: Blocks whose 总计 must break H4 before the columns themselves are doubted.
_FAILING_BLOCKS: Final = 2


def _unless_totals_fail(reader: _Reader, appeals: Appeals, offset: int | None) -> Appeals:
    """``appeals``, or a blank table when H4 (总计 = the four results) fails in every block with a number.

    Used where the header moves the blocks or results: a
    publisher's error breaks one block; every block failing at once (two at
    least) says the values were not read where the header puts them (a lost
    result name read as a rotation).  In template order, what the page
    prints is read, errors and all, for validation to report.
    """
    checked = failed = 0
    for block in (appeals.review, appeals.direct_suit, appeals.suit_after_review):
        values = [cell.value for cell in (block.upheld, block.corrected, block.other, block.pending, block.total)]
        if any(value is None for value in values) or not any(values):
            continue  # a blank says nothing, a block of zeros holds whatever the order
        checked += 1
        failed += values[-1] != sum(v for v in values[:-1] if isinstance(v, int))
    if failed < _FAILING_BLOCKS or failed < checked:
        return appeals
    reader.note("P-header", f"总计 is not the sum of the four results (H4) in all {failed} blocks read: the values "
                "do not stand where the header or the template puts them; the table is left blank", offset,
                Severity.ERROR, table=True)
    return _blank_appeals()


def _blank_appeals() -> Appeals:
    return Appeals(*(AppealBlock() for _ in APPEAL_BLOCKS))


def _appeal_rows(reader: _Reader, segments: Sequence[Segment], results: Order | None) -> Appeals | None:
    """Section 四 printed as three rows (行政复议 / 直接起诉 / 复议后起诉) of five values, in ``results`` order."""
    if results is None:
        return None
    headless = [s._replace(label=_APPEAL_COLUMN_HEADER.sub("", s.label)) for s in segments]
    claims = _claims(headless, _keys(APPEAL_ROW_KEYS))
    kinds = [ValueKind.COUNT] * 5
    glue = None if results.moved else _APPEAL_GLUE
    found = [_best(claims.get(i, ()), kinds, reader.source.text, glue=glue) for i in range(3)]
    cuts = [_determined(reader, name, *f, block) if f is not None else None
            for name, block, f in zip(_APPEAL_NAMES, APPEAL_BLOCKS, found, strict=True)]
    if any(c is None for c in cuts):
        return None
    blocks = []
    for name, tokens in zip(APPEAL_BLOCKS, cuts, strict=True):
        printed = [APPEAL_COLUMNS[int(r)] for r in results.columns]
        cells = reader.cells(tokens or (), _BLOCK_KINDS, name, printed)
        by_column = dict(zip(printed, cells, strict=True))
        blocks.append(AppealBlock(*(by_column[column] for column in APPEAL_COLUMNS)))
    return Appeals(*blocks)




def _block(reader: _Reader, name: str, tokens: Sequence[Token], note: str | None = None) -> AppealBlock:
    return AppealBlock(*reader.cells(tokens, _BLOCK_KINDS, name, APPEAL_COLUMNS, note))
