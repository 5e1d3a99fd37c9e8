"""Pages without a usable text layer: read them with OCR when the extra is installed, else say which.

A page qualifies when its text layer is empty or undecodable ((cid:n) glyphs) and it has something
to read (a large image or those glyphs). Without the OCR extra the document is refused when no page
could be read at all, and otherwise read with the unreadable pages named in a warning.
"""

from __future__ import annotations

import logging

from ...errors import UnreadableInput
from .. import ocr
from ..limits import Limits
from .geometry import PageContent
from .pages import OpenPdf, TextLayer, needs_ocr

log = logging.getLogger(__name__)

# OCR renders the page at this resolution: enough for 9-pt table text, and what the models expect
OCR_DPI = 200


class OcrHandoff:
    def __init__(self, pdf: OpenPdf, limits: Limits):
        self.pdf = pdf
        self.limits = limits
        self.used = 0
        self.skipped: list[int] = []  # pages that needed OCR when it was not installed
        self.failed: dict[int, str] = {}

    def content(self, number: int, layer: TextLayer, images: float) -> PageContent | None:
        if not needs_ocr(layer, images):
            return layer.content if layer.content.glyphs else None
        if not ocr.available():
            self.skipped.append(number)
            return None
        if not self.pdf.renderable:  # PDFium would render another page under this number, or none
            self.unreadable(number, "页面树声明的页数与实际页面不符，无法渲染该页做文字识别")
            return None
        if self.used >= self.limits.max_ocr_pages:
            raise UnreadableInput(
                f"无法读取“{self.pdf.name}”：需要文字识别（OCR）的扫描页超过 {self.limits.max_ocr_pages} 页的上限。"
                "请提供带文字层的 PDF，或调高上限（Limits.max_ocr_pages）后再试。"
            )
        self.used += 1
        image = self.pdf.pdfium[number - 1].render(scale=OCR_DPI / 72).to_pil()
        return ocr.page_content(image, number, scale=OCR_DPI / 72)

    def unreadable(self, number: int, why: str) -> None:
        self.failed[number] = why

    def finish(self, readable: bool) -> None:
        """Refuse a document whose text is mostly on scanned pages that could not be read (a reading
        of what is left would look complete and is not); name the unread pages otherwise."""
        if self.skipped and (not readable or 2 * len(self.skipped) >= self.pdf.page_count):
            raise UnreadableInput(
                f"无法读取“{self.pdf.name}”：{_pages(self.skipped)}是扫描图像，没有可用的文字层。"
                "请安装文字识别扩展（pip install 'yusuan[ocr]'）后再试，或提供带文字的 PDF。"
            )
        if self.failed and not readable:
            raise UnreadableInput(
                f"无法读取“{self.pdf.name}”：{_pages(sorted(self.failed))}内容无法解析。请用 PDF 软件另存一份后再试。"
            )
        if self.skipped:
            log.warning("%s：%s是扫描图像，未安装文字识别扩展，这些页未读入。", self.pdf.name, _pages(self.skipped))
        if self.failed:
            log.warning("%s：%s内容无法解析，未读入。", self.pdf.name, _pages(sorted(self.failed)))


    def unread_pages(self) -> dict[int, str]:
        skipped = {n: "扫描图像，未安装文字识别扩展（pip install 'yusuan[ocr]'），未读入" for n in self.skipped}
        failed = {n: f"{why}，未读入" for n, why in self.failed.items()}
        return dict(sorted({**skipped, **failed}.items()))


def _pages(numbers: list[int]) -> str:
    """第 1–3、7 页"""
    ranges: list[str] = []
    start = previous = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == previous + 1:
            previous = n
            continue
        ranges.append(f"{start}" if start == previous else f"{start}–{previous}")
        if n is not None:
            start = previous = n
    return f"第 {'、'.join(ranges)} 页"
