"""PDF files → the text layout the text parser reads (optional: ``pip install gxgk[pdf]``).

Library
-------
Built on `pdfminer.six <https://github.com/pdfminer/pdfminer.six>`_: pure
Python (no compiled code, so it installs wherever gxgk does), actively
maintained, MIT-licensed, and it exposes what this module needs and no more:
every glyph with its bounding box and decoded Unicode text (CJK fonts with
``ToUnicode`` maps included), and the vector paths (lines, rectangles) that
draw table borders.  pypdf was the other pure-Python candidate; it extracts
text well, but its visitor reports a text matrix per text run, not a box per
glyph, and drawn lines only by interpreting the content stream oneself.
PyMuPDF is faster but AGPL and compiled; pdfplumber is a layer over
pdfminer.six.  The layout analysis of pdfminer is not used
(``laparams=None``): glyphs and lines are read raw and laid out here.

Layout
------
Each page is read as glyphs and *rules* (thin horizontal and vertical lines,
and the edges of stroked rectangles; segments on one line that touch are one
rule, as Word draws borders cell by cell).  Rules that touch form a table.
A table
is cut into *bands* by its horizontal rules; within a band the vertical rules
that cross it are the cell borders, so merged cells (rowspan and colspan) come
out as drawn.  A band becomes one line: the text of each cell (its glyphs in
reading order, wrapped lines joined, spaced characters and split numbers
closed up) and then its value cells, blanks included, separated by ``" | "``
(:func:`gxgk.formats.html.row_text`, the rule the HTML reader uses).  A label wrapped
over several lines, or printed one character per line, is thus one label
before its row's values; a cell spanning several bands (no rule under it
across its width) keeps its whole text in the first band it spans, as a
group label or a two-row header cell is written in text layouts.

Text outside tables is grouped into lines by baseline; a wide gap becomes
``" | "`` and a narrow one a space, except the narrow gap typesetters put
between Chinese and Latin text ("2024 年"), which is no space in Chinese.
A title printed on several lines in a larger size at the top of the first
page is joined into one line.  Page numbers ("- 3 -", "第 3 页") and lines
repeated in the margins of most pages are dropped, as are header rows that a
table repeats at the top of the next page.  Tables drawn without vertical
borders (three-line tables) or not drawn at all are read as text lines, as
``pdftotext -layout`` would give them.

A PDF without a text layer (a scan) gives an error diagnostic saying OCR is
needed; one whose fonts cannot be mapped to Unicode likewise.
"""

from __future__ import annotations

import io
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any, Final, NamedTuple

import regex

from ..model import Diagnostic, Severity
from ..read.cells import EMPTY, VALUE, tokenize
from .row_text import Slot, cell_text, row_text

__all__ = ["EXTRA_HINT", "MAX_PAGES", "Glyph", "Page", "Rule", "is_pdf", "layout", "load", "pdf_to_text"]

EXTRA_HINT: Final = "pip install 'gxgk[pdf]'"

#: Pages read at most; annual reports have a few dozen.
MAX_PAGES: Final = 300
#: Positions closer than this (points) are the same line or border.
_TOL: Final = 2.0
#: A filled rectangle thinner than this is a drawn line.
_THIN: Final = 2.0
#: Rules per page beyond which no tables are looked for (a drawing, not a table) …
_MAX_RULES: Final = 4000
#: … and horizontal × vertical borders (after joining) beyond which neither (a table has ~30 × 12).
_MAX_CROSSINGS: Final = 250_000
#: Fraction of the page height at the top and bottom where page numbers and running heads sit.
_MARGIN: Final = 0.12

_PAGE_NUMBER = regex.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4}"
                             r"(?:\s*/\s*\d{1,4})?|page\s*\d{1,4})\s*$", regex.I)


