"""The project list (项目支出明细表): one line per project, funding split in column groups.

Cells that lost their empty neighbours (a row printed `30.00 30.00 30.00` under four columns) are put
back where the table's identities hold (合计 = Σ group subtotals, subtotal = Σ its parts), preferring
the columns the other rows use.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from itertools import combinations

from ..document import Line
from ..model import Column, Project, Table, Unit, Unreadable
from ..prose.columns import merged_header
from .cells import Amounts, is_amount, read_code
from .grid import is_total_label, split_header
from .segment import Segment

_ZERO = Decimal(0)
_PROJECT_CODE = re.compile(r"^([0-9A-Za-z]{12,})\s*[-—_:：]?\s*(.*)$")
_GROUPS: list[tuple[str, re.Pattern[str], list[tuple[str, re.Pattern[str]]]]] = [
    ("specific_target", re.compile(r"年初|特定目标"), [
        ("personnel_project", re.compile(r"人员性")),
        ("general_project", re.compile(r"一般性")),
        ("livelihood_project", re.compile(r"民生")),
    ]),
    ("superior_special", re.compile(r"上级|专项"), [
        ("advance_special", re.compile(r"提前下达")),
        ("carried_project", re.compile(r"结转")),
        ("municipal_special", re.compile(r"市级")),
    ]),
]
_SOURCE_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("general_budget", re.compile(r"一般公共预算|公共财政")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本")),
    ("carryover", re.compile(r"上年结转|结转结余")),
    ("special_account", re.compile(r"财政专户")),
    ("operating", re.compile(r"事业收入")),
    ("other", re.compile(r"其他")),
    ("unit_funds", re.compile(r"单位资金|单位自有资金")),
    # 财政拨款 as a column of its own (北京: 财政拨款 | 财政专户管理资金 | 单位资金), not a fund's 财政拨款
    ("fiscal", re.compile(r"(?<!预算)(?<!基金)(?<!经营)(?<!上年)财政拨款(?!结转)")),
]


def _funding_columns(header: list[Line]) -> tuple[list[str], dict[str, list[str]]]:
    """Funding column ids in printed order, and each group's parts."""
    text = "".join(label for _, label in sorted(merged_header([line.texts for line in header]).items()))
    # a group's header names it ("上级专项" over 提前下达 | 结转项目): a 上年结转 column alone is no 专项
    groups = [(gid, gre, parts) for gid, gre, parts in _GROUPS
              if gre.search(text) and any(p.search(text) for _, p in parts)]
    if groups:
        order, members = [], {}
        for group_id, _, parts in groups:
            present = [pid for pid, pattern in parts if pattern.search(text)]
            order += [group_id, *present]
            members[group_id] = present
        return order, members
    found = [(match.start(), cid) for cid, pattern in _SOURCE_COLUMNS if (match := pattern.search(text))]
    return [cid for _, cid in sorted(found)], {}


