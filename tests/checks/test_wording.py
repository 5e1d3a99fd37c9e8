"""Amounts in a finding read as the document printed them."""

from decimal import Decimal

import pytest

from yusuan.checks.engine.wording import amount


@pytest.mark.parametrize(("value", "unit", "said"), [
    ("925.40", "万元", "925.40 万元"),             # as printed, two decimals kept
    ("1256.58", "万元", "1,256.58 万元"),
    ("2574.166644", "万元", "25,741,666.44 元"),   # a 元 figure seen in 万元: said in 元, never 2,574.166644
    ("16497.864000", "万元", "164,978,640 元"),
    ("12565793", "元", "12,565,793 元"),
    (None, "万元", "0 万元（空白）"),
])
def test_amount_is_said_as_printed(value, unit, said):
    assert amount(None if value is None else Decimal(value), unit) == said
