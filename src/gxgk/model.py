"""The typed model of a report: frozen, slotted attrs classes, and named tuples for its many cells.

Two rules shape every class here:

* **A blank is not a zero.**  A cell whose value is ``None`` was left blank by
  the report (or could not be read, which a :class:`Diagnostic` then says);
  ``0`` is a zero the report printed.
* **Every value can prove where it came from.**  A :class:`Cell` keeps its
  :class:`Provenance` (the raw text and its position in the source).  The
  provenance does not take part in equality, so a report parsed from two
  layouts of the same table compares equal.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Final, NamedTuple

import attrs

from .template.spec import Template

__all__ = [
    "AppealBlock",
    "Appeals",
    "Cell",
    "CellName",
    "DecisionRow2021",
    "Diagnostic",
    "Disclosure",
    "Disclosure2019",
    "Disclosure2021",
    "DocumentRow2019",
    "DocumentRow2021",
    "FeeRow2019",
    "FeeRow2021",
    "Meta",
    "Narrative",
    "ProcurementRow2019",
    "ProjectRow2019",
    "Provenance",
    "Report",
    "RequestRow",
    "Requests",
    "Severity",
    "Value",
]

#: A cell's value: a count or signed change (``int``), an amount in 万元
#: (``Decimal``), or ``None`` for a blank.
Value = int | Decimal | None


class Severity(enum.Enum):
    """How serious a diagnostic or a validation finding is.

    .. versionadded:: 0.1
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


class Provenance(NamedTuple):
    """Where a value or a text came from in the source.

    ``start``/``end`` are character offsets into the decoded text (for HTML
    and PDF: into the text the parser extracted from them), ``line`` is
    1-based.  ``raw`` is the text as printed.  ``note`` says how the value was
    obtained when that was more than reading one cell (for example recovered
    from a run of glued digits).

    A named tuple, not an attrs class like the rest of the model: a report
    holds one per cell, and a tuple is built in a third of the time.  It
    compares and hashes by its fields; ``provenance._replace(note=…)`` makes
    a changed copy.

    .. versionadded:: 0.1
    """

    start: int  #: offset of the first character
    end: int  #: offset just past the last character
    line: int  #: 1-based line of ``start``
    raw: str  #: the text as printed
    note: str | None = None  #: how the value was obtained, when that was more than reading it


class Cell(NamedTuple):
    """One table cell: its value and where it came from.

    A named tuple ``(value, source)``, like :class:`Provenance` and for the
    same reason (a report builds hundreds).  Cells compare and hash by their
    value alone: the same table read from two layouts is equal, wherever its
    numbers stood.  ``cell._replace(value=…)`` makes a changed copy.

    .. versionadded:: 0.1
    """

    value: Value = None  #: ``int``, signed ``int``, ``Decimal`` in 万元, or ``None`` (blank)
    source: Provenance | None = None  #: where the value was read; ``None`` if it was not found

    @property
    def blank(self) -> bool:
        """True when the report left this cell blank (or it could not be read)."""
        return self.value is None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Cell):
            return bool(self.value == other.value)
        return False if isinstance(other, tuple) else NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        return f"Cell(value={self.value!r})"

    @property
    def status(self) -> str:
        """``read``, ``blank``, ``recovered`` (split from glued digits) or ``assigned`` (placed by position
        where its label was lost), as the cell was read; the provenance note says more.

        .. versionadded:: 0.2
        """
        if self.value is None:
            return "blank"
        note = self.source.note if self.source is not None else None
        if not note:
            return "read"
        return "assigned" if note.startswith("assigned") else "recovered"

    def _filled(self) -> int | Decimal:
        if self.value is None:
            raise ValueError("the cell is blank: it has no number (see cell.source and the report's diagnostics)")
        return self.value

    def __int__(self) -> int:
        """The count; an amount with decimals is an error, as ``int("2.5")`` is."""
        value = self._filled()
        if isinstance(value, Decimal) and value != value.to_integral_value():
            raise ValueError(f"the cell holds the amount {value}, not a whole number")
        return int(value)

    def __float__(self) -> float:
        return float(self._filled())

    def decimal(self) -> Decimal:
        """The value as a :class:`~decimal.Decimal`, exactly.

        ``Decimal(cell)`` cannot work: a cell is a named tuple, and
        :class:`~decimal.Decimal` reads every tuple as ``(sign, digits, exponent)``.

        >>> Cell(Decimal("25.1")).decimal(), Cell(3).decimal()
        (Decimal('25.1'), Decimal('3'))

        .. versionadded:: 0.2
        """
        return Decimal(self._filled())


