"""The project list (项目支出明细表)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from .source import Source


class Project(BaseModel):
    """One project line. `funding` splits `amount` by source column id (see COLUMN_LABELS)."""

    code: str | None = None
    name: str
    budget_unit: str | None = None
    functional_code: str | None = None
    functional_name: str | None = None
    amount: Decimal | None = None
    funding: dict[str, Decimal | None] = Field(default_factory=dict)
    source: Source = Field(default_factory=Source)
