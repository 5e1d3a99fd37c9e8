"""Pairing each project of the project list with its performance-target table.

The two lists name a project differently ("招商引资(常年性项目)" / "招商引资专项经费", "提前下达市
中小微发展专项资金预算指标" / "提前下达2024年市中小微发展专项"), so names are compared after removing
what the two habits add (codes, years, 专项/经费/资金, the 常年性/一次性 tag, punctuation), and
paired greedily by similarity. A table the recognizer already linked (`project_code`) is taken as is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ...model import PerformanceTable, Project

_CODE_PREFIX = re.compile(r"^[0-9A-Z]{10,}\s*[-－—]\s*")
_NATURE_TAG = re.compile(r"[(（]\s*(?:常年性|一次性|延续性|新增|经常性)?\s*项目\s*[)）]")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
_FILLER = re.compile("专项资金|专项经费|预算指标|资金|经费|专项|项目")
_PUNCTUATION = re.compile(r"[\s\"'“”‘’()（）\[\]【】<>《》、,，.。:：;；\-—－_/]")

THRESHOLD = 0.6
_CONTAINED = 0.9  # one name is the other with words added


def project_key(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    for pattern in (_CODE_PREFIX, _NATURE_TAG, _YEAR, _FILLER, _PUNCTUATION):
        text = pattern.sub("", text)
    return text


def _bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1)] or [text]


def similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 4 and shorter in longer:
        return _CONTAINED
    x, y = Counter(_bigrams(a)), Counter(_bigrams(b))
    common = sum((x & y).values())
    return 2 * common / (x.total() + y.total())


def _table_key(table: PerformanceTable) -> tuple[str, str]:
    """(name key, key of what the table says it does), for tables whose name could not be read."""
    return project_key(table.name), project_key(f"{table.target or ''}{table.overview or ''}")


def _score(key: str, table_key: tuple[str, str]) -> float:
    name, said = table_key
    if name:
        return similarity(key, name)
    # an unnamed table: the project's name may still be in what the table says it does
    return _CONTAINED if len(key) >= 4 and key in said else 0.0


@dataclass(frozen=True, slots=True)
class Pair:
    project: Project | None
    table: PerformanceTable | None


def match_projects(projects: list[Project], tables: list[PerformanceTable]) -> list[Pair]:
    """Every project and every table, paired where they belong together (else alone)."""
    by_code = {p.code: p for p in projects if p.code}
    pairs = [Pair(by_code[t.project_code], t) for t in tables if t.project_code in by_code]
    free_projects = [p for p in projects if all(p is not pair.project for pair in pairs)]
    free_tables = [t for t in tables if all(t is not pair.table for pair in pairs)]
    project_keys = [project_key(p.name) for p in free_projects]
    table_keys = [_table_key(t) for t in free_tables]
    scored = sorted(((_score(pk, tk), i, j) for i, pk in enumerate(project_keys) for j, tk in enumerate(table_keys)),
                    key=lambda s: (-s[0], s[1], s[2]))
    used_projects: set[int] = set()
    used_tables: set[int] = set()
    for score, i, j in scored:
        if score >= THRESHOLD and i not in used_projects and j not in used_tables:
            used_projects.add(i)
            used_tables.add(j)
            pairs.append(Pair(free_projects[i], free_tables[j]))
    left_projects = [p for i, p in enumerate(free_projects) if i not in used_projects]
    left_tables = [t for j, t in enumerate(free_tables) if j not in used_tables]
    pairs += _pair_unnamed(left_projects, left_tables)
    paired = [x for pair in pairs for x in (pair.project, pair.table)]
    pairs += [Pair(p, None) for p in left_projects if all(p is not x for x in paired)]
    pairs += [Pair(None, t) for t in left_tables if all(t is not x for x in paired)]
    return pairs


def _pair_unnamed(projects: list[Project], tables: list[PerformanceTable]) -> list[Pair]:
    """A table whose name could not be read goes with the one left-over project of the same amount,
    or with the only project left when it is the only unnamed table left."""
    unnamed = [t for t in tables if not project_key(t.name)]
    pairs = []
    for table in unnamed:
        taken = [pair.project for pair in pairs]
        free = [p for p in projects if all(p is not q for q in taken)]
        same_amount = [p for p in free if table.fund is not None and p.amount == table.fund]
        if len(same_amount) == 1:
            pairs.append(Pair(same_amount[0], table))
        elif len(free) == 1 and len(unnamed) == 1:
            pairs.append(Pair(free[0], table))
    return pairs
