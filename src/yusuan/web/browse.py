"""The archive list for the web: the archive's filters plus "has errors", newest first, and the choices
the filter form offers (years, regions, kinds present in the archive).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..archive import Archive, DocumentSummary, Filters, Page
from ..archive.listing import SUMMARY_COLUMNS, summaries


@dataclass(frozen=True, slots=True)
class ListFilters:
    department: str | None = None
    region: str | None = None
    year: int | None = None
    kind: str | None = None
    has_errors: bool | None = None  # True: errors > 0; False: none; None: either

    def where(self) -> tuple[str, list]:
        where, params = Filters(self.department, self.region, self.year, self.kind).where()
        if self.has_errors is None:
            return where, params
        clause = "errors > 0" if self.has_errors else "errors = 0"
        return (f"{where} AND {clause}" if where else f" WHERE {clause}"), params


def list_documents(archive: Archive, filters: ListFilters, limit: int, offset: int) -> Page:
    where, params = filters.where()
    with archive.cursor() as cur:
        total = cur.execute(f"SELECT count(*) FROM documents{where}", params).fetchone()[0]
        rows = cur.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM documents{where} "
                           "ORDER BY id DESC LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return Page(total, summaries(cur, rows))


def summary_of(archive: Archive, document_id: int) -> DocumentSummary | None:
    with archive.cursor() as cur:
        row = cur.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM documents WHERE id = ?",
                          [document_id]).fetchone()
        return None if row is None else summaries(cur, [row])[0]


@dataclass(frozen=True, slots=True)
class Facets:
    years: list[int]
    regions: list[str]
    kinds: list[str]


def facets(archive: Archive) -> Facets:
    with archive.cursor() as cur:
        years = [r[0] for r in cur.execute(
            "SELECT DISTINCT year FROM documents WHERE year IS NOT NULL ORDER BY year DESC").fetchall()]
        regions = [r[0] for r in cur.execute(
            "SELECT DISTINCT region FROM documents WHERE region IS NOT NULL ORDER BY region").fetchall()]
        kinds = [r[0] for r in cur.execute("SELECT DISTINCT kind FROM documents ORDER BY kind").fetchall()]
    return Facets(years, regions, kinds)
