"""A table segment as a grid: which lines are header, which cell index holds what."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from ..document import Line
from ..prose.columns import DEFAULT_ORDER, column_id, group_sums, is_column_numbering, merged_header, with_phases
from .cells import is_amount, is_label, read_code, strip_ordinal

_HEADER_MAX_LINES = 6
_TOTAL_LABELS = {"合计", "总计", "本年合计", "合计数"}


def is_total_label(text: str) -> bool:
    return text.replace(" ", "") in _TOTAL_LABELS


_HEADER_WORDS = re.compile(r"科目|项目|编码|名称|预算|支出|收入|经费|单位|金额")
_DIGIT = re.compile(r"\d")


# a column-number line under the header: "** ** 1 2 3", "栏次 1 2 3", "甲 乙 1 2 3"
_COLUMN_MARK = re.compile(r"^(?:\*+|[栏行]次|[甲乙丙丁])$")
_COLUMN_NUMBER = re.compile(r"^\d{1,2}$", re.ASCII)


def is_column_numbers(line: Line) -> bool:
    """A line numbering the columns: marks over the label columns, 1, 2, 3… over the amounts (a 决算
    总表 printed in two halves marks each: 栏次 | 1 | 栏次 | 2). It is part of the header, not a row.
    Unmarked, a short run of small numbers could be a row's amounts, so it takes a longer run."""
    marks, numbers = 0, []
    for text in line.filled:
        if _COLUMN_NUMBER.match(text):
            numbers.append(int(text))
        elif _COLUMN_MARK.match(text):
            marks += 1
        else:
            return False
    return numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= (1 if marks else 3)


def is_data_line(line: Line) -> bool:
    if is_column_numbers(line):
        return False
    filled = line.filled
    # amounts and codes print digits, total labels 计: one look at the whole line rules out most header lines
    joined = "".join(filled)
    if _DIGIT.search(joined):
        if is_column_numbering(filled):
            return False
        for text in filled:
            if is_amount(text) and not _looks_like_year(text):
                return True
        if any(read_code(t) for t in line.texts[:3]):
            return True
    if filled and strip_ordinal(filled[0]) != filled[0]:
        return True
    # a lone 合计 with no amounts is the (empty) total row; beside other labels it is a column header
    return ("计" in joined and any(is_total_label(t) for t in filled)
            and not any(_HEADER_WORDS.search(t) for t in filled))


def _looks_like_year(text: str) -> bool:
    return len(text) == 4 and text.startswith("20") and text.isdigit()


def split_header(part: list[Line]) -> tuple[list[Line], list[Line]]:
    """Leading header lines of a page part, and the rest."""
    for index, line in enumerate(part[: _HEADER_MAX_LINES + 1]):
        if is_data_line(line):
            return _labels_only(part[:index]), part[index:]
    return _labels_only(part[:_HEADER_MAX_LINES]), part[_HEADER_MAX_LINES:]


def _labels_only(header: list[Line]) -> list[Line]:
    # column numbers would join the labels they stand under ("基本支出2")
    return [line for line in header if not is_column_numbers(line)]


@dataclass
class Layout:
    """Where things are in the rows of one table: label cells and value cells by index."""

    code_index: int | None = None
    name_index: int | None = 0  # None: the table prints no label column (its rows are unnamed)
    value_columns: dict[int, str] = field(default_factory=dict)  # cell index -> column id
    labels: dict[str, str] = field(default_factory=dict)  # column id -> header label as printed
    # cells after the code cell that continue it: codes printed as 类 | 款 | 项 ("201 | 13 | 01")
    code_parts: tuple[int, ...] = ()
    # column id -> its parts, for a group printed over its parts with no column of its own
    sums: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def column_ids(self) -> list[str]:
        """The columns in printed order, a summed group just before its parts."""
        ids = list(self.value_columns.values())
        for group, parts in self.sums.items():
            ids.insert(ids.index(parts[0]), group)
        return ids

    def add_sums(self, values: dict[str, Decimal | None]) -> None:
        """A row's group values from its parts: blank where every part is blank."""
        for group, parts in self.sums.items():
            printed = [values[p] for p in parts if values.get(p) is not None]
            values[group] = sum(printed, Decimal(0)) if printed else None
    # value cells under a header label naming no column id ("其中:经费拨款"): their amounts are not
    # read, but they stand in a printed column, not astray
    unnamed: dict[int, str] = field(default_factory=dict)  # cell index -> header label

    @property
    def label_cells(self) -> range:
        """The cells left of the first value column: code, name and any other label."""
        return range(min(self.value_columns, default=0))

    @cached_property
    def known_cells(self) -> frozenset[int | None]:
        """The cells whose meaning is known: an amount in any other cell is a stray one."""
        return frozenset(self.value_columns) | {self.name_index, self.code_index, *self.code_parts}


