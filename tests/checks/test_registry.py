"""The registry: every rule documented, described, and tested both ways."""

import ast
import re
import subprocess
import sys
from pathlib import Path

from yusuan.checks import FAMILIES, all_rules
from yusuan.checks.report.rules_doc import render_rules_markdown

ROOT = Path(__file__).resolve().parents[2]
TESTS = Path(__file__).resolve().parent


def test_docs_rules_md_is_up_to_date():
    assert (ROOT / "docs" / "rules.md").read_text("utf-8") == render_rules_markdown(), \
        "docs/rules.md is stale: run python scripts/gen_rules_doc.py"


def test_the_generator_script_checks_the_file():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_rule_has_metadata():
    rules = all_rules()
    assert len({r.id for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"[A-Z]+(-[A-Z0-9]+)+", rule.id)
        assert rule.family in FAMILIES and rule.severity in ("error", "warning", "info")
        assert rule.title and rule.basis
        assert re.search(r"[\u4e00-\u9fff]", rule.title)


def test_every_family_of_the_issue_has_rules():
    assert {r.family for r in all_rules()} == set(FAMILIES)


def _rule_ids_in_calls(tree: ast.AST, functions: set[str]) -> set[str]:
    return {
        node.args[1].value for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions
        and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
    }


def _rules_lists(tree: ast.AST) -> set[str]:
    """The per-family RULES lists, each run through assert_passes on the consistent document."""
    return {
        element.value for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "RULES" for t in node.targets)
        for element in node.value.elts
    }


def test_every_rule_has_a_passing_and_a_failing_test():
    trees = [ast.parse(p.read_text("utf-8")) for p in TESTS.glob("test_*.py")]
    failing = set().union(*(_rule_ids_in_calls(t, {"assert_fails", "assert_reports"}) for t in trees))
    passing = set().union(*(_rules_lists(t) | _rule_ids_in_calls(t, {"assert_passes"}) for t in trees))
    ids = {r.id for r in all_rules()}
    assert ids - failing == set(), "rules without a failing test"
    assert ids - passing == set(), "rules without a passing test"
