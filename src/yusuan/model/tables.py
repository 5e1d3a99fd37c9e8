"""Standard tables: rows of (code, name, values by column id), each row with its source position.

What each standard table is (its id, titles, kind of rows) is in `table_kinds.py`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field, field_validator

from .amounts import Amount, Unit
from .source import Source
from .table_kinds import Side

# Stable column ids with their usual Chinese label. Never rename; extend when a document needs more.
COLUMN_LABELS: dict[str, str] = {
    "total": "合计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "prior_year": "上年预算数",
    "carryover": "上年结转",
    "general_budget": "一般公共预算",
    "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "special_account": "财政专户管理资金",
    "operating": "事业收入",
    "business": "事业单位经营收入",
    "superior_subsidy": "上级补助收入",
    "subordinate": "附属单位上缴收入",
    "other": "其他收入",
    "amount": "金额",
    # jiangsu 支出预算总表: 合计 = 基本支出 + 项目支出 + 单位预留机动经费; 结转下年资金 beside them
    "reserve": "单位预留机动经费",
    "carry_forward": "结转下年",
    # 财政拨款(收入) printed as one column, not split into its three sources
    "fiscal": "财政拨款",
    # 三公 table, one row per year
    "overseas": "因公出国（境）费",
    "vehicle": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "reception": "公务接待费",
    # where the 三公 table's 合计 adds 会议费 and 培训费, `total` is that 合计 and the “三公” subtotal is
    # `three_public_total`; 机关运行经费 printed in the same table (Shanghai)
    "three_public_total": "“三公”经费",
    "meeting": "会议费",
    "training": "培训费",
    "operating_cost": "机关运行经费",
    # project list funding split (年初特定目标 / 上级专项 and their parts)
    "specific_target": "年初特定目标",
    "personnel_project": "人员性项目",
    "general_project": "一般性项目",
    "livelihood_project": "民生配套项目",
    "superior_special": "上级专项",
    "advance_special": "提前下达专项",
    "carried_project": "结转项目",
    "municipal_special": "市级专项",
    # 湖州's project list: the unit's own money (事业收入, 经营收入, 其他收入 …) in one column
    "unit_funds": "单位资金",
    # procurement by kind is given as rows (货物/工程/服务); these are its columns' ids as above.
    # 决算: 政府性基金 / 国有资本经营 收入支出决算表 print 年初结转和结余 (`carryover`) | 本年收入 |
    # 本年支出 (`total`, `basic`, `project`) | 年末结转和结余 (`carry_forward`)
    "income": "本年收入",
    # 决算 支出决算表 beside 基本支出 and 项目支出
    "remit_superior": "上缴上级支出",
    "business_expenditure": "经营支出",
    "subsidy_subordinate": "对附属单位补助支出",
    # 决算 tables printing the budget beside the 决算数 (which keeps the plain ids: `total`, `basic`, ...)
    "budget_initial": "年初预算数",
    "budget_adjusted": "调整预算数",
    "budget_initial_basic": "年初预算数基本支出",
    "budget_initial_project": "年初预算数项目支出",
    "budget_adjusted_basic": "调整预算数基本支出",
    "budget_adjusted_project": "调整预算数项目支出",
}

class Column(BaseModel):
    """A column as printed: its stable id and the header label the document used."""

    id: str
    label: str = ""


class Row(BaseModel):
    """One printed row. `values` maps column id -> amount (None: the cell is printed empty).

    `item` is a stable key for rows that carry no classification code (e.g. `general_budget`
    for 一般公共预算拨款收入, `total` for 合计, `grand_total` for 收入总计); `side` tells the two
    halves of a 收支总表 apart.
    """

    code: str | None = None
    # the code as printed, where the recognizer mended it from the layout (a 类 cell printing "7" under
    # 21011 gives `code` 2101102 and `printed_code` "7 11 02"); None where the code is as printed
    printed_code: str | None = None
    name: str
    values: dict[str, Decimal | None] = Field(default_factory=dict)
    side: Side | None = None
    item: str | None = None
    source: Source = Field(default_factory=Source)
    # columns whose cell prints something like an amount that could not be read ("1,2,345", OCR residue):
    # their value is None, but unknown, not empty
    unread: list[str] = Field(default_factory=list)

    def value(self, column: str) -> Decimal | None:
        return self.values.get(column)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LOOKUP_KEYS:
            _KeyChanges.count += 1  # every table's index of rows is stale
        super().__setattr__(name, value)


_LOOKUP_KEYS = frozenset({"code", "side", "item"})


class _KeyChanges:
    """How many times a row's code, side or item was set after it was made (rare: a test, a writer)."""

    count = 0


