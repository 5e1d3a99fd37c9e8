"""Documents' rows as Parquet, partitioned Hive-style by the document's year and region:

    <folder>/<table>/document_year=2024/document_region=重庆市潼南区/<part>.parquet

Every table has a `content_hash` column naming its document (child rows carry no id), which is how
`archiving.import_parquet` links them; the partition keys are named `document_*` so that they never
shadow a table's own `year` (claims, figures). A missing year or region is written as
`__HIVE_DEFAULT_PARTITION__`, which DuckDB reads back as NULL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
import pyarrow as pa
import pyarrow.parquet as pq

from ..archive import DocumentRecord

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
DOCUMENT_SCHEMA = pa.schema([
    ("content_hash", pa.string()), ("source_name", pa.string()), ("department", pa.string()),
    ("region", pa.string()), ("year", pa.int32()), ("kind", pa.string()), ("scope", pa.string()),
    ("unit", pa.string()), ("reader", pa.string()), ("parsed_at", pa.timestamp("us")),
    ("member_units", pa.list_(pa.string())), ("unreadable", pa.int32()), ("errors", pa.int32()),
    ("warnings", pa.int32()), ("infos", pa.int32()),
])

Key = tuple[int | None, str | None]


def partition_of(record: DocumentRecord) -> Key:
    return record.document.get("year"), record.document.get("region")


def partition_path(key: Key) -> str:
    year, region = key
    # a folder name: a separator in a region name (there is none in real ones) must not open a folder;
    # the documents' own `region` column, not this key, is what the archive imports
    region_text = NULL_PARTITION if region is None else region.replace("/", "_").replace("\\", "_")
    return f"document_year={NULL_PARTITION if year is None else year}/document_region={region_text}"


def documents_table(records: list[DocumentRecord]) -> pa.Table:
    return pa.Table.from_pylist([r.document for r in records], schema=DOCUMENT_SCHEMA)


def child_table(records: list[DocumentRecord], table: str) -> pa.Table | None:
    parts = [r.children[table].append_column("content_hash", pa.array([r.content_hash] * r.children[table].num_rows,
                                                                         pa.string()))
             for r in records if r.children[table].num_rows]
    return pa.concat_tables(parts) if parts else None


def tables_of(records: list[DocumentRecord]) -> dict[str, pa.Table]:
    tables = {"documents": documents_table(records)}
    for name in records[0].children:
        child = child_table(records, name)
        if child is not None:
            tables[name] = child
    return tables


def write_partitions(records: Iterable[DocumentRecord], folder: Path, part: str) -> list[Path]:
    """Write the records' rows under `folder`, one file per table and partition, named `<part>.parquet`."""
    groups: dict[Key, list[DocumentRecord]] = defaultdict(list)
    for record in records:
        groups[partition_of(record)].append(record)
    written = []
    for key, members in groups.items():
        for table, rows in tables_of(members).items():
            path = folder / table / partition_path(key) / f"{part}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(rows, path)
            written.append(path)
    return written
