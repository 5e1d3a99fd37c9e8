"""Importing Parquet written elsewhere (the distributed engine, or `yusuan db export --format parquet`).

Layout: a folder with one entry per archive table, either `<table>.parquet` or a folder
`<table>/` of Parquet files, possibly partitioned Hive-style (`documents/year=2024/region=…/x.parquet`).
`documents` is required and needs `content_hash`; the other tables are optional. A child row
names its document by `document_id` (the `id` of a documents row in the same import) or by
`content_hash`, so writers that work in parallel need not agree on ids. Columns are matched by name.

The whole import is one transaction. Documents whose content hash is already archived (or that
repeat within the import) are skipped with their rows. The region is derived here when the import
does not bring it, and the headline figures by the `figures` the caller hands in (archiving.figure_rows):
where a figure is printed is the checks' knowledge, not the archive's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import YusuanError
from ..model import Disclosure
from .rebuild import rebuild
from .region import region_of
from .rows import CHILD_COLUMNS, to_arrow
from .store import insert_children

# The rows of a document's headline figures, from the document as the archive rebuilds it.
FigureRows = Callable[[Disclosure], Iterable[dict]]
# Columns an importer may leave out, with the value they get.
_DOCUMENT_DEFAULTS = {"unreadable": "0", "errors": "0", "warnings": "0", "infos": "0",
                      "parsed_at": "CAST(now() AS TIMESTAMP)", "scope": "'部门'", "kind": "'budget'"}


@dataclass(frozen=True, slots=True)
class Imported:
    added: int
    skipped: int


def _source(directory: Path, table: str) -> str | None:
    if (directory / f"{table}.parquet").is_file():
        pattern = directory / f"{table}.parquet"
    elif (directory / table).is_dir() and any((directory / table).rglob("*.parquet")):
        pattern = directory / table / "**" / "*.parquet"
    else:
        return None
    quoted = str(pattern).replace("'", "''")
    return f"read_parquet('{quoted}', hive_partitioning = true, union_by_name = true)"


def _columns(cur: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    return [r[0] for r in cur.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()]


def _archive_columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [table]).fetchall()]


def _stage_new_documents(cur: duckdb.DuckDBPyConnection, source: str) -> int:
    """incoming_new: one row per content hash not yet archived, with the id it gets here."""
    columns = _columns(cur, source)
    if "content_hash" not in columns:
        raise YusuanError("无法导入：documents 中没有 content_hash 列。请让导出程序写出每份文件的内容哈希。")
    old_id = "id" if "id" in columns else "NULL"
    cur.execute(f"""
        CREATE OR REPLACE TEMP TABLE incoming_new AS
        SELECT *, {old_id} AS old_id, nextval('document_ids') AS new_id FROM (
            SELECT * FROM {source}
            WHERE content_hash NOT IN (SELECT content_hash FROM documents)
            QUALIFY row_number() OVER (PARTITION BY content_hash ORDER BY {old_id}) = 1)""")
    total = cur.execute(f"SELECT count(DISTINCT content_hash) FROM {source}").fetchone()[0]
    return total


def _insert_documents(cur: duckdb.DuckDBPyConnection) -> None:
    present = set(_columns(cur, "incoming_new"))
    targets = [c for c in _archive_columns(cur, "documents") if c != "id"]
    values = [f'"{c}"' if c in present else _DOCUMENT_DEFAULTS.get(c, "NULL") for c in targets]
    cur.execute(f"INSERT INTO documents (id, {', '.join(targets)}) "
                f"SELECT new_id, {', '.join(values)} FROM incoming_new ORDER BY new_id")


def _insert_child(cur: duckdb.DuckDBPyConnection, table: str, source: str) -> None:
    present = set(_columns(cur, source))
    columns = [c for c, _ in CHILD_COLUMNS[table] if c in present]
    if "document_id" in present:
        link = "c.document_id = m.old_id"
    elif "content_hash" in present:
        link = "c.content_hash = m.content_hash"
    else:
        raise YusuanError(f"无法导入：{table} 既没有 document_id 也没有 content_hash 列，无法对应到文件。")
    selected = ", ".join(f'c."{c}"' for c in columns)
    cur.execute(f"INSERT INTO {table} (document_id, {', '.join(columns)}) "
                f"SELECT m.new_id, {selected} FROM {source} c JOIN incoming_new m ON {link}")


def _derive_missing(cur: duckdb.DuckDBPyConnection, figures: FigureRows | None) -> None:
    """Region (from the department name) and, given `figures`, the headline figures (from the lines)."""
    for document_id, department, region in cur.execute(
            "SELECT id, department, region FROM documents WHERE id IN (SELECT new_id FROM incoming_new) "
            "ORDER BY id").fetchall():
        if region is None:
            cur.execute("UPDATE documents SET region = ? WHERE id = ?", [region_of(department), document_id])
        if figures is not None:
            insert_children(cur, document_id, "figures", to_arrow("figures", figures(rebuild(cur, document_id))))


def import_parquet(cur: duckdb.DuckDBPyConnection, directory: Path, figures: FigureRows) -> Imported:
    """`figures` fill the headline figures of documents imported without them."""
    if not directory.is_dir():
        raise YusuanError(f"找不到文件夹“{directory}”。请指定含有 documents 等 Parquet 文件的文件夹。")
    sources = {table: _source(directory, table) for table in ("documents", *CHILD_COLUMNS)}
    if sources["documents"] is None:
        raise YusuanError(f"“{directory}”中没有 documents.parquet 或 documents/ 文件夹。请检查导入的文件夹。")
    cur.begin()
    try:
        total = _stage_new_documents(cur, sources["documents"])
        _insert_documents(cur)
        for table in CHILD_COLUMNS:
            if sources[table] is not None:
                _insert_child(cur, table, sources[table])
        _derive_missing(cur, figures if sources["figures"] is None else None)
        added = cur.execute("SELECT count(*) FROM incoming_new").fetchone()[0]
        cur.execute("DROP TABLE incoming_new")
        cur.commit()
    except duckdb.Error as error:
        cur.rollback()
        raise YusuanError(f"无法导入“{directory}”：{error}。已导入的部分已全部撤销。") from error
    except BaseException:
        cur.rollback()
        raise
    return Imported(added=added, skipped=total - added)
