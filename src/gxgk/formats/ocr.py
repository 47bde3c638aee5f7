"""Pictures of reports → the text layout the text parser reads, by OCR (optional: ``pip install 'gxgk[ocr]'``).

Many reports reach us only as pictures: scans saved as PDF without a text
layer, or tables pasted into web pages as images.  This module reads them
offline and hands :func:`gxgk.formats.pdf.layout` the same thing the PDF reader does,
a :class:`~gxgk.formats.pdf.Page` of glyphs and drawn rules per page, so bordered
tables, borderless tables, titles and page furniture are laid out by one piece
of code whatever the source.

Library
-------
`RapidOCR <https://github.com/RapidAI/RapidOCR>`_ (``rapidocr-onnxruntime``
1.4.x): PaddleOCR's Chinese PP-OCRv4 detection and recognition models run by
onnxruntime.  The models ship inside the wheel (about 14 MB), so nothing is
downloaded at run time and it works on machines without network access;
PaddleOCR itself would download its models and pulls in paddlepaddle;
Tesseract's Chinese models read tables of digits worse and need a system
binary.  OpenCV and numpy come with RapidOCR and are used here for the image
work (deskewing, finding ruling lines); Pillow opens the image formats;
pypdfium2 renders PDF pages (PDFium, Apache/BSD, wheels for every platform).
All of them are imported inside functions: ``import gxgk`` stays as fast as
it was.

How a page is read
------------------
1. The picture is made grayscale and straightened: scanners feed paper a
   little askew, and a ruling line tilted by 0.8° drifts by a line height
   across a table.  The angle is the one whose horizontal projection of dark
   pixels is sharpest (text lines and rules line up with the rows).
2. Ruling lines are the long thin runs of dark pixels a morphological opening
   with a long one-pixel kernel keeps (a character's strokes are shorter than
   the kernel).  They become :class:`~gxgk.formats.pdf.Rule` objects, so a ruled
   grid is a bordered table in ``layout``; then they are painted white, so
   the recogniser never reads a border as "1" or "|".
3. Text boxes are detected on a reduced copy (speed) and recognised on crops
   of the full picture (accuracy), with RapidOCR's models and its own crop
   and resize code, but decoded here (CTC, greedy) so that each character's
   probability is known: see the confidence guard below.
4. Each box becomes one glyph per character, its width divided in proportion
   to the characters' widths (a CJK character is about twice a digit's
   width), with y flipped to grow upwards, in points: the picture's
   resolution if it records one, else an A4 page's width.  ``layout``'s
   thresholds are in points or relative to glyph heights, and hold then.

Confidence guard
----------------
A misread digit is the worst failure OCR can have here: it is a wrong number
that looks right.  The recogniser gives a probability per character; a zero
is often split between "0", "o", "O", "〇" and "０", which all say zero in a
box of digits, so those probabilities are added up.  A box with a digit
whose probability is below :data:`THRESHOLD` has each of its numbers
replaced by ``~~~~``: the tokenizer still reads that as one value cell (so
the row keeps its columns), and the value parser refuses it (``P-cell-value``,
the cell left blank), where "1?3" would have been read as two numbers.  A
``P-ocr`` warning says what was seen and how sure the recogniser was.
"""

from __future__ import annotations

import importlib.util
import io
import math
import unicodedata
from collections.abc import Container, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import regex

from ..model import Diagnostic, Severity
from . import pdf
from .pdf import MAX_PAGES, Glyph, Page, Rule, is_pdf, layout, pdf_to_text

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from PIL import Image

__all__ = ["DOUBT", "EXTRA_HINT", "THRESHOLD", "image_pages", "image_to_text", "ocr_to_text", "pdf_or_ocr",
           "pdf_pages_by_ocr"]

EXTRA_HINT: Final = "pip install 'gxgk[ocr]'"

