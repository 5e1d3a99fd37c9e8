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
_MOVE_TO, _LINE_TO = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO
# forms inside forms: deeper nesting is no table a reader would print
_MAX_FORM_DEPTH = 12
# a colour this close to white (0-255) draws nothing on a white page
_WHITE = 242
# the standard Latin font families, which PDFium always has (Arial stands in for Helvetica)
_BUILT_IN = ("Times", "Arial", "Helvetica", "Courier", "Symbol", "ZapfDingbats")


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
    silent_fonts: set[str] = field(default_factory=set)  # fonts of text objects PDFium gives no text for


def page_objects(page: pdfium.PdfPage, budget: int) -> PageObjects:
    """The page's characters, the visible straight sides of its paths and the area its images cover;
    more than `budget` characters, paths and images together raise TooManyObjects."""
    width, height = page.get_size()
    shown = _display_matrix(page)
    found = PageObjects(float(width), float(height))
    counter = [budget]
    textpage = page.get_textpage()
    try:
        # the raw handles: pypdfium2's wrappers cost an attribute lookup on every call
        handle, text_handle = page.raw, textpage.raw
        _walk(raw.FPDFPage_CountObjects(handle), lambda i: raw.FPDFPage_GetObject(handle, i), _IDENTITY, shown,
              found, counter, 0, text_handle)
        found.chars = _chars(text_handle, shown, counter)
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
            font = _silent_font(obj, textpage)
            if font is not None:
                found.silent_fonts.add(font)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            _spend(counter)
            _path_sides(obj, _then(_then(_matrix(obj), parent), shown), found.sides)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            _spend(counter)
            found.image_area += _image_area(obj, parent, shown)
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            _walk(raw.FPDFFormObj_CountObjects(obj), lambda i, o=obj: raw.FPDFFormObj_GetObject(o, i),
                  _then(_matrix(obj), parent), shown, found, counter, depth + 1, textpage)


def _silent_font(obj, textpage) -> str | None:
    """The name of the font of a text object PDFium gives no text for, when the file does not embed it:
    either the object shows nothing (an empty or blank string, common and harmless), or PDFium cannot
    map the font's glyphs while pdfminer still can, through its ToUnicode map. PDFium has the standard
    Latin fonts built in: an object in one of those that gives no text is a blank one."""
    font = raw.FPDFTextObj_GetFont(obj)
    if not font or raw.FPDFFont_GetIsEmbedded(font):
        return None
    buffer = ctypes.create_string_buffer(128)
    raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
    name = buffer.value.decode("latin-1")
    if name.startswith(_BUILT_IN):
        return None
    # last, as it costs most: PDFium collects the object's text from the whole text page
    return name if raw.FPDFTextObj_GetText(obj, textpage, None, 0) <= 2 else None  # UTF-16 with its terminator


def _matrix(obj) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path_sides(obj, to_shown: Matrix, sides: list[Side]) -> None:
    """The straight sides of a visible path: each subpath's lines, closed where it is closed or filled."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return
    filled = fill_mode.value != 0
    visible = (stroke.value and not _white(obj, raw.FPDFPageObj_GetStrokeColor)) or (
        filled and not _white(obj, raw.FPDFPageObj_GetFillColor))
    if not visible:
        return
    a, b, c, d, e, f = to_shown
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    get_segment, get_point = raw.FPDFPath_GetPathSegment, raw.FPDFPathSegment_GetPoint
    get_type, get_close = raw.FPDFPathSegment_GetType, raw.FPDFPathSegment_GetClose
    start = current = None
    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = get_segment(obj, index)
        if not get_point(segment, x_ref, y_ref):
            continue
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)
        kind = get_type(segment)
        if kind == _MOVE_TO:
            _close(sides, current, start, filled)
            start = current = point
        elif kind == _LINE_TO and current is not None:
            sides.append((*current, *point))
            current = point
        else:  # a Bézier control or end point: curves draw no ruling
            current = point
        if get_close(segment):
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


def _chars(textpage, shown: Matrix, counter: list[int]) -> list[Char]:
    count = raw.FPDFText_CountChars(textpage)
    if count > 4 * max(counter[0], 1):  # even with a space between every two characters, over the bound
        raise TooManyObjects
    codes = _codes(textpage, count)
    rect, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_ref, matrix_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(matrix), ctypes.byref(ox), ctypes.byref(oy)
    loose_box, origin, char_matrix = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin, raw.FPDFText_GetMatrix
    font_size, map_error, is_hyphen = raw.FPDFText_GetFontSize, raw.FPDFText_HasUnicodeMapError, raw.FPDFText_IsHyphen
    sa, sb, sc, sd, se, sf = shown
    # per character matrix (one per text object, mostly): the glyph's scale and whether it stands upright
    kinds: dict[tuple[float, float, float, float], tuple[float, bool]] = {}
    chars: list[Char] = []
    budget = counter[0]
    for index, code in enumerate(codes):
        # PDFium marks a hyphen that ends a line with a control code of its own
        text = "-" if code < 32 and is_hyphen(textpage, index) == 1 else chr(code)
        if text.isspace():
            continue  # a space printed or inferred by PDFium, or a line break
        budget -= 1
        if budget < 0:
            raise TooManyObjects
        if not loose_box(textpage, index, rect_ref):
            continue
        origin(textpage, index, ox_ref, oy_ref)
        char_matrix(textpage, index, matrix_ref)
        key = (matrix.a, matrix.b, matrix.c, matrix.d)
        kind = kinds.get(key)
        if kind is None:
            kind = kinds[key] = (math.hypot(key[2], key[3]), _upright(key, shown))
        scale, upright = kind
        size = font_size(textpage, index) * scale
        # two opposite corners of the box on the shown page (its matrix turns by quarter turns only)
        r_left, r_top, r_right, r_bottom = rect.left, rect.top, rect.right, rect.bottom
        left, right = sa * r_left + sc * r_top + se, sa * r_right + sc * r_bottom + se
        top, bottom = sb * r_left + sd * r_top + sf, sb * r_right + sd * r_bottom + sf
        lowest = bottom if bottom > top else top
        # the loose box reaches up to the font's ascent, often well above the glyph (and into the line
        # above in a tight table cell); a glyph is one font size tall above its descent, as in pdfminer
        highest = lowest - size if size > 0 else min(top, bottom)
        mapped = not (0xE000 <= code <= 0xF8FF or code < 32) and map_error(textpage, index) != 1
        chars.append(Char(text, min(left, right), highest, max(left, right), lowest,
                          sb * ox.value + sd * oy.value + sf, size, upright, mapped))
    counter[0] = budget
    return chars


def _codes(textpage, count: int) -> list[int]:
    """Every character's Unicode code point, read in one call where the page has no character outside
    the Basic Multilingual Plane (whose UTF-16 would take two places for one character)."""
    buffer = (ctypes.c_uint16 * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    units = list(buffer[: max(written - 1, 0)])
    if len(units) == count and not any(0xD800 <= u <= 0xDFFF for u in units):
        return units
    return [raw.FPDFText_GetUnicode(textpage, index) for index in range(count)]


def _upright(matrix: tuple[float, float, float, float], shown: Matrix) -> bool:
    """Set on a baseline running left to right as the page is shown, as pdfminer decides it: slanted
    (fake italic) glyphs are upright, rotated ones are not."""
    y_up = (shown[0], -shown[1], shown[2], -shown[3], 0.0, 0.0)  # the shown page's rotation, y still up
    a, b, c, d, _, _ = _then((*matrix, 0.0, 0.0), y_up)
    return a * d > 0 and b * c <= 0
