"""The failure log: one JSON line per document that could not be processed, kept across runs.

A later run skips what failed before (the same content fails the same way) unless asked to retry,
so that a resumed batch does not spend its time on known-bad files. The log holds failures only;
what succeeded is in the archive.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from .work import Failed

LOG_NAME = "failures.jsonl"


class FailureLog:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / LOG_NAME
        self.known: dict[str, str] = dict(self._read())  # content hash -> error of an earlier run

    def _read(self):
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as stream:
            for line in stream:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:  # a line cut short by a kill: that failure is simply retried
                    continue
                if entry.get("content_hash"):
                    yield entry["content_hash"], entry.get("error", "")

    def failed_before(self, content_hash: str) -> bool:
        return content_hash in self.known

    def write(self, failure: Failed) -> None:
        entry = {"path": failure.path, "content_hash": failure.content_hash, "error": failure.error,
                 "at": datetime.now(UTC).isoformat(timespec="seconds")}
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        if failure.content_hash:
            self.known[failure.content_hash] = failure.error
