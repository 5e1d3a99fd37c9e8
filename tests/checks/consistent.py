"""A small, complete and consistent budget disclosure: every rule passes (or does not apply) on it.

Rule tests start from it and change one thing. The figures (万元):
  一般公共预算 only, 合计 123 = 基本 83 + 项目 40;
  201 一般公共服务支出 100 (20113 商贸事务: 2011301 行政运行 60 basic, 2011302 一般行政管理事务 40 project),
  208 社会保障和就业支出 15 (2080505 养老 10, 2080506 职业年金 5), 221 住房保障支出 8 (2210201 住房公积金 8);
  基本支出: 301 65 + 303 3 = 人员 68, 302 15 = 公用 15; 三公 2023: 6 = 0 + 3.5 + 2.5, 2024: 5 = 0 + 3 + 2.
"""

from __future__ import annotations

from .builder import DocBuilder, doc, ind

GENERAL_ROWS = [
    ("total", "合计", {"prior_year": "130", "total": "123", "basic": "83", "project": "40"}),
    ("201", "一般公共服务支出", {"prior_year": "105", "total": "100", "basic": "60", "project": "40"}),
    ("20113", "商贸事务", {"prior_year": "105", "total": "100", "basic": "60", "project": "40"}),
    ("2011301", "行政运行", {"prior_year": "62", "total": "60", "basic": "60", "project": ""}),
    ("2011302", "一般行政管理事务", {"prior_year": "43", "total": "40", "basic": "", "project": "40"}),
    ("208", "社会保障和就业支出", {"prior_year": "17", "total": "15", "basic": "15", "project": ""}),
    ("20805", "行政事业单位养老支出", {"prior_year": "17", "total": "15", "basic": "15", "project": ""}),
    ("2080505", "机关事业单位基本养老保险缴费支出", {"prior_year": "11", "total": "10", "basic": "10", "project": ""}),
    ("2080506", "机关事业单位职业年金缴费支出", {"prior_year": "6", "total": "5", "basic": "5", "project": ""}),
    ("221", "住房保障支出", {"prior_year": "8", "total": "8", "basic": "8", "project": ""}),
    ("22102", "住房改革支出", {"prior_year": "8", "total": "8", "basic": "8", "project": ""}),
    ("2210201", "住房公积金", {"prior_year": "8", "total": "8", "basic": "8", "project": ""}),
]


def _without_prior(rows):
    return [(key, name, {c: v for c, v in values.items() if c != "prior_year"}) for key, name, values in rows]


def _revenue(rows):
    return [(key, name, {"total": values["total"], "carryover": "", "general_budget": values["total"]})
            for key, name, values in rows]


BASIC_ROWS = [
    ("total", "合计", {"total": "83", "personnel": "68", "public": "15"}),
    ("301", "工资福利支出", {"total": "65", "personnel": "65", "public": ""}),
    ("30101", "基本工资", {"total": "40", "personnel": "40", "public": ""}),
    ("30102", "津贴补贴", {"total": "2", "personnel": "2", "public": ""}),
    ("30108", "机关事业单位基本养老保险缴费", {"total": "10", "personnel": "10", "public": ""}),
    ("30109", "职业年金缴费", {"total": "5", "personnel": "5", "public": ""}),
    ("30113", "住房公积金", {"total": "8", "personnel": "8", "public": ""}),
    ("302", "商品和服务支出", {"total": "15", "personnel": "", "public": "15"}),
    ("30201", "办公费", {"total": "5", "personnel": "", "public": "5"}),
    ("30217", "公务接待费", {"total": "2", "personnel": "", "public": "2"}),
    ("30231", "公务用车运行维护费", {"total": "3", "personnel": "", "public": "3"}),
    ("30299", "其他商品和服务支出", {"total": "5", "personnel": "", "public": "5"}),
    ("303", "对个人和家庭的补助", {"total": "3", "personnel": "3", "public": ""}),
    ("30305", "生活补助", {"total": "3", "personnel": "3", "public": ""}),
]

SECTIONS = [
    ("部门职责", "负责全市测试工作。"),
    ("机构设置", "本部门由局本级和 1 个下属单位构成。"),
    ("收支预算总体情况", "2024 年收入预算 123 万元，比 2023 年减少 7 万元，主要原因是人员减少。"),
    ("机关运行经费", "2024 年机关运行经费 15 万元，比上年持平。"),
    ("政府采购情况", "2024 年政府采购预算 10 万元，其中货物类 10 万元、工程类 0 万元、服务类 0 万元；授予中小企业合同金额 8 万元，占 80%。"),
    ("国有资产占有使用情况", "截至 2023 年底共有车辆 1 辆。"),
    ("绩效目标设置情况", "项目支出均实行绩效目标管理，涉及一般公共预算当年财政拨款 40 万元。"),
    ("名词解释", "基本支出：指为保障机构正常运转的支出。"),
]


