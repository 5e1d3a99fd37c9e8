"""The files a document page offers: the disclosure rendered, its tidy lines, its check report.

A rendering is made once per document and format and kept in the file store (an archived
document never changes). It is made in a worker process (`rendering.py`), bounded in time and
memory like the reading of an upload; at most `parse_workers` are made at once, and two requests
for the same one wait for one making, while a request for another goes on.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from urllib.parse import quote

from ..checks import render_html, render_json
from ..export import render_csv, tidy_lines
from .documents import Loaded
from .isolated import FOR_A_RENDERING, run_isolated
from .pdfpages import PageRequest
from .rendering import RenderRequest
from .settings import Settings
from .store import FileStore

RENDER_FORMATS = ("html", "pdf", "docx", "xlsx")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
KIND_LABELS = {"budget": "预算", "final": "决算"}
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]')


@dataclass(frozen=True, slots=True)
class Download:
    data: bytes
    media_type: str
    filename: str

    @property
    def disposition(self) -> str:
        """attachment, with an ASCII name for old clients and the Chinese one (RFC 5987) for the rest."""
        ascii_name = self.filename.encode("ascii", "ignore").decode() or "download"
        ascii_name = _UNSAFE_IN_NAMES.sub("", ascii_name).strip() or "download"
        return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(self.filename)}"


def file_stem(loaded: Loaded) -> str:
    s = loaded.summary
    words = f"{s.department or '文件'}{s.year or ''}{KIND_LABELS.get(s.kind, s.kind)}"
    return (_UNSAFE_IN_NAMES.sub("", words)[:80] or "document") + f"-{s.id}"


class Renderings:
    """The renderings the server makes: at most `parse_workers` at once, each in a worker process, and one
    making per file (a second request for it waits for the first and reads what it made)."""

    def __init__(self, settings: Settings, store: FileStore):
        self.settings = settings
        self.store = store
        self._slots = threading.BoundedSemaphore(max(1, settings.parse_workers))
        self._guard = threading.Lock()
        self._making: dict[str, threading.Lock] = {}  # by the file's name in the store, while it is made

    def get(self, loaded: Loaded, fmt: str) -> Download:
        # a rebuilt model lacks projects and performance tables: keep it apart from a full rendering
        suffix = f"{'rebuilt' if loaded.rebuilt else 'render'}.{fmt}"
        digest = loaded.summary.content_hash
        data = self.store.read(digest, suffix)
        if data is None:
            data = self._make(loaded, digest, suffix, fmt)
        return Download(data, MEDIA_TYPES[fmt], f"{file_stem(loaded)}.{fmt}")

    def _make(self, loaded: Loaded, digest: str, suffix: str, fmt: str) -> bytes:
        key = f"{digest}.{suffix}"
        with self._guard:
            lock = self._making.setdefault(key, threading.Lock())
        try:
            with lock:
                data = self.store.read(digest, suffix)  # made meanwhile by the request this one waited for
                if data is None:
                    request = RenderRequest(loaded.disclosure.model_dump_json(), fmt)
                    with self._slots:
                        data = run_isolated(self.settings.renderer, request, timeout=self.settings.parse_timeout,
                                            memory_mb=self.settings.parse_memory_mb, advice=FOR_A_RENDERING)
                    self.store.write(digest, suffix, data)
                return data
        finally:
            with self._guard:
                self._making.pop(key, None)  # a later request finds the file in the store


def tidy_csv(loaded: Loaded) -> Download:
    # exactly what `yusuan export -o` writes, so scripts read both alike; with the BOM Excel and WPS need
    text = render_csv(tidy_lines(loaded.disclosure, loaded.summary.content_hash))
    return Download(("\ufeff" + text).encode("utf-8"), MEDIA_TYPES["csv"], f"{file_stem(loaded)}-lines.csv")


def report_file(loaded: Loaded, report, fmt: str) -> Download:
    text = render_html(report) if fmt == "html" else render_json(report) + "\n"
    return Download(text.encode("utf-8"), MEDIA_TYPES[fmt], f"{file_stem(loaded)}-report.{fmt}")



def page_image(loaded: Loaded, store: FileStore, page: int, timeout: float, memory_mb: int) -> Download | None:
    """Page `page` of the uploaded PDF as PNG; None when the document is no PDF or has no such page."""
    digest = loaded.summary.content_hash
    suffix = f"page-{page}.png"
    data = store.read(digest, suffix)
    if data is None:
        source = store.read(digest, "source") if (loaded.summary.reader or "").startswith("pdf") else None
        if source is None:
            return None
        data = run_isolated("yusuan.web.pdfpages:render_page", PageRequest(source, page), timeout=timeout,
                            memory_mb=memory_mb, advice=FOR_A_RENDERING)
        if data is None:
            return None
        store.write(digest, suffix, data)
    return Download(data, "image/png", f"{file_stem(loaded)}-p{page}.png")
