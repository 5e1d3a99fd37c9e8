"""Whether a document is a whole disclosure or only part of one, and which parts it lacks.

A web page with one table, or a text with the 目录 and a few sections of the 情况说明, is checked for what
it holds. What it lacks is no defect of the disclosure it was taken from (the rest may be printed
elsewhere): the rules that would judge the whole (every table printed, every topic of the 情况说明
covered) cannot check it, and the report names the missing parts once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import STANDARD_TABLES, Disclosure, standard_table_title

if TYPE_CHECKING:
    from .context import Doc


def standard_tables_read(disclosure: Disclosure) -> list[str]:
    return [t for t in STANDARD_TABLES[disclosure.kind] if t in disclosure.tables]


def is_excerpt(disclosure: Disclosure) -> bool:
    """Part of a disclosure: its 情况说明 states no amount (a whole one states at least the year's total
    收支) and fewer than half of the standard tables were read (a file of the tables alone holds them all,
    a missing one is its defect)."""
    standard = STANDARD_TABLES[disclosure.kind]
    return not disclosure.narrative.claims and 2 * len(standard_tables_read(disclosure)) < len(standard)


def missing_parts(disclosure: Disclosure) -> list[str]:
    """The parts of a disclosure an excerpt lacks, as the report names them; empty for a whole document."""
    if not is_excerpt(disclosure):
        return []
    kind = disclosure.kind
    missing = [standard_table_title(t, kind) for t in STANDARD_TABLES[kind] if t not in disclosure.tables]
    has_text = any(s.text.strip() for s in disclosure.narrative.sections)
    return [f"「{title}」" for title in missing] + (["情况说明中的收支金额"] if has_text else ["情况说明"])


def holds_only_part(doc: Doc) -> bool:
    """True, and the rule is left "could not check", for a document holding only part of a disclosure:
    a rule on whether the whole is complete cannot judge it."""
    if not is_excerpt(doc.recognized):
        return False
    doc.doubt("文件只含部分公开内容，无法判断整份公开文件是否齐全")
    return True
