"""The input workbook read into BudgetInput. Every message names the sheet, the cell and the column,
and says what to enter; all problems are reported at once.

Reading goes on past a bad cell (it is left out), so one run lists the bad cells, the rows that cannot
be placed, the missing facts, and the checks between sheets. Those last are made without the bad cells
and are listed apart, with a note that they may change once the cells are corrected.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import ValidationError

from ..compose.facts import BudgetInput
from ..errors import YusuanError
from .assemble import Origins, assemble, worded
from .cells import CellProblem, read_cell
from .problems import PENDING, InputError, consistency, pydantic_messages
from .sheets import KIND, Sheet, sheets_for

Rows = list[tuple[int, dict]]  # (Excel row number, key -> fact)
Letters = dict[str, dict[str, str]]  # sheet -> column header -> column letter


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


def _list_rows(sheet_spec: Sheet, rows: list[tuple], problems: list[str], letters: Letters) -> Rows:
    if not rows:
        return []
    columns = _header_map(sheet_spec, rows[0], problems)
    letters[sheet_spec.name] = {column.header: get_column_letter(index + 1) for index, column in columns.items()}
    read: Rows = []
    for number, cells in enumerate(rows[1:], start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        values = {}
        for index, column in columns.items():
            raw = cells[index] if index < len(cells) else None
            where = worded(sheet_spec.name, number, column.header, get_column_letter(index + 1))
            try:
                values[column.key] = read_cell(raw, column)
            except CellProblem as problem:
                problems.append(f"{where}：{problem}。")
                continue
            if values[column.key] is None and column.required:
                problems.append(f"{where}：必填，请填写。")
        read.append((number, values))
    return read


def _by_label(rows: list[tuple]) -> dict[str, tuple[int, object]]:
    return {str(r[0]).strip(): (number, r[1] if len(r) > 1 else None)
            for number, r in enumerate(rows, start=1) if r and r[0] is not None}


def _basic_rows(sheet_spec: Sheet, rows: list[tuple], problems: list[str], letters: Letters) -> Rows:
    """基本信息: 项目 | 填写内容, one fact per row, found by the 项目 text."""
    by_label = _by_label(rows)
    letters[sheet_spec.name] = {column.header: "B" for column in sheet_spec.columns}
    values, origin_rows = {}, {}
    for column in sheet_spec.columns:
        number, raw = by_label.get(column.header, (None, None))
        where = worded(sheet_spec.name, number, column.header, "B")
        origin_rows[column.key] = number
        try:
            values[column.key] = read_cell(raw, column)
        except CellProblem as problem:
            problems.append(f"{where}：{problem}。")
            continue
        if values[column.key] is None and column.required:
            how = "请在“填写内容”列填写" if number else "这一行不见了，请用 yusuan template 生成的模板补上这一行并填写"
            problems.append(f"{where}：必填，{how}。")
    return [(0, {**values, "_rows": origin_rows})]


def _kind(book) -> str:
    """预算 or 决算, from the 基本信息 row “公开类型” (a workbook without it is a budget's)."""
    if "基本信息" not in book.sheetnames:
        return "budget"
    _, raw = _by_label(list(book["基本信息"].iter_rows(values_only=True))).get(KIND.header, (None, None))
    try:
        return read_cell(raw, KIND) or "budget"
    except CellProblem:
        return "budget"  # the row itself is reported when 基本信息 is read


def read_sheets(path: Path) -> tuple[dict[str, Rows], Letters, list[str], str]:
    """Every sheet's rows, the column letters, every problem of a sheet, a header or a cell, and the kind."""
    book = _open(path)
    problems: list[str] = []
    read: dict[str, Rows] = {}
    letters: Letters = {}
    try:
        kind = _kind(book)
        for spec in sheets_for(kind):
            if spec.name not in book.sheetnames:
                problems.append(f"缺少工作表「{spec.name}」。请使用 yusuan template 生成的模板，不要删除或改名工作表"
                                f"（该表填写：{spec.purpose}；没有内容也请保留空表）。")
                continue
            rows = list(book[spec.name].iter_rows(values_only=True))
            reader = _basic_rows if spec.target == "basic" else _list_rows
            read[spec.target] = reader(spec, rows, problems, letters)
    finally:
        book.close()
    return read, letters, problems, kind


# the lists whose items can be left out, to check the rest of the workbook when some rows are bad
_ITEM_LISTS = (("functional_lines",), ("economic_lines",), ("projects",), ("procurement", "items"),
               ("performance", "projects"))


def _not_yet_said(messages: list[str], said: list[str]) -> list[str]:
    """Messages about a place no earlier message named (a bad cell is not also 'missing')."""
    places = {m.split("：", 1)[0] for m in said}
    return [m for m in messages if m.split("：", 1)[0] not in places]


def _without_bad_items(data: dict, exc: ValidationError) -> dict | None:
    """The data without the list items pydantic refused; None when a refused fact is not in such an item."""
    bad: dict[tuple, set[int]] = {}
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        key = next((k for k in _ITEM_LISTS if loc[:len(k)] == k and len(loc) > len(k) and isinstance(loc[len(k)], int)),
                   None)
        if key is None:
            return None
        bad.setdefault(key, set()).add(loc[len(key)])
    kept = {**data, "procurement": dict(data.get("procurement", {})), "performance": dict(data.get("performance", {}))}
    for key, indexes in bad.items():
        node = kept
        for part in key[:-1]:
            node = node[part]
        node[key[-1]] = [item for i, item in enumerate(node[key[-1]]) if i not in indexes]
    return kept


def load_workbook_input(path: Path) -> tuple[BudgetInput, list[str]]:
    """The facts in an input workbook, and warnings (facts that are unusual but consistent enough).

    Raises InputError listing every problem at once."""
    sheets, letters, problems, kind = read_sheets(path)
    data, origins, unplaced = assemble(sheets, letters, kind)
    problems += unplaced
    place = origins.place
    try:
        facts = BudgetInput.model_validate(data)
    except ValidationError as exc:
        problems += _not_yet_said(pydantic_messages(exc, place), problems)
        rest = _without_bad_items(data, exc)
        try:
            facts = BudgetInput.model_validate(rest) if rest is not None else None
        except ValidationError:
            facts = None
    if facts is None:
        raise InputError(path.name, problems, pending=PENDING)
    errors, warnings = consistency(facts, place)
    if problems:
        raise InputError(path.name, problems, tentative=_not_yet_said(errors, problems))
    if errors:
        raise InputError(path.name, errors)
    return facts, warnings


__all__ = ["Origins", "load_workbook_input", "read_sheets"]
