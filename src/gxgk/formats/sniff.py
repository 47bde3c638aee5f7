"""What a file is by its first bytes: PDF, pictures, Word, Excel, OFD, legacy OLE2, ZIP, RTF, or text."""

from __future__ import annotations

import io
import zipfile
from typing import Final

__all__ = ["MAIN_DOCUMENT", "OLE2", "ZIP_MAGIC", "is_docx", "sniff", "zip_of"]

ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

MAIN_DOCUMENT: Final = "word/document.xml"


OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def zip_of(parts: dict[str, str]) -> bytes:
    """A ZIP archive of ``parts`` (for the examples)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def sniff(data: bytes) -> str | None:
    """What a binary file is, by its magic bytes; ``None`` for anything else (text, HTML).

    ZIP archives are told apart by their entries: ``docx`` (Word),
    ``xlsx`` (Excel), ``ofd`` (the Chinese fixed-layout format), else
    ``zip``.  ``ole2`` is the compound file of legacy Office and WPS
    (``.doc``, ``.wps``, ``.xls``, ``.et``).  A PDF is recognised as
    :func:`gxgk.formats.pdf.is_pdf` does (``%PDF-`` after white space or some junk).

    >>> sniff(b"%PDF-1.7\\n"), sniff(b"\\x89PNG\\r\\n\\x1a\\n...."), sniff(b"\\xff\\xd8\\xff\\xe0..JFIF")
    ('pdf', 'png', 'jpeg')
    >>> sniff(b"GIF89a..."), sniff(b"II*\\x00...."), sniff(b"RIFF\\x10\\x00\\x00\\x00WEBPVP8 ")
    ('gif', 'tiff', 'webp')
    >>> bitmap = b"BM" + (94).to_bytes(4, "little") + bytes(4) + (54).to_bytes(4, "little") + (40).to_bytes(4, "little")
    >>> sniff(bitmap + bytes(76))
    'bmp'
    >>> sniff(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)), sniff(b"{\\\\rtf1\\\\ansi ...}")
    ('ole2', 'rtf')
    >>> sniff(zip_of({"[Content_Types].xml": "", "word/document.xml": "<w:document/>"}))
    'docx'
    >>> sniff(zip_of({"xl/workbook.xml": ""})), sniff(zip_of({"OFD.xml": ""})), sniff(zip_of({"a.txt": "a"}))
    ('xlsx', 'ofd', 'zip')
    >>> sniff("二、主动公开政府信息情况".encode()), sniff(b"<html><body>...</body></html>"), sniff(b"BMW 3 series")
    (None, None, None)
    """
    head = data[:16]
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(data)
    if head.startswith(OLE2):
        return "ole2"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if _is_bmp(data):
        return "bmp"
    if _is_pdf(data):
        return "pdf"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return None


def _is_pdf(data: bytes) -> bool:
    """Exactly :func:`gxgk.formats.pdf.is_pdf`, so ``sniff`` and ``parse`` never disagree on a PDF."""
    from .pdf import is_pdf  # no pdfminer: _pdf imports it only to read a PDF

    return is_pdf(data)


def _is_bmp(data: bytes) -> bool:
    """``BM``, two reserved zero words, and a pixel offset past the 14-byte file header.

    ``BM`` alone is two letters a text can start with ("BMW …"); the reserved
    words are zero and the offset small in every real bitmap.
    """
    if len(data) < 26 or not data.startswith(b"BM") or data[6:10] != bytes(4):
        return False
    offset = int.from_bytes(data[10:14], "little")
    header = int.from_bytes(data[14:18], "little")
    return 26 <= offset < 1 << 24 and header in (12, 40, 52, 56, 64, 108, 124)


def _zip_kind(data: bytes) -> str:
    names = _zip_names(data)
    if names is None:  # a damaged archive: its local headers still name its parts, uncompressed
        names = {name.decode() for name in (b"word/document.xml", b"xl/workbook.xml", b"OFD.xml") if name in data}
    if MAIN_DOCUMENT in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names or "ofd.xml" in names:
        return "ofd"
    return "zip"


def _zip_names(data: bytes) -> set[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except Exception:  # sniff() runs on any bytes parse() is given: a hostile archive must not raise
        return None


def is_docx(data: bytes) -> bool:
    """True for a ZIP archive that holds ``word/document.xml`` (a Word ``.docx``, ``.docm`` or ``.dotx``).

    >>> is_docx(zip_of({"word/document.xml": "<w:document/>"})), is_docx(zip_of({"xl/workbook.xml": ""}))
    (True, False)
    >>> is_docx(b"PK\\x03\\x04 not really a zip"), is_docx("规章 | 1 |".encode())
    (False, False)
    """
    if not data.startswith(ZIP_MAGIC):
        return False
    names = _zip_names(data)
    return names is not None and MAIN_DOCUMENT in names
