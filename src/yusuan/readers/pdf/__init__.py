"""PDF reader: pages -> glyphs and rulings -> table rows and text lines -> Document.

Steps, each in its own module: open within bounds and read each page's text layer (pages) from
PDFium's page objects (objects), or from pdfminer/pdfplumber's where PDFium drops text (plumber), hand
pages without usable text to OCR (handoff), rebuild ruled tables (rulings, grid, table) and
unruled ones (unruled), order a page's lines (layout), drop running headers, footers and page
numbers (furniture), join rows cut by a page break (continuation) and wrapped sentences (prose).
"""

from __future__ import annotations

import logging

import pypdfium2 as pdfium

from ...document import Document
from ...errors import UnreadableInput
from ..limits import DEFAULT_LIMITS, Limits, over_limit
from .continuation import join_split_rows
from .furniture import drop_furniture
from .handoff import OcrHandoff
from .layout import Placed, page_lines
from . import plumber
from .geometry import PageContent
from .pages import OpenPdf, TextLayer, open_pdf, text_layer
from .prose import join_prose

log = logging.getLogger(__name__)


# which library turns a page's content into characters and shapes: "pdfium" (pdfminer and pdfplumber
# where PDFium may drop text) or "plumber" (pdfminer and pdfplumber only, kept while the two are compared)
ENGINE = "pdfium"


def read_pdf(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    pages: list[list[Placed]] = []
    characters = 0
    with open_pdf(data, name, limits) as pdf:
        handoff = OcrHandoff(pdf, limits)
        # PDFium's pages are pdfplumber's only when the page tree's /Count tells the truth
        read_page = _PageReader(pdf, limits, handoff, with_pdfium=ENGINE == "pdfium" and pdf.renderable)
        for number in range(1, pdf.page_count + 1):
            content = read_page(number)
            # the glyphs read live on in the lines: counted over the document as each page is read
            characters += len(content.glyphs) if content is not None else 0
            if characters > limits.max_characters:
                raise UnreadableInput(over_limit(name, "文字的字符数", limits.max_characters, "max_characters"))
            pages.append(page_lines(content) if content is not None else [])
        handoff.finish(readable=any(pages))
        page_count = pdf.page_count
    lines = [item.line for item in join_prose(join_split_rows(drop_furniture(pages)))]
    for number, line in enumerate(lines, start=1):
        line.number = number
    reader = "pdf+ocr" if handoff.used else "pdf"
    return Document(name=name, reader=reader, lines=lines, page_count=page_count, unread_pages=handoff.unread_pages())


class _PageReader:
    """A page's content through PDFium, or through pdfminer/pdfplumber where PDFium may have dropped text.

    PDFium gives no text for a text object in a font the file does not embed when that object shows
    nothing (an empty or blank string, which office exports write on many pages) and also when it cannot
    map the font's glyphs, which pdfminer may still map. Such a page is read by pdfplumber too; where
    pdfplumber finds no more glyphs, the fonts are blank ones, and later pages silent only in them are
    taken from PDFium alone."""

    def __init__(self, pdf: OpenPdf, limits: Limits, handoff: OcrHandoff, with_pdfium: bool):
        self.pdf, self.limits, self.handoff, self.with_pdfium = pdf, limits, handoff, with_pdfium
        self.blank_fonts: set[str] = set()

    def __call__(self, number: int) -> PageContent | None:
        if not self.with_pdfium:
            return self._plumber_only(number)
        try:
            page = self.pdf.pdfium[number - 1]
            try:
                layer, images, silent = text_layer(page, number, self.pdf.name, self.limits)
            finally:
                page.close()  # frees the page's objects: memory stays flat over long files
        except pdfium.PdfiumError:
            return self._plumber_only(number)  # a page PDFium cannot load: pdfminer may
        if silent - self.blank_fonts:
            try:
                other, other_images = self._plumber_layer(number)
            except plumber.BrokenPage:
                return self._settled(number, layer, images)
            if len(other.content.glyphs) > len(layer.content.glyphs):
                return self._settled(number, other, other_images)  # text PDFium dropped
            self.blank_fonts |= silent
        return self._settled(number, layer, images)

    def _plumber_only(self, number: int) -> PageContent | None:
        try:
            return self._settled(number, *self._plumber_layer(number))
        except plumber.BrokenPage as exc:  # a broken content stream spoils one page, not the document
            log.warning("page %s of the PDF could not be parsed: %s", number, exc)
            self.handoff.unreadable(number, "页面内容无法解析")
            return None

    def _plumber_layer(self, number: int) -> tuple[TextLayer, float]:
        page = self.pdf.plumber.pages[number - 1]
        try:
            return plumber.text_layer(page, number, self.pdf.name, self.limits), plumber.image_share(page)
        finally:
            page.close()  # frees pdfplumber's per-page object cache

    def _settled(self, number: int, layer: TextLayer, images: float) -> PageContent | None:
        return layer.content if layer.usable else self.handoff.content(number, layer, images)


__all__ = ["read_pdf"]
