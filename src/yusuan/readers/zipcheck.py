"""Zip containers (DOCX, XLSX) checked before any library unpacks them.

A zip bomb is a small file that inflates to gigabytes. The member sizes in the zip's directory can
lie, so each member is actually inflated here, in chunks, counting bytes, and the check stops as
soon as a bound of `Limits` is passed: memory stays at one chunk and time at the bound's worth.
"""

from __future__ import annotations

import io
import zipfile

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
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableInput(
            f"无法读取“{name}”：文件已损坏或不完整（可能下载中断）。请重新下载，或用 Word/Excel 另存后再试。"
        ) from exc


def check_inflated_size(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_zip_members:
        raise UnreadableInput(_bomb(name, f"压缩包内有 {len(members)} 个文件"))
    total = 0
    for member in members:
        size = 0
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if total > limits.max_unzipped_bytes:
                        raise UnreadableInput(_bomb(name, f"解压后超过 {limits.max_unzipped_bytes // 1024 // 1024} MB"))
                    if size > limits.min_ratio_checked_bytes and size > limits.max_zip_ratio * max(member.compress_size, 1):
                        raise UnreadableInput(_bomb(name, f"“{member.filename}”的压缩比超过 {limits.max_zip_ratio} 倍"))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableInput(
                f"无法读取“{name}”：文件已损坏或不完整（“{member.filename}”无法解压）。请重新下载，或用 Word/Excel 另存后再试。"
            ) from exc


def _bomb(name: str, why: str) -> str:
    return (
        f"无法读取“{name}”：{why}，超出读取上限，可能是恶意构造的文件（“压缩炸弹”）。"
        "请提供正常导出的文件；确属正常文件时可调高上限（Limits）后再试。"
    )
