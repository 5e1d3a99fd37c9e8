"""The whole 情况说明, in the standard order (domain.md §2.2), every sentence written from the data."""

from __future__ import annotations

from ..model import Narrative
from .definitions import write_definitions
from .draft import Draft
from .ledger import Ledger
from .narrative_budget import write_expenditure, write_fiscal, write_fund, write_general, write_revenue, write_totals
from .narrative_other import write_basic, write_other_matters, write_three_public
from .narrative_overview import write_overview
from .wording import Voice


def compose_narrative(ledger: Ledger) -> Narrative:
    facts = ledger.facts
    voice = Voice(year=facts.year, unit=facts.unit)
    draft = Draft()
    write_overview(draft, facts)
    draft.open(f"{facts.year}年部门预算情况说明", 0)
    write_totals(draft, voice, ledger)
    write_revenue(draft, voice, ledger)
    write_expenditure(draft, voice, ledger)
    write_fiscal(draft, voice, ledger)
    write_general(draft, voice, ledger)
    write_basic(draft, voice, ledger)
    write_three_public(draft, voice, ledger)
    write_fund(draft, voice, ledger, "gov_fund")
    write_fund(draft, voice, ledger, "state_capital")
    write_other_matters(draft, voice, ledger)
    write_definitions(draft, ledger)
    return draft.narrative()
