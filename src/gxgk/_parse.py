"""``parse``: source → :class:`Report`, in one direction.

decode → normalise → tokens → segments → headings → template → readers →
narratives and metadata.  Everything odd becomes a :class:`Diagnostic`; the
only exception that escapes is ``TypeError`` for an argument that is neither
``str`` nor ``bytes``.
"""

from __future__ import annotations

import functools
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import IO, Final, TypeVar

from ._cells import Segment, segments, tokenize, without_chrome
from ._decode import decode
from ._meta import read_meta
from ._model import (
    Appeals,
    CellName,
    Diagnostic,
    Disclosure,
    Narrative,
    Provenance,
    Report,
    Requests,
    Severity,
    table_cells,
)
from ._normalize import normalize
from ._read import Source, read_appeals, read_disclosure, read_requests
from ._sections import Heading, find_headings
from ._template import PRE_2019_MARKERS, TEMPLATE_MARKERS, Template

__all__ = ["parse"]

#: The default of ``parse(..., max_size=)``: inputs longer than this many bytes
#: (for ``bytes``) or characters (for ``str``) are cut, so memory stays bounded.
MAX_SIZE: Final = 50_000_000

# Literal alternations: the `re` engine skips to their first characters in C.
_REQUEST_WORDS = re.compile(r"本年新收|予以公开|结转下年度")
# Section 四's header: a fragment holding only that table is still a report.
_APPEAL_WORDS = re.compile(r"结果维持|尚未审结|复议后起诉")
# A title that names an annual disclosure report.
_ANNUAL_REPORT = re.compile(r"(?:政府信息公开|政务公开|信息公开).{0,12}?(?:年度报告|工作报告|年报)")
#: Words that open a report's tables; the title stands before the first of them.
_TABLE_WORDS: Final = ("第二十条", "信息内容", "申请人情况", "本年新收", "行政复议", "政府信息公开情况统计表")
_TABLE_WORD = re.compile("|".join(_TABLE_WORDS))
#: The first rows of section 二, which a table printed without its header starts with.
_FIRST_ROWS: Final = ("规章", "规范性文件", "行政许可")
#: One of these stands on or before the line of every table's first row (see _tables_start).
_TABLES_START = re.compile("|".join((*_TABLE_WORDS, *_FIRST_ROWS)))
# Page furniture: a line of a narrative that starts with one of these is dropped.
_CHROME = re.compile(
    r"扫一扫|上一篇|下一篇|关闭(?:窗口|本页)?$|打印(?:本页)?$|【打印】|责任编辑|用户登录|还没有账号|立即注册|"
    r"附件[:：]?$|分享到|当前位置|您当前的位置|浏览次数|字号|【字体|收藏|返回顶部"
)
# A sub-heading, matched at the start of a narrative's (stripped) line.
_SUBHEADING = re.compile(
    r"(?:\([一二三四五六七八九十]{1,3}\)|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))"
    r"[^。\n]{1,30}?(?=[。:：]|$)"
)


Input = str | bytes | bytearray | memoryview | os.PathLike[str] | IO[bytes] | IO[str]


