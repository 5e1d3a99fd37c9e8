"""第二部分 一至五: 收支总体, 收入, 支出, 财政拨款收支, 一般公共预算财政拨款支出 (down to 项)."""

from __future__ import annotations

from decimal import Decimal

from .draft import Draft
from .facts import FISCAL_SOURCES
from .figures import GENERAL, classes, only_general, prior_total
from .ledger import Ledger
from .summary_tables import INCOME_NAMES, SUMMARY_INCOME_ORDER
from .wording import Phrase, Voice, clause, join, sentence, share_text

FISCAL_INCOME = {"general_budget": "一般公共预算拨款", "gov_fund": "政府性基金预算拨款", "state_capital": "国有资本经营预算拨款"}


def _breakdown(voice: Voice, ledger: Ledger) -> str:
    """"主要是基本支出减少…、项目支出减少…": a total's change told by its parts, when the parts are known."""
    if not only_general(ledger):
        return ""
    basic, project = ledger.split(GENERAL)
    prior = ledger.facts.prior_year
    parts = []
    for name, now, before in (("基本支出", basic, prior.basic), ("项目支出", project, prior.project)):
        if now != before:
            parts.append(f"{name}{'增加' if now > before else '减少'}{voice.amount(abs(now - before))}")
    return f"，主要是{'、'.join(parts)}" if parts else ""


def _total_change(voice: Voice, ledger: Ledger, subject: str, label: str) -> Phrase:
    total, prior = ledger.total(), prior_total(ledger)
    phrase = voice.said(subject, label, total, prior)
    if total != prior:
        phrase = phrase + _breakdown(voice, ledger)
        if reason := ledger.facts.reasons.get("total"):
            phrase = phrase + f"，主要原因是{clause(reason)}"
    return phrase


def _by_source_change(voice: Voice, ledger: Ledger) -> str:
    """"与上年相比，一般公共预算拨款增加…、政府性基金预算拨款减少…": the change told source by source.

    Used when there is money besides 一般公共预算拨款: the narrative's 基本支出/项目支出 are the
    一般公共预算's, so the total's change is not stated as theirs (检查 NARR-CHANGE-SUM)."""
    prior = ledger.facts.prior_year
    pairs = [("一般公共预算拨款", ledger.total(GENERAL), prior.basic + prior.project),
             ("政府性基金预算拨款", ledger.source_total("gov_fund"), prior.gov_fund),
             ("国有资本经营预算拨款", ledger.source_total("state_capital"), prior.state_capital),
             ("其他资金", ledger.total() - ledger.total(FISCAL_SOURCES), prior.other)]
    parts = [f"{name}{'增加' if now > before else '减少'}{voice.amount(abs(now - before))}"
             for name, now, before in pairs if now != before]
    if not parts:
        return f"收支预算与{voice.prior}年持平。"
    reason = ledger.facts.reasons.get("total")
    return f"与{voice.prior}年相比，{'、'.join(parts)}" + (f"，主要原因是{clause(reason)}" if reason else "") + "。"


