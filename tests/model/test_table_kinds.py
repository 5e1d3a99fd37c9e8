"""What a standard table is, written once (model/table_kinds.py): every constant derived from it keeps the
value it had when it was written by hand, copied here as it was."""

import importlib

from yusuan import recognize
from yusuan.model import (
    CODED_TABLES, ECONOMIC_TABLES, FINAL_TABLE_TITLES, FUNCTIONAL_TABLES, PERFORMANCE_TABLES, PRINT_ORDER,
    STANDARD_TABLES, TABLE_KINDS, TABLE_TITLES, TWO_SIDED_TABLES, standard_table_title,
)
from yusuan.writers import document

derive = importlib.import_module("yusuan.compose.derive")  # the package names a function `derive`

TITLES = {
    "summary": "收支总表",
    "revenue": "收入总表",
    "expenditure": "支出总表",
    "fiscal_summary": "财政拨款收支总表",
    "general_expenditure": "一般公共预算支出表",
    "basic_expenditure": "一般公共预算基本支出表",
    "three_public": "“三公”经费表",
    "gov_fund_expenditure": "政府性基金预算支出表",
    "state_capital_expenditure": "国有资本经营预算支出表",
    "procurement": "政府采购预算表",
    "project_expenditure": "项目支出表",
    "performance_overall": "整体绩效目标表",
    "performance_project": "项目绩效目标表",
}
FINAL_TITLES = {
    "summary": "收入支出决算总表",
    "revenue": "收入决算表",
    "expenditure": "支出决算表",
    "fiscal_summary": "财政拨款收入支出决算总表",
    "general_expenditure": "一般公共预算财政拨款支出决算表",
    "basic_expenditure": "一般公共预算财政拨款基本支出决算表",
    "three_public": "财政拨款“三公”经费支出决算表",
    "gov_fund_expenditure": "政府性基金预算财政拨款收入支出决算表",
    "state_capital_expenditure": "国有资本经营预算财政拨款支出决算表",
}
NINE = ("summary", "revenue", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
        "three_public", "gov_fund_expenditure", "state_capital_expenditure")
ORDER = ("summary", "revenue", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
         "three_public", "gov_fund_expenditure", "state_capital_expenditure", "procurement", "project_expenditure")
CODED = ("revenue", "expenditure", "general_expenditure", "basic_expenditure", "gov_fund_expenditure",
         "state_capital_expenditure")


def test_the_titles_keep_their_ids_values_and_order():
    assert list(TABLE_TITLES.items()) == list(TITLES.items())
    assert list(FINAL_TABLE_TITLES.items()) == list(FINAL_TITLES.items())


def test_a_title_in_a_final_account_falls_back_to_the_budget_title_and_then_to_the_id():
    assert standard_table_title("summary", "final") == "收入支出决算总表"
    assert standard_table_title("procurement", "final") == "政府采购预算表"
    assert standard_table_title("summary") == "收支总表"
    assert standard_table_title("operating_cost", "final") == "operating_cost"


def test_the_tables_every_disclosure_prints():
    assert STANDARD_TABLES == {"budget": NINE, "final": NINE}
    assert list(STANDARD_TABLES) == ["budget", "final"]


def test_the_tables_by_what_their_rows_are_keep_their_order():
    assert FUNCTIONAL_TABLES == ("expenditure", "general_expenditure", "revenue", "gov_fund_expenditure",
                                 "state_capital_expenditure")
    assert ECONOMIC_TABLES == ("basic_expenditure",)
    assert TWO_SIDED_TABLES == ("summary", "fiscal_summary")


def test_the_writers_and_the_composer_print_in_one_order():
    assert PRINT_ORDER == ORDER
    assert document.PRINT_ORDER is PRINT_ORDER and derive.PRINT_ORDER is PRINT_ORDER


def test_the_tables_read_and_written_as_classification_lines():
    # writers/layout.py `_CODED` and checks/rules/hygiene/printed.py `_COLUMN_KINDS` (the same tables) as written by hand
    assert CODED_TABLES == CODED
    # recognize/__init__.py `_CATALOG_OF` as written by hand
    assert recognize._CATALOG_OF == {
        "basic_expenditure": "economic", "revenue": "functional", "expenditure": "functional",
        "general_expenditure": "functional", "gov_fund_expenditure": "functional",
        "state_capital_expenditure": "functional",
    }


def test_the_performance_target_tables():
    # web/tableview.py `PERFORMANCE` as written by hand
    assert PERFORMANCE_TABLES == ("performance_overall", "performance_project")


def test_each_table_is_listed_once_with_its_fields_consistent():
    ids = [k.id for k in TABLE_KINDS]
    assert len(ids) == len(set(ids))
    for kind in TABLE_KINDS:
        assert kind.catalog is not None or kind.lines is None, kind  # a classification line has a catalog
        assert not (kind.sides and kind.lines), kind
        assert not (kind.targets and kind.required), kind


# The in-row sums the ARITH rules checked from their own constants (checks/rules/arithmetic.py), as written by hand.
_SPLIT_SUMS = (
    ("total", ("basic", "project", "reserve", "remit_superior", "business_expenditure", "subsidy_subordinate")),
    ("basic", ("personnel", "public")),
    ("budget_initial", ("budget_initial_basic", "budget_initial_project")),
    ("budget_adjusted", ("budget_adjusted_basic", "budget_adjusted_project")),
)
ROW_SUMS = {
    "expenditure": _SPLIT_SUMS,
    "fiscal_summary": (("total", ("general_budget", "gov_fund", "state_capital")),),
    "general_expenditure": _SPLIT_SUMS,
    "basic_expenditure": (("total", ("personnel", "public")),),
    "three_public": (("vehicle", ("vehicle_purchase", "vehicle_operation")),),
    "gov_fund_expenditure": _SPLIT_SUMS,
    "state_capital_expenditure": _SPLIT_SUMS,
    "project_expenditure": (
        ("amount", ("specific_target", "superior_special")),
        ("specific_target", ("personnel_project", "general_project", "livelihood_project")),
        ("superior_special", ("advance_special", "carried_project", "municipal_special")),
    ),
}


def test_the_in_row_sums_the_arithmetic_rules_read():
    declared = {k.id: tuple((s.total, s.parts) for s in k.row_sums) for k in TABLE_KINDS if k.row_sums}
    assert declared == ROW_SUMS
    assert list(declared) == [t for t in PRINT_ORDER if t in ROW_SUMS]
    for kind in TABLE_KINDS:
        for s in kind.row_sums:
            assert s.parts and s.total not in s.parts, (kind.id, s)
