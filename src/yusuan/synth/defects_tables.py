"""Defects in the printed tables: a changed cell, a row too many, a code or name wrong, a table or
column left out."""

from __future__ import annotations

import random
import re
from typing import Any

from ..classification import catalog
from ..classification.catalog import WEAK_CONFIDENCE
from ..model import Disclosure
from .defect import bumped, delta, rows_where, with_row, with_sections, with_table

Edited = tuple[Disclosure, dict[str, Any]] | None


def _item_row(d: Disclosure, table_id: str, rng: random.Random, column: str = "total") -> int | None:
    """A 项 (7-digit) row with an amount in `column`."""
    found = rows_where(d, table_id, lambda r: bool(r.code) and len(r.code) == 7 and bool(r.values.get(column)))
    return rng.choice(found) if found else None


def row_total(rng: random.Random, d: Disclosure) -> Edited:
    """部门支出总表: one 项's 合计 no longer basic + project."""
    index = _item_row(d, "expenditure", rng)
    if index is None:
        return None
    row = d.tables["expenditure"].rows[index]
    return with_row(d, "expenditure", index, bumped(row, {"total": delta(rng)})), {"table": "expenditure", "code": row.code,
                                                                                  "column": "total"}


def three_public_total(rng: random.Random, d: Disclosure) -> Edited:
    """三公 table: the budget year's 合计 no longer the sum of its items."""
    table = d.tables.get("three_public")
    if table is None or not table.rows:
        return None
    index = len(table.rows) - 1
    return with_row(d, "three_public", index, bumped(table.rows[index], {"total": delta(rng)})), \
        {"table": "three_public", "row": table.rows[index].name, "column": "total"}


def personnel_split(rng: random.Random, d: Disclosure) -> Edited:
    """基本支出表: one 款's 合计 no longer 人员经费 + 公用经费 (the 人员/公用 cell changed)."""
    found = rows_where(d, "basic_expenditure", lambda r: bool(r.code) and len(r.code) == 5 and bool(r.values.get("total")))
    if not found:
        return None
    index = rng.choice(found)
    row = d.tables["basic_expenditure"].rows[index]
    column = "personnel" if row.code[:3] in ("301", "303") else "public"
    return with_row(d, "basic_expenditure", index, bumped(row, {column: delta(rng)})), \
        {"table": "basic_expenditure", "code": row.code, "column": column}


def class_total(rng: random.Random, d: Disclosure) -> Edited:
    """一般公共预算支出表: a 款 row no longer the sum of its 项 (its own row still adds up)."""
    found = rows_where(d, "general_expenditure", lambda r: bool(r.code) and len(r.code) == 5 and bool(r.values.get("basic")))
    if not found:
        return None
    index, change = rng.choice(found), delta(rng)
    row = d.tables["general_expenditure"].rows[index]
    return with_row(d, "general_expenditure", index, bumped(row, {"total": change, "basic": change})), \
        {"table": "general_expenditure", "code": row.code, "column": "total"}


def grand_total(rng: random.Random, d: Disclosure) -> Edited:
    """一般公共预算支出表: the 合计 row no longer the sum of the 类 (its own row still adds up)."""
    found = rows_where(d, "general_expenditure", lambda r: r.item == "total" and bool(r.values.get("basic")))
    if not found:
        return None
    change = delta(rng)
    row = d.tables["general_expenditure"].rows[found[0]]
    return with_row(d, "general_expenditure", found[0], bumped(row, {"total": change, "basic": change})), \
        {"table": "general_expenditure", "row": "合计", "column": "total"}


def project_list_total(rng: random.Random, d: Disclosure) -> Edited:
    """项目支出表: the 合计 row no longer the sum of the projects."""
    found = rows_where(d, "project_expenditure", lambda r: r.item == "total" and bool(r.values.get("amount")))
    if not found:
        return None
    row = d.tables["project_expenditure"].rows[found[0]]
    return with_row(d, "project_expenditure", found[0], bumped(row, {"amount": delta(rng)})), \
        {"table": "project_expenditure", "row": "合计", "column": "amount"}


def code_name(rng: random.Random, d: Disclosure) -> Edited:
    """一般公共预算支出表: a 项 printed with the name of another 项 of another 款; only a 项 whose name the
    catalog is sure of (CODE-NAME only notes a name against one it recalls)."""
    book = catalog("functional")
    found = rows_where(d, "general_expenditure", lambda r: bool(r.code) and len(r.code) == 7 and bool(r.values.get("total"))
                       and (entry := book.get(r.code)) is not None and entry.confidence not in WEAK_CONFIDENCE)
    if not found:
        return None
    index = rng.choice(found)
    row = d.tables["general_expenditure"].rows[index]
    others = [e.name for e in book.entries()
              if e.level == "项" and e.parent != row.code[:5] and e.name not in ("行政运行", "一般行政管理事务", "机关服务",
                                                                                 "事业运行")]
    name = rng.choice(sorted(set(others)))
    return with_row(d, "general_expenditure", index, row.model_copy(update={"name": name})), \
        {"table": "general_expenditure", "code": row.code, "printed": name}


