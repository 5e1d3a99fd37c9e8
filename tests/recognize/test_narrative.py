"""Narrative recognition: sections, and the amounts the text states as claims.

Expected values are written by hand from reading the text, not produced by the code.
"""

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.model import Claim, Unit, convert
from yusuan.readers import read_path
from yusuan.readers.text import read_text
from yusuan.recognize.narrative import contents_entries, narrative_lines, read_change_mentions, read_narrative

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tongnan-jxw-2024-budget.txt"


def lines_of(text: str):
    return read_text(text.encode(), "x.txt").lines


def claims_of(text: str, year: int | None = 2024, unit: Unit = Unit.wanyuan) -> list[Claim]:
    return read_narrative(lines_of(text), unit, year).claims


def only(claims: list[Claim], subject: str) -> Claim:
    found = [c for c in claims if c.subject == subject]
    assert len(found) == 1, (subject, [c.subject for c in claims])
    return found[0]


def change_of(claim: Claim) -> tuple:
    return claim.value, claim.change, claim.direction, claim.change_percent, claim.compared_year


# --- sections ---


def test_sections_of_every_numbering_style_with_their_level_and_line():
    text = "\n".join([
        "第一部分 部门概况",
        "一、单位基本情况",
        "(一)职能职责",
        "1.负责全区工业经济运行。承担行业管理。",
        "2.拟订规划;组织实施。",
        "(二)单位构成",
        "本部门由本级构成。",
        "二、其他重要事项的情况说明",
        "1.机关运行经费。2024年机关运行经费10万元。",
        "(1)公务接待费支出情况。",
    ])  # fmt: skip
    sections = read_narrative(lines_of(text), Unit.wanyuan, 2024).sections
    assert [(s.level, s.number, s.title) for s in sections] == [
        (0, "第一部分", "部门概况"),
        (1, "一", "单位基本情况"),
        (2, "(一)", "职能职责"),
        (2, "(二)", "单位构成"),
        (1, "二", "其他重要事项的情况说明"),
        (3, "1", "机关运行经费"),
        (4, "(1)", "公务接待费支出情况"),
    ]
    assert [s.source.line for s in sections] == [1, 2, 3, 6, 8, 9, 10]


def test_numbered_duties_are_text_not_headings():
    text = "(一)职能职责\n1.负责全区工业经济运行。承担行业管理。\n8.负责本区招商引资工作。"
    sections = read_narrative(lines_of(text), Unit.wanyuan, 2024).sections
    assert [s.title for s in sections] == ["职能职责"]
    assert "8.负责本区招商引资工作。" in sections[0].text


def test_a_duty_list_outside_a_duties_section_is_still_not_headings():
    text = "一、主要任务说明\n8.负责本区工业和生产性服务业招商引资工作。\n5.指导各种经济成份的工业企业;拟订思路。"
    assert [s.title for s in read_narrative(lines_of(text), Unit.wanyuan, 2024).sections] == ["主要任务说明"]


def test_a_heading_with_its_text_run_on_keeps_the_text():
    sections = read_narrative(lines_of("- 2.政府采购情况。单位政府采购货物预算20万元。"), Unit.wanyuan, 2024).sections
    assert (sections[0].number, sections[0].title, sections[0].text) == ("2", "政府采购情况", "单位政府采购货物预算20万元。")


# --- amounts and changes ---


def test_what_a_fee_brings_in_is_none_of_the_departments_figures():
    # 北京-6fbc3170 p.9: the fee's expected income under a section on fees, beside the department's revenue
    claims = claims_of("一、收支预算总体情况\n收入预算1,048,475.73万元。\n(三)重点行政事业性收费情况说明\n"
                       "2026年北京市水务局行政事业性收费项目名称:污水处理费,收费标准:居民1.36元/吨,收入预计190000万元。")
    assert [(c.subject, c.value) for c in claims] == [("revenue_total", Decimal("1048475.73"))]


def test_change_in_the_next_clause_attaches_to_the_amount_it_follows():
    claim = only(claims_of("基本支出 1,379.35 万元,比 2023年减少 49.71 万元,主要原因是退休4人。"), "basic")
    assert change_of(claim) == (Decimal("1379.35"), Decimal("49.71"), "减少", None, 2023)
    assert claim.unit == Unit.wanyuan and claim.year == 2024


def test_increase_compared_with_last_year():
    claim = only(claims_of("项目支出2426万元,比上年增加200万元。"), "project")
    assert change_of(claim) == (Decimal("2426"), Decimal("200"), "增加", None, 2023)


def test_compared_with_a_named_years_budget():
    claim = only(claims_of("2024年收入预算3,805.35万元,较2023年预算减少1,023.71万元。"), "revenue_total")
    assert change_of(claim) == (Decimal("3805.35"), Decimal("1023.71"), "减少", None, 2023)


def test_flat_is_a_zero_change():
    claim = only(claims_of("公务接待费30万元,与上年持平。"), "reception")
    assert change_of(claim) == (Decimal("30"), Decimal("0"), "持平", None, 2023)


def test_flat_after_a_list_holds_for_each_amount_in_it():
    claims = claims_of("2024年政府性基金预算收入0万元,政府性基金预算支出0万元,与2023年持平。")
    assert [(c.subject, c.direction, c.compared_year) for c in claims] == [
        ("gov_fund_revenue", "持平", 2023),
        ("gov_fund_expenditure", "持平", 2023),
    ]


