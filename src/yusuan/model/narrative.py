"""The narrative (情况说明): sections and the amounts they state, as claims."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from .amounts import Unit
from .source import Source

Direction = Literal["增加", "减少", "持平"]


class Section(BaseModel):
    number: str  # "一", "(一)", "1"
    title: str
    level: int  # 1 for 一、, 2 for (一), 3 for 1.
    text: str = ""
    source: Source = Field(default_factory=Source)


class Claim(BaseModel):
    """An amount the narrative states about a subject, with the change it states, if any.

    `subject` is a stable key where one is known (see recognize/narrative.py SUBJECTS), e.g.
    `revenue_total`, `general_expenditure:201`, `three_public_total`, `reception`; `label` is the
    wording the text used.
    """

    subject: str
    label: str
    value: Decimal
    unit: Unit
    year: int | None = None
    change: Decimal | None = None
    direction: Direction | None = None
    change_percent: Decimal | None = None
    compared_year: int | None = None
    section: str | None = None
    text: str = ""
    source: Source = Field(default_factory=Source)


class Narrative(BaseModel):
    sections: list[Section] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
