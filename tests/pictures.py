"""Pictures of reports: test data for OCR (:mod:`gxgk.formats.ocr`).

Reports whose tables reach us only as pictures (a scan, a screenshot pasted
into a web page, an image-only PDF) are what OCR is for.  No such files can be
shipped with the tests, so they are drawn here from reports whose values are
known: a parsed seed report is drawn as A4 pages (title, the six section
headings, the tables of sections 二, 三 and 四) with Pillow and a CJK font,
and OCR must read the same values back.

The tables have the shape printed reports have, taken from the grids
:mod:`gxgk.write.render_pages` builds for its HTML and fixed-width writers:
merged header cells (三's two-level 申请人情况 header, 四's 行政复议 /
行政诉讼 header), group labels spanning their rows, labels wrapped inside
their column, values on the middle line of their row.  A blank value is drawn
as nothing, as a printed report shows it.

Two table styles: ``ruled`` draws every cell border (the common case), and
``plain`` draws none (a borderless table: columns only by white space).  A
page can then be skewed (rotated by a fraction of a degree, as a scanner
feeds paper), saved as JPEG at a low quality (artefacts around strokes), or
wrapped into an image-only PDF (what a scanner's "scan to PDF" makes).

Usage::

    python tests/pictures.py SEED.txt OUT_DIR [--kind ruled-png] [--font PATH]
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

import gxgk
from gxgk.model import Report
from gxgk.template.spec import SECTION_TITLES
from gxgk.write.render_pages import _Grid, _grids, _place, _Placed, row_heights

if TYPE_CHECKING:
    from PIL import Image, ImageFont

__all__ = ["DEFAULT_FONT", "KINDS", "Style", "draw_report", "picture_files", "to_jpeg", "to_pdf", "to_png"]

#: The CJK font Debian's fonts-noto-cjk installs; its face 2 is Simplified Chinese.
DEFAULT_FONT: Final = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
_SC_FACE: Final = 2

#: The picture kinds the measurements and tests use: name → (style, skew in degrees, JPEG quality, PDF).
KINDS: Final[dict[str, tuple[str, float, int | None, bool]]] = {
    "ruled-png": ("ruled", 0.0, None, False),
    "plain-png": ("plain", 0.0, None, False),
    "skewed": ("ruled", 0.8, None, False),
    "jpeg60": ("ruled", 0.0, 60, False),
    "image-pdf": ("ruled", 0.0, None, True),
}

# Page geometry in points (1/72 inch): A4 with 50-point margins.
_PAGE: Final = (595.0, 842.0)
_MARGIN: Final = 50.0
_TITLE_SIZE: Final = 15.0
_HEADING_SIZE: Final = 11.0
_CELL_SIZE: Final = 8.5
_LINE: Final = 1.45  #: line pitch as a multiple of the font size
_PAD: Final = 3.0  #: padding inside a cell, points
#: Column widths (points) per table; the grids of :mod:`gxgk.write.render_pages` have 5, 10 and 15 columns.
_WIDTHS: Final = {
    2: (155.0, 85.0, 85.0, 85.0, 85.0),
    3: (16.0, 52.0, 168.0, *(37.0,) * 7),
    4: (33.0,) * 15,
}


class Style(NamedTuple):
    """How pages are drawn: cell borders or not, resolution, font."""

    ruled: bool = True
    dpi: int = 200
    font: str = DEFAULT_FONT


class _Fonts:
    """Fonts by size in points, at the page's resolution (Pillow sizes fonts in pixels)."""

    def __init__(self, path: str, dpi: int) -> None:
        self.path = path
        self.dpi = dpi
        self._cache: dict[float, ImageFont.FreeTypeFont] = {}

    def __call__(self, size: float) -> ImageFont.FreeTypeFont:
        from PIL import ImageFont

        font = self._cache.get(size)
        if font is None:
            index = _SC_FACE if self.path.endswith(".ttc") else 0
            font = self._cache[size] = ImageFont.truetype(self.path, round(size * self.dpi / 72), index=index)
        return font


