"""Which printed column is which: a table's header read as evidence, not position.

Most reports print sections 三 and 四 in template order, but some print the
applicant columns, the 四 blocks or the result columns in another order, with
a header that says so; reading such a table by position gives confident wrong
numbers.  This module reads the header words a table prints before its first
data row and returns the order of the data cells, in template indices:

* a header that names every column gives the order (two-level headers are
  rebuilt: the group label owns the columns printed under it, wherever the
  flattening put them);
* a header that names only some columns (truncated, garbled, absent) and
  names them in template order gives the template order, as before;
* a header whose words contradict the template order but do not name every
  column cannot be followed or ignored: :class:`Unreadable` says why, and the
  reader leaves the table blank.

The header words are data in :mod:`gxgk.template.spec`.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from ..template.spec import (
    APPEAL_BLOCK_HEADER_WORDS,
    APPEAL_BLOCKS,
    APPEAL_COLUMNS,
    APPEAL_RESULT_HEADER_WORDS,
    APPLICANT_COLUMNS,
    APPLICANT_HEADER_WORDS,
    GROUP,
    LEGAL_PERSON_COLUMNS,
    SUBTOTAL,
    SUIT_BLOCKS,
    SUITS,
)

__all__ = [
    "CAPTION_END",
    "HEADER_REACH",
    "NUMBER_LINE",
    "SENTENCE_ENDS",
    "Order",
    "Unreadable",
    "appeal_cells_agree",
    "appeal_order",
    "applicant_cells_agree",
    "applicant_names",
    "applicant_order",
    "column_cells_agree",
    "column_names",
    "column_order",
    "group_lost",
    "header_start",
    "header_text",
    "result_names",
    "wrapped_across_lines",
]

Name = int | str

#: A section heading or the 申请人情况 caption ends with 情况; header words stand after it.
CAPTION_END: Final = "情况"


class Order(NamedTuple):
    """The data cells' columns, in template indices (or SUBTOTAL), and whether a header decided."""

    columns: tuple[Name, ...]
    from_header: bool

    @property
    def moved(self) -> bool:
        """Whether the printed order differs from the template's."""
        return _moved(self.columns)


@functools.lru_cache(maxsize=256)
def _moved(columns: tuple[Name, ...]) -> bool:
    return columns != tuple(sorted(c for c in columns if isinstance(c, int)))


class Unreadable(NamedTuple):
    """A header that contradicts the template order without naming every column."""

    reason: str


@functools.cache
def _scanner(words: tuple[tuple[Name, str], ...]) -> tuple[re.Pattern[str], tuple[Name, ...]]:
    pattern = "|".join(f"({alternatives})" for _, alternatives in words)
    return re.compile(pattern), tuple(name for name, _ in words)


def _names(text: str, words: tuple[tuple[Name, str], ...]) -> list[Name]:
    pattern, names = _scanner(words)
    return [names[match.lastindex - 1] for match in pattern.finditer(text) if match.lastindex]


#: How far before a table's first row (or values) its header's lines are looked for.
HEADER_REACH: Final = 600
#: A line with a digit: a row of numbers (a header's lines have none).
NUMBER_LINE = re.compile(r"^[^\n\d]*\d", re.MULTILINE)
#: Marks that end a sentence: a header's cells never hold one, so narrative before a table ends there.
SENTENCE_ENDS: Final = "。;!?"


def header_start(text: str) -> int:
    """Where the header words of ``text`` (the text before a table's first row) start.

    After the last caption (…情况) and after the last sentence: a line of
    narrative between the heading and the table ("本年度未发生行政诉讼案件。")
    names no column, whatever words it uses.

    >>> text = "四、行政复议、行政诉讼情况本年度未发生行政诉讼案件。行政复议行政诉讼"
    >>> text[header_start(text):]
    '行政复议行政诉讼'
    """
    cut = text.rfind(CAPTION_END)
    start = cut + len(CAPTION_END) if cut >= 0 else 0
    return max(start, *(text.rfind(mark) + 1 for mark in SENTENCE_ENDS))


def header_text(label: str, row_start: int) -> str:
    """The header part of a first row's label: after the last caption and sentence, before the row's own label."""
    head = label[:row_start]
    return head[header_start(head):]


