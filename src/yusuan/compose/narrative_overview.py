"""第一部分 部门概况: duties, the units the budget covers, whom to ask."""

from __future__ import annotations

import re

from .draft import Draft
from .facts import BudgetInput
from .wording import clause, sentence

# a duty typed with its own number ("3.负责…", "（三）负责…") keeps only its text
_OWN_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]?[一二三四五六七八九十]+[)）、])\s*")


def write_overview(draft: Draft, facts: BudgetInput) -> None:
    draft.open("部门概况", 0)
    draft.open("主要职能", 1)
    for number, duty in enumerate(facts.duties, start=1):
        draft.say(f"{number}.{sentence(_OWN_NUMBER.sub('', duty))}")
    if facts.duty_note:
        draft.say(sentence(facts.duty_note))
    draft.open("机构设置", 1)
    draft.say(_members(facts))
    if facts.contact.name or facts.contact.phone:
        draft.open("联系方式", 1)
        draft.say(_contact(facts))


def _what(facts: BudgetInput) -> str:
    return f"{facts.year}年度部门决算" if facts.kind == "final" else f"{facts.year}年部门预算"


def _members(facts: BudgetInput) -> str:
    units = "、".join(clause(u) for u in facts.member_units)
    return f"纳入本部门{_what(facts)}编制范围的单位共{len(facts.member_units)}个，包括：{units}。"


def _contact(facts: BudgetInput) -> str:
    parts = []
    if facts.contact.name:
        parts.append(f"联系人：{facts.contact.name}")
    if facts.contact.phone:
        parts.append(f"联系电话：{facts.contact.phone}")
    kind = "决算" if facts.kind == "final" else "预算"
    return f"本部门{kind}公开{'；'.join(parts)}。"
