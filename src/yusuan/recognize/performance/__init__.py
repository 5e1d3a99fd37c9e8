"""Performance targets (绩效目标表): the overall table and one table per project, read from noisy
lines. `is_performance_start` tells the segmenter where the section begins; `read_performance`
reads all of it."""

from __future__ import annotations

import re

from ...document import Line
from .lines import SectionLine
from .reader import PerformanceResult, read_performance
from .tables import has_name_label, is_title
from .text import cjk_count

# words of other tables' column headers: a 项目名称 among them is the project list, not a table here
_OTHER_HEADERS = re.compile("合计|金额|小计|科目|编码|拨款|预算数|序号|备注")
# a 项目名称 line of a performance table holds the label, the name and a few stray cells
_NAME_LINE_MAX_FILLED = 6
# a label after this many characters of words in its cell ends a sentence's subject (一、项目名称 has one)
_WORDS_BEFORE_A_LABEL = 2


def _is_name_line(line: SectionLine) -> bool:
    filled = line.filled
    if len(filled) > _NAME_LINE_MAX_FILLED or _OTHER_HEADERS.search("\t".join(filled)):
        return False
    return has_name_label(line) and not _follows_words(line)


def _follows_words(line: SectionLine) -> bool:
    """A 项目名称 label after words in its own cell is prose ("…行政事业性收费项目名称：污水处理费，收费依据…",
    "（四）重点支出和重大投资项目情况说明项目名称：…"): a form prints the label first, or after a number."""
    tokens = line.tokens
    at = next(i for i, token in enumerate(tokens) if token.field == "name")
    before = tokens[at - 1] if at else None
    return before is not None and before.cell == tokens[at].cell and before.field is None \
        and cjk_count(before.text) >= _WORDS_BEFORE_A_LABEL


def is_performance_start(line: Line) -> bool:
    """The first line of a performance table: its title, or a 项目名称 line when none is printed."""
    text = "".join(line.filled)
    if "绩" not in text and "名" not in text:
        return False  # neither a title (…绩效目标表) nor a 名称 label: most lines of a document
    section_line = SectionLine(line)
    return is_title(section_line) or _is_name_line(section_line)


__all__ = ["PerformanceResult", "is_performance_start", "read_performance"]