def _first_run(names: Sequence[Name]) -> list[Name]:
    """The names up to the first repeat (a header printed again after a page break starts over)."""
    seen: list[Name] = []
    for name in names:
        if name in seen:
            break
        seen.append(name)
    return seen


def _in_template_order(columns: Sequence[Name]) -> bool:
    indices = [c for c in columns if isinstance(c, int)]
    return indices == sorted(indices)


@functools.lru_cache(maxsize=1024)
def applicant_order(header: str) -> Order | Unreadable | tuple[Order, Order]:
    """The order of section 三's data columns from its header text.

    A header that does not name every column says nothing the template does
    not (it is garbled, wrapped or absent): template order.  A header that
    names them all is read two ways when it prints the 法人或其他组织 group:
    flattened by rows (the group's five columns after the top row, which the
    group stands in for) and as the leaves stand.  When the two differ, both
    are returned and the numbers decide (the caller checks 总计 = Σ).

    >>> applicant_order("自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")[0].columns
    (0, 1, 2, 3, 4, 5, 6)
    >>> applicant_order("总计自然人商业企业科研机构社会公益组织法律服务机构其他").columns
    (6, 0, 1, 2, 3, 4, 5)
    >>> applicant_order("")
    Order(columns=(0, 1, 2, 3, 4, 5, 6), from_header=False)
    """
    names = _first_run(_names(header, APPLICANT_HEADER_WORDS))
    template = tuple(range(len(APPLICANT_COLUMNS)))
    leaves = tuple(n for n in names if n != GROUP)
    if not set(template) <= set(leaves):
        if SUBTOTAL in leaves:
            return Unreadable("the header prints a 法人或其他组织小计 column but does not name every other column")
        if not _partial_in_order(names):
            return Unreadable("the header names the applicant columns out of template order, and not all of them")
        return Order(template, False)
    as_leaves = Order(leaves, True)
    as_rows = Order(tuple(_as_rows(names)), True)
    return as_rows if as_rows == as_leaves else (as_rows, as_leaves)


def _as_rows(names: Sequence[Name]) -> list[Name]:
    """A header's names with a two-level header's second row standing where its group does."""
    owned = [n for n in names if n in LEGAL_PERSON_COLUMNS or n == SUBTOTAL]
    if GROUP not in names or not owned or list(names[-len(owned):]) != owned:
        return [n for n in names if n != GROUP]
    top = [n for n in names if n not in LEGAL_PERSON_COLUMNS and n != SUBTOTAL]
    at = top.index(GROUP)
    return [*top[:at], *owned, *top[at + 1:]]


def _partial_in_order(names: Sequence[Name]) -> bool:
    """Whether the names of a header that does not name every column stand in template order.

    Read as rows when it prints the group; a two-level header whose group
    cell was lost ("自然人 总计 商业企业 … 其他") still ends in its second row,
    and each of its two rows must be in order.
    """
    if _in_template_order(_as_rows(names)):
        return True
    if GROUP in names:
        return False  # the group places its columns: read as rows, they are out of order
    owned = [n for n in names if n in LEGAL_PERSON_COLUMNS]
    if not owned or list(names[-len(owned):]) != owned:
        return False
    return _in_template_order([n for n in names if n not in owned and n != GROUP]) and _in_template_order(owned)


@functools.cache
def _group_pattern(words: tuple[tuple[Name, str], ...], group: Name) -> re.Pattern[str]:
    return re.compile(dict(words)[group])


def group_lost(lines: str, words: tuple[tuple[Name, str], ...] = APPLICANT_HEADER_WORDS, group: Name = GROUP,
               owned: Sequence[Name] = LEGAL_PERSON_COLUMNS) -> bool:
    """Whether a two-level header prints the columns a group owns on a line of their own, under no group.

    The group cell is what places them among the others: without it,
    "自然人 | 总计" over "商业企业 | … | 其他" reads as well with the five
    between the two (the template) as after 总计 (as flattened), and the
    names alone cannot say which.  The same holds for section 四's
    未经复议直接起诉 and 复议后起诉 under a lost 行政诉讼.  Two owned names at
    least make such a line (one name a line is a one-cell-per-line layout).

    >>> group_lost("自然人 |  | 总计 |\\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |")
    True
    >>> group_lost("自然人 | 法人或其他组织 | 总计 |\\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |")
    False
    >>> group_lost("自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |")
    False
    """
    if _group_pattern(words, group).search("".join(lines.split())):
        return False  # the group is printed (perhaps wrapped over two lines): it places its columns
    top_seen = False
    for line in lines.split("\n"):
        found = _names("".join(line.split()), words)
        under = [name for name in found if name in owned]
        if top_seen and len(under) >= 2 and len(under) == len(found):
            return True
        top_seen = top_seen or any(name not in owned and name != SUBTOTAL for name in found)
    return False


