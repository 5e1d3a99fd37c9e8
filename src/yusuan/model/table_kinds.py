"""What each standard table is: its id, its titles, whether every disclosure prints it, what its rows are.

`TABLE_KINDS` holds one entry per table, in the order a disclosure prints them; the constants the rest
of yusuan reads (titles by id, the tables a disclosure must print, the functional, economic and
two-sided tables, the print order) are derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..classification.catalog import CatalogName

Side = Literal["income", "expenditure"]
Lines = Literal["functional", "economic"]


@dataclass(frozen=True, slots=True)
class RowSum:
    """In every row of a table, the `total` column equals the sum of the `parts` columns (column ids)."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableKind:
    """One standard table.

    `id` is stable (never renamed); `title` is its usual title in a 预算, `final_title` in a 决算 (财政部
    部门决算公开 templates; None where a 决算 prints no such table). `required`: every disclosure, 预算 or
    决算, prints it (an empty one with a note; domain.md §2.1). `lines`: its rows are 支出功能分类 lines (类/款/项) or
    部门预算支出经济分类 lines (类/款); `catalog`: the code catalog its codes are read against
    (classification/catalog.py). `sides`: printed as two halves, 收入 | 支出. `targets`: a performance-target
    table, held apart from the tables of amounts (`Disclosure.performance_*`, not `Disclosure.tables`).
    `row_sums`: the sums that hold inside each of its rows, checked by the ARITH rules (checks/rules/arithmetic.py)
    in this order; a column the table does not print is left out of a sum.
    """

    id: str
    title: str
    final_title: str | None = None
    required: bool = False
    lines: Lines | None = None
    catalog: CatalogName | None = None
    sides: tuple[Side, Side] | None = None
    targets: bool = False
    row_sums: tuple[RowSum, ...] = ()


_TWO_SIDES: tuple[Side, Side] = ("income", "expenditure")
# 合计 = 基本支出 + 项目支出 (+ 单位预留机动经费, where the table prints it: jiangsu; + 上缴上级支出, 经营支出,
# 对附属单位补助支出 in a 决算 支出决算表); 基本支出 = 人员 + 公用; and a 决算 printing the budget split the
# same way beside the 决算数.
_SPLIT_SUMS = (
    RowSum("total", ("basic", "project", "reserve", "remit_superior", "business_expenditure", "subsidy_subordinate")),
    RowSum("basic", ("personnel", "public")),
    RowSum("budget_initial", ("budget_initial_basic", "budget_initial_project")),
    RowSum("budget_adjusted", ("budget_adjusted_basic", "budget_adjusted_project")),
)

# In print order. Extend when a document needs more.
TABLE_KINDS: tuple[TableKind, ...] = (
    TableKind("summary", "收支总表", "收入支出决算总表", required=True, catalog="functional", sides=_TWO_SIDES),
    TableKind("revenue", "收入总表", "收入决算表", required=True, lines="functional", catalog="functional"),
    TableKind("expenditure", "支出总表", "支出决算表", required=True, lines="functional", catalog="functional",
              row_sums=_SPLIT_SUMS),
    TableKind("fiscal_summary", "财政拨款收支总表", "财政拨款收入支出决算总表", required=True, catalog="functional",
              sides=_TWO_SIDES, row_sums=(RowSum("total", ("general_budget", "gov_fund", "state_capital")),)),
    TableKind("general_expenditure", "一般公共预算支出表", "一般公共预算财政拨款支出决算表", required=True,
              lines="functional", catalog="functional", row_sums=_SPLIT_SUMS),
    TableKind("basic_expenditure", "一般公共预算基本支出表", "一般公共预算财政拨款基本支出决算表", required=True,
              lines="economic", catalog="economic", row_sums=(RowSum("total", ("personnel", "public")),)),
    TableKind("three_public", "“三公”经费表", "财政拨款“三公”经费支出决算表", required=True,
              row_sums=(RowSum("vehicle", ("vehicle_purchase", "vehicle_operation")),)),
    TableKind("gov_fund_expenditure", "政府性基金预算支出表", "政府性基金预算财政拨款收入支出决算表", required=True,
              lines="functional", catalog="functional", row_sums=_SPLIT_SUMS),
    TableKind("state_capital_expenditure", "国有资本经营预算支出表", "国有资本经营预算财政拨款支出决算表",
              required=True, lines="functional", catalog="functional", row_sums=_SPLIT_SUMS),
    TableKind("procurement", "政府采购预算表"),
    # 金额 = 年初特定目标 + 上级专项, each the sum of its own columns
    TableKind("project_expenditure", "项目支出表", row_sums=(
        RowSum("amount", ("specific_target", "superior_special")),
        RowSum("specific_target", ("personnel_project", "general_project", "livelihood_project")),
        RowSum("superior_special", ("advance_special", "carried_project", "municipal_special")),
    )),
    TableKind("performance_overall", "整体绩效目标表", targets=True),
    TableKind("performance_project", "项目绩效目标表", targets=True),
)


def _ids(**wanted: object) -> tuple[str, ...]:
    """The ids of the tables whose fields have the values asked for, in print order."""
    return tuple(k.id for k in TABLE_KINDS if all(getattr(k, name) == value for name, value in wanted.items()))


TABLE_TITLES: dict[str, str] = {k.id: k.title for k in TABLE_KINDS}
FINAL_TABLE_TITLES: dict[str, str] = {k.id: k.final_title for k in TABLE_KINDS if k.final_title}

_REQUIRED = _ids(required=True)
STANDARD_TABLES: dict[str, tuple[str, ...]] = {"budget": _REQUIRED, "final": _REQUIRED}

# The tables of amounts (`Disclosure.tables`) in the order the writers and the composer print them.
PRINT_ORDER = _ids(targets=False)
PERFORMANCE_TABLES = _ids(targets=True)

# 支出总表 and 一般公共预算支出表 first: the rules read them in this order, and the reports and docs/rules.md
# name them so in a rule's needs ("支出总表或一般公共预算支出表或收入总表或…").
_READ_FIRST = ("expenditure", "general_expenditure")
FUNCTIONAL_TABLES = _READ_FIRST + tuple(t for t in _ids(lines="functional") if t not in _READ_FIRST)
ECONOMIC_TABLES = _ids(lines="economic")
# Tables whose rows are classification lines of either kind, in print order.
CODED_TABLES = tuple(k.id for k in TABLE_KINDS if k.lines)
TWO_SIDED_TABLES = tuple(k.id for k in TABLE_KINDS if k.sides)
# The in-row sums by table id, for the tables that declare any.
ROW_SUMS: dict[str, tuple[RowSum, ...]] = {k.id: k.row_sums for k in TABLE_KINDS if k.row_sums}
# The tables whose 合计 splits into 基本支出 and 项目支出 in every row.
SPLIT_TABLES = tuple(table_id for table_id, sums in ROW_SUMS.items()
                     if any(s.total == "total" and {"basic", "project"} <= set(s.parts) for s in sums))


def standard_table_title(table_id: str, kind: str = "budget") -> str:
    """The usual title of a standard table in a budget or a final-accounts document."""
    if kind == "final" and table_id in FINAL_TABLE_TITLES:
        return FINAL_TABLE_TITLES[table_id]
    return TABLE_TITLES.get(table_id, table_id)
