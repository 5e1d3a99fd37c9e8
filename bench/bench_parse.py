"""Parse time of the bundled example, in process (read + recognize), best and median of N runs;
then with a time limit per document (`--timeout`: the parse runs in a forked child), best and median
of N/4 runs.

Wall time is what a user waits; CPU time (process_time) is less disturbed by other load on the machine.

    .venv/bin/python bench/bench_parse.py [N]
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from yusuan.pipeline import parse_path
from yusuan.readers import DEFAULT_LIMITS

SEED = Path(__file__).resolve().parent.parent / "examples" / "tongnan-jxw-2024-budget.txt"


def main(runs: int = 200) -> None:
    parse_path(SEED)  # warm caches (catalog load, regex compile), as in a long-running process
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        parse_path(SEED)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    print(f"machine: {platform.processor() or platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"parse seed ({runs} runs): best {min(times):.1f} ms, median {statistics.median(times):.1f} ms, "
          f"p95 {sorted(times)[int(runs * 0.95) - 1]:.1f} ms; CPU median {statistics.median(cpu):.1f} ms")
    limited = replace(DEFAULT_LIMITS, max_seconds=60)
    forked = []
    for _ in range(max(runs // 4, 1)):
        start = time.perf_counter()
        parse_path(SEED, limited)
        forked.append((time.perf_counter() - start) * 1000)
    print(f"with a time limit (forked child), {len(forked)} runs: best {min(forked):.1f} ms, "
          f"median {statistics.median(forked):.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
