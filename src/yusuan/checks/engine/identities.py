"""The two shapes most identities take: a row's total equals its parts, a parent line equals its children."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...model import Row, Table
from .context import Doc
from .figures import Figure
from .findings import Finding
from .structure import columns_of
from .wording import column_label


def sum_phrase(labels: Sequence[str]) -> str:
    if len(labels) == 2:
        return f"{labels[0]}与{labels[1]}之和"
    return "、".join(labels) + "之和"


def row_sum(doc: Doc, table: Table, total: str, parts: Sequence[str]) -> Iterator[Finding]:
    """Each row: `total` column = sum of the `parts` columns the table prints.

    A row whose parts are all printed empty is skipped: templates leave the split empty on some
    total lines (支出总计), and other identities cover those cells.
    """
    printed = set(columns_of(table))
    parts = [c for c in parts if c in printed]
    if total not in printed or not parts:
        return
    phrase = "本行" + sum_phrase([column_label(table, c) for c in parts])
    for row in table.rows:
        split = Figure.total_of((doc.cell(table, row, c) for c in parts), phrase)
        if split.blank:
            continue
        finding = doc.compare(doc.cell(table, row, total), split)
        if finding:
            yield finding


def lines_sum(doc: Doc, table: Table, rows: Sequence[Row], column: str, phrase: str) -> Figure:
    return Figure.total_of((doc.cell(table, r, column) for r in rows), phrase)


def parent_equals_children(doc: Doc, table: Table, parent: Row, children: Sequence[Row],
                           what: str) -> Iterator[Finding]:
    """In every column, the parent line equals the sum of its child lines (`what`: '各款', '各项')."""
    for column in columns_of(table):
        if column not in parent.values and all(column not in c.values for c in children):
            continue
        label = "" if column in ("total", "amount") else column_label(table, column)
        expected = lines_sum(doc, table, children, column, f"其下{what}{label}之和")
        finding = doc.compare(doc.cell(table, parent, column), expected)
        if finding:
            yield finding

