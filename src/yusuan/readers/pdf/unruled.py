"""Tables printed without rulings: columns found from where the words of several lines stand.

A run of consecutive text lines that each break into two or more gap-separated fragments is a
table. Its columns are the x-ranges covered by fragments of its fullest lines (right-aligned
amounts still overlap one another); every line of the run then gets one cell per column, empty
ones kept, so the cells line up as they would in a ruled table.

A multi-fragment line on its own ("部门：XX局      单位：万元" above a table) is no table row: its
fragments become one cell, parted by a space, so it reads as the text line it is.
"""

from __future__ import annotations

from ...document import Cell, Line

# fewer consecutive multi-fragment lines than this are a label and its value, not a table
_MIN_ROWS = 3


def align_unruled(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and len(line.cells) >= 2:
            run.append(line)
            continue
        out += _aligned(run) if len(run) >= _MIN_ROWS else [_one_cell(line) for line in run]
        run = []
        if line is not None:
            out.append(line)
    return out


def _one_cell(line: Line) -> Line:
    box = line.box or _union(line.cells[0].box, line.cells[-1].box)
    cell = Cell(" ".join(c.text for c in line.cells), box)
    return Line(cells=[cell], number=line.number, page=line.page, box=line.box)


def _aligned(run: list[Line]) -> list[Line]:
    columns = _columns(run)
    aligned = []
    for line in run:
        texts = [""] * len(columns)
        boxes: list = [None] * len(columns)
        for cell in line.cells:
            index = _column_of(cell, columns)
            texts[index] = f"{texts[index]} {cell.text}".strip() if texts[index] else cell.text
            boxes[index] = _union(boxes[index], cell.box)
        cells = [Cell(text, box) for text, box in zip(texts, boxes)]
        aligned.append(Line(cells=cells, number=line.number, page=line.page, box=line.box))
    return aligned


def _columns(run: list[Line]) -> list[tuple[float, float]]:
    """x-ranges of the columns: overlapping fragment ranges of the fullest lines, united; then two
    neighbours that never both hold text in one line are one column (a left-aligned heading over
    right-aligned amounts)."""
    columns = _overlapping_spans(run)
    index = 0
    while index + 1 < len(columns):
        if not any(_fills(line, columns, index) and _fills(line, columns, index + 1) for line in run):
            columns[index : index + 2] = [(columns[index][0], columns[index + 1][1])]
        else:
            index += 1
    return columns


def _fills(line: Line, columns: list[tuple[float, float]], index: int) -> bool:
    return any(_column_of(cell, columns) == index for cell in line.cells)


def _overlapping_spans(run: list[Line]) -> list[tuple[float, float]]:
    most = max(len(line.cells) for line in run)
    spans = sorted((c.box[0], c.box[2]) for line in run if len(line.cells) >= most - 1 for c in line.cells if c.box)
    columns: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1]:
            columns[-1] = (columns[-1][0], max(columns[-1][1], x1))
        else:
            columns.append((x0, x1))
    return columns


def _column_of(cell: Cell, columns: list[tuple[float, float]]) -> int:
    if cell.box is None:
        return 0
    centre = (cell.box[0] + cell.box[2]) / 2

    def distance(span: tuple[float, float]) -> float:
        return 0.0 if span[0] <= centre <= span[1] else min(abs(centre - span[0]), abs(centre - span[1]))

    return min(range(len(columns)), key=lambda i: distance(columns[i]))


def _union(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