def consistent() -> DocBuilder:
    builder = doc()
    builder.table("general_expenditure", GENERAL_ROWS)
    builder.table("expenditure", _without_prior(GENERAL_ROWS))
    builder.table("revenue", _revenue(GENERAL_ROWS))
    builder.table("basic_expenditure", BASIC_ROWS)
    builder.table("summary", income=[
        ("general_budget", "一般公共预算拨款收入", {"total": "123"}),
        ("income_total", "本年收入合计", {"total": "123"}),
        ("carryover", "上年结转", {"total": ""}),
        ("grand_total", "收入总计", {"total": "123"}),
    ], expenditure=[
        ("201", "一般公共服务支出", {"total": "100"}),
        ("208", "社会保障和就业支出", {"total": "15"}),
        ("221", "住房保障支出", {"total": "8"}),
        ("expenditure_total", "本年支出合计", {"total": "123"}),
        ("carry_forward", "结转下年", {"total": ""}),
        ("grand_total", "支出总计", {"total": "123"}),
    ])
    builder.table("fiscal_summary", income=[
        ("income_total", "本年收入", {"total": "123"}),
        ("general_budget", "一般公共预算拨款", {"total": "123"}),
        ("gov_fund", "政府性基金预算拨款", {"total": ""}),
        ("state_capital", "国有资本经营预算拨款", {"total": ""}),
        ("grand_total", "收入总计", {"total": "123"}),
    ], expenditure=[
        ("expenditure_total", "本年支出", {"total": "123", "general_budget": "123", "gov_fund": "", "state_capital": ""}),
        ("201", "一般公共服务支出", {"total": "100", "general_budget": "100", "gov_fund": "", "state_capital": ""}),
        ("208", "社会保障和就业支出", {"total": "15", "general_budget": "15", "gov_fund": "", "state_capital": ""}),
        ("221", "住房保障支出", {"total": "8", "general_budget": "8", "gov_fund": "", "state_capital": ""}),
        ("grand_total", "支出总计", {"total": "123"}),
    ])
    builder.table("three_public", [
        (None, "2023", {"total": "6", "overseas": "0", "vehicle": "3.5", "vehicle_purchase": "0",
                        "vehicle_operation": "3.5", "reception": "2.5"}),
        (None, "2024", {"total": "5", "overseas": "0", "vehicle": "3", "vehicle_purchase": "0",
                        "vehicle_operation": "3", "reception": "2"}),
    ])
    for table_id in ("gov_fund_expenditure", "state_capital_expenditure"):
        builder.table(table_id, [("total", "合计", {"total": "", "basic": "", "project": ""})],
                      note="本部门 2024 年无此项预算支出，此表为空表。")
    builder.table("procurement", [
        ("total", "合计", {"total": "10", "general_budget": "10"}),
        ("goods", "货物类", {"total": "10", "general_budget": "10"}),
        ("works", "工程类", {"total": "", "general_budget": ""}),
        ("services", "服务类", {"total": "", "general_budget": ""}),
    ])
    builder.table("project_expenditure", [
        ("total", "合计", {"amount": "40", "specific_target": "40", "general_project": "40"}),
        ("P001", "办公系统运维", {"amount": "25", "specific_target": "25", "general_project": "25"}),
        ("P002", "招商推介活动", {"amount": "15", "specific_target": "15", "general_project": "15"}),
    ])
    builder.project("P001", "办公系统运维", "25", "2011302")
    builder.project("P002", "招商推介活动", "15", "2011302")
    builder.performance("办公系统运维专项经费", "25")
    builder.performance("招商推介活动", "15")
    builder.overall("123", [
        ind("产出指标", "数量指标", "开展检查", "≥12次", "≥", "12", "次", weight="40"),
        ind("效益指标", "社会效益指标", "服务质量", "明显提升", weight="30"),
        ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥", "90", "%", weight="30"),
    ])
    for title, text in SECTIONS:
        builder.section(title, text)
    _claims(builder)
    return builder


def _claims(builder: DocBuilder) -> None:
    # printed to 0.01 万元, as most texts print them: a whole number ("5万元") may stand for 4.50 to 5.49
    section = "收支预算总体情况"
    builder.claim("revenue_total", "123.00", "收入预算", change="7.00", direction="减少", compared_year=2023, section=section,
                  text="2024 年收入预算 123 万元，比 2023 年减少 7 万元，主要原因是人员减少。")
    builder.claim("expenditure_total", "123.00", "支出预算", change="7.00", direction="减少", compared_year=2023,
                  section=section, text="支出预算 123 万元，比 2023 年减少 7 万元，主要原因是人员减少。")
    builder.claim("expenditure:201", "100.00", "一般公共服务支出", change="5.00", direction="减少", section=section)
    builder.claim("fiscal_expenditure", "123.00", "一般公共预算财政拨款支出", change="7.00", direction="减少", section=section)
    builder.claim("basic", "83.00", "基本支出", change="2.00", direction="减少", section=section)
    builder.claim("project", "40.00", "项目支出", change="5.00", direction="减少", section=section)
    builder.claim("personnel", "68.00", "人员经费")
    builder.claim("public", "15.00", "公用经费")
    builder.claim("three_public_total", "5.00", "“三公”经费", change="1.00", direction="减少", change_percent="16.67",
                  compared_year=2023, section="三公")
    builder.claim("overseas", "0.00", "因公出国（境）费", change="0.00", direction="持平", section="三公")
    builder.claim("vehicle_purchase", "0.00", "公务用车购置费", change="0.00", direction="持平", section="三公")
    builder.claim("vehicle_operation", "3.00", "公务用车运行维护费", change="0.50", direction="减少", section="三公")
    builder.claim("reception", "2.00", "公务接待费", change="0.50", direction="减少", section="三公")
    builder.claim("operating_cost", "15.00", "机关运行经费", change="0.00", direction="持平")
    builder.claim("procurement_total", "10.00", "政府采购预算")
    builder.claim("procurement:goods", "10.00", "货物类")
    builder.claim("procurement:works", "0.00", "工程类")
    builder.claim("procurement:services", "0.00", "服务类")
    builder.claim("procurement:sme", "8.00", "授予中小企业合同金额")
    builder.claim("performance:general_budget", "40.00", "一般公共预算当年财政拨款")
