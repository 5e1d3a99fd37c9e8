"""Backfill for migration 2: the region and the headline figures of documents archived before it.

Frozen with its migration: it writes the columns migration 2 created, named here, so a later
change to the living column lists cannot break the upgrade of an old file. The one place the archive
reaches into the checks (docs/architecture.md, known exceptions): an old file is upgraded when it is
opened, and its figures must be those a document added today gets, which only the checks know.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from ..checks.headline import headline_figures
from .rebuild import rebuild
from .region import region_of

_V2_FIGURES = pa.schema([("document_id", pa.int32()), ("year", pa.int32()), ("metric", pa.string()),
                         ("rank", pa.int32()), ("amount", pa.decimal128(18, 6)), ("origin", pa.string())])


def backfill_regions_and_figures(con: duckdb.DuckDBPyConnection) -> None:
    for document_id, department in con.execute("SELECT id, department FROM documents ORDER BY id").fetchall():
        con.execute("UPDATE documents SET region = ? WHERE id = ?", [region_of(department), document_id])
        disclosure = rebuild(con, document_id)
        rows = [{"document_id": document_id, "year": f.year, "metric": f.metric, "rank": f.rank,
                 "amount": f.amount, "origin": f.origin} for f in headline_figures(disclosure)]
        if rows:
            con.register("staged_v2_figures", pa.Table.from_pylist(rows, schema=_V2_FIGURES))
            con.execute("INSERT INTO figures SELECT * FROM staged_v2_figures")
            con.unregister("staged_v2_figures")
