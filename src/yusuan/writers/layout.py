"""The one layout of each standard table — header rows and row order — that all four writers print.

Tables are printed the way real disclosures print them, so that yusuan (and people) read them back:
a title line "<部门><年>年部门收支总表", a "单位：万元" line, merged header rows, then one row per line
with code, name and amounts in fixed columns.
"""

from __future__ import annotations

from ..classification import level_of
from ..model import CODED_TABLES, TWO_SIDED_TABLES, Disclosure, Project, Row as ModelRow, Table
from .grid import Cell, Grid, Row
from .headers import coded_header, head, label
from .two_sided import two_sided_grid
from .punctuation import chinese_punctuation

CODE_GROUPS = {"basic_expenditure": "部门预算支出经济分类科目"}
_INDENT = {"类": 0, "款": 1, "项": 2}
CODE_WIDTH, NAME_WIDTH, AMOUNT_WIDTH = 8.0, 22.0, 9.0
THREE_PUBLIC_HEAD = ("合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费")


def unit_line(table: Table) -> str:
    return f"单位：{table.unit.value}"


def amount(value, bold: bool = False) -> Cell:
    return Cell(value, "amount", bold=bold)


def table_grid(table: Table, disclosure: Disclosure) -> Grid:
    if table.id in TWO_SIDED_TABLES:
        grid = two_sided_grid(table)
    elif table.id == "three_public":
        grid = three_public_grid(table, "决算数" if disclosure.kind == "final" else "预算数")
    elif table.id == "project_expenditure":
        grid = project_grid(table, disclosure.projects, disclosure.year)
    elif table.id == "procurement" or not any(r.code for r in table.rows) and table.id not in CODED_TABLES:
        grid = labelled_grid(table, disclosure.year)
    else:
        grid = coded_grid(table, disclosure.year)
    grid.title, grid.unit_line = chinese_punctuation(table.title), unit_line(table)
    grid.note = chinese_punctuation(_note(table.note)) if table.note else None
    return grid


def _note(note: str | None) -> str | None:
    if not note:
        return None
    return note if note.startswith(("备注", "注")) else f"备注：{note}"


def coded_grid(table: Table, year: int | None) -> Grid:
    header = coded_header(table, year, CODE_GROUPS.get(table.id, "功能分类科目"))
    body = [_coded_row(table, row) for row in table.rows]
    amount_width = AMOUNT_WIDTH if len(table.columns) <= 4 else 7.5  # 收入总表: 11 columns on a landscape page
    widths = [CODE_WIDTH, NAME_WIDTH + (6 if len(table.columns) > 4 else 0)] + [amount_width] * len(table.columns)
    return Grid(id=table.id, title=table.title, widths=widths, header=header, body=body)


def _coded_row(table: Table, row: ModelRow) -> Row:
    is_total = row.code is None
    level = level_of(row.code) if row.code else None
    cells = [Cell(row.code, "code"), Cell(row.name, "name", indent=_INDENT.get(level or "", 0), bold=is_total)]
    return cells + [amount(row.values.get(c), bold=is_total or level == "类") for c in table.column_ids]


def labelled_grid(table: Table, year: int | None) -> Grid:
    """A label column, then the amounts (政府采购预算表 and any table without codes)."""
    columns = table.column_ids
    sources = [c for c in columns if c != "total"]
    if sources:
        top: Row = [head("项目", rowspan=2)] + ([head(label("total", year), rowspan=2)] if "total" in columns else [])
        header = [top + [head("资金来源", colspan=len(sources))], [head(label(c, year)) for c in sources]]
    else:
        header = [[head("项目")] + [head(label(c, year)) for c in columns]]
    body = [[Cell(r.name, "name", bold=r.item == "total")] + [amount(r.values.get(c), r.item == "total") for c in columns]
            for r in table.rows]
    return Grid(id=table.id, title=table.title, widths=[NAME_WIDTH * 0.6] + [AMOUNT_WIDTH] * len(columns),
                header=header, body=body)


