"""A page read by pdfminer and pdfplumber, for what PDFium cannot read: a page whose text PDFium drops
(glyphs of a font it does not embed, which pdfminer still maps to text through the font's ToUnicode
map), and the pages of a file whose page tree PDFium numbers differently (a /Count that lies).

pdfminer is bounded while it parses: its device counts characters, paths and images and stops one past
the bound, before pdfminer and pdfplumber hold an object (and then a dict) for each of millions of glyphs.
"""

from __future__ import annotations

from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

from ...errors import UnreadableInput
from ..limits import Limits, over_limit
from . import miner  # noqa: F401  (pdfminer's readings bounded, before any page is read)
from .geometry import Glyph, PageContent, dedupe
from .pages import TextLayer, seated_box
from .rulings import page_rulings


def text_layer(page, number: int, name: str, limits: Limits) -> TextLayer:
    """The page's glyphs (fake-bold copies removed) and rulings."""
    chars, shapes = parsed_objects(page, number, name, limits)
    x0, top, x1, bottom = page.bbox
    glyphs: list[Glyph] = []
    undecodable = 0
    for char in chars:
        text = char["text"]
        if not text or text.isspace():
            continue
        # text placed outside the visible page (clipped, never shown by a viewer) is not read
        if not (x0 <= (char["x0"] + char["x1"]) / 2 <= x1 and top <= (char["top"] + char["bottom"]) / 2 <= bottom):
            continue
        if _undecodable(text):
            undecodable += 1
        elif char.get("upright", True):
            glyph_top, glyph_bottom = glyph_top_bottom(char)
            glyphs.append(Glyph(text, char["x0"], glyph_top, char["x1"], glyph_bottom))
    horizontals, verticals = page_rulings(shapes)
    content = PageContent(number, float(page.width), float(page.height), dedupe(glyphs), horizontals, verticals)
    return TextLayer(content, undecodable)


def glyph_top_bottom(char: dict) -> tuple[float, float]:
    """The glyph's top and bottom on the page, set on its baseline where its font's descent is wrong
    (`pages.seated_box`)."""
    top, bottom, size = char["top"], char["bottom"], char.get("size") or 0
    matrix = char.get("matrix")
    if not matrix or size <= 0 or matrix[1] or matrix[2]:
        return top, bottom
    depth = matrix[5] - char["y0"]  # below the baseline, in the PDF's upward coordinates
    return seated_box(top, bottom, bottom - depth, size)


class BrokenPage(Exception):
    """pdfminer could not parse this page's content."""


def parsed_objects(page, number: int, name: str, limits: Limits) -> tuple[list[dict], list[dict]]:
    """The page's characters and its shapes (lines, rectangles, curves) as pdfminer parses them."""
    try:
        _bounded_layout(page, number, name, limits)
        return page.chars, page.lines + page.rects + page.curves
    except UnreadableInput:
        raise
    except Exception as exc:  # pdfminer raises many kinds for one cause: a content stream it cannot parse
        raise BrokenPage(str(exc)) from exc


class _TooManyObjects(Exception):
    pass


class _CountingAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's own device, counting what it draws: the page stops being parsed one past the bound,
    before pdfminer and pdfplumber hold an object (and then a dict) for each of millions of glyphs."""

    budget = 0

    def _count(self) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise _TooManyObjects

    def render_char(self, *args, **kwargs):
        self._count()
        return super().render_char(*args, **kwargs)

    def render_image(self, *args, **kwargs):
        self._count()
        super().render_image(*args, **kwargs)

    def paint_path(self, *args, **kwargs):
        self._count()
        super().paint_path(*args, **kwargs)


def _bounded_layout(page, number: int, name: str, limits: Limits) -> None:
    """Lay the page out as pdfplumber's `Page.layout` does, with the counting device, and leave the
    result where pdfplumber keeps it (`_layout`, one of its cached properties, freed by `page.close()`)."""
    device = _CountingAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    device.budget = limits.max_page_objects
    try:
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except _TooManyObjects:
        raise UnreadableInput(
            over_limit(name, f"第 {number} 页的字符、线条和图像", limits.max_page_objects, "max_page_objects")
        ) from None
    page._layout = device.get_result()


def _undecodable(text: str) -> bool:
    return text.startswith("(cid:") or any(0xE000 <= ord(c) <= 0xF8FF or ord(c) < 32 for c in text)


def image_share(page) -> float:
    """The share of a pdfplumber page that its images cover."""
    area = float(page.width) * float(page.height) or 1.0
    return sum(
        max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"])) for i in page.images
    ) / area