#: A box holding a digit recognised with less probability than this does not give a number.
#: Chosen from measurements on drawn report tables (see tests/test_ocr.py): correctly read digits
#: score above 0.97 there once 0/o/O/〇 are taken together, misreads fall below it.
THRESHOLD: Final = 0.9
#: What a doubtful number is replaced with: a value token the value parser refuses.
DOUBT: Final = "~~~~"
#: Points per inch.
_POINT: Final = 72.0
#: The width of an A4 page in points: the unit assumed for a picture that records no resolution.
_A4_WIDTH: Final = 595.3
#: An A4 page's height over its width.
_A4_RATIO: Final = 842 / 595.3
#: Text boxes are detected on a copy whose longer side is at most this many pixels (≈ 120 dpi for A4).
_DETECT_SIDE: Final = 1400
#: A horizontal rule is at least this long, a vertical one at least this tall (points); text strokes are shorter.
_RULE_LENGTH: Final = (25.0, 14.0)
#: … and at most this thick (points).
_RULE_THICKNESS: Final = 3.0
#: Skew angles tried when straightening a page (degrees either way).
_MAX_SKEW: Final = 2.0
#: Recogniser input: 48 pixels high, padded to at least 320 wide, as the model was trained.
_REC_HEIGHT: Final = 48
_REC_MIN_RATIO: Final = 320 / 48
#: One crop per run: batching pads crops to the widest and costs more than it saves on one thread.
_REC_BATCH: Final = 1
#: Boxes the recogniser is less sure of than this are noise (RapidOCR's own text_score).
_NOISE: Final = 0.5
#: Characters that all say zero in a box of digits.
_ZEROS: Final = "0０oO〇"
#: A number in a box's text: sign, digits with separators, decimals, unit.
_NUMBER = regex.compile(r"(?:[+\-]|增加|减少|增|减)?\d+(?:[,.]\d+)*(?:万元|万|元|件|条|个|项|人次|次|份|宗)?")
#: After a number: a numbering point ("4.保护第三方…"), which makes the number a label's, not a value.
_NUMBERING = regex.compile(r"[.、．](?!\d)")
#: A box that is nothing but a number (zeros as letters included): only there are o/O/〇 read as 0.
_NUMERIC_BOX = regex.compile(r"[+\-]?[\d０-９oO〇][\d０-９oO〇,.]*")


class _Box(NamedTuple):
    """A recognised text box: text, each character's probability, and its bounds in pixels (y down)."""

    text: str
    confidences: tuple[float, ...]
    left: float
    top: float
    right: float
    bottom: float


# ---- the engine ---------------------------------------------------------------------


@cache
def _engine() -> Any:
    """One RapidOCR engine per process: loading its three models takes a quarter of a second.

    onnxruntime is told to use one thread per operator and one for the graph
    (``intra_op_num_threads`` / ``inter_op_num_threads``, which RapidOCR passes
    on to each model's ``SessionOptions``): a batch of reports is parallelised
    by processes, and threads fighting over the same cores only cost.
    """
    from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped,unused-ignore]

    engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, print_verbose=False)
    FUSED["detector"] = _fuse(engine.text_det.infer, (1, 3, 64, 96))
    FUSED["recogniser"] = _fuse(engine.text_rec.session, (1, 3, _REC_HEIGHT, 320))
    return engine


#: Which of the engine's models run fused (see :func:`_fuse`), once the engine is loaded.
FUSED: dict[str, bool] = {}


def _fuse(wrapper: Any, probe: tuple[int, ...]) -> bool:
    """Swap RapidOCR's onnxruntime session for one of the same model with its activation blocks fused.

    See :mod:`gxgk.formats._ocr_graph`: the same function of the input up to
    float rounding, about a fifth less CPU time.  The fused model must give
    what the original gives on a probe input (to 1e-4) or it is not used;
    anything that goes wrong keeps the original session.  True if swapped.
    """
    import numpy as np
    import onnxruntime  # type: ignore[import-untyped,unused-ignore]

    from ._ocr_graph import fuse

    original = wrapper.session
    try:
        path = original._model_path  # onnxruntime keeps the file it loaded (a private name: hence the guard)
        with open(path, "rb") as file:
            data = fuse(file.read())
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 4
        options.enable_cpu_mem_arena = False
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        fused = onnxruntime.InferenceSession(data, sess_options=options, providers=["CPUExecutionProvider"])
        sample = np.random.default_rng(0).uniform(-1.0, 1.0, probe).astype(np.float32)
        name = original.get_inputs()[0].name
        expected, got = original.run(None, {name: sample})[0], fused.run(None, {name: sample})[0]
        if expected.shape == got.shape and float(np.abs(expected - got).max()) <= 1e-4:
            wrapper.session = fused
            return True
    except Exception:  # an optimisation: whatever goes wrong, the original session works
        wrapper.session = original
    return False