def write_totals(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("收支预算总体情况", 1)
    year = voice.year
    if only_general(ledger):
        draft.say(f"{year}年", _total_change(voice, ledger, "revenue_total", "收入预算"), "；",
                  _total_change(voice, ledger, "expenditure_total", "支出预算"), "。")
        return
    total = ledger.total()
    draft.say(f"{year}年", voice.said("revenue_total", "收入预算", total), "，",
              voice.said("expenditure_total", "支出预算", total), "。", _by_source_change(voice, ledger))


def write_revenue(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("收入预算情况", 1)
    total = ledger.total()
    items = [voice.said(f"revenue:{s}", INCOME_NAMES[s], ledger.source_total(s)) + share_text(ledger.source_total(s), total)
             for s in SUMMARY_INCOME_ORDER]
    draft.say(f"{voice.year}年", voice.said("revenue_total", "收入预算", total), "，其中：", join(items, "；"), "。")


def write_expenditure(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("支出预算情况", 1)
    total = ledger.total()
    basic, project = ledger.split()
    split = [voice.said("basic", "基本支出", basic) + share_text(basic, total),
             voice.said("project", "项目支出", project) + share_text(project, total)]
    by_class = [voice.said(f"expenditure:{c.code}", c.name, c.total) + share_text(c.total, total)
                for c in classes(ledger, None) if c.total]
    draft.say(f"{voice.year}年", voice.said("expenditure_total", "支出预算", total), "，其中：", join(split, "；"), "。")
    if by_class:
        draft.say("按支出功能分类：", join(by_class, "；"), "。")


def write_fiscal(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("财政拨款收支预算总体情况", 1)
    fiscal = ledger.total(FISCAL_SOURCES)
    income = [voice.said(f"revenue:{s}", FISCAL_INCOME[s], ledger.source_total(s)) for s in FISCAL_SOURCES]
    # 一般公共预算财政拨款支出 is stated below; the fiscal total is named here only when it is the same money
    spending = voice.said("fiscal_expenditure", "财政拨款支出预算", fiscal) if fiscal == ledger.total(GENERAL) \
        else Phrase("财政拨款支出预算与收入预算相等")
    draft.say(f"{voice.year}年", voice.said("fiscal_revenue", "财政拨款收入预算", fiscal), "，其中：",
              join(income, "，"), "；", spending, "。")


def write_general(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("一般公共预算财政拨款支出预算情况", 1)
    _general_overall(draft, voice, ledger)
    _general_classes(draft, voice, ledger)
    _general_items(draft, voice, ledger)


def _general_overall(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    draft.open("总体情况", 2)
    facts = ledger.facts
    basic, project = ledger.split(GENERAL)
    prior = facts.prior_year
    total = voice.said("fiscal_expenditure", "一般公共预算财政拨款支出", basic + project, prior.basic + prior.project)
    parts = [voice.said("basic@general_budget", "基本支出", basic, prior.basic, facts.reasons.get("basic")),
             voice.said("project@general_budget", "项目支出", project, prior.project, facts.reasons.get("project"))]
    draft.say(f"{voice.year}年", total, "。其中：", join(parts, "；"), "。")


def _general_classes(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    lines = [c for c in classes(ledger, GENERAL) if c.total]
    if not lines:
        return
    draft.open("结构情况", 2)
    total = ledger.total(GENERAL)
    phrases = [voice.said(f"expenditure:{c.code}", c.name, c.total, c.prior) + share_text(c.total, total) for c in lines]
    draft.say("按支出功能分类：", join(phrases, "；"), "。")


def _general_items(draft: Draft, voice: Voice, ledger: Ledger) -> None:
    codes = ledger.codes(GENERAL)
    if not codes:
        return
    draft.open("分科目安排情况", 2)
    for code in codes:
        line = ledger.lines[(code, "general_budget")]
        label = f"{ledger.names[code[:3]]}（类）{ledger.names[code[:5]]}（款）{ledger.names[code]}（项）"
        purpose = f"主要用于{clause(line.purpose)}。" if line.purpose else ""
        draft.say(voice.said(f"expenditure:{code}", label, line.total, line.prior, line.reason), "。", purpose)


def write_fund(draft: Draft, voice: Voice, ledger: Ledger, source: str, title: str = "{name}支出情况") -> None:
    """政府性基金 / 国有资本经营: income and spending are the same money; the change is the spending's."""
    name = {"gov_fund": "政府性基金预算", "state_capital": "国有资本经营预算"}[source]
    draft.open(title.format(name=name), 1)
    prior: Decimal = getattr(ledger.facts.prior_year, source)
    current = ledger.source_total(source)
    revenue = voice.said(f"{source}_revenue", f"{name}收入", current)
    spending = voice.said(f"{source}_expenditure", f"{name}支出", current, prior, ledger.facts.reasons.get(source))
    if current == prior:
        voice.flat(revenue.claims[0])  # "收入…，支出…，与上年持平" says it of both
    draft.say(f"{voice.year}年", revenue, "，", spending, "。")
    if current == 0:
        draft.say(sentence(f"本部门{voice.year}年没有使用{name}拨款安排的支出"))
