"""``parse``: any source (text, bytes, a path, a file) to a :class:`Report`, each format through its converter.

The one entry point: bytes are decoded, HTML and PDF converted to the text
layout, then :func:`~gxgk.read.report.read_report` reads the text.  Everything
odd becomes a :class:`Diagnostic`; the only exceptions that escape are those
:func:`parse` documents for its arguments.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import IO, Final, NamedTuple

import attrs

from .formats.decode import decode
from .model import (
    Diagnostic,
    Report,
    Severity,
)
from .read.report import TABLE_WORD, read_report

__all__ = ["MAX_SIZE", "Input", "parse"]

#: The default of ``parse(..., max_size=)``: inputs longer than this many bytes
#: (for ``bytes``) or characters (for ``str``) are cut, so memory stays bounded.
MAX_SIZE: Final = 50_000_000


Input = str | bytes | bytearray | memoryview | os.PathLike[str] | IO[bytes] | IO[str]


def parse(source: Input, *, max_size: int = MAX_SIZE, previous: Report | None = None) -> Report:
    """Parse an annual report given as text, bytes, a path or an open file.

    A ``str`` is the report's text; a path (:class:`os.PathLike`, such as
    :class:`pathlib.Path`) or an open file is read first, as
    :func:`pandas.read_csv` and :func:`tomllib.load` read theirs.  A one-line
    ``str`` that names a file, or ends in a report file's suffix, is still
    text, but gets a ``P-path`` error that says to pass ``Path(...)``.

    Bytes are decoded (UTF-8, UTF-8 with BOM, GB18030/GBK, or the charset an
    HTML page declares).  An HTML page or fragment (``str`` or ``bytes``) and
    a PDF file (bytes starting with ``%PDF``; needs ``pip install gxgk[pdf]``)
    and a Word ``.docx`` file are first converted to a text layout; provenance
    offsets and line numbers then refer to that extracted text, not to the
    markup or the file.  Other binary files (pictures without the ``ocr``
    extra, ``.doc``/``.wps``, ``.xlsx``, OFD, RTF, ZIP) are never decoded as
    text: an error diagnostic says what the file is and what to do.
    Whatever could not be read, or had to be guessed, is listed in
    :attr:`Report.diagnostics`; nothing odd in the content raises.

    ``max_size`` bounds the memory a hostile or runaway input can take: only
    the first ``max_size`` bytes of ``bytes`` (cut at a character boundary) or
    characters of a ``str`` are read, and a ``P-too-large`` warning says so.
    A PDF or Word file cannot be read in part, so a larger one is not read at
    all (an error diagnostic).  Parsing takes about 50 bytes of memory per input byte
    at most (see :doc:`/performance`).

    ``previous``, the same agency's report on the year before, may settle
    glued digits that nothing in this text can: a glued 二、上年结转 row that
    splits several ways is split the one way that is last year's 结转下年度
    row, if this year's own balance allows it, with a ``P-glued-previous``
    warning.
    A ``previous`` on another year than the one before is not used
    (``P-previous``).

    :raises TypeError: ``source`` is none of the above, ``max_size`` is
        not an ``int``, or ``previous`` is not a :class:`Report`.
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
       Paths and open files are read; ``previous``.
    """
    if previous is not None and not isinstance(previous, Report):
        raise TypeError(f"previous must be a Report (last year's), not {type(previous).__name__}")
    if isinstance(source, os.PathLike):
        with open(source, "rb") as stream:
            source = stream.read(max_size + 1)
    elif not isinstance(source, (str, bytes, bytearray, memoryview)) and callable(getattr(source, "read", None)):
        source = source.read()
    if not isinstance(max_size, int) or isinstance(max_size, bool):
        raise TypeError(f"max_size must be an int, not {type(max_size).__name__}")
    if max_size < 1:
        raise ValueError(f"max_size must be at least 1, not {max_size}")
    formats = _formats()
    diagnostics: list[Diagnostic] = []
    converted = False  # a file format whose converter says itself what it found (a PDF without text, …)
    if isinstance(source, (bytes, bytearray, memoryview)):
        original, converted = _from_bytes(bytes(source), max_size, diagnostics)
    elif isinstance(source, str):
        original = source
        if len(original) > max_size:
            diagnostics.append(_too_large(len(original), max_size, "characters", None))
            original = original[:max_size]
        if _looks_like_a_path(original):
            diagnostics.append(Diagnostic("P-path", f"the text {original.strip()[:80]!r} is a file path, not a "
                                          "report: pass pathlib.Path(...) to read the file", Severity.ERROR))
    else:
        raise TypeError(f"parse() takes the report as str or bytes, a path (pathlib.Path) or an open file, not "
                        f"{type(source).__name__}")
    if not converted and not original.strip():
        diagnostics.append(Diagnostic("P-empty", "the input is empty", Severity.ERROR))
    if not converted and formats.looks_like_html(original):
        original, notes = formats.html_to_text(original)
        diagnostics += notes
    report = read_report(original, list(diagnostics), previous)
    if any(d.code == "P-ocr-read" for d in diagnostics):
        return _guarded(report, original, diagnostics, previous)
    return report


#: Suffixes of the files a report comes in: a one-line text ending in one is a path.
_REPORT_SUFFIXES: Final = (".pdf", ".html", ".htm", ".txt", ".md", ".docx", ".doc", ".png", ".jpg", ".jpeg", ".json")


def _looks_like_a_path(text: str) -> bool:
    """A one-line text without report words that names a file or ends in a report file's suffix."""
    line = text.strip()
    if not line or "\n" in line or len(line) > 1000 or TABLE_WORD.search(line) or "年度报告" in line:
        return False
    if line.lower().endswith(_REPORT_SUFFIXES):
        return True
    try:
        return os.path.isfile(line)
    except (OSError, ValueError):  # a name the system cannot even ask about (NUL, too long)
        return False


