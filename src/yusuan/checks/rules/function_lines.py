"""The same functional line printed in several tables must carry the same amount.

Tables differ in scope: 支出总表, 收入总表 and 收支总表 cover all the department's money; 一般公共预算
支出表 and the 一般公共预算 column of 财政拨款收支总表 and 收入总表 cover only that source. Lines are
compared within a scope, and across scopes only when the department has no other money.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Disclosure, Row, Table, standard_table_title
from ..engine.context import Doc
from ..engine.figures import Figure
from ..engine.findings import Finding, Place
from ..engine.registry import Condition, rule
from ..engine.structure import INCOME_ITEMS, SOURCE_COLUMNS, coded_rows, columns_of, total_row

View = tuple[str, str, str | None]  # (table id, column, side)

SCOPES: dict[str, tuple[View, ...]] = {
    "all": (("expenditure", "total", None), ("revenue", "total", None), ("summary", "total", "expenditure")),
    "general_budget": (("general_expenditure", "total", None), ("fiscal_summary", "general_budget", "expenditure"),
                       ("revenue", "general_budget", None)),
    "gov_fund": (("gov_fund_expenditure", "total", None), ("fiscal_summary", "gov_fund", "expenditure"),
                 ("revenue", "gov_fund", None)),
    "state_capital": (("state_capital_expenditure", "total", None), ("fiscal_summary", "state_capital", "expenditure"),
                      ("revenue", "state_capital", None)),
}
# When all money is 一般公共预算拨款, the all-funds tables must equal the general-budget ones.
ACROSS_SCOPES: tuple[tuple[View, View], ...] = (
    (("general_expenditure", "total", None), ("expenditure", "total", None)),
    (("general_expenditure", "basic", None), ("expenditure", "basic", None)),
    (("general_expenditure", "project", None), ("expenditure", "project", None)),
    (("summary", "total", "expenditure"), ("fiscal_summary", "total", "expenditure")),
)


@dataclass(frozen=True, slots=True)
class Lines:
    """One column of one table's functional lines."""

    table: Table
    column: str
    rows: dict[str, Row]

    @property
    def lengths(self) -> set[int]:
        return {len(code) for code in self.rows}


def _lines(doc: Doc, view: View) -> Lines | None:
    table_id, column, side = view
    table = doc.table(table_id)
    if table is None or column not in columns_of(table):
        return None
    # a 收入总表 listed by unit ("068 苏州市数据局") has no functional lines to compare
    rows = {r.code: r for r in coded_rows(table, side) if _functional(r.code)}
    return Lines(table, column, rows)


def _functional(code: str) -> bool:
    return code.isdigit() and code[0] == "2" and len(code) in (3, 5, 7)


def _missing_line(doc: Doc, lines: Lines, present: Figure, code: str, name: str) -> Finding:
    where = doc.title(lines.table)
    message = f"{where}未列出「{code} {name}」，而{doc.phrase(present)}为 {doc.said(present)}。"
    return Finding.mismatch(Place.of_table(lines.table), None, present.value, message)


def compare_lines(doc: Doc, stated: Lines, reference: Lines, missing: set[tuple[str, str]]) -> Iterator[Finding]:
    """Every line of `stated` against the same code in `reference`, at the levels both print.

    A line one table lacks is reported once per table, however many columns are compared
    (`missing` remembers what was reported).
    """
    common = stated.lengths & reference.lengths
    codes = [c for c in {**reference.rows, **stated.rows} if len(c) in common]
    for code in codes:
        mine, theirs = stated.rows.get(code), reference.rows.get(code)
        if mine is not None and theirs is not None:
            finding = doc.compare(doc.cell(stated.table, mine, stated.column),
                                  doc.cell(reference.table, theirs, reference.column))
        elif mine is None:
            finding = _absent(doc, stated, doc.cell(reference.table, theirs, reference.column), theirs, missing)
        else:
            finding = _absent(doc, reference, doc.cell(stated.table, mine, stated.column), mine, missing)
        if finding:
            yield finding


def _absent(doc: Doc, lacking: Lines, present: Figure, row: Row, missing: set[tuple[str, str]]) -> Finding | None:
    if present.blank or present.value == 0 or (lacking.table.id, row.code) in missing:
        return None
    missing.add((lacking.table.id, row.code))
    return _missing_line(doc, lacking, present, row.code, row.name)


def _carries_over(doc: Doc) -> bool:
    """The 收入总表 prints a 上年结转 (its 合计 line, else any line)."""
    revenue = doc.table("revenue")
    if revenue is None or "carryover" not in columns_of(revenue):
        return False
    total = total_row(revenue)
    rows = [total] if total is not None else revenue.rows
    return any(row.value("carryover") for row in rows)


@rule(
    id="XTAB-FUNCTION-LINES", family="cross-table", severity="error",
    title="同一功能科目在支出总表、收入总表、收支总表（及一般公共预算各表）中的金额应一致",
    basis="domain.md §3 A5、A6（同口径同科目同金额）",
    needs=("expenditure|general_expenditure|revenue|summary|fiscal_summary",),
)
def same_line_same_amount(doc: Doc) -> Iterator[Finding]:
    missing: set[tuple[str, str]] = set()
    alone = []
    carried = _carries_over(doc)
    for scope, views in SCOPES.items():
        if doc.disclosure.kind == "final" or (carried and scope != "all"):
            # a 决算, or a budget with 上年结转, spends last year's carry-over too: the spending of one fund by
            # function need not equal this year's income of that fund (the 收入总表's column)
            views = tuple(v for v in views if v[0] != "revenue")
        present = [lines for lines in (_lines(doc, v) for v in views) if lines is not None and lines.rows]
        if len(present) == 1:
            alone.append(views)
        for other in present[1:]:
            yield from compare_lines(doc, other, present[0], missing)
    for views in alone:
        # a table with no other of its scope to compare with (a page holding one table): not checked
        for table_id, _, _ in views:
            if table_id not in doc.disclosure.tables:
                doc.lack(standard_table_title(table_id, doc.disclosure.kind))


def only_general_budget(d: Disclosure) -> bool:
    """The department's money is all 一般公共预算拨款 (read from 收支总表, else 收入总表)."""
    summary = d.tables.get("summary")
    if summary is not None:
        lines = {r.item: r.value("total") for r in summary.rows if r.side == "income" and r.item}
        others = [v for item, v in lines.items() if item in INCOME_ITEMS and item != "general_budget"]
        others += [v for item, v in lines.items() if item.startswith("carryover")]
        return bool(lines.get("general_budget")) and not any(others)
    revenue = d.tables.get("revenue")
    total = total_row(revenue) if revenue is not None else None
    if total is None:
        return False
    return bool(total.value("general_budget")) and not any(
        total.value(c) for c in SOURCE_COLUMNS if c != "general_budget")


@rule(
    id="XTAB-FUNCTION-SCOPES", family="cross-table", severity="error",
    title="部门只有一般公共预算拨款时，支出总表与一般公共预算支出表逐行逐栏一致，收支总表与财政拨款收支总表一致",
    basis="domain.md §3 A5、A6（口径相同时同科目同金额）",
    needs=("expenditure|summary",),
    applies=Condition("部门收入全部为一般公共预算拨款", only_general_budget),
)
def scopes_agree_when_one_source(doc: Doc) -> Iterator[Finding]:
    missing: set[tuple[str, str]] = set()
    for reference_view, stated_view in ACROSS_SCOPES:
        reference, stated = _lines(doc, reference_view), _lines(doc, stated_view)
        if reference is not None and stated is not None:
            yield from compare_lines(doc, stated, reference, missing)

