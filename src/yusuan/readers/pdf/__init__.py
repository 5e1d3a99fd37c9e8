"""PDF reader: pages -> glyphs and rulings -> table rows and text lines -> Document.

Steps, each in its own module: open within bounds and read each page's text layer (pages), hand
pages without usable text to OCR (handoff), rebuild ruled tables (rulings, grid, table) and
unruled ones (unruled), order a page's lines (layout), drop running headers, footers and page
numbers (furniture), join rows cut by a page break (continuation) and wrapped sentences (prose).
"""

from __future__ import annotations

import logging

from ...document import Document
from ...errors import UnreadableInput
from ..limits import DEFAULT_LIMITS, Limits, over_limit
from .continuation import join_split_rows
from .furniture import drop_furniture
from .handoff import OcrHandoff
from .layout import Placed, page_lines
from . import plumber
from .pages import OpenPdf, open_pdf, text_layer
from .prose import join_prose

log = logging.getLogger(__name__)


# which library turns a page's content into characters and shapes: "pdfium" or "plumber" (pdfminer and
# pdfplumber, kept while the two are compared on the corpus)
ENGINE = "pdfium"


def read_pdf(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, engine: str | None = None) -> Document:
    pages: list[list[Placed]] = []
    characters = 0
    with open_pdf(data, name, limits) as pdf:
        handoff = OcrHandoff(pdf, limits)
        # PDFium's pages are pdfplumber's only when the page tree's /Count tells the truth
        use_pdfium = (engine or ENGINE) == "pdfium" and pdf.renderable
        for number in range(1, pdf.page_count + 1):
            content = _from_pdfium(pdf, number, limits, handoff) if use_pdfium else None
            if content is _FALL_BACK or not use_pdfium:
                content = _from_plumber(pdf, number, limits, handoff)
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


_FALL_BACK = object()


def _from_pdfium(pdf: OpenPdf, number: int, limits: Limits, handoff: OcrHandoff):
    page = pdf.pdfium[number - 1]
    try:
        layer, images, silent = text_layer(page, number, pdf.name, limits)
    finally:
        page.close()  # frees the page's objects: memory stays flat over long files
    if silent:
        return _FALL_BACK  # text PDFium drops and pdfminer may read
    return layer.content if layer.usable else handoff.content(number, layer, images)


def _from_plumber(pdf: OpenPdf, number: int, limits: Limits, handoff: OcrHandoff):
    page = pdf.plumber.pages[number - 1]
    try:
        layer = plumber.text_layer(page, number, pdf.name, limits)
        return layer.content if layer.usable else handoff.content(number, layer, plumber.image_share(page))
    except plumber.BrokenPage as exc:  # a broken content stream spoils one page, not the document
        log.warning("page %s of the PDF could not be parsed: %s", number, exc)
        handoff.unreadable(number, "页面内容无法解析")
        return None
    finally:
        page.close()  # frees pdfplumber's per-page object cache


__all__ = ["read_pdf"]
