"""``parse``: source → :class:`Report`, in one direction.

decode → normalise → tokens → segments → headings → template → readers →
narratives and metadata.  Everything odd becomes a :class:`Diagnostic`; the
only exception that escapes is ``TypeError`` for an argument that is neither
``str`` nor ``bytes``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import regex

from ._cells import VALUE, Segment, segments, tokenize
from ._decode import decode
from ._meta import read_meta
from ._model import Diagnostic, Narrative, Provenance, Report, Severity
from ._normalize import normalize
from ._read import Source, read_appeals, read_disclosure, read_requests
from ._sections import Heading, find_headings
from ._template import PRE_2019_MARKERS, TEMPLATE_MARKERS, Template

__all__ = ["parse"]

#: Inputs longer than this are cut (with a diagnostic) so memory stays bounded.
MAX_CHARS: Final = 50_000_000

_CHROME = regex.compile(
    r"^(?:扫一扫|上一篇|下一篇|关闭(?:窗口|本页)?$|打印(?:本页)?$|【打印】|责任编辑|用户登录|还没有账号|立即注册|"
    r"附件[:：]?$|分享到|当前位置|您当前的位置|浏览次数|字号|【字体|收藏|返回顶部)"
)
_SUBHEADING = regex.compile(
    r"^\s*(?:\([一二三四五六七八九十]{1,3}\)|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))"
    r"[^。\n]{1,30}?(?=[。:：]|$)",
    regex.MULTILINE,
)


def parse(source: str | bytes) -> Report:
    """Parse an annual report given as text or bytes.

    Bytes are decoded (UTF-8, UTF-8 with BOM, GB18030/GBK).  Whatever could not
    be read, or had to be guessed, is listed in :attr:`Report.diagnostics`;
    nothing odd in the content raises.

    >>> report = parse("二、主动公开政府信息情况\\n...")
    >>> report.template
    <Template.NONE: 'none'>

    .. versionadded:: 0.1
    """
    diagnostics: list[Diagnostic] = []
    if isinstance(source, (bytes, bytearray, memoryview)):
        original, _encoding, lossy = decode(bytes(source))
        if lossy:
            diagnostics.append(Diagnostic("P-decode", "the bytes are not valid UTF-8 or GB18030; undecodable "
                                          "bytes were replaced", Severity.WARNING))
    elif isinstance(source, str):
        original = source
    else:
        raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    if len(original) > MAX_CHARS:
        diagnostics.append(Diagnostic("P-too-large", f"the input has {len(original)} characters; only the first "
                                      f"{MAX_CHARS} were read", Severity.WARNING))
        original = original[:MAX_CHARS]
    return _parse_text(original, diagnostics)


def _parse_text(original: str, diagnostics: list[Diagnostic]) -> Report:
    text = normalize(original)
    source = Source(text, _line_starts(text))
    segs = segments(text, tokenize(text))
    headings = find_headings(text)
    template, template_notes = _detect_template(text)
    diagnostics += template_notes
    report_kwargs: dict[str, object] = {}
    if template is not Template.NONE:
        for name, section, read in (
            ("disclosure", 2, lambda s: read_disclosure(template, source, s)),
            ("requests", 3, lambda s: read_requests(template, source, s)),
            ("appeals", 4, lambda s: read_appeals(source, s)),
        ):
            value, notes = _read_in_section(read, segs, headings, section, len(text))
            diagnostics += notes
            report_kwargs[name] = value
            if value is None:
                diagnostics.append(Diagnostic("H6-table", f"table {'二三四'[section - 2]} not found",
                                              Severity.WARNING))
    first_value = next((t.start for s in segs for t in s.values if t.kind == VALUE), len(text))
    body_start = min(headings[0].start, first_value) if headings else first_value
    meta = read_meta(original, text, body_start)
    if template is Template.NONE:
        meta_year = meta.year
        diagnostics.append(_not_on_template(text, meta_year))
    narratives, narrative_notes = _narratives(original, text, source, headings)
    diagnostics += narrative_notes
    return Report(template=template, meta=meta, diagnostics=tuple(diagnostics),
                  **narratives, **report_kwargs)  # type: ignore[arg-type]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    index = find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = find("\n", index + 1)
    return starts


def _section_span(headings: Sequence[Heading], section: int, size: int) -> tuple[int, int] | None:
    for index, heading in enumerate(headings):
        if heading.section == section:
            end = headings[index + 1].start if index + 1 < len(headings) else size
            return heading.end, end
    return None


_Reader = Callable[[Sequence[Segment]], tuple[object, list[Diagnostic]]]


def _read_in_section(read: _Reader, segs: Sequence[Segment], headings: Sequence[Heading], section: int,
                     size: int) -> tuple[object, list[Diagnostic]]:
    """Read a table inside its section's span; fall back on the whole text."""
    span = _section_span(headings, section, size)
    if span is not None:
        inside = [s for s in segs if span[0] <= s.values[0].start < span[1]]
        value, notes = read(inside)
        if value is not None:
            return value, notes
    value, notes = read(segs)
    if value is not None and span is None:
        notes = [*notes, Diagnostic("P-heading", f"section {'一二三四五六'[section - 1]}'s heading not found; "
                                    "its table was found by its labels", Severity.INFO)]
    return value, notes


