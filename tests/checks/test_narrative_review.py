"""The narrative as a reviewer reads it: names, self-reference, blanks, marks, dates and headings.

Each rule is shown failing and passing on small documents written here: the consistent document of
consistent.py with one sentence changed, or a few lines of text read through the text reader.
"""

from decimal import Decimal
import pytest
from yusuan.pipeline import parse_bytes
from .builder import assert_fails, assert_passes, doc
from .consistent import consistent

RULES = ["NARR-CLASS-NAME", "NARR-SCOPE-WORDING", "NARR-BLANK-AMOUNT", "NARR-ZERO-TOTAL", "NARR-EMPTY-REASON",
         "NARR-DATE-YEAR", "HYGIENE-PAIRED-MARKS", "HYGIENE-PUNCTUATION", "HYGIENE-HEADING-YEAR",
         "HYGIENE-PERCENT-SIGN"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def _saying(text, title="支出预算情况", **kwargs):
    return (consistent() if not kwargs else doc(**kwargs)).section(title, text)


def test_a_renamed_class_written_with_its_old_name():
    [finding] = assert_fails(_saying("医疗卫生与计划生育支出 5 万元，主要用于职工医疗。"), "NARR-CLASS-NAME",
                             table="narrative", severity="warning")
    assert (finding.provided, finding.expected) == ("医疗卫生与计划生育支出", "卫生健康支出")
    assert "2019 年起 210 为“卫生健康支出”" in finding.message


def test_the_old_name_in_the_jiangsu_wording_with_its_level():
    assert_fails(_saying("3.医疗卫生与计划生育(类)支出 5 万元。"), "NARR-CLASS-NAME", count=1)
    assert_fails(_saying("文化体育与传媒支出 1 万元。"), "NARR-CLASS-NAME", count=1, says="文化旅游体育与传媒支出")


def test_the_tables_name_is_the_one_asked_for():
    builder = _saying("资源勘探信息等支出 1 万元。").add_row(
        "general_expenditure", ("215", "资源勘探工业信息等支出", {"prior_year": "", "total": "", "basic": "", "project": ""}))
    [finding] = assert_fails(builder, "NARR-CLASS-NAME")
    assert "表中 215 为“资源勘探工业信息等支出”" in finding.message


def test_the_old_name_was_right_in_its_own_years():
    assert_passes(_saying("医疗卫生与计划生育支出 5 万元。", year=2018), "NARR-CLASS-NAME")
    assert_passes(_saying("资源勘探信息等支出 1 万元。", year=2019), "NARR-CLASS-NAME")  # renamed from 2020
    assert_passes(_saying("卫生健康支出 5 万元，节能环保支出 1 万元。"), "NARR-CLASS-NAME")


def _as_unit(builder):
    disclosure = builder.build()
    disclosure.scope = "单位"
    return disclosure


def test_a_unit_report_that_calls_itself_a_department():
    [finding] = assert_fails(_as_unit(_saying("本部门政府采购预算 10 万元。", "政府采购情况", year=2024)), "NARR-SCOPE-WORDING",
                             table="narrative")
    assert (finding.provided, finding.expected) == ("本部门", "单位")
    assert finding.message.startswith("本文件是单位预算，情况说明“政府采购情况”却以“部门”自称")


def test_a_unit_report_in_the_departments_words():
    [finding] = assert_fails(_as_unit(_saying("2024年部门预算安排“三公”经费 5 万元。", "三公经费", year=2024)),
                             "NARR-SCOPE-WORDING")
    assert finding.provided == "部门预算安排"


def test_a_department_report_that_calls_itself_a_unit():
    assert_fails(_saying("本单位由局本级和 2 个下属单位构成。", "机构设置"), "NARR-SCOPE-WORDING", count=1,
                 says="请统一为“部门”")
    assert_fails(consistent().section("单位预算情况说明"), "NARR-SCOPE-WORDING", count=1)


def test_a_department_that_is_one_unit_may_call_itself_so():
    # Changsha: "长沙市信访局部门只有本级，没有其他二级预算单位" … "2026年本单位收入预算656.73万元"
    builder = doc().section("部门预算单位构成", "某局部门只有本级，没有其他二级预算单位。")
    builder.section("收入预算", "2026年本单位收入预算 656.73 万元。")
    assert_passes(builder, "NARR-SCOPE-WORDING")
    # a heading of the other template alone is the template's, not the text calling itself wrong
    assert_passes(builder.section("单位收支总体情况"), "NARR-SCOPE-WORDING")


def test_chongqings_heading_of_the_basic_facts_is_no_other_template():
    # Chongqing's 部门预算 opens with "一、单位基本情况"
    assert_passes(consistent().section("单位基本情况"), "NARR-SCOPE-WORDING")


def test_a_glossary_definition_speaks_of_no_document():
    assert_passes(_saying("指本单位所属下级单位上缴给本单位的全部收入。", "附属单位上缴收入"), "NARR-SCOPE-WORDING")


def test_the_documents_part_headings_tell_its_scope_over_its_cover():
    # Fuzhou: the cover "2026 年度 / 福州市公安局交通管理支队 / 单位预算" over three lines, read as 部门
    builder = doc().section("单位概况").section("单位主要职责", "本单位负责全市道路交通管理。")
    builder.section("2026年度单位预算情况说明").section("机关运行经费", "本单位机关运行经费 15 万元。")
    assert_passes(builder, "NARR-SCOPE-WORDING")
    builder.section("国有资产占用使用情况", "本部门共有车辆 1 辆。")
    assert_fails(builder, "NARR-SCOPE-WORDING", count=1, says="本文件是单位预算")


def test_a_unit_report_that_budgets_as_a_department():
    # Shanghai: "2026年部门预算安排购置车辆0辆" in a 单位预算
    assert_fails(_as_unit(_saying("2026年部门预算安排购置车辆 0 辆。", "国有资产占有使用情况", year=2026)),
                 "NARR-SCOPE-WORDING", count=1, says="部门预算安排")


def test_speaking_of_other_units_is_no_finding():
    assert_passes(_saying("本部门由局本级和 2 个所属预算单位构成，行政单位 1 个。", "机构设置"), "NARR-SCOPE-WORDING")
    assert_passes(_as_unit(doc().section("单位概况", "本单位是某市测试局所属事业单位，部门预算由局统一编报。")),
                  "NARR-SCOPE-WORDING")


def test_a_blank_amount_slot_names_the_tables_figure():
    [finding] = assert_fails(_saying("2024 年支出预算为万元，比上年减少 7 万元。"), "NARR-BLANK-AMOUNT",
                             table="narrative", severity="error")
    assert (finding.provided, finding.expected) == (None, Decimal("123"))
    assert "「2024 年支出预算为万元，比上年减少 7 万元。」；收支总表「本年支出合计」为 123 万元" in finding.message


def test_a_blank_slot_without_a_table_figure_and_a_blank_percentage():
    findings = assert_fails(_saying("2024年政府性基金支出预算支出万元。与上年相比增长%。"), "NARR-BLANK-AMOUNT", count=2)
    assert findings[0].expected is None and "请填写金额（没有的填 0）" in findings[0].message
    assert "百分比未填写" in findings[1].message


def test_units_and_figures_are_not_blanks():
    assert_passes(_saying("单位：万元。金额单位:万元。金额单位为元。基本支出 83 万元，增长 1.5%，占 67%。数百万元的项目。"),
                  "NARR-BLANK-AMOUNT")


def test_holidays_and_bounds_without_a_figure_are_not_blanks():
    assert_passes(_saying("严格控制安排元旦春节期间公务接待；减少了元旦、元宵节的慰问活动。", "“三公”经费情况说明"),
                  "NARR-BLANK-AMOUNT")
    assert_passes(_saying("培育主营业务收入亿元以上工业企业，更新单价万元以上的设备。", "职能职责"), "NARR-BLANK-AMOUNT")


def test_a_total_stated_as_zero_where_the_table_has_a_figure():
    builder = consistent().drop_claims("revenue_total").claim(
        "revenue_total", "0", "收入预算", text="2024 年收入预算 0 万元。")
    [finding] = assert_fails(builder, "NARR-ZERO-TOTAL", table="narrative")
    assert (finding.provided, finding.expected) == (Decimal("0"), Decimal("123"))
    assert "写作 0" in finding.message


def test_a_zero_whose_subject_came_from_the_heading_is_left_to_the_amount_rule():
    builder = consistent().claim("expenditure_total", "0", "支出预算", text="4.结转下年资金预算数为0万元。")
    assert_passes(builder, "NARR-ZERO-TOTAL")
    assert_passes(consistent().claim("project", "0", "项目支出", text="项目支出 0 万元。"), "NARR-ZERO-TOTAL")  # not a total


def test_an_empty_reason():
    [finding] = assert_fails(_saying("“三公”经费比上年减少 1 万元，主要原因是。"), "NARR-EMPTY-REASON")
    assert "「…费比上年减少 1 万元，主要原因是。」，请写明增减变化的原因" in finding.message
    assert_fails(_saying("机关运行经费持平，原因：；公务接待费减少。"), "NARR-EMPTY-REASON", count=1)


def test_a_reason_given_is_no_finding():
    assert_passes(_saying("比上年减少 1 万元，主要原因是压减公务接待。增减变化应说明原因。"), "NARR-EMPTY-REASON")
    # a line ending in 主要原因: whose reason the reader set on a line of its own
    assert_passes(_saying("决算数小于预算数的主要原因:\n严格落实中央八项规定。"), "NARR-EMPTY-REASON")


@pytest.mark.parametrize("text,mark", [
    ("2024 年“三公经费预算 5 万元。", "左引号“"),
    ("根据《预算法的规定编制。", "书名号《"),
    ("平均得分 99 分(其中,优 3 个。", "左括号（"),
    ("三公”经费预算 5 万元。", "右引号”"),
])
def test_a_mark_without_its_partner(text, mark):
    [finding] = assert_fails(_saying(text), "HYGIENE-PAIRED-MARKS", table="narrative")
    assert f"中的{mark}没有与之配对的另一半" in finding.message


def test_a_heading_that_runs_on_into_its_text_pairs_its_marks_there():
    # Fuzhou's glossary: the entry's first line read as a heading, the rest as its text
    builder = consistent().section("其他收入:指除上述“财政拨款收入”、“事业收", "入”、“事业单位经营收入”等以外的收入。")
    assert_passes(builder, "HYGIENE-PAIRED-MARKS")
    builder.section("机关运行经费:为保障行政单位(包括参照公务", "员法管理的事业单位运行的公用经费。")
    [finding] = assert_fails(builder, "HYGIENE-PAIRED-MARKS")
    assert "左括号（" in finding.message


def test_paired_marks_and_numbered_items_are_fine():
    assert_passes(_saying("根据《预算法》，“三公”经费（含‘公务接待’）为 5 万元(见表七)；1)人员 2)公用。"),
                  "HYGIENE-PAIRED-MARKS")
    assert_passes(_saying("政府采购预算 20 万元，主要包括1)办公电脑;2)打印机。"), "HYGIENE-PAIRED-MARKS")
    # after a word, in an open bracket, it is the bracket's closer: the bracket is paired
    assert_passes(_saying("政府采购预算 20 万元(详见附件1)。"), "HYGIENE-PAIRED-MARKS")


@pytest.mark.parametrize("text,shown", [
    ("减少了该项支出。。", "。。"), ("收入,,支出", ",,"), ("主要原因是人员减少，。", "，。"), ("其中:;基本支出", ":;"),
])
def test_doubled_punctuation(text, shown):
    [finding] = assert_fails(_saying(text), "HYGIENE-PUNCTUATION", table="narrative")
    assert f"重复的标点“{shown}”" in finding.message


def test_ellipses_and_thousands_are_not_doubled_punctuation():
    assert_passes(_saying("收入 1,234.56 万元……等。其中：基本支出，项目支出。"), "HYGIENE-PUNCTUATION")


def test_an_as_of_date_of_the_wrong_year_in_a_budget():
    [finding] = assert_fails(_saying("截至2022年12月31日，共有车辆 1 辆。", "国有资产占有使用情况"), "NARR-DATE-YEAR",
                             table="narrative", severity="warning")
    assert (finding.provided, finding.expected) == ("2022", "2023 年")
    assert_fails(_saying("截止 2024 年 12 月，共有车辆 1 辆。"), "NARR-DATE-YEAR", count=1)  # after the budget is out


@pytest.mark.parametrize("text", ["截至2023年12月31日共有车辆1辆。", "截至 2023 年底共有车辆 1 辆。",
                                  "截至2023年8月31日共有车辆1辆。", "截至2024年3月共有车辆1辆。"])
def test_as_of_dates_a_budget_may_give(text):
    assert_passes(_saying(text), "NARR-DATE-YEAR")


def test_a_target_to_reach_by_a_later_date_is_no_as_of_date():
    assert_passes(_saying("截至2025年底建成5G基站800个，截止2026年累计完成改造30个。", "职能职责"), "NARR-DATE-YEAR")
    assert_fails(_saying("截至2024年底，共有车辆 1 辆，建成车棚 1 个。"), "NARR-DATE-YEAR", count=1)


def test_a_final_counts_its_assets_at_the_end_of_its_year():
    assert_fails(_saying("截至2023年12月31日，共有车辆 1 辆。", year=2024, kind="final"), "NARR-DATE-YEAR", count=1,
                 says="2024 年决算应说明截至 2024 年")
    assert_passes(_saying("截至2024年12月31日，共有车辆 1 辆。", year=2024, kind="final"), "NARR-DATE-YEAR")


def test_a_heading_of_another_year():
    [finding] = assert_fails(consistent().section("2023年“三公”经费预算情况说明", "“三公”经费 5 万元。"),
                             "HYGIENE-HEADING-YEAR", table="narrative")
    assert (finding.provided, finding.expected) == ("2023", "2024")
    title = consistent().configure("procurement", title="某市测试局2023年政府采购预算表")
    assert_fails(title, "HYGIENE-HEADING-YEAR", table="procurement", count=1)


def test_headings_of_the_year_or_comparing_it_are_fine():
    assert_passes(consistent().section("2024年“三公”经费预算情况说明", "比2023年减少。"), "HYGIENE-HEADING-YEAR")
    assert_passes(consistent().section("2024年与2023年预算对比情况"), "HYGIENE-HEADING-YEAR")
    # a year in the text (not the heading) is HYGIENE-YEAR's and NARR-BASE-YEAR's
    assert_passes(consistent().section("“三公”经费", "2023年为 6 万元。"), "HYGIENE-HEADING-YEAR")
    # a heading on last year's work or next year's plan
    assert_passes(consistent().section("2023年度主要工作完成情况", "完成了既定任务。"), "HYGIENE-HEADING-YEAR")
    assert_passes(consistent().section("2025年工作计划", "继续推进。"), "HYGIENE-HEADING-YEAR")


def test_a_comparison_no_claim_carries_is_checked_for_its_year():
    [finding] = assert_fails(_saying("政府性基金预算支出与2022年持平。"), "NARR-BASE-YEAR", table="narrative")
    assert (finding.provided, finding.expected) == ("2022", "2023 年")
    assert_passes(_saying("政府性基金预算支出与2023年持平。"), "NARR-BASE-YEAR")
    assert_passes(_saying("支出比2022年决算数增加 3 万元。"), "NARR-BASE-YEAR")  # says it compares with a final


def test_a_policy_target_against_its_base_year_is_no_budget_comparison():
    text = "力争全区规模以上工业增加值比2020年翻一番，推动单位工业增加值能耗较2020年下降13.5%。"
    assert_passes(_saying(text, "职能职责"), "NARR-BASE-YEAR")


def test_a_final_may_compare_with_its_budget_or_the_year_before():
    for year in (2023, 2024):
        assert_passes(_saying(f"支出决算与{year}年相比增加。", year=2024, kind="final"), "NARR-BASE-YEAR")
    assert_fails(_saying("支出决算与2022年相比增加。", year=2024, kind="final"), "NARR-BASE-YEAR", count=1)


@pytest.mark.parametrize("text,left", [
    ("与上年相比增加(减少)0万元。", "增加(减少)"), ("比上年增长（下降）5%。", "增长（下降）"), ("下降(增长)27.78%。", "下降(增长)"),
])
def test_both_direction_words_of_the_template_left_in(text, left):
    [finding] = assert_fails(_saying(text), "HYGIENE-PLACEHOLDER", table="narrative")
    assert f"未选定的增减用词“{left}”" in finding.message


_HAND_WRITTEN = """某市测试局2026年部门预算情况说明
一、部门收支总体情况
2026年一般公共预算财政拨款支出120.00万元，比2025年{direction}4.00%，{word}5.00万元，主要原因是人员减少。
二、“三公”经费情况说明
2026年“三公”经费预算5.00万元，与2025年持平。
三、国有资产占有使用情况
截至{as_of}年12月31日，本部门共有车辆1辆。
某市测试局一般公共预算支出表
单位：万元
科目编码	科目名称	上年预算数	合计	基本支出	项目支出
	合计	125.00	120.00	80.00	40.00
201	一般公共服务支出	125.00	120.00	80.00	40.00
"""


def _read(direction="下降", word="减少", as_of="2025"):
    text = _HAND_WRITTEN.format(direction=direction, word=word, as_of=as_of)
    return parse_bytes(text.encode("utf-8"), "hand-written.txt")


def test_read_text_passes_when_percent_direction_and_date_agree():
    disclosure = _read()
    stated = next(c for c in disclosure.narrative.claims if c.subject == "fiscal_expenditure")
    assert (stated.change, stated.direction, stated.change_percent) == (Decimal("5.00"), "减少", Decimal("4.00"))
    for rule_id in ("NARR-PERCENT", "NARR-DIRECTION", "NARR-DATE-YEAR", "NARR-BASE-YEAR", "NARR-SCOPE-WORDING"):
        assert_passes(disclosure, rule_id)


def test_read_text_a_rise_the_tables_show_as_a_fall():
    [finding] = assert_fails(_read(direction="增长", word="增加"), "NARR-DIRECTION")
    assert "表中本年与上年之差为 -5.00 万元" in finding.message


def test_read_text_a_percentage_that_does_not_recompute():
    text = _HAND_WRITTEN.format(direction="下降", word="减少", as_of="2025").replace("4.00%", "5.00%")
    [finding] = assert_fails(parse_bytes(text.encode("utf-8"), "hand-written.txt"), "NARR-PERCENT")
    assert (finding.provided, finding.expected) == (Decimal("5.00"), Decimal("4.00"))


def test_read_text_an_as_of_date_copied_from_an_older_budget():
    [finding] = assert_fails(_read(as_of="2024"), "NARR-DATE-YEAR")
    assert finding.message.startswith("情况说明“国有资产占有使用情况”所述情况截至 2024 年 12 月")


def test_read_text_flat_where_the_tables_show_a_change():
    text = _HAND_WRITTEN.format(direction="下降", word="减少", as_of="2025").replace(
        "比2025年下降4.00%，减少5.00万元", "与2025年持平")
    [finding] = assert_fails(parse_bytes(text.encode("utf-8"), "hand-written.txt"), "NARR-DIRECTION")
    assert "写作“持平”，而表中本年与上年之差为 -5.00 万元" in finding.message


def test_prose_that_contains_an_old_name_is_not_a_class():
    assert_passes(_saying("加大生态环境保护支出力度。"), "NARR-CLASS-NAME")
    assert_fails(_saying("1.环境保护支出 3 万元。"), "NARR-CLASS-NAME", count=1, says="请改用“节能环保支出”")


_BOTH_YEARS = """某市测试局2026年部门预算情况说明
一、机关运行经费
2026年机关运行经费预算{current}万元，比2025年预算6.00万元{direction}{change}万元，{pct_word}{pct}%。
"""


def _both_years(current="5.00", direction="减少", change="1.00", pct_word="下降", pct="16.67"):
    text = _BOTH_YEARS.format(current=current, direction=direction, change=change, pct_word=pct_word, pct=pct)
    return parse_bytes(text.encode("utf-8"), "both-years.txt")


def test_the_amount_after_the_comparison_is_the_other_years_figure():
    claims = {(c.year, c.value) for c in _both_years().narrative.claims if c.subject == "operating_cost"}
    assert claims == {(2026, Decimal("5.00")), (2025, Decimal("6.00"))}
    for rule_id in ("NARR-PERCENT", "NARR-DIRECTION", "NARR-BASE-YEAR", "NARR-SAME-SUBJECT"):
        assert_passes(_both_years(), rule_id)


def test_a_percentage_recomputed_from_the_two_stated_amounts():
    # no change amount stated: 5.00 against 6.00 is a fall of 16.67%, not 20%
    text = "某市测试局2026年部门预算情况说明\n一、机关运行经费\n2026年机关运行经费预算5.00万元，比2025年预算6.00万元下降20.00%。\n"
    [finding] = assert_fails(parse_bytes(text.encode("utf-8"), "x.txt"), "NARR-PERCENT")
    assert (finding.provided, finding.expected) == (Decimal("20.00"), Decimal("16.67"))


def test_a_direction_the_two_stated_amounts_contradict():
    [finding] = assert_fails(_both_years(direction="增加", pct_word="增长"), "NARR-DIRECTION")
    assert "写作“增加”，而所述两年金额之差为 -1.00 万元" in finding.message


def test_a_wrong_comparison_a_claim_carries_is_reported_once():
    sentence = "支出预算 123 万元，比2022年减少 7 万元。"
    builder = _saying(sentence).claim("operating_cost", "15", "机关运行经费", change="7", direction="减少",
                                      compared_year=2022, text=sentence)
    assert_fails(builder, "NARR-BASE-YEAR", count=1, says="与 2022 年比较")


def test_a_heading_of_the_template_alone_is_no_finding():
    # 重庆 heads every 部门预算 "一、单位基本情况" and calls itself 部门 throughout
    assert_passes(consistent().section("单位基本情况").section("机构设置", "本部门由局本级构成。", 2),
                  "NARR-SCOPE-WORDING")


def test_the_definitions_speak_of_any_unit():
    definitions = consistent().section("专业性名词解释").section(
        "附属单位上缴收入", "指本单位所属下级单位上缴给本单位的收入。", 2)
    assert_passes(definitions, "NARR-SCOPE-WORDING")


@pytest.mark.parametrize("text", ["严格执行“过紧日子”要求，尽量在本单位会议室安排会议。", "培训原则上在本单位内部组织。",
                                  "会议安排在本单位的会议室召开。"])
def test_a_place_of_the_unit_is_ordinary_wording_not_its_name_for_itself(text):
    # 苏州 部门预算 p.38: "尽量在本单位会议室安排会议"
    assert_passes(_saying(text, "会议费预算情况说明"), "NARR-SCOPE-WORDING")


def test_a_unit_report_after_its_glossary_still_speaks_of_itself():
    # Shanghai 单位预算: the glossary, then "2026年单位预算编制说明" and "其他相关情况说明" (unnumbered, read one level
    # below the last glossary entry): the parts after the glossary are the document's own words
    builder = doc().section("上海某学院(单位)主要职能", "负责高等职业教育。", 0).section("名词解释", "", 0)
    builder.section("机关运行经费", "指行政单位使用一般公共预算财政拨款安排的日常公用经费支出。", 2)
    builder.section("2026年单位预算编制说明", "2026年，上海某学院收入预算5,004万元。", 3)
    builder.section("国有资产占有使用情况", "2026年部门预算安排购置车辆0辆；单位预算安排购置设备0台（套）。", 1)
    assert_fails(_as_unit(builder), "NARR-SCOPE-WORDING", count=1, says="部门预算安排")


# -- 类/款/项 chains named as the classification names them -----------------------------------------

def test_a_sub_item_that_is_not_under_its_item():
    # 长沙 p.10: 职业教育 is the 款 20503, not a 项 of 20502 普通教育; the chain printed twice is told once
    text = "教育支出(类)普通教育(款)职业教育(项):反映职业教育支出。教育支出(类)普通教育(款)职业教育(项)10.00万元。"
    [finding] = assert_fails(_saying(text), "NARR-CLASS-NAME", severity="warning")
    assert "“职业教育”不是20502 普通教育下的项（“职业教育”是20503 款）" in finding.message


def test_an_item_that_is_not_under_its_class():
    # 普陀 p.24: the 款 of 住房公积金 is 22102 住房改革支出
    text = "12、住房保障支出(类)住房保障支出(款)住房公积金(项)。主要用于:住房公积金。"
    assert_fails(_saying(text), "NARR-CLASS-NAME", count=1, says="“住房保障支出”不是221 住房保障支出下的款")


def test_a_chain_named_as_the_classification_names_it():
    text = ("教育支出(类)职业教育(款)其他职业教育支出(项)10.00万元;住房保障支出(类)住房改革支出(款)住房公积金(项)2万元;"
            "卫生健康支出(类)公立医院(款)中医(民族)医院(项)3万元;一般公共服务支出(类)人大事务(款)行政运行支出(项)1万元。")
    assert_passes(_saying(text), "NARR-CLASS-NAME")


def test_a_line_the_tables_print_is_a_line_of_the_classification():
    # a 项 the catalog may lack: the tables print it under that 款
    text = "公共安全支出(类)强制隔离戒毒(款)戒毒所设施维护(项)5万元。"
    assert_fails(_saying(text), "NARR-CLASS-NAME", count=1)
    builder = _saying(text).add_row(
        "general_expenditure", ("2040899", "戒毒所设施维护", {"prior_year": "", "total": "5", "basic": "", "project": "5"}))
    assert_passes(builder, "NARR-CLASS-NAME")


def _with_sub_items(text, year):
    row = ("2010301", "行政运行", {"total": "5"})
    return doc(year=year).table("general_expenditure", [row]).section("支出预算情况", text)


def test_an_earlier_name_is_right_in_the_years_it_was_valid():
    text = "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)信访事务(项)5万元。"
    assert_passes(_with_sub_items(text, 2022), "NARR-CLASS-NAME")
    assert_fails(_with_sub_items(text, 2026), "NARR-CLASS-NAME", count=1, says="“信访事务”不是20103")


def test_without_printed_lines_of_that_level_the_years_names_are_not_known():
    # 江苏 2017, a narrative-only file: 行政事业单位离退休(款) was 20805's name then
    text = "社会保障和就业支出(类)行政事业单位离退休(款)未归口管理的行政单位离退休(项)支出1,509.72万元。"
    assert_passes(doc(year=2017).section("支出预算情况", text), "NARR-CLASS-NAME")
    only_classes = doc(year=2017).table("general_expenditure", [("208", "社会保障和就业支出", {"total": "1509.72"})])
    assert_passes(only_classes.section("支出预算情况", text), "NARR-CLASS-NAME")


def test_a_chain_printing_its_codes_or_starting_at_its_item_is_not_placed_by_name():
    assert_passes(_saying("公共安全支出(204类)司法(06款)不存在的项(01项)5万元。"), "NARR-CLASS-NAME")
    assert_passes(_saying("普通教育(款)职业教育(项)5万元。"), "NARR-CLASS-NAME")
@pytest.mark.parametrize("text,bare", [
    ("5．法院（款）案件执行（项）支出 950 万元，与上年相比减少 100 万元，减少 9.52，主要原因是压减了执行经费。", "9.52"),
    ("支出决算为 9,747.31 万元，比 2023 年度增加 1193.20 万元，增长 13.95。主要原因是项目增加。", "13.95"),
])
def test_a_percent_printed_without_its_sign(text, bare):
    [finding] = assert_fails(_saying(text), "HYGIENE-PERCENT-SIGN", table="narrative", severity="warning")
    assert f"增减幅度 {bare} 缺少百分号" in finding.message


@pytest.mark.parametrize("text", [
    "支出 950 万元，比上年减少 100 万元，减少 9.52%，主要原因是压减经费。",
    "人员经费增加 10 万元，增加 5 人，主要原因是新进人员。",
    "支出增加 10 万元，增长 1 倍。", "支出增加 10 万元，增长 2 个百分点。",
    "比上年减少 100 万元，减少的主要原因是压减经费。",
])
def test_numbers_that_are_no_percent_or_carry_their_sign(text):
    assert_passes(_saying(text), "HYGIENE-PERCENT-SIGN")


def _court(text, rows=(("20405", "法院"), ("2040501", "行政运行"), ("2040502", "一般行政管理事务"))):
    """江苏 法院: the 类 a heading of its own, each 项 named after its 款 ("法院(款)行政运行(项)")."""
    lines = [(code, name, {"total": "5"}) for code, name in rows]
    return doc(year=2019).table("general_expenditure", lines).section("公共安全(类)", text)


def test_an_item_named_under_its_section_when_the_class_is_a_heading():
    # 法院 2019 p.20: "2．法院（款）一般行政事务管理（项）支出 5804.83 万元": 2040502 is 一般行政管理事务
    text = "1.法院(款)行政运行(项)支出17279.29万元。2.法院(款)一般行政事务管理(项)支出5804.83万元。"
    [finding] = assert_fails(_court(text), "NARR-CLASS-NAME", says="“一般行政事务管理”不是20405 法院下的项")
    assert finding.provided == "一般行政事务管理"
    assert_passes(_court(text.replace("一般行政事务管理", "一般行政管理事务")), "NARR-CLASS-NAME")


def test_a_section_the_tables_do_not_place_names_nothing():
    text = "2.法院(款)一般行政事务管理(项)支出5804.83万元。"
    # no 款 line printed: which 法院 is unsure (the 类 is in a heading the chain does not read)
    assert_passes(_court(text, rows=(("2040502", "一般行政管理事务"),)), "NARR-CLASS-NAME")
    # no 项 line printed: the names of the year are not shown
    assert_passes(_court(text, rows=(("204", "公共安全支出"), ("20405", "法院"))), "NARR-CLASS-NAME")


def test_a_section_marked_as_its_class():
    # 江苏人大 2019 p.14: under 住房保障支出(类), 住房改革支出 is the 款 22102, printed with the mark (类)
    text = "1.住房改革支出(类)住房公积金(项)8万元，与上年相比增加0万元。"
    [finding] = assert_fails(_saying(text, title="(三)住房保障支出(类)"), "NARR-CLASS-NAME", severity="warning")
    assert "“住房改革支出”标为类，而它是221 住房保障支出下的款（22102）" in finding.message


def test_a_section_marked_as_its_class_in_a_narrative_without_tables():
    # a 2019 narrative-only file: 20805 was then named 行政事业单位离退休, and its 项 says which 款 it is
    text = "2.行政事业单位离退休(类)机关事业单位基本养老保险缴费支出(项)607.1万元，与上年相比增加27.09万元。"
    [finding] = assert_fails(doc(year=2019).section("(二)社会保障和就业支出(类)", text), "NARR-CLASS-NAME")
    assert "它是208 社会保障和就业支出下的款（20805）" in finding.message


def test_a_class_and_item_without_a_section_between_them_is_no_wrong_mark():
    # the 款 left out is no wrong mark; a name that is a 款 whose 项 does not follow is doubtful
    for text in ("住房保障支出(类)住房公积金(项)8万元。", "住房改革支出(类)行政运行(项)8万元。"):
        assert_passes(_saying(text), "NARR-CLASS-NAME")


def test_a_point_between_two_chinese_words():
    [finding] = assert_fails(_saying("负责新品种、新农具．新技术引进。"), "HYGIENE-POINT-IN-WORDS", table="narrative",
                             severity="warning")
    assert "「负责新品种、新农具．新技术引进。」" in finding.message


@pytest.mark.parametrize("text", ["一.基本情况：负责新技术引进。", "收入 1.5 万元。", "详见附件.xlsx。", "负责新品种、新农具、新技术引进。"])
def test_points_that_are_no_slip(text):
    assert_passes(_saying(text), "HYGIENE-POINT-IN-WORDS")


def test_a_classification_name_cut_short():
    [finding] = assert_fails(_saying("提租补贴（项）8 万元，比上年增加 1 万元，主要原因是提租补政策性调整。"), "HYGIENE-NAME-CUT",
                             table="narrative", severity="warning")
    assert (finding.provided, finding.expected) == ("提租补", "提租补贴")
    assert "主要原因是提租补政策性调整。」，应为“提租补贴”" in finding.message


@pytest.mark.parametrize("text", [
    "提租补贴 8 万元，主要原因是提租补贴政策性调整。",  # whole
    "负责离退休人员管理，办理信访事项。",  # 离退休费 and 信访事务 cut short are words
    "公务用车购臵和运行维护费 2 万元。",  # 臵: a character the dictionary does not know (a font's mapping of 置)
    "主要用于提租补。",  # the sentence ends there: no character after the cut to tell it from a word
    "配合做好区科技馆建设和体育场建设相关工作。",  # 科技馆站 and 体育场馆 cut short are words
    "同步减少差旅费、其他交通费等公用经费。",  # so is 其他交通费用 (交通费)
])
def test_names_cut_short_that_are_no_slip(text):
    assert_passes(_saying(text), "HYGIENE-NAME-CUT")
