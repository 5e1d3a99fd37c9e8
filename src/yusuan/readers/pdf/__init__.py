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
from .pages import BrokenPage, open_pdf, text_layer
from .prose import join_prose

log = logging.getLogger(__name__)


def read_pdf(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    pages: list[list[Placed]] = []
    characters = 0
    with open_pdf(data, name, limits) as pdf:
        handoff = OcrHandoff(pdf, limits)
        for number, page in enumerate(pdf.plumber.pages, start=1):
            content = _page_content(page, number, name, limits, handoff)
            page.close()  # frees pdfplumber's per-page object cache: memory stays flat over long files
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


def _page_content(page, number: int, name: str, limits: Limits, handoff: OcrHandoff):
    try:
        layer = text_layer(page, number, name, limits)
    except BrokenPage as exc:  # a broken content stream spoils one page, not the document
        log.warning("page %s of the PDF could not be parsed: %s", number, exc)
        handoff.unreadable(number, "页面内容无法解析")
        return None
    if layer.usable:
        return layer.content
    return handoff.content(page, number, layer)


__all__ = ["read_pdf"]