class _Canvas:
    """The pages being drawn, and where the next block goes (points from the top)."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.fonts = _Fonts(style.font, style.dpi)
        self.pages: list[Image.Image] = []
        self.y = _PAGE[1]  # forces a first page

    def px(self, points: float) -> int:
        return round(points * self.style.dpi / 72)

    def new_page(self) -> None:
        from PIL import Image

        self.pages.append(Image.new("L", (self.px(_PAGE[0]), self.px(_PAGE[1])), 255))
        self.y = _MARGIN

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` points fit on this one."""
        if self.y + height > _PAGE[1] - _MARGIN:
            self.new_page()

    def text(self, x: float, y: float, text: str, size: float) -> None:
        """Draw ``text`` with its top-left at (x, y) points."""
        from PIL import ImageDraw

        ImageDraw.Draw(self.pages[-1]).text((self.px(x), self.px(y)), text, font=self.fonts(size), fill=0)

    def width(self, text: str, size: float) -> float:
        return float(self.fonts(size).getlength(text)) * 72 / self.style.dpi

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        from PIL import ImageDraw

        thickness = max(1, round(self.style.dpi / 150))
        ImageDraw.Draw(self.pages[-1]).line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=0,
                                            width=thickness)


def _wrap(canvas: _Canvas, text: str, width: float, size: float) -> list[str]:
    """``text`` cut into lines at most ``width`` points wide (at least one character each)."""
    lines: list[str] = []
    current = ""
    for char in text:
        if current and canvas.width(current + char, size) > width:
            lines.append(current)
            current = char
        else:
            current += char
    if current or not lines:
        lines.append(current)
    return lines


