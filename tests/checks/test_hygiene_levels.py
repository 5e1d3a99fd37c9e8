"""Words between a class name's level mark and its amount."""

import pytest

from .builder import assert_fails, assert_passes
from .consistent import consistent


def test_a_stray_word_after_the_items_mark():
    # 湖州 p.12, wrapped as printed: "…其他政府性基金安排的支出（项）事\n务 7000.00 万元，主要用于…"
    text = ("(2)其他支出(类)其他政府性基金及对应专项债务\n收入安排的支出(款)其他政府性基金安排的支出(项)事\n"
            "务 7000.00 万元,主要用于湖州市区政府购买公共交通服务。")
    assert_fails(consistent().section("政府性基金预算当年拨款具体使用情况", text), "HYGIENE-STRAY-WORD",
                 table="narrative", count=1, says="“(项)事务7000.00万元”")


@pytest.mark.parametrize("text", [
    "交通运输支出(类)超长期特别国债安排的支出(款)公路水路运输(项)64463.40 万元,主要用于航道整治。",
    "一般公共服务支出(类)支出 1140.61 万元。",
    "行政运行(项)预算数为 83.78 万元。",
    "行政运行(项)年初预算 83.78 万元,决算数 80.00 万元。",
    "行政运行(项):83.78 万元。",
    "吴淞江(江苏段)整治工程在农林水支出(类)支出列支 13800 万元。",  # 苏州 p.29
    "行政运行(项)较上年增加 10.00 万元。",
    "(一)类项目 3 个,共计 100 万元。",  # no level mark of a class name
    "一般公共服务支出(类)商贸事务(款)行政运行(项)拟投入 357.87 万元。",
    "行政运行(项)核定 357.87 万元。",
    "行政运行(项)申请 357.87 万元。",
    "行政运行(项)追加 10.00 万元。",
])
def test_what_says_the_amount_is_no_stray_word(text):
    assert_passes(consistent().section("支出情况", text), "HYGIENE-STRAY-WORD")
