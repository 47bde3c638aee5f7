"""Hostile input (issue 8): ``parse`` never raises, never hangs, never invents tables.

Arbitrary text and bytes, and seed reports with random cuts, insertions and
byte flips, must come back as a :class:`gxgk.Report`, the same one (and the
same diagnostics, in the same order) every time, without touching the input.
Inputs that once crashed or hung live in ``tests/data/hostile/``; each must
parse within ``HOSTILE_SECONDS``.  Throughput on large adversarial inputs is
measured by ``benchmarks/bench.py``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gxgk

DATA = Path(__file__).resolve().parent / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
SEED_BYTES = [path.read_bytes() for path in SEEDS]
HOSTILE_FILES = sorted(path for path in (DATA / "hostile").glob("*") if path.is_file())
HOSTILE_SECONDS = 1.0

#: Words a report's tables are recognised by; text without any of them cannot be on a template.
TABLE_WORDS = ("第二十条", "信息内容", "申请人情况", "本年新收", "予以公开", "结转下年度", "行政复议", "行政诉讼",
               "统计表", "主动公开", "依申请")

#: Units of the large adversarial inputs that parse fast enough to run at 300 KB in the suite.
#: (Runs of "|" and "| " are quadratic today: see tests/data/hostile/ and benchmarks/bench.py.)
HOSTILE_UNITS = {
    "digits": "7",
    "row_label": "一、本年新收政府信息公开申请数量 ",
    "zero_cells": "0 | ",
    "newlines": "\n",
    "unclosed_html": "<table><tr><td>",
    "tabs": "\t",
}

slow_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(source: str | bytes) -> gxgk.Report:
    """Parse twice; assert a Report, the same both times (diagnostics in the same order)."""
    first = gxgk.parse(source)
    assert isinstance(first, gxgk.Report)
    second = gxgk.parse(source)
    assert gxgk.to_dict(first) == gxgk.to_dict(second)
    assert first.diagnostics == second.diagnostics
    return first


def no_tables(report: gxgk.Report) -> None:
    assert report.template.value == "none", gxgk.to_dict(report)


@given(st.text())
def test_arbitrary_text(text: str) -> None:
    report = check(text)
    if not any(word in text for word in TABLE_WORDS):
        no_tables(report)


@given(st.binary())
def test_arbitrary_bytes(data: bytes) -> None:
    no_tables(check(data))


@given(st.binary())
def test_bytearray_input_is_not_mutated(data: bytes) -> None:
    buffer = bytearray(data)
    report = gxgk.parse(cast(bytes, buffer))
    assert isinstance(report, gxgk.Report)
    assert bytes(buffer) == data
    assert gxgk.to_dict(report) == gxgk.to_dict(gxgk.parse(data))


@given(st.sampled_from([None, 1, 1.5, ["一、总体情况"], {"a": 1}, object()]))
def test_other_types_raise_type_error(value: Any) -> None:
    with pytest.raises(TypeError):
        gxgk.parse(value)


@st.composite
def mutated_seeds(draw: st.DrawFn) -> bytes:
    """A seed report with a few random cuts, insertions and byte flips."""
    data = bytearray(draw(st.sampled_from(SEED_BYTES)))
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["cut", "insert", "flip"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if operation == "cut":
            del data[at : at + draw(st.integers(1, 2000))]
        elif operation == "insert":
            data[at:at] = draw(st.one_of(st.binary(max_size=64), st.text(max_size=32).map(str.encode),
                                         st.sampled_from(SEED_BYTES).map(lambda s: s[: len(s) // 3])))
        elif data:
            data[at] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


@slow_settings
@given(mutated_seeds())
def test_mutated_seed_bytes(data: bytes) -> None:
    buffer = bytearray(data)
    check(cast(bytes, buffer))
    assert bytes(buffer) == data


@slow_settings
@given(mutated_seeds())
def test_mutated_seed_text(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    copy = str(text)
    check(text)
    assert text == copy


@pytest.mark.parametrize("seed", SEEDS, ids=[path.stem for path in SEEDS])
def test_seed_is_deterministic(seed: Path) -> None:
    report = check(seed.read_text(encoding="utf-8"))
    assert report.template.value != "none"


@pytest.mark.parametrize("unit", HOSTILE_UNITS.values(), ids=list(HOSTILE_UNITS))
def test_large_hostile_input_returns_report(unit: str) -> None:
    text = unit * (300_000 // len(unit.encode()) + 1)
    report = gxgk.parse(text)
    assert isinstance(report, gxgk.Report)
    if unit != HOSTILE_UNITS["row_label"]:
        no_tables(report)


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=[path.name for path in HOSTILE_FILES])
def test_hostile_regression(path: Path) -> None:
    """Every saved input that once crashed, hung or invented tables parses fast (``.txt`` as text, else bytes)."""
    source: str | bytes = path.read_text(encoding="utf-8") if path.suffix == ".txt" else path.read_bytes()
    start = time.perf_counter()
    report = gxgk.parse(source)
    elapsed = time.perf_counter() - start
    assert isinstance(report, gxgk.Report)
    assert elapsed < HOSTILE_SECONDS, f"{path.name}: {elapsed:.2f} s"
