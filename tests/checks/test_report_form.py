"""The plain form of a report: what the JSON report prints, exact both ways, and a report rebuilt from it."""

import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yusuan.checks import (Finding, Place, Report, Rule, RuleResult, RuleStatus, all_rules, render_json,
                           report_from_dict, report_to_dict, run_checks)
from yusuan.checks.report.form import amount_of, finding_from_dict, finding_to_dict

from .consistent import consistent

ROW_SUM = next(r for r in all_rules() if r.id == "ARITH-ROW-SUM")
RETIRED = Rule("RETIRED-1", "arithmetic", "warning", "已停用的规则", "", (), None, lambda doc: ())
RETIRED_NOT_RUN = Rule("RETIRED-2", "hygiene", "info", "另一条已停用的规则", "", (), None, lambda doc: ())


def _small() -> Report:
    row = Finding.mismatch(Place(table="general_expenditure", code="2011301", name="行政运行", column="total",
                                 line=12, page=3), Decimal("61"), Decimal("60.00"), "合计不等于各项之和", "error")
    row.rule = ROW_SUM.id
    word = Finding("部门名称不一致", Place(line=2), "warning", RETIRED.id, "经信委", "经济和信息化委员会")
    return Report("预算.txt", "某部门", 2024, "万元", [
        RuleResult(ROW_SUM, RuleStatus.failed, [row]),
        RuleResult(RETIRED, RuleStatus.failed, [word]),
        RuleResult(RETIRED_NOT_RUN, RuleStatus.could_not_run, reason="缺少表格"),
    ], tables_read=9)


SMALL = {
    "document": "预算.txt", "department": "某部门", "year": 2024, "unit": "万元",
    "counts": {"error": 1, "warning": 1, "info": 0, "could_not_check": 1},
    "tables_read": 9, "reading": None, "missing_parts": [],
    "rules": [
        {"id": "ARITH-ROW-SUM", "status": "failed", "family": ROW_SUM.family, "severity": ROW_SUM.severity,
         "title": ROW_SUM.title, "reason": None, "findings": 1},
        {"id": "RETIRED-1", "status": "failed", "family": "arithmetic", "severity": "warning",
         "title": "已停用的规则", "reason": None, "findings": 1},
        {"id": "RETIRED-2", "status": "could_not_run", "family": "hygiene", "severity": "info",
         "title": "另一条已停用的规则", "reason": "缺少表格", "findings": 0},
    ],
    "findings": [
        {"rule": "ARITH-ROW-SUM", "severity": "error", "message": "合计不等于各项之和", "table": "general_expenditure",
         "code": "2011301", "name": "行政运行", "column": "total", "line": 12, "page": 3,
         "where": "第 3 页「2011301 行政运行」", "provided": "61", "expected": "60.00", "difference": "1.00"},
        {"rule": "RETIRED-1", "severity": "warning", "message": "部门名称不一致", "table": None, "code": None,
         "name": None, "column": None, "line": 2, "page": None, "where": "第 2 行", "provided": "经信委",
         "expected": "经济和信息化委员会", "difference": None},
    ],
}


def test_the_json_report_is_the_plain_form_as_written_by_hand():
    report = _small()
    assert report_to_dict(report) == SMALL
    assert render_json(report) == json.dumps(SMALL, ensure_ascii=False, indent=2)


def test_a_report_comes_back_from_its_plain_form():
    back = report_from_dict(SMALL)
    assert report_to_dict(back) == SMALL
    row, word = back.findings
    assert (row.provided, row.expected, row.difference) == (Decimal("61"), Decimal("60.00"), Decimal("1.00"))
    assert str(row.expected) == "60.00"  # the exponent too: it prints as the checker printed it
    assert (word.provided, word.expected) == ("经信委", "经济和信息化委员会")
    assert back.results[0].rule is ROW_SUM