class Glyph(NamedTuple):
    """A character and its box, in PDF points with y growing upwards."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        """Horizontal centre."""
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        """Height, at least one point."""
        return max(self.y1 - self.y0, 1.0)


class Rule(NamedTuple):
    """A drawn horizontal (``y0 == y1``) or vertical (``x0 == x1``) line."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        """True for a horizontal rule."""
        return self.y1 - self.y0 <= self.x1 - self.x0


class Page(NamedTuple):
    """A page as glyphs and rules."""

    width: float
    height: float
    glyphs: Sequence[Glyph]
    rules: Sequence[Rule]
    images: int = 0  #: how many images the page draws (a scan has one per page); -1 marks pages left unread


def is_pdf(data: bytes) -> bool:
    """True for the bytes of a PDF file.

    They start with ``%PDF-`` (after white space), or, as readers allow, have
    it within their first kilobyte after some junk and end with ``%%EOF``.

    >>> is_pdf(b"%PDF-1.7\\n"), is_pdf(b"<html>"), is_pdf(b"abc %PDF-1.4 ... %%EOF\\n")
    (True, False, True)
    """
    if data[:1040].lstrip().startswith(b"%PDF-"):
        return True
    return b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:]


# ---- reading the file (pdfminer.six) ------------------------------------------------


def load(data: bytes) -> list[Page]:
    """Pages of ``data`` as glyphs and rules; raises ``ImportError`` without pdfminer.six."""
    from pdfminer.converter import PDFPageAggregator  # type: ignore[import-not-found,unused-ignore]
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage  # type: ignore[import-not-found,unused-ignore]
    from pdfminer.pdfdocument import PDFDocument  # type: ignore[import-not-found,unused-ignore]
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager  # type: ignore[import-not-found,unused-ignore]
    from pdfminer.pdfpage import PDFPage  # type: ignore[import-not-found,unused-ignore]
    from pdfminer.pdfparser import PDFParser  # type: ignore[import-not-found,unused-ignore]

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[Page] = []
    for pdf_page in PDFPage.create_pages(document):
        if len(pages) == MAX_PAGES:
            pages.append(Page(0, 0, [], [], -1))  # a marker: there were more pages
            break
        interpreter.process_page(pdf_page)
        result = device.get_result()
        glyphs: list[Glyph] = []
        rules: list[Rule] = []
        images = 0
        todo: list[Any] = list(result)
        while todo:  # figures nest; walk them without recursion
            item = todo.pop()
            if isinstance(item, LTChar):
                text = item.get_text()
                if text.strip():
                    glyphs.append(Glyph(text, item.x0, item.y0, item.x1, item.y1))
            elif isinstance(item, LTFigure):
                todo.extend(item)
            elif isinstance(item, LTImage):
                images += 1
            elif isinstance(item, LTCurve):
                rules.extend(_rules(item))
        pages.append(Page(result.width, result.height, glyphs, rules, images))
    return pages


def _white(color: object) -> bool:
    values = color if isinstance(color, (tuple, list)) else (color,)
    numbers = [v for v in values if isinstance(v, (int, float))]
    if len(numbers) == 4:  # CMYK
        return all(v <= 0.02 for v in numbers)
    return bool(numbers) and all(v >= 0.98 for v in numbers)


def _rules(curve: Any) -> list[Rule]:
    """The axis-aligned segments a path draws: stroked edges, or a thin filled bar."""
    x0, y0, x1, y1 = curve.x0, curve.y0, curve.x1, curve.y1
    stroke = bool(getattr(curve, "stroke", True))
    fill = bool(getattr(curve, "fill", False))
    if (fill and not stroke and not _white(getattr(curve, "non_stroking_color", None))
            and min(x1 - x0, y1 - y0) <= _THIN):
        if x1 - x0 >= y1 - y0:
            return [Rule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)]
        return [Rule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)]
    if not stroke or _white(getattr(curve, "stroking_color", None)):
        return []
    points = list(getattr(curve, "pts", []) or [])
    if len(points) == 4 and type(curve).__name__ == "LTRect":
        points.append(points[0])
    found = []
    for (ax, ay), (bx, by) in pairwise(points):
        if abs(ay - by) <= 0.5 and abs(ax - bx) > _THIN:
            found.append(Rule(min(ax, bx), ay, max(ax, bx), ay))
        elif abs(ax - bx) <= 0.5 and abs(ay - by) > _THIN:
            found.append(Rule(ax, min(ay, by), ax, max(ay, by)))
    return found


def pdf_to_text(data: bytes) -> tuple[str, list[Diagnostic]]:
    """The text layout of a PDF file, and what was noticed on the way.

    Never raises: without pdfminer.six the diagnostic names the extra to
    install; a file pdfminer.six cannot read gives an error diagnostic.
    """
    try:
        pages = load(data)
    except ImportError:
        return "", [Diagnostic("P-pdf-extra", f"this is a PDF file; reading PDFs needs the optional extra: "
                               f"{EXTRA_HINT}", Severity.ERROR)]
    except Exception as exc:  # pdfminer raises many kinds on broken or encrypted files
        return "", [Diagnostic("P-pdf-unreadable", f"the PDF file could not be read ({type(exc).__name__}: "
                               f"{str(exc)[:200]})", Severity.ERROR)]
    return layout(pages)


# ---- laying pages out as text -----------------------------------------------------


def layout(pages: Sequence[Page]) -> tuple[str, list[Diagnostic]]:
    """Text lines for ``pages`` (see the module docstring) and diagnostics.

    Independent of pdfminer.six, so it is tested with hand-made pages.
    """
    notes: list[Diagnostic] = []
    if pages and pages[-1].images < 0:
        pages = pages[:-1]
        notes.append(Diagnostic("P-too-large", f"the PDF has more than {MAX_PAGES} pages; only the first "
                                f"{MAX_PAGES} were read", Severity.WARNING))
    readable = sum(1 for page in pages for g in page.glyphs if not g.text.startswith("(cid:"))
    total = sum(len(page.glyphs) for page in pages)
    if not pages or total == 0:
        images = sum(page.images for page in pages)
        why = f" (it draws {images} image(s): a scan?)" if images else ""
        return "", [Diagnostic("P-pdf-ocr", f"the PDF has no text layer{why}; OCR needed", Severity.ERROR)]
    if readable * 2 < total:
        notes.append(Diagnostic("P-pdf-ocr", "most of the PDF's characters have no Unicode mapping "
                                "(\"(cid:…)\"); its text layer cannot be read; OCR needed", Severity.ERROR))
    blank = [str(number) for number, page in enumerate(pages, start=1) if not page.glyphs]
    if blank:
        notes.append(Diagnostic("P-pdf-ocr", f"page(s) {', '.join(blank[:20])} have no text layer; OCR needed "
                                "for them", Severity.WARNING))
    repeated = _repeated_margin_lines(pages)
    laid_out: list[tuple[list[tuple[float, list[str]]], list[_TextLine]]] = []  # per page: tables, text lines
    for number, page in enumerate(pages, start=1):
        if len(page.rules) > _MAX_RULES:
            notes.append(Diagnostic("P-pdf-drawing", f"page {number} draws {len(page.rules)} lines; no tables "
                                    "were looked for on it", Severity.INFO))
            found: list[_Table] = []
        else:
            found = _tables(page.rules)
        table_rows: list[tuple[float, list[str]]] = []
        rest: list[Glyph] = list(page.glyphs)
        for table in found:
            inside, rest = _split(rest, table)
            rows = _table_rows(table, inside)
            if rows:
                table_rows.append((table.top, rows))
        lines = [line for line in _text_lines(rest)
                 if not (_is_margin(line.top, page) and (_PAGE_NUMBER.match(line.text) or _key(line.text) in repeated))]
        laid_out.append((table_rows, lines))
    _join_title_lines(laid_out)
    out: list[str] = []
    header: list[str] = []  # header rows of the last table, to drop when repeated on the next page
    tables = 0
    for table_rows, lines in laid_out:
        blocks = [(top, rows, True) for top, rows in table_rows]
        blocks += [(line.top, [line.text], False) for line in lines]
        blocks.sort(key=lambda block: -block[0])
        for index, (_, block, is_table) in enumerate(blocks):
            if not is_table:
                out.extend(block)
                continue
            tables += 1
            continued = False
            if index == 0 and header:  # a table continued at the top of a page repeats its header
                while block and _is_header(block[0]) and _key(block[0]) in header:
                    block = block[1:]
                    continued = True
            if not continued:
                header = [_key(line) for line in _leading_headers(block)] or header
            out.extend(block)
    notes.append(Diagnostic("P-pdf", f"read as PDF: {len(pages)} page(s), {tables} table(s) rebuilt from drawn "
                            "borders; offsets refer to the text extracted from the PDF", Severity.INFO))
    return "\n".join(out) + "\n", notes


def _key(line: str) -> str:
    return str(regex.sub(r"[\s|]+", "", regex.sub(r"\d+", "#", line)))


def _is_header(line: str) -> bool:
    """A table row without values (a row of blanks has several empty cells; a header band at most one)."""
    kinds = [token[0] for token in tokenize(line)]
    return VALUE not in kinds and kinds.count(EMPTY) < 2


def _leading_headers(lines: Sequence[str]) -> list[str]:
    result = []
    for line in lines:
        if not _is_header(line):
            break
        result.append(line)
    return result


def _is_margin(top: float, page: Page) -> bool:
    return top < page.height * _MARGIN or top > page.height * (1 - _MARGIN)


def _repeated_margin_lines(pages: Sequence[Page]) -> set[str]:
    """Lines (digits folded) printed in the margin of most pages: running heads and footers."""
    if len(pages) < 3:
        return set()
    seen: dict[str, int] = {}
    for page in pages:
        keys = {_key(line.text) for line in _text_lines(page.glyphs) if _is_margin(line.top, page)}
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if key and count * 2 > len(pages) and count >= 3}


# ---- text lines -------------------------------------------------------------------


def _lines_of(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines (by vertical centre), top line first, each sorted left to right."""
    ordered = sorted(glyphs, key=lambda g: -g.cy)
    lines: list[list[Glyph]] = []
    low = 0.0
    for glyph in ordered:
        if lines and glyph.cy >= low - glyph.height * 0.4:
            lines[-1].append(glyph)
            low = min(low, glyph.cy)
        else:
            lines.append([glyph])
            low = glyph.cy
    for line in lines:
        line.sort(key=lambda g: g.x0)
    return lines


