"""A document holding only part of a disclosure is checked for what it holds, and says what it lacks.

The inputs are cut from the example (examples/tongnan-jxw-2024-budget.txt), as a user copies them from a
web page: one table, the 目录 and two sections of the 情况说明, the 情况说明 alone. Expected parts and
statuses are written by hand from what each input holds.
"""

import json

import pytest

from yusuan.checks import RuleStatus, render_html, render_json, render_text, run_checks
from yusuan.errors import UnreadableInput
from yusuan.pipeline import parse_bytes

# the 一般公共预算财政拨款支出预算表 as the example prints it (its two pages, tab-separated cells)
GENERAL_EXPENDITURE_ROWS = [
    ["科目编码", "科目名称", "2023 年预算数", "总计", "基本支出", "项目支出"],
    ["", "合计", "", "3,805.35", "1,379.35", "2,426.00"],
    ["201", "一般公共服务支出", "", "2,251.40", "925.40", "1,326.00"],
    ["20113", "商贸事务", "", "2,251.40", "925.40", "1,326.00"],
    ["2011301", "行政运行", "", "357.87", "357.87", ""],
    ["2011302", "一般行政管理事务", "", "151.00", "", "151.00"],
    ["2011308", "招商引资", "", "50.00", "", "50.00"],
    ["2011350", "事业运行", "", "567.53", "567.53", ""],
    ["2011399", "其他商贸事务支出", "", "1,125.00", "", "1,125.00"],
    ["208", "社会保障和就业支出", "", "313.75", "313.75", ""],
    ["20805", "行政事业单位养老支出", "", "313.75", "313.75", ""],
    ["2080505", "机关事业单位基本养老保险缴费支出", "", "76.17", "76.17", ""],
    ["2080506", "机关事业单位职业年金缴费支出", "", "38.08", "38.08", ""],
    ["2080599", "其他行政事业单位养老支出", "", "199.50", "199.50", ""],
    ["210", "卫生健康支出", "", "78.66", "78.66", ""],
    ["21011", "行政事业单位医疗", "", "78.66", "78.66", ""],
    ["2101101", "行政单位医疗", "", "24.87", "24.87", ""],
    ["2101102", "事业单位医疗", "", "30.79", "30.79", ""],
    ["2101103", "公务员医疗补助", "", "2.72", "2.72", ""],
    ["2101199", "其他行政事业单位医疗支出", "", "20.28", "20.28", ""],
    ["215", "资源勘探工业信息等支出", "", "1,100.00", "", "1,100.00"],
    ["21502", "制造业", "", "400.00", "", "400.00"],
    ["2150299", "其他制造业支出", "", "400.00", "", "400.00"],
    ["21508", "支持中小企业发展和管理支出", "", "700.00", "", "700.00"],
    ["2150805", "中小企业发展专项", "", "700.00", "", "700.00"],
    ["221", "住房保障支出", "", "61.54", "61.54", ""],
    ["22102", "住房改革支出", "", "61.54", "61.54", ""],
    ["2210201", "住房公积金", "", "61.54", "61.54", ""],
]  # fmt: skip
TITLE = "重庆市潼南区经济和信息化委员会一般公共预算财政拨款支出预算表"
ONE_TABLE_TEXT = "\n".join([TITLE, "单位:万元", *("\t".join(row) for row in GENERAL_EXPENDITURE_ROWS)]) + "\n"
ONE_TABLE_HTML = (
    f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><h2>{TITLE}</h2><p>单位：万元</p><table>"
    + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in GENERAL_EXPENDITURE_ROWS)
    + "</table></body></html>"
)
CONTENTS_AND_TWO_SECTIONS = "\n".join([
    "重庆市潼南区经济和信息化委员会2024年部门预算公开",
    "目录",
    "一、单位基本情况",
    "二、部门收支总体情况",
    "三、部门收支总表",
    "四、一般公共预算财政拨款支出预算表",
    "重庆市潼南区经济和信息化委员会 2024 年部门预算情况说明",
    "一、单位基本情况",
    "(一)职能职责",
    "1.贯彻执行国家和重庆市关于工业和信息化的法律、法规、规章和方针、政策。",
    "(二)单位构成",
    "本单位由重庆市潼南区经济和信息化委员会本级构成。",
]) + "\n"  # fmt: skip
BUDGET_TABLES = ["收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表", "一般公共预算基本支出表",
                 "“三公”经费表", "政府性基金预算支出表", "国有资本经营预算支出表"]


