"""The comparison with the previous year (财政部 inspection criteria): the 情况说明 states how the money
changed, and the 一般公共预算支出表's prior-year column, where printed, is filled.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.context import Doc
from ...engine.findings import NARRATIVE, Finding, Place
from ...engine.parts import holds_only_part
from ...engine.registry import Condition, rule
from ...engine.structure import columns_of
from .tables import narrative_texts
from .narrative import CHANGE_WORDING


@rule(
    id="COMPLETE-PRIOR-YEAR", family="completeness", severity="error",
    title="情况说明应说明与上年相比的增减变化",
    basis="财预〔2016〕143号（预算收支增减变化情况）；domain.md §2.2、§3 C3",
    needs=("narrative",),
)
def prior_year_compared(doc: Doc) -> Iterator[Finding]:
    if holds_only_part(doc):
        return
    claims = doc.disclosure.narrative.claims
    if any(c.change is not None or c.direction or c.compared_year for c in claims):
        return
    if CHANGE_WORDING.search("\n".join(narrative_texts(doc))):
        return
    yield Finding.at(Place(table=NARRATIVE), "情况说明没有与上年比较收支的增减变化。")


@rule(
    id="COMPLETE-PRIOR-YEAR-COLUMN", family="completeness", severity="warning",
    title="一般公共预算支出表印出的上年预算数栏不应整栏空白",
    basis="domain.md §2.1 表5（常附上年数及增减）、§3 G5",
    needs=("general_expenditure",),
    applies=Condition("一般公共预算支出表印有上年数栏", lambda d: "prior_year" in columns_of(d.tables["general_expenditure"])),
)
def prior_year_column_filled(doc: Doc) -> Iterator[Finding]:
    table = doc.table("general_expenditure")
    if all(r.values.get("prior_year") is None for r in table.rows):
        yield Finding.at(Place(table=table.id, column="prior_year"), f"{doc.title(table)}印有上年预算数栏，但整栏空白。")
