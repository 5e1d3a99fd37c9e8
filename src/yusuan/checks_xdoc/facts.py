"""What a cross-document check needs to know of a document: who, when, its claims and its figures.

A document is read either from the archive (by id) or from a model in hand (not yet archived);
both give the same facts, so a check runs the same way before and after `db add`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import duckdb

from ..archive.rebuild import claims_of, rebuild
from ..checks.engine.cross_document import KIND_LABELS
from ..checks.headline import headline_figures
from ..checks.rules.narrative.claim_targets import THREE_PUBLIC_COLUMNS
from ..model import Claim, Disclosure, Unit, convert


@dataclass(frozen=True, slots=True)
class Printed:
    amount: Decimal  # 万元
    origin: str  # 'table:<id>' or 'narrative'


@dataclass(slots=True)
class DocumentFacts:
    id: int | None  # None: a document not (yet) in the archive
    source_name: str | None
    department: str | None
    year: int | None
    kind: str
    scope: str
    unit: Unit
    claims: list[Claim] = field(default_factory=list)
    figures: dict[tuple[int, str], list[Printed]] = field(default_factory=dict)  # (year, metric), by rank
    budget_figures: dict[str, Decimal] = field(default_factory=dict)  # a final's 年初预算数 (万元), by metric

    @property
    def name(self) -> str:
        """How a message names the document: '#3“潼南经信委2023.txt”（2023 年部门预算）'."""
        number = f"#{self.id}" if self.id is not None else ""
        source = f"“{self.source_name}”" if self.source_name else ""
        return f"{number}{source}（{self.year} 年{KIND_LABELS.get(self.kind, self.kind)}）"

    def printed(self, year: int, metric: str) -> list[Printed]:
        return self.figures.get((year, metric), [])


def facts_of_disclosure(d: Disclosure, document_id: int | None = None) -> DocumentFacts:
    facts = DocumentFacts(document_id, d.source_name, d.department, d.year, d.kind, d.scope, d.unit,
                          list(d.narrative.claims), budget_figures=budget_line_figures(d))
    for f in headline_figures(d):
        facts.figures.setdefault((f.year, f.metric), []).append(Printed(f.amount, f.origin))
    return facts


def facts_of_archived(cur: duckdb.DuckDBPyConnection, document_id: int) -> DocumentFacts | None:
    head = cur.execute("SELECT source_name, department, year, kind, scope, unit FROM documents WHERE id = ?",
                       [document_id]).fetchone()
    if head is None:
        return None
    source_name, department, year, kind, scope, unit = head
    facts = DocumentFacts(document_id, source_name, department, year, kind, scope, Unit(unit),
                          claims_of(cur, document_id))
    if kind == "final":
        rebuilt = rebuild(cur, document_id)
        facts.budget_figures = budget_line_figures(rebuilt) if rebuilt is not None else {}
    for year_, metric, amount, origin in cur.execute(
            "SELECT year, metric, amount, origin FROM figures WHERE document_id = ? ORDER BY year, metric, rank",
            [document_id]).fetchall():
        facts.figures.setdefault((year_, metric), []).append(Printed(amount, origin))
    return facts


def budget_line_figures(d: Disclosure) -> dict[str, Decimal]:
    """The budget figures a final prints (万元, by metric): its “三公” table's line of the year's 预算数
    ("2024年预算数"; docs/conventions.md)."""
    table = d.tables.get("three_public")
    if d.kind != "final" or d.year is None or table is None:
        return {}
    line = next((r for r in table.rows if str(d.year) in r.name and "预算" in r.name), None)
    if line is None:
        return {}
    return {metric: convert(line.values[column], table.unit, Unit.wanyuan)
            for metric, column in THREE_PUBLIC_COLUMNS.items() if line.values.get(column) is not None}


def find_counterpart(cur: duckdb.DuckDBPyConnection, of: DocumentFacts, year: int, kind: str) -> DocumentFacts | None:
    """The archived document of the same department and scope for `year` and `kind` (the latest added)."""
    row = cur.execute(
        "SELECT id FROM documents WHERE department = ? AND scope = ? AND year = ? AND kind = ? AND id <> ? "
        "ORDER BY id DESC LIMIT 1", [of.department, of.scope, year, kind, of.id if of.id is not None else -1]
    ).fetchone()
    return None if row is None else facts_of_archived(cur, row[0])
