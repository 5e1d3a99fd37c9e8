"""Every amount a disclosure prints, keyed by where it is: to tell whether reading a file gave back
exactly what was written (a difference means the reader or recognizer lost or moved an amount)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from ..model import Disclosure, Row


def _text(name: str | None) -> str | None:
    """Names as the readers normalize them (NFKC: full-width brackets become ASCII)."""
    return None if name is None else unicodedata.normalize("NFKC", name)


def _row_key(table_id: str, row: Row) -> tuple:
    if table_id == "three_public":
        return (row.name,)
    return (row.side, row.code or row.item or _text(row.name))


def printed_amounts(d: Disclosure) -> dict[tuple, Decimal]:
    found: dict[tuple, Decimal] = {}
    for table_id, table in d.tables.items():
        for row in table.rows:
            for column, value in row.values.items():
                if value is not None:
                    found[(table_id, *_row_key(table_id, row), column)] = value
    for project in d.projects:
        found[("project", project.code, "amount")] = project.amount
    if d.performance_overall is not None:
        found[("performance_overall", "fund")] = d.performance_overall.fund
    for table in d.performance_projects:
        found[("performance_project", _text(table.name), "fund")] = table.fund
    return found


def differences(written: Disclosure, read: Disclosure) -> list[str]:
    """Amounts missing, extra (other than 0) or different in what was read."""
    expected, actual = printed_amounts(written), printed_amounts(read)
    found = [f"missing {k}" for k in expected if k not in actual]
    found += [f"extra {k}" for k, v in actual.items() if k not in expected and v]
    found += [f"{k}: {expected[k]} != {actual[k]}" for k in expected if k in actual and expected[k] != actual[k]]
    return found
