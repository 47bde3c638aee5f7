"""Word ``.docx`` files → the HTML that :func:`~gxgk.formats.html.html_to_text` reads (standard library only).

Many offices publish their annual report as the Word file they wrote it in.
A ``.docx`` is a ZIP archive whose ``word/document.xml`` holds the body:
paragraphs (``w:p``) and tables (``w:tbl``) in reading order.  Rather than
teach the parser a third layout, the body is written as the HTML a browser
would show for it, and the HTML reader, which already rebuilds tables as grids
(``rowspan``/``colspan``, blank cells, two-level headers), makes the text.
So a report typed into Word reads exactly as the same report on a web page.

What is read, and why:

* paragraphs: the text of their runs (``w:t``); a tab is a space, a line or
  page break (``w:br``, ``w:cr``) a ``<br>``, a non-breaking hyphen a ``-``;
  field instructions (``w:instrText``), hidden text (``w:vanish``) and
  deleted revisions (``w:del``, ``w:moveFrom``) are not shown by Word, so they
  are dropped; inserted revisions (``w:ins``, ``w:moveTo``) are kept, as Word
  shows them.  Automatic numbering (``一、``, ``（一）``, ``1.``) is not in the
  text at all, only in ``word/numbering.xml``: it is computed and written in
  front of the paragraph, because section headings and row labels are often
  numbered that way and the parser finds them by their numerals;
* tables: a row per ``w:tr``, a cell per ``w:tc``; ``w:gridSpan`` becomes
  ``colspan``; a vertical merge (``w:vMerge`` restart … continue) becomes a
  ``rowspan`` on the cell that starts it, counted by grid column (so cells
  spanning columns, ``w:gridBefore`` and ``w:gridAfter`` are accounted for),
  and the continuation cells are left out, as HTML wants; a continuation with
  nothing to continue is a cell of its own.  Deleted rows and cells are left
  out.  A table in a cell stays nested (the HTML reader then reads the outer
  one as layout);
* content controls (``w:sdt``), custom XML and smart tags are transparent:
  what they wrap is read, at block, row, cell and run level; text boxes are
  read after the paragraph that anchors them (the first ``mc:Choice`` only, so
  a text box is not read twice through its VML fallback).

Headers, footers, footnotes and comments are page furniture, not the report,
and are not read.

Every limit is explicit: the archive is read through :mod:`zipfile`, which
checks sizes and CRCs; ``word/document.xml`` is read in chunks and refused
beyond :data:`MAX_DOCUMENT_BYTES` (whatever the archive declares, so a ZIP
bomb cannot exhaust memory); a document type declaration (the only way XML
can define entities) is refused; the body is parsed incrementally, each
top-level paragraph or table converted and then freed (and refused beyond a
million elements); nesting deeper than :data:`MAX_DEPTH` is not followed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from html import escape
from typing import IO, Final
from xml.etree import ElementTree as ET

from ..model import Diagnostic, Severity
from .docx_numbering import Numbering, int_or, namespace_of, val_of
from .sniff import MAIN_DOCUMENT, ZIP_MAGIC, zip_of

__all__ = ["MAX_DEPTH", "MAX_DOCUMENT_BYTES", "DocxError", "docx_to_html", "docx_to_text"]

#: ``word/document.xml`` larger than this (uncompressed) is not read: a real report's is a few MB at most.
MAX_DOCUMENT_BYTES: Final = 64 * 1024 * 1024
#: ``numbering.xml`` and ``styles.xml`` larger than this are not read (numbering is then not shown).
_MAX_PART_BYTES: Final = 16 * 1024 * 1024
#: Containers nested deeper than this (tables in cells in content controls …) are not followed.
MAX_DEPTH: Final = 48
#: Elements one top-level paragraph or table may hold (a real report's largest has a few thousand).
_MAX_BLOCK_ELEMENTS: Final = 1_000_000
_CHUNK: Final = 1 << 20

_W_NAMESPACES: Final = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                        "http://purl.oclc.org/ooxml/wordprocessingml/main")  # transitional and strict OOXML
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH_TEXT: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
_RELS_NS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"



class DocxError(ValueError):
    """The bytes are not a ``.docx`` that can be read (corrupt, encrypted, too large …)."""


# ---- what a file is ---------------------------------------------------------------------------
















# ---- the conversion ---------------------------------------------------------------------------


def docx_to_text(data: bytes) -> tuple[str, list[Diagnostic]]:
    """The text layout of a ``.docx``, and what was noticed on the way; never raises.

    The HTML of :func:`docx_to_html` read by :func:`~gxgk.formats.html.html_to_text`;
    its ``P-html`` note becomes ``P-docx`` (offsets refer to the text
    extracted from the document).  A file that cannot be read gives an empty
    text and a ``P-docx-unreadable`` error that says why.

    >>> text, notes = docx_to_text(_docx('<w:p><w:r><w:t>规章</w:t></w:r></w:p>'))
    >>> text, [note.code for note in notes]
    ('规章\\n', ['P-docx', 'P-docx-no-table'])
    >>> docx_to_text(b"PK\\x03\\x04 broken")[1][0].code
    'P-docx-unreadable'
    """
    from .html import html_to_text  # compiled patterns ``import gxgk`` need not pay for

    try:
        html, notes = _convert(data)
    except Exception as exc:  # a corrupt archive or XML, anything: never let a file crash parse()
        reason = str(exc) if isinstance(exc, DocxError) else f"{type(exc).__name__}: {exc}"[:300]
        return "", [Diagnostic("P-docx-unreadable", f"the Word (.docx) file cannot be read ({reason}); save it "
                               "again from Word or WPS, or as PDF", Severity.ERROR)]
    text, html_notes = html_to_text(html)
    return text, notes + [_renamed(note) for note in html_notes]


def _renamed(note: Diagnostic) -> Diagnostic:
    """The HTML reader's notes about the page said about the Word file instead."""
    if note.code == "P-html":
        counts = note.message.removeprefix("read as HTML: ").partition(", 0 line(s) of page chrome dropped")[0]
        return Diagnostic("P-docx", f"read as a Word (.docx) file: {counts.partition(';')[0]}; offsets refer to "
                          "the text extracted from it", Severity.INFO)
    if note.code == "P-html-empty":
        return Diagnostic("P-empty", "the Word (.docx) file has no text", Severity.ERROR)
    if note.code in ("P-html-mark", "P-html-hidden"):
        if note.code == "P-html-mark":
            return Diagnostic("P-docx-mark", note.message, note.severity)
        return Diagnostic("P-docx-hidden", f"{note.message.split(' ', 1)[0]} struck-out run(s) were dropped: a reader "
                          "of the document does not see their text as the report's", note.severity)
    if note.code == "P-html-no-table":
        return Diagnostic("P-docx-no-table", "the Word file has no table; its tables can only be read if they are "
                          "written as text", Severity.WARNING)
    return note