class _TextLine(NamedTuple):
    top: float
    bottom: float
    size: float  #: the line's largest glyph height
    text: str


def _text_lines(glyphs: Iterable[Glyph]) -> list[_TextLine]:
    """Lines outside tables.

    A wide gap is a cell border (" | "), a narrow one a space, except the
    narrow gap typesetters put between Chinese and Latin text ("2024 年"),
    which is no space at all in Chinese and would make "2024" a value.
    """
    result = []
    for line in _lines_of(glyphs):
        size = max(g.height for g in line)
        parts = [line[0].text]
        for before, glyph in pairwise(line):
            gap = glyph.x0 - before.x1
            if gap > size * 2.5:
                parts.append(" | ")
            elif gap > size * (0.22 if before.text[-1:].isascii() == glyph.text[:1].isascii() else 0.6):
                parts.append(" ")
            parts.append(glyph.text)
        result.append(_TextLine(max(g.y1 for g in line), min(g.y0 for g in line), size, "".join(parts).strip()))
    return result


def _join_title_lines(laid_out: list[tuple[list[tuple[float, list[str]]], list[_TextLine]]]) -> None:
    """Join the lines of a title printed on several lines ("淮安市人民政府" / "2024 年…报告").

    The title is the run of lines at the top of the first page with text that
    are set larger than the body text (the most common size of text outside
    tables) and close together; it becomes one line, as the text reader wants.
    """
    sizes: dict[int, int] = {}
    for _, lines in laid_out:
        for line in lines:
            sizes[round(line.size)] = sizes.get(round(line.size), 0) + len(line.text)
    if not sizes:
        return
    body = max(sizes, key=lambda size: sizes[size])
    lines = next((lines for _, lines in laid_out if lines), [])
    count = 0
    while (count < len(lines) and lines[count].size > body * 1.15
           and (count == 0 or (abs(lines[count].size - lines[0].size) <= lines[0].size * 0.05
                               and lines[count - 1].bottom - lines[count].top < lines[count].size))):
        count += 1
    if count > 1:
        joined = _TextLine(lines[0].top, lines[count - 1].bottom, lines[0].size,
                           "".join(line.text for line in lines[:count]))
        lines[:count] = [joined]


