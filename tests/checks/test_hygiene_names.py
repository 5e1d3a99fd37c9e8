"""The department's name as the prose and the notes write it."""

import pytest

from .builder import assert_fails, assert_passes, doc
from .consistent import consistent


def _with(department: str, text: str, note: str | None = None):
    builder = doc(department=department).section("情况说明", text)
    if note is not None:
        builder = builder.table("state_capital_expenditure", [("合计", "", None)], note=note)
    return builder


def test_a_character_of_the_name_changed():
    # 上海 普陀 决算 p.26: "上海市普陀区规划与自然资源局2024年度无政府性基金…" (three times)
    text = ("上海市普陀区规划和自然资源局2024年度收入支出总计9859.38万元。"
            "上海市普陀区规划与自然资源局2024年度无政府性基金预算财政拨款收入。"
            "上海市普陀区规划与自然资源局2024年度无国有资本经营预算财政拨款收入。")
    [finding] = assert_fails(_with("上海市普陀区规划和自然资源局", text), "HYGIENE-DEPARTMENT-WRITTEN")
    assert finding.provided == "上海市普陀区规划与自然资源局" and "2 处" in finding.message


def test_the_last_character_lost_in_a_tables_note():
    # 湖州 p.37: "注：湖州市交通运输没有国有资本经营预算拨款安排的支出，故本表无数据。"
    builder = consistent()
    builder.department = "湖州市交通运输局"
    builder = builder.configure("state_capital_expenditure",
                                note="注：湖州市交通运输没有国有资本经营预算拨款安排的支出，故本表无数据。")
    [finding] = assert_fails(builder, "HYGIENE-DEPARTMENT-WRITTEN", table="state_capital_expenditure")
    assert finding.provided == "湖州市交通运输"


@pytest.mark.parametrize("text", [
    "湖州市交通运输局2026年部门预算包括本级及所属单位。",  # the name itself
    "湖州市交通运输局本级、湖州市交通运输综合行政执法队。",  # a unit whose name goes on
    "湖州市交通运输分局负责…",  # a branch: another body
    "杭州市交通运输局来湖州市交通运输局交流。",  # another region's bureau
    "湖州市交通运输局(湖州市港航管理中心)",
])
def test_what_is_no_slip(text):
    assert_passes(_with("湖州市交通运输局", text), "HYGIENE-DEPARTMENT-WRITTEN")


def test_another_district_is_another_body():
    text = "上海市普陀区规划和自然资源局与上海市静安区规划和自然资源局、上海市普陀区规划和自然资源局执法大队。"
    assert_passes(_with("上海市普陀区规划和自然资源局", text), "HYGIENE-DEPARTMENT-WRITTEN")


@pytest.mark.parametrize(("department", "text"), [
    ("重庆市潼南区民政局", "按照重庆市潼南区财政局要求，2024 年项目支出均实行了绩效目标管理。"),
    ("重庆市潼南区水务局", "重庆市潼南区水务局与重庆市潼南区商务局、重庆市潼南区税务局建立协作机制。"),
    ("重庆市潼南区水务局", "2019年机构改革中，原重庆市潼南区水利局更名为重庆市潼南区水务局。"),
    ("重庆市潼南区水务局", "统筹重庆市潼南区水务的发展和改革。"),  # the field, not the bureau with 局 lost
])  # fmt: skip
def test_other_bodies_of_the_same_region_are_no_slips(department, text):
    assert_passes(_with(department, text), "HYGIENE-DEPARTMENT-WRITTEN")


def test_a_department_read_as_no_organizations_name_is_not_compared():
    # 福州: the department read from a project table ("办公楼物业费"): nothing to compare with
    assert_passes(_with("办公楼物业费", "办公楼物管费 10 万元。"), "HYGIENE-DEPARTMENT-WRITTEN")


def test_a_department_documents_tables_titled_as_a_units():
    # 重庆 p.8: "2026年部门预算情况说明" with 表一至表三 titled "2026年单位收支/收入/支出总体情况表"
    builder = consistent().section("说明", "2026年部门预算情况说明")
    builder = builder.configure("summary", title="2026年单位收支总体情况表")
    builder = builder.configure("revenue", title="2026年单位收入总体情况表")
    [finding] = assert_fails(builder, "HYGIENE-SCOPE-TITLE")
    assert "收支总表" in finding.message and "收入总表" in finding.message


def test_unit_titles_in_a_document_that_calls_itself_a_units_too():
    # 上海 单位 budgets mix "预算单位…" and "单位“三公”…" titles; a document saying 单位预算 is not judged
    builder = consistent().section("说明", "2026年部门预算情况说明。本单位预算包括…")
    builder = builder.configure("summary", title="2026年单位收支总体情况表")
    assert_passes(builder, "HYGIENE-SCOPE-TITLE")
    builder = consistent().section("说明", "2026年部门预算情况说明").configure("summary", title="单位名称:某局 收支总表")
    assert_passes(builder, "HYGIENE-SCOPE-TITLE")
