"""One page's content in reading order: table rows where the rulings are, text lines elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from ...document import Cell, Line
from ..normalize import normalize_text
from .geometry import Glyph, PageContent, box_of, rounded
from .grid import find_grids
from .table import place_glyphs, table_lines
from .textlines import fragments, run_text, visual_lines
from .unruled import align_unruled


@dataclass(slots=True)
class Placed:
    """A line with what later steps need to know about where it stood on its page."""

    line: Line
    in_table: bool
    size: float  # glyph height of a text line (0 for table rows)
    page_height: float
    page_width: float
    # of prose joined from several printed lines: the page and box of the last of them
    tail: tuple[int | None, tuple[float, float, float, float]] | None = None
    text_ends: list[float | None] | None = None  # of a table row: right edge of each cell's text


def page_lines(content: PageContent) -> list[Placed]:
    blocks: list[tuple[float, list[Placed]]] = []
    remaining = content.glyphs
    for grid in sorted(find_grids(content.horizontals, content.verticals), key=lambda g: g.ys[0]):
        cells, remaining = place_glyphs(grid, remaining)
        rows = table_lines(grid, cells, content.number)
        if rows:
            blocks.append((grid.ys[0], [_placed(row, True, 0.0, content, ends) for row, ends in rows]))
    for line, size in _text_lines(remaining, content.number):
        blocks.append((line.box[1], [_placed(line, False, size, content)]))
    blocks.sort(key=lambda block: block[0])
    placed = [item for _, items in blocks for item in items]
    return _with_unruled_tables(placed)


def _placed(line: Line, in_table: bool, size: float, content: PageContent, ends=None) -> Placed:
    return Placed(line, in_table, size, content.height, content.width, text_ends=ends)


def _text_lines(glyphs: list[Glyph], page: int) -> list[tuple[Line, float]]:
    lines = []
    for visual in visual_lines(glyphs):
        cells = []
        for run in _leaders_joined(fragments(visual)):
            text = normalize_text(run_text(run))
            if text:
                cells.append(Cell(text, rounded(box_of(run))))
        if cells:
            lines.append((Line(cells=cells, page=page, box=rounded(visual.box)), visual.size))
    return lines


_LEADER = ".…·．。"


def _leaders_joined(runs: list[list[Glyph]]) -> list[list[Glyph]]:
    """A contents line's dot leaders ("一、单位基本情况 ........ 3") are one text, however the dots
    are spaced (OCR sees gaps in them): runs that end or start with leader dots are joined."""
    joined: list[list[Glyph]] = [runs[0]]
    for run in runs[1:]:
        before, after = run_text(joined[-1]), run_text(run)
        if before[-2:].strip(_LEADER) == "" or after[:2].strip(_LEADER) == "":
            joined[-1] = joined[-1] + run
        else:
            joined.append(run)
    return joined


def _with_unruled_tables(placed: list[Placed]) -> list[Placed]:
    """Give runs of multi-fragment text lines consistent columns (tables drawn without rulings)."""
    out: list[Placed] = []
    index = 0
    while index < len(placed):
        if placed[index].in_table:
            out.append(placed[index])
            index += 1
            continue
        end = index
        while end < len(placed) and not placed[end].in_table:
            end += 1
        run = placed[index:end]
        aligned = align_unruled([p.line for p in run])
        out += [Placed(line, p.in_table, p.size, p.page_height, p.page_width) for p, line in zip(run, aligned)]
        index = end
    return out