def test_growth_percent_goes_with_the_change():
    claim = only(claims_of("项目支出2426万元,比上年增加200万元,增长12.5%。"), "project")
    assert change_of(claim) == (Decimal("2426"), Decimal("200"), "增加", Decimal("12.5"), 2023)


def test_percent_alone_gives_direction_without_amount():
    claim = only(claims_of("基本支出1,379.35万元,比上年下降3.2%。"), "basic")
    assert change_of(claim) == (Decimal("1379.35"), None, "减少", Decimal("3.2"), 2023)


def test_amounts_in_yuan_keep_their_unit():
    claim = only(claims_of('2024年"三公"经费预算365,000元,比2023年减少140,000元。'), "three_public_total")
    assert (claim.value, claim.unit, claim.change) == (Decimal("365000"), Unit.yuan, Decimal("140000"))


def test_change_printed_without_unit_takes_the_unit_of_its_amount():
    claim = only(claims_of("公务接待费30万元,比上年减少13,主要原因是厉行节约。"), "reception")
    assert (claim.change, claim.direction, claim.unit) == (Decimal("13"), "减少", Unit.wanyuan)


def test_zero_amount_is_a_claim():
    assert only(claims_of("因公出国(境)费用0万元。"), "overseas").value == Decimal("0")


def test_year_stated_before_the_amount_wins_over_the_document_year():
    claim = only(claims_of("2023年支出预算3,000万元。"), "expenditure_total")
    assert claim.year == 2023


def test_no_year_given_and_none_stated():
    claim = only(claims_of("项目支出2426万元,比上年减少974万元。", year=None), "project")
    assert (claim.year, claim.compared_year) == (None, None)


def test_counts_are_not_claims():
    assert claims_of("截止 2023 年 12 月,部门共有车辆 2 辆,其中一般公务用车 2 辆。2024 年购置车辆 0 辆。") == []


def test_amount_with_no_known_subject_is_not_a_claim_and_takes_no_change():
    claims = claims_of("项目支出2426万元,其中市级专项资金1000万元,比上年减少974万元。")
    assert [(c.subject, c.value, c.change) for c in claims] == [("project", Decimal("2426"), None)]


def test_amount_wrapped_onto_the_next_line_points_at_the_line_it_starts_on():
    claim = only(claims_of("其中:基本支出 1,379.35\n万元,比上年减少\n49.71 万元。"), "basic")
    assert (claim.value, claim.change, claim.source.line) == (Decimal("1379.35"), Decimal("49.71"), 1)


def test_yi_yuan_is_kept_as_printed():
    # a finding quotes "1.2 亿元", the words the reader can search for; compared, it is 12,000 万元
    claim = only(claims_of("2024年支出预算1.2亿元,比上年减少300万元。"), "expenditure_total")
    assert (claim.value, claim.unit) == (Decimal("1.2"), Unit.yi)
    assert claim.change == Decimal("0.03")  # the change in the unit of the amount it changes
    assert convert(claim.value, claim.unit, Unit.wanyuan) == Decimal("12000")


# --- subjects ---


def test_income_sources_under_a_revenue_total():
    claims = claims_of(
        "(一)收入预算:2024年年初预算数100万元,其中:一般公共预算拨款80万元,政府性基金预算拨款20万元,"
        "国有资本经营预算收入0万元,事业收入0万元,上级补助收入0万元,上年结转0万元。"
    )
    assert [c.subject for c in claims] == [
        "revenue_total", "revenue:general_budget", "revenue:gov_fund", "revenue:state_capital",
        "revenue:operating", "revenue:superior_subsidy", "revenue:carryover",
    ]  # fmt: skip
    assert claims[0].label == "收入预算"  # from the heading, the sentence names no subject


def test_sources_of_the_carried_over_money_are_not_this_years_income():
    # 苏州: the list of this year's sources is followed by the sources of the carry-over
    claims = claims_of(
        "二、收入预算情况说明\n2024年收入预算合计100万元,包括本年收入100万元,上年结转结余0万元。\n其中:\n"
        "本年一般公共预算收入80万元,占80%;\n本年政府性基金预算收入20万元,占20%;\n"
        "上年结转结余的一般公共预算收入0万元,占0%;\n上年结转结余的政府性基金预算收入0万元,占0%;\n"
        "上年结转结余的单位资金0万元,占0%。"
    )
    assert [(c.subject, c.value) for c in claims[2:]] == [
        ("revenue:carryover", Decimal("0")),
        ("revenue:general_budget", Decimal("80")),
        ("revenue:gov_fund", Decimal("20")),
        ("revenue:carryover_general_budget", Decimal("0")),
        ("revenue:carryover_gov_fund", Decimal("0")),
    ]  # the 单位资金 of the carry-over has no subject key


def test_a_sum_the_text_names_is_not_the_headings_subject():
    # 湖州: 人员支出 (by 支出用途) and 年终结转结余 open their paragraphs under the 支出预算 heading
    claims = claims_of(
        "(三)2024年支出预算情况说明\n2024年支出预算100万元。\n"
        "2.按支出用途分类,包括人员支出60万元,占60%;日常公用支出10万元,占10%;项目支出30万元,占30%。\n"
        "年终结转结余0万元。"
    )
    # 年终结转结余 is the carry-forward, not the 支出预算 of the heading
    assert [(c.subject, c.value) for c in claims] == [
        ("expenditure_total", Decimal("100")), ("project", Decimal("30")), ("carry_forward", Decimal("0"))]


