"""Readers: one per file format, each returning a Document. Chosen by content, not by extension.

The formats, and how a file's content picks one, are data in registry.py: the first bytes say the
container (%PDF, a zip, an OLE compound file, PNG/JPEG, else text), then what it holds says the format
(a zip's members DOCX or XLSX, an OLE file's streams XLS or a refused legacy .doc, markup HTML).
Every failure is an UnreadableInput whose Chinese message says what is wrong and what to do.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import UnreadableInput
from .limits import DEFAULT_LIMITS, Limits
from .registry import format_of, sniff


def read_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """A file's bytes as a Document, read by the format its content names (registry.py)."""
    if len(data) > limits.max_file_bytes:
        raise UnreadableInput(_too_large(name, len(data), limits))
    return format_of(data, name, limits).read(data, name, limits)


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
