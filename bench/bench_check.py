"""Check time: the seed (best/median of N), and 1,000 documents checked one after another.

    .venv/bin/python bench/bench_check.py [N] [DOCS]

The 1,000 documents are copies of the parsed seed with one amount varied per copy, so every check
really runs (no caching between documents); parsing is not included (see bench_parse.py).
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

from yusuan.checks import run_checks
from yusuan.pipeline import parse_path

SEED = Path(__file__).resolve().parent.parent / "examples" / "tongnan-jxw-2024-budget.txt"


def varied_copies(seed, count):
    rows = [(t, i) for t in seed.tables for i, _ in enumerate(seed.tables[t].rows)]
    for n in range(count):
        copy = seed.model_copy(deep=True)
        table, index = rows[n % len(rows)]
        row = copy.tables[table].rows[index]
        for column, value in row.values.items():
            if value is not None:
                row.values[column] = value + Decimal(n % 7)
                break
        yield copy


def main(runs: int = 100, docs: int = 1000) -> None:
    seed = parse_path(SEED)
    run_checks(seed)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run_checks(seed)
        times.append((time.perf_counter() - start) * 1000)
    copies = list(varied_copies(seed, docs))
    start = time.perf_counter()
    for copy in copies:
        run_checks(copy)
    total = time.perf_counter() - start
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"check seed ({runs} runs): best {min(times):.1f} ms, median {statistics.median(times):.1f} ms")
    print(f"check {docs} documents: {total:.1f} s ({docs / total:.0f} documents/s)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
