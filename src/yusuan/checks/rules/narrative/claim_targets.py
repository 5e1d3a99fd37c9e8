"""Where the tables print what a narrative claim states (subject keys: docs/conventions.md).

A subject may be printed in several places (the 收入 total is both 本年收入合计 and, without
carry-over, 收入总计); every place is a candidate and the claim must agree with one of them. A subject
stated within one fund scope (`basic@general_budget`) has only the places of that scope.
"""

from __future__ import annotations

import re

from ....model import Row, Table
from ....prose.scopes import Scope, split_scope
from ...engine.context import Doc
from ...engine.figures import Figure
from ...engine.structure import total_row, year_rows

Target = tuple[str, str, str | None, str]  # (table id, row: item or code, side, column)

_CURRENT: dict[str, tuple[Target, ...]] = {
    "revenue_total": (("summary", "income_total", "income", "total"), ("summary", "grand_total", "income", "total"),
                      ("revenue", "total", None, "total")),
    "expenditure_total": (("summary", "expenditure_total", "expenditure", "total"),
                          ("summary", "grand_total", "expenditure", "total"), ("expenditure", "total", None, "total")),
    # 财政拨款收入 of all its funds, or of the 一般公共预算 alone: the two the wording is used for
    "fiscal_revenue": (("fiscal_summary", "income_total", "income", "total"),
                       ("fiscal_summary", "grand_total", "income", "total"),
                       ("summary", "fiscal", "income", "total"), ("revenue", "total", None, "fiscal"),
                       ("fiscal_summary", "general_budget", "income", "total"),
                       ("summary", "general_budget", "income", "total"), ("summary", "fiscal", "income", "total")),
    "fiscal_expenditure": (("general_expenditure", "total", None, "total"),
                           ("fiscal_summary", "expenditure_total", "expenditure", "total"),
                           ("fiscal_summary", "grand_total", "expenditure", "total"),
                           ("fiscal_summary", "expenditure_total", "expenditure", "general_budget"),
                           ("fiscal_summary", "grand_total", "expenditure", "general_budget")),
    "basic": (("general_expenditure", "total", None, "basic"), ("expenditure", "total", None, "basic"),
              ("basic_expenditure", "total", None, "total")),
    "project": (("general_expenditure", "total", None, "project"), ("expenditure", "total", None, "project")),
    "personnel": (("basic_expenditure", "total", None, "personnel"),),
    "public": (("basic_expenditure", "total", None, "public"),),
    "gov_fund_revenue": (("fiscal_summary", "gov_fund", "income", "total"), ("summary", "gov_fund", "income", "total")),
    "gov_fund_expenditure": (("gov_fund_expenditure", "total", None, "total"),
                             ("fiscal_summary", "expenditure_total", "expenditure", "gov_fund")),
    "state_capital_revenue": (("fiscal_summary", "state_capital", "income", "total"),
                              ("summary", "state_capital", "income", "total")),
    "state_capital_expenditure": (("state_capital_expenditure", "total", None, "total"),
                                  ("fiscal_summary", "expenditure_total", "expenditure", "state_capital")),
    "procurement_total": (("procurement", "total", None, "total"),),
    "procurement:goods": (("procurement", "goods", None, "total"),),
    "procurement:works": (("procurement", "works", None, "total"),),
    "procurement:services": (("procurement", "services", None, "total"),),
    "performance:general_budget": (("general_expenditure", "total", None, "project"),),
    "performance:gov_fund": (("gov_fund_expenditure", "total", None, "project"),),
}
THREE_PUBLIC_COLUMNS = {
    "three_public_total": "total", "overseas": "overseas", "vehicle": "vehicle",
    "vehicle_purchase": "vehicle_purchase", "vehicle_operation": "vehicle_operation", "reception": "reception",
}
# Subjects an empty or missing 合计 line still answers (an empty fund table means 0).
_EMPTY_MEANS_ZERO = {"gov_fund_expenditure", "state_capital_expenditure"}


# a 收支总表 printing no 本年收入/本年支出 line (Shanghai): its 总计 is the year's, there being no carry-over
_YEAR_TOTALS = {"income_total", "expenditure_total"}


def _row(table: Table, key: str, side: str | None) -> Row | None:
    if key == "total":
        return total_row(table)
    if key.isdigit():
        return table.row(key, side)
    row = table.item(key, side)
    if row is None and key in _YEAR_TOTALS and table.item("carryover" if side == "income" else "carry_forward", side) is None:
        return table.item("grand_total", side)
    return row


