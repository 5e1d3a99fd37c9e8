"""Files the web app keeps beside the archive, every one named by the SHA-256 of the uploaded file.

    <root>/ab/ab12…ef.source           the file as uploaded
    <root>/ab/ab12…ef.model.json       its parsed model (so pages and downloads need no re-parse)
    <root>/ab/ab12…ef.positions.json   where the model's lines lie on the PDF's pages
    <root>/ab/ab12…ef.page-3.png       drawn pages and rendered downloads, kept once made

No name from a request ever reaches a path: a hash comes from the archive and is checked to be 64
hex digits, and the suffixes are the program's own.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from pathlib import Path

from ..model import Disclosure
from ..outputs import write_bytes

_HASH = re.compile(r"[0-9a-f]{64}")
_SUFFIX = re.compile(r"[a-z0-9][a-z0-9.-]{0,30}")
MODELS_KEPT = 32  # parsed models held in memory: the documents people are looking at now


class FileStore:
    def __init__(self, root: Path):
        self.root = root
        self._models: OrderedDict[str, Disclosure] = OrderedDict()
        self._lock = threading.Lock()

    def sweep(self) -> int:
        """Remove the temporary files of writes that never finished (a server killed while writing).

        Called at start, while this server holds the archive (no other server writes here then).
        Every file is written to a temporary name and renamed when complete, so only these are partial.
        """
        removed = 0
        for partial in self.root.glob("[0-9a-f][0-9a-f]/.*.part"):
            partial.unlink(missing_ok=True)
            removed += 1
        return removed

    def path(self, content_hash: str, suffix: str) -> Path:
        if not _HASH.fullmatch(content_hash) or not _SUFFIX.fullmatch(suffix):
            raise ValueError("not a content hash or not one of the store's suffixes")
        return self.root / content_hash[:2] / f"{content_hash}.{suffix}"

    def has(self, content_hash: str, suffix: str) -> bool:
        return self.path(content_hash, suffix).is_file()

    def read(self, content_hash: str, suffix: str) -> bytes | None:
        try:
            return self.path(content_hash, suffix).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, content_hash: str, suffix: str, data: bytes) -> None:
        write_bytes(data, self.path(content_hash, suffix))

    def save_parsed(self, content_hash: str, source: bytes, parsed: dict) -> None:
        """The upload and what was read from it; the model last, so a model on disk has its source."""
        self.write(content_hash, "source", source)
        positions = {"lines": parsed["positions"], "pages": parsed["pages"]}
        self.write(content_hash, "positions.json", json.dumps(positions).encode())
        self.write(content_hash, "model.json", parsed["model"].encode())

    def model(self, content_hash: str) -> Disclosure | None:
        with self._lock:
            if content_hash in self._models:
                self._models.move_to_end(content_hash)
                return self._models[content_hash]
        data = self.read(content_hash, "model.json")
        if data is None:
            return None
        disclosure = Disclosure.model_validate_json(data)
        with self._lock:
            self._models[content_hash] = disclosure
            while len(self._models) > MODELS_KEPT:
                self._models.popitem(last=False)
        return disclosure

    def forget(self, content_hash: str) -> int:
        """Remove every file kept for this hash (a document deleted from the archive); returns how many."""
        folder = self.path(content_hash, "source").parent
        removed = 0
        for kept in folder.glob(f"{content_hash}.*"):
            kept.unlink(missing_ok=True)
            removed += 1
        with self._lock:
            self._models.pop(content_hash, None)
        return removed

    def positions(self, content_hash: str) -> dict:
        data = self.read(content_hash, "positions.json")
        return json.loads(data) if data else {"lines": {}, "pages": {}}
