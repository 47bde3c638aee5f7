"""Word's automatic list numbers (一、 / （一） / 1.) as the text would print them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, NamedTuple
from xml.etree import ElementTree as ET

__all__ = ["Numbering", "int_or", "namespace_of", "val_of"]


def namespace_of(tag: str) -> str:
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def val_of(element: ET.Element, path: str, w: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(f"{w}val")


def int_or(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Level(NamedTuple):
    start: int
    format: str
    text: str
    suffix: str
    legal: bool


_CHINESE_DIGITS: Final = "零一二三四五六七八九"
_LEGAL_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES: Final = "子丑寅卯辰巳午未申酉戌亥"


_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese(number: int, digits: str = _CHINESE_DIGITS, units: str = "十百千") -> str:
    """一, 十, 十一, 二十三, 一百零五 … (Word's chineseCounting); other numbers in digits.

    >>> [_chinese(n) for n in (1, 10, 11, 23, 105, 110)], _chinese(12, _LEGAL_DIGITS, "拾佰仟")
    (['一', '十', '十一', '二十三', '一百零五', '一百一十'], '壹拾贰')
    """
    if not 0 < number < 10000:
        return str(number)
    out = ""
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = number // power % 10
        if digit:
            out += (digits[0] if zero else "") + digits[digit] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if 10 <= number < 20 and digits == _CHINESE_DIGITS else out


def _letters(number: int) -> str:
    return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1) if number > 0 else str(number)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


def _enclosed(base: int, last: int) -> Callable[[int], str]:
    return lambda n: chr(base + n - 1) if 1 <= n <= last else str(n)


_FORMATS: Final[dict[str, Callable[[int], str]]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "ideographDigital": lambda n: "".join(_CHINESE_DIGITS[int(c)] for c in str(n)),
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL_DIGITS, "拾佰仟"),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12],
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),
    "ideographLegalTraditional": lambda n: _chinese(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
}


class Numbering:
    """Word's automatic numbering: the ``一、`` that ``numbering.xml`` adds in front of a paragraph.

    Counters are kept per list (an ``abstractNum``; a ``num`` that restarts
    with ``startOverride`` gets its own), a level restarts when a level above
    it advances, as Word does by default.  Bullets and unknown formats write
    nothing: a bullet is not a numeral the parser looks for.
    """

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None) -> None:
        self.lists: dict[str, tuple[str, dict[int, _Level]]] = {}  # numId → (counter key, levels)
        self.style_numbers: dict[str, tuple[str | None, int | None, str | None]] = {}  # id → numId, ilvl, basedOn
        self.counters: dict[str, list[int]] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: ET.Element) -> None:
        w = namespace_of(root.tag)
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in root.iter(f"{w}abstractNum"):
            levels: dict[int, _Level] = {}
            for level in definition.iter(f"{w}lvl"):
                levels[int_or(level.get(f"{w}ilvl"), 0)] = _Level(
                    int_or(val_of(level, f"{w}start", w), 1), val_of(level, f"{w}numFmt", w) or "decimal",
                    val_of(level, f"{w}lvlText", w) or "", val_of(level, f"{w}suff", w) or "tab",
                    level.find(f"{w}isLgl") is not None)
            abstract[definition.get(f"{w}abstractNumId", "")] = levels
        for number in root.iter(f"{w}num"):
            number_id = number.get(f"{w}numId", "")
            abstract_id = val_of(number, f"{w}abstractNumId", w) or ""
            levels = dict(abstract.get(abstract_id, {}))
            key = f"a{abstract_id}"
            for override in number.iter(f"{w}lvlOverride"):
                index = int_or(override.get(f"{w}ilvl"), 0)
                start = val_of(override, f"{w}startOverride", w)
                if start is not None and index in levels:
                    levels[index] = levels[index]._replace(start=int_or(start, 1))
                    key = f"n{number_id}"
            self.lists[number_id] = (key, levels)

    def _read_styles(self, root: ET.Element) -> None:
        w = namespace_of(root.tag)
        for style in root.iter(f"{w}style"):
            number = style.find(f"{w}pPr/{w}numPr")
            number_id = None if number is None else val_of(number, f"{w}numId", w)
            level = None if number is None else val_of(number, f"{w}ilvl", w)
            self.style_numbers[style.get(f"{w}styleId", "")] = (
                number_id, None if level is None else int_or(level, 0), val_of(style, f"{w}basedOn", w))

    def label(self, properties: ET.Element | None, w: str) -> str:
        """The number written before a paragraph with these ``w:pPr`` ("" for none), counting it."""
        if properties is None or not (self.lists or self.style_numbers):
            return ""
        number = properties.find(f"{w}numPr")
        number_id = None if number is None else val_of(number, f"{w}numId", w)
        level = None if number is None else val_of(number, f"{w}ilvl", w)
        style = val_of(properties, f"{w}pStyle", w)
        seen = 0
        while number_id is None and style is not None and seen < 20:  # the style's, or a base style's
            number_id, style_level, style = self.style_numbers.get(style, (None, None, None))
            level = level if level is not None or style_level is None else str(style_level)
            seen += 1
        if number_id is None or number_id not in self.lists:
            return ""
        key, levels = self.lists[number_id]
        index = min(max(int_or(level, 0), 0), 8)
        if index not in levels:
            return ""
        counters = self.counters.setdefault(key, [])
        while len(counters) <= index:
            depth = len(counters)
            counters.append(levels[depth].start - 1 if depth in levels else 0)
        counters[index] += 1
        for deeper in range(index + 1, len(counters)):
            counters[deeper] = levels[deeper].start - 1 if deeper in levels else 0
        this = levels[index]
        if this.format in ("bullet", "none") or this.format not in _FORMATS:
            return ""

        def numeral(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            if at >= len(counters) or at not in levels:
                return ""
            value = max(counters[at], levels[at].start)
            style_of = "decimal" if this.legal and at < index else levels[at].format
            return _FORMATS.get(style_of, str)(value)

        text = _PLACEHOLDER.sub(numeral, this.text)
        return text + (" " if text and this.suffix != "nothing" else "")
