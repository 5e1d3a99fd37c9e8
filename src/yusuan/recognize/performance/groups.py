"""Settling each indicator's 一级/二级 from the rows around it.

A merged level cell prints its name once, at its vertical middle, not on its first row: "成本指标"
sits on the second of two cost rows, "产出指标" on a row in the middle of the output rows. The
ordinals tell where a group starts: "指标1" opens one, and a row "指标2" that prints a name has one
unnumbered row of its group above it. A group takes the 二级 printed on any of its rows, and its
一级 follows from the 二级 (the framework fixes it), else from a 一级 printed on one of its rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...prose.indicator_levels import level1_of
from .rows import Entry

# a name ending like this continues on the next row
_OPEN_ENDINGS = ("、", ",", "和", "及", "与")
_BRACKETS = [("(", ")"), ("《", "》"), ("“", "”"), ("[", "]")]


@dataclass
class _Group:
    entries: list[Entry] = field(default_factory=list)
    level2: str | None = None
    last_ordinal: int | None = None

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.level2 = self.level2 or entry.level2
        self.last_ordinal = entry.ordinal if entry.ordinal is not None else self.last_ordinal


def _unfinished(name: str) -> bool:
    if name.endswith(_OPEN_ENDINGS) or name.count('"') % 2:
        return True
    return any(name.count(left) > name.count(right) for left, right in _BRACKETS)


def _continues(previous: Entry, entry: Entry) -> bool:
    return bool(
        previous.name and entry.name and entry.ordinal is None and not entry.level1 and not entry.level2
        and _unfinished(previous.name)
    )


def merge_continuations(entries: list[Entry]) -> list[Entry]:
    """Join a name the layout wrapped onto a row of its own ("符合"工业企业…政策专 | 项资金"奖励条件")."""
    merged: list[Entry] = []
    for entry in entries:
        if merged and _continues(merged[-1], entry):
            merged[-1].name += entry.name
            merged[-1].value = merged[-1].value or entry.value
            continue
        merged.append(entry)
    return merged


def _starts_group(group: _Group, entry: Entry) -> bool:
    if not group.entries or entry.ordinal == 1:
        return True
    if entry.ordinal is not None and group.last_ordinal is not None and entry.ordinal <= group.last_ordinal:
        return True
    return bool(entry.level2 and group.level2 and entry.level2 != group.level2)


def _rows_above(group: _Group, entry: Entry) -> list[Entry]:
    """The unnumbered rows just above "指标k" that belong to its group (at most k-1)."""
    wanted = (entry.ordinal or 1) - 1
    moved: list[Entry] = []
    while group.entries and len(moved) < wanted:
        last = group.entries[-1]
        if last.ordinal is not None or last.level2:
            break
        moved.insert(0, group.entries.pop())
    return moved


def _group(entries: list[Entry]) -> list[_Group]:
    groups = [_Group()]
    for entry in entries:
        current = groups[-1]
        if _starts_group(current, entry):
            current = _Group(entries=_rows_above(current, entry))
            groups.append(current)
        current.add(entry)
    return [g for g in groups if g.entries]


def settle_levels(entries: list[Entry]) -> list[Entry]:
    for group in _group(entries):
        printed_level1 = next((e.level1 for e in group.entries if e.level1), None)
        level1 = level1_of(group.level2) or printed_level1
        for entry in group.entries:
            entry.level1, entry.level2 = level1, group.level2
    return entries
