"""Comparisons: one department over the years, a region's departments in one year; tables and charts."""

import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from rich.console import Console

from yusuan import archiving
from yusuan.compare import (ChartSeries, department_over_years, print_comparison, region_in_year, stacked_bars,
                            write_charts)
from yusuan.errors import YusuanError

from .builders import TONGNAN_JXW, budget, tongnan_2023

EDUCATION = "重庆市潼南区教育委员会"


@pytest.fixture
def filled(archive, seed_path):
    archiving.add_file(archive, seed_path)
    archiving.add(archive, tongnan_2023())
    education = budget(EDUCATION, 2024, basic="5000.00", project="2000.00",
                       classes={"205": ("6000.00", "4500.00", "1500.00"), "208": ("1000.00", "500.00", "500.00")},
                       three_public={"2024": {"total": "20", "overseas": "0", "vehicle_purchase": "5",
                                              "vehicle_operation": "5", "reception": "10"}})
    archiving.add(archive, education)
    archiving.add(archive, budget("重庆市合川区教育委员会", 2024, basic="1", project="1", classes={}))  # another region
    return archive


def test_one_department_over_the_years(filled):
    c = department_over_years(filled, TONGNAN_JXW)
    assert (c.subject_label, c.subjects) == ("年度", ["2023", "2024"])
    assert c.value("three_public", "three_public_total", "2023") == Decimal("50.5")
    assert c.value("three_public", "reception", "2024") == Decimal("30")
    assert c.value("basic_project", "basic", "2024") == Decimal("1379.35")
    assert c.value("basic_project", "project", "2023") == Decimal("3400.00")
    assert c.value("operating_cost", "operating_cost", "2023") == Decimal("224.62")
    functional = c.section("functional")
    assert [s.key for s in functional.series] == ["expenditure:201", "expenditure:208", "expenditure:210",
                                                  "expenditure:215", "expenditure:221"]
    assert functional.series[0].label == "201 一般公共服务支出"
    assert functional.share(functional.series[0], 1) == Decimal("59.2")  # 2,251.40 of 3,805.35
    assert functional.series[2].values == [None, Decimal("78.66")]  # 2023 prints no 卫生健康支出


def test_the_departments_of_a_region_in_one_year(filled):
    c = region_in_year(filled, "重庆市潼南区", 2024)
    assert (c.subject_label, c.subjects) == ("部门", ["教育委员会", "经济和信息化委员会"])
    assert c.note == "部门名称省略了开头的“重庆市潼南区”。"
    assert c.value("three_public", "three_public_total", "教育委员会") == Decimal("20")
    assert c.value("basic_project", "basic", "经济和信息化委员会") == Decimal("1379.35")
    basic_project = c.section("basic_project")
    assert basic_project.share(basic_project.series[0], 0) == Decimal("71.4")  # 5,000 of 7,000
    assert c.value("operating_cost", "operating_cost", "教育委员会") is None
    assert len(region_in_year(filled, "重庆市", 2024).subjects) == 3  # a larger region takes in its districts


def test_nothing_to_compare_is_a_message(filled):
    with pytest.raises(YusuanError) as none:
        department_over_years(filled, "没有这个部门")
    assert "档案中没有“没有这个部门”的预算文件" in none.value.message
    with pytest.raises(YusuanError):
        region_in_year(filled, "重庆市潼南区", 2019)


def test_tables_show_exact_amounts_and_shares(filled):
    buffer = io.StringIO()
    print_comparison(department_over_years(filled, TONGNAN_JXW), Console(file=buffer, width=200))
    text = buffer.getvalue()
    assert "1,379.35（36.2%）" in text and "2,251.40（59.2%）" in text and "224.62" in text
    assert "—" in text  # a figure the document does not print is shown as missing, not as 0


def test_charts_are_self_contained_svg(filled, tmp_path):
    written = write_charts(region_in_year(filled, "重庆市潼南区", 2024), tmp_path)
    assert [p.name for p in written] == ["three_public.svg", "basic_project.svg", "functional.svg",
                                         "operating_cost.svg"]
    for path in written:
        text = path.read_text(encoding="utf-8")
        root = ET.fromstring(text)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "<script" not in text and "href=" not in text
    basic_project = (tmp_path / "basic_project.svg").read_text(encoding="utf-8")
    assert "7,000.00万元" in basic_project and "3,805.35万元" in basic_project
    assert "经济和信息化委员会" in basic_project


