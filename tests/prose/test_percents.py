"""An amount, its change and the change's percent read from one sentence, whatever the amount is about.

Each text is written in the shape a real 情况说明 prints it (as the reader gives it: full-width marks
folded to ASCII by NFKC); the expected numbers are the printed ones.
"""

from decimal import Decimal

from yusuan.prose.percents import stated_percents


def read(text: str) -> list[tuple]:
    return [(s.value, s.change, s.direction, s.percent) for s in stated_percents(text)]


def test_a_numbered_item_of_no_known_subject():
    # Jiangsu: a 项 under a 款 named in the line above
    text = "2.一般行政管理事务(项)支出3,666万元,与上年相比增加21.8万元,增长0.06%。主要原因是增加了设备购置费。"
    assert read(text) == [(Decimal("3666"), Decimal("21.8"), "增加", Decimal("0.06"))]


def test_a_decline_printed_as_its_size():
    text = "3.公诉、审判、侦查、执行等检察监督支出(项)1,895万元,与上年相比减少134万元,降幅0.66%。"
    assert read(text) == [(Decimal("1895"), Decimal("134"), "减少", Decimal("0.66"))]


def test_a_comparison_with_the_years_execution():
    text = "某局2026年一般公共预算当年拨款5973.01万元,比上年执行数减少263.59万元,下降4.0%,主要是减少了一次性项目。"
    assert read(text) == [(Decimal("5973.01"), Decimal("263.59"), "减少", Decimal("4.0"))]


def test_the_change_of_a_part_is_the_parts():
    text = "收入100万元,其中基本支出50万元,比上年增加10万元,增长25%。"
    assert read(text) == [(Decimal("50"), Decimal("10"), "增加", Decimal("25"))]


def test_an_amount_right_after_the_comparison_is_the_other_years_and_is_not_read():
    assert read("收入100万元,比上年预算80万元增加20万元,增长25%。") == []


def test_anything_else_between_the_three_leaves_them_unread():
    assert read("支出100万元,主要用于办公,比上年增加10万元,增长11.11%。") == []
    assert read("支出100万元,比上年增加10万元,占总额的10%,增长11.11%。") == []
    assert read("支出100万元,比上年增加10万元。增长11.11%。") == []  # two sentences


def test_a_percent_without_its_change_amount_is_not_read():
    assert read("支出100万元,比上年增长11.11%。") == []