def docx_to_html(data: bytes) -> str:
    """The body of a ``.docx`` as an HTML fragment: ``<p>`` per paragraph, ``<table>`` per table.

    :raises DocxError: the file is not a ZIP archive with a readable ``word/document.xml``
        (or it is larger than :data:`MAX_DOCUMENT_BYTES`).
    :raises zipfile.BadZipFile, xml.etree.ElementTree.ParseError: and the like, for a damaged file.

    >>> docx_to_html(_docx('<w:p><w:r><w:t>a&lt;b</w:t><w:tab/><w:t>c</w:t><w:br/><w:t>d</w:t></w:r></w:p>'))
    '<p>a&lt;b c<br>d</p>\\n'
    >>> print(docx_to_html(_docx(
    ...     '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>行</w:t></w:r></w:p></w:tc>'
    ...     '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr>'
    ...     '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
    ...     '<w:tc><w:p/></w:tc></w:tr></w:tbl>')))
    <table>
    <tr><td rowspan="2"><p>行</p></td><td colspan="2"><p></p></td></tr>
    <tr><td><p>1</p></td><td><p></p></td></tr>
    </table>
    <BLANKLINE>
    """
    return _convert(data)[0]


def _convert(data: bytes) -> tuple[str, list[Diagnostic]]:
    if not data.startswith(ZIP_MAGIC):
        raise DocxError("it is not a ZIP archive")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        main = _main_part(archive, names)
        if main is None:
            raise DocxError(f"the archive has no {MAIN_DOCUMENT}")
        size = archive.getinfo(main).file_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocxError(f"{main} is {size} bytes uncompressed, more than the limit of {MAX_DOCUMENT_BYTES}")
        styles = _small_part(archive, names, "word/styles.xml")
        numbering = Numbering(_small_part(archive, names, "word/numbering.xml"), styles)
        writer = _Writer(numbering, _hidden_styles(styles))
        with archive.open(main) as stream:
            _stream_body(stream, writer)
    notes = []
    if writer.too_deep:
        notes.append(Diagnostic("P-docx-nesting", f"{writer.too_deep} element(s) nested more than {MAX_DEPTH} deep "
                                "(tables in tables, content controls) were not read", Severity.WARNING))
    return "".join(writer.out), notes


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """``word/document.xml``, or the main part ``_rels/.rels`` names (some generators name it otherwise)."""
    if MAIN_DOCUMENT in names:
        return MAIN_DOCUMENT
    rels = _small_part(archive, names, "_rels/.rels")
    if rels is not None:
        for relation in rels.iter(f"{_RELS_NS}Relationship"):
            target = relation.get("Target", "").lstrip("/")
            if relation.get("Type", "").endswith("/officeDocument") and target in names:
                return target
    return None


