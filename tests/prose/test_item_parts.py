"""The parts a functional item says its amount is used for, read by hand from the sentences."""

from decimal import Decimal

import pytest

from yusuan.model import Unit
from yusuan.prose.item_parts import item_parts

# 上海: two items in one sentence, no full stop between them
SHANGHAI = ("财政拨款支出主要内容如下:1.“社会保障和就业支出”科目4万元,主要用于退休人员费用支出"
            "2.“农林水支出”科目83万元,主要用于人员经费18万元、公用经费58万元、项目支出7万元。")


def _after(text: str, amount: str) -> int:
    return text.index(amount) + len(amount)


def test_the_parts_an_item_is_used_for():
    parts = item_parts(SHANGHAI, _after(SHANGHAI, "83万元"))
    assert [(p.column, p.wording, p.value, p.unit) for p in parts] == [
        ("personnel", "人员经费", Decimal("18"), Unit.wanyuan), ("public", "公用经费", Decimal("58"), Unit.wanyuan),
        ("project", "项目支出", Decimal("7"), Unit.wanyuan)]


def test_the_next_items_amounts_are_not_parts():
    # item 1 is used for 退休人员费用支出, which states no amount; 83万元 is item 2's
    assert item_parts(SHANGHAI, _after(SHANGHAI, "4万元")) == []


@pytest.mark.parametrize("text", [
    # stated without 用于: a breakdown the claims read themselves
    "(一)农林水支出83万元,其中:人员经费18万元、公用经费58万元。",
    # an amount of something else first: what follows may be its parts
    "(一)农林水支出83万元,主要用于渔业补贴10万元、人员经费18万元。",
    # the same part twice is no list of parts
    "(一)农林水支出83万元,主要用于人员经费18万元、人员经费5万元。",
])
def test_no_parts_where_the_wording_is_not_a_list_of_the_items_parts(text):
    assert item_parts(text, _after(text, "83万元")) == []


def test_parts_stop_at_the_end_of_the_sentence_and_at_a_change():
    text = "(一)农林水支出83万元,主要用于基本支出76万元,比上年减少3万元。项目支出7万元。"
    assert [(p.column, p.value) for p in item_parts(text, _after(text, "83万元"))] == [("basic", Decimal("76"))]
