"""Fund scopes: a subject stated of all funds, or of one fund (一般公共预算, 政府性基金, …) or of all
财政拨款 together. The key of a subject within one scope is `subject@scope` (docs/conventions.md);
a subject without a scope is of all funds, or of a scope the text does not make certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


# spending totals whose parts ("其中:基本支出…", "…政府采购11307.34万元:货物…") are of the total's scope;
# an income source in a list ("收入包括:…政府性基金当年拨款收入…;支出包括:…") has no such parts
_FUND_TOTALS: dict[str, Scope | None] = {
    "expenditure_total": None, "gov_fund_expenditure": "gov_fund", "state_capital_expenditure": "state_capital"}
_TOTALS = ("revenue_total", "fiscal_revenue", "fiscal_expenditure", *_FUND_TOTALS)


@dataclass(slots=True)
class Parts:
    """What the amounts read next are parts of, as a paragraph is read."""

    # (family, scope) of the latest total in this sentence, or in the one a "其中…" sentence goes on from
    of_total: tuple[str, Scope | None] | None = None
    # the 基本支出 or 项目支出 whose 类 are listed next ("项目支出270万元,…其中:教育支出270万元"): a part of
    # the 类 line that no subject key names
    classes_of: str | None = None
    # a 类 was read as a part of `classes_of`: a sentence that opens with the next 类 goes on with the list
    # ("其中:一般公共服务支出3.00万元,主要用于…。公共安全支出40230.95万元,…")
    listed_class: bool = False

    def new_sentence(self, text: str, after_semicolon: bool, opens_with_class: bool = False) -> None:
        # the items of a "其中:" list run on past ";", not past the end of the sentence listing them
        if not text.lstrip().startswith("其中") and not after_semicolon:
            classes_of = self.classes_of if self.listed_class and opens_with_class else None
            self.of_total = None
            self.classes_of, self.listed_class = classes_of, classes_of is not None

    def scope_of(self, subject: str, wording: str, before: str, heading: str) -> Scope | None:
        """The fund scope of a subject stated in several: its own wording's (or the fund named right
        `before` it), else the total's it is a part of, else (a 类/款/项) the heading's."""
        if not is_scoped(subject):
            return None
        own = scope_named(wording) or scope_before(before)
        if own is not None:
            return own
        family = _family(subject)
        if self.of_total is not None and self.of_total[0] == family:
            return self.of_total[1]
        return scope_named(heading) if subject.startswith("expenditure:") else None

    def note(self, subject_key: str, wording: str) -> None:
        subject, scope = split_scope(subject_key)
        if subject == "procurement_total":
            self.of_total = ("procurement", scope)
        elif subject == "fiscal_expenditure":
            self.of_total = ("funds", "general_budget" if "一般公共预算" in wording else "fiscal")
        elif subject in _FUND_TOTALS:
            self.of_total = ("funds", _FUND_TOTALS[subject])
        if subject in ("basic", "project"):
            self.classes_of, self.listed_class = subject, False
        elif subject in _TOTALS:
            self.classes_of, self.listed_class = None, False

    def lists_classes(self) -> bool:
        return self.classes_of is not None

    def list_class(self) -> None:
        """A 类 was read as a part of the 基本支出 or 项目支出 the sentence lists."""
        self.listed_class = True


def _family(subject: str) -> str:
    return "procurement" if subject.startswith("procurement") else "funds"
