"""`yusuan db export`: every table as Parquet or CSV files, or as a Frictionless data package.

Parquet keeps DuckDB's types (DECIMAL stays exact decimal). CSV writes amounts as exact plain
strings without trailing zeros (925.4), lists as JSON, times as ISO 8601. The files are written into
a fresh folder beside the target and moved into place at the end, so a failure leaves nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb

from ..errors import YusuanError
from ..outputs import current_umask

FORMATS = ("parquet", "csv", "datapackage")
TABLES = ("documents", "doc_tables", "lines", "figures", "claims", "projects", "performance_tables", "indicators",
          "rule_results", "findings")
# Rows in a stable order: by document, then as the document printed them.
ORDER = {"documents": "id", "doc_tables": "document_id, source_line NULLS LAST, table_id",
         "lines": "document_id, table_id, row_no, column_id", "figures": "document_id, year, metric, rank",
         "claims": "document_id, ordinal", "projects": "document_id, ordinal",
         "performance_tables": "document_id, ordinal", "indicators": "document_id, table_ordinal, ordinal",
         "rule_results": "document_id, rule_id", "findings": "document_id, ordinal"}


def exact_text(expression: str) -> str:
    """SQL turning a DECIMAL into its exact plain string without trailing zeros: 925.4000 -> '925.4'."""
    return f"rtrim(rtrim(CAST({expression} AS VARCHAR), '0'), '.')"


def csv_expression(column: str, data_type: str) -> str:
    quoted = f'"{column}"'
    if data_type.startswith("DECIMAL"):
        return f"{exact_text(quoted)} AS {quoted}"
    if data_type.endswith("[]"):
        return f"CAST(to_json({quoted}) AS VARCHAR) AS {quoted}"
    if data_type.startswith("TIMESTAMP"):
        return f"strftime({quoted}, '%Y-%m-%dT%H:%M:%S') AS {quoted}"
    return quoted


def columns_of(cur: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return cur.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                       "ORDER BY ordinal_position", [table]).fetchall()


def csv_select(cur: duckdb.DuckDBPyConnection, table: str) -> str:
    columns = ", ".join(csv_expression(name, data_type) for name, data_type in columns_of(cur, table))
    return f"SELECT {columns} FROM {table} ORDER BY {ORDER[table]}"


def copy_to(cur: duckdb.DuckDBPyConnection, select: str, path: Path, format: str) -> None:
    options = "FORMAT parquet" if format == "parquet" else "FORMAT csv, HEADER true"
    quoted = str(path).replace("'", "''")
    cur.execute(f"COPY ({select}) TO '{quoted}' ({options})")


def _copy_csv_with_bom(cur: duckdb.DuckDBPyConnection, select: str, path: Path) -> None:
    """CSV for people: a UTF-8 BOM first, so that Excel and WPS on Chinese Windows read it as UTF-8."""
    bare = path.with_name(path.name + ".bare")
    copy_to(cur, select, bare, "csv")
    with path.open("wb") as out, bare.open("rb") as body:
        out.write(b"\xef\xbb\xbf")
        shutil.copyfileobj(body, out, 1 << 20)
    bare.unlink()


def write_tables(cur: duckdb.DuckDBPyConnection, folder: Path, format: str) -> list[Path]:
    written = []
    for table in TABLES:
        path = folder / f"{table}.{format}"
        if format == "csv":
            _copy_csv_with_bom(cur, csv_select(cur, table), path)
        else:
            copy_to(cur, f"SELECT * FROM {table} ORDER BY {ORDER[table]}", path, format)
        written.append(path)
    return written


def _check_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise YusuanError(f"“{target}”已存在且不是空文件夹。请指定一个新的文件夹，或先清空它。")


def _move_into_place(staging: Path, target: Path) -> None:
    if target.exists():
        target.rmdir()  # empty, checked above
    staging.rename(target)


def export(cur: duckdb.DuckDBPyConnection, target: Path, format: str) -> list[Path]:
    """Write the archive into the folder `target` (new or empty); returns the files written."""
    if format not in FORMATS:
        raise YusuanError(f"不支持的导出格式“{format}”。请使用 parquet、csv 或 datapackage。")
    _check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".yusuan-export-", dir=target.parent))
    os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp makes 0700; the exported folder gets the usual mode
    try:
        if format == "datapackage":
            from .datapackage import write_datapackage

            names = write_datapackage(cur, staging)
        else:
            names = [p.name for p in write_tables(cur, staging, format)]
        _move_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / name for name in names]