def _detect_template(text: str) -> tuple[Template, list[Diagnostic]]:
    """The template whose marker words the text uses most; none without any."""
    counts = {template: sum(marker in text for marker in markers) for template, markers in TEMPLATE_MARKERS.items()}
    best = max(counts, key=lambda t: counts[t])
    other = Template.V2021 if best is Template.V2019 else Template.V2019
    if counts[best] == 0:
        return Template.NONE, []
    notes: list[Diagnostic] = []
    if counts[best] == counts[other]:
        notes.append(Diagnostic("P-template", f"the text has as many 2019 as 2021 template words ({counts[best]}); "
                                "read as 2021", Severity.WARNING))
        best = Template.V2021
    elif counts[other]:
        notes.append(Diagnostic("P-template", f"template {best.value} chosen ({counts[best]} marker words against "
                                f"{counts[other]})", Severity.INFO))
    return best, notes


def _not_on_template(text: str, year: int | None) -> Diagnostic:
    if any(marker in text for marker in PRE_2019_MARKERS) or (year is not None and year < 2019):
        why = "it looks like a report in the format used before 2019"
    else:
        why = "none of the official templates' table words appear in it"
    return Diagnostic("P-not-a-report", f"not on an official template: {why}; no tables were read", Severity.WARNING)


def _narratives(original: str, text: str, source: Source, headings: Sequence[Heading]
                ) -> tuple[dict[str, Narrative | None], list[Diagnostic]]:
    result: dict[str, Narrative | None] = {}
    notes: list[Diagnostic] = []
    for name, section in (("overview", 1), ("problems", 5), ("other_matters", 6)):
        span = _section_span(headings, section, len(text))
        if span is None:
            result[name] = None
            notes.append(Diagnostic("P-heading", f"section {'一二三四五六'[section - 1]}'s heading not found; "
                                    "its text is not separated", Severity.INFO))
            continue
        result[name] = _narrative(original, text, source, *span)
    return result, notes


def _narrative(original: str, text: str, source: Source, start: int, end: int) -> Narrative:
    """The text between two headings, as printed, without page chrome or blank lines.

    Lines are cut at the normalised text's line breaks and sliced from the
    original at the same offsets (normalisation keeps every offset).
    """
    lines = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        line = original[line_start:line_end].strip()
        if line and not _CHROME.match(text[line_start:line_end].strip()):
            lines.append(line)
        line_start = line_end + 1
    body = "\n".join(lines)
    headings = tuple(m.group().strip() for m in _SUBHEADING.finditer(body))
    prov = Provenance(start, end, source.line_of(start), original[start:end])
    return Narrative(body, headings, prov)
