"""Code catalogs (支出功能分类, 部门/政府预算支出经济分类) as package data.

Hierarchy is declared by code length: 3 digits 类, 5 款, 7 项; the parent is the code's prefix.
Each entry keeps the catalog's confidence (official-text / observed / observed-older / recalled /
uncertain, see data/SOURCES.md); entries learned from documents are added with confidence `document`.
Each also knows its legacy aliases: codes and names valid in earlier years.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

CatalogName = Literal["functional", "economic", "gov_economic"]

ALIASES_FILE = "functional_legacy_aliases.csv"
# Rows compiled from memory rather than seen printed: the catalog's word against a document's is weak.
WEAK_CONFIDENCE = frozenset({"recalled", "uncertain"})

_FILES: dict[str, str] = {
    "functional": "functional_expenditure_classification.csv",
    "economic": "dept_economic_classification.csv",
    "gov_economic": "gov_economic_classification.csv",
}

LEVELS = {3: "类", 5: "款", 7: "项"}


def level_of(code: str) -> str | None:
    return LEVELS.get(len(code)) if code.isdigit() else None


def parent_of(code: str) -> str | None:
    return {5: code[:3], 7: code[:5]}.get(len(code))


# \s is what str.isspace() calls a space
_SPACES_AND_QUOTES = re.compile(r"[\s\"'“”‘’]")


def normalize_name(name: str) -> str:
    """Names compare after NFKC, without spaces and quotes."""
    return _SPACES_AND_QUOTES.sub("", unicodedata.normalize("NFKC", name))


# PDF text layers drop or move the brackets of a name ('因公出国境费用()' for 因公出国（境）费用)
_BRACKETS = re.compile(r"[()（）\[\]【】]")


@lru_cache(maxsize=1 << 14)
def _bare(name: str) -> str:
    # a narrative's chains compare each name with the same few hundred catalog names again and again
    return _BRACKETS.sub("", normalize_name(name))


def same_name(printed: str, catalogued: str) -> bool:
    """The printed name is the catalog's, up to width, spaces, brackets and truncation.

    A narrow name column cuts a long name ('其他巩固脱贫攻坚成果衔接乡村振' for …振兴支出), so a
    printed name that begins the catalog's is the same name; the first two characters must agree.
    """
    printed, catalogued = _bare(printed), _bare(catalogued)
    return printed == catalogued or (len(printed) >= 2 and catalogued.startswith(printed))


@dataclass(frozen=True, slots=True)
class Alias:
    """A code or name of earlier years; `first`/`last` bound the years it was valid, where known."""

    code: str
    name: str
    first: int | None
    last: int | None

    def valid_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


_ONLY = re.compile(r"(\d{4})\s*[-–]\s*(\d{4}) only")
_UNTIL = re.compile(r"until (?:c\.)?(\d{4})(?:/(\d{2}))?")
_PRE = re.compile(r"pre-(\d{4})")
_NOW = re.compile(r"\(now [^)]*?(\d{4})\)")


def _years_of(note: str) -> tuple[int | None, int | None]:
    """The years an alias was valid, read from the note of the aliases file.

    A note without years ('older name; 2026 docs use both') leaves the alias valid in every year.
    """
    if m := _ONLY.search(note):
        return int(m.group(1)), int(m.group(2))
    if m := _UNTIL.search(note):
        return None, int(m.group(1)[:2] + m.group(2)) if m.group(2) else int(m.group(1))
    if m := _PRE.search(note):
        return None, int(m.group(1)) - 1
    if m := _NOW.search(note):
        return None, int(m.group(1)) - 1
    return None, None


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    name: str
    level: str
    parent: str | None
    confidence: str


class Catalog:
    def __init__(self, name: str, entries: list[Entry], aliases: list[Alias] | None = None):
        self.name = name
        self._by_code: dict[str, Entry] = {e.code: e for e in entries}
        self._aliases: dict[str, list[Alias]] = {}
        for alias in aliases or []:
            self._aliases.setdefault(alias.code, []).append(alias)
        self._by_name: dict[str, list[Entry]] = {}
        for entry in entries:
            self._by_name.setdefault(normalize_name(entry.name), []).append(entry)

    def __contains__(self, code: str) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Entry | None:
        return self._by_code.get(code)

    def name_of(self, code: str) -> str | None:
        entry = self._by_code.get(code)
        return entry.name if entry else None

    def entries(self) -> list[Entry]:
        return list(self._by_code.values())

    def children(self, code: str) -> list[Entry]:
        return [e for e in self._by_code.values() if e.parent == code]

    def find(self, name: str, parent: str | None = None, level: str | None = None) -> list[Entry]:
        """Entries whose name matches, optionally under `parent` or at `level`."""
        found = self._by_name.get(normalize_name(name), [])
        return [e for e in found if (parent is None or e.parent == parent) and (level is None or e.level == level)]

    def name_matches(self, code: str, name: str) -> bool | None:
        """True/False when the code is known; None when it is not in the catalog."""
        entry = self._by_code.get(code)
        if entry is None:
            return None
        return normalize_name(entry.name) == normalize_name(name)

    def aliases(self, code: str, year: int | None = None) -> list[Alias]:
        """The legacy aliases of a code valid in `year` (all of them without a year)."""
        return [a for a in self._aliases.get(code, []) if a.valid_in(year)]

    def legacy_codes(self, year: int | None = None) -> list[str]:
        """The codes that have a legacy alias valid in `year` (all of them without a year)."""
        return [code for code in self._aliases if self.aliases(code, year)]

    def knows(self, code: str, year: int | None = None) -> bool:
        """The code is in the catalog, or was a valid code in `year`."""
        return code in self._by_code or bool(self.aliases(code, year))

    def agrees(self, code: str, name: str, year: int | None = None) -> bool | None:
        """The printed name is this code's, in the catalog or as a legacy alias valid in `year`;
        None when the code is not known at all. Unlike `name_matches`, truncation and lost
        brackets are the same name: a reader's tolerance, not a recognizer's key."""
        entry = self._by_code.get(code)
        names = [entry.name] if entry else []
        names += [a.name for a in self.aliases(code, year)]
        if not names:
            return None
        return any(same_name(name, known) for known in names)

    def learn(self, code: str, name: str) -> Entry:
        """Add a code read from a document (confidence `document`); known codes are kept as they are."""
        if code in self._by_code:
            return self._by_code[code]
        entry = Entry(code, name, level_of(code) or "", parent_of(code), "document")
        self._by_code[code] = entry
        self._by_name.setdefault(normalize_name(name), []).append(entry)
        return entry


def _rows(file: str) -> list[dict[str, str]]:
    text = resources.files("yusuan.classification").joinpath("data", file).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _load(name: str) -> Catalog:
    entries = [
        Entry(r["code"], r["name"], r["level"], r["parent"] or None, r["confidence"]) for r in _rows(_FILES[name])
    ]
    # one file holds the aliases of all three catalogs; the first digit tells which (2, 3, 5)
    first_digit = {"functional": "2", "economic": "3", "gov_economic": "5"}[name]
    aliases = [
        Alias(r["code"], r["name"], *_years_of(r["note"])) for r in _rows(ALIASES_FILE) if r["code"][0] == first_digit
    ]
    return Catalog(name, entries, aliases)


@cache
def catalog(name: CatalogName) -> Catalog:
    """The shipped catalog (one shared instance per process)."""
    return _load(name)


def fresh_catalog(name: CatalogName) -> Catalog:
    """A private copy that a caller may extend with `learn` without touching the shared one."""
    return _load(name)
