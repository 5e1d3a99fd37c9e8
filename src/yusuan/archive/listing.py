"""Reading the archive: the document list and the values it can be filtered by, one document in detail,
and free SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import duckdb

from ..errors import YusuanError
from ..model.places import Place
from .report_rows import findings

SUMMARY_COLUMNS = ("id", "department", "region", "year", "kind", "scope", "unit", "source_name", "reader",
                   "parsed_at", "errors", "warnings", "infos", "content_hash")


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int
    department: str | None
    region: str | None
    year: int | None
    kind: str
    scope: str
    unit: str
    source_name: str | None
    reader: str | None
    parsed_at: datetime
    errors: int
    warnings: int
    infos: int
    content_hash: str
    could_not_check: int = 0  # rules that could not run: shown beside errors and warnings, never as a pass


@dataclass(frozen=True, slots=True)
class Filters:
    """Which documents a list shows; a field left None does not filter."""

    department: str | None = None  # part of the name
    region: str | None = None  # the region or a larger one it lies in (重庆市 finds 重庆市潼南区)
    year: int | None = None
    kind: str | None = None
    has_errors: bool | None = None  # True: at least one error; False: none

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        for clause, value in (("contains(department, ?)", self.department), ("starts_with(region, ?)", self.region),
                              ("year = ?", self.year), ("kind = ?", self.kind)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if self.has_errors is not None:
            clauses.append("errors > 0" if self.has_errors else "errors = 0")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


@dataclass(frozen=True, slots=True)
class Page:
    total: int
    items: list[DocumentSummary]


def list_documents(cur: duckdb.DuckDBPyConnection, filters: Filters, limit: int = 50, offset: int = 0,
                   newest_first: bool = False) -> Page:
    where, params = filters.where()
    order = "id DESC" if newest_first else "id"
    total = cur.execute(f"SELECT count(*) FROM documents{where}", params).fetchone()[0]
    rows = cur.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM documents{where} ORDER BY {order} LIMIT ? OFFSET ?",
                       [*params, limit, offset]).fetchall()
    return Page(total, summaries(cur, rows))


def summary_of(cur: duckdb.DuckDBPyConnection, document_id: int) -> DocumentSummary | None:
    row = cur.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM documents WHERE id = ?", [document_id]).fetchone()
    return None if row is None else summaries(cur, [row])[0]


@dataclass(frozen=True, slots=True)
class Facets:
    """The values the archive's documents have, to offer as filters: years newest first, regions, kinds."""

    years: list[int]
    regions: list[str]
    kinds: list[str]


def facets(cur: duckdb.DuckDBPyConnection) -> Facets:
    def values(sql: str) -> list:
        return [r[0] for r in cur.execute(sql).fetchall()]

    return Facets(values("SELECT DISTINCT year FROM documents WHERE year IS NOT NULL ORDER BY year DESC"),
                  values("SELECT DISTINCT region FROM documents WHERE region IS NOT NULL ORDER BY region"),
                  values("SELECT DISTINCT kind FROM documents ORDER BY kind"))


def summaries(cur: duckdb.DuckDBPyConnection, rows: list[tuple]) -> list[DocumentSummary]:
    """Rows of SUMMARY_COLUMNS as summaries, with how many rules could not run (counted for these rows only)."""
    if not rows:
        return []
    marks = ", ".join("?" for _ in rows)
    unchecked = dict(cur.execute(f"SELECT document_id, count(*) FROM rule_results WHERE status = 'could_not_run' "
                                 f"AND document_id IN ({marks}) GROUP BY document_id", [r[0] for r in rows]).fetchall())
    return [DocumentSummary(*row, could_not_check=unchecked.get(row[0], 0)) for row in rows]


@dataclass(frozen=True, slots=True)
class TableSummary:
    table_id: str
    title: str
    unit: str
    rows: int
    amounts: int


@dataclass(frozen=True, slots=True)
class FindingLine:
    severity: str
    rule_id: str
    message: str
    where: str = ""  # as the check reports say it: of a PDF the page and the printed row, else the line


_SEVERITY_ORDER = {"error": 0, "warning": 1}


def _finding_line(finding: dict) -> FindingLine:
    place = Place(table=finding["table"], code=finding["code"], name=finding["name"], line=finding["line"],
                  page=finding["page"])
    return FindingLine(finding["severity"], finding["rule"], finding["message"], place.location)


@dataclass(slots=True)
class DocumentDetail:
    summary: DocumentSummary
    member_units: list[str]
    tables: list[TableSummary]
    counts: dict[str, int]  # claims, projects, performance_tables, indicators, lines
    statuses: dict[str, int]  # rule status -> how many rules
    findings: list[FindingLine]
    figures: list[tuple[int, str, Decimal, str]] = field(default_factory=list)  # year, metric, 万元, origin


def _one(cur: duckdb.DuckDBPyConnection, sql: str, document_id: int) -> list[tuple]:
    return cur.execute(sql, [document_id]).fetchall()


def show_document(cur: duckdb.DuckDBPyConnection, document_id: int) -> DocumentDetail | None:
    head = cur.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)}, member_units FROM documents WHERE id = ?",
                       [document_id]).fetchone()
    if head is None:
        return None
    tables = [TableSummary(*r) for r in _one(cur, (
        "SELECT t.table_id, t.title, t.unit, t.row_count, count(l.amount) FROM doc_tables t "
        "LEFT JOIN lines l ON l.document_id = t.document_id AND l.table_id = t.table_id "
        "WHERE t.document_id = ? GROUP BY ALL ORDER BY min(t.source_line) NULLS LAST, t.table_id"), document_id)]
    counts = {name: _one(cur, f"SELECT count(*) FROM {name} WHERE document_id = ?", document_id)[0][0]
              for name in ("lines", "claims", "projects", "performance_tables", "indicators")}
    statuses = dict(_one(cur, "SELECT status, count(*) FROM rule_results WHERE document_id = ? GROUP BY status",
                         document_id))
    # the report's findings (in their order), errors first
    ordered = sorted(findings(cur, document_id), key=lambda f: _SEVERITY_ORDER.get(f["severity"], 2))
    figures = _one(cur, "SELECT year, metric, amount, origin FROM figures WHERE document_id = ? AND rank = 0 "
                        "ORDER BY year DESC, metric", document_id)
    summary = DocumentSummary(*head[:-1], could_not_check=statuses.get("could_not_run", 0))
    return DocumentDetail(summary, list(head[-1] or []), tables, counts, statuses,
                          [_finding_line(f) for f in ordered], figures)


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    truncated: bool = False  # more rows than asked for


def run_query(cur: duckdb.DuckDBPyConnection, sql: str, params: list | None = None,
              max_rows: int | None = None) -> QueryResult:
    try:
        result = cur.execute(sql, params or [])
    except duckdb.Error as error:
        first_line = str(error).strip().splitlines()[0]
        raise YusuanError(f"查询出错：{first_line}。请检查 SQL；表和列见 docs/archive.md。") from error
    if result.description is None:
        return QueryResult([], [])
    columns = [d[0] for d in result.description]
    if max_rows is None:
        return QueryResult(columns, result.fetchall())
    rows = result.fetchmany(max_rows + 1)
    return QueryResult(columns, rows[:max_rows], truncated=len(rows) > max_rows)