def parse(source: Input, *, max_size: int = MAX_SIZE) -> Report:
    """Parse an annual report given as text, bytes, a path or an open file.

    A ``str`` is the report's text; a path (:class:`os.PathLike`, such as
    :class:`pathlib.Path`) or an open file is read first, as
    :func:`pandas.read_csv` and :func:`tomllib.load` read theirs.  A one-line
    ``str`` that names a file, or ends in a report file's suffix, is still
    text, but gets a ``P-path`` error that says to pass ``Path(...)``.

    Bytes are decoded (UTF-8, UTF-8 with BOM, GB18030/GBK, or the charset an
    HTML page declares).  An HTML page or fragment (``str`` or ``bytes``) and
    a PDF file (bytes starting with ``%PDF``; needs ``pip install gxgk[pdf]``)
    are first converted to a text layout; provenance offsets and line numbers
    then refer to that extracted text, not to the markup or the PDF file.
    Whatever could not be read, or had to be guessed, is listed in
    :attr:`Report.diagnostics`; nothing odd in the content raises.

    ``max_size`` bounds the memory a hostile or runaway input can take: only
    the first ``max_size`` bytes of ``bytes`` (cut at a character boundary) or
    characters of a ``str`` are read, and a ``P-too-large`` warning says so.
    A PDF cannot be read in part, so a larger PDF is not read at all (an
    error diagnostic).  Parsing takes about 50 bytes of memory per input byte
    at most (see :doc:`/performance`).

    :raises TypeError: ``source`` is none of the above, or ``max_size`` is
        not an ``int``.
    :raises ValueError: ``max_size`` is less than 1.
    :raises OSError: a path cannot be read (as :func:`open` raises it).

    >>> report = parse("二、主动公开政府信息情况\\n...")
    >>> report.template
    <Template.NONE: 'none'>
    >>> parse("一、总体情况" * 10, max_size=6).diagnostics[0].code
    'P-too-large'

    .. versionadded:: 0.1
    .. versionchanged:: 0.1
       ``max_size`` (the limit was fixed at 50 million characters).
    .. versionchanged:: 0.2
       Paths and open files are read.
    """
    if isinstance(source, os.PathLike):
        with open(source, "rb") as stream:
            source = stream.read(max_size + 1)
    elif not isinstance(source, (str, bytes, bytearray, memoryview)) and callable(getattr(source, "read", None)):
        source = source.read()
    html_to_text, looks_like_html, is_pdf, pdf_to_text = _converters()
    if not isinstance(max_size, int) or isinstance(max_size, bool):
        raise TypeError(f"max_size must be an int, not {type(max_size).__name__}")
    if max_size < 1:
        raise ValueError(f"max_size must be at least 1, not {max_size}")
    diagnostics: list[Diagnostic] = []
    from_pdf = False
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        too_large = len(data) > max_size
        if too_large:
            diagnostics.append(_too_large(len(data), max_size, "bytes", is_pdf(data)))
        if is_pdf(data):
            if too_large:
                return _parse_text("", diagnostics)
            original, notes = pdf_to_text(data)
            diagnostics += notes
            from_pdf = True
        else:
            original, _encoding, lossy = decode(data[:max_size], cut=too_large)
            if lossy:
                diagnostics.append(Diagnostic("P-decode", "the bytes are not valid UTF-8 or GB18030; undecodable "
                                              "bytes were replaced", Severity.WARNING))
    elif isinstance(source, str):
        original = source
        if len(original) > max_size:
            diagnostics.append(_too_large(len(original), max_size, "characters", False))
            original = original[:max_size]
        if _looks_like_a_path(original):
            diagnostics.append(Diagnostic("P-path", f"the text {original.strip()[:80]!r} is a file path, not a "
                                          "report: pass pathlib.Path(...) to read the file", Severity.ERROR))
    else:
        raise TypeError(f"parse() takes the report as str or bytes, a path (pathlib.Path) or an open file, not "
                        f"{type(source).__name__}")
    if not from_pdf and not original.strip():  # a PDF without text says so itself (P-pdf-ocr)
        diagnostics.append(Diagnostic("P-empty", "the input is empty", Severity.ERROR))
    if not from_pdf and looks_like_html(original):
        original, notes = html_to_text(original)
        diagnostics += notes
    return _parse_text(original, diagnostics)


#: Suffixes of the files a report comes in: a one-line text ending in one is a path.
_REPORT_SUFFIXES: Final = (".pdf", ".html", ".htm", ".txt", ".md", ".docx", ".doc", ".png", ".jpg", ".jpeg", ".json")


def _looks_like_a_path(text: str) -> bool:
    """A one-line text without report words that names a file or ends in a report file's suffix."""
    line = text.strip()
    if not line or "\n" in line or len(line) > 1000 or _TABLE_WORD.search(line) or "年度报告" in line:
        return False
    if line.lower().endswith(_REPORT_SUFFIXES):
        return True
    try:
        return os.path.isfile(line)
    except (OSError, ValueError):  # a name the system cannot even ask about (NUL, too long)
        return False