def read_project_list(segment: Segment, unit: Unit) -> tuple[Table, list[Project], list[Unreadable]]:
    splits = [split_header(part) for part in segment.parts]
    funding, groups = _funding_columns(splits[0][0] if splits else [])
    name_first = _name_before_code(splits[0][0] if splits else [])
    amounts = Amounts()
    parsed = [p for _, body in splits for p in (_parse_line(line, amounts, name_first) for line in body) if p]
    _total_under_projects(parsed)
    aligned = [_aligned(fields["value_cells"], len(funding), amounts) for _, fields, _ in parsed]
    usage = _column_usage(aligned, funding)
    # each row's fields: the table validates its rows in one call, a third faster than one by one
    rows: list[dict] = []
    projects: list[Project] = []
    unreadable: list[Unreadable] = []
    for (line, fields, numbers), placed in zip(parsed, aligned):
        source = line.source
        printed = _printed(placed, numbers, funding)
        split = printed if printed is not None and _holds(printed, numbers[0], groups) else None
        if split is None:
            split = _place(numbers[1:], _offsets(fields["value_cells"]), numbers[0], funding, groups, usage) if numbers else {}
        if numbers and split is None and printed is not None:
            split = printed  # every cell printed: the columns are known, the amounts do not add up (the checks say so)
        if numbers and split is None:
            unreadable.append(Unreadable(what=f"项目“{fields['name']}”的资金来源无法对齐到列", source=source))
            split = dict(zip(funding, numbers[1:]))
        values = {"amount": numbers[0] if numbers else None, **{c: split.get(c) for c in funding}}
        if fields["total"]:
            rows.append({"name": "合计", "item": "total", "values": values, "source": source})
            continue
        rows.append({"code": fields["code"], "name": fields["name"], "values": values, "source": source})
        projects.append(Project(
            code=fields["code"], name=fields["name"], budget_unit=fields["unit"],
            functional_code=fields["functional_code"], functional_name=fields["functional_name"],
            amount=values["amount"], funding={c: split.get(c) for c in funding}, source=source,
        ))
    table = Table(
        id="project_expenditure", title=segment.title, unit=unit,
        columns=[Column(id=c) for c in ["amount", *funding]], rows=rows,
        note="\n".join(segment.notes) or None, source=segment.title_line.source,
    )
    return table, projects, unreadable


def _functional_code_at(texts: list[str]) -> int | None:
    """The cell of the 7-digit functional code: names follow it. A whole amount in 元 (7715800) looks
    like a code too, but stands right of the names."""
    for index, text in enumerate(texts):
        if len(text) == 7 and read_code(text) and any(t and not is_amount(t) for t in texts[index + 1 :]):
            return index
    return None


_NAME_LABEL = re.compile(r"项目名称|^项目$")
_CODE_LABEL = re.compile(r"编码|代码")


def _name_before_code(header: list[Line]) -> bool:
    """Whether the header prints 项目名称 left of the functional code (项目名称 | 功能科目编码 | 科目名称 | 金额)."""
    merged = merged_header([line.texts for line in header])
    name = min((i for i, label in merged.items() if _NAME_LABEL.search("".join(label.split()))), default=None)
    code = min((i for i, label in merged.items() if _CODE_LABEL.search(label)), default=None)
    return name is not None and code is not None and name < code


def _parse_line(line: Line, amounts: Amounts, name_first: bool = False):
    texts = [t.strip() for t in line.texts]
    code_at = _functional_code_at(texts)
    anchor = code_at if code_at is not None else next((i for i, t in enumerate(texts) if is_total_label(t)), None)
    if anchor is None:
        return None
    labelled = [i for i in range(anchor + 1, len(texts)) if texts[i] and not is_amount(texts[i])]
    labels = [texts[i] for i in labelled]
    name_cell = labels[-1] if labels else ""
    if name_first and code_at is not None:
        # the project's name stands before its code, the 科目名称 after it
        named = [t for t in texts[:anchor] if t and not is_amount(t)]
        name_cell, labels = (named[-1], [*labels, named[-1]]) if named else (name_cell, labels)
    # the last label's own cell: a project named as its 科目 ("招商引资 | 招商引资") prints the name twice
    after = labelled[-1] + 1 if labelled else anchor + 1
    value_cells = texts[after:]
    numbers = [n for t in value_cells if t and (n := amounts[t]) is not None]
    code, name = None, name_cell
    if match := _PROJECT_CODE.match(name_cell):
        code, name = match.group(1), match.group(2)
    before = [t for t in texts[:anchor] if t and not t.isdigit()]
    if name_first and before and before[-1] == name_cell:
        before = before[:-1]  # the name, not the unit's
    fields = {
        "total": code_at is None, "code": code, "name": name,
        "unit": before[-1] if before else None,
        "functional_code": texts[code_at] if code_at is not None else None,
        "functional_name": labels[0] if len(labels) > 1 else None,
    }
    fields["value_cells"], fields["amount_at"] = value_cells, after
    return line, fields, numbers


