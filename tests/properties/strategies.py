"""Hypothesis strategies over synthetic disclosures (yusuan.synth): any (seed, index) pair, given to
`yusuan.synth.build.build`, is a different department, level, year, unit (元 or 万元), set of tables
and projects, derived from its leaf facts by yusuan.compose, so consistent by construction."""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


# YUSUAN_PROPERTY_SCALE multiplies the example counts (10 for a longer run); YUSUAN_FUZZ_RANDOM=1
# draws new documents on every run instead of the fixed ones CI uses
SCALE = float(os.environ.get("YUSUAN_PROPERTY_SCALE", "1"))
RANDOM = os.environ.get("YUSUAN_FUZZ_RANDOM") == "1"


def examples(count: int) -> settings:
    return settings(max_examples=max(1, int(count * SCALE)), deadline=None, derandomize=not RANDOM, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


seeds = st.integers(0, 2**31 - 1)
indexes = st.integers(0, 99_999)

# a change a reader of the document would call a typo: in the table's unit, well above the tolerance
deltas = st.sampled_from([Decimal("1"), Decimal("-1"), Decimal("0.5"), Decimal("12.34"), Decimal("-100"),
                          Decimal("10000")])
