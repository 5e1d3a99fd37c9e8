"""Recall and false alarms of the checker on a synthetic collection, per rule family.

For each file: rebuild what it prints (build.py), read it back with the real readers and recognizer,
check it, and compare. A defect is *found* when each of its `must` rules fails with a finding (error
or warning) at one of its places. A rule that fails but is in neither `must` nor `may` of the
document's defects is a *false alarm* (on a clean document, every failing rule is one). Results are
given for all documents, and apart for those read back exactly (`exact`), so that a recognizer's
slip is not charged to the checker.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import FAMILIES, Report, all_rules, run_checks
from ..errors import YusuanError
from ..pipeline import parse_bytes
from .build import build
from .defects import TOLD
from .manifest import Entry
from .roundtrip import differences

FAMILY_OF = {rule.id: rule.family for rule in all_rules()}


@dataclass
class Result:
    """One file, evaluated (small, so that worker processes can send it back)."""

    file: str
    defects: list  # list[Injected]
    exact: bool
    read_error: str | None = None
    failed: dict[str, str] = field(default_factory=dict)  # rule -> worst severity among its problem findings
    places: dict[str, set] = field(default_factory=dict)  # rule -> tables its findings point at
    differences: list[str] = field(default_factory=list)


def _failed(report: Report) -> tuple[dict[str, str], dict[str, set]]:
    failed: dict[str, str] = {}
    places: dict[str, set] = defaultdict(set)
    for finding in report.findings:
        if finding.severity in ("error", "warning") or finding.rule in TOLD:
            for rule in (finding.rule, *finding.also):  # a rule whose finding repeated another's found it too
                if failed.get(rule) != "error":
                    failed[rule] = finding.severity
                places[rule].add(finding.place.table)
    return failed, dict(places)


def evaluate_entry(folder: Path, seed: int, entry: Entry) -> Result:
    written = build(seed, entry.index, entry.defects[0].kind if entry.defects else None).disclosure
    data = (folder / entry.file).read_bytes()
    try:
        read = parse_bytes(data, Path(entry.file).name)
    except YusuanError as error:
        return Result(entry.file, entry.defects, False, read_error=error.message)
    failed, places = _failed(run_checks(read))
    found = differences(written, read)
    return Result(entry.file, entry.defects, not found, None, failed, places, found[:5])


def _found(result: Result, rule: str, tables: tuple[str, ...]) -> bool:
    return rule in result.failed and (not tables or bool(result.places.get(rule, set()) & set(tables)))


@dataclass
class Tally:
    expected: int = 0  # must-rules expected to fire
    found: int = 0
    true_alarms: int = 0  # failing rules a defect explains
    false_alarms: int = 0  # failing rules nothing explains
    false_error_documents: int = 0  # clean documents with an error of this family

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        alarms = self.true_alarms + self.false_alarms
        return self.true_alarms / alarms if alarms else None


@dataclass
class Scores:
    documents: int = 0
    clean: int = 0
    defective: int = 0
    unreadable: int = 0
    inexact: int = 0
    clean_inexact: int = 0
    clean_with_error: int = 0
    clean_with_warning: int = 0
    families: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FAMILIES})
    missed: Counter = field(default_factory=Counter)  # (kind, rule) -> count
    false_alarms: Counter = field(default_factory=Counter)  # (rule, severity, clean|defective) -> count
    examples: dict = field(default_factory=dict)  # (kind, rule) or (rule, severity) -> a file
    inexact_by: Counter = field(default_factory=Counter)  # defect kind (or "clean") -> documents not read back exactly

    def add(self, result: Result) -> None:
        self.documents += 1
        self.unreadable += result.read_error is not None
        self.inexact += not result.exact
        self.clean_inexact += not result.exact and not result.defects
        if not result.exact:
            kind = result.defects[0].kind if result.defects else "clean"
            self.inexact_by[kind] += 1
            self.examples.setdefault(("inexact", kind), (result.file, (result.differences or [result.read_error])[0]))
        if result.defects:
            self.defective += 1
            self._add_defective(result)
        else:
            self.clean += 1
            self._add_clean(result)

    def _add_defective(self, result: Result) -> None:
        explained: set[str] = set()
        for defect in result.defects:
            explained |= set(defect.must) | set(defect.may)
            for rule in defect.must:
                tally = self.families[FAMILY_OF.get(rule, defect.family)]
                tally.expected += 1
                if _found(result, rule, defect.tables):
                    tally.found += 1
                else:
                    self.missed[(defect.kind, rule)] += 1
                    self.examples.setdefault((defect.kind, rule), result.file)
        self._alarms(result, explained, "defective")

    def _add_clean(self, result: Result) -> None:
        self.clean_with_error += "error" in result.failed.values()
        self.clean_with_warning += "warning" in result.failed.values()
        for family in {FAMILY_OF[r] for r, s in result.failed.items() if s == "error"}:
            self.families[family].false_error_documents += 1
        self._alarms(result, set(), "clean")

    def _alarms(self, result: Result, explained: set[str], where: str) -> None:
        for rule, severity in result.failed.items():
            tally = self.families[FAMILY_OF[rule]]
            if rule in explained:
                tally.true_alarms += 1
            else:
                tally.false_alarms += 1
                self.false_alarms[(rule, severity, where)] += 1
                self.examples.setdefault((rule, severity, where), result.file)
