"""Cell text → typed value.

Counts are ``int``; 本年增/减 changes are signed ``int`` ("减37", "增160",
"+2", "-1"); amounts are ``Decimal`` in 万元 ("19379.18万元", "7700万",
"251000元" → 25.1).  Blank markers ("", "/", "—", "无", "不涉及") are
``None``, never 0.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

from .._lazy import LazyRegex
from ..template.spec import ValueKind

__all__ = ["BLANK_MARKERS", "SMALL_COUNTS", "CellError", "parse_value"]

BLANK_MARKERS: Final = frozenset({"", "/", "\\", "-", "--", "---", "—", "——", "–", "―", "~", "无", "不涉及", "空",
                                  "NA", "N/A"})

#: Units a value may carry ("10件", "7700万", "251000元"); the tokenizer and the
#: glued-digit splitter use the same lists, so a value means one thing everywhere.
UNITS: Final = r"万元|万|元|件|条|个|项|人次|次|份|宗"
#: The money units, the only ones that stay glued to a run of digits ("…432.52元").
MONEY_UNITS: Final = r"万元|万|元"

# sign, digits (maybe with thousands separators), decimals, unit
_NUMBER = LazyRegex(
    rf"""(?x)
    (?P<sign>[+\-]|增加|减少|增|减)?+
    (?P<digits>\d{{1,3}}+(?:,\d{{3}})++|\d++)
    (?P<decimals>\.\d++)?+
    (?P<unit>{UNITS})?+
    """
)
#: The counts most cells hold, as printed → their value: read without the value grammar on hot paths.
SMALL_COUNTS: Final = {str(number): number for number in range(1000)}
_NEGATIVE: Final = frozenset({"-", "减", "减少"})
_TEN_THOUSAND: Final = Decimal(10000)


class CellError(ValueError):
    """A cell's text does not read as a value of its column's kind."""


def parse_value(raw: str, kind: ValueKind) -> int | Decimal | None:
    """Read ``raw`` as a value of ``kind``; raise :class:`CellError` if it is not one.

    >>> parse_value("减37", ValueKind.DELTA)
    -37
    >>> parse_value("251000元", ValueKind.AMOUNT)
    Decimal('25.1')
    >>> parse_value("—", ValueKind.COUNT) is None
    True
    """
    if raw.isdigit() and raw.isascii():  # the common case: a plain count
        if kind is ValueKind.AMOUNT:
            return Decimal(raw)
        return int(raw)
    text = raw.strip()
    if text in BLANK_MARKERS:
        return None
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise CellError(f"{raw!r} is not a number")
    sign, digits, decimals, unit = match.group("sign", "digits", "decimals", "unit")
    digits = digits.replace(",", "")
    if kind is ValueKind.AMOUNT:
        if sign:
            raise CellError(f"{raw!r}: an amount has no sign")
        return _amount(digits + (decimals or ""), unit, raw)
    if decimals:
        raise CellError(f"{raw!r}: a count has no decimals")
    if unit in ("万元", "万", "元"):
        raise CellError(f"{raw!r}: a count has no money unit")
    if kind is ValueKind.COUNT:
        if sign:
            raise CellError(f"{raw!r}: a count has no sign")
        return int(digits)
    return -int(digits) if sign in _NEGATIVE else int(digits)


def _amount(number: str, unit: str | None, raw: str) -> Decimal:
    try:
        value = Decimal(number)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise CellError(f"{raw!r} is not an amount") from exc
    if unit == "元":
        value = value / _TEN_THOUSAND
    elif unit not in (None, "万元", "万"):
        raise CellError(f"{raw!r}: {unit} is not a money unit")
    return value


def format_amount(value: Decimal) -> str:
    """An amount as plain decimal text, never in exponent form.

    >>> format_amount(Decimal("25.1"))
    '25.1'
    >>> format_amount(Decimal("7700"))
    '7700'
    """
    return format(value, "f")
