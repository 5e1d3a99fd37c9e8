"""A page's glyphs, ruling sides and images straight from PDFium's page objects.

PDFium has parsed the content stream once it has loaded the page; its text page gives every character
with a loose box (the font's ascent to descent, as a viewer selects it) and its page objects give the
paths and images, each with its matrix. Everything is turned into the top-down coordinates of the page
as it is shown (its /Rotate applied, the origin at the crop box's top left), as `geometry` describes.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

Matrix = tuple[float, float, float, float, float, float]
Side = tuple[float, float, float, float]  # x0, y0, x1, y1, top-down

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# forms inside forms: deeper nesting is no table a reader would print
_MAX_FORM_DEPTH = 12
# a colour this close to white (0-255) draws nothing on a white page
_WHITE = 242


class TooManyObjects(Exception):
    """The page holds more characters, paths and images than the bound allows."""


@dataclass(frozen=True, slots=True)
class Char:
    """One character: its text, its loose box (top-down), its baseline, size and whether it stands upright."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    upright: bool
    mapped: bool  # the font maps the glyph to Unicode


@dataclass(slots=True)
class PageObjects:
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    sides: list[Side] = field(default_factory=list)  # straight sides of visible paths
    image_area: float = 0.0
    silent_text: int = 0  # text objects with glyphs but no text


def page_objects(page: pdfium.PdfPage, budget: int) -> PageObjects:
    """The page's characters, the visible straight sides of its paths and the area its images cover;
    more than `budget` characters, paths and images together raise TooManyObjects."""
    width, height = page.get_size()
    shown = _display_matrix(page)
    found = PageObjects(float(width), float(height))
    counter = [budget]
    textpage = page.get_textpage()
    try:
        _walk(raw.FPDFPage_CountObjects(page), lambda i: raw.FPDFPage_GetObject(page, i), _IDENTITY, shown, found,
              counter, 0, textpage)
        found.chars = _chars(textpage, shown, counter)
    finally:
        textpage.close()
    return found


def _display_matrix(page: pdfium.PdfPage) -> Matrix:
    """From PDF user space (y up) to the shown page (y down, rotation applied, crop box at the origin)."""
    left, bottom, right, top = page.get_cropbox()
    rotation = page.get_rotation() % 360
    if rotation == 90:
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, 1.0, right, -bottom)
    if rotation == 270:
        return (0.0, -1.0, -1.0, 0.0, top, right)
    return (1.0, 0.0, 0.0, -1.0, -left, top)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _then(first: Matrix, second: Matrix) -> Matrix:
    """`first`, then `second` (PDF row-vector convention)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = second
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _spend(counter: list[int], amount: int = 1) -> None:
    counter[0] -= amount
    if counter[0] < 0:
        raise TooManyObjects


def _walk(count: int, get, parent: Matrix, shown: Matrix, found: PageObjects, counter: list[int], depth: int,
          textpage) -> None:
    for index in range(count):
        obj = get(index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            found.silent_text += _is_silent(obj, textpage)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            _spend(counter)
            _path_sides(obj, _then(_matrix(obj), parent), shown, found.sides)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            _spend(counter)
            found.image_area += _image_area(obj, parent, shown)
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            _walk(raw.FPDFFormObj_CountObjects(obj), lambda i, o=obj: raw.FPDFFormObj_GetObject(o, i),
                  _then(_matrix(obj), parent), shown, found, counter, depth + 1, textpage)


def _is_silent(obj, textpage) -> bool:
    """A text object PDFium gives no text for, in a font the file does not embed: PDFium drops the glyphs
    of such a font when this machine has no font to stand in for it, while pdfminer still maps them to
    text through the font's ToUnicode map. (An empty string in an embedded font is common and harmless.)"""
    if raw.FPDFTextObj_GetText(obj, textpage, None, 0) > 2:  # bytes of UTF-16 with its terminator
        return False
    font = raw.FPDFTextObj_GetFont(obj)
    return bool(font) and not raw.FPDFFont_GetIsEmbedded(font)


