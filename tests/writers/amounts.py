"""Every amount a disclosure states, keyed by where it is, for comparing a document with its re-reading."""

from __future__ import annotations

from decimal import Decimal

from yusuan.model import Disclosure, Row


def _row_key(table_id: str, row: Row) -> tuple:
    if table_id == "three_public":
        return (row.name,)
    return (row.side, row.code or row.item or row.name)


def table_amounts(disclosure: Disclosure) -> dict[tuple, Decimal]:
    found = {}
    for table_id, table in disclosure.tables.items():
        for row in table.rows:
            for column, value in row.values.items():
                if value is not None:
                    found[(table_id, *_row_key(table_id, row), column)] = value
    return found


def other_amounts(disclosure: Disclosure) -> dict[tuple, Decimal]:
    found: dict[tuple, Decimal] = {}
    for project in disclosure.projects:
        found[("project", project.code, "amount")] = project.amount
        for column, value in project.funding.items():
            if value is not None:
                found[("project", project.code, column)] = value
    if disclosure.performance_overall is not None:
        found[("performance_overall", "fund")] = disclosure.performance_overall.fund
    for table in disclosure.performance_projects:
        found[("performance_project", table.name, "fund")] = table.fund
    return found


def all_amounts(disclosure: Disclosure) -> dict[tuple, Decimal]:
    return {**table_amounts(disclosure), **other_amounts(disclosure)}


def differences(expected: dict[tuple, Decimal], actual: dict[tuple, Decimal]) -> list[str]:
    """What differs: missing, extra, or unequal amounts (Decimal equality: 20.0 == 20.00)."""
    problems = [f"missing {k}: {v}" for k, v in expected.items() if k not in actual]
    problems += [f"extra {k}: {v}" for k, v in actual.items() if k not in expected and v != 0]
    problems += [f"{k}: {expected[k]} != {actual[k]}" for k in expected if k in actual and expected[k] != actual[k]]
    return problems


def claim_facts(disclosure: Disclosure) -> dict[tuple, tuple]:
    """(subject, section) -> (value, signed change, percent, compared year) of every claim."""
    signs = {"增加": 1, "减少": -1, "持平": 0}
    found = {}
    for claim in disclosure.narrative.claims:
        change = None if claim.direction is None else signs[claim.direction] * (claim.change or Decimal(0))
        # a section is named by its heading, printed back with Chinese quotes where the source had straight ones
        section = (claim.section or "").replace('"三公"', "“三公”") if claim.section else claim.section
        found[(claim.subject, section)] = (claim.value, change, claim.change_percent, claim.compared_year)
    return found
