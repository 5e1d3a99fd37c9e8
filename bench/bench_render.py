"""Render time of the bundled example, in process, best and median of N runs (after one warm-up run).

    .venv/bin/python bench/bench_render.py [N]

"seed" is the published example parsed (examples/tongnan-jxw-2024-budget.txt); "facts" is the filled
input (examples/budget-input.yaml) derived into a disclosure. Wall and CPU time are both shown: on a
busy machine the CPU time is the steadier figure. CPU time counts this process and the children it waited
for (the PDF writer renders in a forked child, see writers/pdf.py), so it is the whole cost of a render.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

from yusuan.compose import derive
from yusuan.inputs import load_input
from yusuan.pipeline import parse_path
from yusuan.writers.registry import render

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "tongnan-jxw-2024-budget.txt"
FACTS = ROOT / "examples" / "budget-input.yaml"
BUDGET_SECONDS = {"pdf": 3.0, "xlsx": 0.5, "docx": 0.5, "html": 0.5}


def cpu_time() -> float:
    """CPU seconds of this process and of its children that have been waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(action, runs: int) -> tuple[list[float], list[float]]:
    action()  # warm-up: imports, font configuration, catalog
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), cpu_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_time() - cpu)
    return walls, cpus


def line(label: str, walls: list[float], cpus: list[float], budget: float | None) -> str:
    verdict = "" if budget is None else ("  within" if statistics.median(walls) <= budget else "  OVER") + f" {budget:g} s"
    return (f"{label:<16} wall best {min(walls):6.3f} s, median {statistics.median(walls):6.3f} s;"
            f" cpu best {min(cpus):6.3f} s, median {statistics.median(cpus):6.3f} s{verdict}")


def main(runs: int = 5) -> None:
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.python_implementation()} {platform.python_version()}, load {os.getloadavg()[0]:.2f}")
    seed = parse_path(SEED)
    facts = load_input(FACTS)[0]
    print(line("derive (facts)", *measure(lambda: derive(facts), runs * 4), None))
    for name, disclosure in (("seed", seed), ("facts", derive(facts))):
        for fmt in ("xlsx", "docx", "html", "pdf"):
            count = runs if fmt == "pdf" else runs * 4
            print(line(f"{name} -> {fmt}", *measure(lambda: render(disclosure, fmt), count), BUDGET_SECONDS[fmt]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