class _Formats(NamedTuple):
    """The converters of what is not plain text, imported on first use (see :func:`_formats`)."""

    html_to_text: Callable[[str], tuple[str, list[Diagnostic]]]
    looks_like_html: Callable[[str], bool]
    sniff: Callable[[bytes], str | None]
    readers: dict[str, Callable[[bytes], tuple[str, list[Diagnostic]]]]  #: file kind → its converter


@functools.cache
def _formats() -> _Formats:
    """The converters, imported on first use.

    Compiling their patterns costs ~11 ms that ``import gxgk`` should not pay
    for callers who only parse text; an import statement in :func:`parse`
    would cost 3 µs a call.
    """
    from .formats.docx import docx_to_text
    from .formats.html import html_to_text, looks_like_html
    from .formats.ocr import image_to_text, pdf_or_ocr
    from .formats.sniff import sniff

    readers: dict[str, Callable[[bytes], tuple[str, list[Diagnostic]]]] = {
        "pdf": pdf_or_ocr, "docx": docx_to_text, **dict.fromkeys(PICTURES, image_to_text)}
    return _Formats(html_to_text, looks_like_html, sniff, readers)


#: Pictures, read by OCR (the ``ocr`` extra).
PICTURES: Final = ("png", "jpeg", "tiff", "bmp", "webp", "gif")
#: What gxgk cannot read, by :func:`~gxgk.formats.sniff.sniff`'s name for it: what it is, and what to do.
_UNREADABLE: Final = {
    "ole2": "a legacy Word/WPS (.doc/.wps) or Excel (.xls/.et) file: save it as .docx or PDF",
    "xlsx": "an Excel (.xlsx) workbook: save it as PDF, or copy its tables into the report as text",
    "ofd": "an OFD file: export it as PDF",
    "rtf": "an RTF file: save it as .docx or PDF",
    "zip": "a ZIP archive: unpack it and parse the report inside",
}


