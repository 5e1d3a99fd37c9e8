"""Completeness and granularity."""

import pytest

from yusuan.checks.findings import RuleStatus

from .builder import assert_fails, assert_passes, assert_reports, doc, result_of
from .consistent import consistent

RULES = ["COMPLETE-TABLES", "COMPLETE-EMPTY-NOTE", "COMPLETE-FUNCTION-DEPTH", "COMPLETE-ECONOMIC-DEPTH",
         "COMPLETE-THREE-PUBLIC-ITEMS", "COMPLETE-SECTIONS", "COMPLETE-PROCUREMENT-DETAIL", "COMPLETE-PRIOR-YEAR",
         "COMPLETE-PRIOR-YEAR-COLUMN", "COMPLETE-CHANGE-REASONS"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_a_missing_table_is_an_error_pointing_at_it():
    [finding] = assert_fails(consistent().without("state_capital_expenditure"), "COMPLETE-TABLES",
                             table="state_capital_expenditure")
    assert "国有资本经营预算支出表" in finding.message


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


def test_headings_without_text_are_no_narrative():
    # a file of tables only lists them on its contents page: the 情况说明 is published elsewhere
    headings_only = doc().section("收支预算总表", "").section("收入预算总表", "")
    assert result_of(headings_only, "COMPLETE-SECTIONS").status == RuleStatus.could_not_run
    assert result_of(headings_only.section("部门职责", "负责审计。"), "COMPLETE-SECTIONS").status == RuleStatus.failed


def test_an_empty_table_needs_a_note():
    assert_fails(consistent().configure("gov_fund_expenditure", note=None), "COMPLETE-EMPTY-NOTE",
                 table="gov_fund_expenditure", count=1)


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
    for text in ("2024年本部门没有安排政府采购预算。", "本部门2024年未安排政府采购预算。", "2024年政府采购预算为0万元。"):
        builder = _procurement_text(text).without("procurement").drop_claims("procurement_total")
        assert result_of(builder, "COMPLETE-PROCUREMENT-DETAIL").status == RuleStatus.not_applicable, text


def test_procurement_detail_applies_when_the_table_has_procurement_whatever_the_narrative_says():
    assert_fails(_procurement_text("2024年本部门没有安排政府采购预算。"), "COMPLETE-PROCUREMENT-DETAIL",
                 severity="warning", count=1, says="货物")
    # 0.5 万元 is not none
    assert_fails(_procurement_text("2024年政府采购预算为0.5万元。").without("procurement"),
                 "COMPLETE-PROCUREMENT-DETAIL", severity="warning", count=1, says="货物")


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
    builder = consistent().section("三公", THREE_PUBLIC_TEXT)
    [finding] = assert_fails(builder, "COMPLETE-CHANGE-REASONS", severity="warning")
    assert finding.place.code == "reception"


def test_a_later_sentence_may_give_the_reason():
    text = ("2025 年财政拨款支出预算 123 万元，比 2024 年预算增加 20 万元。事业收入 0 万元。"
            "财政拨款收入支出增加的主要原因是：政策资金项目预算增加。")
    builder = consistent().section("收支", text).claim("fiscal_expenditure", "123", "财政拨款支出", change="20",
                                                     direction="增加", section="收支")
    assert_passes(builder, "COMPLETE-CHANGE-REASONS")


@pytest.mark.parametrize("reason", ["主要原因：项目支出增加。", "主要是由于项目支出增加。", "原因是项目支出增加。",
                                    "此项数据变动较大的原因是口径调整。", "主要是因员额制检察官工资改革增加了支出。"])
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
