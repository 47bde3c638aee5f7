"""Sections 一, 五 and 六: the text between two headings, as printed, without page furniture."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import (
    Diagnostic,
    Narrative,
    Provenance,
    Severity,
)
from .rows import Source
from .sections import Heading, section_span

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


def _narratives(original: str, text: str, source: Source, headings: Sequence[Heading],
                diagnostics: list[Diagnostic]) -> tuple[Narrative | None, Narrative | None, Narrative | None]:
    """Sections 一, 五 and 六 (a note for each whose heading is not found)."""
    found: list[Narrative | None] = []
    for section in (1, 5, 6):
        span = section_span(headings, section, len(text))
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