def test_an_item_named_by_its_code_is_not_the_headings_subject_but_its_own():
    # 福州: one paragraph per 项 under the 一般公共预算拨款支出 heading; the code names the 项
    claims = claims_of("三、一般公共预算拨款支出情况\n2024年一般公共预算拨款支出100万元。\n"
                       "(六)2101202-财政对城乡居民基本医疗保险基金的补助90.00万元。主要用于补助支出。")
    assert [(c.subject, c.value) for c in claims] == [
        ("fiscal_expenditure", Decimal("100")), ("expenditure:2101202@general_budget", Decimal("90.00"))]


# --- fund scopes ---


def test_a_part_of_one_fund_and_the_items_it_lists_are_of_that_fund():
    # 重庆: the 政府采购 total with its kinds, then the 一般公共预算 part with its own kinds
    claims = claims_of(
        "(二)政府采购情况。政府采购预算总额100万元:政府采购货物预算30万元、政府采购服务预算70万元;"
        "其中一般公共预算拨款政府采购80万元:政府采购货物预算30万元、政府采购服务预算50万元。"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("procurement_total", Decimal("100")),
        ("procurement:goods", Decimal("30")),
        ("procurement:services", Decimal("70")),
        ("procurement_total@general_budget", Decimal("80")),
        ("procurement:goods@general_budget", Decimal("30")),
        ("procurement:services@general_budget", Decimal("50")),
    ]


def test_the_parts_listed_after_a_funds_spending_are_of_that_fund():
    claims = claims_of(
        "三、财政拨款情况说明\n2024年一般公共预算财政拨款支出100万元,比2023年增加10万元。其中:基本支出60万元,"
        "比2023年增加4万元;项目支出40万元,比2023年增加6万元。\n"
        "2024年支出预算150万元,其中:基本支出70万元,项目支出80万元。"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("fiscal_expenditure", Decimal("100")),
        ("basic@general_budget", Decimal("60")),
        ("project@general_budget", Decimal("40")),
        ("expenditure_total", Decimal("150")),
        ("basic", Decimal("70")),
        ("project", Decimal("80")),
    ]


def test_the_classes_of_the_project_spending_are_no_class_totals():
    # 长沙: "项目支出…其中:教育支出270.00万元" is the 项目支出 of 205, which no subject key names
    claims = claims_of("(二)项目支出:2024年本单位项目支出预算270.00万元,主要是单位为完成特定任务而发生的支出,"
                       "其中:教育支出270.00万元。\n2024年本单位支出预算656.73万元,其中:教育支出656.73万元。")
    assert [(c.subject, c.value) for c in claims] == [
        ("project", Decimal("270.00")), ("expenditure_total", Decimal("656.73")),
        ("expenditure:205", Decimal("656.73"))]


def test_a_fund_named_in_the_wording_or_the_heading_scopes_a_class():
    # 湖州: the same 类 of all funds, of all 财政拨款, of the 一般公共预算 and of the 政府性基金
    claims = claims_of("\n".join([
        "(三)2024年支出预算情况说明",
        "1.按支出功能分类,包括交通运输支出113万元。",
        "(四)2024年财政拨款收支预算情况的总体说明",
        "收入包括:一般公共预算当年拨款收入52万元、政府性基金当年拨款收入54万元;支出包括:交通运输支出106万元。",
        "(五)2024年一般公共预算当年拨款情况说明",
        "交通运输(类)支出52万元。",
        "(七)2024年政府性基金预算支出情况说明",
        "2.政府性基金预算当年拨款结构情况。",
        "交通运输(类)支出54万元。",
        "(八)其他",
        "政府性基金预算安排的交通运输支出54万元。",
    ]))
    assert [(c.subject, c.value) for c in claims if c.subject.startswith("expenditure:")] == [
        ("expenditure:214", Decimal("113")),
        ("expenditure:214@fiscal", Decimal("106")),
        ("expenditure:214@general_budget", Decimal("52")),
        ("expenditure:214@gov_fund", Decimal("54")),
        ("expenditure:214@gov_fund", Decimal("54")),
    ]


def test_spending_of_the_general_budget_named_without_the_word_fiscal():
    claims = claims_of("财政拨款支出预算中,一般公共预算拨款支出预算3,130万元,比2023年预算增加78万元。")
    assert [(c.subject, c.label, c.value) for c in claims] == [
        ("fiscal_expenditure", "一般公共预算拨款支出", Decimal("3130"))]


def test_a_page_number_inside_a_paragraph_is_not_its_text():
    claims = claims_of("其中一般公共预算\n— 7 —\n拨款政府采购80万元。")
    assert [(c.subject, c.text) for c in claims] == [
        ("procurement_total@general_budget", "其中一般公共预算拨款政府采购80万元。")]


def test_functional_classes_by_name_even_with_a_doubled_word():
    claims = claims_of("其中:一般公共服务支出 2,251.40 万元,资源勘探工业信息等支出支出 1100 万元,住房保障支出(类)61.54万元。")
    assert [(c.subject, c.value) for c in claims] == [
        ("expenditure:201", Decimal("2251.40")),
        ("expenditure:215", Decimal("1100")),
        ("expenditure:221", Decimal("61.54")),
    ]


def test_three_public_items():
    claims = claims_of(
        "“三公”经费40万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费10万元"
        "(公务用车购置费0万元,公务用车运行维护费10万元),公务接待费30万元。"
    )
    assert [c.subject for c in claims] == [
        "three_public_total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception",
    ]  # fmt: skip


