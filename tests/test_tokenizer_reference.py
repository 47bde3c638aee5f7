"""The fast tokenizer against the simple one it replaced (issue 7).

``reference_tokenizer`` is the first tokenizer: one regex alternation and a
per-character state machine, easy to read and slow.  The fast one scans words
and separators with separate patterns and memoises word kinds; it must give
exactly the same tokens and segments on any text.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gxgk.read.cells import segments, tokenize, without_chrome
from gxgk.read.normalize import normalize
from tests import reference_tokenizer as reference

DATA = Path(__file__).parent / "data"
#: Pieces that make layouts: separators, blanks, numbers, signs, units, chrome.
PIECES = ["|", "\t", "\n", " ", "  ", "0", "7", "12", "1,234", "3.5", "-", "---", "|---|", ":", "—", "增", "减",
          "万元", "件", "/", "无", "第", "页", "共", "- 4 -", "予以公开", "（一）", "1.", "、", "总计", "a", "N/A",
          "\x1c", "\u3000", "\x85", "\u00a0", "\r\n", "0000002.其他"]


Tokens = list[tuple[int, int, int]]


def _reference(text: str) -> tuple[Tokens, list[tuple[object, ...]]]:
    tokens = reference.tokenize(text)
    segs: list[tuple[object, ...]] = [(s.label, s.label_start, tuple((v.kind, v.start, v.end) for v in s.values),
                                       s.line_end, s.follows) for s in reference.segments(text, tokens)]
    return [(t.kind, t.start, t.end) for t in tokens], segs


def _fast(text: str) -> tuple[Tokens, list[tuple[object, ...]]]:
    tables = without_chrome(text)
    return tokenize(text), [tuple(s) for s in segments(tables, tokenize(tables))]


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join).map(normalize))
def test_layout_text_tokenizes_as_the_reference_does(text: str) -> None:
    assert _fast(text) == _reference(text)


@given(st.text(max_size=80).map(normalize))
def test_any_text_tokenizes_as_the_reference_does(text: str) -> None:
    assert _fast(text) == _reference(text)


def test_every_stored_text_tokenizes_as_the_reference_does() -> None:
    paths = [p for p in sorted(DATA.rglob("*")) if p.suffix in (".txt", ".md", ".bin")]
    assert len(paths) > 10
    for path in paths:
        text = normalize(path.read_bytes().decode("utf-8", "replace"))
        assert _fast(text) == _reference(text), path.name
