"""What adding a file did (added, already there, failed), and the content hash that keys it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import UnreadableInput, YusuanError
from ..model import Disclosure
from .store import Stored

Outcome = Literal["added", "existing", "failed"]


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_hash_of_model(disclosure: Disclosure) -> str:
    """For a document built in memory (no file): the hash of its model as JSON."""
    return hash_bytes(disclosure.model_dump_json().encode("utf-8"))


def read_input(path: Path) -> bytes:
    if not path.exists():
        raise UnreadableInput(f"找不到文件“{path}”。请检查路径是否正确。")
    if path.is_dir():
        raise UnreadableInput(f"“{path}”是一个文件夹，不是文件。请指定要加入档案的公开文件。")
    from ..readers import file_bytes

    return file_bytes(path)


@dataclass(frozen=True, slots=True)
class Added:
    path: Path
    outcome: Outcome
    id: int | None = None
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    errors: int = 0
    warnings: int = 0
    error: str | None = None  # why it failed

    @classmethod
    def existing(cls, path: Path, document_id: int) -> Added:
        return cls(path, "existing", document_id)

    @classmethod
    def stored(cls, path: Path, stored: Stored, disclosure: Disclosure, errors: int = 0, warnings: int = 0) -> Added:
        return cls(path, "added" if stored.new else "existing", stored.id, disclosure.department, disclosure.year,
                   disclosure.kind, errors, warnings)

    @classmethod
    def attempt(cls, path: Path, add: Callable[[Path], Added]) -> Added:
        try:
            return add(path)
        except YusuanError as error:
            return cls(path, "failed", error=error.message)
        except Exception as error:  # a bug on one file must not stop the others; it is reported, not hidden
            return cls(path, "failed", error=f"内部错误（{type(error).__name__}: {error}）。请报告这个问题。")
