"""Phrases of the narrative, each with the claims it states: "基本支出1,379.35万元，比2023年减少49.71万元，下降3.48%".

The wording follows what the recognizer reads (recognize/narrative): the subject's name right before
its amount, the change right after it in the same sentence, the reason in the same clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Claim, Unit
from .money import amount_text, percent, percent_text


@dataclass
class Phrase:
    text: str
    claims: list[Claim] = field(default_factory=list)

    def __add__(self, other: Phrase | str) -> Phrase:
        if isinstance(other, str):
            return Phrase(self.text + other, self.claims)
        return Phrase(self.text + other.text, self.claims + other.claims)


def join(phrases: list[Phrase], separator: str) -> Phrase:
    return Phrase(separator.join(p.text for p in phrases), [c for p in phrases for c in p.claims])


@dataclass(frozen=True)
class Voice:
    """What every claim of one disclosure shares: its year and unit."""

    year: int
    unit: Unit

    @property
    def prior(self) -> int:
        return self.year - 1

    def amount(self, value: Decimal) -> str:
        return amount_text(value, self.unit.value)

    def said(self, subject: str, label: str, value: Decimal, prior: Decimal | None = None,
             reason: str | None = None) -> Phrase:
        """"{label}{amount}", with the change from `prior` (and its reason) when the prior year is known."""
        claim = Claim(subject=subject, label=label, value=value, unit=self.unit, year=self.year)
        text = f"{label}{self.amount(value)}"
        if prior is not None:
            text += self._change(claim, value, prior)
            if reason and value != prior:
                text += f"，主要原因是{clause(reason)}"
        return Phrase(text, [claim])

    def flat(self, claim: Claim) -> None:
        claim.change, claim.direction, claim.compared_year = Decimal(0), "持平", self.prior

    def _change(self, claim: Claim, value: Decimal, prior: Decimal) -> str:
        change = value - prior
        if change == 0:
            self.flat(claim)
            return f"，与{self.prior}年持平"
        rising = change > 0
        claim.change, claim.direction, claim.compared_year = abs(change), "增加" if rising else "减少", self.prior
        text = f"，比{self.prior}年{claim.direction}{self.amount(abs(change))}"
        share = percent(abs(change), prior)
        if share is not None:
            claim.change_percent = share
            text += f"，{'增长' if rising else '下降'}{percent_text(share)}"
        return text


def clause(text: str) -> str:
    """Officer's free text made to fit inside a sentence: no final stop, no stray spaces."""
    return text.strip().rstrip("。；;，, ")


def sentence(text: str) -> str:
    """Officer's free text as a sentence of its own."""
    text = text.strip()
    return text if not text or text.endswith(("。", "！", "？")) else text + "。"


def share_text(part: Decimal, whole: Decimal) -> str:
    share = percent(part, whole)
    return "" if share is None or part == 0 else f"，占{percent_text(share)}"
