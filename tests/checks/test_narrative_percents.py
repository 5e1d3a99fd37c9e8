"""Percents stated right after an amount and its change recompute from them, claimed or not."""

from decimal import Decimal

import pytest

from yusuan.checks.rules.narrative.percents import CURRENT, PRIOR, percent_bases, percent_follows

from .builder import assert_fails, assert_passes
from .consistent import consistent

# Jiangsu: the 项 of a 款 listed under its 类, each with its change and percent
ITEMS = ("1.行政运行(项)支出10,883.36万元,与上年相比增加2,915.22万元,增长36.58%。主要原因是工资改革。\n"
         "2.一般行政管理事务(项)支出3,666万元,与上年相比增加21.8万元,增长{percent}%。主要原因是增加设备购置费。")


def _items(percent: str):
    return consistent().section("(一)公共安全支出(类)", ITEMS.format(percent=percent), level=2)


def test_a_percent_that_follows_from_the_amounts_passes():
    # 21.8 / (3,666 - 21.8) = 0.598%
    assert_passes(_items("0.60"), "NARR-PERCENT")


def test_a_percent_that_does_not_follow_is_found_though_no_claim_names_the_item():
    [finding] = assert_fails(_items("0.06"), "NARR-PERCENT", table="narrative", says="0.60%")
    assert "3,666万元" in finding.message


def test_a_percent_of_a_claim_is_found_once():
    text = "某局2026年一般公共预算当年拨款5973.01万元,比上年执行数减少263.59万元,下降4.0%。"
    built = _items("0.60").section("一般公共预算当年拨款规模变化情况", text).claim(
        "fiscal_expenditure", "5973.01", "一般公共预算当年拨款", change="263.59", direction="减少",
        change_percent="4.0", text=text)
    assert_fails(built, "NARR-PERCENT", count=1, says="4.23%")


@pytest.mark.parametrize("value,change,direction,percent,follows", [
    ("5973.01", "263.59", "减少", "4.0", False),   # 263.59 / 6236.60 = 4.23%
    ("5973.01", "263.59", "减少", "4.2", True),
    ("1895", "134", "减少", "0.66", False),        # 134 / 2029 = 6.60%
    ("1895", "134", "减少", "6.6", True),
    ("21940.96", "3958.98", "增加", "22", True),   # 3958.98 / 17981.98 = 22.02%
    ("0.02", "0.01", "增加", "100", None),         # the year before, 0.01 ± 0.01, may have been 0
    ("0.20", "0.10", "增加", "117", True),         # 0.10 ± 0.005 over 0.10 ± 0.01: 86.4% to 116.7%, ± 1
    ("0.20", "0.10", "增加", "120", False),
    # Jiangsu: 6106.99万元，增加101.48万元，增长1.66%: reckoned over this year's amount (over the year before, 1.69%)
    ("6106.99", "101.48", "增加", "1.66", True),
    ("6106.99", "101.48", "增加", "1.62", False),
    ("1326.81", "1326.81", "增加", "100", None),   # nothing the year before
    # 湖州: “三公”1.10万元，比上年减少25万元，下降95.0%. The year before is 1.10 + 25, not a figure rounded on
    # its own: 24.5 / 25.605 = 95.68% to 25.5 / 26.595 = 95.88%, never 95.0% however 25 was rounded
    ("1.10", "25", "减少", "95.0", False),
    ("1.10", "25", "减少", "95.8", True),
    ("1.10", "25", "减少", "95.5", False),
    # an increase: 10 up 2 is 2 ± 0.5 over 8 ± 1 (25%), from 1.5 / 9 = 16.7% to 2.5 / 7 = 35.7%
    ("10", "2", "增加", "35", True),
    ("10", "2", "增加", "38", False),
])
def test_percent_follows_at_the_printed_precision(value, change, direction, percent, follows):
    assert percent_follows(Decimal(value), Decimal(change), direction, Decimal(percent)) is follows


