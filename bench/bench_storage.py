"""Storage per document, and the cost of writing a document's rows as Parquet (docs/scale.md).

    python bench/bench_storage.py archive X.duckdb       # bytes in use per archived document
    python bench/bench_storage.py parts DIR [--compact]  # Parquet partitions of `yusuan batch --engine ray`
    python bench/bench_storage.py write DIR --sample 320 # Parquet write cost per document, by chunk size

`archive` counts the DuckDB blocks in use (a file that was killed and resumed keeps freed blocks, so
its size on disk says less). `parts` adds up the partitions' files; with `--compact` it also rewrites
each table into one Parquet file (zstd), which is the size the collection takes once small files are
merged. `write` parses a sample of documents (one process), then times `write_partitions` on their
rows in chunks of 16 (the Ray engine's chunk) and in one chunk, then as one file per table.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from yusuan.archive import hash_bytes
from yusuan.batch.partitions import tables_of, write_partitions
from yusuan.batch.work import Done, Task, process

KIB = 1024


def command_archive(args) -> None:
    con = duckdb.connect(str(args.db), read_only=True)
    documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    block_size, total, used = con.execute("SELECT block_size, total_blocks, used_blocks FROM pragma_database_size()").fetchone()
    print(f"{args.db}: {documents} documents; file {args.db.stat().st_size / KIB ** 2:.1f} MiB; "
          f"in use {used * block_size / KIB ** 2:.1f} MiB ({used} of {total} blocks): "
          f"{used * block_size / documents / KIB:.1f} KiB per document")
    for (table,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                                "AND table_type = 'BASE TABLE' ORDER BY 1").fetchall():
        rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        print(f"  {table}: {rows} rows ({rows / documents:.1f} per document)")


def command_parts(args) -> None:
    files = list(args.folder.rglob("*.parquet"))
    size = sum(f.stat().st_size for f in files)
    con = duckdb.connect()
    documents = con.execute(f"SELECT count(*) FROM read_parquet('{args.folder}/documents/**/*.parquet')").fetchone()[0]
    print(f"{args.folder}: {documents} documents, {len(files)} files, {size / KIB ** 2:.1f} MiB: "
          f"{size / documents / KIB:.1f} KiB per document, {size / len(files) / KIB:.1f} KiB per file")
    if args.compact:
        out = Path(tempfile.mkdtemp(prefix="compact-"))
        try:
            started = time.monotonic()
            for table in sorted(p.name for p in args.folder.iterdir() if p.is_dir() and not p.name.startswith("_")):
                con.execute(f"COPY (SELECT * FROM read_parquet('{args.folder}/{table}/**/*.parquet', "
                            f"hive_partitioning = true)) TO '{out}/{table}.parquet' (FORMAT parquet, COMPRESSION zstd)")
            compact = sum(f.stat().st_size for f in out.iterdir())
            print(f"compacted, one file per table (zstd): {compact / KIB ** 2:.1f} MiB, "
                  f"{compact / documents / KIB:.1f} KiB per document ({time.monotonic() - started:.0f} s)")
        finally:
            shutil.rmtree(out)


def command_write(args) -> None:
    paths = sorted(itertools.islice((p for p in args.folder.rglob("*.txt")), args.sample))
    records = []
    for path in paths:
        data = path.read_bytes()
        outcome = process(Task(str(path), hash_bytes(data), data))
        if isinstance(outcome, Done):
            records.append(outcome.record)
    in_memory = sum(t.nbytes for t in tables_of(records).values())
    print(f"{len(records)} documents' rows in memory (Arrow): {in_memory / len(records) / KIB:.1f} KiB per document")
    for size in (16, len(records)):
        out = Path(tempfile.mkdtemp(prefix="parts-"))
        try:
            started = time.perf_counter()
            files = []
            for number, start in enumerate(range(0, len(records), size)):
                files += write_partitions(records[start:start + size], out, f"part-{number}")
            seconds = time.perf_counter() - started
            written = sum(f.stat().st_size for f in files)
            print(f"chunks of {size}: {len(records)} documents, {seconds * 1000 / len(records):.1f} ms per document, "
                  f"{len(files)} files, {written / len(records) / KIB:.1f} KiB per document")
        finally:
            shutil.rmtree(out)
    out = Path(tempfile.mkdtemp(prefix="parts-"))
    try:
        started = time.perf_counter()
        for table, rows in tables_of(records).items():
            pq.write_table(rows, out / f"{table}.parquet", compression="zstd")
        seconds = time.perf_counter() - started
        written = sum(f.stat().st_size for f in out.iterdir())
        print(f"one file per table, not partitioned (zstd): {seconds * 1000 / len(records):.1f} ms per document, "
              f"{written / len(records) / KIB:.1f} KiB per document")
    finally:
        shutil.rmtree(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    archive = commands.add_parser("archive")
    archive.add_argument("db", type=Path)
    parts = commands.add_parser("parts")
    parts.add_argument("folder", type=Path)
    parts.add_argument("--compact", action="store_true")
    write = commands.add_parser("write")
    write.add_argument("folder", type=Path)
    write.add_argument("--sample", type=int, default=320)
    args = parser.parse_args()
    {"archive": command_archive, "parts": command_parts, "write": command_write}[args.command](args)


if __name__ == "__main__":
    main()
