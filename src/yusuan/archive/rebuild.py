"""An archived document back as a model, as far as the archive keeps it: tables and claims.

Used where a later version derives something new from documents already archived (a migration's
backfill), by the cross-document checks, and by the web for a document it keeps no model of
(`Archive.rebuild`). Rows printed without any amount are not archived (the tidy lines skip empty
cells), so a rebuilt table holds only rows that carry amounts.
"""

from __future__ import annotations

from decimal import Decimal

import duckdb

from ..model import TABLE_TITLES, Claim, Column, Disclosure, Narrative, Row, Source, Table, Unit


_CENT = Decimal("0.01")


def _as_printed(amount: Decimal) -> Decimal:
    """925.40, not the archive's 925.4000: tables print two decimals, unless a figure has more."""
    return amount.quantize(_CENT) if amount == amount.quantize(_CENT) else amount.normalize()


def _source(line: int | None, page: int | None) -> Source:
    return Source(line=line, page=page)


def _tables(cur: duckdb.DuckDBPyConnection, document_id: int) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for table_id, title, unit, note, ids, labels, line, page in cur.execute(
        "SELECT table_id, title, unit, note, column_ids, column_labels, source_line, source_page "
        "FROM doc_tables WHERE document_id = ?", [document_id]
    ).fetchall():
        columns = [Column(id=i, label=label or "") for i, label in zip(ids or [], labels or [])]
        tables[table_id] = Table(id=table_id, title=title or "", unit=Unit(unit), columns=columns, note=note,
                                 source=_source(line, page))
    rows: dict[tuple[str, int], Row] = {}
    for table_id, row_no, code, name, column, amount, unit, item, side, line, page in cur.execute(
        "SELECT table_id, row_no, code, name, column_id, amount, unit, item, side, source_line, source_page "
        "FROM lines WHERE document_id = ? ORDER BY table_id, row_no", [document_id]
    ).fetchall():
        row = rows.get((table_id, row_no))
        if row is None:
            row = rows[(table_id, row_no)] = Row(code=code, name=name, item=item, side=side, source=_source(line, page))
            if table_id not in tables:  # lines imported without their table's description
                tables[table_id] = Table(id=table_id, title=TABLE_TITLES.get(table_id, table_id), unit=Unit(unit))
            tables[table_id].rows.append(row)
        row.values[column] = _as_printed(amount)
    return tables


def claims_of(cur: duckdb.DuckDBPyConnection, document_id: int) -> list[Claim]:
    result = cur.execute(
        "SELECT subject, label, value, unit, year, change, direction, change_percent, compared_year, section, text, "
        "source_line, source_page FROM claims WHERE document_id = ? ORDER BY ordinal", [document_id]
    ).fetchall()
    return [
        Claim(subject=s, label=label or "", value=v, unit=Unit(u), year=y, change=c, direction=d, change_percent=p,
              compared_year=cy, section=sec, text=text or "", source=_source(line, page))
        for s, label, v, u, y, c, d, p, cy, sec, text, line, page in result
    ]


def rebuild(cur: duckdb.DuckDBPyConnection, document_id: int) -> Disclosure | None:
    head = cur.execute(
        "SELECT department, year, kind, scope, unit, source_name, reader FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    if head is None:
        return None
    department, year, kind, scope, unit, source_name, reader = head
    return Disclosure(department=department, year=year, kind=kind, scope=scope, unit=Unit(unit),
                      source_name=source_name, reader=reader, tables=_tables(cur, document_id),
                      narrative=Narrative(claims=claims_of(cur, document_id)))
