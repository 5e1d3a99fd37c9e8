"""The checker measured on real documents labelled by hand (eval/README.md).

    python bench/eval_real.py                      # every labelled document: tables per rule and family
    python bench/eval_real.py --unjudged           # also the findings no verdict covers, as YAML stubs
    python bench/eval_real.py --only cities/上海-0291d4c2.pdf --unjudged
    python bench/eval_real.py --false --missed     # what is judged false, what is missed
    python bench/eval_real.py --markdown           # the tables as Markdown, for BENCHMARKS.md

Labels with `set: NAME` (e.g. held-out: labelled with the code frozen) are also scored apart, per family.

Each document is read and checked in a worker process (2 by default) with the library's own entry
points; only errors and warnings count as findings (info explains a pass).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus"
PLACE_FIELDS = ("page", "line", "table", "code", "name", "column")


def check_document(path: str) -> dict:
    """Parse and check one document; what the evaluation needs of it, as plain data."""
    from yusuan.checks import report_to_dict, run_checks
    from yusuan.errors import YusuanError
    from yusuan.pipeline import parse_path

    try:
        disclosure = parse_path(path)
    except YusuanError as error:
        return {"refused": str(error), "tables": [], "findings": []}
    report = report_to_dict(run_checks(disclosure))
    return {
        "refused": None,
        "tables": sorted(recognized_tables(disclosure)),
        "findings": [f for f in report["findings"] if f["severity"] in ("error", "warning")],
        "could_not_run": sorted(r["id"] for r in report["rules"] if r["status"] == "could_not_run"),
    }


def recognized_tables(disclosure) -> set[str]:
    """The table ids read, with the performance tables and the project list the model keeps apart."""
    tables = set(disclosure.tables)
    if disclosure.performance_overall is not None:
        tables.add("performance_overall")
    if disclosure.performance_projects:
        tables.add("performance_project")
    if disclosure.projects:
        tables.add("project_expenditure")
    return tables


@dataclass
class Labels:
    document: str
    data: dict
    defects: list[dict] = field(default_factory=list)
    verdicts: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Labels:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        verdicts = data.get("verdicts") or []
        for verdict in verdicts:  # YAML reads a bare `false` as a boolean
            verdict["verdict"] = str(verdict.get("verdict")).lower()
        return cls(data["document"], data, data.get("defects") or [], verdicts)

    def verdict_for(self, finding: dict) -> dict | None:
        for verdict in self.verdicts:
            if verdict.get("rule") != finding["rule"]:
                continue
            if any(key in verdict and verdict[key] != finding.get(key) for key in PLACE_FIELDS):
                continue
            if verdict.get("match") and str(verdict["match"]) not in finding["message"]:
                continue
            return verdict
        return None


@dataclass
class Tally:
    findings: int = 0
    real: int = 0
    false: int = 0
    unjudged: int = 0
    defects: int = 0
    found: int = 0
    documents: set[str] = field(default_factory=set)

    @property
    def precision(self) -> float | None:
        judged = self.real + self.false
        return self.real / judged if judged else None

    @property
    def recall(self) -> float | None:
        return self.found / self.defects if self.defects else None


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def rule_families() -> dict[str, str]:
    from yusuan.checks import all_rules

    return {r.id: r.family for r in all_rules()}


def evaluate(labels: list[Labels], results: dict[str, dict], families: dict[str, str]):
    by_rule: dict[str, Tally] = defaultdict(Tally)
    by_family: dict[str, Tally] = defaultdict(Tally)
    per_document: list[tuple[str, int, int, int, int, int]] = []
    unjudged: dict[str, list[dict]] = defaultdict(list)
    false_alarms: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    missing_tables: dict[str, list[str]] = {}
    missed: dict[str, list[dict]] = defaultdict(list)
    for label in labels:
        result = results[label.document]
        found_defects: set[str] = set()
        real = false = 0
        for finding in result["findings"]:
            family = families.get(finding["rule"], "?")
            verdict = label.verdict_for(finding)
            for tally in (by_rule[finding["rule"]], by_family[family]):
                tally.findings += 1
                tally.documents.add(label.document)
                if verdict is None:
                    tally.unjudged += 1
                elif verdict["verdict"] == "real":
                    tally.real += 1
                else:
                    tally.false += 1
            if verdict is None:
                unjudged[label.document].append(finding)
            elif verdict["verdict"] == "real":
                real += 1
                if verdict.get("defect"):
                    found_defects.add(str(verdict["defect"]))
            else:
                false += 1
                false_alarms[label.document].append((finding, verdict))
        for defect in label.defects:
            rules = defect.get("rules") or []
            family = defect.get("family") or (families.get(rules[0], "?") if rules else "?")
            for tally in [by_family[family]] + [by_rule[r] for r in rules[:1]]:
                tally.defects += 1
                tally.documents.add(label.document)
                tally.found += str(defect["id"]) in found_defects
            if str(defect["id"]) not in found_defects:
                missed[label.document].append(defect)
        printed = {t["id"] for t in label.data.get("tables") or []}
        excused = {t["id"] for t in label.data.get("tables_exceptions") or []}
        lost = sorted(printed - set(result["tables"]) - excused)
        if lost or result["refused"]:
            missing_tables[label.document] = lost + ([f"refused: {result['refused']}"] if result["refused"] else [])
        per_document.append((label.document, len(result["findings"]), real, false,
                             len(result["findings"]) - real - false, len(label.defects)))
    return by_rule, by_family, per_document, unjudged, missing_tables, missed, false_alarms


def _table(title: str, rows: dict[str, Tally], markdown: bool) -> list[str]:
    header = ["", "documents", "findings", "real", "false", "unjudged", "precision", "defects", "found", "recall"]
    lines = [f"### {title}" if markdown else title]
    body = []
    for key in sorted(rows, key=lambda k: (-rows[k].findings - rows[k].defects, k)):
        t = rows[key]
        body.append([key, len(t.documents), t.findings, t.real, t.false, t.unjudged, _percent(t.precision),
                     t.defects, t.found, _percent(t.recall)])
    total = Tally()
    for t in rows.values():
        for name in ("findings", "real", "false", "unjudged", "defects", "found"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
        total.documents |= t.documents
    body.append(["all", len(total.documents), total.findings, total.real, total.false, total.unjudged,
                 _percent(total.precision), total.defects, total.found, _percent(total.recall)])
    if markdown:
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in body]
    else:
        lines += ["  ".join(f"{str(c):>9}" if i else f"{str(c):<28}" for i, c in enumerate(row))
                  for row in [header] + body]
    return lines + [""]


def _stub(finding: dict) -> str:
    message = finding["message"].replace('"', "'")
    # a line number is a place only in a text file, which has no pages
    keys = ("page", "table", "code") if finding.get("page") is not None else ("line", "table", "code")
    place = "".join(f"    {k}: {finding[k]!r}\n" for k in keys if finding.get(k) is not None)
    return (f"  - rule: {finding['rule']}\n{place}    match: \"{message[:40]}\"\n"
            f"    verdict:   # real | false\n    reason: \n    # {finding['severity']}: {message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", action="append", default=[], help="a document path below the corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--unjudged", action="store_true", help="list findings without a verdict")
    parser.add_argument("--missed", action="store_true", help="list the labelled defects no finding names")
    parser.add_argument("--false", action="store_true", help="list the findings judged false, with the reason")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)

    labels = [Labels.load(p) for p in sorted(args.gold.rglob("*.yaml"))]
    if args.only:
        labels = [label for label in labels if label.document in args.only]
    if not labels:
        print("没有找到标注文件（eval/gold/*.yaml）。", file=sys.stderr)
        return 2
    stale = [label.document for label in labels
             if label.data.get("sha256") and hashlib.sha256((args.corpus / label.document).read_bytes())
             .hexdigest() != label.data["sha256"]]
    if stale:
        print("标注与文件不符（sha256 不同）：" + "、".join(stale), file=sys.stderr)
        return 2
    paths = [str(args.corpus / label.document) for label in labels]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = dict(zip((label.document for label in labels), pool.map(check_document, paths)))

    by_rule, by_family, per_document, unjudged, missing, missed, false_alarms = evaluate(labels, results, rule_families())
    out = [f"{len(labels)} labelled documents"]
    out += _table("per family", by_family, args.markdown)
    out += _table("per rule", by_rule, args.markdown)
    # a set of labels written with the code frozen is scored apart as well: those documents did not steer the rules
    for name in sorted({str(label.data["set"]) for label in labels if label.data.get("set")}):
        subset = [label for label in labels if label.data.get("set") == name]
        by_family_of_set = evaluate(subset, results, rule_families())[1]
        out += _table(f"per family, set {name} ({len(subset)} documents)", by_family_of_set, args.markdown)
    counts = sorted(n for _, n, *_ in per_document)
    reals = sorted(d for *_, d in per_document)
    out.append(f"errors+warnings per document: median {counts[len(counts) // 2]}, "
               f"labelled defects per document: median {reals[len(reals) // 2]}")
    out.append("")
    out.append("document | findings | real | false | unjudged | labelled defects")
    out += [" | ".join(str(c) for c in row) for row in per_document]
    if missing:
        out.append("")
        out.append("printed standard tables not recognized:")
        out += [f"  {doc}: {', '.join(lost)}" for doc, lost in sorted(missing.items())]
    if args.missed:
        out.append("\nlabelled defects no real finding names:")
        for document, defects in sorted(missed.items()):
            out += [f"  {document} {d['id']} p.{d.get('page')} {d.get('family')} {d.get('rules')}: {d.get('what')}"
                    for d in defects]
    if args.false:
        out.append("\nfindings judged false:")
        for document, pairs in sorted(false_alarms.items()):
            out += [f"  {document} {f['rule']} p.{f.get('page')} {f.get('table')}: {f['message'][:90]}\n"
                    f"      because: {v.get('reason')}" for f, v in pairs]
    if args.unjudged:
        for document, findings in sorted(unjudged.items()):
            out.append(f"\n# {document}: {len(findings)} unjudged")
            out += [_stub(f) for f in findings]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