def test_a_retired_rule_comes_back_as_a_stand_in_with_its_id():
    back = report_from_dict(SMALL).results[1].rule
    assert (back.id, back.family, back.severity, back.title) == ("RETIRED-1", "arithmetic", "warning", "已停用的规则")
    # the archive keeps no title: the id stands for it
    archived = report_from_dict({"unit": "万元", "rules": [{"id": "RETIRED-1", "family": "arithmetic",
                                                          "severity": "warning", "status": "passed"}]})
    assert archived.results[0].rule.title == "RETIRED-1"


def test_amounts_are_decimals_again_and_words_stay_words():
    assert amount_of("1379.35") == Decimal("1379.35") and str(amount_of("0.50")) == "0.50"
    # written by `str` (the JSON report) or never in exponent form (the archive): a Decimal either way
    assert str(amount_of("1E+3")) == "1E+3" and amount_of("0.0000001") == Decimal("1E-7")
    assert amount_of("经信委") == "经信委" and amount_of("05") == "05" and amount_of("NaN") == "NaN"
    assert amount_of(None) is None


def test_a_finding_is_read_without_what_is_derived():
    form = {**finding_to_dict(_small().findings[0]), "where": "elsewhere", "ordinal": 7}
    assert finding_to_dict(finding_from_dict(form)) == finding_to_dict(_small().findings[0])


def test_the_reports_of_test_documents_come_back_from_their_plain_form(seed):
    without_claims = consistent()
    without_claims.claims = []  # the narrative's rules could not run
    reports = [run_checks(seed), run_checks(without_claims.build()),
               run_checks(consistent().set("general_expenditure", "2011301", "total", "2574.166644").build()),
               run_checks(consistent().without("state_capital_expenditure").build())]
    for report in reports:
        data = report_to_dict(report)
        assert report_to_dict(report_from_dict(data)) == data
        assert report_to_dict(report_from_dict(json.loads(render_json(report)))) == data


# -- any report ------------------------------------------------------------------------------------

texts = st.text(max_size=12)
maybe_texts = st.none() | texts
lines = st.none() | st.integers(0, 10**6)
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None) | st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent), st.integers(-10**9, 10**9), st.integers(-12, 12))


def _not_a_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return True
    return False


# words, and digits written as no amount is ("05", a code), which stay as they were written
words = texts.filter(_not_a_number) | st.sampled_from(["05", "+5", " 5", "1_000", "5.", "1e3", "NaN", "-Infinity"])
values = st.none() | decimals | words
places = st.builds(Place, table=maybe_texts, code=maybe_texts, name=maybe_texts, column=maybe_texts, line=lines,
                   page=lines)
severities = st.sampled_from(["error", "warning", "info"])


@st.composite
def results(draw, rule: Rule) -> RuleResult:
    findings = draw(st.lists(st.builds(Finding, message=texts, place=places, severity=st.none() | severities,
                                       rule=st.just(rule.id), provided=values, expected=values,
                                       difference=st.none() | decimals), max_size=3))
    return RuleResult(rule, draw(st.sampled_from(list(RuleStatus))), findings, draw(maybe_texts))


retired = st.builds(lambda n, family, severity, title: Rule(f"RETIRED-{n}", family, severity, title, "", (), None,
                                                           lambda doc: ()),
                    st.integers(0, 99), texts, severities, texts)


@st.composite
def reports(draw) -> Report:
    rules = draw(st.lists(st.sampled_from(all_rules()) | retired, max_size=6, unique_by=lambda r: r.id))
    return Report(draw(maybe_texts), draw(maybe_texts), draw(st.none() | st.integers(1949, 2100)), draw(texts),
                  [draw(results(rule)) for rule in rules], draw(st.none() | st.integers(0, 50)),
                  draw(st.lists(texts, max_size=3)))


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_comes_back_from_its_plain_form(report):
    data = report_to_dict(report)
    assert report_to_dict(report_from_dict(data)) == data
    assert report_to_dict(report_from_dict(json.loads(json.dumps(data)))) == data
