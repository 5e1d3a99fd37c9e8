"""The engine's guard of a cross-document rule: what it says before the rule sees the other document, and after."""

from dataclasses import dataclass

from yusuan.checks import report_from_dict, report_to_dict
from yusuan.checks.engine.cross_document import Counterpart, NothingToCompare, run_cross_rules
from yusuan.checks.engine.findings import Finding, Place, RuleStatus
from yusuan.checks.engine.registry import Rule
from yusuan.model import Unit


@dataclass
class Facts:
    department: str | None = "某局"
    year: int | None = 2024
    kind: str = "budget"
    scope: str = "部门"
    source_name: str | None = "某局2024.txt"
    unit: Unit = Unit.wanyuan

    @property
    def name(self) -> str:
        return f"“{self.source_name}”"


PRIOR = Facts(year=2023, source_name="某局2023.txt")
FINAL = Facts(kind="final", source_name="某局2024决算.txt")
ARCHIVE = {(2023, "budget"): PRIOR, (2024, "final"): FINAL}
asked: list[tuple[int, str]] = []


def _find(facts, year, kind):
    asked.append((year, kind))
    return ARCHIVE.get((year, kind))


def _result(check, facts=Facts(), **counterpart):
    asked.clear()
    rule = Rule("TEST-PAIR", "narrative", "warning", "测试", "测试", (), None, check, Counterpart(**counterpart))
    return run_cross_rules(facts, _find, [rule]).results[0]


def _nothing(this, other):
    return []


def test_a_rule_reads_both_documents_and_names_the_other():
    seen = []
    result = _result(lambda this, other: seen.append((this.year, other.year)) or [], years_back=1)
    assert (result.status, result.counterpart, seen) == (RuleStatus.passed, "“某局2023.txt”", [(2024, 2023)])


def test_a_problem_fails_the_rule_and_takes_its_id_and_severity():
    result = _result(lambda this, other: [Finding.at(Place(), "不一致")], kind="other")
    assert asked == [(2024, "final")]
    assert result.status == RuleStatus.failed and result.counterpart == "“某局2024决算.txt”"
    assert [(f.rule, f.severity) for f in result.findings] == [("TEST-PAIR", "warning")]


def test_a_rule_for_another_kind_is_not_applicable_before_anything_else():
    result = _result(_nothing, Facts(year=None), kind="budget", kinds=("final",))
    assert (result.status, result.reason, asked) == (RuleStatus.not_applicable, "仅适用于决算", [])


def test_without_department_or_year_it_could_not_run():
    result = _result(_nothing, Facts(department=None, year=None), years_back=1)
    assert (result.status, result.reason, asked) == (RuleStatus.could_not_run, "未识别到：部门名称、年度", [])


def test_unless_says_why_it_does_not_apply_before_the_other_is_looked_up():
    result = _result(_nothing, years_back=1, unless=lambda facts: f"本文件没有列出 {facts.year - 1} 年的数")
    assert (result.status, result.reason, asked) == (RuleStatus.not_applicable, "本文件没有列出 2023 年的数", [])


def test_without_the_other_document_it_could_not_run_and_names_the_one_to_add():
    result = _result(_nothing, Facts(scope="单位"), years_back=2)
    assert result.status == RuleStatus.could_not_run and result.counterpart is None
    assert result.reason == "档案中没有某局（单位） 2022 年的部门预算，无法比较。请先用 yusuan db add 加入该文件。"


def test_a_rule_that_raises_could_not_run():
    def empty(this, other):
        raise NothingToCompare(f"档案中 {other.name}没有列出可比的数")

    def broken(this, other):
        raise ZeroDivisionError("boom")

    nothing = _result(empty, years_back=1)
    assert (nothing.status, nothing.reason) == (RuleStatus.could_not_run, "档案中 “某局2023.txt”没有列出可比的数")
    assert _result(broken, years_back=1).reason == "规则执行出错：ZeroDivisionError: boom"


def test_the_report_keeps_the_other_document_in_its_plain_form():
    rule = Rule("TEST-PAIR", "narrative", "warning", "测试", "测试", (), None, _nothing, Counterpart(years_back=1))
    report = run_cross_rules(Facts(), _find, [rule])
    data = report_to_dict(report)
    assert data["rules"][0]["counterpart"] == "“某局2023.txt”"
    assert report_to_dict(report_from_dict(data)) == data
    assert report_from_dict(data).results[0].counterpart == "“某局2023.txt”"