def wrapped_across_lines(lines: str, words: tuple[tuple[Name, str], ...], level: Sequence[Name]) -> bool:
    """Whether two names of one header ``level``, on different bordered lines, stand in one order by line and
    in the other by cell: a cell wrapped onto the line below ("| 未经复议 | 复议后起诉" over "| 直接起诉 |"),
    whose second half reads as a name of its own after the names of the line above.

    Read line after line, such a header moves the columns; read cell by cell
    it does not.  Which is meant cannot be told from the names, so the order
    is not followed.  Lines without borders or tabs are not placed.

    >>> blocks = (1, 2)
    >>> wrapped_across_lines("| 未经复议 | 复议后起诉\\n| 直接起诉 |", APPEAL_BLOCK_HEADER_WORDS, blocks)
    True
    >>> wrapped_across_lines("| 未经复议直接起诉 | 复议后起诉", APPEAL_BLOCK_HEADER_WORDS, blocks)
    False
    """
    if lines.count("|") + lines.count("\t") < 2:
        return False  # no line of cells
    furthest = -1  # the furthest cell that names one of the level on the lines above
    for line in lines.split("\n"):
        if "|" not in line and "\t" not in line:
            continue
        cells = [position for position, cell in enumerate(_bordered_cells(line))
                 if any(name in level for name in _names("".join(cell.split()), words))]
        if cells and cells[0] < furthest:
            return True
        furthest = max(furthest, *cells) if cells else furthest
    return False


#: What separates a header's printed cells on one line: a border or a tab.  (Not a wide gap: fixed-width
#: text prints a wrapped cell's words on other lines, and leaves no empty cell where they are missing.)
_CELL_BORDER = re.compile(r"[ ]*+[|\t][ ]*+")


def _bordered_cells(line: str) -> list[str]:
    """A line's cells between borders or tabs, its outer borders (one a side) left off; an empty cell is kept."""
    line = line.strip(" ")
    line = line[1:] if line.startswith("|") else line
    return _CELL_BORDER.split(line[:-1] if line.endswith("|") else line)


def _open_cells(line: str, row: str) -> list[str]:
    """A header line's cells as a table that leaves its rows open counts them: when ``row`` does not end in a
    border, a ``|`` ending the line opens a last, empty cell ("| 行政复议 |  | " is three cells)."""
    cells = _bordered_cells(line)
    if row and not row.rstrip().endswith("|") and line.rstrip().endswith("|"):
        cells.append("")
    return cells


def _row_aligned(cells: Sequence[str], row: Sequence[str], width: int) -> int | None:
    """How many label cells stand before the values when a header line has exactly the first data row's cells.

    Such a line places each of its cells over the row's cell at the same
    position: a name is over the value column its position says, wherever
    the template has it.  The row must end in a printed value (empty cells
    at its end may be a converter's padding, narrative run on after it is
    no cell, and the count would be a coincidence).
    ``None`` when the line cannot be placed that way.
    """
    return len(row) - width if len(row) >= width and len(cells) == len(row) and _VALUE_CELL.fullmatch(
        row[-1].strip()) else None


#: A cell that prints a value or a blank mark, as a row's last cell must (not narrative run on after the row).
_VALUE_CELL = re.compile(r"[+\-]?[\d.,]+(?:万元|元)?|[/\-—–]{1,4}|增\d+|减\d+")


