"""Who and what a disclosure is, read from its title, table titles and 单位构成 paragraph."""

from pathlib import Path

import pytest

from yusuan.model import Unit
from yusuan.readers import read_path
from yusuan.readers.text import read_text
from yusuan.recognize.profile import read_profile

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tongnan-jxw-2024-budget.txt"
TONGNAN = "重庆市潼南区经济和信息化委员会"


def profile_of(text: str):
    return read_profile(read_text(text.encode(), "x.txt").lines)


@pytest.fixture(scope="module")
def example():
    return read_profile(read_path(EXAMPLE).lines)


def test_example_identity(example):
    assert (example.department, example.year, example.kind, example.scope, example.unit) == (
        TONGNAN, 2024, "budget", "部门", Unit.wanyuan,
    )  # fmt: skip
    assert example.sources["department"].line == 1
    assert example.sources["unit"].line == 130  # the first 单位:万元


def test_example_member_units(example):
    assert example.member_units == [
        "重庆市潼南区经济和信息化委员会本级",
        "重庆市潼南区工业和信息化行政执法支队",
        "重庆市潼南区中小企业融资服务中心",
        "重庆市潼南区节约能源服务中心",
        "重庆市潼南区工业发展服务中心",
    ]
    assert example.sources["member_units"].line == 26


def test_document_title_wins_over_a_table_title_with_a_typo():
    profile = profile_of(f"{TONGNAN} 2024 年部门预算情况说明\n重庆市潼南经济和信息化委员会部门收支总表\n")
    assert profile.department == TONGNAN


def test_without_a_narrative_the_table_titles_vote():
    text = "\n".join([
        "重庆市潼南经济和信息化委员会部门收支总表",
        f"{TONGNAN}财政拨款收支总表",
        f"{TONGNAN}部门收入总表",
        f"{TONGNAN}一般公共预算财政拨款支出预算表",
    ])  # fmt: skip
    profile = profile_of(text)
    assert profile.department == TONGNAN
    assert profile.sources["department"].line == 2


def test_table_title_with_a_year():
    profile = profile_of("重庆市XX局2024年部门预算收支总表\n单位:万元\n")
    assert (profile.department, profile.year, profile.kind) == ("重庆市XX局", 2024, "budget")


def test_final_accounts_title():
    profile = profile_of("重庆市XX局2023年度部门决算情况说明\n")
    assert (profile.department, profile.year, profile.kind, profile.scope) == ("重庆市XX局", 2023, "final", "部门")


def test_final_accounts_from_table_titles():
    profile = profile_of("XX局收入支出决算总表\nXX局财政拨款收入支出决算总表\n")
    assert (profile.department, profile.kind) == ("XX局", "final")


def test_unit_budget_scope():
    profile = profile_of("上海市普陀区商务委员会2025年单位预算\n")
    assert (profile.department, profile.year, profile.scope) == ("上海市普陀区商务委员会", 2025, "单位")


def test_year_first_title():
    profile = profile_of("2024年重庆市XX局部门预算公开说明\n")
    assert (profile.department, profile.year) == ("重庆市XX局", 2024)


def test_title_with_guanyu():
    assert profile_of("重庆市XX局关于2024年部门预算的说明\n").department == "重庆市XX局"


def test_title_wrapped_over_two_lines():
    profile = profile_of("重庆市XX局\n2024年部门预算情况说明\n一、单位基本情况\n")
    assert (profile.department, profile.year) == ("重庆市XX局", 2024)


def test_a_heading_or_a_sentence_is_not_the_title():
    profile = profile_of("三、2024年部门预算情况说明\n2024年一般公共预算财政拨款收入3,805.35万元。\n")
    assert profile.department is None


def test_unit_yuan_when_the_tables_say_so():
    profile = profile_of("XX局2025年部门预算\n单位:元\n金额单位:元\n单位:万元\n")
    assert profile.unit == Unit.yuan


def test_unit_defaults_to_wanyuan():
    assert profile_of("XX局2025年部门预算\n").unit == Unit.wanyuan


