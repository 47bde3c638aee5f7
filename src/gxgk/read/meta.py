"""Metadata: title, year, organ, and the page's 索引号 / 文号 / dates block.

Pages carry metadata in many shapes ("索引号: | X | 发布机构: | |",
"文号 礼政办字〔2020〕11号 发布机构 其他", "标题: …" from crawlers); a field's
value is whatever follows its key up to the next key, a cell border or the end
of the line.  The title is the first short line before the body that names a
政府信息公开 report; the year comes from the title, else from the body's own
statement of the period, else from the date of publication.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from .._lazy import LazyRegex
from ..model import Meta
from .normalize import normalize

__all__ = ["read_meta"]

#: Metadata keys and the :class:`Meta` field each fills.
_FIELDS: Final = {
    "标题": "title",
    "索引号": "index_number",
    "文号": "document_number",
    "发文字号": "document_number",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "成文日期": "written_date",
    "发布日期": "published_date",
    "公开日期": "published_date",
    "发布时间": "published_date",
    "原文链接": "url",
    "来源链接": "url",
}
_OTHER_KEYS: Final = ("主题分类", "所属主题", "有效性", "废止日期", "主题词", "栏目", "来源", "更新时间", "信息来源",
                      "分类", "体裁分类", "公文种类", "生成日期", "本地目录")
_KEY_ALTERNATION: Final = "|".join(sorted((*_FIELDS, *_OTHER_KEYS), key=len, reverse=True))
# A key with an optional colon.  It counts only at a line start or after a
# separator (checked in :func:`_keys`): the pattern starts with the keys'
# first characters, so the engine skips to candidates in C.
_KEY = re.compile(rf"(?P<key>{_KEY_ALTERNATION})[ \t]*+:?+[ \t]*+\|?+")
_VALUE_END = re.compile(r"[|\n]")
#: How much of the text's head is searched for the metadata block and title.
_HEAD: Final = 6000

_DATE = LazyRegex(r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})")
_YEAR_IN_TITLE = LazyRegex(r"(?<!\d)(?P<y>20\d{2}|19\d{2})\s*年")
_REPORT_YEAR = LazyRegex(
    r"(?<!\d)(?P<y>20\d{2})\s*年度?[^，。,\n]{0,24}?(?:政府信息公开|政务公开|信息公开)[^，。,\n]{0,12}?报告")
# A statistics period; its 年 may be lost ("20211月1日").
_PERIOD_YEAR = LazyRegex(
    r"(?:统计期限|统计时限|统计期间|统计区间|数据统计)[^。\n]{0,12}?(?<!\d)(?P<y>20\d{2})\s*年?\s*1\s*月\s*1\s*日"
    r"|截至\s*(?P<y>20\d{2})\s*年?\s*12\s*月\s*31\s*日",
)
# The year the overview opens with: "2021年，本局…", "2021年以来", "2021年度，…" (not "2019年修订的《条例》").
_BODY_YEAR = LazyRegex(r"(?<!\d)(?P<y>20\d{2})\s*年度?\s*(?:[，,]|以来|全年|[我本])")
#: How far into the body its opening year is looked for.
_BODY_REACH: Final = 300
# A page-header prefix a PDF viewer prints ("Page3-"), and a site's name after a title ("…报告-某某县某某局",
# "…报告_某某市人民政府网").
_PAGE_PREFIX = LazyRegex(r"^(?:Page|第)\s*\d{1,4}\s*页?\s*[-—_:：]\s*")
_SITE_SUFFIX = LazyRegex(r"(?<=报告)\s*[-_—|｜]+[^-_—|｜]{1,40}$")
# The agency a report's first sentence names: "2023年，某某县人民政府办公室坚持…".
_ORGAN_IN_BODY = LazyRegex(
    r"(?:^|[，,。\s])(?P<organ>[\p{Han}（）()]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|管理委员会|办公室|办公厅|"
    r"管理局|局|厅|委|办|中心|办事处|街道|镇|乡|院|署|所))(?:认真|坚持|深入|全面|紧紧|持续|严格|按照|围绕|始终|进一步|"
    r"扎实|积极|以|在|高度|切实|不断|聚焦)"
)
# Words that end an agency's name: a line that ends in one may be the first line of a two-line title.
_ORGAN_END = LazyRegex(r"(?:政府|办公室|办公厅|局|委员会|委|厅|办|中心|办事处|街道|镇|乡|院|署|所|公司|集团)$")
_TITLE_LINE = LazyRegex(r"(?:政府信息公开|政务公开|信息公开)[^。\n]{0,20}?报告|工作要点|的函$|情况的报告$")
# 【2020】 or [2020] before a title, and markdown heading marks (# ** >) left by converters
_BRACKET_PREFIX = LazyRegex(r"^[\s#*>]*+(?:【[^】\n]{0,30}】|\[[^\]\n]{0,30}\])?+[\s#*]*+")
_NOT_TITLE = LazyRegex(
    r"^(?:上一篇|下一篇|相关|附件|来源|当前位置|您当前|首页|现将|根据|按照|本报告|为)|[。，,;；]"
)


def read_meta(original: str, text: str, body_start: int) -> tuple[Meta, str | None]:
    """Metadata from ``text`` (normalised) and ``original`` (as printed), and what decided the year.

    ``body_start`` is where the report body begins (its first heading or
    table); the title is searched before it.  The year's source is
    ``"title"``, ``"report"`` (a sentence naming the year's report),
    ``"period"`` (the statistics period), ``"body"`` (the year the overview
    opens with) or ``"published"`` (the date of publication); ``None`` when
    no year was found.
    """
    fields = _fields(original, text)
    title = fields.pop("title", None)
    title = _title(original, text, body_start) if title is None else _clean_title(str(title))
    published = fields.get("published_date")
    folded = None if title is None else normalize(title)
    year, source = _year(folded, text, body_start, published if isinstance(published, datetime.date) else None)
    organ = (_organ(folded) or (str(fields["publisher"]) if fields.get("publisher") else None)
             or _organ_in_body(text, body_start))
    return Meta(title=title, year=year, organ=organ, index_number=_text(fields, "index_number"),
                document_number=_text(fields, "document_number"), publisher=_text(fields, "publisher"),
                written_date=_day(fields, "written_date"), published_date=_day(fields, "published_date"),
                url=_text(fields, "url")), source


def _text(fields: dict[str, object], name: str) -> str | None:
    value = fields.get(name)
    return value if isinstance(value, str) else None


def _day(fields: dict[str, object], name: str) -> datetime.date | None:
    value = fields.get(name)
    return value if isinstance(value, datetime.date) else None


def _fields(original: str, text: str) -> dict[str, object]:
    head = min(len(text), _HEAD)
    found: dict[str, object] = {}
    keys = _keys(text, head)
    for index, match in enumerate(keys):
        field = _FIELDS.get(match.group("key"))
        if field is None or field in found:
            continue
        end = keys[index + 1].start() if index + 1 < len(keys) else head
        raw = original[match.end() : end]
        value = _VALUE_END.split(raw, maxsplit=1)[0].strip()
        if not value:
            continue
        if field.endswith("_date"):
            date = _date(value)
            if date is not None:
                found[field] = date
        else:
            found[field] = value
    return found


def _keys(text: str, head: int) -> list[re.Match[str]]:
    """The keys in ``text[:head]`` that stand at a line start or after whitespace or a cell border.

    A key that does not (a word inside a sentence) cannot hide one that
    does: what it spans holds no whitespace, and keys start with none.
    """
    return [key for key in _KEY.finditer(text, 0, head)
            if key.start() == 0 or text[key.start() - 1].isspace() or text[key.start() - 1] == "|"]


def _date(value: str) -> datetime.date | None:
    match = _DATE.search(value)
    if match is None:
        return None
    try:
        return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _title(original: str, text: str, body_start: int) -> str | None:
    """The first short line before the body that names the report.

    PDF text often wraps a title over two lines ("淮安市人民政府" /
    "2024 年政府信息公开工作年度报告"); two lines join when neither is a title
    on its own and together they are one.
    """
    lines = _lines(text, min(body_start, _HEAD))
    is_title = bool(lines) and _is_title(text[lines[0][0] : lines[0][1]])
    for index, (start, end) in enumerate(lines):
        if is_title:
            if index and _organ_line(text, *lines[index - 1]) and _organ(_clean_title(text[start:end])) is None:
                return _clean_title(original[lines[index - 1][0] : end])  # "某某市人民政府" / "2023年…报告"
            return _clean_title(original[start:end])
        if index + 1 < len(lines):
            next_start, next_end = lines[index + 1]
            is_title = _is_title(text[next_start:next_end])
            if not is_title and len(text[start:end].strip()) <= 40 and _is_title(text[start:next_end]):
                return _clean_title(original[start:next_end])
    return None


def _organ_line(text: str, start: int, end: int) -> bool:
    """Whether a line is an agency's name alone: the first line of a title printed on two lines."""
    line = "".join(text[start:end].split())
    return 2 <= len(line) <= 30 and not any(char.isdigit() for char in line) and _ORGAN_END.search(line) is not None


def _is_title(line: str) -> bool:
    joined = "".join(line.split())
    if "报告" not in joined and "工作要点" not in joined and "的函" not in joined:
        return False  # none of _TITLE_LINE's words: the common case, decided without a regex
    joined = _BRACKET_PREFIX.sub("", joined)
    return (6 <= len(joined) <= 60 and "|" not in joined and ":" not in joined
            and _TITLE_LINE.search(joined) is not None and _NOT_TITLE.search(joined) is None)


def _lines(text: str, limit: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = 0
    while start < limit:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            lines.append((start, end))
        start = end + 1
    return lines


def _clean_title(raw: str) -> str:
    """The title without spaces, 【…】 prefixes, a viewer's "Page3-" or a site's name after it."""
    title = str(_BRACKET_PREFIX.sub("", "".join(raw.split())))
    return str(_SITE_SUFFIX.sub("", _PAGE_PREFIX.sub("", title)))


def _year(title: str | None, text: str, body_start: int, published: datetime.date | None
          ) -> tuple[int | None, str | None]:
    """The year reported on, and what decided it: the title wins over the body."""
    if title:
        match = _YEAR_IN_TITLE.search(title)
        if match:
            return int(match["y"]), "title"
    for pattern, source in ((_REPORT_YEAR, "report"), (_PERIOD_YEAR, "period")):
        match = pattern.search(text)
        if match:
            return int(match["y"]), source
    match = _BODY_YEAR.search(text, body_start, body_start + _BODY_REACH)
    if match:
        return int(match["y"]), "body"
    if published is not None:
        return (published.year - 1 if published.month <= 6 else published.year), "published"
    return None, None


def _organ_in_body(text: str, body_start: int) -> str | None:
    """The agency the body's first sentences name ("2023年，某某县司法局坚持…"); not "我局" or "本机关"."""
    match = _ORGAN_IN_BODY.search(text, body_start, body_start + _BODY_REACH)
    if match is None:
        return None
    organ = match["organ"].removeprefix("一、总体情况").removeprefix("总体情况")
    return None if organ[:1] in "我本该" or len(organ) < 3 else organ


def _organ(title: str | None) -> str | None:
    """The agency a title names: the text before its year, or else after it.

    >>> _organ("礼泉县2019年政府信息公开年度工作的报告"), _organ("2019年上海市人民政府办公厅政府信息公开工作年度报告")
    ('礼泉县', '上海市人民政府办公厅')
    """
    if not title:
        return None
    match = _YEAR_IN_TITLE.search(title)
    if match is None:  # "某某局政府信息公开工作年度报告": the agency stands before the report's name
        named = re.search(r"政府信息公开|政务公开|信息公开", title)
        before = title[: named.start()] if named else ""
        return None if not before or before.startswith("关于") else before
    before = title[: match.start()].strip().removeprefix("关于")  # "关于2014年…的函" names no agency
    if before:
        return before
    if title.startswith("关于"):
        return None
    after = title[match.end() :].removeprefix("度")
    cut = re.search(r"政府信息公开|政务公开|信息公开", after)
    return (after[: cut.start()] if cut else "") or None