def _cell_text(glyphs: Sequence[Glyph]) -> str:
    """A cell's glyphs as its text: wrapped lines joined, spaced characters and split numbers closed up."""
    pieces = []
    for line in _lines_of(glyphs):
        size = max(g.height for g in line)
        text = line[0].text
        for before, glyph in pairwise(line):
            if (glyph.x0 - before.x1 > size * 0.25 and before.text[-1:].isascii() and before.text[-1:].isalpha()
                    and glyph.text[:1].isascii() and glyph.text[:1].isalpha()):
                text += " "  # words of Latin text keep their spaces
            text += glyph.text
        pieces.append(text)
    return cell_text(_join_lines(pieces))


def _join_lines(lines: Sequence[str]) -> str:
    """A cell's lines as one text: a wrapped label closes up, but two numbers stay two.

    A band whose rule is missing holds two rows, so a value cell holds two
    numbers one above the other; closed up they would read as one wrong
    number ("5" over "1" is not 51).

    >>> _join_lines(["（二）部分", "公开"]), _join_lines(["5", "1"])
    ('（二）部分公开', '5 1')
    """
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        joined += (" " if joined[-1:].isdigit() and line[:1].isdigit() else "") + line
    return joined


# ---- tables -----------------------------------------------------------------------


class _Table(NamedTuple):
    left: float
    bottom: float
    right: float
    top: float
    levels: list[float]  #: y of the horizontal rules, top first
    verticals: list[Rule]
    horizontals: list[Rule]