def _cells_of(obj: object) -> tuple[Cell, ...]:
    values = (getattr(obj, f.name) for f in attrs.fields(obj.__class__))  # type: ignore[arg-type]
    return tuple(value for value in values if isinstance(value, Cell))


class _Row:
    """Behaviour shared by the typed rows: their cells in column order."""

    __slots__ = ()

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The row's cells in template column order."""
        return _cells_of(self)

    @property
    def values(self) -> tuple[Value, ...]:
        """The row's values in template column order."""
        return tuple(cell.value for cell in self.cells)


# ---- Section 二, 2019 format ------------------------------------------------


@attrs.frozen
class DocumentRow2019(_Row):
    """第二十条第（一）项 (2019): 规章 or 规范性文件.

    .. versionadded:: 0.1
    """

    new_made: Cell = Cell()  #: 本年新制作数量
    new_published: Cell = Cell()  #: 本年新公开数量
    total_published: Cell = Cell()  #: 对外公开总数量


@attrs.frozen
class ProjectRow2019(_Row):
    """第二十条第（五）（六）项 (2019): 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制.

    .. versionadded:: 0.1
    """

    previous_count: Cell = Cell()  #: 上一年项目数量
    change: Cell = Cell()  #: 本年增/减 (signed)
    decisions: Cell = Cell()  #: 处理决定数量


@attrs.frozen
class FeeRow2019(_Row):
    """第二十条第（八）项 (2019): 行政事业性收费 (counts of fee items).

    .. versionadded:: 0.1
    """

    previous_count: Cell = Cell()  #: 上一年项目数量
    change: Cell = Cell()  #: 本年增/减 (signed)


@attrs.frozen
class ProcurementRow2019(_Row):
    """第二十条第（九）项 (2019): 政府集中采购.

    .. versionadded:: 0.1
    """

    projects: Cell = Cell()  #: 采购项目数量
    amount: Cell = Cell()  #: 采购总金额, in 万元


@attrs.frozen
class Disclosure2019:
    """Section 二 (主动公开政府信息情况) in the 2019 format.

    .. versionadded:: 0.1
    """

    rules: DocumentRow2019 = DocumentRow2019()  #: 规章
    normative_documents: DocumentRow2019 = DocumentRow2019()  #: 规范性文件
    licensing: ProjectRow2019 = ProjectRow2019()  #: 行政许可
    other_services: ProjectRow2019 = ProjectRow2019()  #: 其他对外管理服务事项
    penalties: ProjectRow2019 = ProjectRow2019()  #: 行政处罚
    enforcement: ProjectRow2019 = ProjectRow2019()  #: 行政强制
    fees: FeeRow2019 = FeeRow2019()  #: 行政事业性收费
    procurement: ProcurementRow2019 = ProcurementRow2019()  #: 政府集中采购


# ---- Section 二, 2021 format ------------------------------------------------


@attrs.frozen
class DocumentRow2021(_Row):
    """第二十条第（一）项 (2021): 规章 or 行政规范性文件.

    .. versionadded:: 0.1
    """

    issued: Cell = Cell()  #: 本年制发件数
    repealed: Cell = Cell()  #: 本年废止件数
    in_force: Cell = Cell()  #: 现行有效件数


@attrs.frozen
class DecisionRow2021(_Row):
    """第二十条第（五）（六）项 (2021): 行政许可, 行政处罚, 行政强制.

    .. versionadded:: 0.1
    """

    decisions: Cell = Cell()  #: 本年处理决定数量


@attrs.frozen
class FeeRow2021(_Row):
    """第二十条第（八）项 (2021): 行政事业性收费 (money).

    .. versionadded:: 0.1
    """

    amount: Cell = Cell()  #: 本年收费金额, in 万元


@attrs.frozen
class Disclosure2021:
    """Section 二 (主动公开政府信息情况) in the 2021 format.

    .. versionadded:: 0.1
    """

    rules: DocumentRow2021 = DocumentRow2021()  #: 规章
    normative_documents: DocumentRow2021 = DocumentRow2021()  #: 行政规范性文件
    licensing: DecisionRow2021 = DecisionRow2021()  #: 行政许可
    penalties: DecisionRow2021 = DecisionRow2021()  #: 行政处罚
    enforcement: DecisionRow2021 = DecisionRow2021()  #: 行政强制
    fees: FeeRow2021 = FeeRow2021()  #: 行政事业性收费


#: Section 二 of either format.
Disclosure = Disclosure2019 | Disclosure2021
#: The section 二 class of each official template (a template registered as data uses its family's).
DISCLOSURE_CLASSES: Final[dict[Template, type[Disclosure2019] | type[Disclosure2021]]] = {
    Template.V2019: Disclosure2019,
    Template.V2021: Disclosure2021,
}


