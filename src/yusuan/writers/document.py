"""The printed document, format-free: title, contents, narrative headings and paragraphs, then the tables.

Order matters to readers (and to yusuan reading it back): the narrative first, then the standard
tables, then the performance-target tables last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..compose.draft import chinese_number
from ..model import PRINT_ORDER, Disclosure, Section
from .grid import Grid
from .layout import table_grid
from .layout_performance import overall_grid, project_grid
from .punctuation import chinese_punctuation

@dataclass
class Heading:
    anchor: str
    text: str
    level: int  # 0 part, 1 一、, 2 (一), 3 1.


@dataclass
class Block:
    """A heading with its paragraphs, or a table (grid)."""

    heading: Heading | None = None
    paragraphs: list[str] = field(default_factory=list)
    grid: Grid | None = None
    anchor: str = ""


@dataclass
class PrintedDocument:
    title: str
    blocks: list[Block]

    @property
    def contents(self) -> list[tuple[str, str, int]]:
        """(anchor, text, level) of the contents page: parts, their first-level headings, each table."""
        entries, part = [], ""
        for block in self.blocks:
            if block.heading is not None and block.heading.level == 0:
                part = block.heading.text
            # each heading to the first level, except the terms of 名词解释
            if block.heading is not None and block.heading.level <= 1 and not (
                    block.heading.level == 1 and part.endswith("名词解释")):
                entries.append((block.heading.anchor, block.heading.text, block.heading.level))
            elif block.grid is not None:
                entries.append((block.anchor, contents_name(block.grid), 2))
        return entries


def contents_name(grid: Grid) -> str:
    """A table's name in the contents, without 部门 and year. Never "…绩效目标表": a contents line
    must not read as a table title (the performance section would start there)."""
    if grid.id == "performance_project" and grid.form:
        return f"项目支出绩效目标（{grid.form[0][1].text}）"
    name = grid.title.split("年", 1)[1].removeprefix("度") if "年" in grid.title else grid.title  # 2024年度…决算表
    return name.removesuffix("表") if "绩效目标" in name else name


def heading_text(section: Section) -> str:
    number = section.number
    if section.level == 0:
        return f"{number} {section.title}"
    if section.level == 1:
        return f"{number}、{section.title}"
    if section.level == 2:
        return f"（{number.strip('()（）')}）{section.title}"
    return f"{number}.{section.title}"


def document_title(disclosure: Disclosure) -> str:
    kind = "决算" if disclosure.kind == "final" else "预算"
    year = f"{disclosure.year}年" if disclosure.year else ""
    return f"{disclosure.department or ''}{year}{disclosure.scope}{kind}公开"


def _narrative_blocks(disclosure: Disclosure) -> list[Block]:
    blocks = []
    for index, section in enumerate(disclosure.narrative.sections):
        paragraphs = [chinese_punctuation(p) for p in section.text.split("\n") if p.strip()]
        heading = Heading(f"s{index + 1}", chinese_punctuation(heading_text(section)), section.level)
        blocks.append(Block(heading, paragraphs))
    return blocks


def _part_heading(disclosure: Disclosure, title: str, anchor: str, offset: int) -> Block:
    parts = sum(1 for s in disclosure.narrative.sections if s.level == 0)
    text = f"第{chinese_number(parts + offset)}部分 {title}" if parts else title
    return Block(Heading(anchor, text, 0))


def _grids(disclosure: Disclosure) -> list[Grid]:
    ordered = [t for t in PRINT_ORDER if t in disclosure.tables] + [t for t in disclosure.tables if t not in PRINT_ORDER]
    return [table_grid(disclosure.tables[t], disclosure) for t in ordered]


def _performance_grids(disclosure: Disclosure) -> list[Grid]:
    grids = []
    if disclosure.performance_overall is not None:
        grids.append(overall_grid(disclosure.performance_overall, disclosure.department, disclosure.year,
                                  disclosure.unit))
    grids += [project_grid(t, disclosure.department, disclosure.year, disclosure.unit)
              for t in disclosure.performance_projects]
    return grids


def printed_document(disclosure: Disclosure) -> PrintedDocument:
    blocks = _narrative_blocks(disclosure)
    year = f"{disclosure.year}年" if disclosure.year else ""
    kind = "决算" if disclosure.kind == "final" else "预算"
    grids = _grids(disclosure)
    if grids:
        blocks.append(_part_heading(disclosure, f"{year}{disclosure.scope}{kind}公开表", "tables", 1))
        blocks += [Block(grid=g, anchor=f"t{i + 1}") for i, g in enumerate(grids)]
    performance = _performance_grids(disclosure)
    if performance:
        blocks.append(_part_heading(disclosure, f"{year}预算绩效目标", "performance", 2 if grids else 1))
        blocks += [Block(grid=g, anchor=f"p{i + 1}") for i, g in enumerate(performance)]
    return PrintedDocument(title=document_title(disclosure), blocks=blocks)