def find_code_index(rows: list[Line]) -> int | None:
    counts: Counter[int] = Counter()
    for line in rows:
        for index, text in enumerate(line.texts[:3]):
            if not text:
                continue
            if read_code(text):
                counts[index] += 1
                break
            if is_label(text):
                break  # a label first: a number right of it is an amount (84700 元), not a code
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)  # the first of the most common, as most_common(1) gives


def find_name_index(rows: list[Line], after: int | None) -> int | None:
    """The cell where most rows print their first label; None when no row prints a label at all."""
    start = 0 if after is None else after + 1
    counts: Counter[int] = Counter()
    for line in rows:
        for index, text in enumerate(line.texts[start:], start=start):
            if text and is_label(text):
                counts[index] += 1
                break
    if counts:
        return max(counts, key=counts.__getitem__)
    return None if after is None else start


_CODE_PART = re.compile(r"^\d{2}$")


def find_code_parts(rows: list[Line], code_index: int | None, name_index: int | None) -> tuple[int, ...]:
    """Cells between the code and the name that hold only two-digit 款/项 codes (or nothing)."""
    if code_index is None or name_index is None or name_index <= code_index + 1:
        return ()
    parts = tuple(range(code_index + 1, name_index))
    for line in rows:
        texts = line.texts
        if any(i < len(texts) and texts[i].strip() and not _CODE_PART.match(texts[i].strip()) for i in parts):
            return ()
    filled = any(i < len(line.texts) and line.texts[i].strip() for line in rows for i in parts)
    return parts if filled else ()


def value_columns(kind: str, header: list[Line], label_end: int, year: int | None) -> tuple[dict[int, str], dict[str, str]]:
    """Map header cells after the label columns to column ids; the first match of an id wins."""
    merged = with_phases(merged_header([line.texts for line in header]), label_end)
    mapping: dict[int, str] = {}
    labels: dict[str, str] = {}
    for index in sorted(merged):
        if index <= label_end:
            continue
        column = column_id(kind, merged[index], year)
        if column and column not in labels:
            mapping[index] = column
            labels[column] = merged[index]
    return mapping, labels


def default_columns(kind: str, rows: list[Line], label_end: int) -> dict[int, str]:
    """Assume the standard column order right after the labels (a header that could not be read),
    for as many cells as the rows print: a column no row reaches is not printed."""
    order = DEFAULT_ORDER.get(kind, ["total"])
    width = max((len(line.texts) for line in rows), default=label_end + 1 + len(order))
    columns = {label_end + 1 + offset: column for offset, column in enumerate(order)}
    return {index: column for index, column in columns.items() if index < width}


def layout_for(kind: str, header: list[Line], rows: list[Line], year: int | None, previous: Layout | None) -> Layout:
    if rows:
        code_index = find_code_index(rows)
        name_index = find_name_index(rows, code_index)
    else:
        code_index = previous.code_index if previous else None
        name_index = previous.name_index if previous else 0
    label_end = -1 if name_index is None else name_index
    mapping, labels = value_columns(kind, header, label_end, year)
    unnamed = {i: text for i, text in merged_header([line.texts for line in header]).items()
               if i > label_end and i not in mapping}
    if previous is not None:
        # a page whose header is garbled keeps the columns the table had on the page before
        for index, column in previous.value_columns.items():
            if index not in mapping and column not in mapping.values():
                mapping[index] = column
                labels.setdefault(column, previous.labels.get(column, ""))
    if not mapping:
        mapping = default_columns(kind, rows, label_end)
    code_parts = find_code_parts(rows, code_index, name_index) if rows else (previous.code_parts if previous else ())
    printed = set(mapping.values())
    sums = {group: parts for group, parts in group_sums(kind).items()
            if group not in printed and printed.issuperset(parts)}
    for group in sums:
        labels.setdefault(group, "+".join(labels.get(part, "") for part in sums[group]))
    return Layout(code_index, name_index, dict(sorted(mapping.items())), labels, code_parts, sums,
                  {i: text for i, text in unnamed.items() if i not in mapping})
