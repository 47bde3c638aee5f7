"""Bytes to text: BOMs, UTF-8, GB18030 (a superset of GBK and GB2312).

Government sites still serve GBK pages, and crawlers save them as they came.
The decoder tries the strict decodings in order of how much evidence they
need; the first that succeeds wins.  Only when none does is the text decoded
with replacement characters, and the caller is told so.
"""

from __future__ import annotations

import codecs

from .._lazy import LazyRegex

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="gbk"> or <meta http-equiv=... content="text/html; charset=gb2312">
_META_CHARSET = LazyRegex(rb"""(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""")


def _declared(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, cut: bool = False) -> tuple[str, str, bool]:
    """Decode ``data``; return the text, the encoding used and whether it was lossy.

    ``cut`` says the bytes were cut from a longer input: a character the cut
    split at the end is then dropped, not counted as an undecodable byte.

    >>> decode("报告".encode("gbk"))[:2]
    ('报告', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "报告".encode())[:2]
    ('报告', 'utf-8-sig')
    >>> decode("报告".encode()[:5], cut=True)[:2]
    ('报', 'utf-8')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _strict(data, encoding, cut), encoding, False
            except UnicodeDecodeError:
                break
    candidates = ["utf-8", "gb18030"]
    declared = _declared(data)
    if declared is not None and declared not in candidates:
        candidates.insert(0, declared)
    elif declared == "gb18030":
        candidates.reverse()
    for encoding in candidates:
        try:
            return _strict(data, encoding, cut), encoding, False
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace"), "utf-8", True


def _strict(data: bytes, encoding: str, cut: bool) -> str:
    if not cut:
        return data.decode(encoding)
    # An incremental decoder keeps an incomplete last character back instead of failing on it.
    return codecs.getincrementaldecoder(encoding)().decode(data, final=False)