def applicant_cells_agree(lines: str, row: str = "") -> bool:
    """Whether the header's cells stand where the template has them, as far as they can be placed.

    A header that does not name every column is read in template order; its
    named cells must not say otherwise.  On a line of cells (borders or
    tabs, as pipe, markdown, HTML and Word tables print them, an empty cell
    included), two named cells that are *k* cells apart must be *k* columns
    apart in the template: "社会公益组织 | 其他 | " puts 其他 where 法律服务机构
    stands (a name was lost, and its column is not 其他's).  Only a line of
    exactly the template's cells is placed (five under the group, else
    seven): a label cell more, or an empty cell a converter left out, would
    shift the count.  Lines with the group (法人或其他组织) or a 小计 cell span
    columns and are not placed either.  A line of exactly as many cells as
    the table's first data ``row`` (its label cells included) is placed over
    the row's cells: each name must stand over its own template column.

    >>> applicant_cells_agree("商业企业 | 科研机构 | 社会公益组织 | 其他 |  |")
    False
    >>> applicant_cells_agree("商业企业 | 科研机构 | 社会公益 | 法律服 | 其他 |")
    True
    >>> applicant_cells_agree("|  |  | 商业企业 | 社会公益组织 | 法律服务机构 | 其他 |  |  |",
    ...                       "| 一、新收 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |")
    False
    """
    if "|" not in lines and "\t" not in lines:
        return True  # no line of cells: nothing is placed
    row_cells = _bordered_cells(row) if row else []
    for line in lines.split("\n"):
        cells = _open_cells(line, row)
        if len(cells) < 2:
            continue  # one cell, or a fixed-width line: nothing says where its words stand
        if not _group_line_agrees(cells, row_cells):
            return False
        placed: list[tuple[int, int]] = []
        for position, cell in enumerate(cells):
            found = _names("".join(cell.split()), APPLICANT_HEADER_WORDS)
            if GROUP in found or SUBTOTAL in found:
                placed = []
                break
            if len(found) > 1:
                return False  # two names in one cell: neither can be placed
            if found:
                placed.append((position, int(found[0])))
        label = _row_aligned(cells, row_cells, len(APPLICANT_COLUMNS))
        if label is not None:
            if any(at - label != column for at, column in placed):
                return False
            continue
        width = len(LEGAL_PERSON_COLUMNS) if all(column in LEGAL_PERSON_COLUMNS for _, column in placed) else len(
            APPLICANT_COLUMNS)
        if len(cells) != width:
            continue  # a cell more (a label column) or fewer (an empty cell a converter dropped): not placed
        for (at, column), (next_at, next_column) in itertools.pairwise(placed):
            if next_at - at != next_column - column:
                return False
    return True


def _group_line_agrees(cells: Sequence[str], row: Sequence[str]) -> bool:
    """Whether a header line with the 法人或其他组织 cell puts it, 自然人 and 总计 where the template has them.

    The group spans its five columns: counted so, a line of as many cells as
    the first data ``row`` places each cell over its values ("法人或其他组织 |
    (empty) | 总计" over eight cells puts the group first, where 自然人 stands
    in the template).  A line that does not count out so is not placed.
    """
    found = [_names("".join(cell.split()), APPLICANT_HEADER_WORDS) for cell in cells]
    if not any(GROUP in names for names in found) or any(SUBTOTAL in names or len(names) > 1 for names in found):
        return True
    starts: list[int] = []
    position = 0
    for names in found:
        starts.append(position)
        position += len(LEGAL_PERSON_COLUMNS) if GROUP in names else 1
    if not row or position != len(row) or not _VALUE_CELL.fullmatch(row[-1].strip()):
        return True
    label = len(row) - len(APPLICANT_COLUMNS)
    for start, names in zip(starts, found, strict=True):
        if names and start - label != (LEGAL_PERSON_COLUMNS[0] if names[0] == GROUP else names[0]):
            return False
    return True


