"""The manifest: one JSON line per generated file, with the defects injected into it.

    {"file": "000042.txt", "index": 42, "format": "txt", "content_hash": "…", "department": "…",
     "year": 2023, "defects": [{"kind": "narr_amount", "family": "narrative", "must": ["NARR-AMOUNT"],
     "may": [...], "tables": ["narrative"], "where": {"subject": "basic", ...}}]}

The first line holds the generator's settings (`{"seed": 7, "count": 10000, ...}`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .defect import Injected

MANIFEST_NAME = "manifest.jsonl"


@dataclass
class Entry:
    file: str
    index: int
    format: str
    content_hash: str
    department: str | None
    year: int | None
    defects: list[Injected] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "index": self.index, "format": self.format, "content_hash": self.content_hash,
                "department": self.department, "year": self.year, "defects": [d.as_dict() for d in self.defects]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        return cls(data["file"], data["index"], data["format"], data["content_hash"], data.get("department"),
                   data.get("year"), [Injected.from_dict(d) for d in data.get("defects", ())])


def write_line(stream, data: dict[str, Any]) -> None:
    stream.write(json.dumps(data, ensure_ascii=False) + "\n")


def read_manifest(folder: Path) -> tuple[dict[str, Any], Iterator[Entry]]:
    """The settings line and the entries (read as they are needed)."""
    path = folder / MANIFEST_NAME
    with path.open(encoding="utf-8") as stream:
        settings = json.loads(stream.readline())

    def entries() -> Iterator[Entry]:
        with path.open(encoding="utf-8") as stream:
            next(stream)
            for line in stream:
                if line.strip():
                    yield Entry.from_dict(json.loads(line))

    return settings, entries()