def _small_part(archive: zipfile.ZipFile, names: set[str], name: str) -> ET.Element | None:
    """An auxiliary part's XML, or ``None`` if it is missing, too large or unreadable (it is optional)."""
    if name not in names or archive.getinfo(name).file_size > _MAX_PART_BYTES:
        return None
    try:
        with archive.open(name) as stream:
            data = stream.read(_MAX_PART_BYTES + 1)
        if len(data) > _MAX_PART_BYTES or b"<!DOCTYPE" in data:
            return None
        return ET.fromstring(data)
    except Exception:  # damaged, encrypted, an unknown compression: the part is optional, the body may still read
        return None


def _stream_body(stream: IO[bytes], writer: _Writer) -> None:
    """Parse ``document.xml`` in chunks, writing each child of ``w:body`` as soon as it is complete.

    Memory then stays bounded by the largest top-level paragraph or table,
    not by the document.  A child is complete once the next one has started
    (only start events are asked for: half the events, and a document is a
    few hundred thousand elements); the last ones are written when the parser
    is closed, which also delivers what expat held back.  The byte count is
    checked as the data is decompressed: the size an archive declares can be
    a lie.
    """
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start",))
    root: ET.Element | None = None
    body: ET.Element | None = None
    read = 0
    pending = 0  # elements started since a block was last written
    tail = b""
    done = False
    while not done:
        chunk = stream.read(_CHUNK)
        read += len(chunk)
        if read > MAX_DOCUMENT_BYTES:
            raise DocxError(f"the document is more than {MAX_DOCUMENT_BYTES} bytes uncompressed")
        if b"<!DOCTYPE" in tail + chunk[:16] or b"<!DOCTYPE" in chunk:
            # the only way to define entities (XML bombs); never in a Word document
            raise DocxError("the document declares a document type")
        tail = chunk[-16:]
        if chunk:
            parser.feed(chunk)
        else:
            parser.close()
            done = True
        for item in parser.read_events():
            if len(item) != 2 or not isinstance(item[1], ET.Element):  # only start events are asked for
                continue
            pending += 1
            if pending > _MAX_BLOCK_ELEMENTS:
                raise DocxError(f"a paragraph or table has more than {_MAX_BLOCK_ELEMENTS} XML elements")
            if root is None:
                root = item[1]
                writer.set_namespace(root.tag)
            elif body is None and item[1].tag == writer.tag("body"):
                body = item[1]
        complete = 0 if body is None else len(body) if done else len(body) - 1
        if body is not None and complete > 0:
            for child in body[:complete]:
                writer.block(child, 0)
            del body[:complete]  # written: free them
            pending = 0


