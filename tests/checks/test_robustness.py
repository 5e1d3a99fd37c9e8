"""No rule breaks on odd documents: missing tables and rows, empty cells, stray claims, no year."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yusuan.checks import run_checks

from .consistent import consistent

TABLES = ["summary", "revenue", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
          "three_public", "gov_fund_expenditure", "state_capital_expenditure", "procurement", "project_expenditure"]
SUBJECTS = ["revenue_total", "expenditure_total", "expenditure:201", "expenditure:999", "revenue:general_budget",
            "fiscal_expenditure", "basic", "project", "personnel", "public", "three_public_total", "reception",
            "vehicle", "operating_cost", "procurement_total", "procurement:sme", "performance:gov_fund", "unknown"]
amounts = st.one_of(st.none(), st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False))

edit = st.one_of(
    st.tuples(st.just("drop_table"), st.sampled_from(TABLES)),
    st.tuples(st.just("blank_cells"), st.sampled_from(TABLES), amounts),
    st.tuples(st.just("drop_rows"), st.sampled_from(TABLES)),
    st.tuples(st.just("claim"), st.sampled_from(SUBJECTS), st.decimals(min_value=0, max_value=10000, places=2),
              st.sampled_from([None, "增加", "减少", "持平"]), amounts, st.sampled_from([None, 2020, 2023, 2024])),
    st.tuples(st.just("no_year")),
    st.tuples(st.just("no_projects")),
    st.tuples(st.just("no_performance")),
)


def _apply(disclosure, change):
    kind = change[0]
    if kind == "drop_table":
        disclosure.tables.pop(change[1], None)
    elif kind == "blank_cells" and change[1] in disclosure.tables:
        for row in disclosure.tables[change[1]].rows:
            row.values = {c: change[2] for c in row.values}
    elif kind == "drop_rows" and change[1] in disclosure.tables:
        disclosure.tables[change[1]].rows = disclosure.tables[change[1]].rows[::2]
    elif kind == "claim":
        _, subject, value, direction, change_amount, year = change
        claim = disclosure.narrative.claims[0].model_copy(update={
            "subject": subject, "value": value, "direction": direction, "change": change_amount, "year": year,
            "change_percent": Decimal("12.5") if change_amount else None, "compared_year": year})
        disclosure.narrative.claims.append(claim)
    elif kind == "no_year":
        disclosure.year = None
    elif kind == "no_projects":
        disclosure.projects = []
    elif kind == "no_performance":
        disclosure.performance_projects, disclosure.performance_overall = [], None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, max_size=6))
def test_no_rule_breaks(changes):
    disclosure = consistent().build()
    for change in changes:
        _apply(disclosure, change)
    report = run_checks(disclosure)
    broken = [(r.rule.id, r.reason) for r in report.results if r.reason and r.reason.startswith("规则执行出错")]
    assert broken == []