@functools.cache
def _converters() -> tuple[Callable[[str], tuple[str, list[Diagnostic]]], Callable[[str], bool],
                           Callable[[bytes], bool], Callable[[bytes], tuple[str, list[Diagnostic]]]]:
    """The HTML and PDF readers, imported on first use.

    Compiling their patterns costs ~11 ms that ``import gxgk`` should not pay
    for callers who only parse text; an import statement in :func:`parse`
    would cost 3 µs a call.
    """
    from ._html import html_to_text, looks_like_html
    from ._pdf import is_pdf, pdf_to_text

    return html_to_text, looks_like_html, is_pdf, pdf_to_text


_YEAR_SOURCES: Final = {"report": "a sentence that names the year's report", "period": "the statistics period",
                        "body": "the year the overview opens with", "published": "the date of publication"}


def _too_large(size: int, limit: int, unit: str, pdf: bool) -> Diagnostic:
    if pdf:
        return Diagnostic("P-too-large", f"the PDF has {size} bytes, more than max_size={limit}; a PDF cannot be "
                          "read in part, so it was not read", Severity.ERROR)
    return Diagnostic("P-too-large", f"the input has {size} {unit}, more than max_size={limit}; only the first "
                      f"{limit} were read", Severity.WARNING)


def _parse_text(original: str, diagnostics: list[Diagnostic]) -> Report:
    text = normalize(original)
    tables = without_chrome(text)  # the same text without page numbers and markdown rules
    source = Source(tables)
    headings = find_headings(text)
    table_word = _TABLE_WORD.search(text)
    first_table = table_word.start() if table_word else len(text)
    body_start = min(headings[0].start, first_table) if headings else first_table
    meta, year_source = read_meta(original, text, body_start)
    if year_source not in (None, "title"):
        diagnostics.append(Diagnostic("P-year", f"the title names no year; {meta.year} comes from "
                                      f"{_YEAR_SOURCES[year_source]}", Severity.INFO))
    template, template_notes = _detect_template(text, meta.year, meta.title)
    diagnostics += template_notes
    disclosure: Disclosure | None = None
    requests: Requests | None = None
    appeals: Appeals | None = None
    if template is not Template.NONE:
        found = _Tables(tables, _tables_region(text, headings), _tables_start(text))
        where = (found, headings, len(text), diagnostics)
        disclosure = _table(functools.partial(read_disclosure, template, source), 2, *where)
        requests = _table(functools.partial(read_requests, template, source), 3, *where)
        appeals = _table(functools.partial(read_appeals, source), 4, *where)
    if template is not Template.NONE and _a_form((disclosure, requests, appeals), meta.title, diagnostics):
        template, disclosure, requests, appeals = Template.NONE, None, None, None
        diagnostics = [d for d in diagnostics if not d.cells and d.code != "P-template"]
        diagnostics.append(Diagnostic("P-not-a-report", "not a report: it carries the template's table labels but "
                                      "no values (the notice that issues the template, or a blank form)",
                                      Severity.WARNING))
    elif template is Template.NONE:
        diagnostics.append(_not_on_template(text, meta.year))
    # a counter of its own: the narratives stand before and after the tables, in order
    overview, problems, other_matters = _narratives(original, text, Source(tables), headings, diagnostics)
    return Report(template=template, meta=meta, overview=overview, disclosure=disclosure, requests=requests,
                  appeals=appeals, problems=problems, other_matters=other_matters, diagnostics=tuple(diagnostics))


def _a_form(tables: Sequence[object], title: str | None, diagnostics: Sequence[Diagnostic]) -> bool:
    """Whether the document prints the template's tables without a value, under no annual report's title.

    A report whose numbers are all blank still says it is one in its title
    (with its year); the notice that issues the template, or a blank form,
    prints the labels and nothing else.  Numbers that were printed but could
    not be read (glued, misfit) are values: such a text is a report.
    """
    folded = None if title is None else normalize(title)
    if folded is not None and _ANNUAL_REPORT.search(folded) and _TITLE_YEAR.search(folded):
        return False
    if any(d.code in _UNREAD_VALUES for d in diagnostics):
        return False
    found = [table for table in tables if table is not None]
    return not any(cell.value is not None for table in found for cell in table_cells(table))


#: Diagnostics that say values were printed but not read.
_UNREAD_VALUES: Final = frozenset({"P-row-cells", "P-glued-ambiguous", "P-glued-bound", "P-cell-value", "P-header",
                                   "P-row-band", "P-row-order"})


_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}")