def _status(report, rule_id):
    return next(r for r in report.results if r.rule.id == rule_id)


@pytest.mark.parametrize(("data", "name"), [(ONE_TABLE_TEXT.encode(), "表.txt"), (ONE_TABLE_HTML.encode(), "表.html")])
def test_a_page_with_one_table_is_checked_for_that_table_and_names_what_it_lacks(data, name):
    report = run_checks(parse_bytes(data, name))
    # the table itself is checked: its lines add up
    for rule_id in ("ARITH-ROW-SUM", "ROLLUP-FUNCTION", "ROLLUP-TOTAL", "COMPLETE-FUNCTION-DEPTH"):
        assert _status(report, rule_id).status == RuleStatus.passed, rule_id
    # the 8 tables and the 情况说明 it lacks are named once, in the note, not as 8 missing-table errors
    expected = [f"「{t}」" for t in BUDGET_TABLES if t != "一般公共预算支出表"] + ["情况说明"]
    assert report.partial and report.missing_parts == expected
    assert not [f for f in report.findings if f.rule == "COMPLETE-TABLES"]
    for rule_id in ("COMPLETE-TABLES", "COMPLETE-EMPTY-NOTE"):
        assert _status(report, rule_id).status == RuleStatus.could_not_run, rule_id
        assert "只含部分公开内容" in _status(report, rule_id).reason
    # no other table to compare its lines with: not checked, never passed
    lines = _status(report, "XTAB-FUNCTION-LINES")
    assert lines.status == RuleStatus.could_not_run and "财政拨款收支总表" in lines.reason
    assert report.count("error") == 0 and report.exit_code("error") == 1 and report.exit_code("never") == 0
    assert report.reading_note.count("「收支总表」") == 1


def test_the_contents_and_two_sections_of_a_narrative_are_checked_not_refused():
    report = run_checks(parse_bytes(CONTENTS_AND_TWO_SECTIONS.encode(), "情况说明.txt"))
    assert report.department == "重庆市潼南区经济和信息化委员会" and report.year == 2024
    assert report.missing_parts == [f"「{t}」" for t in BUDGET_TABLES] + ["情况说明中的收支金额"]
    # the topics the two sections do not cover are not reported missing one by one: the rest may be elsewhere
    for rule_id in ("COMPLETE-SECTIONS", "COMPLETE-PRIOR-YEAR"):
        assert _status(report, rule_id).status == RuleStatus.could_not_run, rule_id
    assert not [f for f in report.findings if f.rule.startswith("COMPLETE-")]
    # what the sections hold is checked
    assert _status(report, "HYGIENE-PUNCTUATION").status == RuleStatus.passed
    assert report.exit_code("error") == 1


def test_plain_text_that_names_no_department_is_still_refused():
    with pytest.raises(UnreadableInput, match="没有找到预算或决算公开的表格或说明"):
        parse_bytes("一、基本情况\n本文介绍某项工作。\n二、其他\n没有金额。\n".encode(), "notes.txt")


def test_every_report_says_what_the_part_lacks():
    report = run_checks(parse_bytes(ONE_TABLE_TEXT.encode(), "表.txt"))
    data = json.loads(render_json(report))
    assert data["missing_parts"][0] == "「收支总表」" and "只含部分公开内容" in data["reading"]
    text = render_text(report)
    assert "只含部分内容：文件只含部分公开内容" in text and "未发现问题" not in text
    assert "只含部分内容" in render_html(report)


def test_a_narrative_without_its_tables_could_not_check_its_amounts_against_them(seed_path):
    narrative = "".join(seed_path.read_text(encoding="utf-8").splitlines(keepends=True)[:60])
    report = run_checks(parse_bytes(narrative.encode(), "情况说明.txt"))
    amounts = _status(report, "NARR-AMOUNT")
    assert amounts.status == RuleStatus.could_not_run
    assert "收支总表" in amounts.reason and "“三公”经费表" in amounts.reason
    # a 情况说明 with its amounts is a whole one (its tables may be a file of their own): no parts missing
    assert report.missing_parts == [] and report.nothing_read


def test_a_whole_document_lacks_no_part(seed_path):
    report = run_checks(parse_bytes(seed_path.read_bytes(), seed_path.name))
    assert report.missing_parts == [] and not report.partial
    assert _status(report, "NARR-AMOUNT").status != RuleStatus.could_not_run
    assert _status(report, "XTAB-FUNCTION-LINES").status != RuleStatus.could_not_run
