"""HTML pages → the text layout the text parser reads (standard library only).

A report page is converted, in one pass of :class:`html.parser.HTMLParser`,
into plain text where

* every paragraph, ``<br>``, heading, list item or other block is a line;
* every row of a data table is one line of cells separated by ``" | "``,
  closed by ``" |"`` (a border, so a blank last cell still counts);
* a blank cell (empty or ``&nbsp;`` only) is an empty cell between two pipes,
  which the tokenizer reads as a printed blank, never as 0;
* scripts, styles, ``<title>`` and the like are dropped, and so is page chrome
  (``<nav>``, ``<footer>``, ``<aside>``, elements whose class or id says
  navigation, menu, breadcrumb, footer, share …) when the element is closed
  by its own end tag; chrome that never closes, or that holds a table or more
  than :data:`_CHROME_MAX_CHARS` characters, is kept, so broken or oddly
  labelled markup loses nothing;
* text that cannot open a tag ("<a <a <a …") is escaped first, in one linear
  pass, because :mod:`html.parser` would rescan it quadratically.

Tables are rebuilt as grids (``rowspan``/``colspan``): each cell is placed at
the grid column where it starts, skipping slots that cells from rows above
still occupy.  A row is written as its label cells, then exactly one cell per
value position: the row's own cells in grid order (a value spanning two grid
columns is *one* cell), an empty cell for a slot a value cell from above
still covers, and an empty cell per grid column the row leaves uncovered.
Header rows (no values) are written as their non-empty cells.  So the reader
sees "label | v1 | v2 | … |", whatever colspans the header and body rows use.

A table inside another table's cell turns the outer one into a layout table:
its cells are written as plain lines, the inner table as a table.  Everything
is linear in the input: the element stack is a list, end tags are matched
through per-tag counts, and no function recurses on the nesting depth.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final, NamedTuple

import regex

from ..model import Diagnostic, Severity
from .grid import JOINT, MAX_COLSPAN, MAX_ROWSPAN, GridCell, place, span
from .row_text import Slot, row_text

__all__ = ["SHORT_ROW", "html_to_text", "looks_like_html"]

#: Written after a table row that has fewer cells than the table's other rows (a ``<tr>`` missing a
#: ``<td>``): text, so the row's values end there and it does not fit its columns.
SHORT_ROW: Final = "【缺格】"

_VOID: Final = frozenset([
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
])
#: Elements whose text is never shown: their data is dropped as it arrives.
_MUTE: Final = frozenset(["script", "style", "title", "textarea", "template"])
#: Elements whose text a reader sees struck out: not the report's current text, so dropped.
_STRUCK: Final = frozenset(["del", "s", "strike"])
#: Raised or lowered text inside a table cell: a footnote mark ("3<sup>1</sup>"), never part of the number.
_MARKS: Final = frozenset(["sup", "sub"])
#: An inline style that hides an element.
_HIDDEN_STYLE = regex.compile(r"(?:display\s*+:\s*+none|visibility\s*+:\s*+hidden)", regex.I)
#: Elements whose content is not the page's text: dropped when closed by their own end tag.
_SKIP: Final = frozenset(["noscript", "select", "object", "iframe", "svg", "math", "head"])
#: Elements that are page chrome by their tag.
_CHROME_TAGS: Final = frozenset(("nav", "footer", "aside"))
#: Class or id words that mark page chrome (matched at the start or end of a word).
_CHROME_WORDS: Final = ("nav", "menu", "footer", "breadcrumb", "crumb", "sidebar", "copyright", "share", "login",
                        "position", "location")
_BLOCK: Final = frozenset([
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "td", "th", "ul", "br", "option",
])
#: A chrome region with more text than this is kept: it is more likely the body in a mislabelled container.
_CHROME_MAX_CHARS: Final = 2000

_ASCII_SPACES = regex.compile(r"[ \t\n\r\f]+")
_HTML_START = regex.compile(r"^(?:\ufeff|\s)*<", regex.S)
_PAGE_MARKER = regex.compile(r"<!doctype\s++html|<html[\s>]|<body[\s>]|<head[\s>]", regex.I)
_FRAGMENT_MARKER = regex.compile(r"<(?:table|tbody|tr|td|p|div|span|meta)[\s>]", regex.I)
#: Elements whose content html.parser reads as raw text (``RCDATA_CONTENT_ELEMENTS`` is new in Python 3.14).
_RAW_TEXT: Final = frozenset((*HTMLParser.CDATA_CONTENT_ELEMENTS, *getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())))
_SIMPLE_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*+)>")
_SIMPLE_END = re.compile(r"</([a-zA-Z][a-zA-Z0-9]*+)>")
_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,15}+(?:\s[^<>]{0,500}+)?+/?>")

#: How much of the text's head is looked at to decide whether it is HTML.
_SNIFF: Final = 4096
_STRIP: Final = " \t\n\r\f\u00a0\u3000\u200b\ufeff"


def looks_like_html(text: str) -> bool:
    """True if ``text`` is an HTML page or fragment rather than a text layout.

    A page is recognised by ``<!DOCTYPE html>``, ``<html>``, ``<head>`` or
    ``<body>`` near the start; a fragment by starting with a tag, having
    block or table tags, and being mostly tags (at least a tenth of its head,
    or ten tags).

    >>> looks_like_html("<p>二、主动公开</p><table><tr><td>规章</td></tr></table>")
    True
    >>> looks_like_html("规章 | 1 | 2 | 3 |")
    False
    """
    head = text[:_SNIFF]
    if "<" not in head:
        return False  # the common case, a text layout, decided in C
    if _PAGE_MARKER.search(head):
        return True
    if _HTML_START.match(head) is None or not _FRAGMENT_MARKER.search(head):
        return False
    tags = _TAG.findall(head)
    return len(tags) >= 10 or sum(map(len, tags)) * 10 >= len(head.strip())










class _Line(NamedTuple):
    text: str
    region: int  #: innermost suppressing region open when the line was written (0: none)
    table: bool  #: a row of a data table


class _Region:
    __slots__ = ("closed", "parent", "skip")

    def __init__(self, parent: int, skip: bool) -> None:
        self.parent = parent
        self.skip = skip  #: noscript, select…: drop everything; else chrome: drop all but tables
        self.closed = False  #: closed by its own end tag








class _Table:
    __slots__ = ("cell", "layout", "row_index", "rows", "stack_index")

    def __init__(self, stack_index: int) -> None:
        self.rows: list[list[GridCell]] = []
        self.cell: GridCell | None = None
        self.layout = False
        self.stack_index = stack_index
        self.row_index: int | None = None  #: stack index of the open <tr> (-1: a row opened without one)




class _Extractor(HTMLParser):
    """Collects lines and tables; see the module docstring."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[_Line] = []
        self.current: list[str] = []
        self.stack: list[str] = []
        self.counts: dict[str, int] = {}
        self.regions: list[_Region] = [_Region(0, False)]
        self.region = 0
        self.region_of: dict[int, int] = {}  #: stack index → region opened there
        self.mute_of: set[int] = set()  #: stack indexes of open muted elements
        self.muted_chars = 0
        self.marks_of: set[int] = set()  #: stack indexes of open footnote marks in a table cell (muted too)
        self.marks: list[str] = []  #: the footnote marks dropped from table cells
        self.hidden = 0  #: elements dropped as hidden or struck out
        self.tables: list[_Table] = []
        self.table_of: set[int] = set()  #: stack indexes of open <table> elements
        self.pre = 0
        self.notes: list[Diagnostic] = []
        self.table_count = 0
        self.row_count = 0
        self.short_rows = 0  #: value rows with fewer cells than their table's other value rows

    # ---- the commonest tags, read without html.parser's general machinery -----

    def parse_starttag(self, i: int) -> int:
        """A start tag at ``rawdata[i]``; the end of it (an override of an undocumented method).

        ``<tr>``, ``<td>``, ``<p>``: a tag without attributes is most of a
        page's tags, and html.parser reads each through three regexes and a
        loop over its attributes.  Read here in one match, it is handled as
        html.parser would handle it (a tag whose content is raw text, like
        ``<script>``, is left to html.parser, which switches modes for it).
        """
        match = _SIMPLE_START.match(self.rawdata, i)
        if match is None:
            return super().parse_starttag(i)
        tag = match.group(1).lower()
        if tag in _RAW_TEXT:
            return super().parse_starttag(i)
        self.lasttag = tag
        self.handle_starttag(tag, [])
        return match.end()

    def parse_endtag(self, i: int) -> int:
        """An end tag at ``rawdata[i]``, ``</td>`` read in one match (see :meth:`parse_starttag`)."""
        match = _SIMPLE_END.match(self.rawdata, i)
        if match is None or self.cdata_elem is not None:
            return super().parse_endtag(i)
        self.handle_endtag(match.group(1).lower())
        self.clear_cdata_mode()
        return match.end()

    # ---- text flow ----------------------------------------------------------

    def _data_table(self) -> _Table | None:
        return self.tables[-1] if self.tables and not self.tables[-1].layout else None

    def _emit(self, text: str, table: bool = False) -> None:
        self.lines.append(_Line(text, self.region, table))

    def _newline(self) -> None:
        if self.current:
            text = "".join(self.current)
            self.current = []
            line = _ASCII_SPACES.sub(" ", text).strip(_STRIP)
            if line:
                self._emit(line)

    def _break(self) -> None:
        """A block boundary: a new line in the flow, a joint inside a data cell."""
        table = self._data_table()
        if table is not None and table.cell is not None:
            table.cell.parts.append(JOINT)
        else:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.mute_of:
            self.muted_chars += len(data)
            if self.marks_of and data.strip():
                self.marks.append(data.strip())
            return
        data = data.replace(JOINT, "")
        table = self._data_table()
        if table is not None and table.cell is not None:
            table.cell.parts.append(data)
        elif self.pre:
            for index, line in enumerate(data.split("\n")):
                if index:
                    self._newline()
                self.current.append(line)
        else:
            self.current.append(data)

    # ---- elements -------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._break()
            return
        if tag == "body" and self.counts.get("head"):
            self._pop_through("head")
        if tag == "table":
            self._open_table()
        elif tag in ("tr", "td", "th", "caption"):
            self._table_part(tag, attrs)
        elif tag in _BLOCK:
            self._break()
        self._push(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if not self.counts.get(tag):
            if tag in ("br", "p"):
                self._break()  # "</br>" and a stray "</p>" break lines in browsers too
            return
        self._pop_through(tag, own=True)

    def _pop_through(self, tag: str, own: bool = False) -> None:
        """Close the innermost open ``tag`` and everything opened inside it."""
        while self.stack:
            popped = self._pop()
            index = len(self.stack)
            if popped == tag and own and index in self.region_of:
                self.regions[self.region_of[index]].closed = True
            self._after_pop(popped, index, own and popped == tag)
            if popped == tag:
                break

    def _push(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        index = len(self.stack)
        self.stack.append(tag)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag in _MUTE or self._dropped(tag, attrs):
            self.mute_of.add(index)
            self.muted_chars = 0 if len(self.mute_of) == 1 else self.muted_chars
        elif tag in _SKIP or tag in _CHROME_TAGS or _is_chrome(attrs):
            self.regions.append(_Region(self.region, tag in _SKIP))
            self.region = len(self.regions) - 1
            self.region_of[index] = self.region
        if tag == "pre":
            self.pre += 1
        elif tag == "table":
            self.table_of.add(index)
        elif tag in ("td", "th", "caption"):
            table = self._data_table()
            if table is not None and table.cell is not None and table.cell.stack_index < 0:
                table.cell.stack_index = index
        elif tag == "tr":
            table = self._data_table()
            if table is not None and table.row_index is None:
                table.row_index = index

    def _dropped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether an element's text is not the report's: hidden, struck out, or a footnote mark in a cell."""
        if tag in _MARKS:
            table = self._data_table()
            if table is not None and table.cell is not None:
                self.marks_of.add(len(self.stack) - 1)
                return True
            return False
        if tag in _STRUCK or any(name == "hidden" or (name == "style" and value and _HIDDEN_STYLE.search(value))
                                 for name, value in attrs):
            self.hidden += 1
            return True
        return False

    def _pop(self) -> str:
        tag = self.stack.pop()
        self.counts[tag] -= 1
        return tag

    def _after_pop(self, tag: str, index: int, own: bool = False) -> None:
        """Bookkeeping after the element at stack ``index`` was closed (by its own end tag if ``own``)."""
        region = self.region_of.pop(index, None)
        if region is not None:
            self._newline()  # the region's last line belongs to it
            self.region = self.regions[region].parent
        if index in self.mute_of:
            self.mute_of.discard(index)
            self.marks_of.discard(index)
            if not own and not self.mute_of and self.muted_chars:
                self.notes.append(Diagnostic("P-html-unclosed", f"an unclosed <{tag}> hid {self.muted_chars} "
                                             "characters of the page", Severity.WARNING))
        if tag == "pre":
            self.pre -= 1
        if tag == "table":
            if index in self.table_of:
                self.table_of.discard(index)
                self._close_table()
        elif tag in ("td", "th", "caption"):
            table = self._data_table()
            if table is None:
                self._newline()
            elif table.cell is not None and table.cell.stack_index == index:
                table.cell = None
        elif tag == "tr":
            table = self._data_table()
            if table is None:
                self._newline()
            elif table.row_index == index:
                table.cell = None
                table.row_index = None
        elif tag in _BLOCK:
            self._break()

    def _pop_to(self, index: int) -> None:
        """Close every element from stack ``index`` up (implicitly)."""
        while len(self.stack) > index:
            tag = self._pop()
            self._after_pop(tag, len(self.stack))

    # ---- tables ---------------------------------------------------------------

    def _open_table(self) -> None:
        outer = self._data_table()
        if outer is not None:
            self._to_layout(outer)
        self._newline()
        self.tables.append(_Table(len(self.stack)))
        self.table_count += 1

    def _to_layout(self, table: _Table) -> None:
        """A table that holds a table is layout: write what it collected as plain lines."""
        self._newline()
        for row in table.rows:
            for cell in row:
                for piece in "".join(cell.parts).split(JOINT):
                    line = _ASCII_SPACES.sub(" ", piece).strip(_STRIP)
                    if line:
                        self._emit(line)
        table.rows = []
        table.cell = None
        table.layout = True

    def _table_part(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        table = self.tables[-1] if self.tables else None
        if table is None or table.layout:
            self._newline()
            return
        inside = table.stack_index
        if table.cell is not None and table.cell.stack_index > inside:
            self._pop_to(table.cell.stack_index)  # a new cell or row closes the open cell
        table.cell = None
        if tag == "tr":
            if table.row_index is not None and table.row_index > inside:
                self._pop_to(table.row_index)
            table.rows.append([])
            table.row_index = None
            return
        if tag == "caption" or table.row_index is None or not table.rows:
            table.rows.append([])
            table.row_index = None if tag == "caption" else -1
        get = dict(attrs).get
        spans = tag != "caption"
        colspan = span(get("colspan"), MAX_COLSPAN, 1) if spans else 1
        rowspan = span(get("rowspan"), MAX_ROWSPAN, 0) if spans else 1
        table.cell = GridCell(colspan, rowspan)
        table.rows[-1].append(table.cell)

    def _close_table(self) -> None:
        table = self.tables.pop()
        self._newline()
        if table.layout:
            return
        for line in self._grid(table):
            self._emit(line, table=True)
            self.row_count += 1

    def _grid(self, table: _Table) -> list[str]:
        """The table's rows as lines, with rowspan/colspan resolved (see the module docstring)."""
        rows = [row for row in table.rows if row]
        texts = [[cell.text() for cell in row] for row in rows]
        grid = place(rows, texts)
        if grid is None:
            self.notes.append(Diagnostic("P-html-grid", f"a table of {len(rows)} rows has too many columns or row "
                                         "spans to be a report table; its rows were read cell by cell, without "
                                         "blanks", Severity.WARNING))
            plain = (row_text([Slot(text) for text in row if text]) for row in texts)
            return [line for line in plain if line]
        placed, width = grid
        lines: list[str] = []
        for slots in placed:
            line: list[Slot] = []
            column = 0
            for start, end, text in slots:
                line.extend(Slot("", True) for _ in range(column, start))
                line.append(Slot("", True) if text is None else Slot(text))
                column = max(column, end)
            short = column < width
            line.extend(Slot("", True) for _ in range(column, width if not short else column))
            text = row_text(line)
            if text and short and text.endswith(" |"):
                # A row with fewer cells than the table's other rows: which cell is missing cannot be
                # known, so no blank is made up for it; the mark ends the row for the reader.
                text += " " + SHORT_ROW
                self.short_rows += 1
            if text:
                lines.append(text)
        return lines

    # ---- the end ----------------------------------------------------------------

    def finish(self) -> tuple[str, list[Diagnostic]]:
        self.close()
        self._pop_to(0)
        while self.tables:  # cannot happen (every table is on the stack), but never lose one
            self._close_table()
        self._newline()
        keep = self._kept_lines()
        text = "\n".join(line.text for line, kept in zip(self.lines, keep, strict=True) if kept)
        notes = list(self.notes)
        dropped = keep.count(False)
        notes.append(Diagnostic("P-html", f"read as HTML: {self.table_count} table(s), {self.row_count} table "
                                f"row(s), {dropped} line(s) of page chrome dropped; offsets refer to the text "
                                "extracted from the HTML", Severity.INFO))
        if self.short_rows:
            notes.append(Diagnostic("P-html-short-row", f"{self.short_rows} table row(s) have fewer cells than the "
                                    "other rows of their table; no blank cell was made up for them, so their values "
                                    "are read only if they still fit their columns", Severity.WARNING))
        if self.marks:
            shown = "、".join(self.marks[:5]) + ("…" if len(self.marks) > 5 else "")
            notes.append(Diagnostic("P-html-mark", f"{len(self.marks)} superscript or subscript mark(s) in table "
                                    f"cells ({shown}) were dropped as footnote marks, not read as digits of the cell",
                                    Severity.INFO))
        if self.hidden:
            notes.append(Diagnostic("P-html-hidden", f"{self.hidden} hidden or struck-out element(s) were dropped: "
                                    "a reader of the page does not see their text as the report's", Severity.INFO))
        if not self.table_count:
            notes.append(Diagnostic("P-html-no-table", "the HTML has no <table>; its tables can only be read if "
                                    "they are written as text", Severity.WARNING))
        if not text.strip():
            notes.append(Diagnostic("P-html-empty", "the HTML has no text", Severity.WARNING))
        return text + "\n", notes

    def _kept_lines(self) -> list[bool]:
        """Which lines stay: a region closed by its own end tag is dropped (chrome keeps its tables)."""
        count = len(self.regions)
        size = [0] * count
        tables = [False] * count
        for line in self.lines:
            size[line.region] += len(line.text)
            tables[line.region] |= line.table
        for index in range(count - 1, 0, -1):  # a region is created after its parent
            parent = self.regions[index].parent
            size[parent] += size[index]
            tables[parent] |= tables[index]
        drop_all = [False] * count  # the region or one around it is a closed skip region
        drop_text = [False] * count  # … or a closed chrome region: only its tables stay
        for index in range(1, count):
            region = self.regions[index]
            chrome = region.closed and not region.skip and not tables[index] and size[index] <= _CHROME_MAX_CHARS
            drop_all[index] = (region.closed and region.skip) or drop_all[region.parent]
            drop_text[index] = chrome or drop_all[index] or drop_text[region.parent]
        return [not (drop_all[line.region] or (drop_text[line.region] and not line.table)) for line in self.lines]




def _is_chrome(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if value and name in ("class", "id", "role"):
            if name == "role" and value.strip().lower() in ("navigation", "banner", "contentinfo"):
                return True
            for word in regex.split(r"[^a-z0-9]+", value.lower()):
                if word and any(word.startswith(w) or word.endswith(w) for w in _CHROME_WORDS):
                    return True
    return False


# A "<" that needs more than copying: a comment, the start tag of a script or
# style (whose raw text is skipped), or one that opens no tag (another "<"
# comes before any ">", or no ">" comes at all).  The pattern starts with "<",
# so the engine skips from one to the next in C, and each lookahead stops at
# the next "<" or ">": the scan stays linear.
_SPECIAL_LT = re.compile(r"<(?:(!--)|((?i:script|style))(?=[\s/>])(?=[^<>]*+>)|(?![^<>]*+>))")
_RAW_CLOSE = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


def _defuse(html: str) -> str:
    """``html`` with every ``<`` that cannot open a tag written as ``&lt;``, in one linear pass.

    :mod:`html.parser` rescans an unterminated tag from each ``<`` in it, so
    "<a <a <a …" takes quadratic time.  A ``<`` followed by another ``<``
    before any ``>`` (or by no ``>`` at all) opens no tag in any browser
    either; comments and the raw text of scripts and styles are skipped
    whole, and an unclosed script or style ends the page, as it does in a
    browser.
    """
    pieces: list[str] = []
    copied = 0
    search = _SPECIAL_LT.search
    special = search(html)
    while special is not None:
        index = special.start()
        if special.group(1):  # a comment, skipped whole; unclosed, it takes the rest of the page
            end = html.find("-->", index + 4)
            if end < 0:
                break
            special = search(html, end + 3)
            continue
        raw = special.group(2)
        if raw:  # a script or style: its raw text is skipped up to its end tag
            tag_end = html.find(">", index)
            close = _RAW_CLOSE[raw.lower()].search(html, tag_end)
            if close is None:
                pieces.append(html[copied : tag_end + 1])
                return "".join(pieces)
            special = search(html, close.start())
            continue
        pieces += (html[copied:index], "&lt;")
        copied = index + 1
        special = search(html, copied)
    pieces.append(html[copied:])
    return "".join(pieces)


def html_to_text(html: str) -> tuple[str, list[Diagnostic]]:
    """The text layout of an HTML page or fragment, and what was noticed on the way.

    >>> text, _ = html_to_text("<table><tr><td>规章</td><td>1</td><td>&nbsp;</td></tr></table>")
    >>> text
    '规章 | 1 |  |\\n'
    """
    extractor = _Extractor()
    try:
        extractor.feed(_defuse(html))
        return extractor.finish()
    except Exception as exc:  # html.parser raises on nothing documented, but never let markup crash parse()
        text = "\n".join(line.text for line in extractor.lines)
        return text + "\n", [Diagnostic("P-html", f"the HTML could not be read to the end ({type(exc).__name__}); "
                                        "what was read before is used", Severity.WARNING)]
