"""Writing one document: all its rows in one transaction, or none of them.

Idempotent by content hash: a document already archived is not added again. The hash is looked
up inside the transaction, and writers are serialized (see archive.Archive), so two writers that
bring the same file at the same time still leave one document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import duckdb

from ..model import Disclosure
from .rows import CHILD_COLUMNS, DOCUMENT_COLUMNS, DocumentRecord


@dataclass(frozen=True, slots=True)
class Stored:
    id: int
    new: bool  # False: the same content was already archived under this id


def hash_bytes(data: bytes) -> str:
    """The content hash that keys a document: SHA-256 of its file's bytes."""
    return hashlib.sha256(data).hexdigest()


def content_hash_of_model(disclosure: Disclosure) -> str:
    """For a document built in memory (no file): the hash of its model as JSON."""
    return hash_bytes(disclosure.model_dump_json().encode("utf-8"))


def find_by_hash(cur: duckdb.DuckDBPyConnection, content_hash: str) -> int | None:
    row = cur.execute("SELECT id FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
    return None if row is None else row[0]


def _insert_document(cur: duckdb.DuckDBPyConnection, record: DocumentRecord) -> int:
    columns = ", ".join(DOCUMENT_COLUMNS)
    marks = ", ".join("?" for _ in DOCUMENT_COLUMNS)
    values = [record.document[c] for c in DOCUMENT_COLUMNS]
    return cur.execute(f"INSERT INTO documents ({columns}) VALUES ({marks}) RETURNING id", values).fetchone()[0]


def insert_children(cur: duckdb.DuckDBPyConnection, document_id: int, table: str, rows) -> None:
    """Bulk insert from an Arrow table (one statement, exact decimals)."""
    if rows.num_rows == 0:
        return
    columns = ", ".join(name for name, _ in CHILD_COLUMNS[table])
    staged = f"staged_{table}"
    cur.register(staged, rows)
    try:
        cur.execute(f"INSERT INTO {table} (document_id, {columns}) SELECT ?, {columns} FROM {staged}", [document_id])
    finally:
        cur.unregister(staged)


def store(cur: duckdb.DuckDBPyConnection, record: DocumentRecord) -> Stored:
    cur.begin()
    try:
        known = find_by_hash(cur, record.content_hash)
        if known is not None:
            cur.rollback()
            return Stored(known, new=False)
        document_id = _insert_document(cur, record)
        for table, rows in record.children.items():
            insert_children(cur, document_id, table, rows)
        cur.commit()
    except BaseException:
        cur.rollback()
        raise
    return Stored(document_id, new=True)
