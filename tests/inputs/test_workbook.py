"""The input workbook: the template, the filled example, and messages that name sheet, row and column."""

import io
from decimal import Decimal as D

import openpyxl
import pytest

from yusuan.inputs import InputError, load_input, read_yaml, workbook_bytes
from yusuan.inputs.sheets import SHEETS

from example_files import EXAMPLE_XLSX


def test_template_has_instructions_every_sheet_and_validation():
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes()))
    assert book.sheetnames == ["填表说明", *[s.name for s in SHEETS]]
    lines = book["支出功能科目"]
    assert [c.value for c in lines[1]][:6] == ["科目编码", "科目名称", "资金来源", "基本支出", "项目支出", "上年预算数"]
    kinds = {v.type for v in lines.data_validations.dataValidation}
    assert {"textLength", "list", "decimal"} <= kinds
    assert [r[0].value for r in book["三公经费"].iter_rows(min_row=2)] == ["因公出国（境）费", "公务用车购置费",
                                                                       "公务用车运行维护费", "公务接待费"]


def test_the_filled_example_workbook_holds_the_same_facts_as_the_yaml(facts):
    from_workbook, warnings = load_input(EXAMPLE_XLSX)
    assert from_workbook == facts
    assert warnings == []


def _edited(tmp_path, edit) -> str:
    book = openpyxl.load_workbook(EXAMPLE_XLSX)
    edit(book)
    path = tmp_path / "budget.xlsx"
    book.save(path)
    with pytest.raises(InputError) as raised:
        load_input(path)
    return raised.value.message


def test_a_wrong_code_names_sheet_row_and_column(tmp_path):
    message = _edited(tmp_path, lambda b: b["支出功能科目"].cell(row=3, column=1, value="201135"))
    assert "工作表「支出功能科目」第3行“科目编码”列" in message and "7位" in message


def test_text_where_a_number_belongs(tmp_path):
    message = _edited(tmp_path, lambda b: b["基本支出经济科目"].cell(row=2, column=3, value="二百一十八"))
    assert "工作表「基本支出经济科目」第2行“金额”列" in message and "不是数字" in message


def test_a_negative_amount(tmp_path):
    message = _edited(tmp_path, lambda b: b["三公经费"].cell(row=5, column=2, value=-30))
    assert "工作表「三公经费」第5行“本年预算数”列" in message and "负数" in message


def test_a_missing_required_sheet(tmp_path):
    message = _edited(tmp_path, lambda b: b.remove(b["三公经费"]))
    assert "缺少工作表「三公经费」" in message


def test_facts_that_disagree_are_located_in_the_workbook(tmp_path):
    # 30101 基本工资 218.13 -> 200: the economic lines no longer add up to the 基本支出 of the 项 lines
    message = _edited(tmp_path, lambda b: b["基本支出经济科目"].cell(row=2, column=3, value=200))
    assert "工作表「基本支出经济科目」" in message and "1,379.35" in message


def test_an_unknown_choice_lists_the_options(tmp_path):
    message = _edited(tmp_path, lambda b: b["政府采购"].cell(row=2, column=1, value="设备"))
    assert "工作表「政府采购」第2行“采购类别”列" in message and "货物、工程、服务" in message


def test_yaml_numbers_are_exact_and_errors_name_the_key():
    text = EXAMPLE_XLSX.with_suffix(".yaml").read_text("utf-8")
    facts, _ = read_yaml(text, "x.yaml")
    assert facts.functional_lines[0].basic == D("357.87")
    with pytest.raises(InputError) as raised:
        read_yaml(text.replace("basic: 357.87", "basic: -357.87"), "x.yaml")
    assert "functional_lines 第1项 basic" in raised.value.message and "负数" in raised.value.message


def _with_every_kind_of_problem(book, department: bool = True) -> None:
    book["支出功能科目"].cell(row=3, column=1, value="201135")  # a bad code: the row is left out
    book["支出功能科目"].cell(row=4, column=6, value="五十")  # text in an optional amount
    book["绩效指标"].cell(row=2, column=1, value="不存在的项目")  # an indicator of no target
    book["基本支出经济科目"].cell(row=2, column=3, value=200)  # economic lines no longer add up
    if not department:
        book["基本信息"].cell(row=3, column=2).value = None


def test_every_problem_of_a_workbook_is_listed_at_once(tmp_path):
    message = _edited(tmp_path, _with_every_kind_of_problem)
    assert "工作表「支出功能科目」第3行“科目编码”列（A3单元格）：“201135”不是7位数字的科目编码" in message
    assert "工作表「支出功能科目」第4行“上年预算数”列（F4单元格）：“五十”不是数字" in message
    assert "工作表「绩效指标」第2行“项目编码或名称”列（A2单元格）：“不存在的项目”在「绩效目标」表中没有对应的行" in message
    # the check between sheets is made too, apart, since a row was left out for it
    cells, between = message.split("以下几处是表与表之间的核对")
    assert "工作表「基本支出经济科目」：基本支出经济科目合计" in between
    assert "基本支出经济科目" not in cells


def test_a_missing_fact_is_listed_with_the_bad_cells_and_the_checks_left_are_named(tmp_path):
    message = _edited(tmp_path, lambda b: _with_every_kind_of_problem(b, department=False))
    assert "工作表「基本信息」第3行“部门名称”（B3单元格）：必填" in message
    assert "（A3单元格）" in message and "（F4单元格）" in message and "（A2单元格）" in message
    assert "改正以上问题后请再运行一次" in message
    assert message.count("部门名称") == 1  # the missing cell is not reported twice


def test_the_final_template_has_the_final_sheets_and_is_marked_final():
    from yusuan.inputs.sheets import FINAL_SHEETS

    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(kind="final")))
    assert book.sheetnames == ["填表说明", *[s.name for s in FINAL_SHEETS]]
    assert not {"项目", "绩效目标", "绩效指标"} & set(book.sheetnames)
    assert [c.value for c in book["基本信息"][2]][:2] == ["公开类型", "决算"]
    assert [c.value for c in book["三公经费"][1]] == ["项目", "本年决算数", "上年决算数", "年初预算数", "增减原因"]


def test_the_filled_final_workbook_holds_the_same_facts_as_the_yaml():
    from example_files import ROOT

    from_yaml, _ = load_input(ROOT / "examples" / "final-input.yaml")
    from_workbook, warnings = load_input(ROOT / "examples" / "final-input.xlsx")
    assert from_workbook == from_yaml and from_workbook.kind == "final"
    assert from_workbook.three_public.counts.reception_people == 26
    assert warnings == []


def test_an_empty_final_template_lists_every_missing_fact_at_once(tmp_path):
    path = tmp_path / "final.xlsx"
    path.write_bytes(workbook_bytes(kind="final"))
    with pytest.raises(InputError) as raised:
        load_input(path)
    message = raised.value.message
    for where in ("“部门名称”（B3单元格）", "“决算年度”（B4单元格）", "“上年一般公共预算基本支出决算数”",
                  "工作表「三公经费」第5行“上年决算数”列（C5单元格）", "工作表「职能职责」", "工作表「单位构成」"):
        assert where in message