def code_unknown(rng: random.Random, d: Disclosure) -> Edited:
    """一般公共预算支出表: a 项 printed with a code the catalog does not know (same 款)."""
    index = _item_row(d, "general_expenditure", rng)
    if index is None:
        return None
    row = d.tables["general_expenditure"].rows[index]
    taken = {r.code for r in d.tables["general_expenditure"].rows}
    unknown = [row.code[:5] + f"{n:02d}" for n in range(60, 98)
               if row.code[:5] + f"{n:02d}" not in catalog("functional") and row.code[:5] + f"{n:02d}" not in taken]
    code = rng.choice(unknown)
    return with_row(d, "general_expenditure", index, row.model_copy(update={"code": code})), \
        {"table": "general_expenditure", "code": code, "was": row.code}


def code_duplicate(rng: random.Random, d: Disclosure) -> Edited:
    """一般公共预算支出表: a 项 row printed twice."""
    index = _item_row(d, "general_expenditure", rng)
    if index is None:
        return None
    table = d.tables["general_expenditure"]
    rows = [*table.rows[:index + 1], table.rows[index], *table.rows[index + 1:]]
    return with_table(d, table.model_copy(update={"rows": rows})), \
        {"table": "general_expenditure", "code": table.rows[index].code}


MISSABLE = ("revenue", "fiscal_summary", "basic_expenditure", "three_public", "state_capital_expenditure")


def missing_table(rng: random.Random, d: Disclosure) -> Edited:
    """One of the nine tables every disclosure must print is left out."""
    present = [t for t in MISSABLE if t in d.tables]
    if not present:
        return None
    table_id = rng.choice(present)
    return d.model_copy(update={"tables": {k: v for k, v in d.tables.items() if k != table_id}}), {"table": table_id}


_FUND_SECTIONS = {"gov_fund_expenditure": "政府性基金预算支出情况", "state_capital_expenditure": "国有资本经营预算支出情况"}


_DOUBLED_MARK = re.compile(r"([，,；;:：])[，,；;]+")
_MARK_BEFORE_STOP = re.compile(r"[，,；;:：]+(?=。|$)")


def _tidy_marks(text: str) -> str:
    """Text with clauses cut out, without the marks they leave side by side."""
    return _MARK_BEFORE_STOP.sub("", _DOUBLED_MARK.sub(r"\1", text))


def empty_without_note(rng: random.Random, d: Disclosure) -> Edited:
    """An empty fund table printed without saying why it is empty: no note under it, and no part of the
    情况说明 saying the spending is 0 (that would explain it)."""
    empty = [t for t in _FUND_SECTIONS if t in d.tables and d.tables[t].is_empty]
    if not empty:
        return None
    table = d.tables[rng.choice(empty)]
    # nor a clause elsewhere stating the fund's money is 0 ("国有资本经营预算拨款收入0.00万元"): that explains it too
    fund = re.compile(rf"[^。；;，,:：]*{_FUND_SECTIONS[table.id][:4]}[^。；;，,]*[；;，,]?")
    sections = [s.model_copy(update={"text": _tidy_marks(fund.sub("", s.text))}) for s in d.narrative.sections
                if s.title != _FUND_SECTIONS[table.id]]
    d = with_sections(d, sections)
    return with_table(d, table.model_copy(update={"note": None})), {"table": table.id}


def shallow_economic(rng: random.Random, d: Disclosure) -> Edited:
    """基本支出表: the 公用经费 class printed without its 款."""
    table = d.tables.get("basic_expenditure")
    if table is None or not any(r.code and r.code.startswith("302") and len(r.code) == 5 for r in table.rows):
        return None
    rows = [r for r in table.rows if not (r.code and r.code.startswith("302") and len(r.code) == 5)]
    return with_table(d, table.model_copy(update={"rows": rows})), {"table": "basic_expenditure", "code": "302"}


def three_public_item(rng: random.Random, d: Disclosure) -> Edited:
    """三公 table: the 公务接待费 column left out."""
    table = d.tables.get("three_public")
    if table is None:
        return None
    columns = [c for c in table.columns if c.id != "reception"]
    rows = [r.model_copy(update={"values": {k: v for k, v in r.values.items() if k != "reception"}}) for r in table.rows]
    return with_table(d, table.model_copy(update={"columns": columns, "rows": rows})), \
        {"table": "three_public", "column": "reception"}


def department_in_title(rng: random.Random, d: Disclosure) -> Edited:
    """A table titled with another department's name."""
    table = d.tables.get("procurement") or d.tables.get("project_expenditure")
    if table is None or not d.department or d.department not in table.title:
        return None
    other = d.department[:-2] + "管理局" if not d.department.endswith("管理局") else d.department[:-3] + "委员会"
    return with_table(d, table.model_copy(update={"title": table.title.replace(d.department, other)})), \
        {"table": table.id, "printed": other}


def year_in_title(rng: random.Random, d: Disclosure) -> Edited:
    """A table titled with the wrong year."""
    table = d.tables.get("procurement") or d.tables.get("project_expenditure")
    if table is None or not d.year or f"{d.year}年" not in table.title:
        return None
    wrong = d.year + rng.choice((1, 2))
    return with_table(d, table.model_copy(update={"title": table.title.replace(f"{d.year}年", f"{wrong}年")})), \
        {"table": table.id, "printed": wrong}
