"""What the routes share while the server runs: the open archive, the file store, the upload jobs."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request

from ..archive import Archive
from .documents import Loaded, load
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

    def close(self) -> None:
        self.processor.shutdown()
        self.archive.close()

    def document(self, document_id: int) -> Loaded:
        """The document, or 404 (the same answer for a bad id and a removed document)."""
        loaded = load(self.archive, self.store, document_id)
        if loaded is None:
            raise HTTPException(404, f"档案中没有编号为 {document_id} 的文件。")
        return loaded


def open_services(settings: Settings) -> Services:
    # one Archive for the server's life (docs/archive.md): other programs wait for it meanwhile
    archive = Archive.open(settings.db_path, timeout=settings.open_timeout)
    store = FileStore(settings.files_path)
    store.sweep()  # what a killed server was writing; the archive's lock makes us the only writer here
    board = JobBoard()
    return Services(settings, archive, store, board, Processor(settings, archive, store, board))


def services(request: Request) -> Services:
    """FastAPI dependency: the services of the app that received the request."""
    return request.app.state.services
