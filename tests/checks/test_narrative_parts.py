"""The narrative against itself: a stated total equals the parts stated beside it, tables or not."""

import pytest

from yusuan.checks import run_checks
from yusuan.checks.engine.findings import RuleStatus

from .builder import assert_fails, assert_passes, doc


def beijing(**amounts):
    """A 情况说明 without its tables (Beijing); amounts by subject override the consistent ones."""
    stated = {
        "revenue_total": "9626.78", "fiscal_revenue": "9616.34", "non_fiscal_revenue": "0.00",
        "revenue:carryover": "10.44", "revenue:general_budget": "9616.34", "revenue:gov_fund": "0.00",
        "revenue:state_capital": "0.00", "expenditure_total": "9626.78", "basic": "7485.22", "project": "2141.55",
        "three_public_total": "17.70", "overseas": "14.85", "reception": "2.85", "vehicle": "0.00",
        "vehicle_purchase": "0.00", "vehicle_operation": "0.00",
    } | amounts
    builder = doc(year=2026)
    for subject, value in stated.items():
        builder.claim(subject, value, subject, section="说明")
    return builder


def test_a_narrative_whose_parts_add_up_passes():
    # 7485.22 + 2141.55 = 9626.77: one hundredth off the printed 9626.78, as rounding leaves it
    assert_passes(beijing(), "NARR-PARTS-TOTAL")


@pytest.mark.parametrize("subject,wrong,count", [
    ("revenue_total", "9636.78", 1), ("basic", "7495.22", 1), ("reception", "3.85", 1),
    ("fiscal_revenue", "9606.34", 2),  # the total of its three funds, and a part of the 收入
    ("vehicle_operation", "1.00", 1),
])
def test_a_part_or_total_that_does_not_add_up_is_found(subject, wrong, count):
    assert_fails(beijing(**{subject: wrong}), "NARR-PARTS-TOTAL", count=count, severity="error")


def test_the_years_carry_forward_counts_in_the_spending_where_stated():
    assert_passes(beijing(expenditure_total="9735.05").claim("carry_forward", "108.27", "年终结转结余", section="说明"),
                  "NARR-PARTS-TOTAL")


def test_a_total_of_one_fund_is_not_the_sum_of_all_funds():
    built = beijing(fiscal_revenue="9000.00").drop_claims("fiscal_revenue").claim(
        "fiscal_revenue", "9000.00", "一般公共预算财政拨款收入", section="说明").drop_claims("revenue_total")
    assert_passes(built, "NARR-PARTS-TOTAL")


def test_without_tables_the_table_rules_could_not_run_and_none_passed():
    report = run_checks(beijing().build())
    status = {r.rule.id: r.status for r in report.results}
    for table_rule in ("ARITH-ROW-SUM", "ROLLUP-FUNCTION", "XTAB-GENERAL-BASIC", "COMPLETE-FUNCTION-DEPTH"):
        assert status[table_rule] == RuleStatus.could_not_run
    assert status["NARR-PARTS-TOTAL"] == RuleStatus.passed


def test_the_reserve_counts_in_the_spending_where_stated():
    # Jiangsu: 支出 = 基本支出 + 项目支出 + 单位预留机动经费
    assert_passes(beijing(expenditure_total="9726.78").claim("reserve", "100.01", "单位预留机动经费", section="说明"),
                  "NARR-PARTS-TOTAL")


HUZHOU_LIST = "1.按支出功能分类,包括科学技术支出1140.61万元、社会保障和就业支出22232.40万元、卫生健康支出447751.87万元、" \
              "城乡社区支出12600.00万元、住房保障支出16588.47万元。"


def huzhou(total: str, text: str = HUZHOU_LIST, **classes):
    """湖州 p.7: 支出预算 515313.35 万元, then the classes by function in one sentence."""
    amounts = {"206": "1140.61", "208": "22232.40", "210": "447751.87", "212": "12600.00", "221": "16588.47"} | classes
    names = {"206": "科学技术支出", "208": "社会保障和就业支出", "210": "卫生健康支出", "212": "城乡社区支出",
             "221": "住房保障支出", "229": "其他支出"}
    builder = doc(year=2026).claim("expenditure_total", total, "支出预算", section="支出预算情况说明")
    for code, value in amounts.items():
        builder.claim(f"expenditure:{code}", value, names[code], section="支出预算情况说明", text=text)
    return builder


def test_classes_listed_as_the_spending_breakdown_add_up_to_the_total():
    # 206+208+210+212+221 = 500313.35; the total 515313.35 holds 229 其他支出 15000.00 the list leaves out
    [finding] = assert_fails(huzhou("515313.35"), "NARR-PARTS-TOTAL", severity="error")
    assert "500,313.35" in finding.message and "15,000.00" in finding.message
    with_other = HUZHOU_LIST.replace("。", "、其他支出15000.00万元。")
    assert_passes(huzhou("515313.35", with_other, **{"229": "15000.00"}), "NARR-PARTS-TOTAL")


