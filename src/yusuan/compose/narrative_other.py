"""第二部分 六至十: 基本支出, “三公”经费, and 其他重要事项 (机关运行经费, 政府采购, 国有资产, 绩效目标)."""

from __future__ import annotations

from decimal import Decimal

from ..classification.links import PERSONNEL_CLASSES
from .draft import Draft
from .facts import PROCUREMENT_KINDS
from .figures import GENERAL, personnel_total, public_total, three_public
from .ledger import ZERO, Ledger
from .other_tables import PROCUREMENT_NAMES
from .wording import Voice, clause, join, sentence, share_text

_THREE_PUBLIC_NAMES = {"overseas": "因公出国（境）费", "vehicle": "公务用车购置及运行费",
                       "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行维护费",
                       "reception": "公务接待费"}


def write_basic(draft: Draft, voice: Voice, ledger: Ledger, title: str = "一般公共预算财政拨款基本支出预算情况") -> None:
    draft.open(title, 1)
    basic, _ = ledger.split(GENERAL)
    personnel = voice.said("personnel", "人员经费", personnel_total(ledger)) + _listing(ledger, personnel=True)
    public = voice.said("public", "公用经费", public_total(ledger)) + _listing(ledger, personnel=False)
    draft.say(f"{voice.year}年一般公共预算财政拨款", voice.said("basic@general_budget", "基本支出", basic), "，其中：",
              personnel, "；", public, "。")


def _listing(ledger: Ledger, personnel: bool) -> str:
    names = [ledger.economic_names[code] for code, amount in sorted(ledger.economic.items())
             if amount and (code[:3] in PERSONNEL_CLASSES) == personnel]
    return f"，主要包括：{'、'.join(names)}" if names else ""


def write_three_public(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("“三公”经费预算情况", 1)
    facts = ledger.facts.three_public
    now, before = three_public(facts.current), three_public(facts.prior)
    reasons: dict[str, str | None] = {**facts.reasons, "total": ledger.facts.reasons.get("three_public_total")}

    def said(item: str, label: str):
        return voice.said("three_public_total" if item == "total" else item, label, now[item], before[item],
                          reasons.get(item))

    vehicle = said("vehicle", _THREE_PUBLIC_NAMES["vehicle"]) + "，其中：" + join(
        [said(i, _THREE_PUBLIC_NAMES[i]) for i in ("vehicle_purchase", "vehicle_operation")], "，")
    items = [said("overseas", _THREE_PUBLIC_NAMES["overseas"]), vehicle, said("reception", _THREE_PUBLIC_NAMES["reception"])]
    draft.say(f"{voice.year}年一般公共预算", said("total", "“三公”经费预算"), "。其中：", join(items, "；"), "。")


def write_other_matters(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("其他重要事项的情况说明", 1)
    _operating_cost(draft, voice, ledger)
    _procurement(draft, voice, ledger)
    _assets(draft, voice, ledger)
    _performance(draft, voice, ledger)


def _operating_cost(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("机关运行经费", 2)
    cost = ledger.facts.operating_cost
    draft.say(f"{voice.year}年本部门一般公共预算财政拨款安排的",
              voice.said("operating_cost", "机关运行经费", cost.current, cost.prior, cost.reason), "。")


def _procurement(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("政府采购情况", 2)
    facts = ledger.facts.procurement
    if not facts.items:
        draft.say(f"{voice.year}年本部门没有安排政府采购预算。")
        return
    by_kind = {k: sum((i.amount for i in facts.items if i.kind == k), ZERO) for k in PROCUREMENT_KINDS}
    total = sum(by_kind.values(), ZERO)
    kinds = [voice.said(f"procurement:{k}", PROCUREMENT_NAMES[k], by_kind[k]) for k in PROCUREMENT_KINDS]
    draft.say(f"{voice.year}年本部门", voice.said("procurement_total", "政府采购预算", total), "，其中：",
              join(kinds, "，"), "。", _sme(voice, facts.sme, total))


def _sme(voice: Voice, sme: Decimal | None, total: Decimal):
    if sme is None:
        return ""
    return voice.said("procurement:sme", "面向中小企业预留", sme) + share_text(sme, total).replace("，占", "，占政府采购预算的") + "。"


def _assets(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    """Only what was entered: an empty 车辆 sheet says nothing about vehicles (it is not "0辆")."""
    assets = ledger.facts.assets
    said = []
    if assets.vehicles:
        as_of = assets.as_of or f"{voice.prior}年12月31日"
        kinds = "、".join(f"{kind}{number}辆" for kind, number in assets.vehicles.items())
        said.append(f"截至{as_of}，本部门共有车辆{sum(assets.vehicles.values())}辆，其中：{kinds}。")
    if assets.planned_purchase:
        detail = "、".join(f"{kind}{n}辆" for kind, n in assets.planned_purchase.items() if n)
        said.append(f"{voice.year}年部门预算安排购置车辆{sum(assets.planned_purchase.values())}辆"
                    + (f"，其中：{detail}" if detail else "") + "。")
    if assets.note:
        said.append(sentence(assets.note))
    if said:
        draft.open("国有资产占有使用情况", 2)
        draft.say(*said)


def _performance(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    """Targets as entered: the overall target only when one was typed, nothing when neither was."""
    projects = ledger.projects
    overall = _overall(ledger)
    if not projects and not overall:
        return
    draft.open("绩效目标设置情况", 2)
    if not projects:
        draft.say(f"本部门{voice.year}年没有安排项目支出。", overall)
        return
    funds = {s: sum((p.amount for p in projects if p.source == s), ZERO) for s in ("general_budget", "gov_fund")}
    covered = [voice.said("performance:general_budget", "一般公共预算当年财政拨款", funds["general_budget"]),
               voice.said("performance:gov_fund", "政府性基金预算当年财政拨款", funds["gov_fund"])]
    draft.say(f"{voice.year}年本部门{len(projects)}个项目全部实行了绩效目标管理，涉及",
              join(covered, "，涉及"), "。", overall)


def _overall(ledger: Ledger) -> str:
    overall = ledger.facts.performance.overall
    return f"部门整体支出绩效目标是：{clause(overall.target)}。" if overall else ""
