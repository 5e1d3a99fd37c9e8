"""The input formats as data, and how a file's content picks one. A new reader is a module of
readers/ and one `Format` here.

The content decides, never the name: the first bytes say the container (`sniff`); inside a zip the
members say DOCX or XLSX, inside an OLE compound file the streams say XLS or a legacy .doc (refused),
and a text is HTML when it starts as markup. The suffixes only say which files a batch takes from a
folder (batch/discover.py) and what the upload page names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..document import Document
from ..errors import UnreadableInput
from .limits import Limits

Read = Callable[[bytes, str, Limits], Document]


@dataclass(frozen=True, slots=True)
class Format:
    """One input format: `name` is the `reader` of the Documents it makes (before a "+ocr"), `label` names
    it for people, `suffixes` are those its files are published with (lower case, with the dot), and
    `read` reads its bytes."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    read: Read
    # whether its reader needs what an optional extra installs (images: the OCR engine)
    installed: Callable[[], bool] = lambda: True


# each imports its reader when a file is read: PDF, OCR and spreadsheet libraries are slow to load
def _pdf(data: bytes, name: str, limits: Limits) -> Document:
    from .pdf import read_pdf

    return read_pdf(data, name, limits)


def _docx(data: bytes, name: str, limits: Limits) -> Document:
    from .docx import read_docx

    return read_docx(data, name, limits)


def _xlsx(data: bytes, name: str, limits: Limits) -> Document:
    from .spreadsheet import read_spreadsheet

    return read_spreadsheet(data, name, limits, "xlsx")


def _xls(data: bytes, name: str, limits: Limits) -> Document:
    from .spreadsheet import read_spreadsheet

    return read_spreadsheet(data, name, limits, "xls")


def _image(data: bytes, name: str, limits: Limits) -> Document:
    from .ocr import read_image

    return read_image(data, name, limits)


def _html(data: bytes, name: str, limits: Limits) -> Document:
    from .html import read_html

    return read_html(data, name, limits)


def _text(data: bytes, name: str, limits: Limits) -> Document:
    from .text import read_text

    return read_text(data, name, limits)


PDF = Format("pdf", "PDF 文件", (".pdf",), _pdf)
DOCX = Format("docx", "Word 文档", (".docx",), _docx)
XLSX = Format("xlsx", "Excel 表格", (".xlsx",), _xlsx)
XLS = Format("xls", "Excel 97-2003 表格", (".xls",), _xls)
def _ocr_installed() -> bool:
    from .ocr import available

    return available()


IMAGE = Format("image", "图片", (".png", ".jpg", ".jpeg"), _image, _ocr_installed)
HTML = Format("html", "网页", (".html", ".htm"), _html)
TEXT = Format("text", "文本", (".txt",), _text)

# in the order they are tried: by the first bytes, then by what the container holds; text takes the rest
FORMATS: tuple[Format, ...] = (PDF, DOCX, XLSX, XLS, IMAGE, HTML, TEXT)
SUFFIXES: frozenset[str] = frozenset(suffix for f in FORMATS for suffix in f.suffixes)


def installed_formats() -> tuple[Format, ...]:
    """The formats this installation reads (what a person may be offered to upload)."""
    return tuple(f for f in FORMATS if f.installed())

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def sniff(data: bytes) -> str:
    """The format of the file from its first bytes: pdf, zip (docx/xlsx), ole (xls/doc), image, or text."""
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(_IMAGES):
        return "image"
    return "text"


def format_of(data: bytes, name: str, limits: Limits) -> Format:
    """The format that reads `data`: its container by `sniff`, then what the container holds. Raises
    UnreadableInput for a container that holds nothing read here (another zip, a legacy .doc) and for
    a broken or bombed zip."""
    return _INSIDE[sniff(data)](data, name, limits)


def _in_zip(data: bytes, name: str, limits: Limits) -> Format:
    from .zipcheck import office_kind

    kind = office_kind(data, name, limits)  # "docx", "xlsx" or None
    if kind == "docx":
        return DOCX
    if kind == "xlsx":
        return XLSX
    raise UnreadableInput(
        f"无法读取“{name}”：这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件。"
        "请解压后提供其中的公开文件，或另存为 PDF、DOCX、XLSX 后再试。"
    )


def _in_ole(data: bytes, name: str, limits: Limits) -> Format:
    # an OLE directory names its streams in UTF-16: a Word 97-2003 file has "WordDocument"
    if "WordDocument".encode("utf-16-le") in data[:1_000_000] and "Workbook".encode("utf-16-le") not in data[:1_000_000]:
        raise UnreadableInput(
            f"无法读取“{name}”：这是旧版 Word 文件（.doc），暂不支持。请用 Word 或 WPS 另存为 .docx 或 PDF 后再试。"
        )
    return XLS


def _markup_or_text(data: bytes, name: str, limits: Limits) -> Format:
    from .html import looks_like_html

    return HTML if looks_like_html(data) else TEXT


# sniff's containers -> the format inside
_INSIDE: dict[str, Callable[[bytes, str, Limits], Format]] = {
    "pdf": lambda data, name, limits: PDF,
    "zip": _in_zip,
    "ole": _in_ole,
    "image": lambda data, name, limits: IMAGE,
    "text": _markup_or_text,
}
