"""A 类/款/项 chain the narrative names ("教育支出(类)普通教育(款)职业教育(项)") whose names are not a line of
the classification: a 款 that is not one of its 类's, a 项 that is not one of its 款's.

Each level is looked for under the one before it, among the catalog's lines (and their names of
earlier years, where still valid in the document's year) and the lines the tables print. A level
that is neither is named wrongly. Doubtful readings name nothing: a chain that prints its codes (the
code decides), a 类 that cannot be placed, a name broken by the extraction (digits, a cut bracket).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ....classification.catalog import Catalog, catalog, same_name
from ....prose.functional import chains
from ...engine.context import Doc

_FUNCTIONAL_TABLES = ("general_expenditure", "expenditure", "summary", "fiscal_summary", "revenue")
_LENGTH = {"类": 3, "款": 5, "项": 7}
# a name that holds something no printed name does: the reader joined two pieces of text
_BROKEN = re.compile(r"[\d%]|^(?:其中|主要|包括|用于|下的|的|及|和|中|是|为)")


@dataclass(frozen=True, slots=True)
class Misnamed:
    level: str  # the level named wrongly: 款 or 项, or 类 where a 款 is marked as one
    name: str
    parent: str  # the code of the line above it (of the 类 a 款 marked as one is under)
    parent_name: str
    start: int
    end: int
    elsewhere: str | None  # the code of the line of that name elsewhere in the catalog, if one


def _printed_lines(doc: Doc) -> dict[str, str]:
    """code -> name of every functional line the tables print."""
    def compute() -> dict[str, str]:
        lines: dict[str, str] = {}
        for table in doc.tables(_FUNCTIONAL_TABLES):
            for row in table.rows:
                if row.code and row.code.isdigit() and row.code.startswith("2") and row.name:
                    lines.setdefault(row.code, "".join(row.name.split()))
        return lines
    return doc.cached("narrative_chains.printed_lines", compute)


def _names_of(functional: Catalog, code: str, year: int | None) -> list[str]:
    entry = functional.get(code)
    return ([entry.name] if entry else []) + [a.name for a in functional.aliases(code, year)]


def _child(doc: Doc, name: str, parent: str, level: str) -> str | None:
    """The code of the line `name` under `parent`, in the catalog (or a valid earlier name) or the tables."""
    functional = catalog("functional")
    candidates = {e.code for e in functional.children(parent)}
    candidates |= {c for c in functional.legacy_codes(doc.year) if len(c) == _LENGTH[level] and c.startswith(parent)}
    candidates |= {c for c in _printed_lines(doc) if len(c) == _LENGTH[level] and c.startswith(parent)}
    for code in sorted(candidates):
        names = _names_of(functional, code, doc.year)
        printed = _printed_lines(doc).get(code)
        if printed:
            names.append(printed)
        if any(_same(name, known) for known in names):
            return code
    return None


def _same(printed: str, known: str) -> bool:
    """The same name, up to the word 支出 some print after a name ("行政运行支出")."""
    return any(same_name(a, b) for a in (printed, printed.removesuffix("支出"))
               for b in (known, known.removesuffix("支出")))


def _class_code(doc: Doc, name: str) -> str | None:
    # a narrative names the same few 类 in chain after chain: each name is sought once
    known: dict[str, str | None] = doc.cached("narrative_chains.class_codes", dict)
    if name not in known:
        known[name] = _find_class_code(doc, name)
    return known[name]


def _find_class_code(doc: Doc, name: str) -> str | None:
    for code in ([c for c in _printed_lines(doc) if len(c) == 3]
                 + [e.code for e in catalog("functional").entries() if e.level == "类"]):
        names = _names_of(catalog("functional"), code, doc.year) + [_printed_lines(doc).get(code, "")]
        if any(known and _same(name, known) for known in names):
            return code
    return None


def _printed_section_code(doc: Doc, name: str) -> str | None:
    """The 款 of that name the tables print, where they print exactly one (else the chain's place is unsure)."""
    functional = catalog("functional")
    found = [code for code, printed in _printed_lines(doc).items() if len(code) == 5
             and any(_same(name, known) for known in [printed, *_names_of(functional, code, doc.year)])]
    return found[0] if len(found) == 1 else None


def _elsewhere(name: str, level: str) -> str | None:
    found = [e for e in catalog("functional").entries() if _same(name, e.name) and e.level != level]
    return found[0].code if len(found) == 1 else None


def _section_code(doc: Doc, name: str) -> str | None:
    """The one 款 of that name, in the catalog (or a valid earlier name) or the tables; None when there
    are none or several."""
    functional = catalog("functional")
    codes = {e.code for e in functional.entries() if e.level == "款"}
    codes |= {c for c in [*functional.legacy_codes(doc.year), *_printed_lines(doc)] if len(c) == 5}
    found = [code for code in codes if any(_same(name, known) for known in
                                           [*_names_of(functional, code, doc.year), _printed_lines(doc).get(code, "")]
                                           if known)]
    return found[0] if len(found) == 1 else None


def _section_marked_as_class(doc: Doc, match: re.Match[str]) -> Misnamed | None:
    """"住房改革支出(类)住房公积金(项)": a 款 marked as the 类, where no 类 has that name, the tables print
    one 款 of it and the 项 that follows is one of that 款's. Anything less certain names nothing."""
    section = _section_code(doc, match.group(1))
    if section is None or _child(doc, match.group(5), section, "项") is None:
        return None
    return Misnamed("类", match.group(1), section[:3], _printed_lines(doc).get(section[:3]) or
                    catalog("functional").name_of(section[:3]) or section[:3], match.start(1), match.end(1), section)


def misnamed_levels(doc: Doc, text: str) -> Iterator[Misnamed]:
    """The first level named wrongly of each chain in `text`. Only where the tables print lines of that
    level: they show the names of the document's year, which the catalog (of recent years, with few
    earlier names) may not know (a 2017 narrative-only file names 20805 行政事业单位离退休)."""
    depths = {len(code) for code in _printed_lines(doc)}
    for match in chains(text):
        if any(match.group(i) for i in (2, 4, 6)):
            continue  # a chain printing its codes: the code decides
        names = [match.group(i) for i in (1, 3, 5)]
        if any(n is not None and _BROKEN.search(n) for n in names):
            continue
        if names[0] is not None and names[1] is None and names[2] is not None and _class_code(doc, names[0]) is None:
            # the class and its item agree on a 款: positive evidence, whether or not the tables print lines
            wrong = _section_marked_as_class(doc, match)
            if wrong is not None:
                yield wrong
            continue
        if not depths:
            continue
        if names[0] is not None:
            code, levels = _class_code(doc, names[0]), ((3, "款"), (5, "项"))
        elif names[1] is not None and names[2] is not None:
            # "法院(款)一般行政事务管理(项)" under a heading "公共安全(类)": the 款 placed by the one line the
            # tables print of that name
            code, levels = _printed_section_code(doc, names[1]), ((5, "项"),)
        else:
            continue
        if code is None:
            continue
        for group, level in levels:
            name = match.group(group)
            if name is None:
                if level == "款":
                    break  # a 项 without its 款: no parent to look under
                continue
            child = _child(doc, name, code, level)
            if child is None and _LENGTH[level] not in depths:
                break  # the tables print no line of this level: nothing shows the year's names
            if child is None:
                parent_name = _printed_lines(doc).get(code) or catalog("functional").name_of(code) or code
                yield Misnamed(level, name, code, parent_name, match.start(group), match.end(group),
                               _elsewhere(name, level))
                break
            code = child
