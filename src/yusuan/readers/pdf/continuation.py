"""A table continued over a page break.

Its columns: the continued part may be drawn with fewer column borders (a last page holding only
total rows); when each of its borders is one of the previous part's, its cells are moved to the
previous part's column indexes, so index i means the same column on both pages.

A row cut by the break: "八、社会保障和就" ends page 7 and "业支出" opens page 8 as a row of its
own. Such a first row is joined back when every filled cell of it is text (no digits) standing
under a cell of the last row of the previous page whose text ran to that cell's right border,
i.e. was still wrapping.
"""

from __future__ import annotations

from ...document import Cell, Line
from .layout import Placed

# how close (points) to its right border a cell's text must end to be taken as wrapping on
_WRAP_SLACK = 14.0
# column borders this close (points) on two pages are the same border
_SAME_BORDER = 3.0


def join_split_rows(pages: list[list[Placed]]) -> list[list[Placed]]:
    out: list[list[Placed]] = []
    for page in pages:
        if out and out[-1] and page and out[-1][-1].in_table and page[0].in_table:
            page = _on_previous_columns(out[-1][-1], page)
            joined = _joined(out[-1][-1], page[0])
            if joined is not None:
                out[-1] = [*out[-1][:-1], joined]
                page = page[1:]
        out.append(page)
    return out


def _borders(line: Line) -> list[float] | None:
    if any(cell.box is None for cell in line.cells):
        return None
    return [cell.box[0] for cell in line.cells] + [line.cells[-1].box[2]]


def _on_previous_columns(last: Placed, page: list[Placed]) -> list[Placed]:
    previous, current = _borders(last.line), _borders(page[0].line)
    if previous is None or current is None or len(current) >= len(previous):
        return page
    index_of = [next((j for j, x in enumerate(previous) if abs(x - border) <= _SAME_BORDER), None) for border in current]
    if None in index_of or index_of[0] != 0 or index_of[-1] != len(previous) - 1:
        return page
    out = []
    for position, item in enumerate(page):
        if not item.in_table or _borders(item.line) != current:
            return out + page[position:]
        out.append(_moved(item, index_of, last.line))
    return out


def _moved(item: Placed, index_of: list[int | None], model: Line) -> Placed:
    """The row's cells at the previous part's column indexes; the columns it lacks are empty."""
    cells = [Cell("", _column_box(model.cells[j].box, item.line.box)) for j in range(len(model.cells))]
    for i, cell in enumerate(item.line.cells):
        cells[index_of[i]] = cell
    ends: list[float | None] = [None] * len(cells)
    for i, end in enumerate(item.text_ends or ()):
        ends[index_of[i]] = end
    line = Line(cells=cells, number=item.line.number, page=item.line.page, box=item.line.box)
    return Placed(line, True, item.size, item.page_height, item.page_width, text_ends=ends)


def _column_box(column, row):
    return (column[0], row[1], column[2], row[3]) if column and row else None


def _joined(last: Placed, fragment: Placed) -> Placed | None:
    targets: dict[int, str] = {}
    for cell in fragment.line.cells:
        if not cell.text:
            continue
        if any(ch.isdigit() for ch in cell.text) or cell.box is None:
            return None
        index = _wrapping_cell_above(last, (cell.box[0] + cell.box[2]) / 2)
        if index is None:
            return None
        targets[index] = targets.get(index, "") + cell.text
    if not targets:
        return None
    cells = [Cell(c.text + targets.get(i, ""), c.box) for i, c in enumerate(last.line.cells)]
    line = Line(cells=cells, number=last.line.number, page=last.line.page, box=last.line.box)
    return Placed(line, True, last.size, last.page_height, last.page_width, text_ends=last.text_ends)


def _wrapping_cell_above(last: Placed, x: float) -> int | None:
    for index, cell in enumerate(last.line.cells):
        if cell.box is None or not (cell.box[0] <= x <= cell.box[2]):
            continue
        end = last.text_ends[index] if last.text_ends else None
        if cell.text and not any(ch.isdigit() for ch in cell.text[-1:]) and end is not None and end >= cell.box[2] - _WRAP_SLACK:
            return index
        return None
    return None