def _matrix(obj) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path_sides(obj, to_page: Matrix, shown: Matrix, sides: list[Side]) -> None:
    """The straight sides of a visible path: each subpath's lines, closed where it is closed or filled."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return
    filled = fill_mode.value != 0
    visible = (stroke.value and not _white(obj, raw.FPDFPageObj_GetStrokeColor)) or (
        filled and not _white(obj, raw.FPDFPageObj_GetFillColor))
    if not visible:
        return
    to_shown = _then(to_page, shown)
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        if not raw.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = _apply(to_shown, x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            _close(sides, current, start, filled)
            start = current = point
        elif kind == raw.FPDF_SEGMENT_LINETO and current is not None:
            sides.append((*current, *point))
            current = point
        else:  # a Bézier control or end point: curves draw no ruling
            current = point
        if raw.FPDFPathSegment_GetClose(segment):
            _close(sides, current, start, True)
            current = start
    _close(sides, current, start, filled)


def _close(sides: list[Side], current, start, closed: bool) -> None:
    if closed and current is not None and start is not None and current != start:
        sides.append((*current, *start))


def _white(obj, get_color) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not get_color(obj, r, g, b, a):
        return False  # no colour known (a pattern): assume it shows
    return a.value == 0 or min(r.value, g.value, b.value) >= _WHITE


def _image_area(obj, parent: Matrix, shown: Matrix) -> float:
    """The area of the image's box on the shown page (an image fills its matrix's unit square)."""
    m = _then(_then(_matrix(obj), parent), shown)
    xs, ys = zip(*(_apply(m, u, v) for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))))
    return (max(xs) - min(xs)) * (max(ys) - min(ys))


def _chars(textpage: pdfium.PdfTextPage, shown: Matrix, counter: list[int]) -> list[Char]:
    count = raw.FPDFText_CountChars(textpage)
    rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    chars: list[Char] = []
    for index in range(count):
        code = raw.FPDFText_GetUnicode(textpage, index)
        if raw.FPDFText_IsGenerated(textpage, index) == 1:
            continue  # a space or line break PDFium inferred, not printed
        _spend(counter)
        # PDFium marks a hyphen that ends a line with a control code of its own
        text = "-" if raw.FPDFText_IsHyphen(textpage, index) == 1 else chr(code) if 0 < code < 0x110000 else ""
        if text.isspace():
            continue
        if not raw.FPDFText_GetLooseCharBox(textpage, index, rect):
            continue
        raw.FPDFText_GetCharOrigin(textpage, index, ox, oy)
        x_a, y_a = _apply(shown, rect.left, rect.top)
        x_b, y_b = _apply(shown, rect.right, rect.bottom)
        _, baseline = _apply(shown, ox.value, oy.value)
        raw.FPDFText_GetMatrix(textpage, index, matrix)
        size = raw.FPDFText_GetFontSize(textpage, index) * math.hypot(matrix.c, matrix.d)
        bottom = max(y_a, y_b)
        # the loose box reaches up to the font's ascent, often well above the glyph (and into the line
        # above in a tight table cell); a glyph is one font size tall above its descent, as in pdfminer
        top = bottom - size if size > 0 else min(y_a, y_b)
        mapped = bool(text) and not (0xE000 <= ord(text) <= 0xF8FF or ord(text) < 32) and \
            raw.FPDFText_HasUnicodeMapError(textpage, index) != 1
        chars.append(Char(text, min(x_a, x_b), top, max(x_a, x_b), bottom, baseline, size,
                          _upright(matrix, shown), mapped))
    return chars


def _upright(matrix, shown: Matrix) -> bool:
    """Set on a baseline running left to right as the page is shown, as pdfminer decides it: slanted
    (fake italic) glyphs are upright, rotated ones are not."""
    y_up = (shown[0], -shown[1], shown[2], -shown[3], 0.0, 0.0)  # the shown page's rotation, y still up
    a, b, c, d, _, _ = _then((matrix.a, matrix.b, matrix.c, matrix.d, 0.0, 0.0), y_up)
    return a * d > 0 and b * c <= 0
