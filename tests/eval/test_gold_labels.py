"""The hand labels of real documents (eval/gold) are well formed, and bench/eval_real.py scores them as
eval/README.md says."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from yusuan.checks import all_rules
from yusuan.model import TABLE_TITLES

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = sorted(GOLD.rglob("*.yaml"))
RULES = {r.id for r in all_rules()}
FAMILIES = {r.family for r in all_rules()}


@functools.cache
def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_real", ROOT / "bench" / "eval_real.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", LABELS, ids=lambda p: str(p.relative_to(GOLD)))
def test_label_file_is_well_formed(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["document"] + ".yaml" == str(path.relative_to(GOLD)), "a label lives at its document's path"
    assert data["kind"] in ("budget", "final")
    for table in (data.get("tables") or []) + (data.get("tables_exceptions") or []):
        assert table["id"] in TABLE_TITLES, table
    defect_ids = [str(d["id"]) for d in data.get("defects") or []]
    assert len(defect_ids) == len(set(defect_ids)), "defect ids repeat"
    for defect in data.get("defects") or []:
        assert defect.get("what"), defect
        assert defect.get("family") in FAMILIES or defect.get("family") is None, defect
        assert set(defect.get("rules") or []) <= RULES, defect
    for verdict in _eval_module().Labels.load(path).verdicts:
        assert verdict["rule"] in RULES, verdict
        assert verdict["verdict"] in ("real", "false"), verdict
        assert verdict.get("reason"), verdict
        if verdict.get("defect") is not None:
            assert str(verdict["defect"]) in defect_ids, verdict


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present beside the project")
@pytest.mark.parametrize("path", LABELS, ids=lambda p: str(p.relative_to(GOLD)))
def test_label_names_the_file_it_was_written_from(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    document = CORPUS / data["document"]
    assert hashlib.sha256(document.read_bytes()).hexdigest() == data["sha256"]


def test_scoring_counts_verdicts_defects_and_unjudged_findings():
    module = _eval_module()
    labels = module.Labels("a.pdf", {"tables": [{"id": "summary"}, {"id": "revenue"}]},
                           defects=[{"id": "D1", "family": "arithmetic", "rules": ["ARITH-ROW-SUM"]},
                                    {"id": "D2", "family": "narrative", "rules": ["NARR-AMOUNT"]}],
                           verdicts=[{"rule": "ARITH-ROW-SUM", "page": 3, "verdict": "real", "defect": "D1"},
                                     {"rule": "NARR-AMOUNT", "match": "三公", "verdict": "false"}])
    findings = [
        {"rule": "ARITH-ROW-SUM", "page": 3, "message": "行合计不等"},        # real, finds D1
        {"rule": "ARITH-ROW-SUM", "page": 4, "message": "行合计不等"},        # other page: unjudged
        {"rule": "NARR-AMOUNT", "page": 1, "message": "“三公”经费为 3 万元"},  # false
        {"rule": "NARR-AMOUNT", "page": 1, "message": "支出合计为 5 万元"},    # no match: unjudged
    ]
    results = {"a.pdf": {"refused": None, "tables": ["summary"], "findings": findings}}
    families = {"ARITH-ROW-SUM": "arithmetic", "NARR-AMOUNT": "narrative"}
    by_rule, by_family, per_document, unjudged, missing, missed, false_alarms = module.evaluate([labels], results, families)
    assert (by_family["arithmetic"].real, by_family["arithmetic"].unjudged, by_family["arithmetic"].found) == (1, 1, 1)
    assert (by_family["narrative"].false, by_family["narrative"].unjudged, by_family["narrative"].found) == (1, 1, 0)
    assert by_family["arithmetic"].precision == 1.0 and by_family["narrative"].precision == 0.0
    assert by_family["narrative"].recall == 0.0
    assert per_document == [("a.pdf", 4, 1, 1, 2, 2)]
    assert len(unjudged["a.pdf"]) == 2
    assert missing == {"a.pdf": ["revenue"]}
    assert [d["id"] for d in missed["a.pdf"]] == ["D2"]
