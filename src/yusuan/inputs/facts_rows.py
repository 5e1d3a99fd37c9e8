"""BudgetInput -> the rows of each input sheet (to write a filled workbook, e.g. examples/budget-input.xlsx)."""

from __future__ import annotations

from typing import Any

from ..compose.facts import BudgetInput
from .sheets import OVERALL, SOURCE_CHOICES, basic_facts_for, sheets_for

_LABEL_OF = {sheet.target: {column.key: {v: k for k, v in (column.choices or {}).items()}
                            for column in sheet.columns} for sheet in sheets_for("budget")}


def _dig(data: Any, path: str) -> Any:
    for part in path.split("."):
        if data is None:
            return None
        data = data.get(part) if isinstance(data, dict) else getattr(data, part, None)
    return data


def _labelled(target: str, row: dict) -> dict:
    """Choice ids shown as the Chinese label the sheet's dropdown offers."""
    labels = _LABEL_OF.get(target, {})
    return {key: labels.get(key, {}).get(value, value) if isinstance(value, str) else value for key, value in row.items()}


def _source_label(source: str) -> str:
    return {v: k for k, v in SOURCE_CHOICES.items()}[source]


def sheet_rows(facts: BudgetInput) -> dict[str, list[dict]]:
    data = facts.model_dump(mode="python")
    basic = {c.key: _dig(data, c.key) for c in basic_facts_for(facts.kind)}
    basic = _labelled("basic", basic)
    basic["unit"] = facts.unit.value
    rows: dict[str, list[dict]] = {
        "basic": [basic],
        "duties": [{"text": d} for d in facts.duties],
        "member_units": [{"name": u} for u in facts.member_units],
        "functional_lines": [_labelled("functional_lines", line) for line in data["functional_lines"]],
        "economic_lines": data["economic_lines"],
        "projects": [_project_row(p) for p in data["projects"]],
        "three_public": [_labelled("three_public", {"item": item, "current": facts.three_public.current.get(item),
                                                    "prior": facts.three_public.prior.get(item),
                                                    "budget": facts.three_public.budget.get(item),
                                                    "reason": facts.three_public.reasons.get(item)})
                         for item in ("overseas", "vehicle_purchase", "vehicle_operation", "reception")],
        "procurement": [_labelled("procurement", item) for item in data["procurement"]["items"]],
        "vehicles": [{"kind": kind, "held": facts.assets.vehicles.get(kind), "planned": facts.assets.planned_purchase.get(kind)}
                     for kind in dict.fromkeys([*facts.assets.vehicles, *facts.assets.planned_purchase])],
        "performance_projects": [{k: v for k, v in t.items() if k != "indicators"} for t in data["performance"]["projects"]],
        "indicators": _indicator_rows(data),
    }
    return rows


def _project_row(project: dict) -> dict:
    row = {k: v for k, v in project.items() if k != "funding"}
    row.update({f"funding.{part}": amount for part, amount in project["funding"].items()})
    row["source"] = _source_label(project["source"])
    if project["funding"]:
        row["amount"] = None  # derived from the split
    return row


def _indicator_rows(data: dict) -> list[dict]:
    rows = []
    overall = data["performance"]["overall"]
    if overall:
        rows += [{"owner": OVERALL, **i} for i in overall["indicators"]]
    for targets in data["performance"]["projects"]:
        rows += [{"owner": targets["project"], **i} for i in targets["indicators"]]
    return rows
