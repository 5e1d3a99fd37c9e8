"""Readers: one per file format, each returning a Document. Chosen by content, not by extension.

The first bytes say the container: %PDF -> PDF; a zip -> DOCX or XLSX by its members; an OLE
compound file -> XLS (a legacy .doc is named and refused); PNG/JPEG -> OCR; HTML markup -> the HTML
reader; anything else is text.
Every failure is an UnreadableInput whose Chinese message says what is wrong and what to do.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import UnreadableInput
from .limits import DEFAULT_LIMITS, Limits
from .text import read_text

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


def read_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    if len(data) > limits.max_file_bytes:
        raise UnreadableInput(_too_large(name, len(data), limits))
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name, limits)
    if kind == "zip":
        return _read_zip(data, name, limits)
    if kind == "ole":
        return _read_ole(data, name, limits)
    if kind == "image":
        from .ocr import read_image

        return read_image(data, name, limits)
    from .html import looks_like_html, read_html

    if looks_like_html(data):
        return read_html(data, name, limits)
    return read_text(data, name, limits)


def _read_zip(data: bytes, name: str, limits: Limits) -> Document:
    from .zipcheck import office_kind

    kind = office_kind(data, name, limits)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, name, limits)
    if kind == "xlsx":
        from .spreadsheet import read_spreadsheet

        return read_spreadsheet(data, name, limits, "xlsx")
    raise UnreadableInput(
        f"无法读取“{name}”：这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件。"
        "请解压后提供其中的公开文件，或另存为 PDF、DOCX、XLSX 后再试。"
    )


def _read_ole(data: bytes, name: str, limits: Limits) -> Document:
    # an OLE directory names its streams in UTF-16: a Word 97-2003 file has "WordDocument"
    if "WordDocument".encode("utf-16-le") in data[:1_000_000] and "Workbook".encode("utf-16-le") not in data[:1_000_000]:
        raise UnreadableInput(
            f"无法读取“{name}”：这是旧版 Word 文件（.doc），暂不支持。请用 Word 或 WPS 另存为 .docx 或 PDF 后再试。"
        )
    from .spreadsheet import read_spreadsheet

    return read_spreadsheet(data, name, limits, "xls")


def read_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    if not path.exists():
        raise UnreadableInput(f"找不到文件“{path}”。请检查路径是否正确。")
    if path.is_dir():
        raise UnreadableInput(f"“{path}”是一个文件夹，不是文件。请指定要读取的公开文件。")
    return read_bytes(file_bytes(path, limits), path.name, limits)


def file_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A file's bytes, refused past `limits.max_file_bytes` before it is read, or while it is read where the
    size is unknown (a device or a pipe: /dev/zero). The one way yusuan takes a file's bytes from a path."""
    try:
        size = path.stat().st_size
        data = _read_at_most(path, limits.max_file_bytes) if size <= limits.max_file_bytes else None
    except OSError as exc:
        raise UnreadableInput(f"无法读取“{path.name}”：{exc.strerror}。请检查文件权限后再试。") from exc
    if data is None:  # refused before the file is read into memory
        raise UnreadableInput(_too_large(path.name, size, limits))
    if len(data) > limits.max_file_bytes:  # a device or pipe (/dev/zero) has no size and may never end
        raise UnreadableInput(_too_large(path.name, None, limits))
    return data


def _read_at_most(path: Path, limit: int) -> bytes:
    """The file's bytes, one past the limit at most: the size stat gives is 0 for a device or a pipe."""
    with path.open("rb") as file:
        return file.read(limit + 1)


def _too_large(name: str, size: int | None, limits: Limits) -> str:
    has = "文件超过" if size is None else f"文件有 {size / 1024 / 1024:.0f} MB，超过"
    return (
        f"无法读取“{name}”：{has}上限 {limits.max_file_bytes / 1024 / 1024:.0f} MB。"
        "请只提供预算或决算公开文件本身，或调高上限（Limits.max_file_bytes）后再试。"
    )


__all__ = ["Limits", "DEFAULT_LIMITS", "file_bytes", "read_bytes", "read_path", "sniff"]
