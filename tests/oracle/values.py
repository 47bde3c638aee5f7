"""TRUE values for the oracle's reports, drawn from a :class:`Source`.

A :class:`Source` is either hypothesis (``HypothesisSource``, shrinkable, used by the tests) or a
seeded ``random.Random`` (``RandomSource``, used by the long run): the generators below are written
once against it.  :func:`truths` is the hypothesis strategy.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NamedTuple, Protocol, TypeVar

from hypothesis import strategies as st

from tests.oracle.labels import (
    APPEAL_BLOCKS,
    APPEAL_RESULTS,
    DISCLOSURE,
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    TEMPLATES,
    TemplateName,
)

T = TypeVar("T")
Value = int | Decimal | None
Mode = Literal["exact", "errors", "free"]
MODES: tuple[Mode, ...] = ("exact", "errors", "free")


class CellKey(NamedTuple):
    """A cell as ``gxgk.to_records`` names it."""

    section: int
    item: str | None
    row: str
    column: str


class Source(Protocol):
    """Where random choices come from."""

    def integer(self, lo: int, hi: int) -> int: ...

    def choice(self, options: Sequence[T]) -> T: ...

    def chance(self, percent: int) -> bool: ...


class RandomSource:
    """A seeded ``random.Random``: deterministic cases for the long run."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def chance(self, percent: int) -> bool:
        return self.rng.randrange(100) < percent


class HypothesisSource:
    """Hypothesis draws (inside ``st.composite``): shrinkable cases for the tests."""

    def __init__(self, draw: Callable[[st.SearchStrategy[T]], T]) -> None:
        self._draw: Callable[[st.SearchStrategy[object]], object] = draw  # type: ignore[assignment]

    def integer(self, lo: int, hi: int) -> int:
        value = self._draw(st.integers(lo, hi))
        assert isinstance(value, int)
        return value

    def choice(self, options: Sequence[T]) -> T:
        return options[self.integer(0, len(options) - 1)]

    def chance(self, percent: int) -> bool:
        # shrinks towards "no": 0 is the simplest integer
        return self.integer(0, 99) >= 100 - percent


# ---- single values --------------------------------------------------------------------


def count(src: Source, *, large: bool = True) -> int:
    """Many zeros and small numbers, some medium, a few large."""
    tier = src.integer(0, 9)
    if tier <= 3:
        return 0
    if tier <= 6:
        return src.integer(1, 9)
    if tier <= 8 or not large:
        return src.integer(10, 300)
    return src.integer(301, 2_000_000)


def delta(src: Source) -> int:
    """A signed 2019 本年增/减."""
    tier = src.integer(0, 3)
    if tier == 0:
        return 0
    magnitude = src.integer(1, 9) if tier == 1 else src.integer(10, 5000)
    return magnitude if src.chance(50) else -magnitude


def amount(src: Source) -> Decimal:
    """An amount in 万元 with at most 6 decimals (so exact in 元 with 2 decimals)."""
    if src.chance(20):
        return Decimal(0)
    digits = src.integer(0, 6)
    mantissa = src.integer(1, 10 ** src.integer(1, 9))
    return Decimal(mantissa).scaleb(-digits)


# ---- a whole report's cells -----------------------------------------------------------


@dataclass
class Truth:
    """Every cell the oracle writes, with its true value (``None`` = printed blank)."""

    template: TemplateName
    year: int
    mode: Mode
    cells: dict[CellKey, Value] = field(default_factory=dict)
    #: the publisher errors planted (for the failure message)
    errors: list[str] = field(default_factory=list)

    def request(self, row: str, column: str) -> Value:
        return self.cells[CellKey(3, None, row, column)]

    def appeal(self, block: str, result: str) -> Value:
        return self.cells[CellKey(4, None, block, result)]


def _disclosure(src: Source, template: TemplateName, cells: dict[CellKey, Value]) -> None:
    for item in DISCLOSURE[template]:
        for row in item.rows:
            for column in item.columns:
                value: Value
                if column.kind == "count":
                    value = count(src)
                elif column.kind == "delta":
                    value = delta(src)
                else:
                    value = amount(src)
                cells[CellKey(2, item.item, row, column.label)] = value


