"""Fund scopes: a subject stated of all funds, or of one fund (一般公共预算, 政府性基金, …) or of all
财政拨款 together. The key of a subject within one scope is `subject@scope` (docs/conventions.md);
a subject without a scope is of all funds, or of a scope the text does not make certain.
"""

from __future__ import annotations

import re

Scope = str  # "general_budget", "gov_fund", "state_capital", or "fiscal" (all 财政拨款 funds together)
_FUNDS: tuple[tuple[Scope, str], ...] = (
    ("general_budget", "一般公共预算"), ("gov_fund", "政府性基金"), ("state_capital", "国有资本经营"))
# subjects the text states of all funds or of one fund alike: the wording says which (fiscal_revenue and
# fiscal_expenditure name their scope in their key)
SCOPED = ("basic", "project", "procurement_total", "procurement:", "expenditure:")
# "一般公共预算拨款政府采购", "政府性基金预算当年拨款安排的": a fund named right before a subject's wording
_FUND_BEFORE = re.compile(r"(一般公共预算|政府性基金|国有资本经营|财政拨款)(?:预算)?(?:当年)?(?:财政)?(?:拨款)?"
                          r"(?:资金)?(?:收入)?(?:安排)?(?:的)?\s*$")
_REACH = 24  # characters before a wording where its fund may stand


def scope_named(text: str) -> Scope | None:
    """The one fund scope a wording names ("一般公共预算当年拨款情况说明"), "fiscal" for 财政拨款 alone."""
    named = [scope for scope, word in _FUNDS if word in text]
    if len(named) == 1:
        return named[0]
    return "fiscal" if not named and ("财政拨款" in text or "财拨" in text) else None


def scope_before(text: str) -> Scope | None:
    """The fund named right before a subject's wording, which ends `text`'s part before it."""
    match = _FUND_BEFORE.search(text[-_REACH:])
    return None if match is None else scope_named(match.group(1))


def is_scoped(subject: str) -> bool:
    return subject.startswith(SCOPED) and "@" not in subject


def scoped(subject: str, scope: Scope | None) -> str:
    """`subject` within one fund scope: `basic@general_budget` (docs/conventions.md)."""
    return f"{subject}@{scope}" if scope and is_scoped(subject) else subject


def split_scope(subject: str) -> tuple[str, Scope | None]:
    base, _, scope = subject.partition("@")
    return base, scope or None
