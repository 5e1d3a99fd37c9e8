"""Plain text as a PDF-to-text extraction prints it: one line per table row, cells separated by tabs.

The layout is the other writers' (document.py, grid.py): the title, the contents, the narrative's
headings and paragraphs, then each table as its title line, its unit line, the header rows and the
body rows. A merged cell is printed once, in its first column and first row, and the positions it
spans are left empty, so every column keeps its place (as readers/html.py and real extracted text do).
"""

from __future__ import annotations

from ..model import Disclosure
from .document import Block, PrintedDocument, printed_document
from .grid import Grid, Row, placed

_TAB = "\t"


def grid_lines(rows: list[Row], width: int) -> list[str]:
    """The rows as tab-separated lines, spans laid out in the grid's columns."""
    texts = [[""] * width for _ in rows]
    for r, c, cell in placed(rows):
        texts[r][c] = _one_line(cell.text)
    return [_TAB.join(row) for row in texts]


def _one_line(text: str) -> str:
    """A cell's text on one line: a tab or line break inside it would split the cell or the row."""
    return " ".join(text.split())


def table_lines(grid: Grid) -> list[str]:
    """Title, unit line, header and body rows, note. A form (performance tables) takes the unit line's
    place, as in the HTML: its table repeats no title or unit line."""
    width = grid.column_count
    lines = [grid.title]
    if grid.form:
        lines += grid_lines(grid.form, width)
    elif grid.unit_line:
        lines.append(grid.unit_line)
    lines += grid_lines(grid.header + grid.body, width)
    if grid.note:
        lines.append(_one_line(grid.note))
    return lines


def block_lines(block: Block) -> list[str]:
    if block.grid is not None:
        return table_lines(block.grid)
    lines = [block.heading.text] if block.heading is not None else []
    return lines + [_one_line(p) for p in block.paragraphs]


def contents_lines(printed: PrintedDocument) -> list[str]:
    return ["目录", *(text for _, text, _ in printed.contents)]


def render_text(disclosure: Disclosure) -> str:
    printed = printed_document(disclosure)
    lines = [printed.title, "", *contents_lines(printed), ""]
    for block in printed.blocks:
        lines += block_lines(block)
        lines.append("")
    return "\n".join(lines)


def text_bytes(disclosure: Disclosure) -> bytes:
    return render_text(disclosure).encode("utf-8")
