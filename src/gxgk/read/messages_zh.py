"""The parser's diagnostics in Chinese, for the 政务公开 offices that read them.

Each parser code has one Chinese sentence that says what happened and what it
means for the cells; the cells a diagnostic names are added by their official
labels, which are Chinese already.  The English message keeps the details (the
digits seen, the candidates); the Chinese one says what a reader must know.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Diagnostic

__all__ = ["message_zh", "section_numeral"]

#: Parser code → what it means, in Chinese.
MESSAGES_ZH: Final = {
    "P-decode": "文件不是有效的 UTF-8 或 GB18030 编码，无法解码的字节已被替换",
    "P-too-large": "输入超过大小上限，只读取了前一部分（PDF 或 Word 文件超限则未读取）",
    "P-not-a-report": "不是按官方模板编写的政府信息公开工作年度报告，未读取表格",
    "P-empty": "输入为空，没有可读取的内容",
    "P-path": "传入的是文件路径而不是报告正文：请用 pathlib.Path(...) 传入以读取该文件",
    "P-year": "标题未写明年度，年度取自正文（报告名称、统计期限或总体情况的首句）",
    "P-template": "无法确定报告所用模板，已按年份推定",
    "P-heading": "未找到该部分的标题",
    "P-row-missing": "未找到该行，已留空",
    "P-row-order": "该行不在模板规定的位置",
    "P-label-wrapped": "该行的标签分几行排印、数值在其中一行，已按栏位把标签各行连起来识别",
    "P-row-cells": "该行的数值个数与栏目数不符，或边上的空单元格有两种对法、无法确定各数值所属栏目，已留空",
    "P-row-band": "两行的标签印在同一行、共用一组数值（表格缺少分隔线），已留空",
    "P-row-by-order": "若干行的标签丢失，已按模板顺序逐行对应（各行合计均相符）",
    "P-collapsed-row": "该项的子项被合并为一行填报",
    "P-cell-value": "单元格内容不是该栏目的数值，已留空",
    "P-glued": "粘连的数字已拆分：这是行合计与表内勾稽关系唯一允许的拆法",
    "P-glued-previous": "粘连的数字已按上年度报告的数据拆分（跨年度衔接关系唯一允许的拆法）",
    "P-previous": "传入的上年度报告不是前一年的，未使用",
    "P-glued-ambiguous": "粘连的数字有多种拆法（或可能丢失了空格），无法唯一确定，已留空",
    "P-glued-bound": "粘连的数字拆法过多，无法逐一检验，已留空",
    "P-row-other-template": "表中有另一版模板才有的行，本模板没有对应的行，其数值未读取",
    "P-row-duplicate": "同一行在表中出现两次且数字不同，无法确定哪一行属于本表，已留空",
    "P-header": "表头与模板顺序不符且无法确定各栏对应关系，整表留空",
    "P-header-order": "表头的栏目顺序与模板不同，已按表头顺序读取",
    "P-subtotal": "“法人或其他组织小计”与其五栏之和不符",
    "P-unit": "金额单位不明确或未注明，请核对",
    "P-table-missing": "未找到该表",
    "P-html": "已按网页（HTML）读取",
    "P-html-empty": "网页没有正文",
    "P-html-grid": "网页表格过大或行列合并过多，已逐格读取",
    "P-html-no-table": "网页中没有表格（<table>）",
    "P-html-short-row": "网页表格中有的行缺少单元格，缺少的单元格未被补为空白",
    "P-html-unclosed": "网页表格未正常结束",
    "P-html-mark": "表格单元格中的上标或下标（脚注标记）已去除，未计入数字",
    "P-html-hidden": "网页中隐藏或划去（删除线）的内容已去除",
    "P-docx-mark": "Word 表格单元格中的上标或下标（脚注标记）已去除，未计入数字",
    "P-docx-hidden": "Word 文件中带删除线的内容已去除",
    "P-pdf": "已按 PDF 读取",
    "P-pdf-drawing": "PDF 表格线无法识别，已按文字位置读取",
    "P-pdf-extra": "读取 PDF 需要安装可选组件：pip install 'gxgk[pdf]'",
    "P-pdf-ocr": "PDF 没有文字层（扫描件），需要文字识别（OCR）",
    "P-pdf-unreadable": "PDF 文件无法读取",
    "P-ocr": "文字识别（OCR）对该处数字把握不足，未采用该数值，相应单元格留空",
    "P-ocr-extra": "读取图片需要安装可选组件：pip install 'gxgk[ocr]'",
    "P-docx": "已按 Word（.docx）文件读取",
    "P-docx-no-table": "Word 文件中没有表格",
    "P-docx-nesting": "Word 文件中嵌套过深的内容（表格套表格、内容控件）未读取",
    "P-docx-unreadable": "Word（.docx）文件无法读取（文件损坏、加密或过大）：请用 Word 或 WPS 重新保存，或另存为 PDF",
    "P-format": "无法读取此类文件（旧版 Word/WPS 的 .doc/.wps、Excel、OFD、RTF 或压缩包）：请另存为 .docx 或 PDF",
    "P-image": "图片文件无法打开，未能进行文字识别（OCR）",
    "P-ocr-read": "已用文字识别（OCR）读取：每个数字都经表内勾稽关系检验，识别把握不足的单元格留空",
}
#: A section number as its numeral (2 → 二).
_NUMERALS: Final = "一二三四五六"
#: "section 一's heading …": which of the six sections a message is about.
_PART: Final = re.compile(r"section ([一二三四五六])'s")


def message_zh(diagnostic: Diagnostic) -> str:
    """The diagnostic in Chinese, naming its cells; its English message for a code without a translation.

    >>> from gxgk import CellName, Diagnostic
    >>> message_zh(Diagnostic("P-row-missing", "三: …", cells=(CellName(3, "四、结转下年度继续办理"),)))
    '三、四、结转下年度继续办理：未找到该行，已留空'
    """
    sentence = MESSAGES_ZH.get(diagnostic.code)
    if sentence is None:
        return diagnostic.message
    part = _PART.search(diagnostic.message)
    if part is not None and not diagnostic.cells:
        return f"第{part.group(1)}部分：{sentence}"
    names = [_name(name.section, name.row, name.column) for name in diagnostic.cells]
    return f"{'；'.join(names)}：{sentence}" if names else sentence


def section_numeral(section: int) -> str:
    """A section's numeral: ``section_numeral(3) == "三"``; an unknown number as digits."""
    return _NUMERALS[section - 1] if 1 <= section <= len(_NUMERALS) else str(section)


def _name(section: int, row: str | None, column: str | None) -> str:
    where = f"表{section_numeral(section)}" if row is None else f"{section_numeral(section)}、{row}"
    return where if column is None else f"{where} · {column}"
