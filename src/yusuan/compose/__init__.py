"""Compose a disclosure from leaf facts: BudgetInput -> Disclosure (tables, projects, targets, narrative).

    facts = BudgetInput.model_validate(data)      # or yusuan.inputs.load_input(path)
    disclosure = derive(facts)                    # raises InconsistentFacts when facts contradict each other
"""

from __future__ import annotations

from .derive import InconsistentFacts, derive
from .facts import BudgetInput
from .validate import Problem, problems

__all__ = ["BudgetInput", "InconsistentFacts", "Problem", "derive", "problems"]
