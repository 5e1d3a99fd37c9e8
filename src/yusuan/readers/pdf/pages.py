"""Opening a PDF within bounds, and each page's glyphs and rulings from its text layer.

pypdfium2 opens the file first: it is fast and tells an encrypted file from a broken one. The pages
are then counted by walking the page tree the way pdfplumber will read it, stopping one past the
limit: the tree's /Count is never trusted (a file may declare 1 page and hold thousands, and pdfminer
reads every page it finds, even /Page objects outside any tree). pdfplumber then gives characters and
strokes page by page; each page's cache is freed after use.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

from ...errors import UnreadableInput
from ..limits import Limits, over_limit
from .geometry import Glyph, PageContent, dedupe
from .rulings import page_rulings

_FPDF_ERR_PASSWORD = 4
_FPDF_ERR_SECURITY = 5
# a page whose text layer has fewer usable characters than this has no text to speak of
_MIN_GLYPHS = 5
# share of undecodable glyphs ((cid:n), private-use codes) above which a text layer is unusable
_MAX_BAD_SHARE = 0.3
# an image-only page: images cover at least this share of it
_IMAGE_COVER = 0.3
# a glyph reaching further below its baseline than this share of its size has a font whose descent is
# wrong: its box is moved up to sit on the baseline as a normal glyph does
_MAX_DESCENT = 0.6
_USUAL_DESCENT = 0.2


_NO_PAGES = "无法读取“{name}”：这个 PDF 没有任何页面。请检查文件是否完整，或重新导出后再试。"
_BROKEN_TREE = "无法读取“{name}”：PDF 的页面结构已损坏，无法解析。请用 PDF 软件另存一份，或重新导出后再试。"


@dataclass(slots=True)
class OpenPdf:
    name: str
    pdfium: pdfium.PdfDocument
    plumber: pdfplumber.PDF
    page_count: int
    # PDFium numbers the same pages as pdfplumber: only then is a page rendered by PDFium (for OCR).
    # PDFium takes /Count on trust, so a tree whose /Count lies numbers its pages differently.
    renderable: bool = True


@contextmanager
def open_pdf(data: bytes, name: str, limits: Limits):
    document = _open_pdfium(data, name)
    try:
        plumber = _open_plumber(data, name)
        try:
            count = _walked_pages(plumber, name, limits)
            _page_tree(plumber, name)
            yield OpenPdf(name=name, pdfium=document, plumber=plumber, page_count=count,
                          renderable=len(document) == count)
        finally:
            _close(plumber)
    finally:
        document.close()


def _open_pdfium(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (_FPDF_ERR_PASSWORD, _FPDF_ERR_SECURITY):
            raise UnreadableInput(
                f"无法读取“{name}”：文件已加密。请提供未加密的 PDF，或先用密码解除保护后再试。"
            ) from exc
        if _has_no_pages(data):
            raise UnreadableInput(_NO_PAGES.format(name=name)) from exc
        raise UnreadableInput(
            f"无法读取“{name}”：PDF 文件已损坏或不完整（可能下载中断）。请重新下载或重新导出后再试。"
        ) from exc


def _has_no_pages(data: bytes) -> bool:
    """PDFium calls a well-formed file with an empty page tree broken; pdfminer can tell."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages) == 0
    except Exception:
        return False


def _open_plumber(data: bytes, name: str) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for one cause: a file it cannot parse
        raise UnreadableInput(
            f"无法读取“{name}”：PDF 文件结构有误，无法解析。请用 PDF 软件另存一份后再试。"
        ) from exc


def _walked_pages(plumber: pdfplumber.PDF, name: str, limits: Limits) -> int:
    """The pages pdfplumber will read, counted by walking the page tree (never from /Count), one
    past the limit at most: a tree of millions of pages costs no more than one of max_pages."""
    count = 0
    try:
        for _ in PDFPage.create_pages(plumber.doc):
            count += 1
            if count > limits.max_pages:
                raise UnreadableInput(
                    f"无法读取“{name}”：PDF 的页数超过上限 {limits.max_pages} 页。"
                    "请只提供部门预算或决算公开的部分，或调高页数上限（Limits.max_pages）后再试。"
                )
    except UnreadableInput:
        raise
    except Exception as exc:  # pdfminer raises many kinds for one cause: a page tree it cannot walk
        raise UnreadableInput(_BROKEN_TREE.format(name=name)) from exc
    if count == 0:
        raise UnreadableInput(_NO_PAGES.format(name=name))
    return count


def _page_tree(plumber: pdfplumber.PDF, name: str) -> None:
    """pdfplumber builds its pages lazily, on first use: a page tree it cannot walk (a page without a
    MediaBox, a keyword where a number belongs) is found here, before any page is read."""
    try:
        plumber.pages
    except Exception as exc:  # pdfminer raises many kinds for one cause: a page tree it cannot walk
        raise UnreadableInput(_BROKEN_TREE.format(name=name)) from exc


def _close(plumber: pdfplumber.PDF) -> None:
    """Closing walks the pages again; on a damaged file that fails too, and must not hide the first error."""
    try:
        plumber.close()
    except Exception:
        pass


@dataclass(slots=True)
class TextLayer:
    content: PageContent
    undecodable: int  # glyphs with no Unicode behind them: (cid:n), private-use codes

    @property
    def usable(self) -> bool:
        good = len(self.content.glyphs)
        return good >= _MIN_GLYPHS and self.undecodable <= _MAX_BAD_SHARE * (good + self.undecodable)


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
    """The glyph's top and bottom on the page. A font whose descent is wrong puts its glyphs' boxes
    up to a line below where they are printed (their centre then falls in the table row below, with
    the codes and amounts of a row and its name parted): such a box is set on the glyph's baseline."""
    top, bottom, size = char["top"], char["bottom"], char.get("size") or 0
    matrix = char.get("matrix")
    if not matrix or size <= 0 or matrix[1] or matrix[2]:
        return top, bottom
    depth = matrix[5] - char["y0"]  # below the baseline, in the PDF's upward coordinates
    if _MAX_DESCENT * size < depth < 2 * size:
        shift = depth - _USUAL_DESCENT * size
        return top - shift, bottom - shift
    return top, bottom


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


def needs_ocr(page, layer: TextLayer) -> bool:
    """A page without usable text that still has something to read: a scanned image, or glyphs
    whose font gives no Unicode. A blank page (or one with just a page number) needs nothing."""
    if layer.undecodable:
        return True
    area = float(page.width) * float(page.height) or 1.0
    covered = sum(
        max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"])) for i in page.images
    )
    return covered >= _IMAGE_COVER * area