# ---- public entry points --------------------------------------------------------------


def ocr_to_text(data: bytes, kind: str = "image") -> tuple[str, list[Diagnostic]]:
    """The text layout of a picture (``kind="image"``) or an image-only PDF (``kind="pdf"``), and diagnostics.

    Never raises for a bad file: without the OCR libraries the diagnostic
    names the extra to install; a picture that cannot be opened gives an
    error diagnostic.
    """
    if kind not in ("image", "pdf"):
        raise ValueError(f"kind must be 'image' or 'pdf', not {kind!r}")
    try:
        pages, notes = _pdf_pages(data, 200) if kind == "pdf" or is_pdf(data) else _image_pages(data)
    except ImportError as exc:
        return "", [Diagnostic("P-ocr-extra", f"reading pictures needs the optional extra: {EXTRA_HINT} "
                               f"({exc.name or exc} is missing)", Severity.ERROR)]
    except Exception as exc:  # Pillow and PDFium raise many kinds on broken files
        return "", [_unopened(exc)]
    text, found = layout(pages)
    return text, [*notes, *found]


def image_to_text(data: bytes) -> tuple[str, list[Diagnostic]]:
    """A picture of a report read by OCR (see :func:`ocr_to_text`), with a note that says so."""
    text, notes = ocr_to_text(data, "image")
    return text, _read_by_ocr(notes)


def pdf_or_ocr(data: bytes) -> tuple[str, list[Diagnostic]]:
    """A PDF's text layer; with the ``ocr`` extra, its pages without one (scans) read by OCR.

    A PDF whose text layer cannot be read at all (no text, or characters
    without a Unicode mapping) is read by OCR page by page; in a PDF that has
    text, only the pages without any are, and laid out with the others.  The
    file is parsed once: the pages read for the text layer are the ones laid
    out again with the scanned pages put in.
    """
    if importlib.util.find_spec("rapidocr_onnxruntime") is None:
        return pdf_to_text(data)
    try:
        pages = pdf.load(data)  # looked up on the module: the one pdf_to_text uses
    except Exception:  # no pdfminer.six, or a broken file: pdf_to_text says which
        return pdf_to_text(data)
    text, notes = layout(pages)
    if not any(note.code == "P-pdf-ocr" for note in notes):
        return text, notes
    if any(note.code == "P-pdf-ocr" and note.severity is Severity.ERROR for note in notes):
        text, ocr_notes = ocr_to_text(data, "pdf")
        return text, _read_by_ocr(ocr_notes)
    blank = {index for index, page in enumerate(pages) if not page.glyphs and page.images >= 0}
    try:
        scanned, ocr_notes = _pdf_pages(data, 200, only=blank)
    except Exception as exc:  # PDFium and Pillow raise many kinds; the text layer read above stands
        return text, [*notes, _unopened(exc)]
    merged = [scanned[index] if index in blank and index < len(scanned) else page for index, page in enumerate(pages)]
    text, laid = layout(merged)
    still = [str(index + 1) for index in sorted(blank) if not merged[index].glyphs]
    laid = [note for note in laid if note.code != "P-pdf-ocr"]  # those pages were read by OCR: said below
    if still:
        laid.append(Diagnostic("P-ocr", f"page(s) {', '.join(still)} have no text layer, and OCR found none on them",
                               Severity.WARNING))
    return text, _read_by_ocr([*ocr_notes, *laid], f"page(s) {', '.join(str(i + 1) for i in sorted(blank))} ")


def _read_by_ocr(notes: list[Diagnostic], pages: str = "") -> list[Diagnostic]:
    if any(note.severity is Severity.ERROR for note in notes):
        return notes  # nothing was read
    return [Diagnostic("P-ocr-read", f"{pages}read by OCR: every number is checked by the table's identities, "
                       "and a cell read with doubt is left blank", Severity.INFO), *notes]


