"""Tidy lines: one amount per row, the shape researchers load into anything."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from .model import Disclosure
from .outputs import write_text, write_with

__all__ = ["FORMATS", "render_csv", "render_json", "tidy_lines", "write_parquet", "write_text"]

COLUMNS = ["department", "year", "kind", "table", "row", "code", "name", "column", "amount", "unit"]
FORMATS = ("csv", "json", "parquet")


def plain(value: Decimal) -> str:
    """A decimal as a plain string, never in exponent form: Decimal('1E+2') -> '100'."""
    return format(value, "f")


def tidy_lines(disclosure: Disclosure) -> Iterator[dict[str, str | int | None]]:
    for table in disclosure.tables.values():
        for index, row in enumerate(table.rows, start=1):
            for column, value in row.values.items():
                if value is None:
                    continue
                yield {
                    "department": disclosure.department,
                    "year": disclosure.year,
                    "kind": disclosure.kind,
                    "table": table.id,
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

    schema = pa.schema([(c, pa.int32() if c in ("year", "row") else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pylist(lines, schema=schema)
    write_with(path, lambda temporary: pq.write_table(table, temporary))
