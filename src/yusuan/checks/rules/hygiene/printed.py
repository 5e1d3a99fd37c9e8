"""How the tables are laid out on the printed pages: a table wider than the print area is cut, and the
columns that did not fit come out on a page of their own ("其他收入" and its empty cells, without the
codes and names of the rows): on the pages of the table the column is missing.

Only a page of the table holding no amount and no code is taken for such a spill, and only a label there
naming a column of the table's kind that the table's own header does not print.
"""

from __future__ import annotations

from collections.abc import Iterator

from ....model import CODED_TABLES, TABLE_TITLES, Row, Table
from ....prose.columns import column_id
from ...engine.context import Doc
from ...engine.findings import Finding, Place
from ...engine.registry import rule
from ...engine.wording import quoted

# a column's label is short; a longer text on the page is a title or a note, no label
_MAX_LABEL = 10
# labels naming no one column: the amount column of any table, the prior year's
_ANY_TABLE = ("total", "prior_year")


def _empty(row: Row) -> bool:
    return row.code is None and not row.unread and all(v is None for v in row.values.values())


def spilled_columns(table: Table, year: int | None) -> list[Row]:
    """The rows that are labels of columns of `table` printed on a page of their own (the first such page)."""
    pages: dict[int, list[Row]] = {}
    for row in table.rows:
        if row.source.page is not None:
            pages.setdefault(row.source.page, []).append(row)
    # a table that lists its sources as rows (项目名称 | 金额, no codes) carries its empty rows onto the next
    # page: those are rows, not a column cut off
    if len(pages) < 2 or not any(row.code for row in table.rows):
        return []
    printed = set(table.column_ids)
    for page, rows in sorted(pages.items())[1:]:
        if not all(_empty(row) for row in rows):
            continue
        labels = []
        for row in rows:
            name = "".join(row.name.split())
            column = column_id(table.id, name, year) if len(name) <= _MAX_LABEL else None
            if column is not None and column not in _ANY_TABLE and column not in printed:
                labels.append(row)
        if labels:
            return labels
    return []


@rule(
    id="HYGIENE-PRINT-AREA", family="hygiene", severity="warning",
    title="表格应完整印在其页面上，不应因打印区域过窄把某一栏单独印到另一页",
    basis="财预〔2016〕143号“形式规范”；domain.md §3 C4",
)
def columns_printed_with_their_table(doc: Doc) -> Iterator[Finding]:
    for table in doc.disclosure.tables.values():
        if table.id not in CODED_TABLES:  # the tables whose columns are read by their labels (prose/columns.py)
            continue
        labels = spilled_columns(table, doc.year)
        if not labels:
            continue
        page = labels[0].source.page
        first = min(r.source.page for r in table.rows if r.source.page is not None)
        shown = "、".join(quoted("".join(row.name.split())) for row in labels)
        name = TABLE_TITLES.get(table.id, table.id)
        message = (f"{name}的{shown}栏单独印在第 {page} 页，没有各行的科目和金额，而从第 {first} 页起的表格中没有这一栏："
                   "表格被打印区域截断，请调整打印区域或页面设置，把整张表完整印出。")
        yield Finding.at(Place.of_row(table, labels[0]), message)
