"""Code catalogs (支出功能分类, 部门/政府预算支出经济分类) as package data.

Hierarchy is declared by code length: 3 digits 类, 5 款, 7 项; the parent is the code's prefix.
Each entry keeps the catalog's confidence (seen / high / medium); entries learned from documents
are added with confidence `document`.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

CatalogName = Literal["functional", "economic", "gov_economic"]

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


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    name: str
    level: str
    parent: str | None
    confidence: str


class Catalog:
    def __init__(self, name: str, entries: list[Entry]):
        self.name = name
        self._by_code: dict[str, Entry] = {e.code: e for e in entries}
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

    def learn(self, code: str, name: str) -> Entry:
        """Add a code read from a document (confidence `document`); known codes are kept as they are."""
        if code in self._by_code:
            return self._by_code[code]
        entry = Entry(code, name, level_of(code) or "", parent_of(code), "document")
        self._by_code[code] = entry
        self._by_name.setdefault(normalize_name(name), []).append(entry)
        return entry


def _load(name: str) -> Catalog:
    text = resources.files("yusuan.classification").joinpath("data", _FILES[name]).read_text("utf-8")
    entries = [
        Entry(r["code"], r["name"], r["level"], r["parent"] or None, r["confidence"])
        for r in csv.DictReader(text.splitlines())
    ]
    return Catalog(name, entries)


@cache
def catalog(name: CatalogName) -> Catalog:
    """The shipped catalog (one shared instance per process)."""
    return _load(name)


def fresh_catalog(name: CatalogName) -> Catalog:
    """A private copy that a caller may extend with `learn` without touching the shared one."""
    return _load(name)
