"""The "三公" table read from its header: a header of merged cells over one or more unlabelled lines
of amounts (jiangsu, Shanghai), e.g.

    合计 | “三公”经费 |  |  |  |  |  | 会议费 | 培训费
         | 小计 | 因公出国(境)费 | 公务用车购置及运行维护费 |  |  | 公务接待费 |  |
         |      |  | 小计 | 公务用车购置费 | 公务用车运行维护费 |  |  |
    2,542.60 | 833.60 | 222.50 | 183.60 | 0 | 183.60 | 427.50 | 1,305.25 | 403.75

A merged header cell is printed in its first column only: an empty header cell continues the label to
its left when both sit under the same label one line up. Each column's labels, top to bottom, say what
it holds; a trailing 预算数 / 决算数 (a 决算 prints both for each item) says which row it belongs to.
"""

from __future__ import annotations

import re

from ..document import Line
from ..model import Row
from .cells import compact, is_amount, read_amount
from .grid import is_column_numbers, is_total_label

Path = tuple[str, ...]
_SUM = re.compile(r"^(?:合计|小计|总计)$")
# a line of its own above the header naming the department or the unit ("部门名称:XX 单位:万元")
_CAPTION = re.compile(r"(?:单位|部门|名称)\s*[:：]")
_VARIANT = re.compile(r"(预算数|决算数)$")
# a group of columns headed by its year ("2025年预算数 | 2026年预算数" over the same items, 重庆)
_YEAR_LABEL = re.compile(r"^(?:((?:19|20)\d{2})年度?|(上年|本年))")
# (预算数 / 决算数 / None, the year or 上年 / 本年 / None): the row a column belongs to
Group = tuple[str | None, int | str | None]
# checked on the column's own (lowest non-sum) label, in order
_ITEMS: list[tuple[str, re.Pattern[str]]] = [
    ("meeting", re.compile(r"会议费")),
    ("training", re.compile(r"培训费")),
    ("operating_cost", re.compile(r"机关运行经费")),
    ("overseas", re.compile(r"出国")),
    ("reception", re.compile(r"接待")),
    ("vehicle", re.compile(r"购置及运行")),
    ("vehicle_purchase", re.compile(r"购置")),
    ("vehicle_operation", re.compile(r"运行")),
    ("three_public_sum", re.compile(r"三公.*(?:合计|小计|总计)$")),  # “三公”经费合计 in one cell
    ("three_public", re.compile(r"三公")),
]
_KEY_ITEMS = {"overseas", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"}
COLUMN_ORDER = ("total", "three_public_total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation",
                "reception", "meeting", "training", "operating_cost")


def header_paths(header: list[Line]) -> dict[int, Path]:
    """Each column's header labels, top to bottom, with merged cells spread over the columns they span."""
    width = max((len(line.texts) for line in header), default=0)
    paths: dict[int, Path] = {i: () for i in range(width)}
    for line in header:
        texts = line.texts
        labels: dict[int, str | None] = {}
        for i in range(width):
            own = compact(texts[i]) if i < len(texts) else ""
            spans = i > 0 and paths[i] == paths[i - 1] and labels[i - 1] is not None
            labels[i] = own or (labels[i - 1] if spans else None)
        paths = {i: paths[i] + (labels[i] or "",) for i in range(width)}
    return {i: tuple(label for label in path if label) for i, path in paths.items()}


def _variant(path: Path) -> tuple[Group, Path]:
    """((预算数 / 决算数 / None, the year a label over the column names / None), the labels without them)."""
    variant, year, labels = None, None, []
    for label in path:
        match = _VARIANT.search(label)
        if match:
            variant = match.group(1)
            label = label[: match.start()]
        dated = _YEAR_LABEL.match(label)
        if dated:
            year = int(dated.group(1)) if dated.group(1) else dated.group(2)
            label = label[dated.end():]
        if label:
            labels.append(label)
    return (variant, year), tuple(labels)


def _item(labels: Path) -> str | None:
    named = [label for label in labels if not _SUM.match(label)]
    if not named:
        return "grand_total" if labels else None
    own = named[-1]
    item = next((key for key, pattern in _ITEMS if pattern.search(own)), None)
    if item == "three_public" and labels[-1] != own:
        return "three_public_sum"  # 小计 / 合计 under “三公”经费
    return None if item == "three_public" else item


def column_items(header: list[Line]) -> dict[int, tuple[Group, str]]:
    """Cell index -> (the row's group, column id)."""
    found: dict[int, tuple[Group, str]] = {}
    for index, path in header_paths(header).items():
        variant, labels = _variant(path)
        item = _item(labels)
        if item is not None:
            found[index] = (variant, item)
    return _name_sums(found)


def _name_sums(found: dict[int, tuple[Group, str]]) -> dict[int, tuple[Group, str]]:
    """合计 over everything is `total`; the “三公” subtotal is `total` too unless a wider 合计 is printed
    (合计 = 三公 + 会议费 + 培训费) or 会议费 / 培训费 are printed beside it with no 合计 over all, then
    `three_public_total`."""
    printed = {item for _, item in found.values()}
    wider = bool(printed & {"grand_total", "meeting", "training"})
    renamed = {"grand_total": "total", "three_public_sum": "three_public_total" if wider else "total"}
    return {i: (variant, renamed.get(item, item)) for i, (variant, item) in found.items()}


def _row_name(group: Group, groups: set[Group], year: int | None) -> str:
    variant, printed_year = group
    year = printed_year or year
    label = str(year) if year is not None else "本年"
    if variant == "预算数" and any(v == "决算数" for v, _ in groups):
        return f"{label}年预算数"
    return label


def _dated(items: dict[int, tuple[Group, str]], year: int | None) -> dict[int, tuple[Group, str]]:
    """上年 / 本年 over a group of columns as the year they name (kept as words without the budget year)."""
    def resolve(group: Group) -> Group:
        variant, named = group
        if isinstance(named, str) and year is not None:
            return variant, year - 1 if named == "上年" else year
        return group

    return {i: (resolve(group), item) for i, (group, item) in items.items()}


def _repeated(items: dict[int, tuple[Group, str]]) -> bool:
    """Items printed in several columns of one group: a group per year whose years the header does not
    tell apart (which group is the budget year's cannot be known)."""
    seen = [(group, item) for group, item in items.values() if item in _KEY_ITEMS]
    return len(seen) - len(set(seen)) >= 2


def read_unlabelled(lines: list[Line], year: int | None) -> tuple[list[Row], dict[str, str]]:
    """Rows (and column id -> printed label) from the first line of amounts, when it has no label: the
    lines above it are the header (合计 there is a column label, not a row). A first line labelled 合计
    (湖州: the department's 合计 over a line per unit) is the year's line too, where each item is one
    column."""
    at = next((i for i, line in enumerate(lines)
               if any(is_amount(t) for t in line.filled) and not is_column_numbers(line)), None)
    if at is None:
        return [], {}
    line = lines[at]
    labels = [t for t in line.filled if not is_amount(t)]
    if labels and (len(labels) > 1 or not is_total_label(labels[0]) or labels[0] != line.texts[0]):
        return [], {}
    header = [h for h in lines[:at]
              if not (len(h.filled) == 1 and _CAPTION.search(h.filled[0])) and not is_column_numbers(h)]
    items = _dated(column_items(header), year)
    if len({item for _, item in items.values()} & _KEY_ITEMS) < 3:
        return [], {}
    if labels and len(set(items.values())) < len(items):
        return [], {}  # an item printed in several columns (a group per year): the line is no one year's
    if _repeated(items):
        return [], {}
    texts = line.texts
    by_group: dict[Group, dict[str, object]] = {}
    for index, (group, item) in items.items():
        value = read_amount(texts[index]) if index < len(texts) else None
        by_group.setdefault(group, {}).setdefault(item, value)
    # the 决算数 row first: a rule asking for the year's row takes the first row naming the year; then
    # the years in order
    order = sorted(by_group, key=lambda g: (g[0] != "决算数", g[1] if isinstance(g[1], int) else g[1] == "本年"))
    rows = [Row(name=_row_name(g, set(by_group), year), values=by_group[g], source=line.source) for g in order]
    paths = header_paths(header)
    # the labels of the budget year's columns (the last group's where no group names the year)
    current = next((g for g in order if g[1] == year), order[-1])
    printed = {item: "".join(_variant(paths[i])[1]) for i, (g, item) in sorted(items.items(), reverse=True)
               if g == current or item not in by_group[current]}
    return rows, {c: printed[c] for c in COLUMN_ORDER if c in printed}


def read_blank(header: list[Line], lines: list[Line], year: int | None) -> tuple[list[Row], dict[str, str]]:
    """A table printed with its item columns (`header`, the lines of its first page) and blank cells under
    them (上海: every item column and one empty line): nothing budgeted, one row of empty cells. A table of
    which any amount is printed (in any of its `lines`) is no such table."""
    if not header or any(is_amount(t) for line in lines for t in line.filled):
        return [], {}
    # a line on the next page (the heading after the table) is no part of the header
    header = [h for h in header if h.page == header[0].page and not (len(h.filled) == 1 and _CAPTION.search(h.filled[0]))]
    items = _dated(column_items(header), year)
    if len({item for _, item in items.values()} & _KEY_ITEMS) < 3 or _repeated(items):
        return [], {}
    groups = {group for group, _ in items.values()}
    if len(groups) > 1:
        return [], {}
    [group] = groups
    paths = header_paths(header)
    printed = {item: "".join(_variant(paths[i])[1]) for i, (_, item) in sorted(items.items(), reverse=True)}
    columns = {c: printed[c] for c in COLUMN_ORDER if c in printed}
    name = _row_name(group, groups, year)
    return [Row(name=name, values=dict.fromkeys(columns), source=header[-1].source)], columns
