"""Section 二's table: rows by label, values in the template's columns, amounts in 万元."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from ..model import (
    DISCLOSURE_CLASSES,
    Cell,
    Diagnostic,
    Disclosure,
    Severity,
)
from ..template.spec import (
    DISCLOSURE_ROWS,
    MONEY_UNIT_FACTORS,
    Column,
    DisclosureRowSpec,
    Template,
    ValueKind,
)
from .cells import VALUE, Segment, Token
from .columns import header_by_cells, header_over_values, names_on_several_lines, names_pattern
from .header import (
    CAPTION_END,
    NUMBER_LINE,
    Order,
    Unreadable,
    column_cells_agree,
    column_names,
    column_order,
    header_start,
    wrapped_across_lines,
)
from .rows import (
    _FORCED,
    Fit,
    Source,
    _choose,
    _claims,
    _determined,
    _glued_note,
    _keys,
    _Plan,
    _Reader,
    printed_row,
)

__all__ = ["read_disclosure"]

# ---- Section 二 -------------------------------------------------------------




@functools.cache
def _disclosure_plan(template: Template) -> _Plan | None:
    specs = DISCLOSURE_ROWS.get(template)
    if not specs:
        return None
    fields = attrs.fields_dict(DISCLOSURE_CLASSES[template.family])
    return _Plan(_keys(tuple(spec.key for spec in specs)), tuple(f"{spec.item} {spec.label}" for spec in specs),
                 tuple(tuple(column.kind for column in spec.columns) for spec in specs),
                 tuple(tuple(column.label for column in spec.columns) for spec in specs),
                 (False,) * len(specs), tuple(type(fields[spec.field].default) for spec in specs),
                 tuple(spec.label for spec in specs))


def read_disclosure(template: Template, source: Source, segments: Sequence[Segment]
                    ) -> tuple[Disclosure | None, list[Diagnostic]]:
    """Section 二 of ``template`` from ``segments``; ``None`` if no row is found."""
    plan = _disclosure_plan(template)
    if plan is None:
        return None, []
    reader = _Reader(source, "二")
    specs = DISCLOSURE_ROWS[template]
    claims = _claims(segments, plan.keys)
    chosen = _choose(claims, plan, reader, _FORCED)
    orders = _item_orders(reader, specs, plan, chosen)
    rows: dict[str, Any] = {}  # field → its row (each a row class of the template's disclosure class)
    for index, (segment, found) in sorted(chosen.items()):
        order = orders.get(specs[index].item)
        if order is None:
            continue  # the item's header cannot be followed: said once for the item
        tokens = _determined(reader, plan.labels[index], segment, found, plan.names[index])
        if tokens is None:
            continue
        note = _glued_note(reader, segment) if found.glued else None
        kinds, columns = plan.kinds[index], plan.columns[index]
        if order == _IN_ORDER[len(order)]:  # the common case: the header (if any) agrees with the template
            cells = reader.cells(tokens, kinds, specs[index].label, columns, note)
        else:
            printed = reader.cells(tokens, [kinds[c] for c in order], specs[index].label, [columns[c] for c in order],
                                   note)
            cells = [cell for _, cell in sorted(zip(order, printed, strict=True))]
        if ValueKind.AMOUNT in plan.kinds[index]:
            cells = _in_wan_yuan(reader, template, plan, index, segment, cells, segments[0].label_start)
        rows[specs[index].field] = plan.classes[index](*cells)
    if not claims:
        return None, reader.diagnostics
    return DISCLOSURE_CLASSES[template.family](**rows), reader.diagnostics


@functools.lru_cache(maxsize=64)
def _foreign_words(columns: tuple[Column, ...], item: str) -> re.Pattern[str] | None:
    """The header words of the same item's columns in other templates that these columns do not share.

    A 2021 report that copied the 2019 section 二 (本年新制作数量, 本年新公开数量,
    对外公开总数量) must not have those numbers read as 本年制发件数, 本年废止件数, 现行有效件数.
    """
    own = {column.label for column in columns}
    words = {column.header for rows in DISCLOSURE_ROWS.values() for spec in rows if spec.item == item
             for column in spec.columns if column.header and column.label not in own}
    return re.compile("|".join(sorted(words))) if words else None


#: An item's title as printed: "第二十条第（五）项" (normalised brackets), perhaps with words after it.
_ITEM_TITLE = re.compile(r"第二十条第\(?[一二三四五六七八九十]{1,3}\)?项")


def _item_header(label: str) -> str:
    """The header words of an item, from the label text before its first row.

    After the last 信息内容 (the header's first cell in both templates).
    Without it, after the item's title and the words a page adds to it up
    to 情况 ("第二十条第（五）项 行政许可…处理决定情况": its words are no
    column's), and after the last sentence; without a title either, the
    label is the end of a paragraph, whose words say nothing about columns.

    >>> _item_header("第二十条第(一)项规章和规范性文件废止情况信息内容本年制发件数")
    '本年制发件数'
    >>> _item_header("清理废止不适应的文件,公开现行有效文件目录。")
    ''
    """
    return label[_item_header_start(label):]


#: How far above its first row an item's title is looked for.
_TITLE_REACH: Final = 400


def _above_row(text: str, segment: Segment) -> tuple[str, re.Match[str] | None]:
    """The text a little above the line of an item's first row, and the last item title in it (if any)."""
    row_line = text.rfind("\n", 0, segment.values[0][1]) + 1
    region = text[max(0, row_line - _TITLE_REACH) : row_line]
    titles = list(_ITEM_TITLE.finditer(region))
    return region, titles[-1] if titles else None


def _printed_item_header(text: str, segment: Segment) -> str | None:
    """The header words between an item's title and its first row's line, as printed (``None``: not so printed).

    A bordered header row with an empty cell ("|  | 本年废止件数 | …", a
    blank corner, padding after a colspan) ends a value group in the
    tokenizer, so the first row's label holds only the words after the last
    empty cell; the printed lines hold them all.  Only lines below the
    nearest title and above the row's own line are read, and only when the
    title stands on a line of its own, up to the item's first row of numbers
    (which may be another row than the one read first, when that one is blank).
    """
    region, title = _above_row(text, segment)
    after_title = 0 if title is None else region.find("\n", title.end()) + 1
    if not after_title:
        return None
    lines = region[after_title:]
    numbers = next((match.start() for match in NUMBER_LINE.finditer(lines)), None)
    if numbers == 0:
        return None  # a row of numbers first: the nearest title is another item's (this one printed none)
    return _item_header("".join(lines[:numbers].replace("|", " ").split()))  # up to the item's first row


def _item_header_lines(text: str, segment: Segment) -> str:
    """The lines above an item's first row, back to its title (or its last line), as printed."""
    region, title = _above_row(text, segment)
    return region[title.end() :] if title is not None else region[region.rfind("\n", 0, len(region) - 1) + 1 :]


def _item_header_start(text: str) -> int:
    """Where :func:`_item_header`'s words start in ``text`` (as printed or with whitespace removed)."""
    cut = text.rfind("信息内容")
    if cut >= 0:
        return cut + len("信息内容")
    titles = list(_ITEM_TITLE.finditer(text))
    if not titles:
        return header_start(text)  # after the last caption or sentence: a paragraph's words are never read
    start = titles[-1].end()
    caption = text.find(CAPTION_END, start)
    start = caption + len(CAPTION_END) if caption >= 0 else start
    return max(start, header_start(text))


def _header_block(text: str, segment: Segment) -> tuple[int, int] | None:
    """The item's header as printed: from its words' start (see :func:`_item_header`) to its first row's line."""
    row_line = text.rfind("\n", 0, segment.values[0][1]) + 1
    if row_line <= segment.label_start:
        return None
    raw = text[segment.label_start : row_line]
    titles = list(_ITEM_TITLE.finditer(raw))
    after_title = raw.find("\n", titles[-1].end()) + 1 if titles else 0
    if after_title and "\n" in raw[after_title : raw.find("信息内容", after_title) + 1 or None]:
        return segment.label_start + after_title, row_line  # header lines above 信息内容's (a cell centred low)
    return segment.label_start + _item_header_start(raw), row_line


def _lines_disagree(source: Source, segment: Segment, words: Sequence[str], order: Order,
                    values: Sequence[Token]) -> str | None:
    """Why a fixed-width header's lines cannot give the order, if they cannot: a name over another value
    column than the order puts there (:func:`~gxgk.read.columns.header_over_values`, the first row's
    ``values``), a moved order from names on several lines
    (:func:`~gxgk.read.columns.names_on_several_lines`), or a template order assumed from a damaged header
    whose cells, read as printed, move them (:func:`~gxgk.read.columns.header_by_cells`)."""
    if order.from_header and not order.moved:
        return None  # the common case: a whole header read in template order
    block = _header_block(source.text, segment)
    if block is None:
        return None
    over = header_over_values(source.text, *block, [(start, end) for _, start, end in values], source.printed) if (
        len(values) == len(order.columns) and all(kind == VALUE for kind, _, _ in values)) else None
    if over and all(any(len(named := column_names(cell, tuple(words))) == 1 and named[0] != column
                        for cell, column in zip(reading, order.columns, strict=True)) for reading in over):
        return ("the header's fixed-width lines print a column's name over another column's values than the "
                "order read from them puts there")
    several = ("the header's column names stand on several fixed-width lines that cannot be lined up with the "
               "values, and they seem to move the columns")
    if order.moved:
        return several if names_on_several_lines(source.text, *block, _words_pattern(tuple(words))) else None
    cells = header_by_cells(source.text, *block, source.printed)
    by_column = None if cells is None else column_order(cells, tuple(words))
    return several if isinstance(by_column, Order) and by_column.from_header and by_column.moved else None


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return names_pattern(words)


#: The template's own column order, by number of columns.
_IN_ORDER: Final = [tuple(range(n)) for n in range(8)]


def _item_orders(reader: _Reader, specs: Sequence[DisclosureRowSpec], plan: _Plan,
                 chosen: dict[int, tuple[Segment, Fit]]) -> dict[str, tuple[int, ...] | None]:
    """Each item's printed column order (template indices), from the header its first row's label holds.

    ``None`` for an item whose header names its columns out of template order
    without naming them all: its rows are left blank, with a ``P-header`` error.
    """
    orders: dict[str, tuple[int, ...] | None] = {}
    firsts: dict[str, int] = {}
    for index, (segment, _) in chosen.items():
        item = specs[index].item
        if item not in firsts or segment.label_start < chosen[firsts[item]][0].label_start:
            firsts[item] = index
    for item, index in firsts.items():
        columns = specs[index].columns
        words = tuple(column.header for column in columns)
        if len(columns) < 2 or not all(words):
            orders[item] = tuple(range(len(columns)))
            continue
        segment = chosen[index][0]
        header = _printed_item_header(reader.source.text, segment) or _item_header(
            segment.label[: plan.keys.start(segment.label, index)])
        order = column_order(header, words)
        if (isinstance(order, Order) and not order.from_header
                and not column_cells_agree(_item_header_lines(reader.source.text, segment), tuple(words),
                                           printed_row(reader.source.text, segment))):
            order = Unreadable("the header does not name every column, and the cells it names stand where the "
                               "template has other columns")
        if isinstance(order, Order) and order.moved and wrapped_across_lines(
                _item_header_lines(reader.source.text, segment), tuple(enumerate(words)), range(len(words))):
            order = Unreadable("the header's column names stand in one order line by line and in another cell by "
                               "cell (a name wrapped onto the line below)")
        fitted = chosen[index][1]
        first_values = fitted.cuts[0] if len(fitted.cuts) == 1 and not fitted.glued else ()
        if isinstance(order, Order) and (
                reason := _lines_disagree(reader.source, segment, words, order, first_values)) is not None:
            order = Unreadable(reason)
        if isinstance(order, Order) and not order.from_header and (
                (foreign := _foreign_words(specs[index].columns, item)) is not None
                and (named := foreign.search(header)) is not None):
            order = Unreadable(f"the header names '{named.group()}', a column of another template's item, not "
                               "this template's columns")
        if isinstance(order, Unreadable):
            orders[item] = None
            rows = [i for i, spec in enumerate(specs) if spec.item == item]
            for row in rows:
                reader.note("P-header", f"{plan.labels[row]}: {order.reason}; which value belongs to which column "
                            "cannot be known, so the row is left blank", segment.label_start, Severity.ERROR,
                            row=plan.names[row])
            continue
        orders[item] = tuple(int(column) for column in order.columns)  # template indices: no SUBTOTAL here
        if order.moved:
            printed = "、".join(columns[int(c)].label for c in order.columns)
            reader.note("P-header-order", f"{item}: the header prints the columns as {printed}; values were read "
                        "in that order", segment.label_start, Severity.INFO)
    return orders


# The unit an amount column's header prints after its name: "收费金额(单位:元)", "采购总金额（万元）".
# The text is normalised (ASCII brackets and colons).
# Also "金额【元】", "金额[元]", "收费（元）", "金额/元".
_HEADER_UNIT = re.compile(r"(?:金额|收费|费用|数额)[^()\d【】\[\]/|]{0,4}?"
                          r"(?:[(【\[](?:单位:?)?([^()\d【】\[\]|]{1,8})[)】\]]|/(?:人民币)?(百万元|万元|千元|百元|亿元|元))")
# (After a slash only a money unit is taken: the header runs on into the row's label, "金额/元行政事业性收费".)
#: Money units as a statement lists them: "单位：元", "单位：件、元" (counts in 件, amounts in 元).
_STATED: Final = r"(?:[件个项次条宗]、)?(百万元|万元|千元|百元|亿元|元)"
# A unit printed for the whole table ("单位：元"), used when the column names none.
_TABLE_UNIT = re.compile(rf"单位:?{_STATED}")
_CELL_UNIT = re.compile(r"(?:万元|千元|亿元|万|亿|元)$")
# A money unit printed after an amount, apart from it or in brackets ("105000 元", "105000(元)"), or glued
# to it where the tokenizer does not take it into the cell ("1.9亿元", "105千元"); then the cell's end.
_UNIT_AFTER = re.compile(r" ?+\(?+ ?+(百万元|万元|千元|百元|亿元|元|万|亿)\)?+(?![^\s|])")
# A unit statement for the tables below it, on a line of its own ("单位：元", "（单位：万元）").
_UNIT_STATEMENT = re.compile(rf"单位[ ]?:?[ ]?{_STATED}")
#: How far above an amount row a unit statement for its table is looked for (within the section).
_STATEMENT_REACH: Final = 1500


@functools.lru_cache(maxsize=1024)
def _header_unit(header: str) -> str | None:
    """The money unit a header prints for its amount column (several different ones joined with 、)."""
    units = [_money_unit(bracketed or slashed) for bracketed, slashed in _HEADER_UNIT.findall(header)] or list(
        set(_TABLE_UNIT.findall(header)))
    return units[-1] if len(set(units)) == 1 else ("、".join(sorted(set(units))) or None)


def _money_unit(printed: str) -> str:
    """A unit as printed, without what names the currency: "人民币元", "元人民币", "人民币:元" are 元."""
    return printed.replace("人民币", "").replace("单位", "").strip(": ")


def _stated_unit(text: str, section_start: int, row_start: int) -> str | None:
    """The money unit the last unit statement above a row names, within its section (``None``: none)."""
    units = [match.group(1) for match in
             _UNIT_STATEMENT.finditer(text, max(section_start, row_start - _STATEMENT_REACH), row_start)]
    return units[-1] if units else None


def _in_wan_yuan(reader: _Reader, template: Template, plan: _Plan, index: int, segment: Segment,
                 cells: list[Cell], section_start: int) -> list[Cell]:
    """Amounts converted to 万元 by the unit printed with them; a unit that cannot be known is said.

    A cell's own unit ("251000元") was applied when it was read.  A unit
    printed after the number ("105000 元", "105000（元）", "1.9亿元") comes
    next, then the header's ("收费金额（元）"), then a statement above the
    table ("单位：元").  With none printed, the 2021 template's 万元 applies,
    while the 2019 template printed no unit at all, which a warning says.  A
    unit gxgk cannot convert leaves the cell blank: its number is not 万元.
    """
    text = reader.source.text
    header = _header_unit(segment.label[: plan.keys.start(segment.label, index)])
    result = list(cells)
    for column, (kind, cell) in enumerate(zip(plan.kinds[index], cells, strict=True)):
        if kind is not ValueKind.AMOUNT or cell.value is None or cell.source is None:
            continue
        if _CELL_UNIT.search(cell.source.raw):
            continue
        after = _UNIT_AFTER.match(text, cell.source.end)
        unit, said = ((after.group(1), "printed after it") if after is not None
                      else (header, "from the header") if header is not None
                      else (_stated_unit(text, section_start, segment.label_start), "stated above the table"))
        where = f"{plan.labels[index]} · {plan.columns[index][column]}"
        name = plan.columns[index][column]
        factor = None if unit is None else MONEY_UNIT_FACTORS.get(unit)
        if unit is not None and factor is None:
            result[column] = cell._replace(value=None)
            reader.note("P-unit", f"{where}: the unit '{unit}' ({said}) is not a money unit gxgk can convert to "
                        f"万元; '{cell.source.raw}' left blank", cell.source.start, row=plan.names[index],
                        column=name)
        elif factor is not None and factor != "1":
            value = cell.value * Decimal(factor) if isinstance(cell.value, Decimal) else cell.value
            result[column] = cell._replace(value=value, source=cell.source._replace(
                note=f"unit {unit} {said}, converted to 万元"))
        elif unit is None and template.family is Template.V2019:
            reader.note("P-unit", f"{where}: printed without a unit; read as 万元", cell.source.start,
                        Severity.WARNING, row=plan.names[index], column=name)
    return result
