"""After the rules ran: one cause, one finding, and places a reader can find.

Two rules may reach the same claim (a 收入总计 left blank fails the summary's balance and its
agreement with the revenue table; a narrative amount differs from the table and from itself), and
one rule may reach it twice (a header line repeated on every page, read as a row each time). The
reader is told once, at the first place, with the other places and rules named.

A PDF's findings name pages: a line number of the extracted text is nowhere in the document, so a
finding gets the page of its line, and "第 N 行" in a message becomes the page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from pydantic import BaseModel

from ...model import Disclosure, Source
from .findings import SEVERITY_RANK, Finding, Report, RuleStatus


def tidy(report: Report, disclosure: Disclosure) -> Report:
    pages = _PageIndex(line_pages(disclosure)) if report.findings else None
    if pages:
        for finding in report.findings:
            _onto_pages(finding, pages)
    merge_repeats(report)
    return report


# -- pages -----------------------------------------------------------------------------------------

def _sources(value: object) -> Iterator[Source]:
    if isinstance(value, Source):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _sources(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _sources(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _sources(item)


def line_pages(disclosure: Disclosure) -> dict[int, int]:
    """The page of every input line the model knows a page for (empty for an input without pages)."""
    return {s.line: s.page for s in _sources(disclosure) if s.line is not None and s.page is not None}


_LINE = re.compile(r"第\s*(\d+)\s*行")


class _PageIndex:
    """The page of a line: its own, else that of the nearest known line before it (a line between two rows)."""

    def __init__(self, pages: dict[int, int]) -> None:
        self.pages = pages
        self.lines = sorted(pages)

    def __bool__(self) -> bool:
        return bool(self.pages)

    def page_of(self, line: int) -> int | None:
        if line in self.pages:
            return self.pages[line]
        before = bisect.bisect_left(self.lines, line)
        return self.pages[self.lines[before - 1]] if before else None


def _onto_pages(finding: Finding, pages: _PageIndex) -> None:
    place = finding.place
    if place.page is None and place.line is not None:
        finding.place = replace(place, page=pages.page_of(place.line))

    def as_page(match: re.Match[str]) -> str:
        page = pages.page_of(int(match.group(1)))
        return f"第 {page} 页" if page else "前文"

    finding.message = _LINE.sub(as_page, finding.message)


# -- repeats ---------------------------------------------------------------------------------------

def _keys(finding: Finding) -> list[tuple]:
    """What makes two findings one: the same words, or the same cell with the same figures."""
    keys: list[tuple] = [("message", finding.message)]
    if finding.provided is not None or finding.expected is not None:
        place = finding.place
        keys.append(("claim", place.table, place.code, place.name, place.column, place.page, place.line,
                     str(finding.provided), str(finding.expected)))
    return keys


def merge_repeats(report: Report) -> None:
    """Drop every finding that repeats an earlier one (rules in registry order), naming on the kept
    finding the other pages and rules, and keeping the higher severity."""
    kept: dict[tuple, Finding] = {}
    others: dict[int, tuple[list[str], list[int]]] = {}  # kept finding -> (other rules, other pages)
    for result in report.results:
        remaining = []
        for finding in result.findings:
            first = next((kept[k] for k in _keys(finding) if k in kept), None)
            # one rule comparing one cell with two things says two things (收入总计 against 支出总计 and
            # against 本年收入 + 上年结转); only the same words, or another rule, repeat it
            if first is None or (first.rule == finding.rule and first.message != finding.message):
                kept.update(dict.fromkeys(_keys(finding), finding))
                remaining.append(finding)
            else:
                _absorb(first, finding, others.setdefault(id(first), ([], [])))
        if result.findings and not remaining:
            result.reason = "同一问题已由其他规则报告"
        result.findings = remaining
    for result in report.results:
        for finding in result.findings:
            if id(finding) in others:
                finding.message += _naming(*others[id(finding)])
                finding.also = list(others[id(finding)][0])
            if finding.is_problem and result.status == RuleStatus.passed:
                result.status = RuleStatus.failed


def _absorb(first: Finding, repeat: Finding, others: tuple[list[str], list[int]]) -> None:
    rules, pages = others
    if repeat.rule != first.rule and repeat.rule not in rules:
        rules.append(repeat.rule)
    page = repeat.place.page
    if page and page != first.place.page and page not in pages:
        pages.append(page)
    if SEVERITY_RANK[repeat.severity or "error"] > SEVERITY_RANK[first.severity or "error"]:
        first.severity = repeat.severity


def _naming(rules: list[str], pages: list[int]) -> str:
    notes = []
    if pages:
        notes.append("另见第 " + "、".join(map(str, pages)) + " 页")
    if rules:
        notes.append("亦由 " + "、".join(rules) + " 检出")
    return "（" + "；".join(notes) + "）" if notes else ""
