"""Writing an output file: the target checked first, then written whole or not at all.

A regular file (or a new one) is written beside the target and renamed over it, so a failure leaves nothing
half-written and the file gets the usual mode (umask). A device or a named pipe is written through, never
replaced. A folder or a symbolic link is refused: renaming over a link would replace the link, and writing through
it could land outside the place the user meant.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import YusuanError


def _kind(path: Path) -> str:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise YusuanError(f"无法访问输出位置“{path}”：{exc.strerror}。请换一个输出路径。") from exc
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode):
        return "device"
    if stat.S_ISREG(mode):
        return "file"
    return "other"


def check_target(path: Path) -> str:
    """What `path` is (new, file, device); a place yusuan will not write to is refused with a message."""
    kind = _kind(path)
    if kind == "folder":
        raise YusuanError(f"输出位置“{path}”是一个文件夹。请在 -o 后写出文件名，如 {path / 'report.html'}。")
    if kind == "link":
        raise YusuanError(f"输出位置“{path}”是一个符号链接，yusuan 不会替换或穿过它写入。请直接给出目标文件的路径。")
    if kind == "other":
        raise YusuanError(f"输出位置“{path}”不是普通文件（如套接字），无法写入。请换一个输出路径。")
    return kind


def current_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_with(path: Path, write: Callable[[str], None]) -> None:
    """`write(temporary_path)` fills a file that then becomes `path`; a device gets the bytes written through."""
    kind = check_target(path)
    if kind == "device":
        handle, temporary = tempfile.mkstemp(prefix=".yusuan-", suffix=".part")
        os.close(handle)
        try:
            write(temporary)
            data = Path(temporary).read_bytes()
        finally:
            Path(temporary).unlink(missing_ok=True)
        with open(path, "wb") as stream:
            stream.write(data)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise YusuanError(f"无法创建输出文件夹“{path.parent}”：{exc.strerror}。请检查路径和写入权限。") from exc
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        write(temporary)
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp makes 0600; a written file gets the usual mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _cannot_write(exc: OSError, path: Path) -> YusuanError:
    return YusuanError(f"无法写入“{exc.filename or path}”：{exc.strerror}。请检查输出目录是否存在、是否有写入权限。")


def write_bytes(data: bytes, path: Path) -> None:
    def fill(temporary: str) -> None:
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())

    try:
        write_with(path, fill)
    except OSError as exc:
        raise _cannot_write(exc, path) from exc


def write_text(text: str, path: Path, bom: bool = False) -> None:
    """UTF-8 text; `bom` for files a spreadsheet opens (Excel and WPS read a CSV without it as GBK)."""
    write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"), path)


def write_all(outputs: dict[Path, bytes]) -> None:
    """Every file or none: each target checked, then all written; a failed write removes those done."""
    for path in outputs:
        check_target(path)
    written: list[Path] = []
    try:
        for path, data in outputs.items():
            write_bytes(data, path)
            written.append(path)
    except YusuanError:
        for path in written:
            if _kind(path) == "file":
                path.unlink(missing_ok=True)
        raise
