"""Compare a parsed report with hand-checked expected values (tests/data/expected format).

Labels are matched as the shared scorer matches them: numbering, asides in
brackets, punctuation and spaces ignored, section 三 rows by their own label.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import gxgk

SEC3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
SEC4_ROWS = ["行政复议", "未经复议直接起诉", "复议后起诉"]
SEC4_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.、．])\s*"
)
_ASIDE = re.compile(r"[（(][^（）()]*[)）]")
_NOISE = re.compile(r"[^\w]|_")


def norm(label: str | None) -> str:
    text = unicodedata.normalize("NFKC", label or "").split(" / ")[-1]
    for _ in range(3):
        text = _NUMBERING.sub("", text)
    return _NOISE.sub("", _ASIDE.sub("", text))


def expected_cells(expected: dict[str, Any]) -> Iterator[tuple[int, str, int, object]]:
    """(section, row, column index within the row, value) for every expected cell."""
    for _item, row, values in expected.get("sec2", []):
        for index, value in enumerate(values):
            yield 2, row, index, value
    for row, values in (expected.get("sec3") or {}).items():
        for index, value in enumerate(values):
            yield 3, row, index, value
    for index, value in enumerate(expected.get("sec4") or []):
        yield 4, SEC4_ROWS[index // 5], index % 5, value


def same(got: object, want: object) -> bool:
    if want is None or got is None:
        return got is want
    return Decimal(str(got)) == Decimal(str(want))


def compare(report: gxgk.Report, expected: dict[str, Any]) -> list[str]:
    """Every difference between ``report`` and ``expected``, as readable lines."""
    rows: dict[tuple[int, str], list[object]] = {}
    for record in gxgk.to_records(report):
        rows.setdefault((record.section, norm(record.row)), []).append(record.value)
    problems = []
    for section, row, index, want in expected_cells(expected):
        got = rows.get((section, norm(row)))
        if got is None or index >= len(got):
            problems.append(f"{section}|{row}|{index}: missing, want {want!r}")
        elif not same(got[index], want):
            problems.append(f"{section}|{row}|{index}: got {got[index]!r}, want {want!r}")
    if report.template.value != expected["template"]:
        problems.append(f"template {report.template.value}, want {expected['template']}")
    if report.meta.year != expected["year"]:
        problems.append(f"year {report.meta.year}, want {expected['year']}")
    if expected.get("title") is not None and norm(report.meta.title) != norm(expected["title"]):
        problems.append(f"title {report.meta.title!r}, want {expected['title']!r}")
    return problems


def load(path: Path) -> tuple[bytes, dict[str, Any]]:
    expected = json.loads(path.read_text(encoding="utf-8"))
    for folder in (path.parent, path.parent.parent / "seeds", path.parent.parent / "corpus"):
        if (folder / expected["source"]).exists():
            return (folder / expected["source"]).read_bytes(), expected
    raise FileNotFoundError(expected["source"])