def _requests_exact(src: Source, template: TemplateName) -> dict[tuple[str, str], int]:
    """Section 三 with H1, H2 and H3 holding exactly."""
    rows = REQUEST_ROWS[template]
    out: dict[tuple[str, str], int] = {}
    active = src.chance(70)  # most small agencies have an all-zero table
    for column in REQUEST_COLUMNS[:-1]:
        total = 0
        for row in rows:
            if row.role == "outcome":
                value = count(src, large=False) if active and src.chance(40) else 0
                out[row.path, column] = value
                total += value
        forward = count(src, large=False) if active and src.chance(30) else 0
        carried = src.integer(0, total + forward) if src.chance(30) else 0
        by_role = {"total": total, "forward": forward, "carried": carried, "new": total + forward - carried}
        for row in rows:
            if row.role != "outcome":
                out[row.path, column] = by_role[row.role]
    for row in rows:
        out[row.path, REQUEST_COLUMNS[-1]] = sum(out[row.path, c] for c in REQUEST_COLUMNS[:-1])
    return out


def _appeals_exact(src: Source) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for block in APPEAL_BLOCKS:
        values = [count(src, large=False) if src.chance(30) else 0 for _ in APPEAL_RESULTS[:-1]]
        for result, value in zip(APPEAL_RESULTS, [*values, sum(values)], strict=True):
            out[block, result] = value
    return out


def _plant_errors(src: Source, template: TemplateName, requests: dict[tuple[str, str], int],
                  appeals: dict[tuple[str, str], int], errors: list[str]) -> None:
    """Publisher errors: a wrong 总计, a wrong row, a wrong (七)总计, a wrong 四 总计."""
    rows = REQUEST_ROWS[template]
    for _ in range(src.integer(1, 3)):
        kind = src.choice(("row-total", "cell", "grand-total", "appeal-total"))
        bump = src.choice((1, 2, 10, -1))
        if kind == "appeal-total":
            key = (src.choice(APPEAL_BLOCKS), APPEAL_RESULTS[-1])
            target = appeals
        elif kind == "grand-total":
            key = (rows[-2].path, src.choice(REQUEST_COLUMNS))
            target = requests
        elif kind == "row-total":
            key = (src.choice(rows).path, REQUEST_COLUMNS[-1])
            target = requests
        else:
            key = (src.choice(rows).path, src.choice(REQUEST_COLUMNS[:-1]))
            target = requests
        new = target[key] + bump
        target[key] = new if new >= 0 else target[key] + 1
        errors.append(f"{kind}: {key[0]} / {key[1]} -> {target[key]}")


def draw_truth(src: Source, *, template: TemplateName | None = None, mode: Mode | None = None,
               blank_percent: int | None = None, blank_sections: tuple[int, ...] = (2, 3, 4)) -> Truth:
    """A report's true cells.  ``blank_percent`` = chance of each cell being printed blank."""
    chosen: TemplateName = template if template is not None else src.choice(TEMPLATES)
    truth = Truth(chosen, 0, mode if mode is not None else src.choice(MODES))
    truth.year = src.integer(2019, 2020) if chosen == "2019" else src.integer(2021, 2024)
    template, mode = chosen, truth.mode
    _disclosure(src, template, truth.cells)
    if mode == "free":
        requests = {(row.path, c): count(src, large=False) for row in REQUEST_ROWS[template] for c in REQUEST_COLUMNS}
        appeals = {(b, r): count(src, large=False) for b in APPEAL_BLOCKS for r in APPEAL_RESULTS}
    else:
        requests = _requests_exact(src, template)
        appeals = _appeals_exact(src)
        if mode == "errors":
            _plant_errors(src, template, requests, appeals, truth.errors)
    for (row, column), value in requests.items():
        truth.cells[CellKey(3, None, row, column)] = value
    for (block, result), value in appeals.items():
        truth.cells[CellKey(4, None, block, result)] = value
    if blank_percent is None:
        blank_percent = src.choice((0, 0, 5, 30))
    if blank_percent:
        for key in truth.cells:
            if key.section in blank_sections and src.chance(blank_percent):
                truth.cells[key] = None
    return truth


def force_blank(src: Source, truth: Truth, sections: tuple[int, ...]) -> None:
    """Make sure at least one cell of ``sections`` is blank."""
    keys = [k for k in truth.cells if k.section in sections]
    if not any(truth.cells[k] is None for k in keys):
        truth.cells[src.choice(keys)] = None


@st.composite
def truths(draw: st.DrawFn, template: TemplateName | None = None, mode: Mode | None = None,
           blank_percent: int | None = None) -> Truth:
    """Hypothesis strategy: the TRUE values of one report."""
    return draw_truth(HypothesisSource(draw), template=template, mode=mode, blank_percent=blank_percent)
