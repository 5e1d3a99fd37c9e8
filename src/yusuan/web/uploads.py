"""Taking uploaded files in: size limit, content sniffing, a job per file.

The format is read from the file's first bytes (yusuan.readers.sniff), never from its name or the
browser's content type. The name is kept only to show it: no path is built from it.
"""

from __future__ import annotations

import re
import unicodedata

from fastapi import HTTPException, UploadFile

from ..readers import sniff
from .jobs import Job, new_job
from .services import Services

# control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional controls
# (embeddings, overrides, isolates, marks): a right-to-left override makes "报告\u202Efdp.exe" show
# as "报告exe.pdf"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_CHUNK = 1024 * 1024


def display_name(filename: str | None) -> str:
    """The file's own name without any folder part, control or bidirectional control characters,
    shortened for display."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = _CONTROL.sub("", unicodedata.normalize("NFC", name)).strip()
    return name[:120] or "未命名文件"


async def _read_limited(file: UploadFile, limit: int) -> bytes | None:
    """The file's bytes, or None as soon as it proves larger than `limit` (the rest is never read)."""
    parts, size = [], 0
    while chunk := await file.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _refused(job: Job, message: str, services: Services) -> Job:
    services.board.update(job, state="failed", message=message)
    return job


async def accept(files: list[UploadFile], services: Services) -> list[Job]:
    """A job per file: refused at once when too large or empty, else queued for reading."""
    settings = services.settings
    if not files:
        raise HTTPException(400, "没有收到文件。请选择要上传的公开文件。")
    if len(files) > settings.max_files:
        raise HTTPException(400, f"一次最多上传 {settings.max_files} 个文件，收到 {len(files)} 个。请分批上传。")
    jobs = []
    for file in files:
        name = display_name(file.filename)
        data = await _read_limited(file, settings.max_file_bytes)
        if data is None:
            job = services.board.add(new_job(name, settings.max_file_bytes + 1, "unknown"))
            limit_mb = settings.max_file_bytes / 1024 / 1024
            jobs.append(_refused(job, f"“{name}”超过单个文件的上限 {limit_mb:.0f} MB，未处理。"
                                      "请只上传公开文件本身，或请管理员调高上限（--max-file-mb）。", services))
            continue
        job = services.board.add(new_job(name, len(data), sniff(data) if data else "empty"))
        if not data:
            jobs.append(_refused(job, f"“{name}”是空文件。请检查文件后重新上传。", services))
            continue
        services.processor.submit(job, data)
        jobs.append(job)
    return jobs
