"""Cell text → typed values: counts, signed changes, amounts in 万元, blanks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gxgk.read.values import CellError, parse_value
from gxgk.template.spec import ValueKind


@pytest.mark.parametrize(("raw", "kind", "value"), [
    ("0", ValueKind.COUNT, 0),
    ("1,234", ValueKind.COUNT, 1234),
    ("10件", ValueKind.COUNT, 10),
    ("减37", ValueKind.DELTA, -37),
    ("增160", ValueKind.DELTA, 160),
    ("+2", ValueKind.DELTA, 2),
    ("-1", ValueKind.DELTA, -1),
    ("-18", ValueKind.DELTA, -18),
    ("19379.18万元", ValueKind.AMOUNT, Decimal("19379.18")),
    ("7700万", ValueKind.AMOUNT, Decimal("7700")),
    ("251000元", ValueKind.AMOUNT, Decimal("25.1")),
    ("73802895.90元", ValueKind.AMOUNT, Decimal("7380.28959")),
    ("44.48", ValueKind.AMOUNT, Decimal("44.48")),
])
def test_values_are_read_as_printed(raw: str, kind: ValueKind, value: object) -> None:
    assert parse_value(raw, kind) == value


@pytest.mark.parametrize("raw", ["", "/", "—", "--", "-", "无", "不涉及"])
@pytest.mark.parametrize("kind", list(ValueKind))
def test_blank_markers_are_none_never_zero(raw: str, kind: ValueKind) -> None:
    assert parse_value(raw, kind) is None


@pytest.mark.parametrize(("raw", "kind"), [
    ("-3", ValueKind.COUNT),
    ("1.5", ValueKind.COUNT),
    ("5万元", ValueKind.COUNT),
    ("+5", ValueKind.AMOUNT),
    ("abc", ValueKind.COUNT),
])
def test_values_of_the_wrong_kind_are_errors(raw: str, kind: ValueKind) -> None:
    with pytest.raises(CellError):
        parse_value(raw, kind)


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_signed_changes_round_trip(n: int) -> None:
    assert parse_value(f"{n:+d}" if n else "0", ValueKind.DELTA) == n
    assert parse_value(("减" if n < 0 else "增") + str(abs(n)), ValueKind.DELTA) == n