class Rows(list):  # type: ignore[type-arg]
    """A table's rows, with an index of the first row by code and by item (and side), built at the first lookup
    and again after the list or a row's keys change. A rule looking up each of n rows then takes n steps,
    not n² (a crafted table of many thousand rows made the checks take minutes)."""

    def _changed(self) -> None:
        self._index: dict[tuple[str, str | None, str | None], Row] | None = None

    def first(self, field: str, key: str, side: Side | None) -> Row | None:
        index = getattr(self, "_index", None)
        if index is None or self._index_keys != _KeyChanges.count:
            index = {}
            for row in self:
                for value, name in ((row.code, "code"), (row.item, "item")):
                    if value is not None:
                        index.setdefault((name, value, row.side), row)
                        index.setdefault((name, value, None), row)
            self._index, self._index_keys = index, _KeyChanges.count
        return index.get((field, key, side))

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return (Rows, (list(self),))  # the rows, not their index

    def __setitem__(self, *args: Any) -> None:
        self._changed()
        super().__setitem__(*args)

    def __delitem__(self, *args: Any) -> None:
        self._changed()
        super().__delitem__(*args)

    def __iadd__(self, other: Any) -> Rows:
        self._changed()
        return super().__iadd__(other)

    def __imul__(self, other: Any) -> Rows:
        self._changed()
        return super().__imul__(other)

    def append(self, row: Row) -> None:
        self._changed()
        super().append(row)

    def extend(self, rows: Any) -> None:
        self._changed()
        super().extend(rows)

    def insert(self, position: Any, row: Row) -> None:
        self._changed()
        super().insert(position, row)

    def pop(self, *args: Any) -> Row:
        self._changed()
        return super().pop(*args)

    def remove(self, row: Row) -> None:
        self._changed()
        super().remove(row)

    def clear(self) -> None:
        self._changed()
        super().clear()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        self._changed()
        super().sort(*args, **kwargs)

    def reverse(self) -> None:
        self._changed()
        super().reverse()


class Table(BaseModel):
    id: str
    title: str
    unit: Unit
    columns: list[Column] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)
    note: str | None = None
    source: Source = Field(default_factory=Source)
    # the lines a table prints for each body under its 合计 (单位名称 | amounts), kept apart from `rows`:
    # the rules on amounts read the department's figures, the hygiene rules whose names the lines print
    unit_rows: list[Row] = Field(default_factory=list)
    # why the recognizer could not read the table reliably (codes repeating, levels not nesting, amounts
    # in no column …); the checks do not run on a doubtful table
    doubtful: str | None = None

    @property
    def column_ids(self) -> list[str]:
        return [c.id for c in self.columns]

    @property
    def is_empty(self) -> bool:
        return all(v is None for r in self.rows for v in r.values.values())

    @field_validator("rows", mode="after")
    @classmethod
    def _indexed(cls, rows: list[Row]) -> list[Row]:
        return Rows(rows)

    def row(self, code: str, side: Side | None = None) -> Row | None:
        if isinstance(self.rows, Rows):
            return self.rows.first("code", code, side)
        # rows assigned as a plain list after the table was made: no index (the caller may still change it)
        return next((r for r in self.rows if r.code == code and (side is None or r.side == side)), None)

    def item(self, item: str, side: Side | None = None) -> Row | None:
        if isinstance(self.rows, Rows):
            return self.rows.first("item", item, side)
        return next((r for r in self.rows if r.item == item and (side is None or r.side == side)), None)

    def amount(self, row: Row, column: str) -> Amount | None:
        value = row.value(column)
        return None if value is None else Amount(value=value, unit=self.unit)
