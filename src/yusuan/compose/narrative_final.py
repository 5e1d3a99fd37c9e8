"""The 情况说明 of a 部门决算, in the order of the 财政部 template (the Shanghai 决算 in the corpus follows it).

The year's actual figures are told against last year's (`prior_year`, 三公/机关运行经费 `prior`) and, where
the officer entered it, against the 年初预算数 ("年初预算为…，支出决算为…，完成年初预算的…"). A sentence is
written only for what was entered: no 绩效 section without the officer's text, no vehicles without a count.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Claim, Narrative
from .definitions import write_definitions
from .draft import Draft
from .facts import FISCAL_SOURCES, PROCUREMENT_KINDS
from .figures import GENERAL, classes, only_general, three_public
from .ledger import ZERO, Ledger
from .money import percent, percent_text
from .narrative_budget import FISCAL_INCOME, _by_source_change, _total_change, write_fund
from .narrative_other import _THREE_PUBLIC_NAMES, write_basic
from .narrative_overview import write_overview
from .other_tables import PROCUREMENT_NAMES
from .summary_tables import INCOME_NAMES, SUMMARY_INCOME_ORDER
from .wording import Phrase, Voice, clause, join, sentence, share_text


def compose_final_narrative(ledger: Ledger) -> Narrative:
    facts = ledger.facts
    voice = Voice(year=facts.year, unit=facts.unit)
    draft = Draft()
    write_overview(draft, facts)
    draft.open(f"{facts.year}年度部门决算情况说明", 0)
    _totals(draft, voice, ledger)
    _revenue(draft, voice, ledger)
    _expenditure(draft, voice, ledger)
    _fiscal(draft, voice, ledger)
    _general(draft, voice, ledger)
    write_basic(draft, voice, ledger, "一般公共预算财政拨款基本支出决算情况")
    _three_public(draft, voice, ledger)
    write_fund(draft, voice, ledger, "gov_fund", "{name}财政拨款收入支出决算情况")
    write_fund(draft, voice, ledger, "state_capital", "{name}财政拨款收入支出决算情况")
    if facts.performance_management:
        draft.open("预算绩效管理情况", 1)
        draft.say(sentence(facts.performance_management))
    _other_matters(draft, voice, ledger)
    write_definitions(draft, ledger)
    return draft.narrative()


def _totals(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("收入支出决算总体情况", 1)
    if only_general(ledger):
        draft.say(f"{voice.year}年度", _total_change(voice, ledger, "revenue_total", "收入决算"), "；",
                  _total_change(voice, ledger, "expenditure_total", "支出决算"), "。")
        return
    total = ledger.total()
    draft.say(f"{voice.year}年度", voice.said("revenue_total", "收入决算", total), "，",
              voice.said("expenditure_total", "支出决算", total), "。",
              _by_source_change(voice, ledger).replace("收支预算", "收支决算"))


def _revenue(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("收入决算情况", 1)
    total = ledger.total()
    items = [voice.said(f"revenue:{s}", INCOME_NAMES[s], ledger.source_total(s)) + share_text(ledger.source_total(s), total)
             for s in SUMMARY_INCOME_ORDER if ledger.source_total(s)]
    draft.say(f"{voice.year}年度", voice.said("revenue_total", "本年收入合计", total),
              *(("，其中：", join(items, "；")) if items else ()), "。")


def _expenditure(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("支出决算情况", 1)
    total = ledger.total()
    basic, project = ledger.split()
    split = [voice.said("basic", "基本支出", basic) + share_text(basic, total),
             voice.said("project", "项目支出", project) + share_text(project, total)]
    draft.say(f"{voice.year}年度", voice.said("expenditure_total", "本年支出合计", total), "，其中：",
              join(split, "；"), "。")


def _fiscal(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("财政拨款收入支出决算总体情况", 1)
    fiscal = ledger.total(FISCAL_SOURCES)
    income = [voice.said(f"revenue:{s}", FISCAL_INCOME[s], ledger.source_total(s)) for s in FISCAL_SOURCES]
    spending = voice.said("fiscal_expenditure", "财政拨款支出决算", fiscal) if fiscal == ledger.total(GENERAL) \
        else Phrase("财政拨款支出决算与收入决算相等")
    draft.say(f"{voice.year}年度", voice.said("fiscal_revenue", "财政拨款收入决算", fiscal), "，其中：",
              join(income, "，"), "；", spending, "。")


def _general(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("一般公共预算财政拨款支出决算情况", 1)
    facts = ledger.facts
    basic, project = ledger.split(GENERAL)
    prior = facts.prior_year
    draft.open("总体情况", 2)
    total = voice.said("fiscal_expenditure", "一般公共预算财政拨款支出决算", basic + project, prior.basic + prior.project)
    parts = [voice.said("basic@general_budget", "基本支出", basic, prior.basic, facts.reasons.get("basic")),
             voice.said("project@general_budget", "项目支出", project, prior.project, facts.reasons.get("project"))]
    draft.say(f"{voice.year}年度", total, "。其中：", join(parts, "；"), "。")
    lines = [c for c in classes(ledger, GENERAL) if c.total]
    if lines:
        draft.open("结构情况", 2)
        whole = ledger.total(GENERAL)
        draft.say("按支出功能分类：", join([voice.said(f"expenditure:{c.code}", c.name, c.total) + share_text(c.total, whole)
                                     for c in lines], "；"), "。")
    _general_items(draft, voice, ledger)


def _against_budget(voice: Voice, subject: str, label: str, value: Decimal, budget: Decimal | None,
                    lead: str = "", done: str = "完成年初预算") -> Phrase:
    """"{lead}年初预算为B，支出决算为V，完成年初预算的P" (only the 决算数 is a claim), or "{lead}支出决算为V"."""
    claim = Claim(subject=subject, label=label, value=value, unit=voice.unit, year=voice.year)
    if budget is None:
        return Phrase(f"{lead}支出决算为{voice.amount(value)}", [claim])
    text = f"{lead}年初预算为{voice.amount(budget)}，支出决算为{voice.amount(value)}"
    share = percent(value, budget)
    if share is not None:
        text += f"，{done}的{percent_text(share)}"
    return Phrase(text, [claim])


def _general_items(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    budgets = {line.code: line.budget for line in ledger.facts.functional_lines
               if line.source == "general_budget" and line.budget is not None}
    codes = ledger.codes(GENERAL)
    if not codes:
        return
    draft.open("具体情况", 2)
    for number, code in enumerate(codes, start=1):
        line = ledger.lines[(code, "general_budget")]
        chain = f"{ledger.names[code[:3]]}（类）{ledger.names[code[:5]]}（款）{ledger.names[code]}（项）"
        purpose = f"主要用于{clause(line.purpose)}。" if line.purpose else ""
        budget = budgets.get(code)
        differs = ""
        if budget is not None and budget != line.total:
            more = "大于" if line.total > budget else "小于"
            differs = f"决算数{more}预算数的主要原因是{clause(line.reason)}。" if line.reason else ""
        draft.say(f"{number}.{chain}。{purpose}",
                  _against_budget(voice, f"expenditure:{code}", chain, line.total, budget), "。", differs)


def _three_public(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("财政拨款“三公”经费支出决算情况", 1)
    facts = ledger.facts.three_public
    now, before = three_public(facts.current), three_public(facts.prior)
    reasons: dict[str, str | None] = {**facts.reasons, "total": ledger.facts.reasons.get("three_public_total")}

    def said(item: str, label: str) -> Phrase:
        return voice.said("three_public_total" if item == "total" else item, label, now[item], before[item],
                          reasons.get(item))

    vehicle = said("vehicle", _THREE_PUBLIC_NAMES["vehicle"]) + "，其中：" + join(
        [said(i, _THREE_PUBLIC_NAMES[i]) for i in ("vehicle_purchase", "vehicle_operation")], "，")
    items = [said("overseas", _THREE_PUBLIC_NAMES["overseas"]), vehicle, said("reception", _THREE_PUBLIC_NAMES["reception"])]
    draft.say(f"{voice.year}年度", said("total", "“三公”经费财政拨款支出决算"), "。其中：", join(items, "；"), "。")
    if facts.budget:
        budget = three_public(facts.budget)
        label = "“三公”经费财政拨款支出"
        draft.say(_against_budget(voice, "three_public_total", label, now["total"], budget["total"], label, "完成预算"), "。")
    counted = _counts(facts.counts)
    if counted:
        draft.say("；".join(counted), "。")


def _counts(counts) -> list[str]:
    """Each count the officer entered, in the words a 决算 uses; none invented."""
    said = []
    if counts.overseas_groups is not None or counts.overseas_people is not None:
        parts = [f"团组{counts.overseas_groups}个" if counts.overseas_groups is not None else "",
                 f"累计{counts.overseas_people}人次" if counts.overseas_people is not None else ""]
        said.append("全年安排因公出国（境）" + "、".join(p for p in parts if p))
    if counts.vehicles_bought is not None:
        said.append(f"全年购置公务用车{counts.vehicles_bought}辆")
    if counts.vehicles_held is not None:
        said.append(f"年末公务用车保有量{counts.vehicles_held}辆")
    if counts.reception_batches is not None or counts.reception_people is not None:
        parts = [f"{counts.reception_batches}批次" if counts.reception_batches is not None else "",
                 f"{counts.reception_people}人次" if counts.reception_people is not None else ""]
        said.append("全年国内公务接待" + "、".join(p for p in parts if p))
    return said


def _other_matters(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("其他重要事项的情况说明", 1)
    cost = ledger.facts.operating_cost
    draft.open("机关运行经费支出情况", 2)
    draft.say(f"{voice.year}年度本部门",
              voice.said("operating_cost", "机关运行经费支出", cost.current, cost.prior, cost.reason), "。")
    _procurement(draft, voice, ledger)
    _assets(draft, voice, ledger)


def _procurement(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("政府采购支出情况", 2)
    facts = ledger.facts.procurement
    if not facts.items:
        draft.say(f"本部门{voice.year}年度没有发生政府采购支出。")
        return
    by_kind = {k: sum((i.amount for i in facts.items if i.kind == k), ZERO) for k in PROCUREMENT_KINDS}
    total = sum(by_kind.values(), ZERO)
    kinds = [voice.said(f"procurement:{k}", f"政府采购{PROCUREMENT_NAMES[k].removesuffix('类')}支出", by_kind[k])
             for k in PROCUREMENT_KINDS]
    sme = ""
    if facts.sme is not None:
        sme = voice.said("procurement:sme", "授予中小企业合同金额", facts.sme) + \
            share_text(facts.sme, total).replace("，占", "，占政府采购支出总额的") + "。"
    draft.say(f"{voice.year}年度本部门", voice.said("procurement_total", "政府采购支出总额", total), "，其中：",
              join(kinds, "、"), "。", sme)


def _assets(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    assets = ledger.facts.assets
    said = []
    if assets.vehicles:
        as_of = assets.as_of or f"{voice.year}年12月31日"
        kinds = "、".join(f"{kind}{number}辆" for kind, number in assets.vehicles.items())
        said.append(f"截至{as_of}，本部门共有车辆{sum(assets.vehicles.values())}辆，其中：{kinds}。")
    if assets.note:
        said.append(sentence(assets.note))
    if said:
        draft.open("国有资产占有使用情况", 2)
        draft.say(*said)
