"""A check report as the archive keeps it: its plain form (checks/report/form.py) under the archive's column names.

The archive knows the form's keys, not the checks: archiving.py writes a report's findings and rule
results as rows through these mappings, and `Archive.findings` / `Archive.rule_results` read them
back through the same ones, in the form's keys, for a report to be rebuilt from.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

# the plain form's key -> the archive's column; a key not named here (a finding's `where`, a rule's title,
# its count of findings) is said again from what is kept, not kept itself
FINDING_COLUMNS: dict[str, str] = {
    "rule": "rule_id", "severity": "severity", "message": "message", "table": "table_id", "code": "code",
    "name": "name", "column": "column_id", "line": "source_line", "page": "source_page", "provided": "provided",
    "expected": "expected", "difference": "difference",
}
RULE_RESULT_COLUMNS: dict[str, str] = {
    "id": "rule_id", "family": "family", "severity": "severity", "status": "status", "reason": "reason",
}


def finding_row(ordinal: int, finding: Mapping) -> dict:
    """The `findings` row of a finding's plain form; `ordinal` numbers it in its report, from 1."""
    return {"ordinal": ordinal, **{column: finding[key] for key, column in FINDING_COLUMNS.items()}}


def rule_result_row(result: Mapping) -> dict:
    """The `rule_results` row of a rule result's plain form."""
    return {column: result[key] for key, column in RULE_RESULT_COLUMNS.items()}


def _read(cur: duckdb.DuckDBPyConnection, keys: Mapping[str, str], sql: str, params: list) -> list[dict]:
    """The rows `sql` selects, each column of `keys` named by its key in the plain form (others as they are)."""
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    back = {column: key for key, column in keys.items()}
    return [{back.get(name, name): value for name, value in zip(names, row)} for row in cur.fetchall()]


def _select(keys: Mapping[str, str]) -> str:
    return ", ".join(keys.values())


def findings(cur: duckdb.DuckDBPyConnection, document_id: int, ordinal: int | None = None) -> list[dict]:
    """A document's findings in the order of its report (or only finding number `ordinal`), each with its ordinal."""
    where, params = "document_id = ?", [document_id]
    if ordinal is not None:
        where, params = where + " AND ordinal = ?", params + [ordinal]
    return _read(cur, FINDING_COLUMNS, f"SELECT ordinal, {_select(FINDING_COLUMNS)} FROM findings WHERE {where} "
                 "ORDER BY ordinal", params)


def rule_results(cur: duckdb.DuckDBPyConnection, document_id: int) -> list[dict]:
    """A document's rule results in the order of its report."""
    return _read(cur, RULE_RESULT_COLUMNS, f"SELECT {_select(RULE_RESULT_COLUMNS)} FROM rule_results "
                 "WHERE document_id = ? ORDER BY rowid", [document_id])