def _from_bytes(data: bytes, max_size: int, diagnostics: list[Diagnostic]) -> tuple[str, bool]:
    """The text of ``data`` and whether a file converter made it (notes go to ``diagnostics``).

    A file format (PDF, Word) goes to its converter; a binary gxgk cannot read
    is never decoded as text (it would be garbage) but named in an error;
    anything else is text in some encoding.
    """
    formats = _formats()
    kind = formats.sniff(data)
    too_large = len(data) > max_size
    if kind is None:
        if too_large:
            diagnostics.append(_too_large(len(data), max_size, "bytes", None))
        original, _encoding, lossy = decode(data[:max_size], cut=too_large)
        if lossy:
            diagnostics.append(Diagnostic("P-decode", "the bytes are not valid UTF-8 or GB18030; undecodable "
                                          "bytes were replaced", Severity.WARNING))
        return original, False
    reader = formats.readers.get(kind)
    if reader is None:
        diagnostics.append(_unreadable(kind))
        return "", True
    if too_large:
        diagnostics.append(_too_large(len(data), max_size, "bytes", kind))
        return "", True
    original, notes = reader(data)
    diagnostics += notes
    return original, True


def _unreadable(kind: str) -> Diagnostic:
    """The error for a binary file gxgk cannot read."""
    return Diagnostic("P-format", f"not read: {_UNREADABLE.get(kind, f'a {kind} file')}", Severity.ERROR)


#: How many times an OCR'd report's failing cells are masked and the text read again before giving up.
_GUARD_ROUNDS: Final = 3
#: The identities every cell of a table takes part in: a digit OCR misread breaks one of them.
_OCR_IDENTITIES: Final = frozenset({"H1", "H2", "H3", "H4"})


def _guarded(report: Report, original: str, diagnostics: list[Diagnostic], previous: Report | None) -> Report:
    """An OCR'd report with the cells of every failing table identity left blank (``P-ocr``).

    OCR can misread a digit and the text cannot show it; every cell of
    sections 三 and 四 takes part in an identity (row totals, column sums), so
    a misread breaks one.  The publisher's own arithmetic may be what fails,
    but from a picture the two cannot be told apart: the cells involved are
    blanked (their digits masked and the text read again) and named.
    """
    from .formats.ocr import DOUBT
    from .rules.validate import validate

    for _ in range(_GUARD_ROUNDS):  # masking only blanks cells, but the text is read again: check that reading too
        spans: dict[tuple[int, int], str] = {}
        for finding in validate(report):
            if finding.code in _OCR_IDENTITIES:
                for cell in finding.cells:
                    if cell.source is not None and cell.value is not None:
                        spans[cell.source.start, cell.source.end] = f"{cell.label} ({finding.code})"
        if not spans:
            return report
        for start, end in sorted(spans, reverse=True):
            original = original[:start] + DOUBT.ljust(end - start, DOUBT[0]) + original[end:]
        diagnostics = [*diagnostics, Diagnostic("P-ocr", f"{len(spans)} cell(s) read by OCR take part in an identity "
                                                "that fails, so a digit may be misread; left blank: "
                                                f"{'; '.join(spans.values())}", Severity.WARNING)]
        report = read_report(original, list(diagnostics), previous)
    return _without_tables(report)


def _without_tables(report: Report) -> Report:
    """A report whose OCR'd tables still fail after blanking: none of their cells can be trusted."""
    note = Diagnostic("P-ocr", "the tables read by OCR still break their identities after the doubtful cells were "
                      "blanked; no table cell is given", Severity.ERROR)
    return attrs.evolve(report, disclosure=None, requests=None, appeals=None,
                        diagnostics=(*report.diagnostics, note))


def _too_large(size: int, limit: int, unit: str, kind: str | None) -> Diagnostic:
    if kind is not None:  # a file format: PDF, Word
        name = "PDF" if kind == "pdf" else "Word file" if kind == "docx" else f"{kind.upper()} file"
        return Diagnostic("P-too-large", f"the {name} has {size} bytes, more than max_size={limit}; a {name} cannot "
                          "be read in part, so it was not read", Severity.ERROR)
    return Diagnostic("P-too-large", f"the input has {size} {unit}, more than max_size={limit}; only the first "
                      f"{limit} were read", Severity.WARNING)
