"""Tables listed by budget unit, not by classification line.

A 收入总表 may list its rows by 单位 (苏州: 部门代码 | 部门名称, `068` the department, `068001` … its
units). Read as classification lines, unit codes become functional codes that exist nowhere else.
A table is taken as a unit listing only when its header names the label columns after the unit and
it prints no code, or some code that could not be a classification code: a functional code under a
单位名称 header stays a functional line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Line
from ..prose.columns import merged_header
from .grid import Layout

_UNIT_HEADER = re.compile(r"单位|部门")
_SUBJECT_HEADER = re.compile(r"科目|功能|分类")
_CODE_HEADER = re.compile(r"代码|编码")
_NAME_HEADER = re.compile(r"名称")
# "单位:万元", "单位名称:某局", "部门:某局" printed over the header name the unit of money or the body
_FILLED_IN = re.compile(r"(?:单位|部门)(?:名称)?[:：]\S*")
_DIGITS = re.compile(r"^\d+$")
_SHAPES = {
    "functional": re.compile(r"^2\d{2}(?:\d{2}){0,2}$"),
    "economic": re.compile(r"^[35]\d{2}(?:\d{2})?$"),
}


def _label_headers(header: list[Line], layout: Layout) -> dict[int, str]:
    merged = merged_header([[_FILLED_IN.sub("", text) for text in line.texts] for line in header])
    return {index: merged[index] for index in layout.label_cells if merged.get(index)}


def lists_units(header: list[Line], body: list[Line], layout: Layout, catalog_name: str | None) -> bool:
    """Whether the rows are budget units: a unit header over the label columns, and under it no code
    or a code of no classification shape."""
    shape = _SHAPES.get(catalog_name or "")
    if shape is None:
        return False
    labels = "".join(_label_headers(header, layout).values())
    if not _UNIT_HEADER.search(labels) or _SUBJECT_HEADER.search(labels):
        return False
    cells = layout.label_cells
    codes = [t.strip() for line in body for i, t in enumerate(line.texts) if i in cells and _DIGITS.match(t.strip())]
    return not codes or any(not shape.match(code) for code in codes)


def unit_layout(layout: Layout, header: list[Line]) -> Layout:
    """The layout with the code and name cells where the header prints 代码/编码 and 名称: a unit code
    of no classification shape is no code to find them by."""
    labels = _label_headers(header, layout)
    code = next((i for i, text in labels.items() if _CODE_HEADER.search(text)), layout.code_index)
    name = next((i for i, text in labels.items() if _NAME_HEADER.search(text)), layout.name_index)
    return replace(layout, code_index=code, name_index=name, code_parts=())
