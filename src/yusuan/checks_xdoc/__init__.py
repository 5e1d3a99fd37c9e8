"""Cross-document checks: a document against the archive's documents of other years and kinds.

    report = check_archived(archive, document_id)     # an archived document
    report = check_disclosure(archive, disclosure)    # a document in hand, before or without adding it

The rules (rules.py, pairs.py) are declared with `@cross_rule` and run by the checks' engine
(checks/engine/cross_document.py) into a Report; this package hands it the archive's lookup of the other
document. Each result names the other document it used (`counterpart`). When the archive does not
hold that document the rule "could not run" (and says which document it needs); it never guesses a figure.
"""

from __future__ import annotations

from functools import partial

import duckdb

from ..archive import Archive
from ..checks.engine.cross_document import cross_document_rules, run_cross_rules
from ..checks.engine.findings import Report
from ..model import Disclosure
from .facts import DocumentFacts, facts_of_archived, facts_of_disclosure, find_counterpart
# importing the rules registers them
from .pairs import final_budget_figures
from .rules import final_budget, prior_change, prior_figures


def _run(cur: duckdb.DuckDBPyConnection, facts: DocumentFacts) -> Report:
    return run_cross_rules(facts, partial(find_counterpart, cur))


def check_archived(archive: Archive, document_id: int) -> Report | None:
    """The cross-document report of an archived document; None when the archive has no such document."""
    with archive.cursor() as cur:
        facts = facts_of_archived(cur, document_id)
        return None if facts is None else _run(cur, facts)


def check_disclosure(archive: Archive, disclosure: Disclosure) -> Report:
    """The cross-document report of a document in hand, against the archive."""
    with archive.cursor() as cur:
        return _run(cur, facts_of_disclosure(disclosure))


__all__ = ["check_archived", "check_disclosure", "cross_document_rules", "final_budget", "final_budget_figures",
           "prior_change", "prior_figures"]
