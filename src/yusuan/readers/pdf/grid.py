"""Table grids from ruling segments: where the columns and rows are, and which cells are merged.

A grid is the set of distinct column borders (xs) and row borders (ys) of one connected group of
rulings. The smallest boxes between them are atomic cells; two neighbours with no ruling between
them are one merged cell, whose text belongs to its top-left atomic cell. Keeping every table row on
the same atomic columns is what lets index i of each row mean the same column.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .geometry import Box, Segment
from .rulings import SNAP

# a column or row narrower than this (points) is a double border, not a cell
_MIN_CELL = 5.0
# a ruling counts as a cell border if it covers this share of the cell side
_BORDER_COVER = 0.6


@dataclass(slots=True)
class Grid:
    xs: list[float]
    ys: list[float]
    # atomic (row, col) -> (row, col) of the top-left atomic cell of the merged cell it belongs to
    origin: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    # origin -> (last row, last col) the merged cell spans
    extent: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    @property
    def box(self) -> Box:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """The atomic cell a point falls in, or None outside the grid (with a little slack)."""
        x0, top, x1, bottom = self.box
        if not (x0 - SNAP <= x <= x1 + SNAP and top - SNAP <= y <= bottom + SNAP):
            return None
        col = min(max(bisect_right(self.xs, x) - 1, 0), self.columns - 1)
        row = min(max(bisect_right(self.ys, y) - 1, 0), self.rows - 1)
        return row, col

    def cell_box(self, origin: tuple[int, int]) -> Box:
        last_row, last_col = self.extent[origin]
        return (self.xs[origin[1]], self.ys[origin[0]], self.xs[last_col + 1], self.ys[last_row + 1])


def find_grids(horizontals: list[Segment], verticals: list[Segment]) -> list[Grid]:
    grids = []
    for h_group, v_group in _connected_groups(horizontals, verticals):
        grid = _grid_of(h_group, v_group)
        if grid is not None:
            grids.append(grid)
    return grids


def _crosses(h: Segment, v: Segment) -> bool:
    return v.start - SNAP <= h.pos <= v.end + SNAP and h.start - SNAP <= v.pos <= h.end + SNAP


def _connected_groups(horizontals: list[Segment], verticals: list[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    """Rulings that touch each other, transitively: one group per drawn table."""
    parent = list(range(len(horizontals) + len(verticals)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for hi, h in enumerate(horizontals):
        for vi, v in enumerate(verticals):
            if _crosses(h, v):
                parent[find(hi)] = find(len(horizontals) + vi)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for hi, h in enumerate(horizontals):
        groups.setdefault(find(hi), ([], []))[0].append(h)
    for vi, v in enumerate(verticals):
        groups.setdefault(find(len(horizontals) + vi), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _grid_of(horizontals: list[Segment], verticals: list[Segment]) -> Grid | None:
    # a table whose outer side is not drawn still reaches as far as its rulings of the other direction
    xs = _borders([v.pos for v in verticals], min(h.start for h in horizontals), max(h.end for h in horizontals))
    ys = _borders([h.pos for h in horizontals], min(v.start for v in verticals), max(v.end for v in verticals))
    if len(xs) < 3 or len(ys) < 2:
        return None  # a single box (a page frame, a framed paragraph) is not a table
    grid = Grid(xs=xs, ys=ys)
    _merge_cells(grid, horizontals, verticals)
    return grid


def _borders(positions: list[float], low: float, high: float) -> list[float]:
    borders: list[float] = []
    for pos in sorted([*positions, low, high]):
        if borders and pos - borders[-1] < _MIN_CELL:
            continue
        borders.append(pos)
    return borders


def _covered(segments: list[Segment], pos: float, start: float, end: float) -> bool:
    """Whether rulings at `pos` cover most of the span start..end."""
    covered = 0.0
    for s in segments:
        if abs(s.pos - pos) <= _MIN_CELL:
            covered += max(0.0, min(s.end, end) - max(s.start, start))
    return covered >= _BORDER_COVER * (end - start)


def _merge_cells(grid: Grid, horizontals: list[Segment], verticals: list[Segment]) -> None:
    rows, cols = grid.rows, grid.columns
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covered(verticals, grid.xs[c + 1], grid.ys[r], grid.ys[r + 1]):
                parent[find((r, c + 1))] = find((r, c))
            if r + 1 < rows and not _covered(horizontals, grid.ys[r + 1], grid.xs[c], grid.xs[c + 1]):
                parent[find((r + 1, c))] = find((r, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for cell in parent:
        members.setdefault(find(cell), []).append(cell)
    for group in members.values():
        origin = min(group)  # top-most row, then left-most column
        grid.extent[origin] = (max(r for r, _ in group), max(c for _, c in group))
        for cell in group:
            grid.origin[cell] = origin
