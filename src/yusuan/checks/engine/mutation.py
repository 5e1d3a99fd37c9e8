"""Mutation test: change one printed amount at a time and see whether the checks notice.

For every amount cell of every table, the cell is changed by `delta` (in the table's unit) and the
document checked again. The change is detected when a new error points at the changed table. A
cell "takes part in an identity" when some error-level comparison read it while checking the
unchanged document; every such cell must be detected, and the cells that take part in none are
listed (nothing in the document can catch a typo there).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ...model import Disclosure
from .context import Participation
from .figures import CellKey
from .findings import Report
from .registry import Rule, registered_rules, run_rules
from .tolerance import DEFAULT_TOLERANCE


@dataclass(frozen=True, slots=True)
class Cell:
    table: str
    row: int  # position in the table's rows
    code: str | None
    name: str
    column: str
    value: Decimal

    @property
    def key(self) -> CellKey:
        return self.table, self.row, self.column

    def __str__(self) -> str:
        label = f"{self.code} {self.name}" if self.code else self.name
        return f"{self.table}「{label}」{self.column} = {self.value}"


@dataclass
class MutationReport:
    cells: list[Cell]
    detected: list[Cell] = field(default_factory=list)
    in_identities: set[CellKey] = field(default_factory=set)

    @property
    def undetected(self) -> list[Cell]:
        found = {c.key for c in self.detected}
        return [c for c in self.cells if c.key not in found]

    @property
    def missed(self) -> list[Cell]:
        """Cells that take part in an identity and yet went unnoticed: each one is a gap in the checks."""
        return [c for c in self.undetected if c.key in self.in_identities]

    @property
    def uninvolved(self) -> list[Cell]:
        """Cells that take part in no identity the checks know."""
        return [c for c in self.cells if c.key not in self.in_identities]

    @property
    def detection_rate(self) -> Decimal:
        return _rate(len(self.detected), len(self.cells))

    @property
    def identity_detection_rate(self) -> Decimal:
        involved = [c for c in self.cells if c.key in self.in_identities]
        return _rate(sum(1 for c in self.detected if c.key in self.in_identities), len(involved))

    def summary(self) -> str:
        lines = [
            f"amount cells: {len(self.cells)}; detected: {len(self.detected)} ({self.detection_rate}%)",
            f"cells in an identity: {len(self.cells) - len(self.uninvolved)}; detected: {self.identity_detection_rate}%",
            f"missed cells that are in an identity: {len(self.missed)}",
            *(f"  missed: {c}" for c in self.missed),
            f"cells in no identity: {len(self.uninvolved)}",
            *(f"  {c}" for c in self.uninvolved),
        ]
        return "\n".join(lines)


def _rate(part: int, whole: int) -> Decimal:
    return Decimal(100) if whole == 0 else (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def amount_cells(disclosure: Disclosure) -> list[Cell]:
    """Every printed (non-empty) amount of every table."""
    return [
        Cell(table.id, position, row.code, row.name, column, value)
        for table in disclosure.tables.values()
        for position, row in enumerate(table.rows)
        for column, value in row.values.items()
        if value is not None
    ]


def mutated(disclosure: Disclosure, cell: Cell, delta: Decimal) -> Disclosure:
    """A copy of the disclosure with one cell changed; everything else is shared, not copied."""
    table = disclosure.tables[cell.table]
    row = table.rows[cell.row]
    new_row = row.model_copy(update={"values": {**row.values, cell.column: cell.value + delta}})
    rows = [*table.rows[:cell.row], new_row, *table.rows[cell.row + 1:]]
    tables = {**disclosure.tables, cell.table: table.model_copy(update={"rows": rows})}
    return disclosure.model_copy(update={"tables": tables})


def _errors(report: Report) -> set[tuple]:
    return {(f.rule, f.place, f.message) for f in report.findings if f.severity == "error"}


def mutation_detection(disclosure: Disclosure, delta: Decimal = Decimal(1), tolerance: Decimal = DEFAULT_TOLERANCE,
                       rules: Iterable[Rule] | None = None) -> MutationReport:
    rules = list(registered_rules() if rules is None else rules)
    participation = Participation()
    baseline = _errors(run_rules(disclosure, rules, tolerance, participation))
    report = MutationReport(
        cells=amount_cells(disclosure),
        in_identities={key for key, severity in participation.cells.items() if severity == "error"},
    )
    for cell in report.cells:
        new_errors = _errors(run_rules(mutated(disclosure, cell, delta), rules, tolerance)) - baseline
        if any(place.table == cell.table for _, place, _ in new_errors):
            report.detected.append(cell)
    return report
