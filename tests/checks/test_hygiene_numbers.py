"""How the tables print their amounts."""

import pytest

from yusuan.model import Printed, Source

from .builder import assert_fails, assert_passes
from .consistent import consistent


def test_amounts_with_only_the_last_thousands_separator():
    # 上海 p.7: "一、财政拨款收入 120258,600 … 125360,898 16933,575"
    disclosure = consistent().build()
    disclosure.odd_amounts = [Printed(text=t, source=Source(page=7, line=56))
                              for t in ("120258,600", "125360,898", "16933,575", "6117,735")]
    [finding] = assert_fails(disclosure, "HYGIENE-NUMBER-FORMAT", count=1, says="“120258,600”")
    assert "4 处" in finding.message and finding.place.page == 7


def test_amounts_grouped_by_three():
    assert_passes(consistent(), "HYGIENE-NUMBER-FORMAT")


def test_a_change_printed_without_its_unit():
    text = "一般公共预算拨款收入比上年增长 13.95，主要原因：项目支出增加。"
    assert_fails(consistent().section("收入", text), "HYGIENE-MISSING-UNIT", count=1, says="“增长13.95”")
    assert_fails(consistent().section("收入", "支出减少0.5，收入增加10。"), "HYGIENE-MISSING-UNIT", count=1,
                 says="“减少0.5”、“增加10”")


def test_a_percent_after_a_change_in_money_is_told_once_as_a_missing_percent_sign():
    # 上海 普陀 决算 p.21: "…增加1193.20 万元，增长 13.95。"; 江苏 省法院 p.20: "与上年相比减少100万元，减少9.52，"
    for text in ("财政拨款支出增加1193.20 万元，增长 13.95。主要原因：项目支出增加。",
                 "与上年相比减少100万元，减少9.52，主要原因是压减支出。"):
        builder = consistent().section("财政拨款支出", text)
        assert_passes(builder, "HYGIENE-MISSING-UNIT")
        assert_fails(builder, "HYGIENE-PERCENT-SIGN", count=1)


@pytest.mark.parametrize("text", [
    "增加1193.20万元，增长13.95%。",
    "比上年增加1,200万元。",  # a thousands separator, not a pause
    "减少2辆，增加1台。",
    "增长0.06%；下降 5 个百分点。",
    "因公出国(境)费用自2022年起已下降为0。",  # zero needs no unit
])
def test_changes_with_their_units(text):
    assert_passes(consistent().section("支出", text), "HYGIENE-MISSING-UNIT")
