"""Which standard table a title names. Recognized from keywords, not exact strings:
titles vary (部门/单位, 预算/决算, region name present or not)."""

from __future__ import annotations

import re

from .cells import compact

# Checked in order: the first whose pattern matches the title wins.
_TITLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("three_public", re.compile(r"三公")),
    ("performance", re.compile(r"绩效目标|项目(?:支出)?绩效表")),  # 湖州: "…项目支出绩效表"
    ("project_expenditure", re.compile(r"项目支出.*(?:明细|预算)?表")),
    ("procurement", re.compile(r"政府采购")),
    # before the fund and general-budget kinds: "一般公共预算机关运行经费支出预算表" is neither
    ("operating_cost", re.compile(r"机关运行经费")),
    ("gov_fund_expenditure", re.compile(r"政府性基金")),
    ("state_capital_expenditure", re.compile(r"国有资本经营")),
    ("basic_expenditure", re.compile(r"基本支出")),
    # "…收支总表", "…收支总体情况表" (重庆, 长沙)
    ("fiscal_summary", re.compile(r"财政拨款收[入]?支[出]?.*总(?:体情况)?表")),
    ("summary", re.compile(r"收[入]?支[出]?.*总(?:体情况)?表")),
    ("general_expenditure", re.compile(r"一般公共预算.*支出|财政拨款支出")),
    ("revenue", re.compile(r"收入.*表")),
    ("expenditure", re.compile(r"支出.*表")),
]
# A title naming no table the model knows (专项业务经费表, 上年结转表, 会议费培训费表 …): it ends the
# table before it, and its own lines are not read.
UNRECOGNIZED = "unrecognized"
# Kinds that are titles (they end the table before them) but have no table in the model.
UNMODELLED_KINDS = frozenset({"operating_cost", UNRECOGNIZED})

_NOT_TITLE = re.compile(r"^(?:备注|注|说明|附件|单位|本表|编制单位)")
_TITLE_MAX_CHARS = 60
# a sentence pointing at a table ("…详细情况见下表:") is no title
_SENTENCE_END = ("。", ";", ",", ":", "；", "，", "：")
# "财政拨款支出预算表(功能科目)", "…支出预算表(一般公共预算)": a qualifier after the title proper
_TRAILING_QUALIFIER = re.compile(r"[(（][^()（）]{1,12}[)）]$")
# Where two tables of one kind are printed, the one of the narrower scope is the model's table:
# 一般公共预算支出预算表 rather than 财政拨款支出预算表 (which adds 政府性基金).
_SCOPE_OF_KIND = {"general_expenditure": "一般公共预算", "basic_expenditure": "一般公共预算"}


# a table's number on its own: "表一", "公开04表", "公开表五", "单位预算03表", "部门决算02表"
_TABLE_NUMBER = re.compile(
    r"^(?:公开|(?:部门|单位)?(?:预算|决算))?\s*(?:表\s*[0-9一二三四五六七八九十]+|[0-9一二三四五六七八九十]+\s*表)$")


def is_table_number(text: str) -> bool:
    """A table's number printed alone (no title: the title is on a line of its own)."""
    return _TABLE_NUMBER.match(text) is not None


def looks_like_title(text: str) -> bool:
    """Whether a line reads as a table's title (…表, …表(qualifier)), whichever table it names."""
    if "表" not in text:
        return False  # most lines: no title, and no need to look closer
    title = compact(text)
    if not title or len(title) > _TITLE_MAX_CHARS or _NOT_TITLE.match(title) or title.endswith(_SENTENCE_END):
        return False
    return "表" in _TRAILING_QUALIFIER.sub("", title)[-6:] and not is_table_number(title)


def find_table_kind(text: str) -> str | None:
    """The table id a title line names, or None when it is no table title."""
    if not looks_like_title(text):
        return None
    title = compact(text)
    for kind, pattern in _TITLE_PATTERNS:
        if pattern.search(title):
            return kind
    return None


def scope_rank(kind: str, title: str) -> int:
    """How exactly a title names the model's table of `kind` (higher: the better match)."""
    scope = _SCOPE_OF_KIND.get(kind)
    return int(scope is not None and scope in compact(title))
