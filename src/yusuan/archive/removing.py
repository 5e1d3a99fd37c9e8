"""Removing a document: its rows in every table, in one transaction."""

from __future__ import annotations

import duckdb

from .rows import CHILD_COLUMNS


def remove(cur: duckdb.DuckDBPyConnection, document_id: int) -> bool:
    cur.begin()
    try:
        for table in CHILD_COLUMNS:
            cur.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
        removed = cur.execute("DELETE FROM documents WHERE id = ? RETURNING id", [document_id]).fetchall()
        cur.commit()
    except BaseException:
        cur.rollback()
        raise
    return bool(removed)