def _unopened(exc: Exception) -> Diagnostic:
    """The error for a picture OCR cannot open; no object addresses in it, so a message is the same each time."""
    message = regex.sub(r"<[^<>]{0,80} at 0x[0-9a-fA-F]+>", "the data", str(exc))[:200]
    return Diagnostic("P-image", f"a picture of a report that OCR could not open ({type(exc).__name__}: {message})",
                      Severity.ERROR)


def image_pages(data: bytes) -> list[Page]:
    """The pages of a picture (PNG, JPEG, TIFF — each frame a page —, BMP, WebP) as glyphs and rules.

    Numbers read with doubt are already replaced (see the module docstring);
    :func:`ocr_to_text` also returns the warnings saying so.
    """
    return _image_pages(data)[0]


def pdf_pages_by_ocr(data: bytes, dpi: int = 200) -> list[Page]:
    """The pages of a PDF without a text layer, rendered at ``dpi`` and read by OCR."""
    return _pdf_pages(data, dpi)[0]


def _image_pages(data: bytes) -> tuple[list[Page], list[Diagnostic]]:
    from PIL import Image, ImageSequence

    pages: list[Page] = []
    notes: list[Diagnostic] = []
    with Image.open(io.BytesIO(data)) as picture:
        for frame in ImageSequence.Iterator(picture):
            if len(pages) == MAX_PAGES:
                pages.append(Page(0, 0, [], [], -1))
                break
            dpi = frame.info.get("dpi")
            resolution = float(dpi[0]) if isinstance(dpi, tuple) and dpi and 50 <= float(dpi[0]) <= 1200 else None
            page, found = _read_picture(frame, resolution, len(pages) + 1)
            pages.append(page)
            notes += found
    return pages, notes


def _pdf_pages(data: bytes, dpi: int, only: Container[int] | None = None) -> tuple[list[Page], list[Diagnostic]]:
    """The PDF's pages rendered at ``dpi`` and read by OCR; with ``only``, those pages (0-based), others empty."""
    import pypdfium2  # type: ignore[import-untyped,unused-ignore]

    document = pypdfium2.PdfDocument(data)
    pages: list[Page] = []
    notes: list[Diagnostic] = []
    try:
        for index in range(len(document)):
            if index == MAX_PAGES:
                pages.append(Page(0, 0, [], [], -1))
                break
            if only is not None and index not in only:
                pages.append(Page(0, 0, [], []))
                continue
            picture = document[index].render(scale=dpi / _POINT, grayscale=True).to_pil()
            page, found = _read_picture(picture, float(dpi), index + 1)
            pages.append(page)
            notes += found
    finally:
        document.close()
    return pages, notes


# ---- one picture ----------------------------------------------------------------------


def _read_picture(picture: Image.Image, dpi: float | None, number: int) -> tuple[Page, list[Diagnostic]]:
    """One page: straighten, find and erase rules, recognise text, convert to points."""
    import numpy as np

    gray = np.asarray(picture.convert("L"), dtype=np.uint8)
    height, width = gray.shape
    scale = _POINT / dpi if dpi else _A4_WIDTH / min(width, height)  # points per pixel
    gray = _straighten(gray)
    rules, lines = _find_rules(gray, scale)
    gray = np.where(lines, np.uint8(255), gray)
    boxes = _recognise(gray)
    glyphs: list[Glyph] = []
    notes: list[Diagnostic] = []
    for box in boxes:
        text, note = _guard(box, number)
        if note is not None:
            notes.append(note)
        glyphs += _glyphs(text, box, height, scale)
    page = Page(width * scale, height * scale,
                glyphs, [Rule(x0 * scale, (height - y1) * scale, x1 * scale, (height - y0) * scale)
                         for x0, y0, x1, y1 in rules], 1)
    return page, notes