# ---- numbering ----------------------------------------------------------------------------------
























# ---- the body -----------------------------------------------------------------------------------


class _Cell:
    __slots__ = ("colspan", "html", "merge", "rowspan", "start")

    def __init__(self, start: int, colspan: int, merge: str | None, html: str) -> None:
        self.start = start
        self.colspan = colspan
        self.merge = merge  #: "restart", "continue" or None (w:vMerge)
        self.html = html
        self.rowspan = 1


#: Elements whose content is read as if they were not there.
_TRANSPARENT: Final = frozenset(("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink",
                                 "fldSimple", "dir", "bdo", "txbxContent"))
#: Elements whose content Word does not show.
_HIDDEN: Final = frozenset(("del", "moveFrom", "delText", "instrText", "delInstrText", "sdtPr", "sdtEndPr", "pPr",
                            "rPr", "tblPr", "trPr", "tcPr", "tblGrid", "sectPr", "footnoteReference",
                            "endnoteReference", "commentReference", "annotationRef"))
_TRUE_OFF: Final = frozenset(("0", "false", "off"))


def _hidden_styles(styles: ET.Element | None) -> frozenset[str]:
    """Ids of the character styles that hide their text (``w:vanish``, set or inherited through ``w:basedOn``).

    Word shows none of a run in such a style: its digits are not on the page.
    """
    if styles is None:
        return frozenset()
    w = namespace_of(styles.tag)
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{w}style"):
        name = style.get(f"{w}styleId")
        if name is None:
            continue
        vanish = style.find(f"{w}rPr/{w}vanish")
        own[name] = None if vanish is None else vanish.get(f"{w}val", "true") not in _TRUE_OFF
        parent = val_of(style, f"{w}basedOn", w)
        if parent is not None:
            based[name] = parent
    hidden = set()
    for name in own:
        seen: set[str] = set()
        current: str | None = name
        while current is not None and current not in seen and own.get(current) is None:
            seen.add(current)
            current = based.get(current)
        if current is not None and own.get(current):
            hidden.add(name)
    return frozenset(hidden)


