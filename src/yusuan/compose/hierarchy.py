"""Coded rows with their roll-ups: 合计, then each 类 with its 款 and 项 (or 类 with its 款), every column summed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..classification import parent_of
from ..model import Row

Values = dict[str, Decimal | None]


def cell(value: Decimal | None) -> Decimal | None:
    """Tables print nothing, not 0, for an amount that is zero."""
    return None if value is None or value == 0 else value


def add_values(rows: list[Values]) -> Values:
    """Column sums; a column that is empty in every row stays empty."""
    columns = list(dict.fromkeys(c for values in rows for c in values))
    summed: Values = {}
    for column in columns:
        present = [v[column] for v in rows if v.get(column) is not None]
        summed[column] = sum(present, Decimal(0)) if present else None
    return summed


def _ancestors(code: str) -> list[str]:
    chain = []
    parent = parent_of(code)
    while parent:
        chain.insert(0, parent)
        parent = parent_of(parent)
    return chain


def coded_rows(leaves: list[str], values_of: Callable[[str], Values], name_of: Callable[[str], str],
               columns: list[str]) -> list[Row]:
    """合计 first, then the leaves under their ancestors in code order, every parent the sum of its children."""
    leaf_values = {code: values_of(code) for code in leaves}
    codes = sorted({ancestor for leaf in leaves for ancestor in _ancestors(leaf)} | set(leaves))
    rows = [_total_row(list(leaf_values.values()), columns)]
    for code in codes:
        under = [v for leaf, v in leaf_values.items() if leaf == code or leaf.startswith(code)]
        rows.append(Row(code=code, name=name_of(code), values=_printed(add_values(under), columns)))
    return rows


def _total_row(values: list[Values], columns: list[str]) -> Row:
    return Row(name="合计", item="total", values=_printed(add_values(values), columns))


def _printed(values: Values, columns: list[str]) -> Values:
    return {column: cell(values.get(column)) for column in columns}
