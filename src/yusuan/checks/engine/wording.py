"""How findings name things: tables, rows, columns and amounts, the way the document prints them."""

from __future__ import annotations

import re
from decimal import Decimal

from ...model import COLUMN_LABELS, TABLE_TITLES, Row, Table, Unit
from .findings import NARRATIVE

# Columns that hold "the" amount of a row: a finding about them names the row only.
PLAIN_COLUMNS = frozenset({"total", "amount"})

GROUP_TITLES: dict[str, str] = {**TABLE_TITLES, NARRATIVE: "情况说明"}


def amount(value: Decimal | None, unit: Unit | str) -> str:
    """'1,379.35 万元' as the document would print it; an empty cell counts as 0 and says so."""
    unit_text = unit.value if isinstance(unit, Unit) else unit
    if value is None:
        return f"0 {unit_text}（空白）"
    if unit_text == "万元" and _decimals(value) > 2:
        # only a figure printed in 元 has more than two decimals in 万元: say it as printed, the way one searches it
        return f"{trimmed(value * 10000):,} 元"
    return f"{value:,} {unit_text}"


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def trimmed(value: Decimal) -> Decimal:
    """Without trailing zeros after the point, never in exponent form."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


_STRAIGHT_QUOTES = re.compile(r'"([^"]*)"')


def quoted(text: str) -> str:
    """“text”, with quotes inside it turned into the inner kind: “‘三公’经费”."""
    inner = _STRAIGHT_QUOTES.sub(r"‘\1’", text).replace("“", "‘").replace("”", "’")
    return f"“{inner}”"


def difference(a: Decimal, b: Decimal, unit: Unit | str) -> str:
    return amount(abs(a - b), unit)


def table_title(table: Table, department: str | None) -> str:
    """The printed title without the department name in front; the standard title when none was printed."""
    title = "".join(table.title.split())
    if department and title.startswith(department) and len(title) > len(department):
        return title[len(department):]
    return title or TABLE_TITLES.get(table.id, table.id)


def standard_title(table_id: str) -> str:
    return GROUP_TITLES.get(table_id, table_id)


def row_label(row: Row) -> str:
    return f"{row.code} {row.name}" if row.code and row.name else row.name or row.code or "（无名行）"


def column_label(table: Table, column: str) -> str:
    printed = next((c.label for c in table.columns if c.id == column and c.label), None)
    return COLUMN_LABELS.get(column) or printed or column


def cell_phrase(table: Table, row: Row, column: str, department: str | None) -> str:
    """'一般公共预算支出表「201 一般公共服务支出」基本支出'."""
    where = f"{table_title(table, department)}「{row_label(row)}」"
    return where if column in PLAIN_COLUMNS else where + column_label(table, column)