# ---- Section 三 -------------------------------------------------------------


@attrs.frozen
class RequestRow(_Row):
    """A row of the section 三 matrix: seven applicant columns.

    ``label`` is the official label path, e.g.
    ``"三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密"``.

    .. versionadded:: 0.1
    """

    label: str
    natural_person: Cell = Cell()  #: 自然人
    commercial: Cell = Cell()  #: 商业企业
    research: Cell = Cell()  #: 科研机构
    public_interest: Cell = Cell()  #: 社会公益组织
    legal_service: Cell = Cell()  #: 法律服务机构
    other: Cell = Cell()  #: 其他
    total: Cell = Cell()  #: 总计

    @property
    def name(self) -> str:
        """The row's own label, the last element of its path."""
        return self.label.rsplit(" / ", 1)[-1]


@attrs.frozen
class Requests:
    """Section 三 (收到和处理政府信息公开申请情况): the request matrix.

    ``rows`` follow the template's order (23 rows in 2019, 25 in 2021).

    .. versionadded:: 0.1
    """

    rows: tuple[RequestRow, ...] = ()

    def __iter__(self) -> Iterator[RequestRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, label: str) -> RequestRow:
        """The row whose full label path, or own label, is ``label``, forgiving what people type.

        ASCII or full-width brackets, with or without the numbering ("（七）总计",
        "(七)总计", "总计"), and any unambiguous part of the label.  A label
        that names no row, or several, is a :class:`KeyError` that lists the
        closest labels.

        >>> rows = Requests((RequestRow("三、本年度办理结果 / （七）总计"), RequestRow("四、结转下年度继续办理")))
        >>> rows.row("(七)总计").name, rows.row("结转下年度").name
        ('（七）总计', '四、结转下年度继续办理')

        .. versionchanged:: 0.2
           Brackets, numbering and parts of labels are forgiven.
        """
        for row in self.rows:
            if label in (row.label, row.name):
                return row
        wanted = _bare(label)
        exact = [row for row in self.rows if _bare(row.name) == wanted]
        found = exact or [row for row in self.rows if wanted and wanted in _bare(row.label)]
        if len(found) == 1:
            return found[0]
        names = [row.name for row in (found or self.rows)]
        close = (found and names) or difflib.get_close_matches(label, names, n=3, cutoff=0.3)
        hint = f"; did you mean {' or '.join(map(repr, close[:3]))}?" if close else ""
        raise KeyError(f"{label!r} names {'several rows' if found else 'no row'}{hint}")


def _bare(label: str) -> str:
    """A label without spaces, brackets' width and its numbering: "(七) 总计" and "（七）总计" → "总计"."""
    from .read.normalize import normalize  # the folding table, loaded when a label is looked up

    folded = "".join(normalize(label).split())
    return _NUMBERING.sub("", folded.replace(" / ", "/"))


_NUMBERING: Final = re.compile(r"(?:^|(?<=/))(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])")


# ---- Section 四 -------------------------------------------------------------


@attrs.frozen
class AppealBlock(_Row):
    """One block of section 四: five results.

    .. versionadded:: 0.1
    """

    upheld: Cell = Cell()  #: 结果维持
    corrected: Cell = Cell()  #: 结果纠正
    other: Cell = Cell()  #: 其他结果
    pending: Cell = Cell()  #: 尚未审结
    total: Cell = Cell()  #: 总计


@attrs.frozen
class Appeals:
    """Section 四 (行政复议、行政诉讼情况).

    .. versionadded:: 0.1
    """

    review: AppealBlock = AppealBlock()  #: 行政复议
    direct_suit: AppealBlock = AppealBlock()  #: 行政诉讼 · 未经复议直接起诉
    suit_after_review: AppealBlock = AppealBlock()  #: 行政诉讼 · 复议后起诉

    @property
    def blocks(self) -> tuple[AppealBlock, AppealBlock, AppealBlock]:
        """The three blocks in template order."""
        return (self.review, self.direct_suit, self.suit_after_review)


# ---- Text sections, metadata, report ---------------------------------------


@attrs.frozen
class Narrative:
    """A text section (一, 五 or 六): its text and any sub-headings in it.

    .. versionadded:: 0.1
    """

    text: str = ""
    headings: tuple[str, ...] = ()
    source: Provenance | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Meta:
    """What the page says about the report.

    .. versionadded:: 0.1
    """

    title: str | None = None  #: the title as printed, 【…】 prefixes removed
    year: int | None = None  #: the year reported on
    organ: str | None = None  #: the reporting agency
    index_number: str | None = None  #: 索引号
    document_number: str | None = None  #: 文号
    publisher: str | None = None  #: 发布机构
    written_date: date | None = None  #: 成文日期
    published_date: date | None = None  #: 发布日期 / 公开日期
    url: str | None = None  #: the source address, where the page gives it


