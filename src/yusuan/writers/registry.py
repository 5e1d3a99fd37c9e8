"""The output formats by name, and writing files so that nothing is left half-written on failure."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

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


def write_atomically(data: bytes, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a written file gets the usual mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_all(outputs: dict[Path, bytes]) -> None:
    """Every file or none: all are rendered before the first is written; a failed write removes those done."""
    written: list[Path] = []
    try:
        for path, data in outputs.items():
            write_atomically(data, path)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise YusuanError(f"无法写入“{exc.filename or ''}”：{exc.strerror}。请检查输出目录是否存在、是否有写入权限。") from exc
