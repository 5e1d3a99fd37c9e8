"""Slips of the pen in the budget's fixed words, and items listed twice."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yusuan.checks.rules.hygiene.names import one_edit_apart
from yusuan.checks.rules.hygiene.slips import economic_item_slips, label_slip, repeated_items
from yusuan.model import Printed, Source

from .builder import assert_fails, assert_passes, doc
from .consistent import consistent


def _revenue_list(name: str):
    # 江苏 收入预算总表 p.2: the sources as rows, each with its amount
    rows = [("total", "收入总计", {"total": "9146.79"}),
            ("general_budget", "公共财政拨款(补助)资金", {"total": "9066.79"}),
            ("special_account", name, {"total": ""}),
            ("other", "其他收入", {"total": "80.00"})]
    return doc().table("revenue", rows, columns=["total"])


def test_a_standard_row_label_with_a_character_added():
    # 江苏省政协办公厅 2017 收入预算总表 p.2: "财政转专户管理资金" (p.1 收支预算总表: 财政专户管理资金)
    [finding] = assert_fails(_revenue_list("财政转专户管理资金"), "HYGIENE-TERM-SLIP", table="revenue")
    assert finding.provided == "财政转专户管理资金" and finding.expected == "财政专户管理资金"


def test_a_column_label_with_a_character_changed():
    builder = consistent().configure("revenue", labels={"general_budget": "一般公共预箅"})
    assert label_slip("一般公共预箅") is None  # its last character changed: a label given another ending, not compared
    assert_passes(builder, "HYGIENE-TERM-SLIP")
    builder = consistent().configure("revenue", labels={"general_budget": "一般公关预算"})
    [finding] = assert_fails(builder, "HYGIENE-TERM-SLIP", table="revenue")
    assert finding.expected == "一般公共预算"


@pytest.mark.parametrize("label", [
    "财政专户管理资金",  # the label itself
    "其它收入",  # 其它 and 其他 are both accepted
    "办公设备购置费",  # 费 added at the end: a label of its own
    "其中:财政专户管理资金",
    "二、财政专户管理资金",
    "水电费",  # too short to tell from another word
])
def test_what_is_no_slip_of_a_label(label):
    assert label_slip(label) is None


def test_a_coded_row_is_left_to_the_code_name_rule():
    # a coded row whose name differs from its code's: CODE-NAME says so, not this rule
    builder = consistent().rename("general_expenditure", "2011302", "一般行政管里事务")
    assert_passes(builder, "HYGIENE-TERM-SLIP")


def test_an_item_of_a_list_of_classes_one_character_off():
    # 江苏省政协办公厅 2018 p.12: "（一）人员经费 4,482.32 万元。主要包括：基本工资、津贴补贴、资金、绩效工资、
    # 社会保障缴费、住房公积金、医疗费、离休费、退休费、奖励金等。" (the 基本支出表 prints 30103 奖金)
    text = ("江苏省政协办公厅2018年度财政拨款基本支出预算5,598.17万元，其中：\n（一）人员经费4,482.32万元。主要包括：基本工资、津\n"
            "贴补贴、资金、绩效工资、社会保障缴费、住房公积金、医疗费、\n离休费、退休费、奖励金等。")
    [finding] = assert_fails(consistent().section("财政拨款基本支出预算情况说明", text), "HYGIENE-TERM-SLIP",
                             table="narrative")
    assert (finding.provided, finding.expected) == ("资金", "奖金")


@pytest.mark.parametrize("text", [
    # 苏州: "税金及附加费用" is one class's name, its 税金 no slip of 奖金
    "公用经费主要包括:办公费、印刷费、水费、电费、邮电费、税金及附加费用、其他商品和服务支出。",
    # 重庆: 水电费 is 水费 and 电费 together
    "主要包括:办公费、印刷费、水电费、邮电费、差旅费。",
    # a list naming 奖金 already: 资金 there is another word
    "主要包括:基本工资、津贴补贴、奖金、资金、绩效工资。",
    # too few of the catalog's names to be a list of classes
    "主要用于:项目资金、基本工资、专项资金。",
    # fees named by words of their own, not slips of 劳务费, 取暖费, 邮电费
    "运行经费包括:办公费、印刷费、差旅费、会议费、服务费、供暖费、邮寄费等。",
])
def test_what_is_no_slip_in_a_list(text):
    assert economic_item_slips(text) == []


def test_an_item_listed_twice():
    # 江苏省人大常委会 2019 p.15: "主要包括：基本工资、津贴补贴、奖金、社会保障缴费、离休费、退休费、医疗费、奖金、
    # 住房公积金。" (p.14 prints 奖励金 where the second 奖金 stands)
    text = ("（一）人员经费7670.82万元。主要包括：基本工资、津贴\n补贴、奖金、社会保障缴费、离休费、退休费、医疗费、奖金、\n"
            "住房公积金。")
    [finding] = assert_fails(consistent().section("人员经费7670.82万元", text), "HYGIENE-REPEATED-ITEM")
    assert "“奖金”列了两次" in finding.message


@pytest.mark.parametrize("text", [
    # 江苏省人民检察院 2019 p.3: two lists joined by 及, each naming 刑事、民事、行政
    "负责刑事、民事、行政诉讼活动及刑事、民事、行政判决裁定等生效法律文书执行的法律监督工作。",
    # two lists in two sentences
    "主要包括：办公费、水费、电费。主要包括：办公费、差旅费、会议费。",
    # one item in two clauses
    "一是加强管理、完善制度、规范流程；二是加强管理、提高效率、优化服务。",
])
def test_what_is_no_item_listed_twice(text):
    assert repeated_items(text) == []
    assert_passes(consistent().section("部门职责", text), "HYGIENE-REPEATED-ITEM")


def test_the_comparison_with_last_year_missing_its_word():
    # 江苏省人民检察院 2017 p.19: "单位预留机动经费预算数为 140.2 万元。与上年相未发生变化。"
    text = "此外，基本支出预算数为12323.46万元。与上年相\n比增加20万元。单位预留机动经费预算数为140.2万元。与上年相未发生变化。"
    [finding] = assert_fails(consistent().section("支出预算总计17996.68万元", text), "HYGIENE-PHRASE-SLIP")
    assert "与上年相未" in finding.message


@pytest.mark.parametrize("text", [
    "与上年相比增加10万元。",
    "与上年预算数相同。",
    "与上年预算数相等。",
    "与上年数相比，减少0.8万元。",
    "与去年相比较，此项支出口径有所调整。",
    "与上年度相当。",
    "与上年相一致，与上年预算相仿。",
    "与上年相符，与上年相持平，与上年相吻合。",
    "2024年收入预算123万元，与上年相",  # the text breaks off: the sentence goes on elsewhere
])
def test_comparisons_written_whole(text):
    assert_passes(consistent().section("收支预算总体情况", text), "HYGIENE-PHRASE-SLIP")


def _with_contents(entries: list[str], sections: list[tuple[str, str, int]]):
    builder = doc()
    for number, title, level in sections:
        builder = builder.section(title, "正文。", level=level)
    disclosure = builder.build()
    for section, (number, _, _) in zip(disclosure.narrative.sections, sections):
        section.number = number
    disclosure.contents = [Printed(text=entry, source=Source(page=1, line=n)) for n, entry in enumerate(entries, 3)]
    return disclosure


BODY = [("第一部分", "部门概况", 0), ("一", "主要职能", 1), ("二", "2017年主要工作任务和目标", 1),
        ("第四部分", "名词解释", 0)]


def test_contents_entries_worded_one_character_apart_from_the_body():
    # 江苏省委办公厅 2017 p.2: 目录 "第四部分 名称解释"; the body prints "第四部分 名词解释" (p.12)
    entries = ["第一部分 部门概况", "一、主要职能", "二、2017 年主要工作任务及目标", "第四部分 名称解释"]
    [finding] = assert_fails(_with_contents(entries, BODY), "HYGIENE-CONTENTS")
    assert (finding.provided, finding.expected, finding.place.line) == ("名称解释", "名词解释", 6)


@pytest.mark.parametrize("entry", [
    "二、2017 年主要工作任务和目标",  # the same
    "二、2017 年主要工作任务及目标",  # 及 or 和: the same heading worded either way
    "二、2017 年度主要工作任务和目标",  # 年度 or 年
    "二、2017 年的主要工作任务和目标",
    "二、2017年主要工作任务和目",  # an entry wrapped over two lines: its end on the next
    "二、主要工作任务",  # a short form
    "三、主要职能",  # another number
    "一、主要职责",  # too short to tell apart from a heading of its own
])
def test_what_is_no_slip_of_the_contents(entry):
    assert_passes(_with_contents([entry], BODY), "HYGIENE-CONTENTS")


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@given(st.text("甲乙丙丁", max_size=6), st.text("甲乙丙丁", max_size=6))
def test_one_edit_apart_is_a_levenshtein_distance_of_one(a, b):
    assert one_edit_apart(a, b) == (_levenshtein(a, b) == 1)


@pytest.mark.parametrize(("a", "b", "apart"), [
    ("邮电费", "邮电费", False), ("邮电费", "邮店费", True), ("邮电费", "电费", True), ("水电费", "水费", True),
    ("办公费", "公费", True), ("办公费", "费", False), ("", "费", True), ("培训费", "费培训", False),
])
def test_one_edit_apart_by_hand(a, b, apart):
    assert one_edit_apart(a, b) is apart
