"""A grid and the page's glyphs -> one Line per table row, one Cell per column (empty ones kept)."""

from __future__ import annotations

from statistics import median

from ...document import Cell, Line
from ..normalize import normalize_text
from .geometry import Box, Glyph, box_of, rounded
from .grid import Grid
from .textlines import block_text, visual_lines

# a ruled row at least this many times as tall as the table's usual row, holding this many text
# lines that each fill two or more columns, is several rows drawn without rulings between them
# (wrapped labels make a row two or three lines tall, and the table's other rows alike)
_BANDS_FOR_SPLIT = 3
_TALL_ROW = 2.5

Origin = tuple[int, int]


def place_glyphs(grid: Grid, glyphs: list[Glyph]) -> tuple[dict[Origin, list[Glyph]], list[Glyph]]:
    """Glyphs of each (merged) cell by their centre, and the glyphs outside the grid."""
    cells: dict[Origin, list[Glyph]] = {}
    outside: list[Glyph] = []
    for glyph in glyphs:
        spot = grid.locate(glyph.cx, glyph.cy)
        if spot is None:
            outside.append(glyph)
        else:
            cells.setdefault(grid.origin[spot], []).append(glyph)
    return cells, outside


def table_lines(grid: Grid, cells: dict[Origin, list[Glyph]], page: int) -> list[tuple[Line, list[float | None]]]:
    """The table's rows, each with the right edge of the text in each of its cells (None if empty)."""
    lines: list[tuple[Line, list[float | None]]] = []
    usual = median(b - a for a, b in zip(grid.ys, grid.ys[1:]))
    for row in range(grid.rows):
        origins = [(row, col) for col in range(grid.columns) if grid.origin[(row, col)] == (row, col)]
        tall = grid.ys[row + 1] - grid.ys[row] >= _TALL_ROW * usual
        sub_rows = _sub_rows(grid, origins, cells) if tall else [{o[1]: cells.get(o, []) for o in origins}]
        for sub_row in sub_rows:
            line = _line(grid, row, sub_row, page, split=len(sub_rows) > 1)
            if line.filled:
                ends = [max((g.x1 for g in sub_row.get(col, ())), default=None) for col in range(grid.columns)]
                lines.append((line, ends))
    return lines


def _sub_rows(grid: Grid, origins: list[Origin], cells: dict[Origin, list[Glyph]]) -> list[dict[int, list[Glyph]]]:
    """The glyphs of one ruled row by column; split in several rows when rows were not ruled apart."""
    by_column = {origin[1]: cells.get(origin, []) for origin in origins}
    single = [g for origin in origins if grid.extent[origin][0] == origin[0] for g in cells.get(origin, [])]
    bands = visual_lines(single)
    column_of = {id(g): col for col, glyphs in by_column.items() for g in glyphs}
    wide = [band for band in bands if len({column_of[id(g)] for g in band.glyphs}) >= 2]
    if len(wide) < _BANDS_FOR_SPLIT:
        return [by_column]
    rows: list[dict[int, list[Glyph]]] = []
    for band in bands:
        columns = {column_of[id(g)] for g in band.glyphs}
        continues = rows and len(columns) == 1 and not any(ch.isdigit() for g in band.glyphs for ch in g.text)
        if not continues:
            rows.append({})
        for glyph in band.glyphs:
            rows[-1].setdefault(column_of[id(glyph)], []).append(glyph)
    # cells spanning several ruled rows keep their text on the first of the split rows
    for origin in origins:
        if grid.extent[origin][0] != origin[0]:
            rows[0][origin[1]] = cells.get(origin, [])
    return rows


def _line(grid: Grid, row: int, glyphs_by_column: dict[int, list[Glyph]], page: int, split: bool) -> Line:
    """One Line; a row split out of a ruled row gets the boxes of its own text, not of the ruled cells."""
    cells: list[Cell] = []
    for col in range(grid.columns):
        glyphs = glyphs_by_column.get(col, [])
        origin = grid.origin[(row, col)]
        box: Box = grid.cell_box(origin) if origin == (row, col) else _atomic_box(grid, row, col)
        if split and glyphs:
            box = box_of(glyphs)
        cells.append(Cell(normalize_text(block_text(glyphs)) if glyphs else "", rounded(box)))
    row_box: Box = (grid.xs[0], grid.ys[row], grid.xs[-1], grid.ys[row + 1])
    placed = [g for glyphs in glyphs_by_column.values() for g in glyphs]
    if split and placed:
        _, top, _, bottom = box_of(placed)
        row_box = (grid.xs[0], top, grid.xs[-1], bottom)
    return Line(cells=cells, page=page, box=rounded(row_box))


def _atomic_box(grid: Grid, row: int, col: int) -> Box:
    return (grid.xs[col], grid.ys[row], grid.xs[col + 1], grid.ys[row + 1])
