"""Completeness and granularity."""

from decimal import Decimal

import pytest

from yusuan.checks.engine.findings import RuleStatus

from .builder import assert_fails, assert_passes, assert_reports, doc, result_of
from .consistent import consistent

RULES = ["COMPLETE-TABLES", "COMPLETE-EMPTY-NOTE", "COMPLETE-FUNCTION-DEPTH", "COMPLETE-ECONOMIC-DEPTH",
         "COMPLETE-THREE-PUBLIC-ITEMS", "COMPLETE-SECTIONS", "COMPLETE-PROCUREMENT-DETAIL", "COMPLETE-PRIOR-YEAR",
         "COMPLETE-PRIOR-YEAR-COLUMN", "COMPLETE-CHANGE-REASONS"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_a_missing_table_is_an_error_pointing_at_it():
    [finding] = assert_fails(consistent().without("gov_fund_expenditure"), "COMPLETE-TABLES",
                             table="gov_fund_expenditure")
    assert "政府性基金预算支出表" in finding.message


def test_the_state_capital_table_left_out_by_a_department_without_such_money_is_a_warning():
    # Chongqing and Changsha print only the tables a department has; 143号 lists 8 without this one, most
    # templates ask for it empty with a note
    builder = consistent().without("state_capital_expenditure")
    [finding] = assert_reports(builder, "COMPLETE-TABLES", "warning")
    assert "没有国有资本经营预算拨款" in finding.message
    assert result_of(builder, "COMPLETE-TABLES").status == RuleStatus.failed


def test_the_state_capital_table_left_out_by_a_department_with_such_money_is_an_error():
    builder = consistent().without("state_capital_expenditure").set("fiscal_summary", "state_capital", "total", "5",
                                                                   side="income")
    assert_fails(builder, "COMPLETE-TABLES", table="state_capital_expenditure", count=1)


def test_a_table_named_in_the_contents_but_not_read_is_not_called_missing():
    builder = consistent().without("fiscal_summary").section("4、财政拨款收支总表", "")
    [finding] = assert_reports(builder, "COMPLETE-TABLES", "info")
    assert "未能识别" in finding.message
    assert result_of(builder, "COMPLETE-TABLES").status == RuleStatus.passed


def test_without_any_table_the_rule_could_not_run():
    assert result_of(doc().section("部门职责", "……"), "COMPLETE-TABLES").status == RuleStatus.could_not_run


def test_before_2021_a_budget_without_the_state_capital_table_is_told_not_failed():
    builder = consistent().without("state_capital_expenditure")
    builder.year = 2019
    [finding] = assert_reports(builder, "COMPLETE-TABLES", "info")
    assert "143号" in finding.message and finding.place.table == "state_capital_expenditure"
    assert result_of(builder, "COMPLETE-TABLES").status == RuleStatus.passed


def test_a_narrative_stating_zero_explains_an_empty_table():
    builder = consistent().configure("gov_fund_expenditure", note=None)
    assert_passes(builder.claim("gov_fund_expenditure", "0", "政府性基金预算支出"), "COMPLETE-EMPTY-NOTE")


def test_a_narrative_stating_another_amount_does_not_explain_an_empty_table():
    builder = consistent().configure("gov_fund_expenditure", note=None)
    assert_fails(builder.claim("gov_fund_expenditure", "5", "政府性基金预算支出"), "COMPLETE-EMPTY-NOTE", count=1)


def test_state_assets_and_performance_published_step_by_step_are_warned_of_when_absent():
    builder = consistent()
    builder.sections = [s for s in builder.sections if s.title not in ("国有资产占有使用情况", "绩效目标设置情况")]
    [warned] = assert_reports(builder, "COMPLETE-SECTIONS", "warning")
    [told] = assert_reports(builder, "COMPLETE-SECTIONS", "info")
    assert "国有资产占有使用" in warned.message and "绩效目标" in told.message
    assert all("逐步公开" in f.message for f in (warned, told))
    assert result_of(builder, "COMPLETE-SECTIONS").status == RuleStatus.failed


def test_headings_without_text_are_no_narrative():
    # a file of tables only lists them on its contents page: the 情况说明 is published elsewhere
    headings_only = doc().section("收支预算总表", "").section("收入预算总表", "")
    assert result_of(headings_only, "COMPLETE-SECTIONS").status == RuleStatus.could_not_run
    with_text = headings_only.section("部门职责", "负责审计。").claim("revenue_total", "100", "收入预算")
    assert result_of(with_text, "COMPLETE-SECTIONS").status == RuleStatus.failed


def test_a_few_sections_without_an_amount_are_part_of_a_narrative_not_an_incomplete_one():
    # the 部门职责 of a 情况说明 copied alone: the topics it does not cover may be in the rest of it
    part = doc().section("部门职责", "负责审计。").section("机构设置", "内设机构 5 个。")
    result = result_of(part, "COMPLETE-SECTIONS")
    assert result.status == RuleStatus.could_not_run and "只含部分公开内容" in result.reason


def test_an_empty_table_needs_a_note():
    assert_fails(consistent().configure("gov_fund_expenditure", note=None), "COMPLETE-EMPTY-NOTE",
                 table="gov_fund_expenditure", count=1)


def test_an_empty_table_in_a_file_of_tables_only_could_not_be_checked():
    # 人大 2019 公开表 p.10: only 合计, no note; the 情况说明 is the companion file, which says there is none
    builder = consistent().configure("gov_fund_expenditure", note=None)
    builder.sections, builder.claims = [], []
    result = result_of(builder, "COMPLETE-EMPTY-NOTE")
    assert result.status == RuleStatus.passed
    [finding] = result.findings
    assert finding.severity == "info" and "未能检查" in finding.message
    # headings alone (a contents page) are no narrative either
    builder.sections = [s.model_copy(update={"text": ""}) for s in consistent().sections[:2]]
    assert [f.severity for f in result_of(builder, "COMPLETE-EMPTY-NOTE").findings] == ["info"]


def test_the_forms_rule_for_filling_it_in_is_no_note_on_why_a_table_is_empty():
    # 检察院 2019 p.20: the empty 政府性基金 table's only note is "注：“科目编码”和“科目名称”为必填项"
    builder = consistent().configure("gov_fund_expenditure", note="注:“科目编码”和“科目名称”为必填项")
    assert_fails(builder, "COMPLETE-EMPTY-NOTE", table="gov_fund_expenditure", count=1)
    builder = consistent().configure("gov_fund_expenditure", note="注：本部门无政府性基金预算，此表为空。")
    assert_passes(builder, "COMPLETE-EMPTY-NOTE")


def test_the_narrative_words_saying_there_is_none_explain_an_empty_table():
    # Shanghai prints its empty tables without a note; its 编制说明 says the amount is 0
    text = "政府性基金拨款支出预算0万元，与2025年预算持平；国有资本经营预算拨款支出预算为0。"
    builder = consistent().configure("gov_fund_expenditure", note=None).configure("state_capital_expenditure", note=None)
    builder.sections = [*builder.sections, builder.sections[0].model_copy(update={"title": "编制说明", "text": text})]
    assert_passes(builder, "COMPLETE-EMPTY-NOTE")


@pytest.mark.parametrize("text", ["本部门2024年不安排政府性基金预算拨款支出。", "本部门2024年未使用政府性基金预算拨款安排支出。"])
def test_saying_nothing_is_arranged_explains_an_empty_table(text):
    builder = consistent().configure("gov_fund_expenditure", note=None)
    builder.sections = [*builder.sections, builder.sections[0].model_copy(update={"title": "编制说明", "text": text})]
    assert_passes(builder, "COMPLETE-EMPTY-NOTE")


def _empty_basic_table(text: str):
    """An empty 一般公共预算基本支出表 (header and an empty 合计 line) with the 编制说明 `text`."""
    builder = consistent().table("basic_expenditure", [("total", "合计", {"total": "", "personnel": "", "public": ""})])
    builder.sections = [*builder.sections, builder.sections[0].model_copy(update={"title": "编制说明", "text": text})]
    return builder


def test_an_empty_basic_table_of_a_unit_stating_it_has_no_general_budget_money_is_explained():
    # 上海: "财政拨款支出预算中，一般公共预算拨\n款支出预算为0；政府性基金拨款支出预算21,502万元"
    text = "财政拨款支出预算中，一般公共预算拨\n款支出预算为0；政府性基金拨款支出预算21,502万元，比2025年预算增加481万元。"
    assert_passes(_empty_basic_table(text), "COMPLETE-EMPTY-NOTE")


def test_an_empty_basic_table_is_not_explained_by_general_budget_money_stated():
    text = "财政拨款支出预算中，一般公共预算拨款支出预算120万元；政府性基金拨款支出预算为0。"
    assert_fails(_empty_basic_table(text), "COMPLETE-EMPTY-NOTE", table="basic_expenditure", count=1)


def test_a_note_on_every_empty_table_explains_them_all():
    # Changsha: "注:以上部门预算报表中,空表表示本部门无相关收支情况"
    builder = consistent().configure("gov_fund_expenditure", note=None)
    builder = builder.configure("state_capital_expenditure", note="注:以上部门预算报表中,空表表示本部门无相关收支情况")
    assert_passes(builder, "COMPLETE-EMPTY-NOTE")


def test_a_table_of_which_no_line_was_read_is_not_called_empty():
    disclosure = consistent().configure("gov_fund_expenditure", note=None).build()
    disclosure.tables["gov_fund_expenditure"].rows = []
    result = result_of(disclosure, "COMPLETE-EMPTY-NOTE")
    assert result.status == RuleStatus.passed
    [finding] = result.findings
    assert finding.severity == "info" and "未能读出" in finding.message


def test_functional_classification_to_item_level():
    builder = consistent().drop_row("general_expenditure", "2080505").drop_row("general_expenditure", "2080506")
    [finding] = assert_fails(builder, "COMPLETE-FUNCTION-DEPTH", table="general_expenditure")
    assert finding.place.code == "20805"


def test_economic_classification_to_section_level():
    [finding] = assert_fails(consistent().drop_row("basic_expenditure", "30305"), "COMPLETE-ECONOMIC-DEPTH")
    assert finding.place.code == "303"


def test_three_public_table_splits_vehicle_costs():
    builder = consistent().table("three_public", [
        (None, "2024", {"total": "5", "overseas": "0", "vehicle": "3", "reception": "2"}),
    ])
    assert_fails(builder, "COMPLETE-THREE-PUBLIC-ITEMS", count=1, says="公务用车购置费、公务用车运行费")


def test_three_public_table_has_the_budget_year():
    builder = consistent().table("three_public", [
        (None, "2023", {"total": "5", "overseas": "0", "vehicle_purchase": "0", "vehicle_operation": "3",
                        "reception": "2"}),
    ])
    assert_fails(builder, "COMPLETE-THREE-PUBLIC-ITEMS", count=1, says="没有 2024 年")


def test_required_narrative_sections():
    builder = consistent()
    builder.sections = [s for s in builder.sections if s.title != "名词解释"]
    assert_fails(builder, "COMPLETE-SECTIONS", table="narrative", count=1, says="名词解释")


@pytest.mark.parametrize("heading", ["专业名词", "名词释义", "名词说明", "术语解释"])
def test_a_glossary_under_another_heading_is_a_glossary(heading):
    builder = consistent()
    builder.sections = [s if s.title != "名词解释" else s.model_copy(update={"title": heading}) for s in builder.sections]
    assert_passes(builder, "COMPLETE-SECTIONS")


def _procurement_text(text):
    builder = consistent()
    builder.sections = [s if s.title != "政府采购情况" else s.model_copy(update={"text": text}) for s in builder.sections]
    return builder


def test_procurement_paragraph_of_a_budget_gives_kinds():
    [finding] = assert_fails(_procurement_text("2024 年政府采购预算 10 万元。"), "COMPLETE-PROCUREMENT-DETAIL",
                             severity="warning")
    assert "货物" in finding.message


def test_a_budget_is_not_asked_for_the_sme_contract_share():
    # contracts are awarded when the money is spent: the share is a 决算 item
    assert_passes(_procurement_text("2024 年政府采购预算 10 万元，其中货物 10 万元。"), "COMPLETE-PROCUREMENT-DETAIL")


def test_a_final_account_gives_the_sme_contract_share():
    builder = _procurement_text("2024 年政府采购支出 10 万元，其中货物 10 万元。")
    builder.kind = "final"
    [finding] = assert_fails(builder, "COMPLETE-PROCUREMENT-DETAIL", severity="warning")
    assert "中小企业" in finding.message


def test_the_split_by_kind_may_follow_the_total_in_its_own_sentence():
    text = "2017 年度我部门政府采购预算总金额为 2247.85 万元。其中拟购买货物 59 万元，拟购买工程 0 万元，拟购买服务 2188.85 万元。"
    assert_passes(_procurement_text(text), "COMPLETE-PROCUREMENT-DETAIL")


def test_procurement_detail_does_not_apply_when_the_narrative_says_there_is_none():
    for text in ("2024年本部门没有安排政府采购预算。", "本部门2024年未安排政府采购预算。", "2024年政府采购预算为0万元。",
                 "本部门2024年度不安排政府采购预算。", "2024年本部门政府采购预算0万元。", "2024年度本部门政府采购支出总额0万元。"):
        builder = _procurement_text(text).without("procurement").drop_claims("procurement_total")
        assert result_of(builder, "COMPLETE-PROCUREMENT-DETAIL").status == RuleStatus.not_applicable, text


def test_procurement_detail_applies_when_the_table_has_procurement_whatever_the_narrative_says():
    assert_fails(_procurement_text("2024年本部门没有安排政府采购预算。"), "COMPLETE-PROCUREMENT-DETAIL",
                 severity="warning", count=1, says="货物")
    # 0.5 万元 is not none
    assert_fails(_procurement_text("2024年政府采购预算为0.5万元。").without("procurement"),
                 "COMPLETE-PROCUREMENT-DETAIL", severity="warning", count=1, says="货物")


@pytest.mark.parametrize(("title", "heading", "text"), [
    ("机构设置", "内设机构及下属单位", "本部门内设办公室等 7 个科室，下属 4 个事业单位。"),
    ("机关运行经费", "机关运行费", "2024 年机关运行费 15 万元，比上年持平。"),
    ("国有资产", "资产占用情况", "截至 2023 年底共有车辆 1 辆。"),
])  # fmt: skip
def test_a_required_part_under_another_heading_is_there(title, heading, text):
    builder = consistent()
    renamed = []
    for section in builder.sections:
        if title in section.title:
            section = section.model_copy(update={"title": heading, "text": text})
        renamed.append(section)
    builder.sections = renamed
    assert not any(title in f"{s.title}{s.text}" for s in builder.sections)
    assert_passes(builder, "COMPLETE-SECTIONS")


def test_procurement_detail_does_not_apply_without_procurement():
    builder = consistent()
    builder.sections = [s for s in builder.sections if s.title != "政府采购情况"]
    assert result_of(builder, "COMPLETE-PROCUREMENT-DETAIL").status == RuleStatus.not_applicable


def test_the_narrative_compares_with_last_year():
    builder = doc().section("部门职责", "负责测试。").claim("revenue_total", "10", "收入预算")
    assert_fails(builder, "COMPLETE-PRIOR-YEAR", count=1)


def test_an_empty_prior_year_column():
    builder = consistent()
    for key in ("total", "201", "20113", "2011301", "2011302", "208", "20805", "2080505", "2080506", "221", "22102",
                "2210201"):
        builder.set("general_expenditure", key, "prior_year", "")
    assert_fails(builder, "COMPLETE-PRIOR-YEAR-COLUMN", severity="warning", count=1)


def test_prior_year_column_rule_does_not_apply_when_not_printed():
    builder = consistent().configure("general_expenditure", columns=["total", "basic", "project"])
    assert result_of(builder, "COMPLETE-PRIOR-YEAR-COLUMN").status == RuleStatus.not_applicable


THREE_PUBLIC_TEXT = ("2024 年“三公”经费预算 5 万元，比 2023 年减少 1 万元。其中：因公出国（境）费 0 万元，与 2023 年持平；"
                     "公务接待费 2 万元，比 2023 年减少 0.5 万元；公务用车运行维护费 3 万元，比 2023 年减少 0.5 万元，"
                     "主要原因是压减开支。")


def test_changes_come_with_reasons():
    builder = consistent().section("三公", THREE_PUBLIC_TEXT.replace("，主要原因是压减开支", ""))
    found = assert_fails(builder, "COMPLETE-CHANGE-REASONS", severity="warning")
    assert {"reception", "vehicle_operation"} <= {f.place.code for f in found}


def test_one_reason_closing_a_list_of_changes_covers_them():
    # "公务接待费…减少 0.5 万元；公务用车运行维护费…减少 0.5 万元，主要原因是压减开支。"
    assert_passes(consistent().section("三公", THREE_PUBLIC_TEXT), "COMPLETE-CHANGE-REASONS")


def _total_then_parts(part_reason: str):
    """Huzhou: the 三公 total's change, "具体如下：", then each item under a heading of its own."""
    builder = doc().section("关于2024年一般公共预算“三公”经费预算情况说明",
                            "2024 年“三公”经费预算数为 5 万元，比上年预算数减少 1 万元，下降 16.7%，具体如下：", level=2)
    builder.section("公务接待费", f"2024 年安排公务接待费预算 2 万元，比上年预算数下降 20.0%。{part_reason}", level=3)
    builder.section("其他重要事项的情况说明", "", level=2)
    return builder.claim("three_public_total", "5", "“三公”经费", change="1", direction="减少",
                         section="关于2024年一般公共预算“三公”经费预算情况说明")


def test_a_total_whose_parts_follow_with_their_reasons_is_explained():
    assert_passes(_total_then_parts("减少的主要原因是压减公务接待经费。"), "COMPLETE-CHANGE-REASONS")
    [finding] = assert_fails(_total_then_parts("主要用于接待上级部门来人。"), "COMPLETE-CHANGE-REASONS")
    assert finding.place.code == "three_public_total"


def test_a_total_explained_source_by_source_after_its_parts_lead():
    # Suzhou, Jiangsu: "…各减少 7 万元，减少 5.38%。其中：（一）收入预算…主要原因是…"
    text = ("某局 2024 年度收入、支出预算总计 123 万元，与上年相比收、支预算总计各减少 7 万元，减少 5.38%。"
            "其中：（一）收入预算总计 123 万元。1．一般公共预算拨款收入 123 万元，与上年相比减少 7 万元，减少 5.38%。"
            "主要原因是人员减少。")
    builder = doc().section("收支预算总体情况说明", text).claim(
        "expenditure_total", "123", "支出预算", change="7", direction="减少", section="收支预算总体情况说明")
    assert_passes(builder, "COMPLETE-CHANGE-REASONS")


def test_a_later_sentence_may_give_the_reason():
    text = ("2025 年财政拨款支出预算 123 万元，比 2024 年预算增加 20 万元。事业收入 0 万元。"
            "财政拨款收入支出增加的主要原因是：政策资金项目预算增加。")
    builder = consistent().section("收支", text).claim("fiscal_expenditure", "123", "财政拨款支出", change="20",
                                                     direction="增加", section="收支")
    assert_passes(builder, "COMPLETE-CHANGE-REASONS")


@pytest.mark.parametrize("reason", ["主要原因：项目支出增加。", "主要是由于项目支出增加。", "原因是项目支出增加。",
                                    "此项数据变动较大的原因是口径调整。",
                                    "主要是本年较上年增加两人，人员经费增加。", "主要是因员额制检察官工资改革增加了支出。"])
def test_the_next_sentence_may_be_the_reason(reason):
    text = f"2025 年财政拨款支出预算 123 万元，比 2024 年预算增加 20 万元，增长 19.4%。{reason}"
    builder = consistent().section("收支", text).claim("fiscal_expenditure", "123", "财政拨款支出", change="20",
                                                     direction="增加", section="收支")
    assert_passes(builder, "COMPLETE-CHANGE-REASONS")


def test_a_next_sentence_about_something_else_is_not_the_reason():
    text = "2025 年财政拨款支出预算 123 万元，比 2024 年预算增加 20 万元。事业收入 0 万元，主要原因是无此项收入。"
    builder = consistent().section("收支", text).claim("fiscal_expenditure", "123", "财政拨款支出", change="20",
                                                     direction="增加", section="收支")
    assert_fails(builder, "COMPLETE-CHANGE-REASONS", count=1)


def test_a_later_reason_for_another_subject_does_not_explain():
    text = ("2025 年财政拨款支出预算 123 万元，比 2024 年预算增加 20 万元。事业收入 0 万元。"
            "“三公”经费减少的主要原因是压减开支。")
    builder = consistent().section("收支", text).claim("fiscal_expenditure", "123", "财政拨款支出", change="20",
                                                     direction="增加", section="收支")
    assert_fails(builder, "COMPLETE-CHANGE-REASONS", count=1)


def test_a_total_is_explained_by_the_reasons_of_its_parts():
    text = THREE_PUBLIC_TEXT.replace("公务接待费 2 万元，比 2023 年减少 0.5 万元；", "公务接待费 2 万元，比 2023 年减少 0.5 万元，因会议减少；")
    assert_passes(consistent().section("三公", text), "COMPLETE-CHANGE-REASONS")


@pytest.mark.parametrize("text", [
    "落实厉行节约要求，2025 年“三公”经费预算 5.00 万元，比 2024 年减少 1.00 万元。其中：公务接待费 2.00 万元。",
    "2025 年“三公”经费预算 5.00 万元，比 2024 年减少 1.00 万元，结合工作需要和车辆实际状况，压减公务用车运行维护费。",
    "2025 年“三公”经费预算 5.00 万元，比 2024 年减少 1.00 万元，主要为压缩接待规模和次数。",
    "2025 年“三公”经费预算 5.00 万元，比 2024 年减少 1.00 万元，受接待任务减少影响。",
])
def test_the_purpose_a_change_serves_is_its_reason(text):
    builder = consistent().drop_claims("three_public_total").section("三公经费", text).claim(
        "three_public_total", "5.00", "“三公”经费", change="1.00", direction="减少", section="三公经费")
    assert_passes(builder, "COMPLETE-CHANGE-REASONS")


def _fiscal_and_general(general_change: str, general: str = "123", direction: str = "增加"):
    # Shanghai: the 财政拨款 change, the 一般公共预算 part's change, one reason for the 财政拨款 one
    text = ("支出预算 123 万元，其中：财政拨款支出预算 123 万元，比 2024 年预算增加 20 万元。财政拨款支出预算中，一般公共预算拨"
            f"款支出预算 {general} 万元，比 2024 年预算{direction} {general_change} 万元。"
            "财政拨款收入支出增加的主要原因是信息化项目增加。")
    return (consistent().section("收支", text)
            .claim("fiscal_expenditure", "123", "财政拨款支出", change="20", direction="增加", section="收支")
            .claim("fiscal_expenditure", general, "一般公共预算拨款支出", change=general_change, direction=direction,
                   section="收支"))


def test_the_reason_of_a_whole_covers_a_part_that_moved_the_same_way_by_no_more():
    assert_passes(_fiscal_and_general("20", "122"), "COMPLETE-CHANGE-REASONS")
    assert_passes(_fiscal_and_general("15", "100"), "COMPLETE-CHANGE-REASONS")
    # more than the whole, or the other way, with no split of the whole to show it: a change of its own
    [finding] = assert_fails(_fiscal_and_general("25", "100"), "COMPLETE-CHANGE-REASONS")
    assert "一般公共预算拨款支出" in finding.message
    [finding] = assert_fails(_fiscal_and_general("5", "100", "减少"), "COMPLETE-CHANGE-REASONS")
    assert "一般公共预算拨款支出" in finding.message


def _split_by_fund(fund_change: str):
    # 上海-0afcacdd p.6: 财政拨款 减少 878 = 一般公共预算 增加 78 + 政府性基金 减少 956; one reason for 财政拨款
    text = ("支出预算5,004万元，其中：财政拨款支出预算3,173万元，比2025年预算减少878万元。财政拨款支出预算中，一般公共预算拨款支"
            f"出预算3,130万元，比2025年预算增加78万元；政府性基金拨款支出预算44万元，比2025年预算减少{fund_change}万元；国有资本经营"
            "预算拨款支出预算为0。财政拨款收入支出减少的主要原因是项目经费减少。")
    return (doc().section("收支", text)
            .claim("fiscal_expenditure", "3173", "财政拨款支出", change="878", direction="减少", section="收支")
            .claim("fiscal_expenditure", "3130", "一般公共预算拨款支出", change="78", direction="增加", section="收支")
            .claim("gov_fund_expenditure", "44", "政府性基金拨款支出", change=fund_change, direction="减少",
                   section="收支"))


def test_the_reason_of_a_whole_covers_the_parts_its_change_is_split_into():
    assert_passes(_split_by_fund("956"), "COMPLETE-CHANGE-REASONS")
    # the parts' changes do not make up the whole's: the 一般公共预算 increase is not part of the decrease explained
    [finding] = assert_fails(_split_by_fund("900"), "COMPLETE-CHANGE-REASONS")
    assert "一般公共预算拨款支出" in finding.message


def _change_stated_as(text: str):
    """A document whose only words on last year are `text` (the 收支 section; no claims to read)."""
    builder = consistent()
    builder.sections = [s.model_copy(update={"text": text}) if s.title == "收支预算总体情况" else s
                        for s in builder.sections if s.title != "机关运行经费"]
    builder.sections.append(builder.sections[0].model_copy(update={"title": "机关运行经费",
                                                                   "text": "2024 年机关运行经费 15 万元。"}))
    builder.claims = []
    return builder


@pytest.mark.parametrize("text", [
    # Beijing: the base and its amount between the year and the direction
    "2026年度收入预算211,514.05万元，比2025年年初预算数189,594.33万元增加21,919.72万元，增长11.56%。",
    "2026年财政拨款“三公”经费预算238.81万元，比2025年财政拨款“三公”经费年初预算减少5.24万元，下降2.15%。",
    "2026 年支出预算 211,514.05 万元，比 2025 年年初预算\n数 189,594.33 万元减少 919.72 万元。",
    # Jiangsu, Suzhou, Changsha, Huzhou
    "因公出国（境）费预算支出100万元，与上年预算数相等。",
    "一般公共预算拨款收入123万元，与上年相比，减少7万元。",
    "收入较去年增加54.13万元，上升2.88%。",
    "2026年收入预算5973.01万元，比上年执行数减少263.59万元，下降4.0%。",
    "政府性基金支出预算0万元，与上一年度持平。",
    "2026年收入预算123万元，同比下降5.4%。",
])
def test_a_change_worded_any_way_is_the_change_section(text):
    assert_passes(_change_stated_as(text), "COMPLETE-SECTIONS")


@pytest.mark.parametrize("text", [
    "2026年度收入预算211,514.05万元，其中上年结转结余48,485.51万元。主要用于增加信息化投入。",
    "2026年收入预算123万元。比例为本年支出预算的48.63%，增加了人员经费的保障。",
    "2026年支出预算123万元，与2025年部门预算同口径。",
])
def test_a_narrative_without_a_comparison_has_no_change_section(text):
    assert_fails(_change_stated_as(text), "COMPLETE-SECTIONS", count=1, says="收支增减变化")


def test_the_name_of_the_overseas_item_is_no_reason():
    # 因 of 因公出国（境）费 gives no reason: "因公出国（境）费 2 万元，比上年减少 1 万元。"
    text = "2024 年因公出国（境）费 2 万元，比 2023 年减少 1 万元。"
    builder = doc().section("三公", text).claim("overseas", "2", "因公出国（境）费", change="1", direction="减少",
                                                section="三公")
    assert_fails(builder, "COMPLETE-CHANGE-REASONS", count=1)
    assert_passes(doc().section("三公", text.replace("。", "，因出访团组减少。")).claim(
        "overseas", "2", "因公出国（境）费", change="1", direction="减少", section="三公"), "COMPLETE-CHANGE-REASONS")




def test_a_table_whose_amounts_were_not_read_is_neither_missing_nor_checked():
    # the "三公" table's title and header were read, its amounts not: "could not check", no finding
    disclosure = consistent().build()
    disclosure.tables["three_public"].doubtful = "未能读出“三公”经费表的金额"
    assert_passes(disclosure, "COMPLETE-TABLES")
    assert result_of(disclosure, "COMPLETE-THREE-PUBLIC-ITEMS").status == RuleStatus.could_not_run


def _reason_then_repeat(reason: str):
    """Jiangsu: 一 gives the total's change and its reason; 八 repeats the 一般公共预算 change without one."""
    builder = doc().section("收支预算总表情况说明",
                            "某办公厅 2017 年度收入、支出预算总计 13649.07 万元，与上年相比收、支预算总计各增加 844.15 万元，"
                            f"增长 6.59%。{reason}")
    builder.section("一般公共预算支出预算表情况说明",
                    "某办公厅 2017 年一般公共预算财政拨款支出预算 13649.07 万元，与上年相比增加 844.15 万元，增长 6.59%。")
    return (builder.claim("expenditure_total", "13649.07", "支出预算", change="844.15", direction="增加",
                          section="收支预算总表情况说明")
            .claim("fiscal_expenditure", "13649.07", "一般公共预算财政拨款支出", change="844.15", direction="增加",
                   section="一般公共预算支出预算表情况说明"))


def test_a_change_explained_in_another_section_is_explained():
    assert_passes(_reason_then_repeat("主要原因是政策性增资、住房公积金和提租补贴调整。"), "COMPLETE-CHANGE-REASONS")
    # no reason anywhere: both are told
    assert_fails(_reason_then_repeat(""), "COMPLETE-CHANGE-REASONS", count=2)


def test_a_reason_elsewhere_for_another_amount_does_not_explain():
    builder = _reason_then_repeat("主要原因是政策性增资。")
    builder.claims[-1] = builder.claims[-1].model_copy(update={"change": Decimal("844.16")})
    builder.sections[-1] = builder.sections[-1].model_copy(update={"text": builder.sections[-1].text.replace(
        "844.15", "844.16")})
    [finding] = assert_fails(builder, "COMPLETE-CHANGE-REASONS")
    assert "844.16" in finding.message


def test_a_reason_for_an_unrelated_subject_elsewhere_does_not_explain():
    # the 三公 fell by as much as the 机关运行经费, for a reason of its own
    builder = (doc().section("三公", "2018 年“三公”经费预算 50 万元，比上年减少 2 万元，主要原因是压减公务接待。")
               .section("机关运行经费", "2018 年机关运行经费 80 万元，比上年减少 2 万元。")
               .claim("three_public_total", "50", "“三公”经费", change="2", direction="减少", section="三公")
               .claim("operating_cost", "80", "机关运行经费", change="2", direction="减少", section="机关运行经费"))
    [finding] = assert_fails(builder, "COMPLETE-CHANGE-REASONS")
    assert finding.place.code == "operating_cost"


def _basic_change_then(sentence: str):
    text = f"此外，基本支出预算数为 5,678.17 万元。与上年相比减少 238.10 万元，下降 4.02%。{sentence}"
    return doc().section("收支预算总表情况说明", text).claim(
        "basic", "5678.17", "基本支出", change="238.10", direction="减少", section="收支预算总表情况说明")


def test_the_next_sentence_telling_the_cause_is_the_reason_without_saying_so():
    assert_passes(_basic_change_then("退休人员退休费由省社保机构统一发放，单位支出减少。"), "COMPLETE-CHANGE-REASONS")


@pytest.mark.parametrize("sentence", ["", "项目支出预算数为 3,314.68 万元。与上年持平。",
                                      "（三）单位预留机动经费与上年一致。", "本表反映部门年度总体收支预算情况。"])
def test_a_next_sentence_on_another_item_is_no_reason(sentence):
    assert_fails(_basic_change_then(sentence), "COMPLETE-CHANGE-REASONS", count=1)


def test_the_reason_may_follow_the_comparison():
    # 政协 2017: "2017 年度部门支出预算安排与 2016 年度相比增加的原因主要是政策性增资…"
    text = ("2017 年度部门支出预算安排与 2016 年度相比，增加 498.72 万元，增长 5.77%。按功能分类，一般公共服务支出减少"
            " 108.56 万元。2017 年度部门支出预算安排与 2016 年度相比增加的原因主要是政策性增资、住房公积金调整等。")
    builder = doc().section("相关依据及测算分析情况", text).claim(
        "expenditure_total", "9146.79", "支出预算", change="498.72", direction="增加", section="相关依据及测算分析情况")
    assert_passes(builder, "COMPLETE-CHANGE-REASONS")
