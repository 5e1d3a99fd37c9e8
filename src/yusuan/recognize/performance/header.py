"""The header fields of a performance table, gathered from its label lines.

Each field collects the value pieces (cell texts) after its label. Two repairs of lost labels:
text in front of the first label of a line belongs to the field printed before that label in the
form (a line "区经济信息委 | 实施单位 | …" lost 主管部门), and a line without any label continues
the text field above it (项目概况 prose wraps around its label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...document import Line
from ...model.amounts import Unit
from .lines import SectionLine

# the form's order, for the field a lost label stood for
_ORDER = ("name", "department", "implementer", "fund", "nature", "start", "end", "overview", "basis", "target")
_TEXT_FIELDS = frozenset({"overview", "basis", "target"})
_BEFORE = {"implementer": "department", "nature": "fund", "end": "start"}
# a unit line under the title ("单位:万元") is no header field
_UNIT_LINE = re.compile(r"^(?:金额)?单位[:：]?(万元|元)$")
# the label column: a piece there, in front of every label, is a stray mark or label residue
_LABEL_COLUMN = 0


@dataclass
class HeaderFields:
    pieces: dict[str, list[str]] = field(default_factory=dict)
    sources: dict[str, Line] = field(default_factory=dict)
    last: str | None = None
    unplaced: list[Line] = field(default_factory=list)  # lines without label or field to continue
    unit: Unit | None = None  # the amounts' unit, when the table prints one ("单位:元")

    def add(self, name: str, pieces: list[str], line: Line) -> None:
        self.pieces.setdefault(name, []).extend(pieces)
        self.sources.setdefault(name, line)
        self.last = name

    def get(self, name: str) -> list[str]:
        return self.pieces.get(name, [])


def _field_of_unlabeled(fields: HeaderFields) -> str | None:
    last = fields.last
    if last in _TEXT_FIELDS:
        return last
    if last in _ORDER:
        following = _ORDER[_ORDER.index(last) + 1 :]
        if following and following[0] in _TEXT_FIELDS and following[0] not in fields.pieces:
            return following[0]
    return None


def _read_line(fields: HeaderFields, section_line: SectionLine) -> None:
    line, tokens = section_line.line, section_line.tokens
    labels = [t for t in tokens if t.field]
    if not labels:
        if target := _field_of_unlabeled(fields):
            fields.add(target, [t.text for t in tokens], line)
        elif tokens:
            fields.unplaced.append(line)
        return
    first = labels[0]
    before = [t.text for t in tokens[: tokens.index(first)] if t.cell != _LABEL_COLUMN]
    lost = _BEFORE.get(first.field)
    if before and lost and lost not in fields.pieces:
        fields.add(lost, before, line)
    current = None
    for token in tokens[tokens.index(first) :]:
        if token.field:
            current = "name" if token.field == "overall_name" else token.field
            fields.add(current, [], line)
        else:
            fields.add(current, [token.text], line)


def read_header(lines: list[SectionLine]) -> HeaderFields:
    fields = HeaderFields()
    for line in lines:
        if unit := _UNIT_LINE.match(line.compact_text):
            fields.unit = Unit(unit.group(1))
        else:
            _read_line(fields, line)
    return fields