def test_personnel_and_public_funds():
    claims = claims_of("基本支出1379.35万元,其中:人员经费1163.40万元,公用经费215.95万元。")
    assert [c.subject for c in claims] == ["basic", "personnel", "public"]


def test_procurement_by_kind_and_to_small_firms():
    claims = claims_of("2024年政府采购预算总额50万元,其中:货物类20万元,工程类0万元,服务类30万元;授予中小企业合同金额40万元。")
    assert [(c.subject, c.value) for c in claims] == [
        ("procurement_total", Decimal("50")),
        ("procurement:goods", Decimal("20")),
        ("procurement:works", Decimal("0")),
        ("procurement:services", Decimal("30")),
        ("procurement:sme", Decimal("40")),
    ]


def test_performance_targets_by_fund():
    claims = claims_of("实行绩效目标管理,涉及一般公共预算当年财政拨款2426万元,涉及政府性基金预算当年财政拨款0万元。")
    assert [c.subject for c in claims] == ["performance:general_budget", "performance:gov_fund"]


def test_bare_expenditure_in_a_section_about_one_item_is_that_item():
    claims = claims_of("(三)公务接待费支出情况。\n2023年公务接待24批次,支出2.05万元,较上年减少0.03万元,减少了1.44%。")
    claim = only(claims, "reception")
    assert change_of(claim) == (Decimal("2.05"), Decimal("0.03"), "减少", Decimal("1.44"), 2022)


def test_a_change_in_a_sentence_of_its_own_is_the_change_of_the_value_before():
    # jiangsu 人大 2018 p.21
    claims = claims_of("单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元,增长1312.56%。"
                       "主要原因是预留人员工资福利支出增加。")
    assert [(c.subject, *change_of(c)) for c in claims] == [
        ("reserve", Decimal("1685.72"), Decimal("1557.29"), "增加", Decimal("1312.56"), 2023)]


def test_a_change_in_a_sentence_of_its_own_after_a_list_is_not_the_last_items():
    # 重庆: "…灾害防治及应急管理支出20,889.67万元。比2025年减少29,815.76万元" is the change of the 支出 total
    claims = claims_of("按支出功能分类,包括教育支出54.94万元,灾害防治及应急管理支出20,889.67万元。"
                       "比2023年减少29,815.76万元,主要是项目支出减少。")
    assert [(c.subject, c.change) for c in claims] == [("expenditure:205", None), ("expenditure:224", None)]


def test_a_change_in_a_sentence_of_its_own_after_an_unknown_amount_is_nobodys():
    claims = claims_of("基本支出80万元,主要用于办公设备购置20万元。与上年相比增加5万元。")
    assert [(c.subject, *change_of(c)) for c in claims] == [("basic", Decimal("80"), None, None, None, None)]


def test_fiscal_income_and_spending_stated_together_or_as_budgeted_spending():
    # jiangsu 检察院 2018 p.25
    claims = claims_of(
        "四、财政拨款收支预算总体情况说明\n2018年度财政拨款收、支总预算21,940.96万元。与上年相比,财政拨款收、支总计"
        "各增加3,958.98万元,增长22%。\n五、财政拨款支出预算情况说明\n2018年财政拨款预算支出21,940.96万元,"
        "占本年支出合计的99.94%。与上年相比,财政拨款支出增加3,958.98万元,增长22%。", 2018)
    assert [(c.subject, *change_of(c)) for c in claims] == [
        ("fiscal_revenue", Decimal("21940.96"), Decimal("3958.98"), "增加", Decimal("22"), 2017),
        ("fiscal_expenditure", Decimal("21940.96"), Decimal("3958.98"), "增加", Decimal("22"), 2017),
    ]


def test_change_naming_its_subject_completes_that_subject_stated_earlier():
    claim = only(claims_of("支出预算100万元。支出较上年增加10万元。"), "expenditure_total")
    assert (claim.change, claim.direction, claim.compared_year) == (Decimal("10"), "增加", 2023)


# --- change-only mentions ---


def test_explained_change_without_its_amount_is_a_change_mention_not_a_claim():
    text = "(一)收入预算:2024年年初预算数100万元。收入较去年减少10万元,主要是基本支出减少4万元,项目支出增加2万元。"
    lines = lines_of(text)
    assert [c.subject for c in read_narrative(lines, Unit.wanyuan, 2024).claims] == ["revenue_total"]
    mentions = read_change_mentions(lines, Unit.wanyuan, 2024)
    assert [(m.subject, m.value, m.change, m.direction, m.compared_year) for m in mentions] == [
        ("basic", None, Decimal("4"), "减少", 2023),  # the comparison is the one just stated
        ("project", None, Decimal("2"), "增加", 2023),
    ]


# --- the example ---


@pytest.fixture(scope="module")
def example():
    lines = narrative_lines(read_path(EXAMPLE).lines)
    return lines, read_narrative(lines, Unit.wanyuan, 2024)


def test_example_narrative_ends_before_the_first_table(example):
    lines, _ = example
    assert (lines[0].number, lines[-1].number) == (1, 59)


def test_example_sections(example):
    _, narrative = example
    assert [(s.number, s.title) for s in narrative.sections if s.level == 1] == [
        ("一", "单位基本情况"), ("二", "部门收支总体情况"), ("三", "部门预算情况说明"),
        ("四", '"三公"经费情况说明'), ("五", "其他重要事项的情况说明"), ("六", "专业性名词解释"),
    ]  # fmt: skip
    assert [s.title for s in narrative.sections if s.level == 3] == [
        "机关运行经费", "政府采购情况", "绩效目标设置情况", "国有资产占有使用情况",
    ]  # fmt: skip