def _straighten(gray: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """``gray`` rotated so that its text lines and rules are level.

    The angle maximises the variance of the row sums of dark pixels on a
    quarter-size copy (the sum of their squares): level lines give sharp peaks
    and white gaps.  A coarse
    search in 0.1° steps, then 0.01° around the best; pages within 0.05° are
    left alone (rotating blurs them).
    """
    import cv2
    import numpy as np

    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    dark = (small < 200).astype(np.float32)  # the reduced copy greys thin strokes: a generous threshold
    rows, columns = dark.shape
    centre = (columns / 2, rows / 2)

    def sharpness(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(dark, matrix, (columns, rows), flags=cv2.INTER_LINEAR, borderValue=0.0)
        sums = turned.sum(axis=1)
        return float((sums * sums).sum())

    steps = int(_MAX_SKEW / 0.1)
    best = max((index * 0.1 for index in range(-steps, steps + 1)), key=sharpness)
    best = max((best + index * 0.01 for index in range(-10, 11)), key=sharpness)
    if abs(best) < 0.05:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), best, 1.0)
    return np.asarray(cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255),
                      dtype=np.uint8)


def _find_rules(gray: npt.NDArray[np.uint8], scale: float
                ) -> tuple[list[tuple[float, float, float, float]], npt.NDArray[np.bool_]]:
    """Ruling lines as (x0, y0, x1, y1) pixel segments (y down), and the mask of their pixels.

    A morphological opening with a kernel one pixel thick and
    :data:`_RULE_LENGTH` long keeps only runs of dark pixels at least that
    long: borders, not characters.  Each connected run thinner than
    :data:`_RULE_THICKNESS` is one rule along its middle.
    """
    import cv2
    import numpy as np

    dark = ((gray < 128) * 255).astype(np.uint8)
    segments: list[tuple[float, float, float, float]] = []
    painted = np.zeros(gray.shape, dtype=np.uint8)
    thick = _RULE_THICKNESS / scale
    for horizontal, length in zip((True, False), _RULE_LENGTH, strict=True):
        size = max(int(length / scale), 10)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (size, 1) if horizontal else (1, size))
        runs = cv2.morphologyEx(dark, cv2.MORPH_OPEN, kernel)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
        kept = np.zeros(count, dtype=np.uint8)  # per label: 1 if a rule (one lookup, not a pass per rule)
        for label in range(1, count):
            x, y, w, h = (int(v) for v in stats[label][:4])
            if (h if horizontal else w) > thick:
                continue
            if horizontal:
                segments.append((float(x), y + h / 2, float(x + w), y + h / 2))
            else:
                segments.append((x + w / 2, float(y), x + w / 2, float(y + h)))
            kept[label] = 1
        painted |= kept[labels]
    # antialiased edges of the lines: one pixel more on each side
    mask = cv2.dilate(painted, np.ones((3, 3), np.uint8)).astype(bool)
    return segments, mask


