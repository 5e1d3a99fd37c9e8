"""The parts of a functional item the narrative states ("“农林水支出”科目83万元,主要用于人员经费18万元、
公用经费58万元") against the item's line in the tables that print that part by line."""

from __future__ import annotations

from collections.abc import Iterator

from ....model import Claim
from ....prose.item_parts import ItemPart, item_end, item_parts
from ....prose.scopes import split_scope
from ...engine.context import Doc
from ...engine.figures import Figure

# tables printing a functional line split by part (收支总表 in Shanghai: 人员经费 | 公用经费 | 项目支出)
_SPLIT_TABLES = (("summary", "expenditure"), ("expenditure", None), ("general_expenditure", None))


def _candidates(doc: Doc, code: str, column: str) -> list[Figure]:
    found = []
    for table_id, side in _SPLIT_TABLES:
        table = doc.table(table_id)
        row = None if table is None or not doc.prints(table, column) else table.row(code, side)
        if row is not None:
            found.append(doc.cell(table, row, column))
    return found


def stated_parts(doc: Doc, claim: Claim) -> Iterator[tuple[Claim, list[Figure]]]:
    """Each part an item claim states, as a claim of its own, with the cells of the item's line it may be."""
    subject, _ = split_scope(claim.subject)
    if not subject.startswith("expenditure:"):
        return
    end = item_end(claim.text, claim.label, claim.value, claim.unit)
    parts: list[ItemPart] = [] if end is None else item_parts(claim.text, end)
    for part in parts:
        candidates = _candidates(doc, subject.split(":", 1)[1], part.column)
        if candidates:
            label = f"{claim.label}中的{part.wording}"
            yield claim.model_copy(update={"label": label, "value": part.value, "unit": part.unit}), candidates