EXAMPLE_SUBJECTS = [
    # 二、(一)收入预算, line 30
    "revenue_total", "revenue:general_budget", "revenue:gov_fund", "revenue:state_capital",
    "revenue:operating", "revenue:business", "revenue:other",
    # (二)支出预算, line 31
    "expenditure_total", "expenditure:201", "expenditure:208", "expenditure:210", "expenditure:215",
    "expenditure:221",
    # 三、部门预算情况说明, lines 35 and 37: "一般公共预算财政拨款支出…。其中:基本支出…;项目支出…"
    "fiscal_revenue", "fiscal_expenditure", "basic@general_budget", "project@general_budget",
    "gov_fund_revenue", "gov_fund_expenditure",
    # 四、"三公"经费, line 41
    "three_public_total", "overseas", "reception", "vehicle_operation", "vehicle_purchase",
    # 五、其他重要事项, lines 45-47
    "operating_cost", "procurement:goods", "performance:general_budget", "performance:gov_fund",
]  # fmt: skip


def test_example_claim_subjects(example):
    _, narrative = example
    assert [c.subject for c in narrative.claims] == EXAMPLE_SUBJECTS


D = Decimal


@pytest.mark.parametrize(
    "subject, value, change, direction, compared_year, line",
    [
        ("revenue_total", D("3805.35"), D("1023.71"), "减少", 2023, 30),
        ("revenue:general_budget", D("3805.35"), None, None, None, 30),
        ("revenue:gov_fund", D("0"), None, None, None, 30),
        ("expenditure_total", D("3805.35"), D("1023.71"), "减少", 2023, 31),
        ("expenditure:201", D("2251.40"), None, None, None, 31),
        ("expenditure:208", D("313.75"), None, None, None, 31),
        ("expenditure:210", D("78.66"), None, None, None, 31),
        ("expenditure:215", D("1100"), None, None, None, 31),
        ("expenditure:221", D("61.54"), None, None, None, 31),
        ("fiscal_revenue", D("3805.35"), None, None, None, 35),
        ("fiscal_expenditure", D("3805.35"), D("1023.71"), "减少", 2023, 35),
        ("basic@general_budget", D("1379.35"), D("49.71"), "减少", 2023, 35),
        ("project@general_budget", D("2426"), D("974"), "减少", 2023, 35),
        ("gov_fund_revenue", D("0"), D("0"), "持平", 2023, 37),
        ("gov_fund_expenditure", D("0"), D("0"), "持平", 2023, 37),
        ("three_public_total", D("36.50"), D("14"), "减少", 2023, 41),
        ("overseas", D("0"), D("0"), "持平", 2023, 41),
        ("reception", D("30"), D("13"), "减少", 2023, 41),
        ("vehicle_operation", D("6.5"), D("1"), "减少", 2023, 41),
        ("vehicle_purchase", D("0"), D("0"), "持平", 2023, 41),
        ("operating_cost", D("215.95"), D("8.67"), "减少", 2023, 45),
        ("procurement:goods", D("20"), None, None, None, 46),
        ("performance:general_budget", D("2426"), None, None, None, 47),
        ("performance:gov_fund", D("0"), None, None, None, 47),
    ],
)
def test_example_claim(example, subject, value, change, direction, compared_year, line):
    _, narrative = example
    claim = only(narrative.claims, subject)
    stated = (claim.value, claim.change, claim.direction, claim.compared_year)
    assert stated == (value, change, direction, compared_year)
    assert (claim.unit, claim.year, claim.change_percent, claim.source.line) == (Unit.wanyuan, 2024, None, line)


def test_example_claims_carry_their_section_and_sentence(example):
    _, narrative = example
    basic = only(narrative.claims, "basic@general_budget")
    assert basic.section == "部门预算情况说明"
    assert basic.text.startswith("其中:基本支出1,379.35万元") and basic.text.endswith("基本支出减少;")
    assert only(narrative.claims, "expenditure:215").label == "资源勘探工业信息等支出支出"


def test_example_change_mentions(example):
    lines, _ = example
    mentions = read_change_mentions(lines, Unit.wanyuan, 2024)
    assert [(m.subject, m.change, m.direction, m.compared_year, m.source.line) for m in mentions] == [
        ("basic", D("49.71"), "减少", 2023, 30),
        ("project", D("974"), "减少", 2023, 30),
        ("basic", D("49.71"), "减少", 2023, 31),
        ("project", D("974"), "减少", 2023, 31),
    ]


# --- contents pages and tables left out ---

CONTENTS = "\n".join([
    "柞水县审计局2020年部门决算",
    "目录",
    "第一部分 部门概况",
    "一、部门主要职责",
    "第二部分 2020 年部门决算表",
    "一、收入支出决算总表",
    "二、收入决算总表",
    "第一部分 部门概况",
    "一、部门主要职责",
    "柞水县审计局是主管全县审计工作的县政府工作部门。",
    "第二部分 2020 年部门决算表",
    "收入支出决算总表",
    "单位:万元",
    "项目\t决算数\t项目\t决算数",
])  # fmt: skip


def test_a_contents_page_listing_tables_does_not_end_the_narrative():
    lines = narrative_lines(lines_of(CONTENTS))
    assert lines[-1].text == "柞水县审计局是主管全县审计工作的县政府工作部门。"


