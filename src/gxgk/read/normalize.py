"""Fold what varies but means the same, without moving any character.

The normalised text has exactly the length of the source text, character for
character, so an offset found in it is an offset in the source: provenance
stays exact and text fields are sliced from what was printed.  Only template
*matching* sees the folded characters:

* full-width ASCII (``１２``, ``（）``, ``：``) becomes ASCII;
* NBSP, U+3000 and the other spaces, zero-width and bidi marks become spaces;
* CR becomes a line break; curly quotes become straight ones;
* a space entity left as text (``&nbsp;`` in a page escaped twice) becomes spaces;
* pinyin glosses inside words and bracketed form instructions become spaces, and
  the words traditional converters rewrite (檔案, 資訊, 程式) are folded back;
* traditional characters of the template vocabulary (報告, 辦理, 結轉, 複議,
  訴訟, 總計 …) become simplified.
"""

from __future__ import annotations

import functools
import re
from typing import Final

__all__ = ["SPACE_ENTITY", "normalize"]

# Traditional → simplified, for the characters the templates and their
# metadata use.  Pairs are (traditional, simplified), one character each.
_TRADITIONAL: Final = (
    "報报 辦办 結结 轉转 複复 復复 議议 訴诉 訟讼 總总 計计 業业 會会 機机 構构 關关 開开 務务 處处 罰罚 "
    "強强 製制 發发 廢废 請请 數数 條条 項项 許许 規规 範范 費费 購购 採采 與与 為为 無无 現现 補补 確确 "
    "認认 獲获 審审 維维 糾纠 級级 類类 個个 記记 錄录 問问 題题 況况 應应 將将 對对 經经 國国 內内 過过 "
    "執执 詢询 險险 穩稳 護护 權权 統统 續续 號号 標标 門门 網网 據据 頁页 點点 區区 縣县 鎮镇 廳厅 專专 "
    "單单 實实 進进 導导 組组 織织 術术 員员 體体 額额 萬万 財财 劃划 學学 衛卫 環环 鄉乡 屬属 違违 舉举 "
    "難难 陽阳 電电 黨党 龍龙 務务 濟济 產产 團团 書书 況况 聯联 繫系 簡简 訊讯 義义 總总 覆复 嚴严 檢检 "
    "測测 訂订 廣广 東东 馬马 寧宁 遼辽 臺台 灣湾 蘇苏 滬沪 漢汉 屆届 歲岁 週周 歷历 爭争 戰战 軍军 "
    "運运 達达 遠远 選选 遞递 遲迟 還还 這这 麼么 們们 個个 來来 時时 間间 狀状 態态 預预 決决 衝冲 "
    "處处 復复 轄辖 鄰邻 餘余 準准 層层 項项 頒颁 佈布 須须 幹干 稅税 貨货 資资 質质 貿贸 費费 賠赔 "
    "務务 勞劳 動动 勢势 況况 構构 樣样 權权 歡欢 氣气 決决 涼凉 減减 測测 溫温 滅灭 濟济 災灾 爭争 "
    "牆墙 獨独 環环 畫画 當当 療疗 發发 盡尽 監监 盤盘 碼码 禮礼 禦御 稱称 穀谷 積积 穩稳 窮穷 筆笔 "
    "節节 範范 築筑 簽签 糧粮 紀纪 約约 紅红 納纳 純纯 紙纸 級级 細细 終终 組组 絡络 給给 統统 經经 "
    "綜综 綠绿 線线 緊紧 編编 緣缘 總总 績绩 繼继 續续 罰罚 職职 聽听 腦脑 處处 虛虚 規规 視视 覽览 "
    "親亲 觀观 計计 訂订 討讨 訓训 記记 設设 訪访 評评 試试 話话 該该 認认 誤误 說说 調调 談谈 請请 "
    "諮咨 證证 識识 護护 讀读 變变 負负 責责 貨货 賬账 購购 賽赛 趙赵 車车 軟软 輔辅 輕轻 載载 輸输 "
    "辦办 農农 適适 遺遗 邊边 郵邮 鄉乡 醫医 釋释 針针 鐵铁 銀银 錯错 錢钱 長长 門门 閉闭 閱阅 隊队 "
    "階阶 隨随 險险 隱隐 雜杂 雖虽 雙双 雲云 電电 靜静 響响 頂顶 順顺 領领 頻频 顧顾 顯显 風风 飛飞 "
    "養养 館馆 驗验 體体 髮发 鬥斗 魚鱼 鳥鸟 麥麦 黃黄 點点 齊齐 齡龄"
)

