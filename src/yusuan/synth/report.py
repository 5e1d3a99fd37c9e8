"""The evaluation as Markdown: the per-family table for BENCHMARKS.md, then what was missed and
what fired without cause, with an example file each."""

from __future__ import annotations

from ..checks import FAMILIES
from .evaluate import Scores


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.2f}%"


def family_table(scores: Scores) -> str:
    lines = ["| family | defects' must-rules | found | recall | alarms explained | false alarms | precision | "
             "clean documents with a false error |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for family, tally in scores.families.items():
        rate = tally.false_error_documents / scores.clean if scores.clean else None
        lines.append(f"| {family} ({FAMILIES[family]}) | {tally.expected} | {tally.found} | {_percent(tally.recall)} | "
                     f"{tally.true_alarms} | {tally.false_alarms} | {_percent(tally.precision)} | "
                     f"{tally.false_error_documents} ({_percent(rate)}) |")
    expected = sum(t.expected for t in scores.families.values())
    found = sum(t.found for t in scores.families.values())
    lines.append(f"| **all** | {expected} | {found} | {_percent(found / expected if expected else None)} | | | | "
                 f"{scores.clean_with_error} ({_percent(scores.clean_with_error / scores.clean if scores.clean else None)}) |")
    return "\n".join(lines)


def details(scores: Scores) -> str:
    lines = [f"documents: {scores.documents} (clean {scores.clean}, with a defect {scores.defective}); "
             f"unreadable: {scores.unreadable}; not read back exactly: {scores.inexact} (clean {scores.clean_inexact}); "
             f"clean with an error: {scores.clean_with_error}; clean with a warning: {scores.clean_with_warning}", ""]
    if scores.inexact_by:
        lines.append("not read back exactly (defect kind or clean): count, example and its first difference")
        for kind, n in scores.inexact_by.most_common():
            file, difference = scores.examples[("inexact", kind)]
            lines.append(f"- {kind}: {n} (e.g. {file}: {difference})")
    if scores.missed:
        lines.append("missed (defect kind, rule): count, example")
        for (kind, rule), n in scores.missed.most_common():
            lines.append(f"- {kind} / {rule}: {n} (e.g. {scores.examples[(kind, rule)]})")
    if scores.false_alarms:
        lines.append("false alarms (rule, severity, on): count, example")
        for key, n in scores.false_alarms.most_common():
            lines.append(f"- {key[0]} {key[1]} on {key[2]} documents: {n} (e.g. {scores.examples[key]})")
    return "\n".join(lines)