def test_a_contents_page_gives_no_sections():
    sections = read_narrative(narrative_lines(lines_of(CONTENTS)), Unit.wanyuan, 2020).sections
    assert [(s.number, s.title, s.source.line) for s in sections] == [("第一部分", "部门概况", 8), ("一", "部门主要职责", 9)]


def test_a_contents_pages_entries_are_kept_apart():
    entries = contents_entries(narrative_lines(lines_of(CONTENTS)))
    assert [(e.text, e.source.line) for e in entries] == [
        # the text reader takes out the spaces between Chinese words
        ("第一部分部门概况", 3), ("一、部门主要职责", 4), ("第二部分2020年部门决算表", 5),
        ("一、收入支出决算总表", 6), ("二、收入决算总表", 7),
    ]
    assert contents_entries(lines_of("一、部门主要职责\n负责审计。")) == []


def test_contents_entries_without_a_contents_line_are_dropped_when_printed_again():
    text = "一、部门主要职责.......3\n二、机构设置 PAGEREF _Toc8401 h 3\n一、部门主要职责\n负责审计。\n二、机构设置\n下设三个科室。"
    sections = read_narrative(lines_of(text), Unit.wanyuan, 2020).sections
    assert [(s.title, s.source.line) for s in sections] == [("部门主要职责", 3), ("机构设置", 5)]


def test_prose_on_both_sides_of_a_left_out_table_is_not_one_paragraph():
    lines = lines_of("联系人:张三\n" + "\n" * 30 + "2024年项目支出2426万元,比上年减少974万元。")
    claim = only(read_narrative(lines, Unit.wanyuan, 2024).claims, "project")
    assert claim.text == "2024年项目支出2426万元,比上年减少974万元。"


def test_only_the_first_unnamed_amount_takes_the_heading_as_its_subject():
    claims = claims_of("(一)收入预算:2024年年初预算数100万元。主要用于信息化项目80万元。")
    assert [(c.subject, c.value) for c in claims] == [("revenue_total", Decimal("100"))]


def test_a_contents_page_ends_where_its_first_entry_is_printed_again_even_reworded():
    text = "目 录\n第一部分:单位概况\n一、主要职能\n第二部分:2023年部门决算报表\n第一部分:柳城县人民政府办公室概况\n一、主要职能\n负责办理文电。"
    sections = read_narrative(lines_of(text), Unit.wanyuan, 2023).sections
    assert [(s.number, s.title, s.source.line) for s in sections] == [
        ("第一部分", "柳城县人民政府办公室概况", 5),
        ("一", "主要职能", 6),
    ]


SHANGHAI_LIKE = "\n".join([
    "上海市XX区2025年区级部门预算",
    "预算主管部门:上海市XX区商务委员会",
    "目录",
    "一、部门主要职能",
    "二、部门机构设置",
    "三、名词解释",
    "上海市XX区商务委员会主要职能",
    "上海市XX区商务委员会是主管全区产业经济的区政府工作部门,为正处级。",
    "主要职能包括:",
    "1、贯彻执行国家有关方针政策。",
    "上海市XX区商务委员会机构设置",
    "本部门中,行政单位1家,事业单位1家。",
    "名词解释",
    "(一)财政拨款收入:是区级预算主管部门从本级财政部门取得的财政拨款。",
    "一、2025年“三公”经费预算情况说明",
    "2025年“三公”经费预算数为1.00万元。",
])  # fmt: skip


def test_a_body_with_unnumbered_headings_after_a_numbered_contents_page():
    # Shanghai's district budgets: the contents numbers the parts, the body only names them
    sections = read_narrative(lines_of(SHANGHAI_LIKE), Unit.wanyuan, 2025).sections
    assert [(s.number, s.title, s.source.line) for s in sections] == [
        ("", "上海市XX区商务委员会主要职能", 7),
        ("", "上海市XX区商务委员会机构设置", 11),
        ("", "名词解释", 13),
        ("(一)", "财政拨款收入", 14),
        ("一", "2025年“三公”经费预算情况说明", 15),
    ]
    assert "1、贯彻执行" in sections[0].text  # a duty, not a heading
    renamed = SHANGHAI_LIKE.replace("名词解释", "名词释义")
    assert ("", "名词释义", 13) in [(s.number, s.title, s.source.line) for s in read_narrative(
        lines_of(renamed), Unit.wanyuan, 2025).sections]


def test_a_long_body_name_with_brackets_before_its_duties_is_a_heading():
    # Shanghai unit budgets: the body's other name and "(单位)" in brackets make the title over 30 characters
    text = "\n".join([
        "上海市统计和大数据研究院（上海市统计数据管理中心）（单位）主要职能",
        "上海市统计和大数据研究院（上海市统计数据管理中心）是上海市统计局下属全额拨款事业单位。",
        "主要职能包括：",
        "1.开展国际统计制度方法和理论研究，收集和整理国际统计相关资料。",
        "2.承办政府主管部门交办的其他事项。",
        "上海市统计和大数据研究院（上海市统计数据管理中心）（单位）机构设置",
        "单位设8个内设机构。",
    ])  # fmt: skip
    sections = read_narrative(lines_of(text), Unit.wanyuan, 2026).sections
    assert [(s.number, s.source.line) for s in sections] == [("", 1), ("", 6)]
    assert sections[0].title.endswith("(单位)主要职能") and "1.开展国际统计" in sections[0].text
    assert "交办的其他事项" in sections[0].text  # a duty, not a heading


