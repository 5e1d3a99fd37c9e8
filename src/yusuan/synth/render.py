"""A synthetic disclosure as a file: txt (the text writer, as PDF-to-text prints it), pdf, xlsx, docx, html."""

from __future__ import annotations

from ..errors import YusuanError
from ..model import Disclosure

FORMATS = ("txt", "pdf", "xlsx", "docx", "html")


def render_bytes(disclosure: Disclosure, fmt: str) -> bytes:
    if fmt == "txt":
        from ..writers.text import text_bytes

        return text_bytes(disclosure)
    if fmt not in FORMATS:
        raise YusuanError(f"不支持的格式“{fmt}”。请使用 {'、'.join(FORMATS)}。")
    from ..writers.registry import render

    return render(disclosure, fmt)


def parse_formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise YusuanError(f"不支持的格式“{'、'.join(unknown) or text}”。请从 {'、'.join(FORMATS)} 中选择，用逗号分隔。")
    return formats
