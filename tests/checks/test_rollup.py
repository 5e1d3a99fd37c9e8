"""Hierarchy roll-ups."""

import pytest

from .builder import assert_fails, assert_passes
from .consistent import consistent

RULES = ["ROLLUP-FUNCTION", "ROLLUP-ECONOMIC", "ROLLUP-TOTAL", "ROLLUP-PROJECT-LIST", "ROLLUP-PERSONNEL-CLASSES"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_section_equals_its_items_in_every_column():
    [finding] = assert_fails(consistent().set("general_expenditure", "2011302", "project", "41"), "ROLLUP-FUNCTION",
                             table="general_expenditure")
    assert (finding.place.code, finding.place.column) == ("20113", "project")
    assert "其下各项项目支出之和 41 万元" in finding.message


def test_class_equals_its_sections_in_prior_year_column_too():
    assert_fails(consistent().set("general_expenditure", "20805", "prior_year", "18")
                 .set("general_expenditure", "2080505", "prior_year", "12"), "ROLLUP-FUNCTION", count=1,
                 says="其下各款上年预算数之和")


def test_economic_class_equals_its_sections():
    [finding] = assert_fails(consistent().set("basic_expenditure", "30201", "total", "6"), "ROLLUP-ECONOMIC",
                             table="basic_expenditure")
    assert finding.place.code == "302"


def test_total_equals_the_classes():
    assert_fails(consistent().set("general_expenditure", "221", "total", "9"), "ROLLUP-TOTAL",
                 table="general_expenditure", count=1, says="各类之和")
    assert_fails(consistent().set("summary", "221", "total", "9", side="expenditure"), "ROLLUP-TOTAL",
                 table="summary", count=1, says="各类支出之和")


def test_project_list_total_equals_the_projects():
    assert_fails(consistent().set("project_expenditure", "P002", "amount", "16"), "ROLLUP-PROJECT-LIST",
                 table="project_expenditure", count=1)


def test_personnel_and_public_follow_the_economic_classes():
    builder = consistent().set("basic_expenditure", "total", "personnel", "70").set(
        "basic_expenditure", "total", "public", "13")
    assert_fails(builder, "ROLLUP-PERSONNEL-CLASSES", severity="warning", count=2)
