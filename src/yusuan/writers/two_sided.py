"""收支总表 and 财政拨款收支总表: income on the left, expenditure on the right, totals on one line at the bottom."""

from __future__ import annotations

from ..compose.draft import chinese_number
from ..model import Row as ModelRow, Table
from .grid import Cell, Grid, Row
from .headers import FISCAL_COLUMN_LABELS, head

# items that close a side; they are printed bottom-aligned so that 收入总计 faces 支出总计
_TAIL = {"income_total", "expenditure_total", "carryover", "carry_forward", "grand_total",
         "non_fiscal_balance", "balance_distribution"}  # the last two: 决算
# in 财政拨款收支总表 these head a block, numbered 一、二、; the lines under them are numbered (一)(二)
_BLOCKS = {"income_total", "carryover", "expenditure_total", "carry_forward"}


def two_sided_grid(table: Table) -> Grid:
    income = [r for r in table.rows if r.side == "income"]
    spending = [r for r in table.rows if r.side == "expenditure"]
    spending_columns = [c for c in table.column_ids] or ["total"]
    fiscal = table.id == "fiscal_summary"
    left = _labelled(income, fiscal, numbered_codes=False)
    right = _labelled(spending, fiscal, numbered_codes=not fiscal)
    header = [[head("收入", colspan=2), head("支出", colspan=1 + len(spending_columns))],
              [head("项目"), head("预算数"), head("支出科目")] +
              [head(FISCAL_COLUMN_LABELS.get(c, "预算数") if fiscal else "预算数") for c in spending_columns]]
    body = [_line(pair, spending_columns) for pair in _paired(left, right)]
    widths = [20.0, 9.0, 20.0] + [9.0] * len(spending_columns)
    return Grid(id=table.id, title=table.title, widths=widths, header=header, body=body)


def _labelled(rows: list[ModelRow], fiscal: bool, numbered_codes: bool) -> list[tuple[str, ModelRow]]:
    """Each row with its printed label: ordinals as the templates print them (the recognizer strips them)."""
    labelled, block, line = [], 0, 0
    for row in rows:
        name = row.name
        if fiscal and row.item in _BLOCKS:
            block, line = block + 1, 0
            name = f"{chinese_number(block)}、{row.name}"
        elif fiscal and row.item != "grand_total" and block:
            line += 1
            name = f"（{chinese_number(line)}）{row.name}"
        elif numbered_codes and row.code:
            line += 1
            name = f"{chinese_number(line)}、{row.name}"
        labelled.append((name, row))
    return labelled


def _split_tail(rows: list[tuple[str, ModelRow]]) -> tuple[list, list]:
    cut = len(rows)
    while cut > 0 and rows[cut - 1][1].item in _TAIL:
        cut -= 1
    return rows[:cut], rows[cut:]


def _paired(left: list, right: list) -> list[tuple]:
    """Body lines top-aligned, closing lines bottom-aligned, side by side."""
    left_body, left_tail = _split_tail(left)
    right_body, right_tail = _split_tail(right)
    height = max(len(left_body), len(right_body)) + max(len(left_tail), len(right_tail))
    left_lines = _fill(left_body, left_tail, height)
    right_lines = _fill(right_body, right_tail, height)
    return list(zip(left_lines, right_lines))


def _fill(body: list, tail: list, height: int) -> list:
    return body + [None] * (height - len(body) - len(tail)) + tail


def _line(pair: tuple, spending_columns: list[str]) -> Row:
    left, right = pair
    cells: Row = []
    if left is None:
        cells += [Cell(None), Cell(None)]
    else:
        name, row = left
        bold = row.item in _TAIL
        cells += [Cell(name, "name", bold=bold), Cell(row.values.get("total"), "amount", bold=bold)]
    if right is None:
        return cells + [Cell(None)] * (1 + len(spending_columns))
    name, row = right
    bold = row.item in _TAIL or row.item in _BLOCKS
    return cells + [Cell(name, "name", bold=bold)] + [Cell(row.values.get(c), "amount", bold=bold)
                                                      for c in spending_columns]