def column_cells_agree(lines: str, words: tuple[str, ...], row: str = "") -> bool:
    """:func:`applicant_cells_agree` for a section 二 item: its header line (after a 信息内容 cell) must hold
    exactly its columns' cells, and two named cells *k* apart are *k* columns apart; a line of as many cells
    as the item's first ``row`` puts each name over its own column.

    >>> column_cells_agree("信息内容 | 本年废止件数 |  | 现行有效件数", ("制发", "废止", "现行有效"))
    False
    >>> column_cells_agree("|  | 本年废止件数 |  |  |", ("制发", "废止", "现行有效"), "| 规章 | 2 | 1 | 11 |")
    False
    """
    scanner = tuple(enumerate(words))
    if "|" not in lines and "\t" not in lines:
        return True  # no line of cells: nothing is placed
    row_cells = _bordered_cells(row) if row else []
    for line in lines.split("\n"):
        cells = _open_cells(line, row)
        label = _row_aligned(cells, row_cells, len(words))
        if label is not None:
            if any(position - label != int(found[0]) for position, cell in enumerate(cells)
                   if len(found := _names("".join(cell.split()), scanner)) == 1):
                return False
            continue
        if cells and "".join(cells[0].split()) == "信息内容":
            cells = cells[1:]
        if len(cells) != len(words):
            continue  # not a line of exactly the item's cells: nothing says where its words stand
        placed = [(position, int(found[0])) for position, cell in enumerate(cells)
                  if len(found := _names("".join(cell.split()), scanner)) == 1]
        if any(next_at - at != next_column - column
               for (at, column), (next_at, next_column) in itertools.pairwise(placed)):
            return False
    return True


def appeal_cells_agree(lines: str, row: str, blocks: Order, results: Order) -> bool:
    """Whether section 四's header cells stand where ``blocks`` and ``results`` put them, on each header line of
    exactly as many cells as its ``row`` of values (see :func:`applicant_cells_agree`): a block's name over
    the first value of the block the order puts there, a result's name over its place in every block.  On a
    line of the two suit blocks' cells alone, a suit block's name in the other's place.

    >>> template = Order((0, 1, 2), False), Order((0, 1, 2, 3, 4), True)
    >>> appeal_cells_agree("|" + "  |" * 5 + " 复议后起诉 |" + "  |" * 9, "| 1 |" + " 0 |" * 14, *template)
    False
    >>> appeal_cells_agree("| 复议后 | 未经复议直接起诉", "| 1 |" + " 0 |" * 14, *template)
    False
    """
    if "|" not in lines and "\t" not in lines:
        return True  # no line of cells: nothing is placed
    row_cells = _bordered_cells(row)
    width = len(blocks.columns) * len(results.columns)
    suits = [block for block in blocks.columns if block in SUIT_BLOCKS]
    for line in lines.split("\n"):
        cells = _open_cells(line, row)
        if len(cells) == len(SUIT_BLOCKS) and all(cell.strip() for cell in cells) and ("|" in line or "\t" in line):
            # a line of the two suit blocks' cells alone: each name stands in its own block's place
            named = [_names("".join(cell.split()), APPEAL_BLOCK_HEADER_WORDS) for cell in cells]
            if all(set(found) <= set(SUIT_BLOCKS) for found in named) and any(
                    len(found) == 1 and found[0] != suits[place] for place, found in enumerate(named)):
                return False
        label = _row_aligned(cells, row_cells, width)
        if label is None:
            continue
        for position, cell in enumerate(cells):
            words = "".join(cell.split())
            at = position - label
            block, result = divmod(at, len(results.columns))
            named_blocks = [n for n in _names(words, APPEAL_BLOCK_HEADER_WORDS) if n != SUITS]
            named_results = _names(words, APPEAL_RESULT_HEADER_WORDS)
            if at < 0 and (named_blocks or named_results):
                return False
            if len(named_blocks) == 1 and (result or blocks.columns[block] != named_blocks[0]):
                return False
            if len(named_results) == 1 and results.columns[result] != named_results[0]:
                return False
    return True


def column_names(cell: str, words: tuple[str, ...]) -> list[int]:
    """The section 二 columns (template indices) that ``cell``'s words name, ``words`` being each column's regex.

    >>> column_names("本年制发件数", ("制发", "废止", "现行有效"))
    [0]
    """
    return [int(name) for name in _names("".join(cell.split()), tuple(enumerate(words)))]


def applicant_names(cell: str) -> list[Name]:
    """The section 三 columns (indices of APPLICANT_COLUMNS, or GROUP, SUBTOTAL) that ``cell``'s words name.

    >>> applicant_names("商业 企业")
    [1]
    """
    return _names("".join(cell.split()), APPLICANT_HEADER_WORDS)


