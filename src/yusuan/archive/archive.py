"""The archive: one DuckDB file of documents, their lines, claims, projects, findings and figures.

    with Archive.open("yusuan.duckdb") as archive:          # creates and upgrades the schema
        archive.add_record(record)                          # rows from archiving.py; idempotent by content hash
        page = archive.list(Filters(region="重庆市"))
        archive.summary(document_id)                        # one document as the list shows it
        archive.findings(document_id)                       # its check report's findings, in their plain form
        result = archive.query("SELECT count(*) FROM lines")

Concurrency: an open Archive holds a lock file beside the database (exclusive when writable, shared
when read-only); other processes, and other Archives of the same file in this process, wait for
it (up to `timeout`). Within one Archive, threads may call any method at the same time: each call
runs on its own DuckDB cursor, and writes are serialized, one transaction per document.
A server opens it `shared=True` instead: it holds the file only while a call uses it (sharing.py),
so that other programs can read the archive, and write it when the server is idle.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..model import Disclosure
from .connection import DEFAULT_TIMEOUT, open_for_reading, open_for_writing, resolve_path
from .exporting import export
from .importing import FigureRows, Imported, import_parquet
from .listing import (DocumentDetail, DocumentSummary, Facets, Filters, Page, QueryResult, facets, list_documents,
                      run_query, show_document, summary_of)
from .locking import OnWait
from .migrations import current_version
from .rebuild import rebuild
from .removing import remove
from .report_rows import findings, rule_results
from .rows import DocumentRecord
from .sharing import HeldConnection, SharedConnection
from .store import Stored, find_by_hash, store

LINGER = 2.0  # seconds a shared archive keeps its read connection after the last call (a page makes several)


class Archive:
    def __init__(self, path: Path, connection: HeldConnection | SharedConnection, read_only: bool):
        self.path = path
        self.read_only = read_only
        self.shared = isinstance(connection, SharedConnection)
        self._connection = connection
        self._write_lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | str | None = None, *, read_only: bool = False, timeout: float = DEFAULT_TIMEOUT,
             shared: bool = False, linger: float = LINGER, on_wait: OnWait | None = None) -> Archive:
        """Open (and, writable, create) the archive at `path` (default: $YUSUAN_DB or ./yusuan.duckdb).

        `shared` (a server): created and upgraded now, then held only while a call uses it.
        `on_wait(path, timeout)` is told once when another program keeps us waiting.
        """
        resolved = resolve_path(path)
        if shared:
            if read_only:
                raise ValueError("a shared archive writes: open it without read_only")
            con, lock = open_for_writing(resolved, timeout, on_wait)  # create or upgrade the schema first
            con.close()
            lock.release()
            return cls(resolved, SharedConnection(resolved, timeout, linger, on_wait), read_only=False)
        opener = open_for_reading if read_only else open_for_writing
        con, lock = opener(resolved, timeout, on_wait)
        return cls(resolved, HeldConnection(con, lock), read_only)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A DuckDB cursor of its own for one operation (safe to use from any thread)."""
        with self._connection.reading() as con:
            cur = con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise RuntimeError("this archive was opened read-only")
        with self._write_lock, self._connection.writing() as con:
            cur = con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    def forbid_file_access(self) -> None:
        """From now on SQL cannot read or write files (COPY, read_csv, ATTACH): for running others' queries.

        It cannot be undone while the archive is open; export and import need an Archive opened anew.
        """
        self._connection.prepare(lambda con: con.execute("SET enable_external_access = false"))

    @property
    def version(self) -> int:
        with self.cursor() as cur:
            return current_version(cur)

    # -- adding ----------------------------------------------------------------------------------

    def add_record(self, record: DocumentRecord) -> Stored:
        """Store one document's rows (yusuan/archiving.py reads, checks and builds them)."""
        with self._writing() as cur:
            return store(cur, record)

    def find(self, content_hash: str) -> int | None:
        with self.cursor() as cur:
            return find_by_hash(cur, content_hash)

    def remove(self, document_id: int) -> bool:
        with self._writing() as cur:
            return remove(cur, document_id)

    def import_parquet(self, directory: Path, figures: FigureRows) -> Imported:
        """Documents and their rows from a folder of Parquet (see importing.py); one transaction.

        `figures` gives the headline figures of documents imported without them (archiving.import_parquet)."""
        with self._writing() as cur:
            return import_parquet(cur, Path(directory), figures)

    # -- reading ---------------------------------------------------------------------------------

    def list(self, filters: Filters = Filters(), limit: int = 50, offset: int = 0,
             newest_first: bool = False) -> Page:
        with self.cursor() as cur:
            return list_documents(cur, filters, limit, offset, newest_first)

    def summary(self, document_id: int) -> DocumentSummary | None:
        """One document as the list shows it; None when there is none with that id."""
        with self.cursor() as cur:
            return summary_of(cur, document_id)

    def facets(self) -> Facets:
        with self.cursor() as cur:
            return facets(cur)

    def show(self, document_id: int) -> DocumentDetail | None:
        with self.cursor() as cur:
            return show_document(cur, document_id)

    def rebuild(self, document_id: int) -> Disclosure | None:
        """The document as a model, as far as the archive keeps it: its tables and claims (rebuild.py)."""
        with self.cursor() as cur:
            return rebuild(cur, document_id)

    def findings(self, document_id: int, ordinal: int | None = None) -> list[dict]:
        """A document's findings in the plain form of its check report, each with its `ordinal` (report_rows.py)."""
        with self.cursor() as cur:
            return findings(cur, document_id, ordinal)

    def rule_results(self, document_id: int) -> list[dict]:
        """A document's rule results in the plain form of its check report (report_rows.py)."""
        with self.cursor() as cur:
            return rule_results(cur, document_id)

    def query(self, sql: str, params: list | None = None, max_rows: int | None = None) -> QueryResult:
        with self.cursor() as cur:
            return run_query(cur, sql, params, max_rows)

    def export(self, directory: Path, format: str) -> list[Path]:
        """Every table into a new or empty folder: parquet, csv or datapackage (see exporting.py)."""
        with self.cursor() as cur:
            return export(cur, Path(directory), format)
