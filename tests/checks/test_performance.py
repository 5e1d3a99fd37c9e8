"""Performance targets."""

from decimal import Decimal

import pytest

from yusuan.checks.engine.findings import RuleStatus
from yusuan.model import ListedProject, PerformanceTable

from .builder import assert_fails, assert_passes, assert_reports, doc, ind, result_of
from .consistent import consistent

RULES = ["PERF-PROJECT-COVERAGE", "PERF-FUND-MATCH", "PERF-PERIOD", "PERF-OVERALL-FUND", "PERF-OVERALL-WEIGHTS",
         "PERF-INDICATOR-VALUES", "PERF-CATEGORIES"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_a_project_without_targets():
    builder = consistent().project("P003", "新建数据中心", "5", "2011302")
    [finding] = assert_fails(builder, "PERF-PROJECT-COVERAGE", table="project_expenditure")
    assert "新建数据中心" in finding.message


def test_targets_without_a_project_are_a_warning():
    assert_fails(consistent().performance("无关的专项", "5"), "PERF-PROJECT-COVERAGE", severity="warning", count=1)


def test_no_target_tables_at_all_is_one_warning():
    builder = consistent()
    builder.performance_projects = []
    assert_fails(builder, "PERF-PROJECT-COVERAGE", severity="warning", count=1)


def _listing(*funds: str, total: str = "40233.95"):
    """长沙 p.23: no project list; one table lists the department's row and its projects, under a 合计."""
    listed = [ListedProject(code="106001", name="长沙市公安局", fund=Decimal(total))]
    listed += [ListedProject(code="106001", name=f"项目{i}", fund=Decimal(f)) for i, f in enumerate(funds, start=1)]
    builder = doc(department="长沙市公安局", year=2025)
    builder.performance_projects.append(PerformanceTable(
        scope="project", listed_total=Decimal(total), listed=listed, doubtful="表中逐行列出多个项目，未能分清各指标所属的项目"))
    return builder


def test_a_listing_whose_projects_fall_short_of_its_total_is_one_warning():
    # 14 projects of 39,052.86 under a 合计 of 40,233.95: 1,181.09 of 项目支出 with no target
    funds = ("428.69", "2791.51", "242.25", "12919.92", "15470.00", "212.51", "795.00", "305.50", "163.46", "3.00",
             "440.43", "1169.99", "1900.00", "2210.60")
    [finding] = assert_fails(_listing(*funds), "PERF-PROJECT-COVERAGE", severity="warning", count=1,
                             table="performance_project")
    assert "39,052.86 万元" in finding.message and "1,181.09 万元" in finding.message


def test_a_listing_whose_projects_add_up_to_its_total_passes():
    assert_passes(_listing("40000.00", "233.95"), "PERF-PROJECT-COVERAGE")
    # a unit's subtotal read as a project makes the projects more: nothing is said
    assert_passes(_listing("20000.00", "20233.95", "20233.95"), "PERF-PROJECT-COVERAGE")


def test_fund_must_match_the_project_list():
    builder = consistent()
    builder.performance_projects[1].fund = builder.performance_projects[1].fund + 1
    [finding] = assert_fails(builder, "PERF-FUND-MATCH", table="performance_project")
    assert finding.message == ("项目绩效目标表「招商推介活动」资金总额为 16 万元，与项目支出表中「招商推介活动」的金额 15 万元"
                               "不一致（相差 1 万元）。")


def test_an_unnamed_table_goes_with_the_project_of_the_same_amount():
    builder = consistent()
    builder.performance_projects[1].name = None
    assert_passes(builder, "PERF-PROJECT-COVERAGE")


def test_period_outside_the_budget_year_is_an_error():
    builder = consistent().performance("以前年度项目", "1", start="2023-09-01", end="2023-12-31")
    assert_fails(builder, "PERF-PERIOD", severity="error", count=1, says="不在 2024 预算年度内")


def test_period_across_years_is_told_not_warned_about():
    # a project over several years prints its whole period (2024-01-01 to 2026-12-31): a correct table
    for start, end in (("2023-12-01", "2024-06-30"), ("2024-01-01", "2026-12-31")):
        builder = consistent().performance("跨年项目", "1", start=start, end=end)
        [told] = assert_reports(builder, "PERF-PERIOD", "info")
        assert "跨年度项目" in told.message


def test_period_rule_could_not_run_without_dates():
    builder = consistent()
    for table in builder.performance_projects:
        table.start = table.end = None
    assert result_of(builder, "PERF-PERIOD").status == RuleStatus.could_not_run


def test_overall_fund_equals_the_departments_budget():
    builder = consistent().overall("120", consistent().performance_overall.indicators)
    assert_fails(builder, "PERF-OVERALL-FUND", table="performance_overall", count=1)


def test_overall_weights_sum_to_100():
    indicators = [
        ind("产出指标", "数量指标", "开展检查", "≥12次", "≥", "12", "次", weight="40"),
        ind("效益指标", "社会效益指标", "服务质量", "明显提升", weight="30"),
        ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥", "90", "%", weight="20"),
    ]
    [finding] = assert_fails(consistent().overall("123", indicators), "PERF-OVERALL-WEIGHTS")
    assert finding.message == "整体绩效目标表各指标权重之和为 90，应为 100。"


def test_weights_are_not_summed_when_a_weight_was_not_read():
    # the 社会效益 row's weight cell lost in extraction: 6+6+…=92 printed 100 with it
    indicators = [
        ind("产出指标", "数量指标", "开展检查", "≥12次", "≥", "12", "次", weight="40"),
        ind("效益指标", "社会效益指标", "提供就业岗位", "≥600个", "≥", "600", "个"),
        ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥", "90", "%", weight="52"),
    ]
    builder = consistent().overall("123", indicators)
    [finding] = assert_reports(builder, "PERF-OVERALL-WEIGHTS", "info")
    assert "未核对" in finding.message
    assert not [f for f in result_of(builder, "PERF-OVERALL-WEIGHTS").findings if f.is_problem]


def test_a_doubtful_table_is_not_judged_but_said_so_once():
    indicators = [ind("产出指标", "数量指标", "节能宣传培训"), ind("产出指标", "数量指标", "节能报告审查")]
    builder = consistent().performance("绿色发展专项", "5", indicators=indicators)
    builder.performance_projects[-1].doubtful = "指标值印在合并单元格中，未能与指标一一对应"
    [finding] = assert_reports(builder, "PERF-INDICATOR-VALUES", "info")
    assert "绿色发展专项" in finding.message and "合并单元格" in finding.message
    for rule_id in ("PERF-INDICATOR-VALUES", "PERF-CATEGORIES"):
        assert not [f for f in result_of(builder, rule_id).findings if f.is_problem], rule_id


def test_no_missing_category_is_claimed_while_values_are_left_without_a_name():
    # the 满意度 rows OCR'd without their names ("≥95%" alone on a line)
    indicators = [ind("产出指标", "数量指标", "宣传推介", "≥5次", "≥", "5", "次"),
                  ind("效益指标", "社会效益指标", "增加就业")]
    builder = consistent().performance("产业发展对接活动", "5", indicators=indicators)
    builder.performance_projects[-1].unplaced_values = ["≥95%"]
    [finding] = assert_reports(builder, "PERF-CATEGORIES", "info")
    assert "满意度" in finding.message
    assert not [f for f in result_of(builder, "PERF-CATEGORIES").findings if f.is_problem]


def test_what_the_name_says_is_no_missing_value_or_unit():
    indicators = [
        ind("产出指标", "数量指标", "增加企业获得专项资金补助数量4户"),  # value printed in the name cell
        ind("效益指标", "可持续影响指标", "长期性"),  # the value of the row above read as a name
        ind("产出指标", "时效指标", "电力系统正常运行天数", "≥360", "≥", "360", None),  # 天数: in days
        ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥", "90", "%"),
    ]
    assert_passes(consistent().performance("新建数据中心", "5", indicators=indicators), "PERF-INDICATOR-VALUES")


def test_a_rate_without_percent_is_still_a_missing_unit():
    indicators = [ind("产出指标", "质量指标", "发放补助完成率", "1", "=", "1", None),
                  ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥", "90", "%")]
    assert_fails(consistent().performance("新建数据中心", "5", indicators=indicators), "PERF-INDICATOR-VALUES",
                 count=1, says="未写计量单位")


def test_a_comparator_printed_but_not_read_is_not_missing():
    unread = ind("产出指标", "数量指标", "电费补差户数", "6000", None, "6000", "户")
    unread.unread = ["comparator"]
    indicators = [unread, ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥", "90", "%")]
    assert_passes(consistent().performance("新建数据中心", "5", indicators=indicators), "PERF-INDICATOR-VALUES")


def test_weights_rule_does_not_apply_without_weights():
    indicators = [ind("产出指标", "数量指标", "开展检查", "≥12次", "≥", "12", "次")]
    assert result_of(consistent().overall("123", indicators), "PERF-OVERALL-WEIGHTS").status == RuleStatus.not_applicable


def test_quantitative_indicators_have_comparator_and_unit_and_every_indicator_a_value():
    indicators = [
        ind("产出指标", "数量指标", "开展检查", "12次", None, "12", "次"),
        ind("产出指标", "数量指标", "覆盖企业", "≥30", "≥", "30", None),
        ind("效益指标", "社会效益指标", "推动发展"),
        ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥", "90", "%"),
    ]
    findings = assert_fails(consistent().performance("新建数据中心", "5", indicators=indicators),
                            "PERF-INDICATOR-VALUES", severity="warning", count=3)
    assert any("未写比较符" in f.message for f in findings)
    assert any("未写计量单位" in f.message for f in findings)
    assert any("未填指标值：“推动发展”" in f.message for f in findings)


def test_three_first_level_categories():
    indicators = [ind("产出指标", "数量指标", "开展检查", "≥12次", "≥", "12", "次")]
    assert_fails(consistent().performance("新建数据中心", "5", indicators=indicators), "PERF-CATEGORIES",
                 count=1, says="缺少效益、满意度指标")


def test_categories_read_from_second_level_when_first_is_not_printed():
    indicators = [ind(None, "数量指标", "开展检查", "≥12次", "≥", "12", "次"),
                  ind(None, "经济效益", "产值增长", "≥5%", "≥", "5", "%"),
                  ind(None, "服务对象满意度", "满意度", "≥90%", "≥", "90", "%")]
    assert_passes(consistent().performance("办公系统运维2", "1", indicators=indicators), "PERF-CATEGORIES")


def test_indicators_listed_by_name_only_cannot_miss_a_category():
    # Chongqing: 指标名称 | 指标性质 | 指标值 | 计量单位, no 一级/二级 column
    indicators = [ind(None, None, "重要商品储备数量", "≥7500吨", "≥", "7500", "吨"),
                  ind(None, None, "外资企业对政策与政府服务满意度", "≥90%", "≥", "90", "%")]
    builder = consistent().performance("市商务发展专项", "5", indicators=indicators)
    [finding] = assert_reports(builder, "PERF-CATEGORIES", "info")
    assert "市商务发展专项" in finding.message and "只列指标名称" in finding.message
    assert not [f.message for f in result_of(builder, "PERF-CATEGORIES").findings if f.is_problem]


def test_a_table_without_indicators_is_reported():
    assert_fails(consistent().performance("新建数据中心", "5", indicators=[]), "PERF-CATEGORIES", count=1,
                 says="没有列出任何绩效指标")


def _with_target(target: str, indicators):
    builder = consistent().performance("水库移民后期扶持", "5", indicators=indicators)
    builder.performance_projects[-1].target = target
    return builder


def test_a_figure_of_the_target_text_must_be_the_indicators_value():
    # 重庆 p.31: the target says 满意度不低于 80%, the indicator ≥90 %
    indicators = [ind(None, None, "完工项目验收率", "90", "≥", "90", "%"),
                  ind(None, None, "移民对后期扶持政策实施满意度", "90", "≥", "90", "%")]
    target = "完工项目验收率达到 90%以上，移民对后期扶持政策实施满意度不低于 80%。"
    [finding] = assert_fails(_with_target(target, indicators), "PERF-TARGET-INDICATOR", count=1)
    assert "满意度不低于80%" in finding.message and "≥90%" in finding.message


def test_target_figures_in_another_unit_or_far_from_the_name_are_not_compared():
    indicators = [ind(None, None, "全市软件和信息服务业规模", "5600", "≥", "5600", "亿元"),
                  ind(None, None, "新培育专精特新企业数量", "35", "≥", "35", "家")]
    target = "全市软件和信息服务业规模突破5600万亿元，新培育专精特新企业数量在全年工作中争取达到 40 家。"
    assert_passes(_with_target(target, indicators), "PERF-TARGET-INDICATOR")
