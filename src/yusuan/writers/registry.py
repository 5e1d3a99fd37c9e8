"""The output formats by name; writing the files is outputs.py's job."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import YusuanError
from ..model import Disclosure


def _html(d: Disclosure) -> bytes:
    from .html import html_bytes

    return html_bytes(d)


def _pdf(d: Disclosure) -> bytes:
    from .pdf import pdf_bytes

    return pdf_bytes(d)


def _docx(d: Disclosure) -> bytes:
    from .docx import docx_bytes

    return docx_bytes(d)


def _xlsx(d: Disclosure) -> bytes:
    from .xlsx import xlsx_bytes

    return xlsx_bytes(d)


# imported lazily: WeasyPrint takes a second to load and is needed only for PDF
WRITERS: dict[str, Callable[[Disclosure], bytes]] = {"html": _html, "pdf": _pdf, "docx": _docx, "xlsx": _xlsx}


def render(disclosure: Disclosure, fmt: str) -> bytes:
    if fmt not in WRITERS:
        raise YusuanError(f"不支持的输出格式“{fmt}”。请使用 {'、'.join(WRITERS)}。")
    return WRITERS[fmt](disclosure)

