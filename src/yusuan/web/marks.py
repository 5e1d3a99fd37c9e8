"""Where on a PDF page the highlighted cell lies: the page, its size, and the cell's box.

The model keeps a row's line (and for PDFs its page and box); the file store keeps each such
line's cells with their boxes (parsing.py). A row's amounts are matched to the line's cells in
column order, so of two equal amounts on one line the right one is marked. When no cell matches,
the whole line is marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import parse_decimal
from .tableview import TableView

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Mark:
    page: int
    width: float  # page size in PDF points
    height: float
    box: Box  # x0, top, x1, bottom in PDF points, from the top left

    @property
    def rect(self) -> tuple[float, float, float, float]:
        """x, y, width, height, with a little margin so the mark does not hide the digits."""
        x0, top, x1, bottom = self.box
        return x0 - 2, top - 2, x1 - x0 + 4, bottom - top + 4


def _cell_box(cells: list, ordered_values: list[tuple[str, Decimal | None]], column: str | None) -> Box | None:
    """The box of the cell printing `column`'s amount: values matched left to right to numeric cells."""
    if column is None:
        return None
    numbers = [parse_decimal(text or "") for text, _ in cells]
    start = 0
    for column_id, value in ordered_values:
        if value is None:
            continue
        found = next((k for k in range(start, len(cells)) if numbers[k] == value), None)
        if found is None:
            continue
        if column_id == column:
            return tuple(cells[found][1]) if cells[found][1] else None
        start = found + 1
    return None


def _target_line(view: TableView) -> tuple[int | None, list[tuple[str, Decimal | None]]]:
    """The input line of what the view highlights, and the amounts printed on it in column order."""
    target = view.target
    if target.row is None:
        return None, []
    if view.shape == "grid":
        row = view.table.rows[target.row]
        return row.source.line, [(c, row.values.get(c)) for c in view.table.column_ids]
    if view.shape == "performance":
        block = view.blocks[target.row]
        if target.indicator is not None:
            return block.indicators[target.indicator].source.line, []
        return block.source.line, [("fund", block.fund)]
    claim = view.claims[target.row]
    return claim.source.line, []


def mark_of(view: TableView, positions: dict) -> Mark | None:
    line, values = _target_line(view)
    placed = positions.get("lines", {}).get(str(line)) if line is not None else None
    if not placed or not placed.get("page"):
        return None
    box = _cell_box(placed["cells"], values, view.target.column) or placed.get("box")
    size = positions.get("pages", {}).get(str(placed["page"]))
    if not box or not size:
        return None
    return Mark(placed["page"], size[0], size[1], tuple(box))
