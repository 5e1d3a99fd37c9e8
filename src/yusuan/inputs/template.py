"""The input workbook: `yusuan template` writes it empty (a budget's, or with `kind="final"` a 决算's);
`workbook_bytes(facts)` writes it filled.

Chinese headers, a note on each header cell, data validation for codes, numbers and choices, and a
填表说明 sheet first.
"""

from __future__ import annotations

import io
from decimal import Decimal

import xlsxwriter

from ..compose.facts import BudgetInput
from .facts_rows import sheet_rows
from .sheets import KIND_CHOICES, LEVEL2_SUGGESTIONS, Column, Sheet, sheets_for

_ROWS = 500  # rows that carry validation in each list sheet
INSTRUCTIONS = (
    "本工作簿用于填写部门预算公开的“叶子”数据：只填不能推算的数，合计、汇总、表间数和增减额由 yusuan 计算。",
    "填好后运行：yusuan render 本文件.xlsx --to pdf --to docx --to xlsx --to html -o 输出文件夹",
    "金额单位以“基本信息”表的“金额单位”为准（默认万元），填数字，不带单位和千分位逗号也可以，最多两位小数，不能为负数。",
    "科目编码按当年《政府收支分类科目》填写：支出功能分类填7位项级编码，基本支出经济分类填5位款级编码。",
    "只有项目支出的功能科目可以不在“支出功能科目”表中填写：项目支出由“项目”表按功能科目汇总得出。",
    "“项目”表中每个项目都要在“绩效目标”表有一行，并在“绩效指标”表中有指标；部门整体指标的项目列填“整体”。",
    "请不要删除、改名工作表，也不要改动第一行的表头。空行会被跳过。",
)
FINAL_INSTRUCTIONS = (
    "本工作簿用于填写部门决算公开的“叶子”数据：只填不能推算的数（决算数），合计、汇总、表间数、增减额和完成预算的比例由 yusuan 计算。",
    "填好后运行：yusuan render 本文件.xlsx --to pdf --to docx --to xlsx --to html -o 输出文件夹",
    "“基本信息”中“公开类型”为“决算”，请不要改动；上年数填上年决算数。",
    "金额单位以“基本信息”表的“金额单位”为准（默认万元），填数字，不带单位和千分位逗号也可以，最多两位小数，不能为负数。",
    "科目编码按当年《政府收支分类科目》填写：支出功能分类填7位项级编码，基本支出经济分类填5位款级编码。",
    "“支出功能科目”表的“年初预算数”填写后，情况说明写出每个科目完成年初预算的比例；没填的不写。",
    "年初结转和结余、年末结转和结余暂不录入，表中空着。",
    "请不要删除、改名工作表，也不要改动第一行的表头。空行会被跳过。",
)


class _Styles:
    def __init__(self, book: xlsxwriter.Workbook):
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        self.header = book.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                       "align": "center"})
        self.required = book.add_format({**base, "bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True,
                                         "align": "center"})
        self.text = book.add_format({**base, "num_format": "@", "text_wrap": True})
        self.money = book.add_format({**base, "num_format": "#,##0.00"})
        self.plain = book.add_format(base)
        self.title = book.add_format({**base, "bold": True, "font_size": 14})
        self.wrap = book.add_format({**base, "text_wrap": True})


def _validate(sheet, first: int, last: int, column_index: int, column: Column) -> None:
    rule: dict | None = None
    if column.kind == "money":
        rule = {"validate": "decimal", "criteria": ">=", "value": 0,
                "error_message": "请填写不小于0的金额（数字，最多两位小数，不带单位）。"}
    elif column.kind in ("code7", "code5"):
        digits = 7 if column.kind == "code7" else 5
        rule = {"validate": "length", "criteria": "==", "value": digits,
                "error_message": f"请填写{digits}位数字的科目编码。"}
    elif column.kind == "count":
        rule = {"validate": "integer", "criteria": ">=", "value": 0, "error_message": "请填写不小于0的整数。"}
    elif column.kind == "year":
        rule = {"validate": "integer", "criteria": "between", "minimum": 2000, "maximum": 2100,
                "error_message": "请填写四位年份，如 2024。"}
    elif column.kind == "date":
        rule = {"validate": "date", "criteria": ">", "value": "1990-01-01", "error_message": "请填写日期，如 2024-01-01。"}
    elif column.choices:
        rule = {"validate": "list", "source": list(column.choices), "error_message": "请从下拉列表中选择。"}
    elif column.key == "level2":
        rule = {"validate": "list", "source": list(LEVEL2_SUGGESTIONS), "error_type": "information",
                "error_message": "不是标准二级指标：请同时填写一级指标。"}
    if rule is not None:
        rule.setdefault("error_title", column.header)
        sheet.data_validation(first, column_index, last, column_index, rule)