class _Tables:
    """The text's segments, tokenized only where a table is looked for.

    Tables are read inside their sections' spans.  When a report has the
    headings of sections 二, 三 and 四, only the lines from section 二's
    heading to the end of section 四 are tokenized: the narrative around them
    (often most of the text) holds no table rows.  Otherwise, or when a table
    is not found in its span, the text is tokenized from the line of the
    first word that opens a table (:func:`_tables_start`) to its end.  A
    segment read so is the segment of the whole text, except that the first
    one's label does not reach back over that line's start; labels are
    matched at their end, so that changes nothing a reader sees.
    """

    def __init__(self, text: str, region: tuple[int, int] | None, start: int = 0) -> None:
        self.text = text
        self.region = region  #: holds the spans of sections 二, 三 and 四, if not None
        self.start = start  #: no table row stands before this offset
        self._indexed: tuple[list[Segment], list[int]] | None = None
        self._whole: list[Segment] | None = None

    def in_span(self, start: int, end: int) -> list[Segment]:
        """The segments whose values start in ``text[start:end]``, a section's span."""
        if self._indexed is None:
            found = self.whole() if self.region is None else segments(self.text, tokenize(self.text, *self.region,
                                                                                          chrome=False))
            self._indexed = found, [segment.values[0][1] for segment in found]  # in text order
        found, starts = self._indexed
        return found[bisect_left(starts, start) : bisect_left(starts, end)]

    def whole(self) -> list[Segment]:
        """The segments from the first table's line to the end of the text."""
        if self._whole is None:
            self._whole = segments(self.text, tokenize(self.text, self.start, chrome=False))
        return self._whole


def _tables_start(text: str) -> int:
    """Where the line of the first word that opens a table starts (0 if there is none).

    The words are the tables' header words and the first rows of sections
    二 (规章, printed without a header) and 三 (本年新收), so every table row
    stands after one of them; narrative before that line is not tokenized.
    """
    first = _TABLES_START.search(text)
    return 0 if first is None else text.rfind("\n", 0, first.start()) + 1


def _tables_region(text: str, headings: Sequence[Heading]) -> tuple[int, int] | None:
    """The lines from section 二's heading to the end of section 四, if all three headings are there."""
    index = {heading.section: place for place, heading in enumerate(headings)}
    if not all(section in index for section in (2, 3, 4)):
        return None
    start = text.rfind("\n", 0, headings[index[2]].start) + 1
    after = index[4] + 1
    end = headings[after].start if after < len(headings) else len(text)
    line_end = text.find("\n", end)
    return start, len(text) if line_end < 0 else line_end + 1


def _section_span(headings: Sequence[Heading], section: int, size: int) -> tuple[int, int] | None:
    for index, heading in enumerate(headings):
        if heading.section == section:
            end = headings[index + 1].start if index + 1 < len(headings) else size
            return heading.end, end
    return None


T = TypeVar("T")


def _table(read: Callable[[Sequence[Segment]], tuple[T, list[Diagnostic]]], section: int, tables: _Tables,
           headings: Sequence[Heading], size: int, diagnostics: list[Diagnostic]) -> T:
    """Section ``section``'s table, its diagnostics added to ``diagnostics`` (and a note if it is not found)."""
    value, notes = _read_in_section(read, tables, headings, section, size)
    diagnostics += notes
    if value is None:
        diagnostics.append(Diagnostic("P-table-missing", f"table {'二三四'[section - 2]} not found",
                                      Severity.WARNING, cells=(CellName(section),)))
    return value


def _read_in_section(read: Callable[[Sequence[Segment]], tuple[T, list[Diagnostic]]], tables: _Tables,
                     headings: Sequence[Heading], section: int, size: int) -> tuple[T, list[Diagnostic]]:
    """Read a table inside its section's span; fall back on the whole text."""
    span = _section_span(headings, section, size)
    if span is not None:
        value, notes = read(tables.in_span(*span))
        if value is not None:
            return value, notes
    value, notes = read(tables.whole())
    if value is not None and span is None:
        notes = [*notes, Diagnostic("P-heading", f"section {'一二三四五六'[section - 1]}'s heading not found; "
                                    "its table was found by its labels", Severity.INFO)]
    return value, notes