def _draw_grid(canvas: _Canvas, grid: _Grid, widths: Sequence[float]) -> None:
    """A table: rows laid out on a grid of text lines (as :func:`gxgk.write.render_pages._layout_grid` does)."""
    size = _CELL_SIZE
    pitch = size * _LINE
    placed = _place(grid)
    starts = [_MARGIN + sum(widths[:column]) for column in range(len(widths) + 1)]

    def span(item: _Placed) -> tuple[float, float]:
        return starts[item.column], starts[item.column + item.cell.colspan]

    wrapped: dict[int, list[str]] = {}
    for item in placed:
        left, right = span(item)
        wrapped[id(item)] = _wrap(canvas, item.cell.text, right - left - 2 * _PAD, size) if item.cell.text else []
    heights = row_heights(len(grid.rows), placed, {key: len(lines) for key, lines in wrapped.items()})
    row_height = [h * pitch + 2 * _PAD for h in heights]
    canvas.room(sum(row_height))
    tops = [canvas.y + sum(row_height[:r]) for r in range(len(grid.rows) + 1)]
    for item in placed:
        left, right = span(item)
        last = min(item.row + item.cell.rowspan, len(grid.rows))
        top, bottom = tops[item.row], tops[last]
        lines = wrapped[id(item)]
        if item.cell.value:  # values sit on their row's middle line
            first = top + _PAD + (heights[item.row] // 2) * pitch
        else:
            slots = round((bottom - top - 2 * _PAD) / pitch)
            first = top + _PAD + ((slots - len(lines)) // 2) * pitch
        for offset, piece in enumerate(lines):
            x = left + (right - left - canvas.width(piece, size)) / 2
            if not item.cell.value and not grid.header[item.row] and right - left > 40:
                x = left + _PAD  # row labels are set flush left, as printed
            canvas.text(x, first + offset * pitch + (pitch - size) / 2 - size * 0.12, piece, size)
        if canvas.style.ruled:
            canvas.line(left, top, right, top)
            canvas.line(left, bottom, right, bottom)
            canvas.line(left, top, left, bottom)
            canvas.line(right, top, right, bottom)
    canvas.y = tops[-1] + 10


def draw_report(report: Report, style: Style | None = None) -> list[Image.Image]:
    """``report`` drawn as A4 pages (grayscale images at ``style.dpi``; default :class:`Style`)."""
    canvas = _Canvas(style or Style())
    canvas.new_page()
    if report.meta.title:
        lines = _wrap(canvas, report.meta.title, _PAGE[0] - 2 * _MARGIN, _TITLE_SIZE)
        for line in lines:
            canvas.text((_PAGE[0] - canvas.width(line, _TITLE_SIZE)) / 2, canvas.y, line, _TITLE_SIZE)
            canvas.y += _TITLE_SIZE * 1.5
        canvas.y += 12
    grids = _grids(report)
    for number, title in enumerate(SECTION_TITLES, start=1):
        canvas.room(_HEADING_SIZE * 4)
        canvas.text(_MARGIN, canvas.y, title, _HEADING_SIZE)
        canvas.y += _HEADING_SIZE * 2
        grid = grids.get(number)
        if grid is not None:
            _draw_grid(canvas, grid, _WIDTHS[number])
    return canvas.pages


def skew(page: Image.Image, degrees: float) -> Image.Image:
    """``page`` rotated by ``degrees`` (counter-clockwise), white filling the corners, same size."""
    from PIL import Image

    return page.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)


def to_png(page: Image.Image, dpi: int) -> bytes:
    """PNG bytes, with the resolution recorded (as scanners do)."""
    out = io.BytesIO()
    page.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def to_jpeg(page: Image.Image, quality: int, dpi: int) -> bytes:
    """JPEG bytes at ``quality`` (60 leaves visible artefacts around strokes)."""
    out = io.BytesIO()
    page.save(out, "JPEG", quality=quality, dpi=(dpi, dpi))
    return out.getvalue()


def to_pdf(pages: Sequence[Image.Image], dpi: int) -> bytes:
    """An image-only PDF: one page per image, no text layer (what a scanner makes)."""
    out = io.BytesIO()
    first, *rest = pages
    first.save(out, "PDF", resolution=float(dpi), save_all=True, append_images=list(rest))
    return out.getvalue()


def to_tiff(files: Sequence[bytes]) -> bytes:
    """Pictures (PNG or JPEG pages, artefacts kept) as one multi-page TIFF: one file for ``gxgk.parse``."""
    from PIL import Image

    pages = [Image.open(io.BytesIO(data)) for data in files]
    buffer = io.BytesIO()
    pages[0].save(buffer, "TIFF", save_all=True, append_images=pages[1:], dpi=pages[0].info.get("dpi", (200, 200)))
    return buffer.getvalue()


def screenshot(report: Report, *, dpi: int = 200, font: str = DEFAULT_FONT) -> bytes:
    """The report as one tall PNG, pages stacked without their margins: a web page's screenshot."""
    from PIL import Image

    pages = draw_report(report, Style(True, dpi, font))
    margin = round(_MARGIN * dpi / 72 * 0.6)
    cropped = [page.crop((0, margin, page.width, page.height - margin)) for page in pages]
    tall = Image.new("L", (cropped[0].width, sum(page.height for page in cropped)), 255)
    top = 0
    for page in cropped:
        tall.paste(page, (0, top))
        top += page.height
    return to_png(tall, dpi)


def picture_files(report: Report, kind: str, *, dpi: int = 200, font: str = DEFAULT_FONT) -> list[bytes]:
    """The files of ``kind`` (see :data:`KINDS`) that picture ``report``: one per page, or one PDF."""
    style_name, degrees, quality, pdf = KINDS[kind]
    pages = draw_report(report, Style(style_name == "ruled", dpi, font))
    if degrees:
        pages = [skew(page, degrees * (1 if number % 2 else -1)) for number, page in enumerate(pages)]
    if pdf:
        return [to_pdf(pages, dpi)]
    if quality is not None:
        return [to_jpeg(page, quality, dpi) for page in pages]
    return [to_png(page, dpi) for page in pages]


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--kind", choices=list(KINDS), default="ruled-png")
    parser.add_argument("--font", default=DEFAULT_FONT)
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    report = gxgk.parse(args.seed.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = {"image-pdf": "pdf", "jpeg60": "jpg"}.get(args.kind, "png")
    for number, data in enumerate(picture_files(report, args.kind, dpi=args.dpi, font=args.font), start=1):
        (args.out / f"{args.seed.stem}_{args.kind}_{number}.{suffix}").write_bytes(data)


if __name__ == "__main__":
    _main()