_TABLE: dict[int, int] = {}
for _pair in _TRADITIONAL.split():
    _TABLE[ord(_pair[0])] = ord(_pair[1])
for _code in range(0xFF01, 0xFF5F):  # full-width ASCII
    _TABLE[_code] = _code - 0xFEE0
for _char in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _TABLE[ord(_char)] = ord(" ")
for _char in "\x1c\x1d\x1e\x1f":  # information separators: whitespace to str.isspace and to `re`
    _TABLE[ord(_char)] = ord(" ")
for _char in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad":
    _TABLE[ord(_char)] = ord(" ")
_TABLE.update({
    ord("\r"): ord("\n"),
    ord("\x0b"): ord("\n"),
    ord("\x0c"): ord("\n"),
    ord("\u2028"): ord("\n"),
    ord("\u2029"): ord("\n"),
    ord("\u201c"): ord('"'),
    ord("\u201d"): ord('"'),
    ord("\u2018"): ord("'"),
    ord("\u2019"): ord("'"),
    ord("\u2212"): ord("-"),  # minus sign
    ord("\u3014"): ord("("),  # 〔
    ord("\u3015"): ord(")"),  # 〕
    ord("\ufe59"): ord("("),  # small brackets
    ord("\ufe5a"): ord(")"),
    ord("\u2474"): ord("("),  # ⑴ is rare; keep length by folding to a bracket
    ord("\u00b7"): ord("."),  # middle dot used as a numbering point
})
del _pair, _code, _char

# Runs of characters that fold.  ``str.translate`` looks every character up in
# the table (~50 ns each, as slow as the whole tokenizer); finding the few runs
# that fold with a character class is done in C (``split`` keeps them, as the
# odd items), and only they are translated.
# The class is written twice, not as ``[…]++``: a pattern that starts with a
# plain class lets the engine skip to it in C, a repeat makes it try every position.
_FOLDS: Final = "[" + "".join(f"\\U{code:08x}" for code in sorted(_TABLE)) + "]"


@functools.cache
def _folding() -> re.Pattern[str]:
    """The pattern, compiled on first use: its class of 300 characters takes 3 ms (import time, issue 7)."""
    return re.compile(f"({_FOLDS}{_FOLDS}*+)")


def normalize(text: str) -> str:
    """Fold widths, spaces, quotes and traditional characters; keep every offset.

    >>> normalize("（一）予以公开｜１２")
    '(一)予以公开|12'
    >>> len(normalize("a\\r\\nb")) == len("a\\r\\nb")
    True
    """
    if "&" in text:
        text = SPACE_ENTITY.sub(_spaces, text)
    pieces = _folding().split(text)
    if len(pieces) > 1:
        pieces[1::2] = [run.translate(_TABLE) for run in pieces[1::2]]
        text = "".join(pieces)
    return _unmangled(text)


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


# What mirrors and converters add to labels, blanked so that only the label is matched:
# pinyin glosses inside words ("申(shēn)请(qǐng)") and the provincial form's instructions in
# brackets, whose numbers are not values ("（填写减少数，如-3）", "（指上年度…）").
_GLOSS_OR_INSTRUCTION = re.compile(
    r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}"
    r"|[^()\n]{0,30}?(?:填写|填报|例如|如[:：]?[ ]?[-+]?\d|指上|指本)[^()\n]{0,30}?)\)"
)
# Words a traditional converter rewrites, folded back (same length): 檔案 → 文件, 資訊 → 信息, 程式 → 程序.
_WORDS: Final = {"檔案": "文件", "资讯": "信息", "程式": "程序"}
_WORD = re.compile("|".join(_WORDS))


def _unmangled(text: str) -> str:
    """``text`` without glosses and instructions in brackets, and with converters' words folded back."""
    if "(" in text:
        text = _GLOSS_OR_INSTRUCTION.sub(_spaces, text)
    if "檔" in text or "讯" in text or "程式" in text:
        text = _WORD.sub(lambda match: _WORDS[match.group()], text)
    return text


# A space entity left as text by a page escaped twice or a crawler ("| &nbsp; |"): a space, as printed.
SPACE_ENTITY = re.compile(r"&(?:nbsp|#160|#xa0|ensp|emsp);", re.IGNORECASE)
