"""What the routes share while the server runs: the open archive, the file store, the upload jobs, the
renderings being made."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request

from ..archive import Archive, ServerMark
from .documents import Loaded, load
from .downloads import Renderings
from .jobs import JobBoard
from .processing import Processor
from .settings import Settings
from .store import FileStore


@dataclass(slots=True)
class Services:
    settings: Settings
    archive: Archive
    store: FileStore
    board: JobBoard
    processor: Processor
    mark: ServerMark
    renderings: Renderings

    def close(self) -> None:
        self.processor.shutdown()
        self.archive.close()
        self.mark.release()

    def remove(self, document_id: int) -> bool:
        """Delete a document from the archive, then the files kept for it; False when there is none."""
        summary = self.archive.summary(document_id)
        if summary is None or not self.archive.remove(document_id):
            return False
        if self.archive.find(summary.content_hash) is None:  # not uploaded again meanwhile
            self.store.forget(summary.content_hash)
        return True

    def document(self, document_id: int) -> Loaded:
        """The document, or 404 (the same answer for a bad id and a removed document)."""
        loaded = load(self.archive, self.store, document_id)
        if loaded is None:
            raise HTTPException(404, f"档案中没有编号为 {document_id} 的文件。")
        return loaded


def open_services(settings: Settings) -> Services:
    # one server per archive (the mark), holding the archive only while a request uses it, so that
    # `yusuan db ...` can read it meanwhile (docs/archive.md, archive/sharing.py)
    mark = ServerMark(settings.db_path)
    mark.acquire(settings.address)
    try:
        archive = Archive.open(settings.db_path, timeout=settings.open_timeout, shared=True)
    except BaseException:
        mark.release()
        raise
    store = FileStore(settings.files_path)
    store.sweep()  # what a killed server was writing; the mark makes us the only server writing here
    board = JobBoard()
    return Services(settings, archive, store, board, Processor(settings, archive, store, board), mark,
                    Renderings(settings, store))


def services(request: Request) -> Services:
    """FastAPI dependency: the services of the app that received the request."""
    return request.app.state.services