def test_stacked_bars_scale_to_shares_in_percent_mode():
    svg = stacked_bars("结构", ["甲", "乙"], [ChartSeries("一", [Decimal("1"), Decimal("3")]),
                                          ChartSeries("二", [Decimal("3"), None])], percent=True)
    widths = [float(r.get("width")) for r in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}rect")
              if r.find("{http://www.w3.org/2000/svg}title") is not None]
    assert widths[0] * 3 == pytest.approx(widths[1], abs=0.2)  # 25% and 75% of 甲
    assert widths[2] == pytest.approx(widths[0] + widths[1], abs=0.2)  # 乙 is all 一: a full bar
    assert "4.00万元" in svg and "3.00万元" in svg


def _nothing_read(department: str, year: int, name: str):
    """A text of a disclosure in which no table was recognized: archived, but it prints no figure."""
    from yusuan.model import Disclosure, Unit

    return Disclosure(department=department, year=year, kind="budget", unit=Unit.wanyuan, tables={}, source_name=name)


def test_a_year_is_one_document_and_an_empty_one_added_later_is_not_used(archive, seed_path):
    seed_id = archiving.add_file(archive, seed_path).id
    empty_id = archiving.add(archive, _nothing_read(TONGNAN_JXW, 2024, "seed-as-text.txt")).id  # added later
    c = department_over_years(archive, TONGNAN_JXW)
    assert c.subjects == ["2024"] and c.document_ids == [seed_id]
    assert c.value("basic_project", "basic", "2024") == Decimal("1379.35")  # the seed's 基本支出, not missing
    (choice,) = c.choices
    assert choice.startswith("2024 年：档案中有 2 份，用了文件 1（tongnan-jxw-2024-budget.txt，读出")
    assert "它读出的数最多" in choice and f"文件 {empty_id}（seed-as-text.txt，读出 0 个数）" in choice
    buffer = io.StringIO()
    print_comparison(c, Console(file=buffer, width=400))
    assert "用了文件 1" in buffer.getvalue()


def test_two_documents_of_one_year_are_never_summed(archive, seed_path, seed):
    archiving.add_file(archive, seed_path)
    again = archiving.add(archive, seed.model_copy(update={"source_name": "tongnan-jxw-2024-budget.pdf"}), "b" * 64).id
    c = department_over_years(archive, TONGNAN_JXW)
    assert c.document_ids == [again]  # as many figures in both: the latest added
    assert c.value("basic_project", "basic", "2024") == Decimal("1379.35")  # one document's, not twice it
    assert c.value("three_public", "reception", "2024") == Decimal("30")
    assert "各份读出的数一样多，用最新加入的一份" in c.choices[0]


def test_when_only_an_empty_document_is_there_the_comparison_says_so(archive):
    archiving.add(archive, _nothing_read(TONGNAN_JXW, 2024, "flattened.txt"))
    c = department_over_years(archive, TONGNAN_JXW)
    assert c.value("basic_project", "basic", "2024") is None
    assert c.choices == ["2024 年：文件 1（flattened.txt，读出 0 个数）中没有读出可对比的数，这一年都显示为“—”。"
                         "请加入这份文件的 PDF 原件（或 DOCX、XLSX）。"]


def test_the_unit_report_is_compared_apart_from_the_department_report(archive):
    whole = budget(EDUCATION, 2024, basic="5000.00", project="2000.00", classes={})
    unit = budget(EDUCATION, 2024, basic="800.00", project="200.00", classes={}).model_copy(update={"scope": "单位"})
    archiving.add(archive, whole)
    archiving.add(archive, unit)
    assert department_over_years(archive, EDUCATION).value("basic_project", "basic", "2024") == Decimal("5000.00")
    by_unit = department_over_years(archive, EDUCATION, scope="单位")
    assert by_unit.value("basic_project", "basic", "2024") == Decimal("800.00") and by_unit.choices == []


def test_a_region_uses_one_document_per_department_and_says_which(archive, seed_path):
    archiving.add_file(archive, seed_path)
    archiving.add(archive, _nothing_read(TONGNAN_JXW, 2024, "seed-as-text.txt"))
    c = region_in_year(archive, "重庆市潼南区", 2024)
    assert c.subjects == ["经济和信息化委员会"] and c.document_ids == [1]
    assert c.value("basic_project", "basic", "经济和信息化委员会") == Decimal("1379.35")
    assert c.choices[0].startswith(f"{TONGNAN_JXW}：档案中有 2 份，用了文件 1")
