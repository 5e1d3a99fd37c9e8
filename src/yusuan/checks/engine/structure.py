"""Reading the shape of a table: its total row, its coded rows, which row is the parent of which."""

from __future__ import annotations

import re

from ...classification import level_of, parent_of
from ...model import Row, Side, Table

# Columns of the 收入总表 (and 政府采购表) that split 合计 by where the money comes from.
SOURCE_COLUMNS = (
    "carryover", "general_budget", "gov_fund", "state_capital", "special_account", "operating",
    "business", "superior_subsidy", "subordinate", "other",
)
# Income lines of a 收支总表 that make up 本年收入合计.
INCOME_ITEMS = (
    "general_budget", "gov_fund", "state_capital", "special_account", "operating", "business",
    "superior_subsidy", "subordinate", "other",
)
CARRYOVER_ITEMS = ("carryover_general_budget", "carryover_gov_fund", "carryover_state_capital")

_TOTAL_NAMES = frozenset({"合计", "总计", "合计数"})
_DIGITS = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def is_code(text: str | None) -> bool:
    return bool(text) and _DIGITS.fullmatch(text) is not None


def is_total_row(row: Row) -> bool:
    return row.item == "total" or (row.code is None and row.item is None and row.name.strip() in _TOTAL_NAMES)


def total_row(table: Table) -> Row | None:
    return next((r for r in table.rows if is_total_row(r)), None)


def coded_rows(table: Table, side: Side | None = None) -> list[Row]:
    return [r for r in table.rows if is_code(r.code) and (side is None or r.side == side)]


def columns_of(table: Table) -> list[str]:
    """The amount columns the table prints (its declared columns, else every column a row fills)."""
    if table.columns:
        return table.column_ids
    seen: dict[str, None] = {}
    for row in table.rows:
        seen.update(dict.fromkeys(row.values))
    return list(seen)


def has_columns(table: Table, *columns: str) -> bool:
    present = set(columns_of(table))
    return all(c in present for c in columns)


def children_by_parent(rows: list[Row]) -> dict[str, list[Row]]:
    """Coded rows grouped under their parent code (款 under 类, 项 under 款)."""
    children: dict[str, list[Row]] = {}
    for row in rows:
        parent = parent_of(row.code) if row.code else None
        if parent:
            children.setdefault(parent, []).append(row)
    return children


def top_rows(rows: list[Row]) -> list[Row]:
    """Coded rows whose parent is not printed in the same table: the lines that add up to 合计."""
    codes = {r.code for r in rows}
    return [r for r in rows if parent_of(r.code or "") not in codes]


def level(row: Row) -> str | None:
    return level_of(row.code) if row.code else None


def year_rows(table: Table, year: int | None) -> tuple[Row | None, Row | None]:
    """(prior year, budget year) rows of a table printed one row per year, e.g. the 三公 table.

    Rows are found by the year in their name; a table whose rows name no year is taken in printed
    order, prior year first.
    """
    def named(y: int) -> Row | None:
        return next((r for r in table.rows if str(y) in r.name), None)

    if year is not None and any(_YEAR.search(r.name) for r in table.rows):
        return named(year - 1), named(year)
    rows = table.rows
    if not rows:
        return None, None
    return (rows[-2] if len(rows) > 1 else None), rows[-1]