def _detect_template(text: str, year: int | None, title: str | None = None) -> tuple[Template, list[Diagnostic]]:
    """The template whose marker words the text uses most; else the year decides.

    Reports on years before 2019 had no national format, whatever words they
    use.  Without marker words, a text that has the request table's or the
    appeal table's labels, or whose title names an annual disclosure report
    (a page whose tables were images, a fragment holding only section 四),
    takes the template in force for its year, with a warning.
    """
    if year is not None and year < 2019:
        return Template.NONE, []
    counts = {template: sum(marker in text for marker in markers) for template, markers in TEMPLATE_MARKERS.items()}
    best = max(counts, key=lambda t: counts[t])
    other = Template.V2021 if best is Template.V2019 else Template.V2019
    if counts[best] == 0:
        return _template_by_year(text, year, title)
    notes: list[Diagnostic] = []
    if counts[best] == counts[other]:
        best = Template.V2021 if year is None or year >= 2021 else Template.V2019
        notes.append(Diagnostic("P-template", f"the text has as many 2019 as 2021 template words ({counts[best]}); "
                                f"read as {best.value}", Severity.WARNING))
    elif counts[other]:
        notes.append(Diagnostic("P-template", f"template {best.value} chosen ({counts[best]} marker words against "
                                f"{counts[other]})", Severity.INFO))
    return best, notes


def _template_by_year(text: str, year: int | None, title: str | None = None) -> tuple[Template, list[Diagnostic]]:
    annual = title is not None and _ANNUAL_REPORT.search(title) is not None
    if year is None and _APPEAL_WORDS.search(text) and not _REQUEST_WORDS.search(text):
        # section 四 alone: the same table in both templates, so it is read; which template is a guess
        return Template.V2021, [Diagnostic("P-template", "only section 四's table, the same in both templates, and "
                                           "no year: read as the 2021 format, a guess for the other tables",
                                           Severity.WARNING)]
    if year is None or not (_REQUEST_WORDS.search(text) or _APPEAL_WORDS.search(text) or annual):
        return Template.NONE, []
    template = Template.V2021 if year >= 2021 else Template.V2019
    return template, [Diagnostic("P-template", f"no table word tells the template apart; read as the {template.value} "
                                 f"format, in force for {year}", Severity.WARNING)]


def _not_on_template(text: str, year: int | None) -> Diagnostic:
    if any(marker in text for marker in PRE_2019_MARKERS) or (year is not None and year < 2019):
        why = "it looks like a report in the format used before 2019"
    else:
        why = "none of the official templates' table words appear in it"
    return Diagnostic("P-not-a-report", f"not on an official template: {why}; no tables were read", Severity.WARNING)


def _narratives(original: str, text: str, source: Source, headings: Sequence[Heading],
                diagnostics: list[Diagnostic]) -> tuple[Narrative | None, Narrative | None, Narrative | None]:
    """Sections 一, 五 and 六 (a note for each whose heading is not found)."""
    found: list[Narrative | None] = []
    for section in (1, 5, 6):
        span = _section_span(headings, section, len(text))
        if span is None:
            found.append(None)
            diagnostics.append(Diagnostic("P-heading", f"section {'一二三四五六'[section - 1]}'s heading not found; "
                                          "its text is not separated", Severity.INFO))
        else:
            found.append(_narrative(original, text, source, *span))
    return found[0], found[1], found[2]


def _narrative(original: str, text: str, source: Source, start: int, end: int) -> Narrative:
    """The text between two headings, as printed, without page chrome or blank lines.

    Lines are cut at the normalised text's line breaks and sliced from the
    original at the same offsets (normalisation keeps every offset).
    """
    lines = []
    line_start = start
    for folded in text[start:end].split("\n"):
        line_end = line_start + len(folded)
        line = original[line_start:line_end].strip()
        if line.strip("#>* ") and not _CHROME.match(folded.strip()):  # not markdown debris ("##" before a heading)
            lines.append(line)
        line_start = line_end + 1
    body = "\n".join(lines)
    headings = tuple(match.group().strip() for match in map(_SUBHEADING.match, lines) if match is not None)
    prov = Provenance(start, end, source.line_of(start), original[start:end])
    return Narrative(body, headings, prov)
