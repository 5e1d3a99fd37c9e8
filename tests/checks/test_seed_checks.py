"""The checker on the real example: what it must find, what it must not, and the mutation test."""

import json
from pathlib import Path

from yusuan.checks import run_checks
from yusuan.checks.engine.mutation import mutation_detection


def _errors(report, rule):
    return [f for f in report.findings if f.rule == rule and f.severity == "error"]


def test_seed_tables_are_arithmetically_consistent(seed):
    report = run_checks(seed)
    families = {"arithmetic", "rollup", "cross-table"}
    errors = [f for f in report.findings if f.severity == "error" and _family(report, f.rule) in families]
    assert errors == []


def _family(report, rule_id):
    return next(r.rule.family for r in report.results if r.rule.id == rule_id)


def test_seed_real_problems_are_found(seed):
    report = run_checks(seed)
    # 灾后重建: the performance table states 500 万元, the project list 400.00 (source lines 815 and 374)
    fund = _errors(report, "PERF-FUND-MATCH")
    assert len(fund) == 1
    assert (fund[0].provided, fund[0].expected) == (500, 400)
    # two project periods lie outside 2024: 中国产业发展对接活动 (line 712) and 灾后重建 (line 816)
    periods = _errors(report, "PERF-PERIOD")
    assert sorted(f.place.line for f in periods) == [709, 813]
    # the document has no 国有资本经营预算支出表 at all, and says it has no such money ("国有资本经营预算收入
    # 0 万元"): 143号's 8 tables do not include it, most templates ask for it empty: a warning, not an error
    told = [f for f in report.findings if f.rule == "COMPLETE-TABLES" and f.severity == "warning"]
    assert any("国有资本经营预算支出表" in f.message and "没有国有资本经营预算拨款" in f.message for f in told)


def test_no_rule_crashes_or_is_skipped_on_the_seed(seed):
    report = run_checks(seed)
    assert [r.rule.id for r in report.results if r.status.value == "could_not_run"] == []


def test_every_amount_that_takes_part_in_an_identity_is_caught_when_changed(seed):
    result = mutation_detection(seed)
    print(result.summary())
    expected = json.loads((Path(__file__).resolve().parents[1] / "expected" / "seed.json").read_text("utf-8"))
    printed_amounts = sum(len(row["values"]) for rows in expected["tables"].values() for row in rows)
    assert len(result.cells) == printed_amounts  # every amount the tables print was mutated
    assert result.missed == []
    assert result.detection_rate == 100
