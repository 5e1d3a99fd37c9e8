"""The rows of a table listing several projects (单位编码 | 单位(项目)名称 | 资金总额 | 绩效目标 | 指标…).

Each project prints its 单位编码, name and fund on the first line of its row group, and again on each
page the group runs over; a 合计 line prints the table's total. Only these lines are read: a line
without its 单位编码 (an indicator's name and value, a group continued) is not a project line.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...model import ListedProject, parse_decimal
from .lines import SectionLine
from .text import cjk_count

_CODE = re.compile(r"\d{3,12}")
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_TOTAL = re.compile(r"合\s*计|总\s*计")
_NAME_MIN_CJK = 2


def _amount(text: str) -> Decimal | None:
    text = text.strip()
    return parse_decimal(text) if _AMOUNT.fullmatch(text) else None


def read_listed(lines: list[SectionLine]) -> tuple[Decimal | None, list[ListedProject]]:
    """The 合计 and the coded rows (each once, though printed again on later pages) of the table."""
    total: Decimal | None = None
    listed: dict[tuple[str, str, Decimal], ListedProject] = {}
    for line in lines:
        cells = [c.strip() for c in line.filled]
        if len(cells) >= 2 and _TOTAL.fullmatch(cells[0]) and total is None:
            total = _amount(cells[1])
        elif len(cells) >= 3 and _CODE.fullmatch(cells[0]) and cjk_count(cells[1]) >= _NAME_MIN_CJK:
            fund = _amount(cells[2])
            if fund is not None:
                key = (cells[0], cells[1], fund)
                listed.setdefault(key, ListedProject(code=cells[0], name=cells[1], fund=fund, source=line.line.source))
    return total, list(listed.values())
