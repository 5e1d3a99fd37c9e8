"""A table of a document as the table page shows it, with the row and cell a finding is about.

Three shapes: a standard table (rows of amounts by column), the performance-target tables (one
block per project, fields and indicators), and the narrative (its stated amounts). `locate_*`
find what a finding points at from its place as the archive kept it (table, line, code, name, column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..checks.engine.findings import NARRATIVE, Place
from ..checks.report.grouping import group_title
from ..model import COLUMN_LABELS, PERFORMANCE_TABLES, Claim, Disclosure, PerformanceTable, Row, Section, Table

# fields of a performance table a finding may name by `column`, as the table prints them
PERFORMANCE_FIELDS: dict[str, str] = {
    "name": "项目名称", "department": "主管部门", "implementer": "实施单位", "fund": "资金总额",
    "nature": "项目性质", "start": "开始日期", "end": "结束日期", "basis": "立项依据", "overview": "项目概况",
    "target": "绩效目标",
}


@dataclass(frozen=True, slots=True)
class Tab:
    id: str
    title: str


@dataclass(slots=True)
class Target:
    """What to highlight: a row (or block) and, within it, a column, field or indicator."""

    row: int | None = None
    column: str | None = None
    indicator: int | None = None


@dataclass(slots=True)
class TableView:
    id: str
    title: str
    shape: Literal["grid", "performance", "narrative"]
    table: Table | None = None
    blocks: list[PerformanceTable] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    target: Target = field(default_factory=Target)

    @property
    def has_sides(self) -> bool:
        return self.table is not None and any(r.side for r in self.table.rows)


def column_label(column_id: str, printed: str = "") -> str:
    return COLUMN_LABELS.get(column_id) or printed or column_id


def tabs(disclosure: Disclosure) -> list[Tab]:
    """Every table the document has, in the order it prints them, then the performance tables and narrative."""
    ordered = sorted(disclosure.tables.values(), key=lambda t: (t.source.page or 0, t.source.line or 0))
    found = [Tab(t.id, group_title(t.id)) for t in ordered]
    if disclosure.performance_overall is not None:
        found.append(Tab("performance_overall", group_title("performance_overall")))
    if disclosure.performance_projects:
        found.append(Tab("performance_project", group_title("performance_project")))
    if disclosure.narrative.claims or disclosure.narrative.sections:
        found.append(Tab(NARRATIVE, group_title(NARRATIVE)))
    return found


def view_of(disclosure: Disclosure, table_id: str, place: Place | None) -> TableView | None:
    """The table `table_id`, with what `place` (a finding's) points at as its target."""
    title = group_title(table_id)
    if table_id in disclosure.tables:
        table = disclosure.tables[table_id]
        target = Target(locate_row(table.rows, place), place.column) if place else Target()
        return TableView(table_id, title, "grid", table=table, target=target)
    if table_id in PERFORMANCE_TABLES:
        blocks = _performance_blocks(disclosure, table_id)
        return TableView(table_id, title, "performance", blocks=blocks,
                         target=locate_block(blocks, place) if place else Target()) if blocks else None
    if table_id == NARRATIVE and (disclosure.narrative.claims or disclosure.narrative.sections):
        claims = disclosure.narrative.claims
        return TableView(table_id, title, "narrative", claims=claims, sections=disclosure.narrative.sections,
                         target=Target(locate_claim(claims, place)) if place else Target())
    return None


def _performance_blocks(disclosure: Disclosure, table_id: str) -> list[PerformanceTable]:
    if table_id == "performance_overall":
        return [disclosure.performance_overall] if disclosure.performance_overall else []
    return disclosure.performance_projects


def _score(line: int | None, code: str | None, name: str | None, place: Place) -> int:
    """How well a printed row answers to a finding's place: the same input line counts most, then code, then name."""
    score = 0
    if place.line is not None and line == place.line:
        score += 4
    if place.code is not None and code == place.code:
        score += 2
    if place.name is not None and name == place.name:
        score += 1
    return score


def _best(scores: list[int]) -> int | None:
    best = max(scores, default=0)
    return scores.index(best) if best > 0 else None


def locate_row(rows: list[Row], place: Place) -> int | None:
    return _best([_score(r.source.line, r.code, r.name, place) for r in rows])


def locate_block(blocks: list[PerformanceTable], place: Place) -> Target:
    """The block whose title line or name the place names; within it, the indicator on the place's line."""
    index = _best([_score(b.source.line, None, b.name, place) for b in blocks])
    if index is None:  # a finding on an indicator's line names the indicator, not the block
        index = next((i for i, b in enumerate(blocks)
                      if any(ind.source.line == place.line for ind in b.indicators)), None)
    if index is None:
        return Target()
    indicators = blocks[index].indicators
    indicator = next((k for k, ind in enumerate(indicators)
                      if place.line is not None and ind.source.line == place.line), None)
    return Target(index, place.column, indicator)


def locate_claim(claims: list[Claim], place: Place) -> int | None:
    return _best([_score(c.source.line, c.subject, c.label, place) for c in claims])
