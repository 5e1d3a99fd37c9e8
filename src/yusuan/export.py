"""Tidy lines: one amount per row, the shape researchers load into anything.

Each line names its document: `document` is the SHA-256 of the file's bytes (the archive's
`content_hash`), so the 部门 and the 单位 report of one department and year, its budget and its final
accounts, or a PDF and a text of the same disclosure, stay apart when exports are put together.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Disclosure, plain
from .outputs import write_text, write_with

__all__ = ["FORMATS", "file_hash", "render_csv", "render_json", "tidy_lines", "write_parquet", "write_text"]

COLUMNS = ["department", "year", "kind", "scope", "document", "table", "page", "row", "code", "name", "column",
           "amount", "unit"]
_INTEGERS = ("year", "page", "row")
FORMATS = ("csv", "json", "parquet")


def file_hash(path: Path) -> str:
    """The document's id in the tidy lines: SHA-256 of the file's bytes, as the archive's content_hash."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tidy_lines(disclosure: Disclosure, document: str | None = None) -> Iterator[dict[str, str | int | None]]:
    """The lines of one document; `document` is its content hash (None: not known, the column stays empty)."""
    for table in disclosure.tables.values():
        for index, row in enumerate(table.rows, start=1):
            for column, value in row.values.items():
                if value is None:
                    continue
                yield {
                    "department": disclosure.department,
                    "year": disclosure.year,
                    "kind": disclosure.kind,
                    "scope": disclosure.scope,
                    "document": document,
                    "table": table.id,
                    "page": row.source.page,  # the PDF page it is printed on; None for a text
                    "row": index,
                    "code": row.code or "",
                    "name": row.name,
                    "column": column,
                    "amount": plain(value),
                    "unit": table.unit.value,
                }


def render_csv(lines: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(lines)
    return buffer.getvalue()


def render_json(lines: Iterable[dict]) -> str:
    return json.dumps(list(lines), ensure_ascii=False, indent=1) + "\n"


def write_parquet(lines: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.int32() if c in _INTEGERS else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pylist(lines, schema=schema)
    write_with(path, lambda temporary: pq.write_table(table, temporary))