def test_a_list_of_the_main_classes_only_is_not_summed():
    assert_passes(huzhou("515313.35", "主要用于科学技术支出1140.61万元、卫生健康支出447751.87万元等。"), "NARR-PARTS-TOTAL")
    assert_passes(huzhou("515313.35", HUZHOU_LIST.replace("。", "等。")), "NARR-PARTS-TOTAL")
def _stating(text: str, title: str = "国有资产占用情况"):
    return beijing().section(title, text)


@pytest.mark.parametrize("text,part,whole", [
    # Fuzhou: none bought, yet 18 of them 执法执勤用车
    ("2026 年单位预算安排购置车辆 0 辆，其中：副部（省）级以上领导用车 0 辆、机要通信用车 0 辆、执法执勤用车 18 辆、"
     "其他用车 0 辆。", "18辆", "0辆"),
    # Changsha: 15 of the 8 pieces of equipment
    ("本单位共有公务用车 102 辆，其中，机要通信用车 1 辆，执法执勤用车 84 辆；单位价值 50 万元以上设备 8 台，其中，"
     "单位价值 100 万元以上设备 15 台。", "15台", "8台"),
    # Beijing: the total lost its leading 1
    ("已安排共同事权转移支付资金 18,225.94 万元，其中：安排基本公共卫生服务方向 35,541.8 万元，主要用于基本公共卫生服务。",
     "35,541.8万元", "18,225.94万元"),
])
def test_a_part_larger_than_its_whole(text, part, whole):
    [finding] = assert_fails(_stating(text), "NARR-PART-OF-WHOLE", table="narrative", severity="error")
    assert f"所列的{part}大于总数{whole}" in "".join(finding.message.split())


@pytest.mark.parametrize("text", [
    "共有公务用车 102 辆，其中，机要通信用车 1 辆，执法执勤用车 84 辆，其他用车 17 辆。",
    # a change or a figure compared with is no part
    "收入 100 万元，比上年增加 20 万元，其中：财政拨款 120 万元。",
    "支出 100 万元，其中：基本支出 80 万元，比上年增加 150 万元。",
    # a new statement: another purchase, another year
    "共有车辆 10 辆，其中执法用车 8 辆，拟购置车辆 12 辆。",
    "共有车辆 10 辆，其中执法用车 8 辆，2026 年购置车辆 12 辆。",
    # another unit: the money threshold of the equipment counted
    "单位价值 50 万元以上设备 8 台，其中，单位价值 100 万元以上设备 3 台。",
])
def test_parts_within_their_whole_or_no_parts_at_all(text):
    assert_passes(_stating(text), "NARR-PART-OF-WHOLE")


def _heading_and_classes(total: str, items: list[tuple[str, str, str]], tail: str = "此外,基本支出预算数为12323.46万元。"):
    """检察院 2017 p.19: "(二)支出预算总计17996.68万元。包括:1.公共安全(类)支出13656.34万元,…。此外,…"."""
    title = f"支出预算总计{total}万元"
    sentences = [f"{'包括:' if i == 0 else ''}{n}.{label}{value}万元,主要用于办案业务。" for i, (n, label, value) in
                 enumerate(items)]
    builder = doc(year=2017).section(title, "".join(sentences) + tail, level=2)
    for sentence, (n, label, value) in zip(sentences, items):
        code = {"公共安全(类)支出": "204", "社会保障和就业(类)支出": "208", "住房保障(类)支出": "221"}[label]
        builder.claim(f"expenditure:{code}", value, label, section=title, text=sentence.removesuffix("。") + "。")
    return builder


def test_a_heading_total_against_the_classes_its_text_lists():
    # only 公共安全 listed: 社会保障和就业 2,021.18 and 住房保障 2,319.16 left out of the list
    [finding] = assert_fails(_heading_and_classes("17996.68", [("1", "公共安全(类)支出", "13656.34")]),
                             "NARR-PARTS-TOTAL")
    assert "17,996.68" in finding.message and "13,656.34" in finding.message
    full = [("1", "公共安全(类)支出", "13656.34"), ("2", "社会保障和就业(类)支出", "2021.18"), ("3", "住房保障(类)支出", "2319.16")]
    assert_passes(_heading_and_classes("17996.68", full), "NARR-PARTS-TOTAL")


def test_a_list_with_an_item_not_read_as_a_class_is_not_summed():
    # item 2 names nothing the reader knows: the sum would be short for the reading's sake
    builder = _heading_and_classes("17996.68", [("1", "公共安全(类)支出", "13656.34")],
                                   tail="2.其他未知支出4340.34万元。此外,基本支出预算数为12323.46万元。")
    assert_passes(builder, "NARR-PARTS-TOTAL")
    # a list that says it names the main classes only ("主要包括")
    builder = _heading_and_classes("17996.68", [("1", "公共安全(类)支出", "13656.34")])
    builder.sections[-1] = builder.sections[-1].model_copy(update={"text": "主要" + builder.sections[-1].text})
    assert_passes(builder, "NARR-PARTS-TOTAL")