@pytest.mark.parametrize("value,change,direction,percent,follows", [
    # 江苏政协 2018: 1,115.85万元，减少2,233.13万元 is 2,233.13 / 3,348.98 = 66.680%: rounded 66.68, never 66.69
    ("1115.85", "2233.13", "减少", "66.69", False),
    ("1115.85", "2233.13", "减少", "66.68", True),
    # 江苏委办公厅 2019: 3894.09万元，增加878.93万元 is 878.93 / 3015.16 = 29.15%: 29 rounded or cut, not 30
    ("3894.09", "878.93", "增加", "30", False),
    ("3894.09", "878.93", "增加", "29", True),
    ("3894.09", "878.93", "增加", "29.2", True),   # 29.15 rounded half up
    ("3894.09", "878.93", "增加", "29.1", True),   # 29.15 cut
    ("3894.09", "878.93", "增加", "29.3", False),
])
def test_percent_follows_only_as_rounding_or_cutting_prints_it(value, change, direction, percent, follows):
    assert percent_follows(Decimal(value), Decimal(change), direction, Decimal(percent)) is follows


def test_the_bases_a_percent_follows_over():
    # 江苏委办公厅 2017: 6106.99万元，增加101.48万元: 1.66% over this year's amount, 1.69% over the year before
    assert percent_bases(Decimal("6106.99"), Decimal("101.48"), "增加", Decimal("1.66")) == {CURRENT}
    assert percent_bases(Decimal("6106.99"), Decimal("101.48"), "增加", Decimal("1.69")) == {PRIOR}
    assert percent_bases(Decimal("6106.99"), Decimal("101.48"), "增加", Decimal("1.50")) == set()


# 江苏委办公厅 2017 p.8: every other percent of the document is over the year before
OVER_PRIOR = ("1.行政运行(项)支出6106.99万元,与上年相比增加101.48万元,增长{percent}%。主要原因是政策性调资。\n"
              "2.一般行政管理事务(项)支出10738.18万元,与上年相比增加1101.96万元,增长11.44%。主要原因是增加大院管理费等。")


def _over_prior(percent: str):
    return consistent().section("(一)一般公共服务支出(类)", OVER_PRIOR.format(percent=percent), level=2)


def test_a_percent_over_this_years_amount_where_the_others_are_over_the_year_before():
    # 1101.96 / (10738.18 - 1101.96) = 11.44%: over the year before; 101.48 / 6106.99 = 1.66%: over this year
    [finding] = assert_fails(_over_prior("1.66"), "NARR-PERCENT", says="1.69%")
    assert "本年数" in finding.message
    assert_passes(_over_prior("1.69"), "NARR-PERCENT")


def test_a_percent_over_this_years_amount_where_the_document_reckons_so():
    # another percent is over this year's amount too (1101.96 / 10738.18 = 10.26%): no single way to hold to
    text = OVER_PRIOR.format(percent="1.66").replace("11.44", "10.26")
    assert_passes(consistent().section("(一)一般公共服务支出(类)", text, level=2), "NARR-PERCENT")
    # nothing else to tell the document's way (its “三公” percent, over the year before, left out): accepted
    alone = "1.行政运行(项)支出6106.99万元,与上年相比增加101.48万元,增长1.66%。主要原因是政策性调资。"
    built = consistent().drop_claims("three_public_total").section("(一)一般公共服务支出(类)", alone, level=2)
    assert_passes(built, "NARR-PERCENT")


def test_a_claims_percent_one_digit_off_is_found():
    # 江苏委办公厅 2019 p.8: 住房保障(类)支出3894.09万元，与上年相比增加878.93万元，增长30%
    text = "住房保障(类)支出3894.09万元，与上年相比增加878.93万元，增长30%。"
    built = consistent().section("财政拨款支出情况", text).claim(
        "expenditure:221", "3894.09", "住房保障(类)支出", change="878.93", direction="增加", change_percent="30",
        text=text, compared_year=2023)
    assert_fails(built, "NARR-PERCENT", count=1, says="29.15%")
