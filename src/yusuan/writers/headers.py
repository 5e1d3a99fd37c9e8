"""Header wording of the standard tables, by column id (the printed labels the recognizer reads back)."""

from __future__ import annotations

from ..model import COLUMN_LABELS, Table
from .grid import Cell, Row

LABELS: dict[str, str] = {
    **COLUMN_LABELS,
    "total": "合计",
    "public": "公用经费",
    "general_budget": "一般公共预算拨款收入",
    "gov_fund": "政府性基金预算拨款收入",
    "state_capital": "国有资本经营预算拨款收入",
    "special_account": "财政专户管理资金收入",
    "overseas": "因公出国（境）费",
}
FISCAL_COLUMN_LABELS = {"total": "合计", "general_budget": "一般公共预算", "gov_fund": "政府性基金预算",
                        "state_capital": "国有资本经营预算"}
# columns that sit under "{year}年预算数" / "{year}年基本支出" in the tables that split 基本/项目 or 人员/公用
SPLIT_GROUP = ("total", "basic", "project")
ECONOMIC_GROUP = ("total", "personnel", "public")


def label(column: str, year: int | None) -> str:
    if column == "prior_year":
        return f"{year - 1}年预算数" if year else "上年预算数"
    return LABELS.get(column, column)


def head(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, "head", colspan, rowspan)


def coded_header(table: Table, year: int | None, code_group: str) -> list[Row]:
    """Two rows: the code/name pair under its group, value columns grouped where the template groups them."""
    columns = table.column_ids
    group, group_label = _group_of(table.id, columns, year)
    top: Row = [head(code_group, colspan=2)]
    bottom: Row = [head("科目编码"), head("科目名称")]
    placed_group = False
    for column in columns:
        if column in group:
            if not placed_group:
                top.append(head(group_label, colspan=len(group)))
                placed_group = True
            bottom.append(head(label(column, year)))
        else:
            top.append(head(label(column, year), rowspan=2))
    return [top, bottom]


def _group_of(table_id: str, columns: list[str], year: int | None) -> tuple[list[str], str]:
    when = f"{year}年" if year else "本年"
    if table_id == "basic_expenditure":
        return [c for c in columns if c in ECONOMIC_GROUP], f"{when}基本支出"
    if set(SPLIT_GROUP) & set(columns) and table_id != "revenue":
        return [c for c in columns if c in SPLIT_GROUP], f"{when}预算数"
    return [], ""
