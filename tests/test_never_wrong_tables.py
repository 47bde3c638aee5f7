"""Which printed row and column a number belongs to, where position alone would guess.

Session 6's adversarial review found each of these returning numbers under the
wrong row or column with no diagnostic.  The inputs are written by hand in the
scaffold of :mod:`tests.test_never_wrong` (not by ``gxgk.render``).
"""

from __future__ import annotations

from decimal import Decimal

import gxgk

from .test_never_wrong import MATRIX, named, report

_NEW = "一、本年新收政府信息公开申请数量"
_NEW_ROW = f"{_NEW} | " + " | ".join(map(str, MATRIX[0])) + " |"


def test_a_row_printed_twice_with_different_numbers_is_blank_and_named() -> None:
    stray = f"{_NEW} | 1 | 1 | 1 | 1 | 1 | 1 | 6 |"
    for rows in (f"{stray}\n{_NEW_ROW}", f"{_NEW_ROW}\n{stray}"):
        text = report().replace(_NEW_ROW, rows)
        parsed = gxgk.parse(text)
        assert parsed.requests is not None
        assert parsed.requests.row(_NEW).values == (None,) * 7
        assert named(parsed, 3, _NEW, "总计")
        assert any(d.code == "P-row-duplicate" and "[1 1 1 1 1 1 6]" in d.message for d in parsed.diagnostics)
        # the other rows are read as printed
        assert parsed.requests.row("（七）总计").values == tuple(MATRIX[-2])


def test_a_row_printed_twice_with_the_same_numbers_is_read() -> None:
    parsed = gxgk.parse(report().replace(_NEW_ROW, f"{_NEW_ROW}\n{_NEW_ROW}"))
    assert parsed.requests is not None and parsed.requests.row(_NEW).values == tuple(MATRIX[0])
    assert not any(d.code == "P-row-duplicate" for d in parsed.diagnostics)


def test_a_sentence_naming_a_row_before_the_table_does_not_blank_it() -> None:
    """The overview names 行政事业性收费 with an amount; the table's row, after 行政规范性文件, is read."""
    text = report().replace("本县认真贯彻落实条例。", "本县认真贯彻落实条例，收取行政事业性收费 3.5万元")
    parsed = gxgk.parse(text.replace("二、主动公开政府信息情况\n", ""))  # no heading: the whole text is searched
    assert parsed.disclosure is not None
    assert parsed.disclosure.fees.values == (Decimal("2.5"),)
    assert not any(d.code == "P-row-duplicate" for d in parsed.diagnostics)
