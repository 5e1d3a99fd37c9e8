"""Performance tables (绩效目标表): small hand-written inputs for each layout quirk, then the example.

The hand-written lines copy the quirks of the example's OCR'd text (line numbers refer to
examples/tongnan-jxw-2024-budget.txt) and the layouts other documents of the family use.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.prose.indicator_levels import LEVEL1_OF, read_levels
from yusuan.readers import read_path
from yusuan.readers.text import read_text
from yusuan.model.amounts import Unit
from yusuan.recognize.performance import is_performance_start, read_performance
from yusuan.recognize.performance.lines import is_level_cell

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tongnan-jxw-2024-budget.txt"


def lines_of(text: str):
    return read_text(text.encode("utf-8"), "t.txt").lines


def read(text: str):
    return read_performance(lines_of(text))


def only_project(text: str):
    result = read(text)
    assert len(result.projects) == 1, [p.name for p in result.projects]
    return result.projects[0]


def notes(result) -> list[str]:
    return [u.what for u in result.unreadable]


HEADER = "项目名称\t某项目\n主管部门\t某局\t实施单位\t某中心\n资金总额(万元)\t10\t项目性质(常年或一次)\t常年\n"
PERIOD = "项目起始时间\t2024年1月1日\t项目终止时间\t2024年12月31日\n"


def test_a_fund_printed_in_yuan_is_read_in_the_documents_unit():
    in_yuan = HEADER.replace("资金总额(万元)\t10", "资金总额(元)\t450000") + PERIOD
    assert only_project(in_yuan).fund == Decimal(45)
    assert read_performance(lines_of(in_yuan), Unit.yuan).projects[0].fund == Decimal(450000)
    # the table's own unit line
    unit_line = "项目支出绩效目标表\n单位:元\n" + HEADER.replace("资金总额(万元)\t10", "资金总额\t450000") + PERIOD
    assert only_project(unit_line).fund == Decimal(45)
    assert only_project(HEADER + PERIOD).fund == Decimal(10)


# --- where a table starts --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "重庆市潼南区经济和信息化委员会预算整体绩效目标表",
    "2024年项目支出绩效目标表",
    "\t项目名称\t\t\t招商引资专项经费\t\t",
    "项\t1目名称\t\t\t",  # label broken across cells, name missing (line 498)
    "I\t页目名称\t提前\t提前下达2024年工业和信息化专项(重点支持行业)",
    "1.项目名称：学校运行保障",  # numbered, no words before the label
])
def test_performance_start(text):
    assert is_performance_start(lines_of(text)[0])


@pytest.mark.parametrize("text", [
    "序号\t预算单位\t科目编码\t科目名称\t项目名称\t合计",  # the project list's header
    "项目名称\t合计\t财政拨款\t其他资金",
    "一、部门基本情况",
    "数量指标\t补齐产业发展短板\t6\t户\t≥\t15",
    # 北京-6fbc3170 p.9 and 北京-ab3cf851 p.7: sentences whose subject ends in 项目名称
    "2026年北京市水务局行政事业性收费项目名称:污水处理费,收费依据:《城镇排水与污水处理条例》,收入预计190000万元。",
    "(四)重点支出和重大投资项目情况说明项目名称:北京市第四次全国农业普查",
])
def test_not_performance_start(text):
    assert not is_performance_start(lines_of(text)[0])


def test_tables_split_at_name_labels_and_titles():
    result = read(
        "某局预算整体绩效目标表\n部门(单位)名称\t某局\t部门支出预算数\t100\n"
        "\t指标\t指标权重\t计量单位\t指标性质\t指标值\n数量指标\t培训\t10\t次\t≥\t5\n"
        "项目支出绩效目标表\n" + HEADER + PERIOD + "项目名称\t第二个项目\n" + "资金总额(万元)\t20\n"
    )
    assert result.overall is not None and result.overall.name == "某局"
    assert [p.name for p in result.projects] == ["某项目", "第二个项目"]
    assert [p.fund for p in result.projects] == [Decimal(10), Decimal(20)]


def test_the_printed_title_is_kept():
    # 福州: each project table is titled "<项目名称>项目绩效目标表" on a line of its own
    result = read("科学普及活动项目项目绩效目标表\n" + HEADER + PERIOD + "项目名称\t第二个项目\n资金总额(万元)\t20\n")
    assert [p.title for p in result.projects] == ["科学普及活动项目项目绩效目标表", None]


def test_table_without_name_label_starts_at_its_header_fields():
    # lines 677-680: the name stands alone, the next line is already 主管部门 | … | 实施单位
    result = read(
        HEADER + PERIOD + "\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t指标1:培训\t≥5次\n"
        "I\t\t\t\t中小企业公共服务平台服务补助\t\t\t\t\t\n"
        "Ξ\t主管部门\t区经济信\t息委\t实施单位\tΣ\t区经济信息委\n"
        "资金总\t总额(万元)\t20\t\t项目性质(常年或一次)\t\t常年\n"
    )
    first, second = result.projects
    assert [i.level3 for i in first.indicators] == ["培训"]
    assert second.name == "中小企业公共服务平台服务补助"
    assert (second.department, second.implementer, second.fund) == ("区经济信息委", "区经济信息委", Decimal(20))


# --- header fields ---------------------------------------------------------------------------


@pytest.mark.parametrize("name_line, name", [
    ("\t项目名称\t\t\t招商引资专项经费\t\t", "招商引资专项经费"),
    ("项目]名称\t\t\t全区经信系统安全专项\t\t", "全区经信系统安全专项"),
    ("功\t5目名称\t\t工业企业高质量发展十八条政策专项资金", "工业企业高质量发展十八条政策专项资金"),
    ("]\t项目名称\t占地村社电费\t补差\t\t", "占地村社电费补差"),
    # neighbouring OCR tiles overlap: the repeated characters are dropped
    ("I\t页目名称\t提前\t提前下达2024年工业和信息化专项(重点支持行业)", "提前下达2024年工业和信息化专项(重点支持行业)"),
])
def test_name_label_broken_or_noisy(name_line, name):
    assert only_project(name_line + "\n资金总额(万元)\t10\n").name == name


def test_missing_name_stays_none_and_is_reported():
    result = read("项\t目名称\t\t\t\t置\t\t\n\t管部门\t区经济信息\t委\t实施单位\t区经济\t信息委\n资金总\t额(万元)\t10\n" + PERIOD)
    assert result.projects[0].name is None
    assert any("未能读出项目名称" in what for what in notes(result))


def test_name_printed_without_label_after_another_table():
    result = read(
        HEADER + PERIOD + "\t一级指标\t二级指标\t三级指标\t指标值\n\t满意度指标\t服务对象满意度指标\t指标1:满意度\t≥95%\n"
        "]\t\t\t\t2023年中国产业发展对接活动\t动\t\n=\t主管部门\t区经济信息\t委\t实施单位\t区经济\t信息委\n"
    )
    assert result.projects[1].name == "2023年中国产业发展对接活动"


@pytest.mark.parametrize("fund_line, fund, nature", [
    ("资金\t总额(万元)\t50\t\t项目性质(常年或一次)\t常\t年", Decimal(50), "常年"),
    ("资金总额\t预(万元)\t30\t\t项目性质(常年或一次)\t常\t·年", Decimal(30), "常年"),
    ("资金\t总额(万元)\t15\t\t项目性质(常年或一次)\t_\t次", Decimal(15), "一次"),
    ("资金总\t:额(万元)\t500\t\t项目性质(常年或一次)\t\t一次", Decimal(500), "一次"),
    # the label runs into the value, the amount printed twice
    ("资金/\t总额(万元)\t100\t100项目性质(常年或\t\t常年\tΞ", Decimal(100), "常年"),
    ("资金总额(万元)\t\t300项目性质(常年或一次)\t\t\t常年", Decimal(300), "常年"),
    # 项目性质 label lost: its value is left on the line
    ("资金总\t额(万元)\t10\t\t\t—————常\t年", Decimal(10), "常年"),
])
def test_fund_and_nature(fund_line, fund, nature):
    project = only_project("项目名称\t某项目\n" + fund_line + "\n")
    assert (project.fund, project.nature) == (fund, nature)


def test_fund_split_into_its_sources():
    project = only_project("项目名称\t培训项目\n资金总额\t财政拨款\t8\t其他资金\t2\n")
    assert project.fund == Decimal(10)
    project = only_project(
        "项目名称\t道路维护\n项目资金(万元)\t年度资金总额\t120.5\t\n\t其中:财政拨款\t100\t\n\t其他资金\t20.5\t\n")
    assert project.fund == Decimal("120.5")


def test_department_label_lost():
    # line 458: 主管部门 lost, its value stands before 实施单位
    project = only_project("项目名称\t某项目\nĖ\t\t区经济信息委\t\t实施单位\t区经济\t信息委\n")
    assert (project.department, project.implementer) == ("区经济信息委", "区经济信息委")


@pytest.mark.parametrize("date_line, start, end", [
    ("项\t目起始时间\t2024年1月\t1日\t项目终止时间\t2024年1\t2月31日", date(2024, 1, 1), date(2024, 12, 31)),
    ("项\t目起始时间\t2024年\t1 月 1 日\t项目终止时间\t2024 年\t12 月 31 日", date(2024, 1, 1), date(2024, 12, 31)),
    # a cell repeats the end of the one before
    ("项目\t起始时间\t2024年1月1日\t\t项目终止时间\t2024年12\t2月31日", date(2024, 1, 1), date(2024, 12, 31)),
    ("项\t目起始时间\t2024年1月\t年 1 月 1 日 项目终止时间 2024 年 12 月\t\t月 31 日", date(2024, 1, 1), date(2024, 12, 31)),
    ("项目\t起始时间\t2023年9月1\t月 1日 项目终止时间 2023年12月31)23年12月31日\t", date(2023, 9, 1), date(2023, 12, 31)),
    # "2023年1 | 1月21日" is cut, not repeated: 11-21 (01-21 would end before the start)
    ("项\t目起始时间\t2023年11月\t19日\t项目终止时间\t2023年1\t1月21日", date(2023, 11, 19), date(2023, 11, 21)),
    # start label lost and a digit repeated ("1月1 | 1目"): a period starts on the first of a month
    ("\t\t2024年1月1\t1 目\t项目终止时间\t2024年12\t月 31 日", date(2024, 1, 1), date(2024, 12, 31)),
    # end label lost: both dates after 起始时间
    ("项目\t起始时间\t2024年1月1\t日\t\t2024年1\t2月31日", date(2024, 1, 1), date(2024, 12, 31)),
    # the end's year garbled ("202a | 4年…"): the start's year
    ("项目\t目起始时间\t2024年1月1\t日项目终止时间202a\t4年12月31日", date(2024, 1, 1), date(2024, 12, 31)),
    ("项目期限\t2024.01.01-2024.06.30", date(2024, 1, 1), date(2024, 6, 30)),
])
def test_dates_repaired(date_line, start, end):
    project = only_project("项目名称\t某项目\n" + date_line + "\n")
    assert (project.start, project.end) == (start, end)


def test_unit_line_and_label_with_colon():
    result = read(
        "项目支出绩效目标表\n单位：万元\n项目名称：乡村道路养护\n主管部门\t某局\t实施单位\t某局\n"
        "资金总额\t100.00\t其中:财政拨款\t100.00\t其他资金\t0\n项目概况\t养护道路，保障通行。\n"
    )
    project, = result.projects
    assert (project.name, project.fund, project.overview) == ("乡村道路养护", Decimal(100), "养护道路,保障通行。")
    # every label printed was read; the dates this form does not print are none of the reading's failures
    assert notes(result) == []


def test_dates_printed_and_not_read_are_reported():
    result = read("项目名称\t某项目\n资金总额(万元)\t30\n项目起始时间\t\t项目终止时间\t\n")
    assert (result.projects[0].start, result.projects[0].end) == (None, None)
    assert notes(result) == ["项目“某项目”的绩效目标表：印有“项目起始时间”，但未能读出其内容",
                             "项目“某项目”的绩效目标表：印有“项目终止时间”，但未能读出其内容"]


def test_the_year_target_of_a_fuzhou_form_is_its_target():
    # 福州-968213e4 p.28: "年度目标" heads the target; a measure named after it is an indicator
    result = read("e福州专栏项目绩效目标表\n项目名称\te福州专栏\n主管部门\t福州市民政局\t实施单位\t福州市民政局\n"
                  "专项资金情况(万元)\t资金总额\t21.50\n年度目标\t通过专栏畅通帮扶渠道。\n"
                  "绩效目标指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t年度目标完成率\t≥90%\n")
    project, = result.projects
    assert project.target == "通过专栏畅通帮扶渠道。" and notes(result) == []
    assert [i.level3 for i in project.indicators] == ["年度目标完成率"]


def test_unlabelled_header_line_is_reported():
    # line 583: 主管部门 and 实施单位 both lost
    result = read("项目名称\t某项目\n\t:\t区经济信息\t委\t\t区经济信\t:息委\n资金总额(万元)\t30\n")
    assert result.projects[0].department is None
    assert any("区经济信息" in what and "未读入" in what for what in notes(result))


# --- the overall table -----------------------------------------------------------------------

OVERALL = """重庆市潼南区经济和信息化委员会预算整体绩效目标表
部门(单位)名称\t重庆市潼南区经济和信息化委员\t\t部门支出预算数\t3805\t5.35\t
当年整体绩效目标\t聚焦区委"1356"总体部署\t\t\t\t\t
\t指标\t指标权重\t计量单位\t指标性质\t指标值\t
5000His.\t\t\t\t\t\t
数量指标\t补齐产业发展短板\t6\t户\t≥\t15\t
数量指标\t占地村社电费补差户数\t6\t户\t<u> </u>\t6000\t
质量指标\t符合"工业企业高质量发展十八条政策专\t9\t%\t=\t100\t
F 县 七 七\t项资金"奖励条件\t0\t0/\t\t100\t
时效指标\t项目完工时间\t4\t年\t=\t1\t
环境效益\t降低工业增加值能耗\t8\t%\t>\t5\t
社会效益\t社会效益 提供就业岗位\t\t个\t<u> </u>\t600\t
服务对象满意度\t服务对象满意度\t10\t%\t<u> </u>\t95\t
"""


def test_overall_header():
    overall = read(OVERALL).overall
    # "3805 | 5.35": two OCR tiles sharing the digit 5
    assert overall.fund == Decimal("3805.35")
    assert overall.name == "重庆市潼南区经济和信息化委员"
    assert overall.target.startswith("聚焦区委")


def test_overall_indicators():
    indicators = read(OVERALL).overall.indicators
    assert [i.level3 for i in indicators] == [
        "补齐产业发展短板", "占地村社电费补差户数", '符合"工业企业高质量发展十八条政策专项资金"奖励条件',
        "项目完工时间", "降低工业增加值能耗", "提供就业岗位", "服务对象满意度",
    ]
    assert [i.weight for i in indicators] == [Decimal(w) if w else None for w in ("6", "6", "9", "4", "8", None, "10")]
    assert [i.comparator for i in indicators] == ["≥", None, "=", "=", ">", None, None]
    assert [i.number for i in indicators] == [Decimal(n) for n in ("15", "6000", "100", "1", "5", "600", "95")]
    assert [i.unit for i in indicators] == ["户", "户", "%", "年", "%", "个", "%"]
    assert [i.level2 for i in indicators] == [
        "数量指标", "数量指标", "质量指标", "时效指标", "环境效益指标", "社会效益指标", "服务对象满意度指标"]
    assert [i.level1 for i in indicators] == ["产出指标"] * 4 + ["效益指标"] * 2 + ["满意度指标"]
    assert indicators[0].source.line == 6


def test_overall_lost_comparator_is_reported():
    result = read(OVERALL)
    lost = [u for u in result.unreadable if "指标性质" in u.what]
    assert [u.source.line for u in lost] == [7, 12, 13]
    assert "占地村社电费补差户数" in lost[0].what


def test_overall_in_three_level_columns():
    overall = read(
        "部门整体支出绩效目标表\n部门(单位)名称\t某局\t年度预算金额\t1,234.56\n年度总体目标\t做好各项工作\n"
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥200人\n"
        "\t时效指标\t完成时间\t2024年12月底前\n满意度指标\t服务对象满意度\t满意度\t≥ 90%\n"
    ).overall
    assert overall.fund == Decimal("1234.56")
    assert [(i.level1, i.level2, i.level3, i.comparator, i.number) for i in overall.indicators] == [
        ("产出指标", "数量指标", "培训人数", "≥", Decimal(200)),
        ("产出指标", "时效指标", "完成时间", None, None),
        ("满意度指标", "服务对象满意度指标", "满意度", "≥", Decimal(90)),
    ]


# --- project indicators ----------------------------------------------------------------------

# lines 405-427: levels printed at the vertical middle of their merged cells, OCR marks in the
# margin column, placeholders, a value whose name was lost
MIXED = HEADER + PERIOD + """\t一级指标\t二级指标\t\t三级指标\t\t指标值
\t\t-1;-k+12;=\t指标\t1:综合运行成本\t\t≤50 万元
\t\t成本指标\t指标:\t2:\t\t
\t\t\t指标\t1:宣传推介\t\t≥200次
\t\t数量指标\t指标:\t2:项目对接洽谈\t\t≥250次
\t产出指标\t\t指标:\t≥180次\t\t
绩\t\t\t\t\t\t
\t\t时效指标\t指标1:完成时效\t\t\t
\t\t可持续影响\t指标\t1:带动产业链发展\t\t长期
福\t\t指标\t指标:\t2:\t\t
100\t\t\t\t\t\t
\t\t服务对象\t\t1:招商引资企业\t\t≥10家
\t满意度指标\t满意度指标\t指标:\t2:满意度\t\t<u>≥</u> 95%
"""


def test_mixed_values_and_levels():
    indicators = only_project(MIXED).indicators
    assert [(i.level1, i.level2, i.level3) for i in indicators] == [
        ("产出指标", "成本指标", "综合运行成本"),
        ("产出指标", "数量指标", "宣传推介"),
        ("产出指标", "数量指标", "项目对接洽谈"),
        ("产出指标", "时效指标", "完成时效"),
        ("效益指标", "可持续影响指标", "带动产业链发展"),
        ("满意度指标", "服务对象满意度指标", "招商引资企业"),
        ("满意度指标", "服务对象满意度指标", "满意度"),
    ]
    assert [(i.comparator, i.number, i.unit) for i in indicators] == [
        ("≤", Decimal(50), "万元"), ("≥", Decimal(200), "次"), ("≥", Decimal(250), "次"), (None, None, None),
        (None, None, None), ("≥", Decimal(10), "家"), ("≥", Decimal(95), "%"),
    ]
    assert [i.value for i in indicators][:2] == ["≤50万元", "≥200次"]
    assert indicators[4].value == "长期"
    assert [i.source.line for i in indicators] == [6, 8, 9, 12, 13, 16, 17]


def test_value_without_name_is_reported_not_invented():
    result = read(MIXED)
    assert any("≥180次" in u.what and u.source.line == 10 for u in result.unreadable)
    assert all(i.value != "≥180次" for i in result.projects[0].indicators)


@pytest.mark.parametrize("value, comparator, number, unit", [
    ("10 万元/年", "=", Decimal(10), "万元/年"),  # a quantity printed without comparator is a target to meet
    ("≥85%以上", "≥", Decimal(85), "%"),
    ("85%以上", "≥", Decimal(85), "%"),
    ("≦10万元/家", "≤", Decimal(10), "万元/家"),
    ("≥0.3万元/场", "≥", Decimal("0.3"), "万元/场"),
    ("企业能 耗降 低>3%", ">", Decimal(3), "%"),
    ("覆盖率≥90%", "≥", Decimal(90), "%"),
    ("不少于100人次", "≥", Decimal(100), "人次"),
    ("120 元/ 人/月", "=", Decimal(120), "元/人/月"),
    ("长期", None, None, None),
    ("当年规上企业", None, None, None),
    ("2024年12月底前", None, None, None),
])
def test_value_forms(value, comparator, number, unit):
    project = only_project(HEADER + f"\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t指标1:培训人次\t{value}\n")
    indicator, = project.indicators
    assert (indicator.comparator, indicator.number, indicator.unit) == (comparator, number, unit)


def test_names_and_values_run_together_are_paired():
    project = only_project(
        HEADER + "\t一级指标\t二级指标\t三级指标\t指标值\n"
        "\t\t经济效益指标\t指标1:工业增加值增长指标2:数字经济增加值增长\t≥5%≥5%\n"
        "\t\t成本指标\t指标:\t1:5G基站滚动规划建设2:宣传资料等\t5万元4万元\n"
    )
    assert [(i.level3, i.value) for i in project.indicators] == [
        ("工业增加值增长", "≥5%"), ("数字经济增加值增长", "≥5%"), ("5G基站滚动规划建设", "5万元"), ("宣传资料等", "4万元"),
    ]


def test_names_and_values_that_do_not_pair_are_reported():
    result = read(HEADER + "\t一级指标\t二级指标\t三级指标\t指标值\n\t\t质量指标\t1:至岡草12/崖南2:达成拟投资意向项目\t≥5↑\n")
    assert [i.value for i in result.projects[0].indicators] == [None, None]
    assert any("≥5↑" in what and "一一对应" in what for what in notes(result))


def test_name_wrapped_to_its_own_cell_and_marker_residue():
    project = only_project(
        HEADER + "\t一级指标\t二级指标\t\t三级指标\t\t指标值\n"
        "\t\t\t指标\t;城镇燃气安全专项整治工作\t经费\t10 万元/年\n"
        "\t\t成本指标\t\t2:天然气、液化石油气系统正\t常运行天数\t≥360\n"
        "\t\t\t指标△\t:聘请专家\t\t3 万元/年\n"
        "\t\t数量指标\t指标1:5\t曾加企业获得专项资金补助数量\t\t1户\n"
    )
    assert [i.level3 for i in project.indicators] == [
        "城镇燃气安全专项整治工作经费", "天然气、液化石油气系统正常运行天数", "聘请专家", "曾加企业获得专项资金补助数量"]
    assert [i.level2 for i in project.indicators] == ["成本指标", "成本指标", "成本指标", "数量指标"]


def test_separate_comparator_unit_and_weight_columns():
    project = only_project(
        "项目名称\t城市道路维护\n一级指标\t二级指标\t三级指标\t指标性质\t年度指标值\t度量单位\t权重\n"
        "产出指标\t数量指标\t维护道路长度\t≥\t50\t公里\t20\n\t\t维护桥梁\t≥\t3\t座\t10\n"
        "效益指标\t社会效益指标\t群众出行便利程度\t\t明显提升\t\t20\n"
    )
    assert [(i.level1, i.level2, i.level3, i.comparator, i.value, i.number, i.unit, i.weight) for i in project.indicators] == [
        ("产出指标", "数量指标", "维护道路长度", "≥", "50", Decimal(50), "公里", Decimal(20)),
        ("产出指标", "数量指标", "维护桥梁", "≥", "3", Decimal(3), "座", Decimal(10)),
        ("效益指标", "社会效益指标", "群众出行便利程度", None, "明显提升", None, None, Decimal(20)),
    ]


def test_cost_as_first_level():
    # the 2021 framework: 成本指标 is a 一级 of its own
    project = only_project(
        HEADER + "一级指标\t二级指标\t三级指标\t指标值\n成本指标\t经济成本指标\t人员经费\t≤5万元\n"
        "产出指标\t数量指标\t培训人次\t≥100人次\n")
    assert [(i.level1, i.level2) for i in project.indicators] == [("成本指标", "经济成本指标"), ("产出指标", "数量指标")]


# --- the example -----------------------------------------------------------------------------

# the 项目名称 (or name) line of each project table, counted by reading the file
EXAMPLE_TABLE_LINES = [398, 429, 457, 498, 516, 534, 561, 582, 618, 650, 677, 709, 743, 767, 790, 813]


@pytest.fixture(scope="module")
def example():
    lines = read_path(EXAMPLE).lines
    first = next(i for i, line in enumerate(lines) if is_performance_start(line))
    assert lines[first].number == 376  # the title of the overall table
    return read_performance(lines[first:])


def test_example_project_tables(example):
    assert [p.source.line for p in example.projects] == EXAMPLE_TABLE_LINES
    assert all(p.fund is not None and p.start is not None and p.end is not None for p in example.projects)


def project_named(example, name):
    return next(p for p in example.projects if p.name == name)


@pytest.mark.parametrize("name, fund, start, end", [
    ("招商引资专项经费", 50, date(2024, 1, 1), date(2024, 12, 31)),
    ('工业能耗"双控"暨绿色发展专项', 16, date(2024, 1, 1), date(2024, 12, 31)),  # "2024年12 | 2月31日"
    ("企业统计人员专项", 30, date(2024, 1, 1), date(2024, 12, 31)),  # start label lost, "2024年1月1 | 1目"
    ("中小企业公共服务平台服务补助", 20, date(2024, 1, 1), date(2024, 12, 31)),  # printed without label
    ("2023年中国产业发展对接活动", 15, date(2023, 11, 19), date(2023, 11, 21)),
    ("提前下达2024年工业和信息化专项(企业技术改造)", 100, date(2024, 1, 1), date(2024, 12, 31)),
    ("2023年市中小微发展专项(第四批-灾后重建方向)", 500, date(2023, 9, 1), date(2023, 12, 31)),
])
def test_example_project_fund_and_period(example, name, fund, start, end):
    project = project_named(example, name)
    assert (project.fund, project.start, project.end) == (Decimal(fund), start, end)


def test_example_missing_names_stay_none(example):
    unnamed = [p.source.line for p in example.projects if p.name is None]
    assert unnamed == [498, 534]
    reported = [u.source.line for u in example.unreadable if "未能读出项目名称" in u.what]
    assert reported == [498, 534]


def test_example_nature(example):
    natures = {p.name: p.nature for p in example.projects}
    assert natures["2023年中国产业发展对接活动"] == "一次"
    assert natures["招商引资专项经费"] == "常年"
    assert natures["工业企业高质量发展十八条政策专项资金"] is None  # printed empty


def test_example_overall(example):
    overall = example.overall
    assert overall.fund == Decimal("3805.35")
    assert len(overall.indicators) == 14
    assert [i.weight for i in overall.indicators] == [
        Decimal(w) if w else None for w in ("6", "6", "6", "6", "6", "6", "9", "9", "4", "8", "8", "8", None, "10")]
    assert [i.level3 for i in overall.indicators][6] == '符合"工业企业高质量发展十八条政策专项资金"奖励条件'
    assert [i.comparator for i in overall.indicators] == [
        "≥", "≥", None, "≥", "≥", "=", "=", "=", "=", "≥", ">", ">", None, None]


def test_example_first_project_indicators(example):
    indicators = project_named(example, "招商引资专项经费").indicators
    assert [(i.level2, i.level3, i.value) for i in indicators] == [
        ("成本指标", "综合运行成本", "≤50万元"),
        ("数量指标", "宣传推介", "≥200次"),
        ("数量指标", "项目对接洽谈", "≥250次"),
        ("时效指标", "完成时效", None),
        ("质量指标", "完成全年招商引资目标任务", "≥30亿"),
        ("质量指标", "新签约亿元级企业", "≥5↑"),
        ("经济效益指标", "推动工业发展", None),
        ("社会效益指标", "增加就业", "≥4000人"),
        ("生态效益指标", "符合生态环保政策规定", None),
        ("可持续影响指标", "带动产业链发展", None),
        ("服务对象满意度指标", "招商引资企业", "≥10家"),
        ("服务对象满意度指标", "满意度", "≥95%"),
    ]


@pytest.mark.parametrize("name", sorted({*LEVEL1_OF, *(n.removesuffix("指标") for n in LEVEL1_OF)}))
def test_a_cell_printing_one_level2_name_alone_is_a_level_cell_with_nothing_else(name):
    # is_level_cell answers these at once, without reading the cell: reading must agree
    levels = read_levels(name, False)
    assert levels.level2 and not levels.level1 and levels.rest == ""
    assert is_level_cell(name)


# --- layouts whose reading is doubtful, and wide tables ------------------------------------------

# 长沙: one wide table lists every project in rows (单位(项目)名称 | 资金总额 | 绩效目标 | 一级指标 …);
# each page repeats "单位名称：…" and the column heads
WIDE_HEADS = ("单位编码\t单位(项目)名称\t资金总额\t绩效目标\t一级指标\t二级指标\t三级指标\t指标值\t指标值内容"
              "\t评(扣)分标准\t度量单位\t指标值类型\t备注\n")


def test_a_wide_table_of_projects_is_one_doubtful_project_table():
    result = read(
        "2026年项目支出绩效目标表\n单位名称:某办公室 单位:万元\n" + WIDE_HEADS
        + "合计\t\t270.00\n201056\t经常性运转经费(水电气)\t270.00\t保障基地正常运转\t成本指标\t经济成本指标\t水费"
        "\t120\t水费财政拨款总费用\t偏离目标40%不得分\t万元\t=\t7\n"
        "单位名称:某办公室 单位:万元\n" + WIDE_HEADS
        + "\t\t\t\t满意度指标\t服务对象满意度指标\t师生满意度\t90\t满意度\t低于90%不得分\t%\t≥\t10\n"
    )
    assert result.overall is None
    [table] = result.projects
    assert table.doubtful and "多个项目" in table.doubtful
    assert table.name is None and table.fund is None
    assert [(i.level3, i.unit, i.comparator) for i in table.indicators] == [("水费", "万元", "="), ("师生满意度", "%", "≥")]


def test_a_wide_table_of_projects_keeps_its_total_and_each_coded_project_once():
    # 长沙 p.23-50: 合计, the unit's own row, then each project's row group, printed again on each page it runs
    # over; a project line without its code (a group continued) and an indicator's name and value are no rows
    result = read(
        "2025年项目支出绩效目标表\n单位名称:长沙市某局 单位:万元\n" + WIDE_HEADS
        + "合计\t40,233.95\n"
        "106001\t长沙市某局\t40,233.95\n"
        "106001\t大型警保卫经费\t428.69\t做好大型警保卫工作\t产出指标\t数量指标\t警保卫活动次数\t10\t次数\t每少一次扣1分\t次\t≥\t4\n"
        "大院运行和维修经费\t2,791.51\t保证机关日常运转\t成本指标\n"
        "物业服务合同金额\t503.28\t支出控制在合同金额以内\t每超过5%扣1分\n"
        "单位名称:长沙市某局 单位:万元\n" + WIDE_HEADS
        + "106001\t大院运行和维修经费\t2,791.51\t保证机关日常运转\t效益指标\t社会效益指标\t院落正常运行\t100\t正常运行率\t不得分\t%\t=\t10\n"
        "106001\t大型警保卫经费\t428.69\t做好大型警保卫工作\t满意度指标\t服务对象满意度指标\t满意度\t90\t满意度\t不得分\t%\t≥\t10\n"
    )
    [table] = result.projects
    assert table.listed_total == Decimal("40233.95")
    assert [(p.code, p.name, p.fund) for p in table.listed] == [
        ("106001", "长沙市某局", Decimal("40233.95")), ("106001", "大型警保卫经费", Decimal("428.69")),
        ("106001", "大院运行和维修经费", Decimal("2791.51"))]


def test_a_wide_overall_table_goes_on_under_its_repeated_title():
    # 长沙 p.51-52: 单位编码 | 单位名称 | 年度预算申请 | 整体绩效目标 …, title and heads printed on each page
    title_and_heads = (
        "2025年部门整体支出绩效目标表\n单位名称:某局 单位:万元\n"
        "单位编码\t单位名称\t年度预算申请\t整体绩效目标\t部门整体支出年度绩效目标\n"
        "\t\t资金总额\t按收入性质分\t按支出性质分\n"
        "\t\t一般公共预算\t基本支出\t项目支出\t一级指标\t二级指标\t三级指标\t指标值类型\t指标值\t计量单位\t指标解释\n"
    )
    result = read(
        title_and_heads + "106001\t某局\t68,632.12\t28,398.17\t40,233.95\t产出指标\t数量指标\t工作完成率\t=\t100\t%\t完成率\n"
        + title_and_heads + "\t\t\t\t\t满意度指标\t服务对象满意度指标\t社会公众满意度\t≥\t90\t%\t满意度\n"
    )
    assert not any("又一张" in n for n in notes(result))
    overall = result.overall
    assert overall is not None and not overall.doubtful and overall.name == "某局"
    assert [(i.level3, i.comparator, i.number, i.unit) for i in overall.indicators] == [
        ("工作完成率", "=", Decimal(100), "%"), ("社会公众满意度", "≥", Decimal(90), "%")]


def test_a_header_cell_with_a_stray_full_stop_still_names_its_column():
    # 重庆 p.29: a "。" of the wrapped 当年绩效目标 text landed in the 计量单位 cell
    project = only_project("项目名称\t某专项\n绩效指标\t指标名称\t指标性质\t\t指标值\t\t计量。单位\t指标权重(%)\n"
                           "\t技改专项贷融资金额\t≥\t\t100\t\t亿元\t10\n")
    [indicator] = project.indicators
    assert (indicator.level3, indicator.unit, indicator.weight) == ("技改专项贷融资金额", "亿元", Decimal(10))


def test_a_wrapped_header_word_is_no_indicator():
    # 重庆 p.23-24: the next table's header wraps, "当年财政拨款 | 指标权重" read under the columns above
    project = only_project("项目名称\t某项目\n绩效指标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)\t是否核心\n"
                           "\t\t当年财政拨款\t\t\t\t\t\t指标权重\n\t网站访问可达率\t≥\t90\t%\t15\t是\n")
    assert [i.level3 for i in project.indicators] == ["网站访问可达率"]


def test_a_target_sentence_left_of_the_names_gives_no_level():
    # 重庆 二级项目 table: 当年绩效目标 prose ("…事项数量60000件及以上…") left of 指标名称
    project = only_project(
        "项目名称\t某项目\n序号\t项目名称\t预算金额\t当年绩效目标\t指标名称\t指标性质\t指标值\t计量单位\n"
        "1\t一般性项目\t8,071.45\t学校保持在校生规模27800人及以上,办理行政审批和公共服务事项数量60000件及以上"
        "\t学校保持在校生规模\t≥\t27800\t人\n")
    assert [(i.level1, i.level2) for i in project.indicators] == [(None, None)]


def test_values_in_merged_cells_make_the_reading_doubtful():
    # lines 474-479: several rows' values printed in one cell, the names without theirs
    project = only_project(HEADER + PERIOD + "\t一级指标\t二级指标\t三级指标\t指标值\n"
                           "\t\t\t\t10万元/年1万元/年\n\t产出指标\t成本指标\t指标1:节能宣传培训\t\n"
                           "\t\t\t指标2:节能报告审查\t\n")
    assert project.doubtful and "合并单元格" in project.doubtful


def test_ocr_specks_are_no_merged_values():
    # line 733: "66 A 41-1" splits into numbers, none with a unit
    project = only_project(HEADER + PERIOD + "\t一级指标\t二级指标\t三级指标\t指标值\n"
                           "\t效益指标\t社会效益指标\t指标1:增加就业\t\n\t\t\t\t66 A 41-1\n")
    assert project.doubtful is None
    assert project.unplaced_values == ["66 A 41-1"]


def test_several_garbled_names_make_the_reading_doubtful():
    rows = "\t产出指标\t成本指标\t指标1:电力、天然气、液化石油气E产检查\t8万元/年\n" \
           "\t产出指标\t数量指标\t指标1:リ形成ロ甲旦\t≥8家\n"
    project = only_project(HEADER + PERIOD + "\t一级指标\t二级指标\t三级指标\t指标值\n" + rows)
    assert project.doubtful and "识别错误" in project.doubtful
    one = only_project(HEADER + PERIOD + "\t一级指标\t二级指标\t三级指标\t指标值\n" + rows.split("\n")[0] + "\n")
    assert one.doubtful is None


def test_a_comparator_cell_printing_an_unreadable_mark_is_unread():
    # line 384: the 指标性质 cell printed an underlined ≥, extracted as "<u> </u>"
    result = read("某局整体绩效目标表\n部门(单位)名称\t某局\t部门支出预算数\t100\n"
                  "\t指标\t指标权重\t计量单位\t指标性质\t指标值\n数量指标\t电费补差户数\t6\t户\t<u> </u>\t6000\n"
                  "数量指标\t检查次数\t6\t次\t\t100\n")
    unread, blank = result.overall.indicators
    assert (unread.comparator, unread.unread) == (None, ["comparator"])
    assert (blank.comparator, blank.unread) == (None, [])


def test_a_list_of_projects_with_their_overall_targets_is_a_doubtful_project_table():
    # 湖州 表11 "…项目支出绩效表": 单位名称 | 项目名称 | 金额 | 项目总体绩效目标, no indicators
    heads = "2026年市级部门项目支出绩效表\n507-某委员会 万元\n单位名称\t项目名称\t金额\t项目总体绩效目标\n**\t**\t**\t**\n"
    result = read(heads + "合计\t\t51,856.41\n某中心\t医疗卫生行业综合管理\t319.90\t保障全年无间断高效运转\n"
                  + heads + "某医院\t公共卫生事务\t122.78\t降低艾滋病传播风险\n")
    [table] = result.projects
    assert table.doubtful and not table.indicators and table.name is None


def test_project_pages_of_a_wide_table_stay_one_table():
    # 长沙 p.23-24: the next page repeats 单位名称 and the column heads, without the title
    result = read(
        "2025年项目支出绩效目标表\n单位名称:某局 单位:万元\n" + WIDE_HEADS
        + "106001\t某工作经费\t428.69\t做好保卫工作\t成本指标\t经济成本指标\t成本控制率\t100\t控制在预算内\t超5%扣5分\t%\t≤\t20\n"
        "单位名称:某局 单位:万元\n" + WIDE_HEADS
        + "\t\t\t\t满意度指标\t服务对象满意度指标\t群众满意度\t90\t满意度\t低于90%不得分\t%\t≥\t10\n"
    )
    [table] = result.projects
    assert [i.level3 for i in table.indicators] == ["成本控制率", "群众满意度"]


def test_a_chongqing_form_reads_its_fund_and_leaves_its_core_mark_column_alone():
    # 重庆-05f59e7a p.30-31: 当年预算 is the project's fund; 是否核心 a column of 是/否 marks; the overall form
    # prints no 部门支出预算数
    result = read("2026年部门整体绩效目标表\n单位名称:重庆市水利局\n当年整体绩效目标\n完善全市水网建设布局。\n"
                  "绩效指标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)\t是否核心\n"
                  "\t续建大中型水库\t≥\t27\t座\t20\t是\n"
                  "2026年市级重点专项资金绩效目标表(一级项目)\n项目名称\t水库移民后期扶持\t\t主管部门\t重庆市水利局\n"
                  "当年预算\t12,700.00\n绩效指标\t指标名称\t指标性质\t指标值\t计量单位\t指标权重(%)\t是否核心\n"
                  "\t完工项目验收率\t≥\t90\t%\t20\t是\n")
    assert result.overall is not None and result.overall.fund is None
    project, = result.projects
    assert project.fund == Decimal("12700.00")
    assert [i.level3 for i in result.overall.indicators + project.indicators] == ["续建大中型水库", "完工项目验收率"]
    assert notes(result) == []


def test_a_fee_described_by_its_name_and_schedule_is_no_target_table():
    # 北京-ff39f6c0 p.9: a fee's 项目名称 and its schedule of charges, under 重点行政事业性收费情况说明
    result = read("项目名称:城市道路挖掘修复费\n收费依据:《关于同意城市道路挖掘修复收费立项的函》(京财综〔2010〕1615号)\n"
                  "执收主体:北京市交通委员会\n收费部门:北京市交通委员会\n北京市城市道路挖掘修复费标准\n"
                  "序号\t项目名称\t结构内容\t收费标准\n1\t快速路、主干路沥青路面\t沥青砼15cm+水稳18cm\t342元/m2\n")
    assert result.projects == [] and notes(result) == []