def _cell_style(styles: _Styles, column: Column):
    if column.kind == "money":
        return styles.money
    if column.kind in ("code7", "code5", "text", "choice"):
        return styles.text
    return styles.plain


def _write_value(sheet, row: int, column_index: int, value, style) -> None:
    if value is None or value == "":
        return
    if isinstance(value, Decimal):
        sheet.write_number(row, column_index, float(value), style)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, column_index, value, style)
    else:
        sheet.write_string(row, column_index, str(value), style)


def _list_sheet(book, styles: _Styles, spec: Sheet, rows: list[dict]) -> None:
    sheet = book.add_worksheet(spec.name)
    for index, column in enumerate(spec.columns):
        sheet.write_string(0, index, column.header, styles.required if column.required else styles.header)
        note = "（必填）" if column.required else ""
        if column.hint or note:
            sheet.write_comment(0, index, f"{column.hint}{note}", {"x_scale": 1.6})
        sheet.set_column(index, index, column.width, _cell_style(styles, column))
        _validate(sheet, 1, _ROWS, index, column)
    for r, values in enumerate(rows, start=1):
        for index, column in enumerate(spec.columns):
            _write_value(sheet, r, index, values.get(column.key), _cell_style(styles, column))
    sheet.freeze_panes(1, 0)


def _basic_sheet(book, styles: _Styles, spec: Sheet, values: dict) -> None:
    """项目 | 填写内容 | 说明, one row per fact of `spec`."""
    sheet = book.add_worksheet(spec.name)
    for index, header in enumerate(("项目", "填写内容", "说明")):
        sheet.write_string(0, index, header, styles.header)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 60, styles.text)
    sheet.set_column(2, 2, 44, styles.wrap)
    for r, column in enumerate(spec.columns, start=1):
        sheet.write_string(r, 0, column.header, styles.required if column.required else styles.plain)
        sheet.write_string(r, 2, column.hint + ("（必填）" if column.required else ""), styles.wrap)
        _validate(sheet, r, r, 1, column)
        _write_value(sheet, r, 1, values.get(column.key), styles.money if column.kind == "money" else styles.text)
    sheet.freeze_panes(1, 0)


def _instructions(book, styles: _Styles, kind: str) -> None:
    sheet = book.add_worksheet("填表说明")
    sheet.set_column(0, 0, 8)
    sheet.set_column(1, 1, 110, styles.wrap)
    final = kind == "final"
    sheet.write_string(0, 0, f"部门{'决算' if final else '预算'}公开数据填报说明", styles.title)
    instructions = FINAL_INSTRUCTIONS if final else INSTRUCTIONS
    for r, text in enumerate(instructions, start=2):
        sheet.write_number(r, 0, r - 1)
        sheet.write_string(r, 1, text, styles.wrap)
    r = len(instructions) + 3
    sheet.write_string(r, 0, "工作表", styles.header)
    sheet.write_string(r, 1, "填写什么", styles.header)
    for offset, spec in enumerate(sheets_for(kind), start=1):
        sheet.write_string(r + offset, 0, spec.name, styles.plain)
        sheet.write_string(r + offset, 1, spec.purpose, styles.wrap)
    sheet.set_column(0, 0, 18)


def workbook_bytes(facts: BudgetInput | None = None, kind: str = "budget") -> bytes:
    """The input workbook, empty (the template of `kind`: "budget" or "final") or filled with `facts`."""
    kind = facts.kind if facts is not None else kind
    rows = sheet_rows(facts) if facts is not None else {}
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    styles = _Styles(book)
    _instructions(book, styles, kind)
    kind_label = {v: k for k, v in KIND_CHOICES.items()}[kind]
    for spec in sheets_for(kind):
        if spec.target == "basic":
            _basic_sheet(book, styles, spec, rows["basic"][0] if rows else {"kind": kind_label})
        else:
            default = _default_rows(spec) if facts is None else []
            _list_sheet(book, styles, spec, rows.get(spec.target, default))
    book.close()
    return buffer.getvalue()


def _default_rows(spec: Sheet) -> list[dict]:
    """The template pre-fills what every form has: the four 三公 items."""
    if spec.target == "three_public":
        return [{"item": name} for name in spec.columns[0].choices]
    return []