def test_a_long_line_with_brackets_that_is_prose_is_no_heading():
    text = "一、部门职责\n本部门（含下属单位）负责全区商务工作，按照区委（区政府）部署履行\n职能职责\n等工作。"
    sections = read_narrative(lines_of(text), Unit.wanyuan, 2026).sections
    assert [s.title for s in sections] == ["部门职责"]


def test_the_rest_of_a_broken_sentence_is_not_an_unnumbered_heading():
    text = "一、部门预算说明\n本部门2025年收支预算的具体内容详见以下\n部门预算情况说明\n各表。"
    sections = read_narrative(lines_of(text), Unit.wanyuan, 2025).sections
    assert [s.title for s in sections] == ["部门预算说明"]


def test_the_document_title_is_not_a_section():
    sections = read_narrative(lines_of("XX局2024年部门预算情况说明\n一、部门职责\n负责审计。"), Unit.wanyuan, 2024).sections
    assert [s.title for s in sections] == ["部门职责"]


def test_final_accounts_chain_of_class_item_and_sub_item_names_the_sub_item():
    claims = claims_of("1.一般公共服务支出(类)人大事务(款)行政运行(项):支出决算为300.00万元,完成预算100%。", 2023)
    assert [(c.subject, c.value) for c in claims] == [("expenditure:2010101", Decimal("300.00"))]


def test_a_chain_the_catalog_cannot_resolve_names_nothing():
    claims = claims_of("1.一般公共服务支出(类)不存在的款(款)行政运行(项):支出决算为300.00万元。", 2023)
    assert [c.subject for c in claims] == []


def test_a_sections_name_run_into_its_items_names_the_item():
    # 人大 2017 p.26: "其中：一般公共服务 1. 人大事务行政运行（项）支出 10528.33 万元" (the (款) mark left out)
    text = ("2017年财政拨款预算支出13649.07万元,与上年相比,财政拨款支出增加844.15万元,增长6.59%。"
            "其中:一般公共服务1.人大事务行政运行(项)支出10528.33万元,与上年相比减少17.89万元,减少0.17%。")
    item = only(claims_of(text, 2017), "expenditure:2010101@fiscal")
    assert (item.value, item.change, item.direction) == (Decimal("10528.33"), Decimal("17.89"), "减少")


@pytest.mark.parametrize("name", ["人大事务不存在的项", "行政运行"])
def test_an_item_alone_that_no_section_and_item_of_the_catalog_make_names_nothing(name):
    text = f"其中:一般公共服务1.{name}(项)支出10528.33万元,与上年相比减少17.89万元。"
    assert [c.subject for c in claims_of(text, 2017) if c.subject.startswith("expenditure:")] == []


def test_in_final_accounts_the_budget_beside_the_actual_is_not_a_claim():
    claims = claims_of("2023年度财政拨款“三公”经费支出年初预算为10.00万元,支出决算为8.00万元,完成年初预算的80%。", 2023)
    assert [(c.subject, c.value) for c in claims] == [("three_public_total", Decimal("8.00"))]


def test_what_an_item_is_used_for_is_part_of_the_item_not_the_departments_figure():
    text = "\n".join([
        "财政拨款支出主要内容如下：",
        "1.“社会保障和就业支出”科目4万元，主要用于退休人员费用支出",
        "2.“农林水支出”科目83万元，主要用于人员经费18万元、公用经费58万元、项目支出7万元。",
    ])  # fmt: skip
    claims = claims_of(text, 2026)
    assert [(c.subject, c.value) for c in claims] == [("expenditure:208", Decimal("4")), ("expenditure:213", Decimal("83"))]


def test_a_class_listed_under_the_project_spending_is_no_claim_about_the_whole_class():
    text = ("(二)项目支出:2025年本单位项目支出预算40233.95万元,主要是专项业务费,其中:一般公共服务支出3万元,"
            "公共安全支出40230.95万元。")
    assert [(c.subject, c.value) for c in claims_of(text, 2025)] == [("project", Decimal("40233.95"))]


def test_a_chain_printing_its_own_codes_names_the_sub_item():
    text = "1.公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于机关运行。"
    assert [(c.subject, c.value) for c in claims_of(text, 2026)] == [("expenditure:2040601", Decimal("1672.67"))]


def test_an_items_execution_and_arrangement_are_the_items_figures():
    text = ("1.公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于机关运行。"
            "2025年当年预算执行数为1500.00万元，2026年预算安排1672.67万元，比2025年执行数增加11.51%。")
    stated = [(c.subject, c.year, c.value, c.change_percent) for c in claims_of(text, 2026)]
    assert stated == [
        ("expenditure:2040601", 2026, Decimal("1672.67"), None),
        ("expenditure:2040601", 2025, Decimal("1500.00"), None),
        ("expenditure:2040601", 2026, Decimal("1672.67"), Decimal("11.51")),
    ]


def test_a_lead_in_is_no_part_of_the_first_item():
    text = "\n".join([
        "财政拨款支出主要内容如下：",
        "1.“某某特殊事务”科目710万元，主要用于单位缴纳的基本养老保险。",  # a name the catalog lacks
        "2.“卫生健康支出”科目17,541万元，主要用于医疗保障经办支出。",
    ])  # fmt: skip
    assert [(c.subject, c.value) for c in claims_of(text, 2026)] == [("expenditure:210", Decimal("17541"))]


def test_a_sub_item_name_with_its_own_brackets_ends_the_chain_at_the_sub_item():
    # 湖州 p.11: the 项 中医（民族）医院 holds brackets of its own
    text = "(18)卫生健康支出（类）公立医院（款）中医（民族）医院（项）475.57万元，主要用于市中医院的支出。"
    assert [(c.subject, c.value) for c in claims_of(text, 2026)] == [("expenditure:2100202", Decimal("475.57"))]


