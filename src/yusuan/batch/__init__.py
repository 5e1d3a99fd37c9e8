"""Batch processing: parse, check and archive every document of a collection of any size, in parallel.

    from yusuan.batch import BatchOptions, run_batch
    summary = run_batch([Path("downloads")], BatchOptions(db=Path("all.duckdb"), workers=2))
    summary.added, summary.failed, summary.rate

Engines: `local` (a process pool, local.py) and `ray` (Ray tasks writing Parquet partitions that the
archive imports, ray_engine.py; needs the `yusuan[ray]` extra). See docs/scale.md.
"""

from .discover import DOCUMENT_SUFFIXES, discover
from .runner import ENGINES, BatchOptions, run_batch
from .summary import BatchSummary
from .work import Done, Failed, Task, process

__all__ = ["DOCUMENT_SUFFIXES", "ENGINES", "BatchOptions", "BatchSummary", "Done", "Failed", "Task", "discover",
           "process", "run_batch"]