def three_public_grid(table: Table, figure: str = "预算数") -> Grid:
    """One group of columns per row, one 合计 line: the common 三公 layout. A row named by its year is
    headed "<year>年预算数" (a 决算's: "<year>年决算数"); a row already named so ("2024年预算数", the
    budget a 决算 prints beside its figure) keeps its name. An item the table does not hold is not printed
    (a column left out is no column of blank cells)."""
    groups = [f"{r.name}年{figure}" if r.name.isdigit() else r.name for r in table.rows]
    held = set(table.column_ids)
    order = [c for c in ("total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
             if c in held]
    vehicle = [c for c in order if c.startswith("vehicle")]
    top: Row = [head("项目", rowspan=3)] + [head(group, colspan=len(order)) for group in groups]
    middle: Row = []
    bottom: Row = []
    for _ in groups:
        for column, text in (("total", THREE_PUBLIC_HEAD[0]), ("overseas", THREE_PUBLIC_HEAD[1]),
                             ("vehicle", THREE_PUBLIC_HEAD[2]), ("reception", THREE_PUBLIC_HEAD[3])):
            if column == "vehicle" and vehicle:
                middle.append(head(text, colspan=len(vehicle)))
                bottom += [head(_VEHICLE_HEAD[c]) for c in vehicle]
            elif column in held:
                middle.append(head(text, rowspan=2))
    body = [[Cell("合计", "name", bold=True)] + [amount(r.values.get(c)) for r in table.rows for c in order]]
    return Grid(id=table.id, title=table.title, widths=[6.0] + [7.5] * (len(order) * len(groups)),
                header=[top, middle, bottom], body=body)


_VEHICLE_HEAD = {"vehicle": "小计", "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行维护费"}


SPLIT_GROUPS = (("specific_target", "年初特定目标", ("specific_target", "personnel_project", "general_project",
                                                 "livelihood_project")),
                ("superior_special", "上级专项", ("superior_special", "advance_special", "carried_project",
                                              "municipal_special")))


def project_grid(table: Table, projects: list[Project], year: int | None) -> Grid:
    funding = [c for c in table.column_ids if c != "amount"]
    top: Row = [head("序号", rowspan=2), head("预算单位", rowspan=2), head("功能分类科目", colspan=2),
                head("项目名称", rowspan=2), head("合计", rowspan=2)]
    bottom: Row = [head("科目编码"), head("科目名称")]
    for column in funding:
        group = next((g for g in SPLIT_GROUPS if column in g[2]), None)
        if group is None:
            top.append(head(label(column, year), rowspan=2))
        else:
            if column == group[0]:
                top.append(head(group[1], colspan=sum(1 for c in funding if c in group[2])))
            bottom.append(head("小计" if column == group[0] else label(column, year)))
    by_code = {p.code: p for p in projects if p.code}
    body = [_project_row(table, row, by_code.get(row.code), index) for index, row in enumerate(table.rows)]
    widths = [4.0, 10.0, CODE_WIDTH, 10.0, 24.0] + [AMOUNT_WIDTH] * len(table.column_ids)
    return Grid(id=table.id, title=table.title, widths=widths, header=[top, bottom], body=body)


def _project_row(table: Table, row: ModelRow, project: Project | None, index: int) -> Row:
    values = [amount(row.values.get(c), row.item == "total") for c in table.column_ids]
    if row.item == "total":
        return [Cell(None), Cell(None), Cell(None), Cell(None), Cell("合计", "name", bold=True)] + values
    name = f"{row.code}-{row.name}" if row.code else row.name
    unit = project.budget_unit if project else None
    code = project.functional_code if project else None
    fname = project.functional_name if project else None
    return [Cell(str(index), "code"), Cell(unit, "text"), Cell(code, "code"), Cell(fname, "text"),
            Cell(name, "name")] + values
