"""OCR, the optional extra yusuan[ocr]: a page image -> glyphs and ruling lines.

rapidocr runs its detection and recognition models on onnxruntime; the models ship inside the
rapidocr wheel, so nothing is downloaded at run time. Ruling lines are found in the image with
OpenCV (a dependency of rapidocr) by keeping only long straight runs of dark pixels, once the
recognized text is blanked out. The result is a PageContent in PDF points, the same as a text
layer gives, so tables are rebuilt from OCR exactly as from a born-digital PDF.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from statistics import median

from ..errors import UnreadableInput
from .limits import Limits
from .pdf.geometry import Glyph, PageContent, Segment
from .pdf.rulings import merge_segments

# a dark run must be this many text heights long to be a ruling, not a stroke of a character
_RULING_TEXT_HEIGHTS = 1.5
_MIN_RULING_PIXELS = 15
# share of a text box trimmed on each side before it is blanked (boxes touch cell borders)
_BOX_INSET = 0.15


def available() -> bool:
    """Whether the OCR extra is installed (rapidocr and onnxruntime importable)."""
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr", "onnxruntime", "cv2", "numpy"))


@lru_cache(maxsize=1)
def _engine():
    from rapidocr import RapidOCR

    # word boxes: one box per CJK character and per run of digits, so a text box that straddles
    # two cells is still split at the border
    return RapidOCR(params={"Global.log_level": "error", "Global.return_word_box": True})


def page_content(image, number: int, scale: float) -> PageContent:
    """Glyphs and rulings of a page image rendered at `scale` pixels per PDF point."""
    import numpy as np

    pixels = np.asarray(image.convert("RGB"))
    result = _engine()(pixels)
    boxes = _word_boxes(result)
    glyphs = [Glyph(text, x0 / scale, top / scale, x1 / scale, bottom / scale) for text, (x0, top, x1, bottom) in boxes]
    horizontals, verticals = image_rulings(pixels, [box for _, box in boxes])
    scaled_h = [Segment(s.pos / scale, s.start / scale, s.end / scale) for s in horizontals]
    scaled_v = [Segment(s.pos / scale, s.start / scale, s.end / scale) for s in verticals]
    height, width = pixels.shape[:2]
    return PageContent(
        number, width / scale, height / scale, glyphs, merge_segments(scaled_h), merge_segments(scaled_v), ocr=True
    )


def _word_boxes(result) -> list[tuple[str, tuple[float, float, float, float]]]:
    words: list[tuple[str, tuple[float, float, float, float]]] = []
    for line in result.word_results or ():
        for text, _score, points in line:
            text = text.strip()
            if not text:
                continue
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            words.append((text, (min(xs), min(ys), max(xs), max(ys))))
    return words


def image_rulings(pixels, text_boxes: list[tuple[float, float, float, float]]) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical ruling segments of an RGB page image, in pixels."""
    import cv2
    import numpy as np

    gray = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    dark = cv2.adaptiveThreshold(~gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    for x0, top, x1, bottom in text_boxes:
        dx, dy = (x1 - x0) * _BOX_INSET, (bottom - top) * _BOX_INSET
        dark[int(top + dy) : int(bottom - dy) + 1, int(x0 + dx) : int(x1 - dx) + 1] = 0
    text_height = median([b[3] - b[1] for b in text_boxes]) if text_boxes else 20.0
    length = max(_MIN_RULING_PIXELS, int(_RULING_TEXT_HEIGHTS * text_height))
    horizontal = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    vertical = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    return _segments(horizontal, horizontal=True), _segments(vertical, horizontal=False)


def _segments(mask, horizontal: bool) -> list[Segment]:
    import cv2

    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    segments = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if horizontal:
            segments.append(Segment(y + h / 2, float(x), float(x + w)))
        else:
            segments.append(Segment(x + w / 2, float(y), float(y + h)))
    return segments


# resolution assumed for an image that does not say its own
_DEFAULT_DPI = 150


def read_image(data: bytes, name: str, limits: Limits):
    """A PNG or JPEG page (a scan, a screenshot of a table) read with OCR, as one PDF page would be."""
    import io

    from ..document import Document
    from .pdf.layout import page_lines
    from .pdf.prose import join_prose

    if not available():
        raise UnreadableInput(
            f"无法读取“{name}”：这是图片，需要文字识别（OCR）。请安装文字识别扩展（pip install 'yusuan[ocr]'）后再试，"
            "或提供带文字的 PDF、DOCX、XLSX。"
        )
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > limits.max_image_pixels:  # from the header, before decoding
            raise UnreadableInput(
                f"无法读取“{name}”：图片有 {image.width}×{image.height} 像素，超过上限 {limits.max_image_pixels:,} 像素。"
                "请缩小到 300 dpi 以内，或调高上限（Limits.max_image_pixels）后再试。"
            )
        image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise UnreadableInput(f"无法读取“{name}”：图片已损坏或格式无法识别。请重新导出为 PNG 或 JPEG 后再试。") from exc
    dpi = float((image.info.get("dpi") or (_DEFAULT_DPI,))[0]) or _DEFAULT_DPI
    content = page_content(image, 1, scale=dpi / 72)
    lines = [item.line for item in join_prose([page_lines(content)])]
    for number, line in enumerate(lines, start=1):
        line.number = number
    return Document(name=name, reader="image+ocr", lines=lines, page_count=1)