class _Writer:
    """Writes a body's blocks as HTML into :attr:`out` (see the module docstring for what is read)."""

    def __init__(self, numbering: Numbering, hidden_styles: frozenset[str] = frozenset()) -> None:
        self.numbering = numbering
        self.hidden_styles = hidden_styles
        self.w = "{" + _W_NAMESPACES[0] + "}"
        self.out: list[str] = []
        self.too_deep = 0

    def set_namespace(self, root_tag: str) -> None:
        namespace = namespace_of(root_tag)
        if namespace.strip("{}") in _W_NAMESPACES:
            self.w = namespace

    def tag(self, name: str) -> str:
        return self.w + name

    def _local(self, element: ET.Element) -> str | None:
        """The ``w:`` local name of an element; ``None`` for another namespace."""
        tag = element.tag
        return tag[len(self.w) :] if isinstance(tag, str) and tag.startswith(self.w) else None

    def block(self, element: ET.Element, depth: int) -> None:
        """A body-level element: a paragraph, a table, or a container of them."""
        self.out.extend(part + "\n" for part in self._blocks(element, depth))

    def _blocks(self, element: ET.Element, depth: int) -> Iterator[str]:
        if depth > MAX_DEPTH:
            self.too_deep += 1
            return
        name = self._local(element)
        if name == "p":
            yield from self._paragraph(element, depth)
        elif name == "tbl":
            yield self._table(element, depth)
        elif name in _TRANSPARENT or (name is None and element.tag == _MC + "AlternateContent"):
            for child in self._shown(element):
                yield from self._blocks(child, depth + 1)

    def _shown(self, element: ET.Element) -> list[ET.Element]:
        """The children of a container, or of ``mc:AlternateContent`` its first choice (else its fallback)."""
        if element.tag == _MC + "AlternateContent":
            choice = element.find(_MC + "Choice")
            chosen = choice if choice is not None else element.find(_MC + "Fallback")
            return [] if chosen is None else list(chosen)
        if self._local(element) == "sdt":
            if element.find(f"{self.w}sdtPr/{self.w}showingPlcHdr") is not None:
                return []  # the control's prompt ("单击此处输入文字"), not text anyone wrote
            content = element.find(self.w + "sdtContent")
            return [] if content is None else list(content)
        return list(element)

    # -- paragraphs --

    def _paragraph(self, paragraph: ET.Element, depth: int) -> Iterator[str]:
        pieces: list[str] = [escape(self.numbering.label(paragraph.find(self.w + "pPr"), self.w), quote=False)]
        boxes: list[str] = []
        self._inline(paragraph, pieces, boxes, depth + 1)
        yield "<p>" + "".join(pieces) + "</p>"
        yield from boxes

    def _inline(self, element: ET.Element, pieces: list[str], boxes: list[str], depth: int) -> None:
        """The text under ``element`` into ``pieces``; text boxes' blocks into ``boxes``."""
        if depth > MAX_DEPTH:
            self.too_deep += 1
            return
        for child in self._shown(element):
            name = self._local(child)
            if name == "t":
                pieces.append(escape(child.text or "", quote=False))
            elif name in ("tab", "ptab"):
                pieces.append(" ")
            elif name in ("br", "cr"):
                pieces.append("<br>")
            elif name == "noBreakHyphen":
                pieces.append("-")
            elif name == "sym":
                pieces.append(escape(_symbol(child.get(self.w + "char")), quote=False))
            elif name == "r":
                if not self._hidden_run(child):
                    wrap = self._run_wrap(child)  # a raised or struck-out run: marked for the HTML reader
                    pieces.append(f"<{wrap}>" if wrap else "")
                    self._inline(child, pieces, boxes, depth + 1)
                    pieces.append(f"</{wrap}>" if wrap else "")
            elif name == "txbxContent":
                for block in self._shown(child):
                    boxes.extend(self._blocks(block, depth + 1))
            elif name in ("p", "tbl"):  # a block where a run belongs (a broken file): still text
                boxes.extend(self._blocks(child, depth + 1))
            elif child.tag == _MATH_TEXT:
                pieces.append(escape(child.text or "", quote=False))
            elif name not in _HIDDEN:
                self._inline(child, pieces, boxes, depth + 1)  # ins, hyperlink, sdt, drawing → text box …

    def _run_wrap(self, run: ET.Element) -> str | None:
        """``sup``/``sub`` for a raised or lowered run (a footnote mark), ``s`` for a struck-out one, else None.

        The HTML reader drops a mark inside a table cell (``3`` + superscript ``1``
        is 3, not 31) and struck-out text everywhere, as it does for a page.
        """
        align = val_of(run, f"{self.w}rPr/{self.w}vertAlign", self.w)
        if align in ("superscript", "subscript"):
            return "sup" if align == "superscript" else "sub"
        for name in ("strike", "dstrike"):
            mark = run.find(f"{self.w}rPr/{self.w}{name}")
            if mark is not None and mark.get(self.w + "val", "true") not in _TRUE_OFF:
                return "s"
        return None

    def _hidden_run(self, run: ET.Element) -> bool:
        """Whether Word hides the run: ``w:vanish`` on it, or else in its character style."""
        vanish = run.find(f"{self.w}rPr/{self.w}vanish")
        if vanish is not None:
            return vanish.get(self.w + "val", "true") not in _TRUE_OFF
        style = val_of(run, f"{self.w}rPr/{self.w}rStyle", self.w)
        return style is not None and style in self.hidden_styles

    # -- tables --

    def _table(self, table: ET.Element, depth: int) -> str:
        rows = [self._row(row, depth + 1) for row in self._parts(table, "tr", depth + 1)]
        self._merge(rows)
        lines = ["<table>\n"]
        for row in rows:
            cells = []
            for cell in row:
                if cell.merge == "continue":
                    continue  # covered by a rowspan from above
                spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                    f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
                cells.append(f"<td{spans}>{cell.html}</td>")
            lines.append("<tr>" + "".join(cells) + "</tr>\n")
        lines.append("</table>")
        return "".join(lines)

    def _parts(self, element: ET.Element, name: str, depth: int) -> Iterator[ET.Element]:
        """The ``w:tr`` of a table or the ``w:tc`` of a row, through content controls; deleted ones left out."""
        for child in self._shown(element):
            local = self._local(child)
            if local == name:
                properties = child.find(self.w + ("trPr" if name == "tr" else "tcPr"))
                deleted = "del" if name == "tr" else "cellDel"
                if properties is None or properties.find(self.w + deleted) is None:
                    yield child
            elif (local in ("sdt", "sdtContent", "customXml", "ins", "moveTo")
                  or child.tag == _MC + "AlternateContent"):
                if depth > MAX_DEPTH:
                    self.too_deep += 1
                    continue
                yield from self._parts(child, name, depth + 1)

    def _row(self, row: ET.Element, depth: int) -> list[_Cell]:
        w = self.w
        properties = row.find(w + "trPr")
        before = 0 if properties is None else int_or(val_of(properties, w + "gridBefore", w), 0)
        after = 0 if properties is None else int_or(val_of(properties, w + "gridAfter", w), 0)
        cells: list[_Cell] = []
        column = 0
        if before > 0:  # grid columns the row leaves empty before its first cell: still columns
            cells.append(_Cell(0, min(before, 100), None, ""))
            column = cells[0].colspan
        for cell in self._parts(row, "tc", depth + 1):
            cell_properties = cell.find(w + "tcPr")
            span = 1
            merge: str | None = None
            horizontal: str | None = None
            if cell_properties is not None:
                span = min(max(int_or(val_of(cell_properties, w + "gridSpan", w), 1), 1), 100)
                vertical = cell_properties.find(w + "vMerge")
                if vertical is not None:
                    merge = "restart" if vertical.get(w + "val") == "restart" else "continue"
                wide = cell_properties.find(w + "hMerge")
                if wide is not None:
                    horizontal = "restart" if wide.get(w + "val") == "restart" else "continue"
            if horizontal == "continue" and cells:  # legacy horizontal merge: widen the cell before
                cells[-1].colspan += span
            else:
                html = "".join(part for child in self._shown(cell) for part in self._blocks(child, depth + 1))
                cells.append(_Cell(column, span, merge, html))
            column += span
        if after > 0:
            cells.append(_Cell(column, min(after, 100), None, ""))
        return cells

    @staticmethod
    def _merge(rows: list[list[_Cell]]) -> None:
        """Vertical merges → rowspans, by grid column.

        A continuation adds a row to the cell that covers its grid column in
        the row above (a restart, or a cell already continued); one with
        nothing to continue is written as a cell of its own, and may itself
        be continued.
        """
        above: dict[int, _Cell] = {}  # grid column → the merged cell open there
        for row in rows:
            here: dict[int, _Cell] = {}
            for cell in row:
                if cell.merge == "continue":
                    first = above.get(cell.start)
                    if first is not None:
                        first.rowspan += 1
                        here[cell.start] = first
                        continue
                    cell.merge = None  # an orphan: its own cell …
                    here[cell.start] = cell  # … that a continuation below may extend
                elif cell.merge == "restart":
                    here[cell.start] = cell
            above = here


def _symbol(code: str | None) -> str:
    """A ``w:sym`` character: symbol fonts put ASCII-range symbols at U+F0xx."""
    number = -1 if code is None else _hex(code)
    if 0xF020 <= number <= 0xF0FF:
        number -= 0xF000
    return chr(number) if 0x20 <= number < 0x110000 and not 0xD800 <= number < 0xE000 else ""


def _hex(code: str) -> int:
    try:
        return int(code, 16)
    except ValueError:
        return -1


def _docx(body: str) -> bytes:
    """A minimal ``.docx`` whose body is ``body`` (for the examples)."""
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="'
           f'{_W_NAMESPACES[0]}"><w:body>{body}</w:body></w:document>')
    return zip_of({"[Content_Types].xml": "", MAIN_DOCUMENT: xml})
