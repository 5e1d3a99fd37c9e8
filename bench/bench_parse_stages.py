"""Where the seed's parse time goes: each stage of read -> recognize timed on its own, best and
median of N runs (warm process, the collector running as in a plain call of each stage).

    .venv/bin/python bench/bench_parse_stages.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from yusuan.model import Disclosure
from yusuan.readers import read_path
from yusuan.recognize import UNMODELLED_KINDS, _add_table
from yusuan.recognize.narrative import read_narrative
from yusuan.recognize.performance import is_performance_start, read_performance
from yusuan.recognize.profile import read_profile
from yusuan.recognize.segment import split_segments

SEED = Path(__file__).resolve().parent.parent / "examples" / "tongnan-jxw-2024-budget.txt"


def _timed(times: dict[str, list[float]], stage: str, work, *args):
    start = time.perf_counter()
    result = work(*args)
    times.setdefault(stage, []).append((time.perf_counter() - start) * 1000)
    return result


def _tables(disclosure: Disclosure, segments) -> None:
    for segment in segments.tables:
        if segment.kind not in UNMODELLED_KINDS:
            _add_table(disclosure, segment)


def main(runs: int = 200) -> None:
    times: dict[str, list[float]] = {}
    for _ in range(runs + 1):
        document = _timed(times, "read (text reader)", read_path, SEED)
        profile = _timed(times, "profile (department, year, unit)", read_profile, document.lines)
        segments = _timed(times, "segment (tables, sections)", split_segments, document.lines, is_performance_start)
        disclosure = Disclosure(department=profile.department, year=profile.year, kind=profile.kind,
                                scope=profile.scope, unit=profile.unit)
        _timed(times, "standard tables", _tables, disclosure, segments)
        _timed(times, "performance-target tables", read_performance, segments.performance)
        _timed(times, "narrative", read_narrative, segments.narrative, disclosure.unit, disclosure.year)
    for stage, measured in times.items():
        measured = measured[1:]  # the first run warms caches (catalog, patterns)
        print(f"{stage:34s} best {min(measured):6.2f} ms   median {statistics.median(measured):6.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
