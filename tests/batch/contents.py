"""An archive's contents, independent of ids and times: every table's rows keyed by content hash."""

from __future__ import annotations

from pathlib import Path

from yusuan.archive import Archive
from yusuan.archive.exporting import TABLES

# set by whoever stored the row, not by the document
VOLATILE = {"id", "document_id", "parsed_at"}


def _columns(archive: Archive, table: str) -> list[str]:
    rows = archive.query("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                         "ORDER BY ordinal_position", [table]).rows
    return [r[0] for r in rows if r[0] not in VOLATILE]


def _rows(archive: Archive, table: str) -> list[tuple]:
    columns = ", ".join(f't."{c}"' for c in _columns(archive, table))
    if table == "documents":
        sql = f"SELECT {columns} FROM documents t"
    else:
        sql = f"SELECT d.content_hash, {columns} FROM {table} t JOIN documents d ON d.id = t.document_id"
    return sorted(archive.query(sql).rows, key=repr)


def contents(db: Path) -> dict[str, list[tuple]]:
    with Archive.open(db, read_only=True) as archive:
        return {table: _rows(archive, table) for table in TABLES}


def hashes(db: Path) -> list[str]:
    with Archive.open(db, read_only=True) as archive:
        return [r[0] for r in archive.query("SELECT content_hash FROM documents ORDER BY content_hash").rows]
