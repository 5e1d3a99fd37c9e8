"""Zip containers (DOCX, XLSX) checked before any library unpacks them.

A zip bomb is a small file that inflates to gigabytes. The member sizes in the zip's directory can
lie, so each member is actually inflated here, in chunks, counting bytes, and the check stops as
soon as a bound of `Limits` is passed: memory stays at one chunk and time at the bound's worth.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from ..errors import UnreadableInput
from .limits import Limits

_CHUNK = 1024 * 1024


def office_kind(data: bytes, name: str, limits: Limits) -> str | None:
    """"docx", "xlsx" or None for another zip; raises UnreadableInput for a broken or bombed zip."""
    archive = _open(data, name)
    with archive:
        names = set(archive.namelist())
        check_inflated_size(archive, name, limits)
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, struct.error, zlib.error) as exc:
        raise UnreadableInput(
            f"无法读取“{name}”：文件已损坏或不完整（可能下载中断）。请重新下载，或用 Word/Excel 另存后再试。"
        ) from exc


class ZipBomb(UnreadableInput):
    """The zip inflates past a bound of `Limits`: refused whether it is the file itself or nested in it."""


_ZIP_MAGIC = b"PK\x03\x04"
# zlib.error: a corrupted deflate stream; RuntimeError: an encrypted member; struct.error: a cut header
_INFLATE_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, struct.error,
                   zlib.error)


def check_inflated_size(archive: zipfile.ZipFile, name: str, limits: Limits, depth: int = 1,
                        total: list[int] | None = None) -> None:
    """Inflate every member, counting; a member that is itself a zip (an embedded workbook, or a
    bomb hidden one level down) is checked the same way, its bytes counted in the same total."""
    total = [0] if total is None else total
    members = archive.infolist()
    if len(members) > limits.max_zip_members:
        raise ZipBomb(_bomb(name, f"压缩包内有 {len(members)} 个文件", "max_zip_members"))
    for member in members:
        size = 0
        nested: bytearray | None = None
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    if size == 0 and chunk.startswith(_ZIP_MAGIC):
                        nested = bytearray()
                    size += len(chunk)
                    total[0] += len(chunk)
                    if total[0] > limits.max_unzipped_bytes:
                        raise ZipBomb(_bomb(name, f"解压后超过 {_megabytes(limits.max_unzipped_bytes)}", "max_unzipped_bytes"))
                    if size > limits.min_ratio_checked_bytes and size > limits.max_zip_ratio * max(member.compress_size, 1):
                        raise ZipBomb(_bomb(name, f"“{member.filename}”的压缩比超过 {limits.max_zip_ratio} 倍", "max_zip_ratio"))
                    if nested is not None:  # held in memory: already counted within max_unzipped_bytes
                        nested += chunk
        except _INFLATE_ERRORS as exc:
            raise UnreadableInput(
                f"无法读取“{name}”：文件已损坏或不完整（“{member.filename}”无法解压）。请重新下载，或用 Word/Excel 另存后再试。"
            ) from exc
        if nested is not None:
            _check_nested(bytes(nested), member.filename, name, limits, depth, total)


def _check_nested(data: bytes, member: str, name: str, limits: Limits, depth: int, total: list[int]) -> None:
    if depth >= limits.max_zip_depth:
        raise ZipBomb(_bomb(name, f"“{member}”是嵌套超过 {limits.max_zip_depth} 层的压缩包", "max_zip_depth"))
    try:
        inner = zipfile.ZipFile(io.BytesIO(data))
    except (*_INFLATE_ERRORS, zipfile.LargeZipFile):
        return  # starts like a zip and is none: no reader opens embedded files, so it is harmless
    try:
        with inner:
            check_inflated_size(inner, name, limits, depth + 1, total)
    except ZipBomb:
        raise
    except UnreadableInput:
        return  # a damaged embedded file is never read: it does not spoil the document


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size / 1024:g} KB"


def _bomb(name: str, why: str, bound: str) -> str:
    return (
        f"无法读取“{name}”：{why}，超出读取上限，可能是恶意构造的文件（“压缩炸弹”）。"
        f"请提供正常导出的文件；确属正常文件时可调高上限（Limits.{bound}）后再试。"
    )
