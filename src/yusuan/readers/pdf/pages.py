"""Opening a PDF within bounds, and each page's glyphs and rulings from its text layer.

pypdfium2 opens the file first: it is fast and tells an encrypted file from a broken one. The pages
are then counted by walking the page tree the way pdfminer reads it, stopping one past the limit: the
tree's /Count is never trusted (a file may declare 1 page and hold thousands). PDFium then gives each
page's characters, paths and images (`objects`); a page PDFium cannot give all the text of, or a file
whose page tree PDFium numbers differently, is read by pdfplumber instead (`plumber`).
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfpage import PDFPage

from ...errors import UnreadableInput
from ..limits import Limits, over_limit
from .geometry import Glyph, PageContent, dedupe
from .objects import TooManyObjects, page_objects
from .rulings import side_rulings

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


def needs_ocr(layer: TextLayer, images: float) -> bool:
    """A page without usable text that still has something to read: a scanned image (covering the
    share `images` of the page), or glyphs whose font gives no Unicode. A blank page (or one with just a
    page number) needs nothing."""
    return bool(layer.undecodable) or images >= _IMAGE_COVER


def text_layer(page: pdfium.PdfPage, number: int, name: str, limits: Limits) -> tuple[TextLayer, float, set[str]]:
    """The page's glyphs (fake-bold copies removed) and rulings from PDFium's objects, the share of the
    page its images cover, and the fonts (not embedded) of its text objects PDFium gave no text for."""
    try:
        found = page_objects(page, limits.max_page_objects)
    except TooManyObjects:
        raise UnreadableInput(
            over_limit(name, f"第 {number} 页的字符、线条和图像", limits.max_page_objects, "max_page_objects")
        ) from None
    glyphs: list[Glyph] = []
    undecodable = 0
    for char in found.chars:
        # text placed outside the visible page (clipped, never shown by a viewer) is not read
        if not (0 <= (char.x0 + char.x1) / 2 <= found.width and 0 <= (char.top + char.bottom) / 2 <= found.height):
            continue
        if not char.mapped:
            undecodable += 1
        elif char.upright:
            top, bottom = seated_box(char.top, char.bottom, char.baseline, char.size)
            glyphs.append(Glyph(char.text, char.x0, top, char.x1, bottom))
    horizontals, verticals = side_rulings(found.sides)
    content = PageContent(number, found.width, found.height, dedupe(glyphs), horizontals, verticals)
    return TextLayer(content, undecodable), found.image_area / ((found.width * found.height) or 1.0), found.silent_fonts


def seated_box(top: float, bottom: float, baseline: float, size: float) -> tuple[float, float]:
    """The glyph's top and bottom on the page. A font whose descent is wrong puts its glyphs' boxes
    up to a line below where they are printed (their centre then falls in the table row below, with
    the codes and amounts of a row and its name parted): such a box is set on the glyph's baseline."""
    depth = bottom - baseline
    if size > 0 and _MAX_DESCENT * size < depth < 2 * size:
        shift = depth - _USUAL_DESCENT * size
        return top - shift, bottom - shift
    return top, bottom
