"""What a running web app is told: where the archive is, and the limits it holds uploads to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..archive import resolve_path
from ..readers import Limits

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    # the archive (DuckDB); None: --db, else $YUSUAN_DB, else ./yusuan.duckdb
    db: Path | None = None
    # uploaded files, parsed models and page images, each named by the file's SHA-256;
    # None: a folder beside the archive, `<archive>.files`
    files: Path | None = None
    # one uploaded file; larger ones are refused before they are parsed
    max_file_bytes: int = 50 * MB
    # files in one upload request
    max_files: int = 20
    # the whole upload request (all its files and the form's framing), refused as it arrives
    max_request_bytes: int = 200 * MB
    # pages of one PDF (counted by walking the page tree, never from /Count, before any page is parsed)
    max_pages: int = 500
    # seconds one document's work (reading, recognizing and checking an upload; rendering a download)
    # may take before its worker is stopped
    parse_timeout: float = 300.0
    # documents read (and, apart, renderings made) at the same time, each in a process of its own
    parse_workers: int = 2
    # address space of a worker process, in MB (0: no limit): a hostile file fails alone
    parse_memory_mb: int = 3072
    # the functions a worker process runs: "module:function" (tests swap in one that crashes)
    parser: str = "yusuan.web.parsing:parse_upload"
    renderer: str = "yusuan.web.rendering:render_document"
    # documents per page of the archive list
    page_size: int = 50
    # how long to wait for another program to let go of the archive at start
    open_timeout: float = 60.0
    # (token, role) pairs, role "admin" (read and write) or "read"; empty: no tokens, everyone may
    # read and upload (a server on 127.0.0.1). See access.py and docs/web.md.
    tokens: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    # with tokens: let anyone read (pages, API, downloads) and keep tokens for writing only
    public_read: bool = False
    # allowed writes (uploads) one token (without tokens: one address) may make in any `upload_window`
    # seconds, and failed logins one address may make; 0: no limit. Refused requests are not counted.
    upload_rate: int = 30
    upload_window: float = 60.0
    # where the server is reached, told to commands that wait for the archive meanwhile
    address: str = "yusuan serve"
    # the address the server is bound to: with localhost, the host names it answers to (hosts.py)
    host: str = "127.0.0.1"
    # more host names it answers to and takes requests from (a reverse proxy's public name)
    allowed_hosts: tuple[str, ...] = ()

    @property
    def db_path(self) -> Path:
        return resolve_path(self.db)

    @property
    def files_path(self) -> Path:
        return self.files or self.db_path.with_name(self.db_path.name + ".files")

    def reader_limits(self) -> Limits:
        # the readers' other bounds (zip bombs, cells, OCR pages) keep their defaults: docs/readers.md
        return Limits(max_file_bytes=self.max_file_bytes, max_pages=self.max_pages)