def _at(doc: Doc, target: Target) -> Figure | None:
    table_id, key, side, column = target
    table = doc.table(table_id)
    if table is None:
        return None
    row = _row(table, key, side)
    if row is None:
        if key == "total" and table_id in _EMPTY_MEANS_ZERO and table.is_empty:
            return Figure.plain(None, f"{doc.title(table)}（空表）")
        return None
    return doc.cell(table, row, column)


def _functional(subject: str) -> tuple[Target, ...]:
    code = subject.split(":", 1)[1]
    return (("expenditure", code, None, "total"), ("summary", code, "expenditure", "total"),
            ("general_expenditure", code, None, "total"), ("fiscal_summary", code, "expenditure", "general_budget"),
            ("fiscal_summary", code, "expenditure", "total"), ("revenue", code, None, "total"))


def _revenue_item(subject: str) -> tuple[Target, ...]:
    item = subject.split(":", 1)[1]
    return (("summary", item, "income", "total"), ("revenue", "total", None, item))


_FUND_TABLES = {"general_budget": "general_expenditure", "gov_fund": "gov_fund_expenditure",
                "state_capital": "state_capital_expenditure"}


def _fund_targets(subject: str, scope: Scope) -> tuple[Target, ...]:
    """Where the tables print `subject` of one fund (or, scope "fiscal", of all 财政拨款 funds): that
    fund's own table, and its column of the 财政拨款收支总表 (政府采购表: of the 政府采购表)."""
    if subject.startswith("procurement"):
        row = "total" if subject == "procurement_total" else subject.split(":", 1)[1]
        return (("procurement", row, None, scope),)
    # the 财政拨款收支总表 prints all 财政拨款 funds together as its total column
    column = "total" if scope == "fiscal" else scope
    table = _FUND_TABLES.get(scope)
    found: tuple[Target, ...] = ()
    if subject.startswith("expenditure:"):
        code = subject.split(":", 1)[1]
        if table is not None:
            found += ((table, code, None, "total"),)
        return found + (("fiscal_summary", code, "expenditure", column),)
    if subject in ("basic", "project"):
        if table is not None:
            found += ((table, "total", None, subject),)
        if subject == "basic" and scope == "general_budget":
            found += (("basic_expenditure", "total", None, "total"),)
        return found + (("fiscal_summary", subject, "expenditure", column),)
    return ()


def scoped_targets(doc: Doc, subject: str, scope: Scope) -> tuple[Target, ...]:
    """A 财政拨款 figure is also the 一般公共预算 one where the tables print no other fund."""
    found = _fund_targets(subject, scope)
    if scope == "fiscal" and only_general_budget(doc):
        found += _fund_targets(subject, "general_budget")
    return found


def only_general_budget(doc: Doc) -> bool:
    """Whether the tables print no 政府性基金 or 国有资本经营 money: 财政拨款 is then the 一般公共预算."""
    table = doc.table("fiscal_summary")
    if table is None:
        return False
    for fund in ("gov_fund", "state_capital"):
        row = table.item(fund, "income")
        if row is not None and row.values.get("total"):
            return False
        total = table.item("grand_total", "expenditure") or table.item("expenditure_total", "expenditure")
        if total is not None and total.values.get(fund):
            return False
    return True


def current_targets(subject: str) -> tuple[Target, ...]:
    if subject.startswith("expenditure:"):
        return _functional(subject)
    if subject.startswith("revenue:"):
        return _revenue_item(subject)
    return _CURRENT.get(subject, ())


def printing_tables(doc: Doc, subject: str, prior: bool = False) -> tuple[str, ...]:
    """The tables where `subject` may be printed (ids), whether the document holds them or not."""
    if subject in THREE_PUBLIC_COLUMNS:
        return ("three_public",)
    if prior:
        return ("general_expenditure",)
    base, scope = split_scope(subject)
    targets = scoped_targets(doc, base, scope) if scope else current_targets(subject)
    tables = tuple(dict.fromkeys(target[0] for target in targets))
    return tables + ("basic_expenditure",) if subject in ECONOMIC_SIDES else tables


def _three_public(doc: Doc, subject: str, prior: bool) -> list[Figure]:
    table = doc.table("three_public")
    column = THREE_PUBLIC_COLUMNS.get(subject)
    if table is None or column is None:
        return []
    if subject == "three_public_total" and doc.prints(table, "three_public_total"):
        column = "three_public_total"  # the table's 合计 adds 会议费 and 培训费 to the “三公”经费
    row = year_rows(table, doc.year)[0 if prior else 1]
    if row is None:
        # no row read is not a row printed blank: a layout the recognizer misses would read as 0
        return []
    if doc.year is not None and _other_years_column(table, column, doc.year - 1 if prior else doc.year):
        return []  # both years printed side by side, read as one row: which half is which is not known
    figure = doc.cell(table, row, column)
    if column == "vehicle" and figure.blank:
        parts = [doc.cell(table, row, c) for c in ("vehicle_purchase", "vehicle_operation")]
        if not any(p.blank or p.missing for p in parts):
            # the subtotal left blank where its two parts are printed (Fuzhou): the parts say what it is
            return [Figure.total_of(parts, f"{doc.title(table)}公务用车购置费与运行费之和", figure.located)]
    return [figure]


