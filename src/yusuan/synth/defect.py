"""What an injected defect is, and the small edits the defects are made of.

A defect names the rules that must fire (`must`: the identity it breaks, by the rules' own
statements in docs/rules.md) and those that may fire as a consequence (`may`: e.g. the narrative
that quotes a changed total). Recall counts `must` only; a finding of a rule in neither list is a
false alarm. `tables` are the places a finding may point at (a table id, or "narrative").
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from ..compose.facts import BudgetInput
from ..model import Disclosure, Row, Section, Table
from ..prose.sentences import narrative_sentences

Stage = Literal["facts", "model"]


@dataclass(frozen=True)
class Injected:
    """One defect as put into one document (written to the manifest)."""

    kind: str
    family: str
    must: tuple[str, ...]
    may: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    where: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "family": self.family, "must": list(self.must), "may": list(self.may),
                "tables": list(self.tables), "where": self.where}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Injected:
        return cls(data["kind"], data["family"], tuple(data["must"]), tuple(data.get("may", ())),
                   tuple(data.get("tables", ())), data.get("where", {}))


# a model-stage edit returns the edited disclosure and where it edited, or None when it does not apply
ModelEdit = Callable[[random.Random, Disclosure], tuple[Disclosure, dict[str, Any]] | None]
FactsEdit = Callable[[random.Random, BudgetInput], tuple[BudgetInput, dict[str, Any]] | None]


@dataclass(frozen=True)
class DefectKind:
    name: str
    family: str
    stage: Stage
    edit: ModelEdit | FactsEdit
    must: tuple[str, ...]
    may: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()

    def injected(self, where: dict[str, Any]) -> Injected:
        return Injected(self.name, self.family, self.must, self.may, self.tables, where)


def delta(rng: random.Random) -> Decimal:
    """A difference no rounding explains: 1.00 to 50.00 in the document's unit."""
    return Decimal(rng.randint(100, 5000)).scaleb(-2)


def with_row(d: Disclosure, table_id: str, index: int, row: Row) -> Disclosure:
    table = d.tables[table_id]
    rows = [*table.rows[:index], row, *table.rows[index + 1:]]
    return with_table(d, table.model_copy(update={"rows": rows}))


def with_table(d: Disclosure, table: Table) -> Disclosure:
    return d.model_copy(update={"tables": {**d.tables, table.id: table}})


def with_sections(d: Disclosure, sections: list[Section]) -> Disclosure:
    """The narrative with these sections, and the sentences of their text."""
    narrative = d.narrative.model_copy(update={"sections": sections, "sentences": narrative_sentences(sections)})
    return d.model_copy(update={"narrative": narrative})


def bumped(row: Row, changes: dict[str, Decimal]) -> Row:
    values = {**row.values, **{c: (row.values.get(c) or Decimal(0)) + v for c, v in changes.items()}}
    return row.model_copy(update={"values": values})


def rows_where(d: Disclosure, table_id: str, test: Callable[[Row], bool]) -> list[int]:
    table = d.tables.get(table_id)
    return [] if table is None else [i for i, r in enumerate(table.rows) if test(r)]