def _total_under_projects(parsed: list) -> None:
    """A 合计 line printed with an empty cell where the projects print their name ("| 合计 | | 2,426.00 |"):
    its amounts start in the projects' amount column, not right after 合计."""
    starts = Counter(fields["amount_at"] for _, fields, _ in parsed if not fields["total"])
    if not starts:
        return
    start = starts.most_common(1)[0][0]
    for line, fields, _ in parsed:
        texts = [t.strip() for t in line.texts]
        skipped = texts[fields["amount_at"] : start]
        if fields["total"] and skipped and not any(skipped) and start < len(texts) and is_amount(texts[start]):
            fields["value_cells"], fields["amount_at"] = texts[start:], start


def _column_usage(aligned: list[list[Decimal | None] | None], funding: list[str]) -> Counter[str]:
    """How often each funding column holds a number in rows whose cells line up with the header."""
    usage: Counter[str] = Counter()
    for placed in aligned:
        if placed is not None:
            usage.update(funding[i] for i, v in enumerate(placed) if v is not None)
    return usage


def _aligned(value_cells: list[str], width: int, amounts: Amounts) -> list[Decimal | None] | None:
    """The funding cells of a row that prints every column (empty ones included), else None."""
    cells = value_cells[1 : 1 + width]
    if not value_cells or len(cells) < width or not is_amount(value_cells[0]) or any(t and not is_amount(t) for t in cells):
        return None
    return [amounts[t] for t in cells]


def _printed(placed: list[Decimal | None] | None, numbers: list[Decimal],
             funding: list[str]) -> dict[str, Decimal] | None:
    """The row's own columns when it prints every cell (empty ones included): `placed`, its cells
    as `_aligned` reads them.

    Such a row lost no cell, so each number stands under its column: a project funded only from
    人员性项目 (`x | x | x | _ | _`) is not moved to the more used 一般性项目 (`x | x | _ | x`).
    """
    if not numbers or placed is None or sum(v is not None for v in placed) != len(numbers) - 1:
        return None
    return {c: v for c, v in zip(funding, placed) if v is not None}


def _offsets(value_cells: list[str]) -> list[int]:
    """Printed cell offsets of the funding numbers, relative to the amount cell."""
    return [i for i, t in enumerate(value_cells) if t and is_amount(t)][1:]


def _keeps_gaps(positions: tuple[int, ...], offsets: list[int]) -> bool:
    """Cells can be lost in extraction but not invented: printed gaps are lower bounds."""
    previous_position, previous_offset = 0, 0
    for position, offset in zip(positions, offsets):
        if position + 1 - previous_position < offset - previous_offset:
            return False
        previous_position, previous_offset = position + 1, offset
    return True


def _place(numbers: list[Decimal], offsets: list[int], amount: Decimal, funding: list[str],
           groups: dict[str, list[str]], usage: Counter[str]):
    """Put the numbers (in printed order) into funding columns so that the identities hold."""
    if not numbers:
        return {}
    if len(numbers) > len(funding):
        return None
    weights = [usage[column] for column in funding]
    highest = sum(sorted(weights, reverse=True)[: len(numbers)])
    best, best_score = None, -1
    for positions in combinations(range(len(funding)), len(numbers)):
        # a placing scoring no better than the best so far would not be taken: not worth checking
        score = sum(map(weights.__getitem__, positions))
        if score <= best_score or not _keeps_gaps(positions, offsets):
            continue
        values = {funding[p]: n for p, n in zip(positions, numbers)}
        if _holds(values, amount, groups):
            best, best_score = values, score
            if score == highest:
                break  # no later placing can score more
    return best


def _holds(values: dict[str, Decimal], amount: Decimal, groups: dict[str, list[str]]) -> bool:
    if groups:
        if sum(values.get(g, _ZERO) for g in groups) != amount:
            return False
        for group, parts in groups.items():
            if not parts:
                continue
            given = [values[p] for p in parts if p in values]
            if given and sum(given) != values.get(group, _ZERO):
                return False
            if group in values and not given:
                return False
        return True
    return sum(values.values()) == amount
