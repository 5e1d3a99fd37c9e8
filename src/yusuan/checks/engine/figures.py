"""Figures: the amounts a rule compares, each knowing how to name itself and which cells it came from.

A figure is a printed cell, a narrative claim, a sum of other figures, or a plain amount (a project
line, a performance table's fund). Carrying the cells lets the mutation test learn which cells take
part in an identity; carrying the phrase lets every message say where the number was printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ...model import Row, Table, Unit
from .findings import Place

CellKey = tuple[str, int, str]  # (table id, row position, column id)
Origin = tuple[Table, Row, str]  # the printed cell a figure is, named only when a message needs it

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal  # in the document's unit; an empty cell counts as 0
    phrase: str = ""  # '其下各款之和', ...; empty for a cell, whose phrase comes from its origin
    place: Place | None = None  # where a finding about this figure points (for a cell: its origin)
    cells: tuple[CellKey, ...] = ()
    figures: int = 1  # how many rounded printed numbers went into it
    blank: bool = False  # printed empty (or not printed at all)
    slack: Decimal = ZERO  # extra allowance when it was printed in a coarser unit
    origin: Origin | None = None
    # columns the figure needs that the table does not print ("基本支出表「人员经费」栏"): such a
    # figure is unknown, not 0, and a comparison with it cannot be made
    missing: tuple[str, ...] = ()
    # cells the figure needs whose printed amount could not be read: unknown too, "could not check"
    unread: tuple[str, ...] = ()
    # the unit it was printed in (a sentence in 元 or 亿元, a table in 元 in a 万元 document) and the amount as
    # printed in it: a message states it so, for the reader to search it; None for the document's unit
    unit: Unit | None = None
    printed: Decimal | None = None

    @classmethod
    def plain(cls, value: Decimal | None, phrase: str, place: Place | None = None) -> Figure:
        return cls(ZERO if value is None else value, phrase, place, blank=value is None)

    @classmethod
    def total_of(cls, parts: Iterable[Figure], phrase: str, place: Place | None = None) -> Figure:
        parts = list(parts)
        return cls(
            value=sum((p.value for p in parts), ZERO),
            phrase=phrase,
            place=place,
            cells=tuple(key for p in parts for key in p.cells),
            figures=sum(p.figures for p in parts if not p.blank),
            blank=all(p.blank for p in parts),
            slack=sum((p.slack for p in parts), ZERO),
            missing=_missing_of(parts),
            unread=tuple(dict.fromkeys(u for p in parts for u in p.unread)),
            **_printed_sum(parts),
        )

    @property
    def located(self) -> Place | None:
        if self.place is None and self.origin is not None:
            return Place.of_row(*self.origin)
        return self.place


def _printed_sum(parts: list[Figure]) -> dict:
    """The unit and printed amount of a sum: those of its parts where all were printed in one unit."""
    if not parts or any(p.unit is None or p.unit != parts[0].unit for p in parts):
        return {}
    printed = [ZERO if p.blank else p.printed for p in parts]
    if any(p is None for p in printed):
        return {"unit": parts[0].unit}
    return {"unit": parts[0].unit, "printed": sum(printed, ZERO)}


def _missing_of(parts: list[Figure]) -> tuple[str, ...]:
    """The unprinted columns of the parts, each once (most sums have none: asked cheaply first)."""
    if not any(p.missing for p in parts):
        return ()
    return tuple(dict.fromkeys(m for p in parts for m in p.missing))