def test_a_printed_code_before_the_name_decides_the_line():
    # 福州 p.25: the name sounds like the 类 科学技术支出, the code names the 项
    text = "（四）2060899-其他科技交流与合作支出 20000.00 万元。\n（五）2069999-其他科学技术支出 45870.00 万元。主要用于科技项目。"
    assert [(c.subject, c.value) for c in claims_of(text, 2026)] == [
        ("expenditure:2060899", Decimal("20000.00")), ("expenditure:2069999", Decimal("45870.00"))]


def test_a_figure_is_no_printed_code():
    text = "一般公共服务支出 201 万元。"
    assert [(c.subject, c.value) for c in claims_of(text, 2026)] == [("expenditure:201", Decimal("201"))]


def test_a_class_listed_under_the_project_spending_in_a_sentence_of_its_own_is_no_claim_about_the_class():
    # 长沙 p.8: the list of 类 under 项目支出 goes on past the full stop
    text = ("2025年本单位项目支出预算40233.95万元,主要是专项业务费,其中:一般公共服务支出3.00万元,主要用于办公经费等方面。"
            "公共安全支出40230.95万元,主要用于警务辅助人员经费等方面。")
    assert [(c.subject, c.value) for c in claims_of(text, 2025)] == [("project", Decimal("40233.95"))]


def test_a_class_stated_in_a_section_about_the_project_spending_is_no_claim_about_the_class():
    text = "（二）项目支出\n公共安全支出40230.95万元，主要用于警务辅助人员经费等方面。"
    assert [c.subject for c in claims_of(text, 2025)] == []


def test_a_class_after_a_list_under_the_project_spending_ends_is_a_claim_again():
    text = ("项目支出预算270万元,其中:教育支出270万元。一般公共预算支出合计500万元。"
            "一般公共服务支出230万元,主要用于机关运行。")
    assert ("expenditure:201", Decimal("230")) in [(c.subject, c.value) for c in claims_of(text, 2025)]


def test_a_bodys_income_named_after_the_body_is_the_total():
    # 福州 p.26: the body's name ends in 支队, right before 收入预算
    text = "一、预算收支总体情况\n2026年,福州市公安局治安管理支队收入预算为2796.14万元,比上年增加129.07万元,增长4.84%。"
    assert [change_of(c) for c in claims_of(text, 2026)] == [
        (Decimal("2796.14"), Decimal("129.07"), "增加", Decimal("4.84"), 2025)]


def test_an_income_source_named_after_its_kind_is_no_total():
    text = "一、收入预算情况\n2026年,事业收入50.00万元,非税收入20.00万元。"
    assert [c.subject for c in claims_of(text, 2026)] == ["revenue:operating"]


FUZHOU_INCOME = ("一、预算收支总体情况\n2026年,某支队收入预算为2796.14万元,比上年增加129.07万元,增长4.84%,"
                 "主要原因是一般公共预算拨款收入增加129.07万元。其中:一般公共预算拨款收入{value}。")


def test_a_change_stated_before_its_value_in_the_paragraph_is_the_values_change():
    claims = claims_of(FUZHOU_INCOME.format(value="2796.14万元"), 2026)
    assert change_of(only(claims, "revenue:general_budget")) == (
        Decimal("2796.14"), Decimal("129.07"), "增加", None, 2025)


@pytest.mark.parametrize("value", [
    "2796.14万元,比上年增加166.68万元",  # the value's own change is its change
    "2025年预算为2667.07万元",  # the year before's figure
])
def test_a_change_stated_before_is_not_given_to_another_figure(value):
    claims = [c for c in claims_of(FUZHOU_INCOME.format(value=value), 2026) if c.subject == "revenue:general_budget"]
    assert all(c.change != Decimal("129.07") for c in claims)


# --- a part of a subject named after it, with the part's amount ---


@pytest.mark.parametrize("sentence", [
    "项目支出主要用于:企业技术改造补助700万元,中小企业发展专项400万元。",
    "在项目支出中,安排招商引资专项经费50万元。",
    "项目支出中,提前下达市级专项资金700万元,区级安排项目资金1,726万元。",
    "基本支出中,工资福利支出1,000.50万元。",
    "基本支出中,资本性支出0万元。",
    "2024年财政拨款收入中,政府性基金预算拨款0万元。",
    "一般公共预算财政拨款支出主要用于:机关事业单位人员工资福利1,163.40万元,工业发展专项1,100万元。",
    "“三公”经费主要用于保障招商引资公务接待30万元。",
    "机关运行经费主要用于办公费45万元、水电费20万元、差旅费15万元等。",
    "一般公共服务支出(类)商贸事务(款)其他商贸事务支出(项)追加 100 万元。",  # an adjustment, not the 项's amount
    "财政拨款收入:政府性基金0万元。",
    "基本支出:无资本性支出,为0万元。",
])  # fmt: skip
def test_an_amount_named_for_a_part_after_its_subject_is_not_the_subjects_amount(sentence):
    assert [(c.subject, c.value) for c in claims_of(sentence)] == []


def test_the_sum_after_what_a_subject_is_used_for_is_the_subjects_amount():
    claims = claims_of("项目支出主要用于企业技术改造等方面,共计2,426万元。")
    assert [(c.subject, c.value) for c in claims] == [("project", Decimal("2426"))]
