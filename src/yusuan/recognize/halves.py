"""Two tables printed side by side in one grid: 人员经费 lines on the left, 公用经费 lines on the right,
under a header whose labels repeat ("编码 | 名称 | 决算数 | 编码 | 名称 | 决算数").

Each line is cut where the second header starts; the left halves are read first, then the right
halves, which is the order a reader of the page follows (down the left table, then down the right).
"""

from __future__ import annotations

import re

from ..document import Line
from ..prose.columns import merged_header
from .cells import read_code

_CODE_HEADER = re.compile(r"编码|代码")


def second_table_start(header: list[Line], body: list[Line]) -> int | None:
    """The cell where a second, repeated table starts, or None for an ordinary grid."""
    if "".join(text for line in header for text in line.texts).count("码") < 2:
        return None  # most headers name one code column at most: no need to merge them
    merged = merged_header([line.texts for line in header])
    code_columns = [index for index in sorted(merged) if _CODE_HEADER.search(merged[index])]
    if len(code_columns) < 2:
        return None
    start = code_columns[1]
    coded = sum(1 for line in body if start < len(line.texts) and read_code(line.texts[start]))
    return start if coded >= 2 else None


def _cut(line: Line, start: int, stop: int | None) -> Line:
    return Line(cells=line.cells[start:stop], number=line.number, page=line.page, box=line.box)


def split_halves(header: list[Line], body: list[Line]) -> tuple[list[Line], list[Line]]:
    """(header, body) of the grid read as one table: the right halves appended under the left ones."""
    start = second_table_start(header, body)
    if start is None:
        return header, body
    left = [_cut(line, 0, start) for line in body]
    right = [_cut(line, start, None) for line in body]
    return [_cut(line, 0, start) for line in header], [line for line in left + right if line.filled]
