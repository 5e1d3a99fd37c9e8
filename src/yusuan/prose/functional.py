"""Functional classification (支出功能分类) names in prose, resolved to codes through the catalog.

Two wordings: a 类 by its name ("一般公共服务支出 2,251.40 万元", even "资源勘探工业信息等支出支出"),
and the 决算 chain "一般公共服务支出(类)人大事务(款)行政运行(项)", which names the 项 whose amount
follows; a chain the catalog cannot resolve names nothing, rather than the 类 it starts with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..classification.catalog import Catalog, catalog

# a name is at most 40 characters (the catalog's longest is 19): unbounded, the lazy scan for "(类)" from
# every position of a long run without punctuation is quadratic (docs/reliability.md, crash #8)
_CHAR = r"[^\s\d.(),:;。、]"
# a name may hold a bracketed word of its own ("中医(民族)医院(项)"), never a level mark or a number
_NAME = rf"{_CHAR}(?:{_CHAR}|\((?![类款项]\)){_CHAR}{{1,8}}\)){{0,39}}?"
# the 类 may be printed as "社会保障和就业(类)支出"; a list under a 类 heading starts at the 款
# each level may print its own code: "公共安全支出(204类)司法(06款)行政运行(01项)"
_CHAIN = re.compile(rf"(?:({_NAME})\((\d{{3}})?类\)(?:支出)?)?(?:({_NAME})\((\d{{2}})?款\))?(?:({_NAME})\((\d{{2}})?项\))?")
_MARKED = re.compile(r"\(\d{0,3}[类款项]\)")


@dataclass(frozen=True, slots=True)
class Named:
    code: str
    text: str
    end: int


@cache
def _class_names() -> re.Pattern[str]:
    # printed names sometimes double the word 支出 ("资源勘探工业信息等支出支出")
    names = sorted((e.name for e in catalog("functional").entries() if e.level == "类"), key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, names)) + r")(?:支出)?")


def _code(functional: Catalog, name: str, parent: str | None, level: str) -> str | None:
    for candidate in (name, name.removesuffix("支出"), name + "支出"):
        entries = functional.find(candidate, parent=parent, level=level)
        if entries:
            return entries[0].code
    return None


def _printed_code(match: re.Match[str]) -> str | None:
    """The code the chain prints for itself, from the 类 down to its last level, where it prints them all."""
    digits = [match.group(i) for i, name in ((2, 1), (4, 3), (6, 5)) if match.group(name) is not None]
    return "".join(digits) if digits and all(digits) and match.group(1) is not None else None


def _chain_code(match: re.Match[str]) -> str | None:
    printed = _printed_code(match)
    if printed is not None:
        return printed
    functional = catalog("functional")
    if match.group(1) is not None:
        code = _code(functional, match.group(1), None, "类")
    elif match.group(3) is not None:  # "政协事务(款)行政运行(项)": the 款 alone, one 款 of the catalog
        code = _code(functional, match.group(3), None, "款")
    elif match.group(5) is not None:
        return _joined_item_code(functional, match.group(5))
    else:
        return None
    for name, level in ((match.group(3), "款"), (match.group(5), "项")):
        if name is not None and code is not None and len(code) < {"款": 5, "项": 7}[level]:
            code = _code(functional, name, code, level)
    return code


@cache
def _catalog_sections() -> list[tuple[str, str]]:
    return [(e.name, e.code) for e in catalog("functional").entries() if e.level == "款"]


def _joined_item_code(functional: Catalog, name: str) -> str | None:
    """"人大事务行政运行(项)": a 款's name run into its 项's, without the (款) mark; the one 项 it can be."""
    found = {code for section, parent in _catalog_sections() if name.startswith(section) and len(name) > len(section)
             if (code := _code(functional, name[len(section):], parent, "项")) is not None}
    return found.pop() if len(found) == 1 else None


def chains(text: str) -> list[re.Match[str]]:
    """Every 类/款/项 chain in `text`, resolved or not: a chain names something, even what no code names."""
    # the pattern matches empty at every place, so without a marked level there is nothing to find
    if not _MARKED.search(text):
        return []
    return [m for m in _CHAIN.finditer(text) if m.group(0) and (m.group(3) or m.group(5) or m.group(1))]


# a line named by its printed code ("(五)2069999-其他科学技术支出45870.00万元"): the code says which line
# it is, whatever 类 the name sounds like; not a figure ("201万元") nor part of a longer number
_CODED = re.compile(r"(?<![\d.,])(2\d{2}(?:\d{2}){0,2})(?![\d.,%])\s*[-－—–]?\s*"
                    r"(?![万亿元年月日个人家项次%])([\u4e00-\u9fff][\u4e00-\u9fff()“”]{1,40})")


def coded_names(text: str) -> list[re.Match[str]]:
    """The lines `text` names by a printed code before their name, where the catalog knows the code or
    the name is a spending line's."""
    functional = catalog("functional")
    return [m for m in _CODED.finditer(text)
            if functional.knows(m.group(1)) or m.group(2).endswith("支出")]


def functional_names(text: str) -> list[Named]:
    """Every functional name in `text` with its code, where its end is."""
    found: list[Named] = []
    found_chains = chains(text)
    for match in found_chains:
        code = _chain_code(match)
        if code is not None:
            found.append(Named(code, match.group(0), match.end()))
    coded = coded_names(text) if any(c.isdigit() for c in text) else []
    found += [Named(m.group(1), m.group(0), m.end()) for m in coded]
    spans = found_chains + coded
    for match in _class_names().finditer(text):
        if any(c.start() <= match.start() < c.end() for c in spans):
            continue
        code = _code(catalog("functional"), match.group(1), None, "类")
        if code is not None:
            found.append(Named(code, match.group(0), match.end()))
    return found
