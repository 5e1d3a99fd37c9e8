"""Text printed twice in a row."""

import pytest

from yusuan.model import Source

from .builder import assert_fails, assert_passes
from .consistent import consistent


def test_a_clause_printed_again_after_itself():
    # 上海 p.16: the template's last clause pasted twice (the first copy ends a longer clause)
    text = ("2026年单位预算安排购置车辆0辆;单位预算安排购置单价100万元(含)以上设备(不含车辆)0台(套)。"
            "安排购置单价100万元(含)以上设备(不含车辆)0台(套)。")
    [finding] = assert_fails(consistent().section("其他重要事项", text), "HYGIENE-REPEATED-TEXT", table="narrative")
    assert "安排购置单价100万元(含)以上设备" in finding.message

def test_a_paragraph_printed_twice_over_line_breaks():
    # 重庆 p.29: a paragraph of two clauses printed again as the next paragraph, wrapped elsewhere
    paragraph = "三是主要用于开展永久基本农田保护管理、落实占补平衡改革要求;开展全域土地综合整治等国土空间生态修复工作。"
    text = "二是用于地质勘查。" + paragraph[:30] + "\n" + paragraph[30:] + "\n  " + paragraph[:20] + "\n" + paragraph[20:]
    assert_fails(consistent().section("项目支出", text), "HYGIENE-REPEATED-TEXT", count=1, says="三是主要用于开展永久基本农田保护管理")


def test_a_sentence_printed_twice_in_a_performance_tables_text():
    # 重庆 p.29: the 项目概况 of 规划和自然资源专项 prints its third point twice
    overview = ("二是用于地质勘查。三是主要用于开展永久基本农田保护管理、落实占补平衡改革要求;开展国土空间生态修复工作。"
                "三是主要用于开展永久基本农田保护管理、落实占补平衡改革要求;开展国土空间生态修复工作。")
    builder = consistent().performance("规划和自然资源专项", "100", overview=overview)
    assert_fails(builder, "HYGIENE-REPEATED-TEXT", table="performance_project", count=1, says="三是主要用于开展")


def test_the_templates_lead_in_followed_by_the_pasted_texts_own():
    # 福州 p.4: "福州市科学技术局(本级)的主要职责是：福州市科学技术局的主要职责是：负责…"
    text = "某市科学技术局(本级)的主要职责是:某市科学技术局的主要职责是:负责贯彻落实科技工作的方针政策。"
    assert_fails(consistent().section("单位主要职责", text), "HYGIENE-REPEATED-TEXT", count=1, says="的主要职责是:")
    text = "2026年,某市科学技术局(本级)主要任务是:2026年,某市科学技术局主要任务是:全面贯彻落实。"
    assert_fails(consistent().section("单位主要工作任务", text), "HYGIENE-REPEATED-TEXT", count=1, says="主要任务是:")

@pytest.mark.parametrize("text", [
    "购置车辆0辆。购置设备0台。",  # like sentences, not the same
    "0辆。0辆。",  # too short to be a sentence
    "一是:加强管理;二是:做好服务。",  # list items, each with its own lead-in
    "主要职责是:负责预算管理。主要任务是:做好服务。",
    "收入预算:一般公共预算拨款收入100万元;支出预算:基本支出100万元。",
    "增加10万元,主要原因是人员增加。减少5万元,主要原因是项目减少。",
])
def test_what_is_no_repetition(text):
    assert_passes(consistent().section("情况", text), "HYGIENE-REPEATED-TEXT")


def test_a_projects_table_printed_again():
    # 福州 p.28 and p.52: the same table (资金总额 21.50, the same indicators) printed twice
    builder = consistent().performance("留守困境儿童关爱帮扶专栏", "21.50", source=Source(page=28))
    builder = builder.performance("留守困境儿童关爱帮扶专栏", "21.50", source=Source(page=52))
    [finding] = assert_fails(builder, "HYGIENE-REPEATED-TABLE", table="performance_project")
    assert finding.place.page == 52 and "第 28 页" in finding.message


def test_projects_of_one_name_with_their_own_money_are_not_repeated():
    # 福州 医保: four units each with a "综合工作经费" of its own
    builder = consistent().performance("综合工作经费", "260.00", source=Source(page=30), implementer="某市医疗保障局")
    builder = builder.performance("综合工作经费", "1160.00", source=Source(page=37), implementer="某市医疗保障基金中心")
    builder = builder.performance("综合工作经费", "260.00", source=Source(page=38), implementer="某市医保监测中心")
    assert_passes(builder, "HYGIENE-REPEATED-TABLE")