@attrs.frozen
class CellName:
    """Which table cells a diagnostic is about, by their official labels.

    ``section`` is 2, 3 or 4; ``row`` and ``column`` are the labels
    :func:`gxgk.to_records` gives (a " / " path for sections 三 and 四).
    ``row=None`` means the section's whole table, ``column=None`` the whole
    row.  A cell left blank for a reason is named by a diagnostic, so that
    "blank because the page printed nothing" and "blank because it could not
    be read" can be told apart.

    >>> CellName(3, "三、本年度办理结果 / （一）予以公开").covers(3, "三、本年度办理结果 / （一）予以公开", "总计")
    True

    .. versionadded:: 0.2
    """

    section: int
    row: str | None = None
    column: str | None = None

    def covers(self, section: int, row: str, column: str) -> bool:
        """Whether this name includes the cell at ``row`` · ``column`` of ``section``."""
        return (self.section == section and (self.row is None or self.row == row)
                and (self.column is None or self.column == column))


@attrs.frozen(repr=False)
class Diagnostic:
    """Something the parser had to guess, or could not read.

    ``code`` is stable (``P…`` codes are the parser's); ``start``/``line``
    locate it in the source where that makes sense; ``cells`` names the
    table cells it is about (a cell left blank for a reason is named here).

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       ``cells``.
    """

    code: str
    message: str
    severity: Severity = Severity.WARNING
    start: int | None = None
    line: int | None = None
    cells: tuple[CellName, ...] = ()

    def __repr__(self) -> str:
        message = self.message if len(self.message) <= 100 else self.message[:99] + "…"
        where = f", line={self.line}" if self.line is not None else ""
        cells = f", cells={len(self.cells)}" if self.cells else ""
        return f"Diagnostic({self.code!r}, {self.severity.value}, {message!r}{where}{cells})"

    @property
    def message_zh(self) -> str:
        """The diagnostic in Chinese, naming its cells by their labels.

        .. versionadded:: 0.2
        """
        from .read.messages_zh import message_zh  # a table of sentences, loaded when a message is read

        return message_zh(self)


@attrs.frozen(repr=False)
class Report:
    """A parsed annual report.

    Sections are ``None`` when the report does not contain them (or is not on
    an official template); :attr:`diagnostics` say why.

    .. versionadded:: 0.1
    """

    template: Template = Template.NONE
    meta: Meta = Meta()
    overview: Narrative | None = None  #: 一、总体情况
    disclosure: Disclosure | None = None  #: 二、主动公开政府信息情况
    requests: Requests | None = None  #: 三、收到和处理政府信息公开申请情况
    appeals: Appeals | None = None  #: 四、行政复议、行政诉讼情况
    problems: Narrative | None = None  #: 五、存在的主要问题及改进情况
    other_matters: Narrative | None = None  #: 六、其他需要报告的事项
    diagnostics: tuple[Diagnostic, ...] = ()

    def __repr__(self) -> str:
        """One short line: template, year, organ, title (cut), cells read, blank and recovered, diagnostics.

        The whole report is in :func:`gxgk.to_dict`; a notebook shows its tables (``_repr_html_``).
        """
        statuses = [cell.status for table in (self.disclosure, self.requests, self.appeals) if table is not None
                    for cell in table_cells(table)]
        blank = statuses.count("blank")
        recovered = len(statuses) - blank - statuses.count("read")
        cells = statuses
        title = self.meta.title or ""
        title = title if len(title) <= 40 else title[:39] + "…"
        return (f"<Report {self.template.value} year={self.meta.year} organ={self.meta.organ!r} title={title!r}: "
                f"{len(cells) - blank} cells read, {blank} blank, {recovered} recovered; "
                f"{len(self.diagnostics)} diagnostics>")

    def _repr_html_(self) -> str:
        """The report's tables as HTML, blank, recovered and failing cells marked (Jupyter shows it)."""
        from .write.view import report_html  # the view, loaded when a notebook asks for it

        return report_html(self)


def table_cells(table: object) -> Iterator[Cell]:
    """Every cell of a section's table (二: a row per attribute; 三: rows; 四: blocks), lazily, in template order."""
    rows = getattr(table, "rows", None) or getattr(table, "blocks", None)
    kind = type(table)
    if rows is None and attrs.has(kind):
        rows = [getattr(table, field.name) for field in attrs.fields(kind)]
    for row in rows or ():
        yield from row.cells