_YEAR_IN_LABEL = re.compile(r"((?:19|20)\d{2})\s*年")


def _other_years_column(table: Table, column: str, year: int) -> bool:
    """Whether the column's printed label names a year other than `year` (重庆: "2025年公务接待费")."""
    label = next((c.label for c in table.columns if c.id == column and c.label), "")
    return any(int(y) != year for y in _YEAR_IN_LABEL.findall(label))


def _prior_year_column(doc: Doc, subject: str) -> list[Figure]:
    """The 上年预算数 column of 一般公共预算支出表, where the subject is one of its lines."""
    table = doc.table("general_expenditure")
    subject, scope = split_scope(subject)
    if table is None or scope not in (None, "general_budget") and not (scope == "fiscal" and only_general_budget(doc)):
        return []
    if subject != "fiscal_expenditure" and not subject.startswith("expenditure:"):
        return []
    row = _row(table, _line_key(subject), None)
    if row is None or row.values.get("prior_year") is None:
        return []
    return [doc.cell(table, row, "prior_year")]


def figures_for(doc: Doc, subject: str, prior: bool = False) -> list[Figure]:
    """Candidate table figures for `subject` in the budget year (or, `prior`, the year before)."""
    if subject in THREE_PUBLIC_COLUMNS:
        return _three_public(doc, subject, prior)
    if prior:
        return _prior_year_column(doc, subject)
    base, scope = split_scope(subject)
    targets = scoped_targets(doc, base, scope) if scope else current_targets(subject)
    found = [f for f in (_at(doc, target) for target in targets) if f is not None]
    if subject in ECONOMIC_SIDES and all(f.missing for f in found):
        found += _by_economic_class(doc, subject)
    return found


# 人员经费 and 公用经费 of a 基本支出表 printing one column by economic class (福州): 人员经费 is 工资福利支出
# and 对个人和家庭的补助, 公用经费 商品和服务支出 and 资本性支出
ECONOMIC_SIDES = {"personnel": ("301", "303"), "public": ("302", "310")}
_SIDE_NAMES = {"personnel": "工资福利支出与对个人和家庭的补助之和", "public": "商品和服务支出与资本性支出之和"}


def _by_economic_class(doc: Doc, subject: str) -> list[Figure]:
    """The side summed from the table's 类 lines, where the 类 read add up to its 合计 and each 类 with money
    is one of the four (a 类 of either side, such as 其他支出, leaves the sides unknown)."""
    table = doc.table("basic_expenditure")
    total = None if table is None else total_row(table)
    if table is None or total is None or not total.values.get("total"):
        return []
    classes = [r for r in table.rows if r.code is not None and len(r.code) == 3 and r.code.startswith("3")]
    known = {code for codes in ECONOMIC_SIDES.values() for code in codes}
    if len({r.code for r in classes}) != len(classes) or any(r.values.get("total") and r.code not in known for r in classes):
        return []
    cells = [doc.cell(table, r, "total") for r in classes]
    if abs(sum(c.value for c in cells) - doc.cell(table, total, "total").value) > doc.tolerance * len(cells):
        return []  # a 类 line not read: the sides are not known
    side = [c for r, c in zip(classes, cells) if r.code in ECONOMIC_SIDES[subject]]
    if not side:
        return []
    return [Figure.total_of(side, f"{doc.title(table)}{_SIDE_NAMES[subject]}", side[0].located)]


def year_pair(doc: Doc, subject: str) -> tuple[Figure, Figure] | None:
    """(prior year, budget year) figures of the same table and line, where the tables print both."""
    if subject in THREE_PUBLIC_COLUMNS:
        prior, current = _three_public(doc, subject, True), _three_public(doc, subject, False)
    else:
        prior = _prior_year_column(doc, subject)
        line = _line_key(split_scope(subject)[0]) if prior else ""
        current = [_at(doc, ("general_expenditure", line, None, "total"))] if prior else []
    if prior and current and current[0] is not None:
        return prior[0], current[0]
    return None


def _line_key(subject: str) -> str:
    return "total" if subject == "fiscal_expenditure" else subject.split(":", 1)[1]
