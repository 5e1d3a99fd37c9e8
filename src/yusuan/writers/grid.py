"""A printed table as every writer sees it: title, unit line, header rows, body rows, note.

Rows list only the cells that start in them (as HTML does); `placed` resolves the spans into grid
positions for writers that address cells by row and column (DOCX, XLSX).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

CellKind = Literal["head", "code", "name", "amount", "text", "label", "value"]
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Cell:
    value: str | Decimal | None = None
    kind: CellKind = "text"
    colspan: int = 1
    rowspan: int = 1
    indent: int = 0  # levels of indentation of a name (款 under 类, 项 under 款)
    bold: bool = False

    @property
    def text(self) -> str:
        """The cell as printed: amounts with thousands separators and two decimals."""
        if self.value is None:
            return ""
        if isinstance(self.value, Decimal):
            return format_amount(self.value)
        return self.value


def format_amount(value: Decimal) -> str:
    return f"{value.quantize(_CENT, ROUND_HALF_UP):,.2f}"


Row = list[Cell]


@dataclass
class Grid:
    """One printed table. `form` rows (performance tables) come before the header and do not repeat."""

    id: str
    title: str
    widths: list[float]  # relative widths, in Chinese characters
    header: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)
    form: list[Row] = field(default_factory=list)
    unit_line: str | None = None
    note: str | None = None

    @property
    def column_count(self) -> int:
        return len(self.widths)

    @property
    def wide(self) -> bool:
        """Printed on a landscape page."""
        return sum(self.widths) > 80


def placed(rows: list[Row]) -> Iterator[tuple[int, int, Cell]]:
    """(row index, column index, cell) for every cell, skipping the slots that spans above or left fill."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while (r, column) in taken:
                column += 1
            yield r, column, cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, column + dc))
            column += cell.colspan


def display_width(text: str) -> int:
    """Width in half-width character units: a Chinese character counts 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
