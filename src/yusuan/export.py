"""Tidy lines: one amount per row, the shape researchers load into anything."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from .model import Disclosure

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
    _atomic(path, lambda tmp: pq.write_table(table, tmp))


def write_text(text: str, path: Path) -> None:
    _atomic(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def _atomic(path: Path, write) -> None:
    """Write beside the target and rename, so a failure leaves nothing half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".yusuan-", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
