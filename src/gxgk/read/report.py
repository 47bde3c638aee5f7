"""Normalised text to a :class:`Report`: headings, template, the three tables, narratives and metadata.

normalise → tokens → segments → headings → metadata → template → readers →
narratives.  Everything odd becomes a :class:`Diagnostic`; nothing raises.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

from ..model import (
    Appeals,
    CellName,
    Diagnostic,
    Disclosure,
    Report,
    Requests,
    Severity,
    table_cells,
)
from ..template.spec import FIRST_ROWS, TABLE_WORDS, Template
from .appeals import read_appeals
from .cells import Segment, segments, tokenize, without_chrome
from .detect import _ANNUAL_REPORT, _detect_template, _not_on_template
from .disclosure import read_disclosure
from .meta import read_meta
from .narratives import _narratives
from .normalize import normalize
from .previous import previous_problem
from .requests import read_requests
from .rows import Source
from .sections import Heading, find_headings, section_span

__all__ = ["read_report"]


#: A word that opens a report's tables; the title stands before the first of them.
TABLE_WORD = re.compile("|".join(TABLE_WORDS))
#: One of these stands on or before the line of every table's first row (see _tables_start).
_TABLES_START = re.compile("|".join((*TABLE_WORDS, *FIRST_ROWS)))


_YEAR_SOURCES: Final = {"report": "a sentence that names the year's report", "period": "the statistics period",
                        "body": "the year the overview opens with", "published": "the date of publication"}


def read_report(original: str, diagnostics: list[Diagnostic], previous: Report | None = None) -> Report:
    """The report ``original`` holds; ``diagnostics`` (what the converters noticed) are extended and kept.

    ``previous``, last year's report of the same agency, may settle glued
    digits this text leaves open (see :mod:`gxgk.read.previous`).
    """
    text = normalize(original)
    tables = without_chrome(text)  # the same text without page numbers and markdown rules
    source = Source(tables, original)
    headings = find_headings(text)
    table_word = TABLE_WORD.search(text)
    first_table = table_word.start() if table_word else len(text)
    body_start = min(headings[0].start, first_table) if headings else first_table
    meta, year_source = read_meta(original, text, body_start)
    if year_source not in (None, "title"):
        diagnostics.append(Diagnostic("P-year", f"the title names no year; {meta.year} comes from "
                                      f"{_YEAR_SOURCES[year_source]}", Severity.INFO))
    template, template_notes = _detect_template(text, meta.year, meta.title)
    if previous is not None and (problem := previous_problem(previous, meta.year)) is not None:
        diagnostics.append(problem)
        previous = None
    diagnostics += template_notes
    disclosure: Disclosure | None = None
    requests: Requests | None = None
    appeals: Appeals | None = None
    if template is not Template.NONE:
        found = _Tables(tables, _tables_region(text, headings), _tables_start(text))
        where = (found, headings, len(text), diagnostics)
        disclosure = _table(functools.partial(read_disclosure, template, source), 2, *where)
        requests = _table(functools.partial(read_requests, template, source, previous=previous), 3, *where)
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
    return 0 if first is None else _line_start(text, first.start())


def _tables_region(text: str, headings: Sequence[Heading]) -> tuple[int, int] | None:
    """The lines from section 二's heading to the end of section 四, if all three headings are there."""
    index = {heading.section: place for place, heading in enumerate(headings)}
    if not all(section in index for section in (2, 3, 4)):
        return None
    start = _line_start(text, headings[index[2]].start)
    after = index[4] + 1
    end = headings[after].start if after < len(headings) else len(text)
    line_end = text.find("\n", end)
    return start, len(text) if line_end < 0 else line_end + 1


#: A line longer than this before a table's first word is a crawler's one-line page: its text
#: before the word is narrative, and tokenizing it would cost time per character for nothing.
_LONG_LINE: Final = 2000
#: How far before the word a row label may start on such a line, and the marks that may end the text before it.
_LABEL_REACH: Final = 200
_BEFORE_LABEL = re.compile(r"[。；;！？!?\s|]")


def _line_start(text: str, offset: int) -> int:
    """Where the line of ``offset`` starts; on a very long line, where the sentence before ``offset`` ends.

    >>> _line_start("前言。\\n二、主动公开", 4), _line_start("字" * 3000 + "。表：规章 1 0 5", 3003)
    (4, 3001)
    """
    start = text.rfind("\n", max(0, offset - _LONG_LINE), offset) + 1
    if start > 0 or offset <= _LONG_LINE:
        return start
    ends = [match.end() for match in _BEFORE_LABEL.finditer(text, offset - _LABEL_REACH, offset)]
    return ends[-1] if ends else offset


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
    span = section_span(headings, section, size)
    if span is not None:
        value, notes = read(tables.in_span(*span))
        if value is not None:
            return value, notes
    value, notes = read(tables.whole())
    if value is not None and span is None:
        notes = [*notes, Diagnostic("P-heading", f"section {'一二三四五六'[section - 1]}'s heading not found; "
                                    "its table was found by its labels", Severity.INFO)]
    return value, notes