def _recognise(gray: npt.NDArray[np.uint8]) -> list[_Box]:
    """Text boxes of ``gray``: detected on a reduced copy, recognised on crops of the full picture."""
    import cv2
    import numpy as np

    engine = _engine()
    height, width = gray.shape
    colour = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    # reduced as an A4 page of the same width would be: a tall screenshot is several pages long, and shrunk
    # by its height its digits would be detected too small to crop whole
    factor = min(1.0, _DETECT_SIDE / max(min(height, round(width * _A4_RATIO)), width))
    small = colour if factor == 1.0 else cv2.resize(colour, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    found, _ = engine.text_det(small)
    if found is None or len(found) == 0:
        return []
    quads = [np.asarray(quad, dtype=np.float32) / factor for quad in engine.sorted_boxes(found)]
    crops = engine.get_crop_img_list(colour, quads)
    read = _read_crops(engine, crops)
    boxes = []
    for quad, (text, confidences) in zip(quads, read, strict=True):
        if not text.strip() or (confidences and sum(confidences) / len(confidences) < _NOISE):
            continue
        boxes.append(_Box(text, confidences, float(quad[:, 0].min()), float(quad[:, 1].min()),
                          float(quad[:, 0].max()), float(quad[:, 1].max())))
    return boxes


def _read_crops(engine: Any, crops: Sequence[npt.NDArray[np.uint8]]) -> list[tuple[str, tuple[float, ...]]]:
    """Each crop's text and its characters' probabilities (CTC greedy decoding).

    RapidOCR's recogniser would give one mean score per box and keep the
    alternatives to itself; decoding here keeps each character's probability,
    and for a zero the probability of everything that says zero.  Crops are
    batched by width, resized to 48 pixels high and padded to at least 320
    wide with the value the model was trained with (0 after normalising).
    """
    import cv2
    import numpy as np

    recogniser = engine.text_rec
    characters: list[str] = list(recogniser.postprocess_op.character)
    zeros = [index for index, char in enumerate(characters) if char in _ZEROS]
    ratios = [crop.shape[1] / max(crop.shape[0], 1) for crop in crops]
    order = sorted(range(len(crops)), key=ratios.__getitem__)
    result: list[tuple[str, tuple[float, ...]]] = [("", ())] * len(crops)
    for start in range(0, len(order), _REC_BATCH):
        batch = order[start : start + _REC_BATCH]
        ratio = max(_REC_MIN_RATIO, *(ratios[index] for index in batch))
        width = math.ceil(_REC_HEIGHT * ratio)
        tensor = np.zeros((len(batch), 3, _REC_HEIGHT, width), dtype=np.float32)
        for row, index in enumerate(batch):
            resized_width = min(width, math.ceil(_REC_HEIGHT * ratios[index]))
            resized = cv2.resize(crops[index], (resized_width, _REC_HEIGHT)).astype(np.float32)
            tensor[row, :, :, :resized_width] = resized.transpose(2, 0, 1) / 127.5 - 1.0
        probabilities = recogniser.session(tensor)[0]
        for row, index in enumerate(batch):
            best = probabilities[row].argmax(axis=1)
            text: list[str] = []
            confidences: list[float] = []
            previous = 0
            for step, code in enumerate(best.tolist()):
                if code and code != previous:
                    char = characters[code]
                    text.append(char)
                    confidences.append(float(probabilities[row, step, zeros].sum() if char in _ZEROS
                                             else probabilities[row, step, code]))
                previous = code
            result[index] = ("".join(text), tuple(confidences))
    return result


# ---- boxes → glyphs ---------------------------------------------------------------------


def _guard(box: _Box, page: int) -> tuple[str, Diagnostic | None]:
    """The box's text to lay out, with doubtful numbers replaced by :data:`DOUBT`, and the warning saying so.

    A box that is only a number has full-width digits and letters that say
    zero read as digits ("o" → "0"); elsewhere letters stay letters.  The
    numbering of a label ("4.保护第三方合法权益") is not a value and is
    left alone: the rows are found by their text.
    """
    text = box.text
    if _NUMERIC_BOX.fullmatch(text):
        text = "".join("0" if char in _ZEROS else char for char in unicodedata.normalize("NFKC", text))
    numbers = [match for match in _NUMBER.finditer(text) if not _NUMBERING.match(text, match.end())]
    doubtful = [confidence for match in numbers
                for char, confidence in zip(text[match.start():match.end()],
                                            box.confidences[match.start():match.end()], strict=False)
                if char.isdigit() and confidence < THRESHOLD]
    if not doubtful:
        return text, None
    replaced = text
    for match in reversed(numbers):
        replaced = replaced[: match.start()] + DOUBT + replaced[match.end() :]
    return replaced, Diagnostic(
        "P-ocr", f"page {page}: OCR read {box.text!r} with a digit only {min(doubtful):.0%} sure "
        f"(at least {THRESHOLD:.0%} needed); its numbers were not used", Severity.WARNING)


def _advance(char: str) -> float:
    """A character's width in ems: CJK and full-width forms one, the rest about half."""
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    return 0.3 if char == " " else 0.55


def _glyphs(text: str, box: _Box, height: int, scale: float) -> list[Glyph]:
    """One glyph per character, the box's width shared in proportion to the characters' widths.

    The replacement of a doubtful number keeps the width of what it replaced
    only roughly; its glyphs stay inside the box, which is what placing it in
    its cell needs.
    """
    weights = [_advance(char) for char in text]
    total = sum(weights) or 1.0
    unit = (box.right - box.left) / total
    top = (height - box.top) * scale
    bottom = (height - box.bottom) * scale
    glyphs = []
    x = box.left
    for char, weight in zip(text, weights, strict=True):
        if char.strip():
            glyphs.append(Glyph(char, x * scale, bottom, (x + weight * unit) * scale, top))
        x += weight * unit
    return glyphs
