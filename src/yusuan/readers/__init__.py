"""Readers: one per file format, each returning a Document. Chosen by content, not by extension."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import UnreadableInput
from .text import read_text


def sniff(data: bytes) -> str:
    """The format of the file from its first bytes: pdf, zip (docx/xlsx), ole (xls/doc), or text."""
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return "text"


def read_bytes(data: bytes, name: str) -> Document:
    kind = sniff(data)
    if kind == "text":
        return read_text(data, name)
    raise UnreadableInput(
        f"无法读取“{name}”：暂不支持这种文件格式（{kind}）。请提供从公开文件中提取的文本（.txt）。"
    )


def read_path(path: Path) -> Document:
    if not path.exists():
        raise UnreadableInput(f"找不到文件“{path}”。请检查路径是否正确。")
    if path.is_dir():
        raise UnreadableInput(f"“{path}”是一个文件夹，不是文件。请指定要读取的公开文件。")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"无法读取“{path.name}”：{exc.strerror}。请检查文件权限后再试。") from exc
    return read_bytes(data, path.name)