def test_member_units_listed_after_a_colon():
    text = (
        "(二)部门构成\n"
        "纳入本部门2024年部门预算编制范围的单位包括:重庆市XX局本级、重庆市XX事务中心、重庆市XX执法大队。\n"
        "二、部门收支总体情况\n"
    )
    assert profile_of(text).member_units == ["重庆市XX局本级", "重庆市XX事务中心", "重庆市XX执法大队"]


def test_member_units_without_a_heading():
    text = "XX局2024年部门预算情况说明\n本部门由XX局本级和所属XX中心组成。\n"
    assert profile_of(text).member_units == ["XX局本级", "XX中心"]


def test_and_inside_a_unit_name_does_not_split_it():
    text = "(二)单位构成\n本单位由重庆市XX经济和信息化委员会本级、重庆市XX工业和信息化行政执法支队构成。\n"
    assert profile_of(text).member_units == ["重庆市XX经济和信息化委员会本级", "重庆市XX工业和信息化行政执法支队"]


def test_member_units_after_a_contents_page_listing_the_heading():
    text = (
        "目录\n一、部门主要职责\n二、部门决算单位构成\n"
        "一、部门主要职责\n负责审计。\n二、部门决算单位构成\n"
        "本部门内设办公室、审计科等2个科室。纳入本部门决算编制范围的单位包括:XX县审计局本级、XX县审计中心。\n"
    )
    profile = profile_of(text)
    assert profile.member_units == ["XX县审计局本级", "XX县审计中心"]
    assert profile.sources["member_units"].line == 7


def test_numbered_table_title():
    assert profile_of("表1 XX局2024年部门收支总表\n单位:万元\n").department == "XX局"


def test_a_cover_label_names_the_department_a_title_names_only_by_place():
    profile = profile_of("上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区商务委员会\n")
    assert (profile.department, profile.year, profile.scope) == ("上海市普陀区商务委员会", 2025, "部门")
    assert profile.sources["department"].line == 2


def test_a_unit_budget_cover_label():
    profile = profile_of("上海市普陀区2025年区级单位预算\n预算单位：上海市普陀区商务委员会\n")
    assert (profile.department, profile.scope) == ("上海市普陀区商务委员会", "单位")


@pytest.mark.parametrize("line", [
    "部门：中国共产党江苏省委员会办公厅\t单位：万元",  # two cells
    "部 门:中国共产党江苏省委员会办公厅 单位:万元",  # one cell, as a PDF may print it
    "部门:中国共产党江苏省委员会办公厅单位:万元",
])
def test_tables_without_a_title_name_their_department_by_a_label(line):
    profile = profile_of(f"收支预算总表\n{line}\n收入\t支出\n")
    assert profile.department == "中国共产党江苏省委员会办公厅"


def test_a_label_does_not_replace_a_title_naming_another_body():
    # a unit's budget may print the department in charge of it
    assert profile_of("重庆市XX中心2025年单位预算\n预算主管部门：重庆市XX局\n").department == "重庆市XX中心"


def test_a_label_naming_the_departments_own_office_does_not_replace_the_title():
    assert profile_of("重庆市XX局2025年部门预算\n单位名称：重庆市XX局本级\n").department == "重庆市XX局"


def test_the_department_in_charge_of_a_project_is_not_read_as_a_label():
    assert profile_of("收支预算总表\n主管部门:区经济信息委\n").department is None


@pytest.mark.parametrize("text", [
    "附件:江苏省政协办公厅2019年度部门预算\n",
    "附件1：江苏省政协办公厅2019年度部门预算\n",
    "附件:江苏省政协办公厅2019年度部门预算公开表\n",  # a table title, as Jiangsu prints it
])
def test_an_attachment_mark_is_not_part_of_the_name(text):
    assert profile_of(text).department == "江苏省政协办公厅"


def test_a_long_line_naming_many_years_is_read_in_linear_time():
    # #24: one 230,000-character line of an HTML page's markup, "2023年" in it again and again: the title
    # pattern tried its lazy parts from every year (48 s); a title is a short line
    from timing import MAX_GROWTH, growth

    def read(size: int) -> None:
        profile_of("<td>2023年1月1日</td>" * size + "\n某局2024年部门预算\n")

    assert profile_of("<td>2023年1月1日</td>" * 50 + "\n某局2024年部门预算\n").department == "某局"
    assert growth(read, 400) < MAX_GROWTH
