"""The input workbook read into BudgetInput. Every message names the sheet, the row and the column,
and says what to enter; all problems are reported at once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ..compose.facts import BudgetInput
from ..errors import YusuanError
from .assemble import Origins, assemble
from .cells import CellProblem, read_cell
from .problems import InputError, check_facts, validation_messages
from .sheets import BASIC_FACTS, SHEETS, Sheet

Rows = list[tuple[int, dict]]  # (Excel row number, key -> fact)


def _open(path: Path):
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise YusuanError(f"无法读取“{path.name}”：不是有效的 Excel 工作簿（.xlsx）。请用 yusuan template 生成模板后填写。") from exc


def _header_map(sheet_spec: Sheet, header: tuple, problems: list[str]) -> dict[int, object]:
    """Column index -> Column, by header text; a required column that is missing is a problem."""
    found = {}
    texts = [str(h).strip() if h is not None else "" for h in header]
    for column in sheet_spec.columns:
        if column.header in texts:
            found[texts.index(column.header)] = column
        elif column.required:
            problems.append(f"工作表「{sheet_spec.name}」缺少“{column.header}”列。请使用 yusuan template 生成的模板，不要改动第一行表头。")
    return found


def _list_rows(sheet_spec: Sheet, rows: list[tuple], problems: list[str]) -> Rows:
    if not rows:
        return []
    columns = _header_map(sheet_spec, rows[0], problems)
    read: Rows = []
    for number, cells in enumerate(rows[1:], start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        values = {}
        for index, column in columns.items():
            raw = cells[index] if index < len(cells) else None
            try:
                values[column.key] = read_cell(raw, column)
            except CellProblem as problem:
                problems.append(f"工作表「{sheet_spec.name}」第{number}行“{column.header}”列：{problem}。")
                continue
            if values[column.key] is None and column.required:
                problems.append(f"工作表「{sheet_spec.name}」第{number}行“{column.header}”列：必填，请填写。")
        read.append((number, values))
    return read


def _basic_rows(sheet_spec: Sheet, rows: list[tuple], problems: list[str]) -> Rows:
    """基本信息: 项目 | 填写内容, one fact per row, found by the 项目 text."""
    by_label = {str(r[0]).strip(): (number, r[1] if len(r) > 1 else None)
                for number, r in enumerate(rows, start=1) if r and r[0] is not None}
    values, origin_rows = {}, {}
    for column in BASIC_FACTS:
        number, raw = by_label.get(column.header, (None, None))
        where = f"工作表「{sheet_spec.name}」第{number}行“{column.header}”" if number else f"工作表「{sheet_spec.name}」“{column.header}”"
        try:
            values[column.key] = read_cell(raw, column)
        except CellProblem as problem:
            problems.append(f"{where}：{problem}。")
            continue
        if values[column.key] is None and column.required:
            problems.append(f"{where}：必填，请在“填写内容”列填写。")
        origin_rows[column.key] = number
    return [(0, {**values, "_rows": origin_rows})]


def read_sheets(path: Path) -> dict[str, Rows]:
    book = _open(path)
    problems: list[str] = []
    read: dict[str, Rows] = {}
    try:
        for spec in SHEETS:
            if spec.name not in book.sheetnames:
                problems.append(f"缺少工作表「{spec.name}」。请使用 yusuan template 生成的模板，不要删除或改名工作表"
                                f"（该表填写：{spec.purpose}；没有内容也请保留空表）。")
                continue
            rows = list(book[spec.name].iter_rows(values_only=True))
            reader = _basic_rows if spec.target == "basic" else _list_rows
            read[spec.target] = reader(spec, rows, problems)
    finally:
        book.close()
    if problems:
        raise InputError(path.name, problems)
    return read


def load_workbook_input(path: Path) -> tuple[BudgetInput, list[str]]:
    """The facts in an input workbook, and warnings (facts that are unusual but consistent enough)."""
    sheets = read_sheets(path)
    data, origins = assemble(sheets)
    place = origins.place
    facts = validation_messages(lambda: BudgetInput.model_validate(data), path.name, place)
    return facts, check_facts(facts, path.name, place)


__all__ = ["Origins", "load_workbook_input", "read_sheets"]
