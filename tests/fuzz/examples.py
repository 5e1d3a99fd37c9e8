"""How many examples the CI fuzz tests run: YUSUAN_FUZZ_SCALE multiplies them (10 for a longer run
on a workstation), YUSUAN_FUZZ_RANDOM=1 draws new examples on every run instead of the fixed ones."""

import os

from hypothesis import HealthCheck, settings

SCALE = float(os.environ.get("YUSUAN_FUZZ_SCALE", "1"))
RANDOM = os.environ.get("YUSUAN_FUZZ_RANDOM") == "1"


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        print_blob=True,
    )
