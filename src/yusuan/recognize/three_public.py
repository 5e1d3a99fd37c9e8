"""The "三公" table, as one row per year with total / overseas / vehicle (purchase, operation) / reception.

Printed with a merged header over one unlabelled line of amounts (read from the header, in
three_public_grid.py), or across (one line, the items as columns, a group of columns per year) or
down (one line per item, a column per year). Where the header is garbled, the column order is the one under
which the identities hold (合计 = 出国 + 车 + 接待, 车 = 购置 + 运行). The lines printed per unit under
the 合计 (单位名称 | amounts) are kept apart, by their names, for the rules on names.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Column, Row, Table, Unit, Unreadable
from .cells import Amounts, compact, is_amount
from .grid import is_total_label
from .segment import Segment
from .three_public_grid import read_blank, read_unlabelled

ITEMS = ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]
_ORDERS = [
    ITEMS,
    ["total", "overseas", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"],
    ["total", "vehicle", "vehicle_purchase", "vehicle_operation", "overseas", "reception"],
]
_ITEM_LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("vehicle", re.compile(r"购置及运行")),  # before its parts: it names both
    ("vehicle_purchase", re.compile(r"购置费|车辆购置|用车购置$")),
    ("vehicle_operation", re.compile(r"运行")),
    ("vehicle", re.compile(r"公务用车")),
    ("overseas", re.compile(r"出国")),
    ("reception", re.compile(r"接待")),
    ("total", re.compile(r"^合计|^总计|三公.*(合计|总额)")),
]
_YEAR = re.compile(r"(20\d\d)年|(上年|本年|今年)")
_UNREAD = "未能读出“三公”经费表的金额"


def read_three_public(segment: Segment, unit: Unit, year: int | None) -> tuple[Table, list[Unreadable]]:
    lines = segment.lines
    header_text = " ".join(line.text for line in lines[:6])
    years = _header_years(header_text, year)
    rows, columns = read_unlabelled(segment.parts[0], year) if segment.parts else ([], {})
    if not rows:
        rows, columns = read_blank(segment.parts[0], lines, year) if segment.parts else ([], {})
    if not rows:
        amounts = Amounts()  # both readings look at the same lines
        rows = _read_down(lines, years, year, amounts) or _read_across(lines, years, year, amounts)
        columns = dict.fromkeys(ITEMS, "")
    unreadable = [] if rows else [Unreadable(what=_UNREAD, source=segment.title_line.source)]
    table = Table(
        id="three_public", title=segment.title, unit=unit,
        columns=[Column(id=c, label=label) for c, label in columns.items()], rows=rows,
        unit_rows=unit_lines(lines) if rows else [],
        note="\n".join(segment.notes) or None, source=segment.title_line.source,
        # the rules say "could not check" on a table whose amounts were not read, not "no figures"
        doubtful=None if rows else _UNREAD,
    )
    return table, unreadable


# the header of the column naming whose line it is: 单位名称, 部门名称, 预算单位
_UNIT_COLUMN = re.compile(r"^(?:预算)?(?:单位|部门)(?:名称)?$")
# a code printed before a unit's name: "106_长沙市公安局", "001001 某局本级"
_UNIT_CODE = re.compile(r"^\d+\s*[_\-－—.．、]?\s*")


def unit_lines(lines) -> list[Row]:
    """The lines under the 合计 of a table whose first column names the unit ("长沙市教育局 | 0.50 | 0.50"),
    each as its unit's name: a table per year has none."""
    header = next((i for i, line in enumerate(lines) if line.filled and _UNIT_COLUMN.match(compact(line.filled[0]))), None)
    if header is None:
        return []
    total = next((i for i, line in enumerate(lines[header:], header)
                  if line.filled and is_total_label(line.filled[0]) and any(is_amount(t) for t in line.filled[1:])), None)
    if total is None:
        return []
    found = []
    for line in lines[total + 1:]:
        cells = line.filled
        if not cells or is_amount(cells[0]) or not any(is_amount(t) for t in cells[1:]):
            break  # a note, a line of another shape: the units have ended
        name = _UNIT_CODE.sub("", compact(cells[0]))
        if name:
            found.append(Row(name=name, source=line.source))
    return found


def _header_years(text: str, year: int | None) -> list[int]:
    """The years the header names, in order: "2025年", or "上年" / "本年" for the budget year's."""
    found = []
    for digits, word in _YEAR.findall(text):
        if digits:
            found.append(int(digits))
        elif year is not None:
            found.append(year - 1 if word == "上年" else year)
    return list(dict.fromkeys(found))


def _amounts(texts: list[str], amounts: Amounts) -> list[tuple[int, Decimal]]:
    return [(i, value) for i, t in enumerate(texts) if (value := amounts[t]) is not None]


def _read_across(lines, years: list[int], year: int | None, amounts: Amounts) -> list[Row]:
    for line in lines:
        if not any(is_total_label(t) for t in line.texts):
            continue
        numbers = [value for _, value in _amounts(line.texts, amounts)]
        if len(numbers) < 6 or len(numbers) % 6:
            continue
        groups = [numbers[i : i + 6] for i in range(0, len(numbers), 6)]
        if len(groups) > 1 and len(years) < len(groups):
            return []  # a group per year, and the header does not tell which year each is
        labels = years[-len(groups):] if len(years) >= len(groups) else _default_years(len(groups), year)
        return [
            Row(name=str(label), values=_ordered(group), source=line.source)
            for label, group in zip(labels, groups)
        ]
    return []


def _default_years(count: int, year: int | None) -> list[int | str]:
    if year is None:
        return [str(i + 1) for i in range(count)]
    return list(range(year - count + 1, year + 1))


def _ordered(group: list[Decimal]) -> dict[str, Decimal | None]:
    for order in _ORDERS:
        values = dict(zip(order, group))
        if _consistent(values):
            return values
    return dict(zip(ITEMS, group))


def _consistent(v: dict[str, Decimal]) -> bool:
    return (
        v["total"] == v["overseas"] + v["vehicle"] + v["reception"]
        and v["vehicle"] == v["vehicle_purchase"] + v["vehicle_operation"]
    )


def _read_down(lines, years: list[int], year: int | None, amounts: Amounts) -> list[Row]:
    by_item: dict[str, list[Decimal | None]] = {}
    source = None
    for line in lines:
        label = next((t for t in line.texts if t.strip() and not is_amount(t)), "")
        item = next((key for key, pattern in _ITEM_LABELS if pattern.search(label)), None)
        numbers = [value for _, value in _amounts(line.texts, amounts)]
        if item and numbers and item not in by_item:
            by_item[item] = numbers
            source = source or line.source
    if len(by_item) < 4:
        return []
    width = max(len(v) for v in by_item.values())
    if width > 1 and len(years) < width:
        return []  # a column per year, and the header does not tell which year each is
    labels = years[-width:] if len(years) >= width else list(range(width))
    if width == 1 and year is not None and not years:
        labels = [year]  # one column of amounts (预算数): the budget year's
    rows = []
    for position, label in enumerate(labels):
        values = {item: (by_item[item][position] if item in by_item and position < len(by_item[item]) else None) for item in ITEMS}
        rows.append(Row(name=str(label), values=values, source=source))
    return rows
