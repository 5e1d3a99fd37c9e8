"""What an amount is about: the wording before it, mapped to a subject key (docs/conventions.md).

Labels are found anywhere in a stretch of text; the one that ends nearest the amount wins, so
"单位政府采购货物预算20万元" is about 货物 and not about 政府采购. Some wordings mean different
things by topic ("一般公共预算" in a 绩效 sentence is money covered by performance targets; in a
收入 breakdown it is an income source), so topical labels apply only inside their topic and win
ties over general ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .functional import functional_names

Topic = str  # "revenue", "performance", "procurement"

_Q = "[\"“”'‘’]?"  # quotes around 三公 come in every style
# a bare 收入/支出 is the total only where it starts the phrase ("收入较去年减少", "本年支出"),
# never as the tail of a longer name this table does not know
_BARE = r"(?:(?<![\u4e00-\u9fff])|(?<=[年门位度总]))"
# "福州市公安局治安管理支队收入预算为…": a body's name ends in one of these, and no income source's does (事业
# 收入, 经营收入, 非税收入); 支出 is not read so, a 款 or 项 may end in one ("法院支出", "综合医院支出")
_BARE_INCOME = r"(?:(?<![\u4e00-\u9fff])|(?<=[年门位度总局队院所室站处委办厅馆校司心部团社]))"
_FUND = r"(?:预算)?(?:当年)?(?:财政)?(?:拨款)?"
# "上年结转结余的一般公共预算收入": last year's money carried over, not this year's income from that source
_CARRIED = r"上年结转(?:和?结余)?(?:资金)?(?:中)?的?"
_CARRIED_SOURCES: list[tuple[str, str]] = [
    ("revenue:carryover_general_budget", rf"{_CARRIED}一般公共预算{_FUND}(?:资金)?(?:收入)?"),
    ("revenue:carryover_gov_fund", rf"{_CARRIED}政府性基金{_FUND}(?:资金)?(?:收入)?"),
    ("revenue:carryover_state_capital", rf"{_CARRIED}国有资本经营{_FUND}(?:资金)?(?:收入)?"),
]

_GENERAL: list[tuple[str, str]] = [
    ("three_public_total", rf"{_Q}三公{_Q}\s*经费(?:财政拨款支出|支出)?"),
    ("vehicle", r"公务用车购置(?:及|和)运行(?:维护)?(?:费用?|支出)"),
    ("vehicle_purchase", r"公务用车购置(?:费|支出)|车辆购置费"),
    ("vehicle_operation", r"公务用?车运行(?:维护)?(?:费用?|支出)|公务用车运维费"),
    ("reception", r"公务接待(?:费|支出)"),
    ("overseas", r"因公出国\s*\(?\s*境?\s*\)?\s*(?:费用?|经费|支出)"),
    ("operating_cost", r"机关运行经费|运行经费"),
    # printed beside the “三公” in one table and one paragraph, never part of them
    ("meeting", r"会议费"),
    ("training", r"培训费"),
    ("reserve", r"(?:单位)?预留机动经费"),
    # the qualifier stays in the label: 财政拨款基本支出 and 基本支出 are of different scopes
    ("basic", r"(?:一般公共预算)?(?:财政拨款)?基本支出"),
    ("project", r"(?:一般公共预算)?(?:财政拨款)?项目支出"),
    ("personnel", r"人员经费"),
    ("public", r"公用经费"),
    # "财政拨款收、支总预算": the 收 and the 支 of a 财政拨款收支总表 are one amount
    ("fiscal_revenue", r"(?:一般公共预算)?财政拨款收入|财政拨款收、?支(?:总预算|总计|预算)"),
    ("fiscal_expenditure", r"(?:一般公共预算)?财政拨款(?:预算)?支出|一般公共预算(?:当年)?(?:财政)?拨款支出"),
    ("gov_fund_revenue", rf"政府性基金{_FUND}收入"),
    ("gov_fund_expenditure", rf"政府性基金{_FUND}支出"),
    ("state_capital_revenue", rf"国有资本经营{_FUND}收入"),
    ("state_capital_expenditure", rf"国有资本经营{_FUND}支出"),
    ("revenue_total", rf"{_BARE_INCOME}收入(?:预算|总额|合计|总计)?(?:数)?|(?:部门|年初|本年)预算收入"),
    ("expenditure_total", rf"{_BARE}支出(?:预算|总额|合计|总计)?(?:数)?|(?:部门|年初|本年)预算支出"),
    ("revenue:business", r"事业单位经营收入|经营收入"),
    ("revenue:operating", r"事业收入"),
    ("revenue:superior_subsidy", r"上级补助收入"),
    ("revenue:subordinate", r"附属单位上缴收入"),
    # Beijing: the group over 财政专户管理资金, 事业, 上级补助 … 其他收入, printed beside its own 其他收入
    ("non_fiscal_revenue", r"(?<=本年)其他资金收入|非财政拨款(?:资金)?收入"),
    ("revenue:other", r"其他收入|其他资金(?:收入)?"),
    ("carry_forward", r"结转下年(?:资金)?|年终结转结余(?:资金)?"),
    # not the head of a longer name ("上年结转结余的单位资金" is a part of it)
    ("revenue:carryover", r"上年结转(?:结余)?(?:资金)?(?![的结余资])|年初结转和?结余"),
    *_CARRIED_SOURCES,
    ("revenue:special_account", r"财政专户管理(?:资金)?收入"),
    # unambiguous on its own, and often in a sentence of its own after the 采购 one
    ("procurement:sme", r"(?:授予|面向|预留给?)\s*中小企业(?:的)?(?:合同)?(?:金额)?(?:预算)?"),
    ("procurement:small", r"(?:授予|面向|预留给?)\s*小微企业(?:的)?(?:合同)?(?:金额)?(?:预算)?"),
]

_TOPICAL: dict[Topic, list[tuple[str, str]]] = {
    "revenue": [
        ("revenue:general_budget", r"一般公共预算(?:财政)?拨款(?:收入)?|一般公共预算收入"),
        ("revenue:gov_fund", r"政府性基金(?:预算)?(?:财政)?拨款(?:收入)?|政府性基金(?:预算)?收入"),
        ("revenue:state_capital", r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?(?:收入)?"),
        *_CARRIED_SOURCES,  # a topical source wins a tie with a general label: these must stand here too
    ],
    "performance": [
        ("performance:general_budget", rf"一般公共预算{_FUND}(?:资金)?(?:收入|支出)?"),
        ("performance:gov_fund", rf"政府性基金{_FUND}(?:资金)?(?:收入|支出)?"),
    ],
    "procurement": [
        # "预留政府采购项目" names the projects set aside, not the total
        ("procurement_total", r"政府采购(?!项目)(?:预算|支出)?(?:总额|金额|合计)?"),
        # "货物类政府采购支出预算259.32万元" is about 货物, though 政府采购 stands nearer the amount
        ("procurement:goods", r"货物类?(?:政府)?(?:采购)?(?:支出)?(?:预算)?"),
        ("procurement:works", r"工程类?(?:政府)?(?:采购)?(?:支出)?(?:预算)?"),
        ("procurement:services", r"服务类?(?:政府)?(?:采购)?(?:支出)?(?:预算)?"),
    ],
}

_TOPIC_WORDS: dict[Topic, re.Pattern[str]] = {
    "performance": re.compile("绩效"),
    "procurement": re.compile("采购"),
}


@dataclass(frozen=True, slots=True)
class Label:
    subject: str
    text: str  # the wording as printed
    end: int
    topical: bool

    @property
    def is_bare_total(self) -> bool:
        """A bare 收入/支出, which a section about one thing ("公务接待费支出情况") uses for that thing."""
        return self.text in ("收入", "支出")


def topics_of(text: str) -> set[Topic]:
    """Topics a sentence (or section title) is about, from its wording alone."""
    return {topic for topic, words in _TOPIC_WORDS.items() if words.search(text)}


def required_characters(pattern: str) -> frozenset[str]:
    """Characters every match of `pattern` contains (some of them: a construct not read here adds
    none). Read with `re`'s own parser, which is internal to the standard library: where it is not
    as expected, nothing is required, and every pattern is searched as before."""
    try:
        from re import _constants, _parser

        return _required_in(_parser.parse(pattern), _constants)
    except (ImportError, AttributeError, TypeError, ValueError):
        return frozenset()


def _required_in(parsed, c) -> frozenset[str]:  # noqa: ANN001 - re's internal types
    LITERAL, BRANCH, SUBPATTERN, MAX_REPEAT, MIN_REPEAT = (  # noqa: N806 - re's names
        c.LITERAL, c.BRANCH, c.SUBPATTERN, c.MAX_REPEAT, c.MIN_REPEAT)
    required: set[str] = set()
    for op, arg in parsed:
        if op is LITERAL:
            required.add(chr(arg))
        elif op is BRANCH:
            required |= frozenset.intersection(*(_required_in(branch, c) for branch in arg[1]))
        elif op is SUBPATTERN:
            required |= _required_in(arg[-1], c)
        elif (op is MAX_REPEAT or op is MIN_REPEAT) and arg[0] > 0:
            required |= _required_in(arg[2], c)
    return frozenset(required)


@dataclass(frozen=True, slots=True)
class _Pattern:
    subject: str
    pattern: re.Pattern[str]
    required: frozenset[str]


@cache
def _compiled(topic: Topic | None) -> list[_Pattern]:
    table = _TOPICAL[topic] if topic else _GENERAL
    return [_Pattern(subject, re.compile(p), required_characters(p)) for subject, p in table]


def _functional_labels(text: str) -> list[Label]:
    return [Label(f"expenditure:{n.code}", n.text, n.end, False) for n in functional_names(text)]


def _labels(text: str, topics: set[Topic]) -> list[Label]:
    # most patterns need a character the text lacks: ruling them out costs less than a search
    characters = set(text)
    found = [
        Label(p.subject, m.group(0), m.end(), topic is not None)
        for topic in [None, *sorted(topics & _TOPICAL.keys())]
        for p in _compiled(topic)
        if p.required <= characters
        for m in p.pattern.finditer(text)
    ]
    found += _functional_labels(text)
    if "《" not in text:
        return found
    titles = [m.span() for m in _BOOK_TITLE.finditer(text)]
    # a table named in 《》 ("《财政拨款支出预算表》增加了…") is not what the amount is about
    return [label for label in found if not any(a < label.end <= b for a, b in titles)]


_BOOK_TITLE = re.compile(r"《[^《》]*》")


def _rank(label: Label, order: dict[str, int]) -> tuple[int, int, int, int]:
    # nearest to the amount, then topical, then the longer wording, then table order
    return (label.end, label.topical, len(label.text), -order.get(label.subject, len(order)))


@cache
def _table_order() -> dict[str, int]:
    subjects = [s for s, _ in _GENERAL] + [s for table in _TOPICAL.values() for s, _ in table]
    return {subject: index for index, subject in enumerate(subjects)}


def label_in(text: str, topics: set[Topic]) -> Label | None:
    """The label nearest the end of `text` (the text just before an amount), if any."""
    labels = _labels(text, topics)
    if len(labels) < 2:
        return labels[0] if labels else None
    order = _table_order()
    return max(labels, key=lambda label: _rank(label, order))

