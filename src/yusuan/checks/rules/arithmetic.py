"""Row arithmetic: inside one row (or one half of a 收支总表), the total equals its parts."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import ROW_SUMS, SPLIT_TABLES, TWO_SIDED_TABLES, RowSum, Table
from ..engine.context import Doc
from ..engine.figures import Figure
from ..engine.findings import Finding
from ..engine.identities import row_sum, sum_phrase
from ..engine.registry import rule
from ..engine.structure import CARRYOVER_ITEMS, INCOME_ITEMS, SOURCE_COLUMNS, has_columns

# The in-row sums themselves are declared with each table (`TableKind.row_sums`, model/table_kinds.py), and
# the tables they split into 基本支出 and 项目支出 follow from them (`SPLIT_TABLES`).
FISCAL_SOURCES = ("general_budget", "gov_fund", "state_capital")
THREE_PUBLIC_PARTS = ("overseas", "vehicle", "reception")
# what a 三公 table's 合计 adds up when it prints 会议费 and 培训费 beside the 三公 items
OTHER_THAN_THREE_PUBLIC = ("meeting", "training")
# sources a project list prints beside those of the 收入总表 (湖州: the unit's own money as one 单位资金 column)
PROJECT_SOURCES = ("unit_funds",)


def _declared(doc: Doc, table: Table, sums: tuple[RowSum, ...]) -> Iterator[Finding]:
    for s in sums:
        yield from row_sum(doc, table, s.total, s.parts)


def _parts(table_id: str, total: str) -> tuple[str, ...]:
    """The parts of the sum `table_id` declares for the `total` column."""
    return next(s.parts for s in ROW_SUMS[table_id] if s.total == total)


def _replaced(s: RowSum, part: str, by: tuple[str, ...]) -> RowSum:
    return RowSum(s.total, tuple(p for q in s.parts for p in (by if q == part else (q,))))


@rule(
    id="ARITH-ROW-SUM", family="arithmetic", severity="error",
    title="支出表每行合计应等于基本支出加项目支出",
    basis="预算法实施条例第六条（基本支出与项目支出分列）；domain.md §3 A2",
    needs=("|".join(SPLIT_TABLES),),
)
def total_is_basic_plus_project(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(SPLIT_TABLES):
        sums = ROW_SUMS[table.id]
        if not doc.prints(table, "basic"):
            # 基本支出 printed as its 人员 and 公用 parts only (湖州): 合计 then adds those parts in its place,
            # which a declared sum cannot say (a sum whose part is missing would drop it, not replace it)
            basic = _parts(table.id, "basic")
            sums = tuple(_replaced(s, "basic", basic) for s in sums if s.total != "basic")
        yield from _declared(doc, table, sums)


@rule(
    id="ARITH-PERSONNEL-PUBLIC", family="arithmetic", severity="error",
    title="基本支出表每行合计应等于人员经费加公用经费",
    basis="预算法实施条例第五条（基本支出分人员经费和公用经费）；domain.md §3 A3",
    needs=("basic_expenditure",),
)
def basic_is_personnel_plus_public(doc: Doc) -> Iterator[Finding]:
    yield from _declared(doc, doc.table("basic_expenditure"), ROW_SUMS["basic_expenditure"])


@rule(
    id="ARITH-FUNDING-SOURCES", family="arithmetic", severity="error",
    title="按资金来源分列的各栏之和应等于合计",
    basis="财预〔2016〕143号 部门收入总表、财政拨款收支总表格式；domain.md §2.1",
    needs=("revenue|procurement|fiscal_summary",),
)
def sources_add_up(doc: Doc) -> Iterator[Finding]:
    # the 收入总表 and the 政府采购表 stay written here: whether 财政拨款 counts as one column or as its three
    # funds depends on which the table prints
    for table in doc.tables(("revenue", "procurement")):
        # 财政拨款(收入) is one column for the three fiscal sources where the table does not split them
        fiscal = () if any(has_columns(table, c) for c in FISCAL_SOURCES) else ("fiscal",)
        yield from row_sum(doc, table, "total", SOURCE_COLUMNS + fiscal)
    fiscal = doc.table("fiscal_summary")
    if fiscal is not None:
        yield from _declared(doc, fiscal, ROW_SUMS["fiscal_summary"])


@rule(
    id="ARITH-PROJECT-FUNDING", family="arithmetic", severity="error",
    title="项目支出表每个项目的金额应等于各资金栏之和",
    basis="项目支出表格式（年初特定目标 + 上级专项）；domain.md §2.1",
    needs=("project_expenditure",),
)
def project_funding_adds_up(doc: Doc) -> Iterator[Finding]:
    table = doc.table("project_expenditure")
    subtotals = _parts("project_expenditure", "amount")
    if any(has_columns(table, c) for c in subtotals):
        yield from _declared(doc, table, ROW_SUMS["project_expenditure"])
    else:
        # a list printing neither subtotal splits 金额 by source as the 收入总表 does, then by the subtotals'
        # own parts: not a sum any one table declares
        parts = tuple(p for c in subtotals for p in _parts("project_expenditure", c))
        yield from row_sum(doc, table, "amount", SOURCE_COLUMNS + PROJECT_SOURCES + parts)


@rule(
    id="ARITH-THREE-PUBLIC", family="arithmetic", severity="error",
    title="“三公”经费合计应等于各项之和，公务用车购置及运行费应等于购置费加运行费",
    basis="预算法第十四条；财预〔2016〕143号；domain.md §3 A4",
    needs=("three_public",),
)
def three_public_adds_up(doc: Doc) -> Iterator[Finding]:
    table = doc.table("three_public")
    items = THREE_PUBLIC_PARTS if has_columns(table, "vehicle") else \
        ("overseas", *_parts("three_public", "vehicle"), "reception")
    yield from _declared(doc, table, ROW_SUMS["three_public"])
    # 合计 and the “三公” subtotal stay written here: what they add up depends on whether the table prints
    # 公务用车 as one column or as its two parts, and whether it prints a “三公” subtotal
    if has_columns(table, "three_public_total"):
        # 合计 = “三公”经费小计 + 会议费 + 培训费
        yield from row_sum(doc, table, "three_public_total", items)
        yield from row_sum(doc, table, "total", ("three_public_total", *OTHER_THAN_THREE_PUBLIC))
    else:
        yield from row_sum(doc, table, "total", items + OTHER_THAN_THREE_PUBLIC)


@rule(
    id="ARITH-PROCUREMENT-KINDS", family="arithmetic", severity="error",
    title="政府采购合计应等于货物、工程、服务之和",
    basis="财预〔2016〕143号（政府采购分货物、工程、服务公开）；domain.md §3 N6",
    needs=("procurement",),
)
def procurement_kinds_add_up(doc: Doc) -> Iterator[Finding]:
    table = doc.table("procurement")
    total = table.item("total")
    kinds = [r for r in (table.item(k) for k in ("goods", "works", "services")) if r is not None]
    if total is None or not kinds:
        return
    for column in total.values:
        parts = Figure.total_of((doc.cell(table, r, column) for r in kinds), sum_phrase([r.name for r in kinds]))
        finding = doc.compare(doc.cell(table, total, column), parts)
        if finding:
            yield finding


Line = tuple[str, Figure]  # (printed name, figure)


def _income_items(table: Table) -> tuple[str, ...]:
    """The income lines that make up 本年收入合计. 财政拨款 printed as one line (长沙: 一、本级财政拨款收入)
    counts in place of its three funds where no line of them holds money; where they do, they are its
    parts and it is not counted twice."""
    fiscal = table.item("fiscal", "income")
    funds = [table.item(item, "income") for item in FISCAL_SOURCES]
    if fiscal is None or any(row is not None and row.values.get("total") for row in funds):
        return INCOME_ITEMS
    return ("fiscal", *(item for item in INCOME_ITEMS if item not in FISCAL_SOURCES))


def _line(doc: Doc, table: Table, item: str, side: str) -> Line | None:
    row = table.item(item, side)
    return None if row is None else (row.name, doc.cell(table, row, "total"))


def _lines_sum(doc: Doc, table: Table, items: tuple[str, ...], side: str, name: str) -> Line | None:
    lines = [line for line in (_line(doc, table, i, side) for i in items) if line is not None]
    if not lines:
        return None
    return name, Figure.total_of((f for _, f in lines), name)


def _equals_sum(doc: Doc, total: Line | None, parts: list[Line | None]) -> Iterator[Finding]:
    present = [p for p in parts if p is not None]
    if total is None or not present:
        return
    names = [name for name, _ in present]
    expected = Figure.total_of((f for _, f in present), sum_phrase(names) if len(names) > 1 else names[0])
    finding = doc.compare(total[1], expected)
    if finding:
        yield finding


@rule(
    id="ARITH-SUMMARY-BALANCE", family="arithmetic", severity="error",
    title="收支总表：收入总计应等于支出总计，本年收入加上年结转应等于收入总计",
    basis="财预〔2016〕143号 收支总表格式；domain.md §3 A1",
    needs=("summary|fiscal_summary",),
)
def summary_balances(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(TWO_SIDED_TABLES):
        carryover = _line(doc, table, "carryover", "income") or \
            _lines_sum(doc, table, CARRYOVER_ITEMS, "income", "上年结转")
        income = _line(doc, table, "grand_total", "income")
        spending = _line(doc, table, "grand_total", "expenditure")
        # 决算: 使用非财政拨款结余 and 结余分配 are part of the 总计 of their side too
        yield from _equals_sum(doc, income, [_line(doc, table, "income_total", "income"),
                                             _line(doc, table, "non_fiscal_balance", "income"), carryover])
        yield from _equals_sum(doc, spending, [_line(doc, table, "expenditure_total", "expenditure"),
                                               _line(doc, table, "balance_distribution", "expenditure"),
                                               _line(doc, table, "carry_forward", "expenditure")])
        yield from _equals_sum(doc, income, [spending])


@rule(
    id="ARITH-SUMMARY-INCOME", family="arithmetic", severity="error",
    title="收支总表：本年收入合计应等于各项收入之和，上年结转应等于其各项之和",
    basis="财预〔2016〕143号 收支总表格式；domain.md §3 A1",
    needs=("summary|fiscal_summary",),
)
def summary_income_adds_up(doc: Doc) -> Iterator[Finding]:
    for table in doc.tables(TWO_SIDED_TABLES):
        total = _line(doc, table, "income_total", "income")
        parts = _lines_sum(doc, table, _income_items(table), "income", "各项收入之和")
        if total is not None and not total[1].blank and total[1].value and (parts is None or parts[1].blank):
            # a total printed over income lines all read blank: the lines were not read, not left empty
            doc.doubt(f"{doc.title(table)}的各项收入未能读出，无法与本年收入合计核对")
            continue
        yield from _equals_sum(doc, total, [parts])
        yield from _equals_sum(doc, _line(doc, table, "carryover", "income"),
                               [_lines_sum(doc, table, CARRYOVER_ITEMS, "income", "上年结转各项之和")])