def _tables(rules: Sequence[Rule]) -> list[_Table]:
    """Groups of touching horizontal and vertical rules with at least two of each."""
    horizontal = _join_collinear([r for r in rules if r.horizontal], True)
    vertical = sorted(_join_collinear([r for r in rules if not r.horizontal], False), key=lambda r: r.x0)
    if len(horizontal) < 2 or len(vertical) < 2 or len(horizontal) * len(vertical) > _MAX_CROSSINGS:
        return []
    parent = list(range(len(horizontal) + len(vertical)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    xs = [r.x0 for r in vertical]
    for h_index, h in enumerate(horizontal):
        lo, hi = bisect_left(xs, h.x0 - _TOL), bisect_right(xs, h.x1 + _TOL)
        for v_index in range(lo, hi):
            v = vertical[v_index]
            if v.y0 - _TOL <= h.y0 <= v.y1 + _TOL:
                a, b = find(h_index), find(len(horizontal) + v_index)
                if a != b:
                    parent[a] = b
    groups: dict[int, list[Rule]] = {}
    for index, rule in enumerate([*horizontal, *vertical]):
        groups.setdefault(find(index), []).append(rule)
    tables = []
    for members in groups.values():
        levels = _merge(sorted((r.y0 for r in members if r.horizontal), reverse=True))
        verticals = [r for r in members if not r.horizontal]
        if len(levels) < 2 or len(_merge(sorted(r.x0 for r in verticals))) < 2:
            continue
        tables.append(_Table(min(r.x0 for r in members), min(r.y0 for r in members),
                             max(r.x1 for r in members), max(r.y1 for r in members), levels, verticals,
                             [r for r in members if r.horizontal]))
    return tables


def _join_collinear(rules: Sequence[Rule], horizontal: bool) -> list[Rule]:
    """Segments on one line that touch or overlap, joined: a border drawn cell by cell is one border."""
    def key(rule: Rule) -> tuple[float, float]:
        return (rule.y0, rule.x0) if horizontal else (rule.x0, rule.y0)

    joined: list[Rule] = []
    for rule in sorted(rules, key=key):
        if joined:
            last = joined[-1]
            if horizontal and abs(rule.y0 - last.y0) <= _TOL / 2 and rule.x0 <= last.x1 + _TOL:
                joined[-1] = Rule(last.x0, last.y0, max(last.x1, rule.x1), last.y1)
                continue
            if not horizontal and abs(rule.x0 - last.x0) <= _TOL / 2 and rule.y0 <= last.y1 + _TOL:
                joined[-1] = Rule(last.x0, last.y0, last.x1, max(last.y1, rule.y1))
                continue
        joined.append(rule)
    return joined


def _merge(values: Sequence[float]) -> list[float]:
    """Sorted positions with those closer than the tolerance merged."""
    merged: list[float] = []
    for value in values:
        if not merged or abs(value - merged[-1]) > _TOL:
            merged.append(value)
    return merged


def _split(glyphs: Sequence[Glyph], table: _Table) -> tuple[list[Glyph], list[Glyph]]:
    inside, outside = [], []
    for glyph in glyphs:
        if (table.left - _TOL <= glyph.cx <= table.right + _TOL
                and table.levels[-1] <= glyph.cy <= table.levels[0]):
            inside.append(glyph)
        else:
            outside.append(glyph)
    return inside, outside


def _ruled(table: _Table, y: float, x: float) -> bool:
    """True if a horizontal rule of ``table`` at height ``y`` crosses ``x``."""
    return any(abs(rule.y0 - y) <= _TOL and rule.x0 - _TOL <= x <= rule.x1 + _TOL for rule in table.horizontals)


def _table_rows(table: _Table, glyphs: Sequence[Glyph]) -> list[str]:
    """One line per band between horizontal rules, cells cut at the vertical rules crossing it.

    A header cell that spans two header bands (no rule under it, and no digit
    in either band) keeps its text whole in the first; cut at each band, a
    wrapped header ("结果维" / "持") would be read as two headers.  Bands that
    hold numbers never join: a rule segment missing over a blank cell would
    otherwise move the number under it into the row above.
    """
    levels = table.levels
    bands: list[list[Glyph]] = [[] for _ in levels[1:]]
    descending = [-level for level in levels]
    placed = [min(max(bisect_right(descending, -glyph.cy) - 1, 0), len(bands) - 1) for glyph in glyphs]
    # only header bands (no digit in them) join across a missing rule: a row's numbers, or its label, never move
    # into the row above, where one missing rule segment over a blank cell would give them to the wrong row
    numbered = {index for index, glyph in zip(placed, glyphs, strict=True) if glyph.text.isdigit()}
    for glyph, index in zip(glyphs, placed, strict=True):
        while (index > 0 and index not in numbered and index - 1 not in numbered
               and not _ruled(table, levels[index], glyph.cx)):
            index -= 1  # no border above the glyph here: its header cell spans from the band above
        bands[index].append(glyph)
    rows = []
    for (top, bottom), band in zip(pairwise(levels), bands, strict=False):
        middle = (top + bottom) / 2
        borders = _merge(sorted(v.x0 for v in table.verticals if v.y0 < middle < v.y1))
        if not borders or borders[0] > table.left + _TOL:
            borders.insert(0, table.left)
        if borders[-1] < table.right - _TOL:
            borders.append(table.right)
        cells: list[list[Glyph]] = [[] for _ in range(max(len(borders) - 1, 1))]
        for glyph in band:
            index = bisect_right(borders, glyph.cx) - 1
            cells[min(max(index, 0), len(cells) - 1)].append(glyph)
        line = row_text([Slot(_cell_text(cell)) for cell in cells])
        if line:
            rows.append(line)
    return rows
