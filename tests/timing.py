"""Time bounds that hold on a loaded machine: how the cost grows with the input, both sizes measured in
the same run (the better of three), never seconds on the clock."""

from __future__ import annotations

import time
from collections.abc import Callable

# linear growth is 8× for 8× the input; what is quadratic grows 64×
MAX_GROWTH = 24


def best_seconds(action: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def growth(action: Callable[[int], object], small: int) -> float:
    """How many times longer `action(8 * small)` takes than `action(small)`."""
    return best_seconds(lambda: action(8 * small)) / best_seconds(lambda: action(small))
