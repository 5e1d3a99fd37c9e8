"""第三部分 名词解释: the standard wording of the terms a reader of a 部门预算 meets.

The texts follow the definitions common to MOF and provincial templates (财预〔2016〕143号 asks that
"专业性较强的名词进行解释"); a term is listed only when the disclosure uses it.
"""

from __future__ import annotations

from .draft import Draft
from .ledger import Ledger

# (term, definition, when it applies)
DEFINITIONS: tuple[tuple[str, str, str], ...] = (
    ("财政拨款收入", "指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款和国有资本经营预算拨款。", "always"),
    ("事业收入", "指事业单位开展专业业务活动及其辅助活动取得的收入。", "operating"),
    ("事业单位经营收入", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。", "business"),
    ("其他收入", "指单位取得的除财政拨款收入、事业收入、事业单位经营收入等以外的各项收入。", "always"),
    ("上年结转", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。", "always"),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。", "always"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。", "always"),
    ("人员经费", "指用于个人方面的支出，包括工资福利支出和对个人和家庭的补助。", "always"),
    ("公用经费", "指用于单位日常运转的商品和服务支出等。", "always"),
    ("“三公”经费", "指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。"
                  "其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、"
                  "公杂费等支出；公务用车购置费反映单位公务用车购置支出（含车辆购置税）；公务用车运行维护费反映单位按规定"
                  "保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的"
                  "各类公务接待（含外宾接待）支出。", "always"),
    ("机关运行经费", "指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、"
                   "邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、"
                   "办公用房物业管理费、公务用车运行维护费以及其他费用。", "always"),
    ("政府采购", "指各级国家机关、事业单位和团体组织，使用财政性资金采购依法制定的集中采购目录以内的或者采购限额标准"
               "以上的货物、工程和服务的行为。", "always"),
)


# a 决算 speaks of the balances at the start and the end of the year instead of 上年结转
_FINAL_CARRYOVER = (
    ("年初结转和结余", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金，既包括财政拨款结转和结余，"
                    "也包括事业收入、经营收入、其他收入的结转和结余。", "always"),
    ("年末结转和结余", "指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定"
                    "继续使用的资金，既包括财政拨款结转和结余，也包括事业收入、经营收入、其他收入的结转和结余。", "always"),
)


def _terms(ledger: Ledger) -> tuple[tuple[str, str, str], ...]:
    if ledger.facts.kind != "final":
        return DEFINITIONS
    terms: list[tuple[str, str, str]] = []
    for term in DEFINITIONS:
        terms += list(_FINAL_CARRYOVER) if term[0] == "上年结转" else [term]
    return tuple(terms)


def _applies(condition: str, ledger: Ledger) -> bool:
    return condition == "always" or ledger.source_total(condition) > 0


def write_definitions(draft: Draft, ledger: Ledger) -> None:
    draft.open("名词解释", 0)
    for term, definition, condition in _terms(ledger):
        if _applies(condition, ledger):
            draft.open(term, 1)
            draft.say(definition)
