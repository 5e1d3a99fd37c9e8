"""The defect kinds, by rule family: what each breaks, which rules must fire, which may.

`must` is read off the rules' own statements (docs/rules.md): the identity the edit breaks. `may`
lists the rules that read the same figure elsewhere (a narrative quoting a changed total, a
cross-table rule comparing a changed row) and may rightly fire too.
"""

from __future__ import annotations

from . import defects_facts as facts
from . import defects_tables as tables
from . import defects_text as text
from .defect import DefectKind

N = "narrative"
# rules that compare a changed figure with the narrative, which quotes many of them
NARRATED = ("NARR-AMOUNT", "NARR-SAME-SUBJECT", "NARR-CHANGE-AMOUNT", "NARR-CHANGE-SUM", "NARR-PERCENT",
            "NARR-DIRECTION", "NARR-ZERO-TOTAL", "NARR-PARTS-TOTAL")
FUNCTION_LINES = ("XTAB-FUNCTION-LINES", "XTAB-FUNCTION-SCOPES", "XTAB-PROJECTS-FUNCTION")
# rules that tell (info) what they find: a code the catalog lacks may be the catalog's gap, not the document's
TOLD = frozenset({"CODE-KNOWN"})

KINDS: tuple[DefectKind, ...] = (
    # arithmetic
    DefectKind("row_total", "arithmetic", "model", tables.row_total, ("ARITH-ROW-SUM",),
               ("ROLLUP-FUNCTION", "ROLLUP-TOTAL", *FUNCTION_LINES, "XTAB-SUMMARY-EXPENDITURE", *NARRATED),
               ("expenditure",)),
    DefectKind("three_public_total", "arithmetic", "model", tables.three_public_total, ("ARITH-THREE-PUBLIC",),
               NARRATED, ("three_public",)),
    DefectKind("personnel_split", "arithmetic", "model", tables.personnel_split, ("ARITH-PERSONNEL-PUBLIC",),
               ("ROLLUP-ECONOMIC", "ROLLUP-TOTAL", "ROLLUP-PERSONNEL-CLASSES", "NARR-OPERATING-COST", *NARRATED),
               ("basic_expenditure",)),
    # rollup
    DefectKind("class_total", "rollup", "model", tables.class_total, ("ROLLUP-FUNCTION",),
               (*FUNCTION_LINES, *NARRATED), ("general_expenditure",)),
    DefectKind("grand_total", "rollup", "model", tables.grand_total, ("ROLLUP-TOTAL",),
               ("XTAB-GENERAL-BASIC", "XTAB-FISCAL-GENERAL", *FUNCTION_LINES, "PERF-OVERALL-FUND", *NARRATED),
               ("general_expenditure",)),
    DefectKind("project_list_total", "rollup", "model", tables.project_list_total, ("ROLLUP-PROJECT-LIST",),
               ("ARITH-PROJECT-FUNDING", "XTAB-PROJECTS-FUNCTION", "XTAB-PROJECTS-TOTAL", *NARRATED), ("project_expenditure",)),
    # cross-table
    DefectKind("basic_table_total", "cross-table", "facts", facts.basic_table_total, ("XTAB-GENERAL-BASIC",),
               ("NARR-OPERATING-COST", "ROLLUP-PERSONNEL-CLASSES", *NARRATED), ("basic_expenditure", "general_expenditure")),
    DefectKind("three_public_economic", "cross-table", "facts", facts.three_public_economic,
               ("XTAB-THREE-PUBLIC-ECONOMIC",), (), ("three_public", "basic_expenditure")),
    DefectKind("projects_function", "cross-table", "facts", facts.projects_function, ("XTAB-PROJECTS-FUNCTION",),
               ("XTAB-PROJECTS-TOTAL", "PERF-OVERALL-FUND", "PERF-FUND-MATCH", *NARRATED),
               ("project_expenditure", "general_expenditure", "expenditure")),
    # narrative
    DefectKind("narr_amount", "narrative", "model", text.narr_amount, ("NARR-AMOUNT",), NARRATED, (N,)),
    DefectKind("narr_change", "narrative", "model", text.narr_change, ("NARR-CHANGE-AMOUNT",), NARRATED, (N,)),
    DefectKind("narr_direction", "narrative", "model", text.narr_direction, ("NARR-DIRECTION",), NARRATED, (N,)),
    DefectKind("narr_percent", "narrative", "model", text.narr_percent, ("NARR-PERCENT",), NARRATED, (N,)),
    # completeness
    DefectKind("missing_table", "completeness", "model", tables.missing_table, ("COMPLETE-TABLES",), NARRATED),
    DefectKind("empty_without_note", "completeness", "model", tables.empty_without_note, ("COMPLETE-EMPTY-NOTE",),
               (), ("gov_fund_expenditure", "state_capital_expenditure")),
    DefectKind("missing_section", "completeness", "model", text.missing_section, ("COMPLETE-SECTIONS",), (), (N,)),
    DefectKind("shallow_economic", "completeness", "model", tables.shallow_economic, ("COMPLETE-ECONOMIC-DEPTH",),
               ("ROLLUP-ECONOMIC", "ROLLUP-PERSONNEL-CLASSES", "XTAB-THREE-PUBLIC-ECONOMIC", *NARRATED),
               ("basic_expenditure",)),
    DefectKind("three_public_item", "completeness", "model", tables.three_public_item, ("COMPLETE-THREE-PUBLIC-ITEMS",),
               ("ARITH-THREE-PUBLIC", "XTAB-THREE-PUBLIC-ECONOMIC", "COMPLETE-EMPTY-NOTE", *NARRATED), ("three_public",)),
    # performance
    DefectKind("perf_fund", "performance", "model", text.perf_fund, ("PERF-FUND-MATCH",), (), ("performance_project",)),
    DefectKind("perf_overall_fund", "performance", "model", text.perf_overall_fund, ("PERF-OVERALL-FUND",), (),
               ("performance_overall",)),
    DefectKind("perf_weights", "performance", "model", text.perf_weights, ("PERF-OVERALL-WEIGHTS",), (),
               ("performance_overall",)),
    DefectKind("perf_period", "performance", "model", text.perf_period, ("PERF-PERIOD",), (), ("performance_project",)),
    DefectKind("perf_missing", "performance", "model", text.perf_missing, ("PERF-PROJECT-COVERAGE",), ()),
    # codes
    DefectKind("code_name", "codes", "model", tables.code_name, ("CODE-NAME",), (), ("general_expenditure",)),
    DefectKind("code_unknown", "codes", "model", tables.code_unknown, ("CODE-KNOWN",),
               ("CODE-NAME", "ROLLUP-FUNCTION", "XTAB-ECONOMIC-MIRROR", *FUNCTION_LINES, *NARRATED),
               ("general_expenditure",)),
    DefectKind("code_duplicate", "codes", "model", tables.code_duplicate, ("CODE-DUPLICATE",),
               ("ROLLUP-FUNCTION", *FUNCTION_LINES, *NARRATED), ("general_expenditure",)),
    # hygiene
    DefectKind("placeholder", "hygiene", "model", text.placeholder, ("HYGIENE-PLACEHOLDER",), ()),
    DefectKind("doubled_word", "hygiene", "model", text.doubled_word, ("HYGIENE-DUPLICATE-WORD",), ()),
    DefectKind("department_in_title", "hygiene", "model", tables.department_in_title, ("HYGIENE-DEPARTMENT",), ()),
    DefectKind("year_in_title", "hygiene", "model", tables.year_in_title, ("HYGIENE-YEAR",), ()),
)

BY_NAME = {kind.name: kind for kind in KINDS}
