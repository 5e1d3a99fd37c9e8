"""Functional classification (支出功能分类) names in prose, resolved to codes through the catalog.

Two wordings: a 类 by its name ("一般公共服务支出 2,251.40 万元", even "资源勘探工业信息等支出支出"),
and the 决算 chain "一般公共服务支出(类)人大事务(款)行政运行(项)", which names the 项 whose amount
follows; a chain the catalog cannot resolve names nothing, rather than the 类 it starts with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...classification.catalog import Catalog, catalog

_NAME = r"[^\s\d.(),:;。、]+?"
_CHAIN = re.compile(rf"({_NAME})\(类\)(?:({_NAME})\(款\))?(?:({_NAME})\(项\))?")


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
    for candidate in (name, name.removesuffix("支出")):
        entries = functional.find(candidate, parent=parent, level=level)
        if entries:
            return entries[0].code
    return None


def _chain_code(match: re.Match[str]) -> str | None:
    functional = catalog("functional")
    code = _code(functional, match.group(1), None, "类")
    for name, level in ((match.group(2), "款"), (match.group(3), "项")):
        if name is not None and code is not None:
            code = _code(functional, name, code, level)
    return code


def functional_names(text: str) -> list[Named]:
    """Every functional name in `text` with its code, where its end is."""
    found: list[Named] = []
    chains = list(_CHAIN.finditer(text))
    for match in chains:
        code = _chain_code(match)
        if code is not None:
            found.append(Named(code, match.group(0), match.end()))
    for match in _class_names().finditer(text):
        if any(c.start() <= match.start() < c.end() for c in chains):
            continue
        code = _code(catalog("functional"), match.group(1), None, "类")
        if code is not None:
            found.append(Named(code, match.group(0), match.end()))
    return found