def result_names(cell: str) -> list[int]:
    """The section 四 result columns (indices of APPEAL_COLUMNS) that ``cell``'s words name.

    >>> result_names("尚未审结")
    [3]
    """
    return [int(name) for name in _names("".join(cell.split()), APPEAL_RESULT_HEADER_WORDS)]


@functools.lru_cache(maxsize=1024)
def column_order(header: str, words: tuple[str, ...]) -> Order | Unreadable:
    """The order of a section 二 item's columns from its header text; ``words`` are each column's header regex.

    The same rule as for the other tables: a header that names every column
    once gives the order; one that names only some in template order (or
    none) gives the template order; one that names some out of it cannot be
    followed or ignored.

    >>> column_order("信息内容现行有效件数本年制发件数本年废止件数", ("制发", "废止", "现行有效")).columns
    (2, 0, 1)
    >>> column_order("信息内容采购项目数量", ("项目数", "金额"))
    Order(columns=(0, 1), from_header=False)
    """
    template = tuple(range(len(words)))
    names = _first_run(_names(header, tuple(enumerate(words))))
    if set(names) == set(template):
        return Order(tuple(int(name) for name in names), True)
    if _in_template_order(names):
        return Order(template, False)
    return Unreadable("the header names the columns out of template order, and not all of them")


@functools.lru_cache(maxsize=1024)
def appeal_order(header: str) -> tuple[Order, Order] | Unreadable:
    """The order of section 四's blocks and of the results inside each block, from its header text.

    >>> blocks, results = appeal_order("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉")
    >>> blocks.columns, results.columns
    ((0, 1, 2), (0, 1, 2, 3, 4))
    >>> blocks, results = appeal_order("行政诉讼行政复议未经复议直接起诉复议后起诉结果维持结果纠正尚未审结其他结果总计")
    >>> blocks.columns, results.columns
    ((1, 2, 0), (0, 1, 3, 2, 4))
    """
    blocks = _block_order(_names(header, APPEAL_BLOCK_HEADER_WORDS))
    if isinstance(blocks, Unreadable):
        return blocks
    results = _result_order(_names(header, APPEAL_RESULT_HEADER_WORDS))
    if isinstance(results, Unreadable):
        return results
    return blocks, results


def _block_order(found: Sequence[Name]) -> Order | Unreadable:
    names = _first_run(found)
    template = tuple(range(len(APPEAL_BLOCKS)))
    assumed = False
    if SUITS in names:
        suits = [n for n in names if n in SUIT_BLOCKS]
        if len(suits) < len(SUIT_BLOCKS):  # the two suit blocks are not both named: they keep template order
            suits, assumed = list(SUIT_BLOCKS), True
        top = [n for n in names if n not in SUIT_BLOCKS]
        at = top.index(SUITS)
        columns = [*top[:at], *suits, *top[at + 1:]]
    else:
        columns = list(names)
    if set(template) <= set(columns) and len(columns) == len(template):
        return Order(tuple(columns), not assumed)  # an assumed suit order is not the header's word
    if _in_template_order(columns):
        return Order(template, False)
    return Unreadable("the header names the 行政复议/行政诉讼 blocks out of template order, and not all of them")


def _result_order(found: Sequence[Name]) -> Order | Unreadable:
    """The result columns' order: every complete run of the five names must agree."""
    template = tuple(range(len(APPEAL_COLUMNS)))
    runs: list[list[Name]] = [[]]
    for name in found:
        if name in runs[-1]:
            runs.append([])
        runs[-1].append(name)
    complete = {tuple(run) for run in runs if set(run) == set(template)}
    if not complete:  # garbled or truncated: it cannot say the order differs, unless it names some out of order
        if all(_in_template_order(run) for run in runs):
            return Order(template, False)
        return Unreadable("the header names the result columns out of template order, and not all of them")
    if len(complete) == 1:
        columns = complete.pop()
        if all(_consistent(run, columns) for run in runs):
            return Order(columns, True)
    return Unreadable("the header's result columns (结果维持 … 总计) are not printed in one order")


def _consistent(run: Sequence[Name], columns: Sequence[Name]) -> bool:
    """Whether a partial run of names stands in the order ``columns`` gives them."""
    places = [columns.index(name) for name in run]
    return places == sorted(places)
