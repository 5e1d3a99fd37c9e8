"""The "三公" table in the layouts of other provinces: one item a line, a 合计 line over lines per unit."""

from decimal import Decimal

from yusuan.document import Document
from yusuan.readers.text import read_text
from yusuan.recognize import recognize

D = Decimal


def read(*rows: tuple[str, ...] | str):
    text = "\n".join(row if isinstance(row, str) else "\t".join(row) for row in rows)
    lines = read_text(text.encode(), "x.txt").lines
    for line in lines:
        line.page = 1
    return recognize(Document(name="x.pdf", reader="pdf", lines=lines))


def printed(row) -> dict[str, Decimal]:
    return {column: value for column, value in row.values.items() if value is not None}


def test_one_item_a_line_with_the_vehicle_line_over_its_parts():
    # 福州: 公务用车购置及运行费 on its own line, its two parts under it
    table = read(
        "2026年度某某局部门预算",
        "十、一般公共预算“三公”经费支出预算表",
        "单位:万元",
        ("项目", "预算数"),
        ("合计", "27.31"),
        ("1、因公出国(境)费用", "0.00"),
        ("2、公务接待费", "2.00"),
        ("3、公务用车购置及运行费", "25.31"),
        ("其中:(1)公务用车购置费", "0.00"),
        ("(2)公务用车运行费", "25.31"),
    ).tables["three_public"]
    assert [r.name for r in table.rows] == ["2026"]
    assert printed(table.rows[0]) == {
        "total": D("27.31"), "overseas": D("0.00"), "reception": D("2.00"), "vehicle": D("25.31"),
        "vehicle_purchase": D("0.00"), "vehicle_operation": D("25.31")}


def test_a_total_line_over_lines_per_unit_is_the_years_row():
    # 湖州: a column-number line, then the department's 合计, then one line per unit
    table = read(
        "2026年市级部门一般公共预算“三公”经费支出表",
        ("507-某某委员会", "单位:万元"),
        ("单位名称", "“三公”经费合计", "因公出国(境)费用", "公务用车购置及运行费", "", "", "公务接待费"),
        ("", "", "", "小计", "公务用车购置费", "公务用车运行维护费", ""),
        ("**", "1", "2", "3", "4", "5", "6"),
        ("合计", "53.10", "", "38.50", "", "38.50", "14.60"),
        ("某某委员会", "7.00", "", "", "", "", "7.00"),
        ("某某医院", "46.10", "", "38.50", "", "38.50", "7.60"),
    ).tables["three_public"]
    assert [r.name for r in table.rows] == ["2026"]
    assert printed(table.rows[0]) == {
        "total": D("53.10"), "vehicle": D("38.50"), "vehicle_operation": D("38.50"), "reception": D("14.60")}


def test_a_total_line_under_items_printed_once_per_year_is_not_taken_for_one_year():
    table = read(
        "2026年部门“三公”经费支出预算表",
        "单位:万元",
        ("", "2025年预算数", "", "", "", "", "", "2026年预算数", "", "", "", "", ""),
        ("", "合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费",
         "合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"),
        ("", "", "", "小计", "购置费", "运行费", "", "", "", "小计", "购置费", "运行费", ""),
        ("合计", "10.00", "1.00", "6.00", "2.00", "4.00", "3.00",
         "12.00", "2.00", "7.00", "3.00", "4.00", "3.00"),
    ).tables["three_public"]
    assert [r.name for r in table.rows] == ["2025", "2026"]
    assert printed(table.rows[1]) == {
        "total": D("12.00"), "overseas": D("2.00"), "vehicle": D("7.00"), "vehicle_purchase": D("3.00"),
        "vehicle_operation": D("4.00"), "reception": D("3.00")}


def test_the_three_public_total_beside_meeting_and_training_is_no_total_of_all():
    # 苏州: “三公”经费合计 | … | 会议费 | 培训费, no 合计 over all of them
    table = read(
        "一般公共预算“三公”经费、会议费、培训费支出表",
        ("部门:某某局", "单位:万元"),
        ("“三公”经费合计", "因公出国(境)费", "公务用车购置及运行维护费", "", "", "公务接待费", "会议费", "培训费"),
        ("", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""),
        ("345.63", "0.00", "299.12", "154.97", "144.15", "46.51", "45.12", "305.79"),
    ).tables["three_public"]
    assert "total" not in table.column_ids
    assert printed(table.rows[0]) == {
        "three_public_total": D("345.63"), "overseas": D("0.00"), "vehicle": D("299.12"),
        "vehicle_purchase": D("154.97"), "vehicle_operation": D("144.15"), "reception": D("46.51"),
        "meeting": D("45.12"), "training": D("305.79")}


def test_an_unlabelled_line_under_a_group_of_columns_per_year_takes_each_year_from_its_header():
    # 重庆 表八: 2025年预算数 | 2026年预算数 over the same items, one line of amounts with no label
    table = read(
        "2026年财政拨款“三公”经费支出情况表",
        "单位名称:某某局 单位:万元",
        ("2025年预算数", "", "", "", "", "", "2026年预算数", "", "", "", "", ""),
        ("合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费",
         "合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"),
        ("", "", "小计", "公务用车购置费", "公务用车运行费", "", "", "", "小计", "公务用车购置费", "公务用车运行费", ""),
        ("2,552.50", "343.41", "1,726.00", "458.00", "1,268.00", "483.09",
         "2,171.85", "321.91", "1,570.75", "342.25", "1,228.50", "279.19"),
    ).tables["three_public"]
    assert [r.name for r in table.rows] == ["2025", "2026"]
    assert printed(table.rows[1]) == {
        "total": D("2171.85"), "overseas": D("321.91"), "vehicle": D("1570.75"), "vehicle_purchase": D("342.25"),
        "vehicle_operation": D("1228.50"), "reception": D("279.19")}


def _two_groups(first: str, second: str):
    return read(
        "2026年财政拨款“三公”经费支出情况表",
        "单位名称:某某局 单位:万元",
        (first, "", "", "", "", "", second, "", "", "", "", ""),
        ("合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费",
         "合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"),
        ("", "", "小计", "公务用车购置费", "公务用车运行费", "", "", "", "小计", "公务用车购置费", "公务用车运行费", ""),
        ("2,552.50", "343.41", "1,726.00", "458.00", "1,268.00", "483.09",
         "2,171.85", "321.91", "1,570.75", "342.25", "1,228.50", "279.19"),
    ).tables["three_public"]


def test_groups_headed_last_year_and_this_year_are_the_two_years():
    table = _two_groups("本年预算数", "上年预算数")
    assert [(r.name, r.values["overseas"]) for r in table.rows] == [("2025", D("321.91")), ("2026", D("343.41"))]


def test_groups_of_columns_whose_years_are_not_printed_are_no_years_reading():
    # the same items twice under one 预算数 each: which group is the budget year's is not told, nothing is read
    table = _two_groups("预算数", "预算数")
    assert table.rows == [] and table.doubtful


def test_every_item_column_over_blank_cells_is_a_year_with_nothing_budgeted():
    # 上海 p.15: the header of every item and 机关运行经费, one empty line, then the narrative on the next page
    lines = [
        "2026年单位“三公”经费和机关运行经费预算表",
        "编制单位:某某中心 单位:万元",
        ("“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"),
        ("合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""),
        ("", "", "", "小计", "购置费", "运行费", ""),
    ]
    table = read(*lines).tables["three_public"]
    assert table.doubtful is None
    assert [r.name for r in table.rows] == ["2026"]
    assert set(table.rows[0].values) == {"total", "overseas", "reception", "vehicle", "vehicle_purchase",
                                         "vehicle_operation", "operating_cost"}
    assert printed(table.rows[0]) == {}


def test_a_table_of_which_no_amount_could_be_placed_is_doubtful():
    # item names without a header the reader can place: its amounts are not read, the table is not "empty"
    table = read(
        "2026年“三公”经费支出预算表",
        "单位:万元",
        ("说明", "本年"),
        ("见附件", "12.00"),
    ).tables["three_public"]
    assert table.rows == [] and table.doubtful


def _down(first: str, second: str):
    return read(
        "2026年度某某局一般公共预算“三公”经费支出预算表",
        "单位:万元",
        ("项目", first, second),
        ("合计", "30.00", "27.31"),
        ("1、因公出国(境)费用", "1.00", "0.00"),
        ("2、公务接待费", "3.00", "2.00"),
        ("3、公务用车购置及运行费", "26.00", "25.31"),
        ("其中:(1)公务用车购置费", "0.00", "0.00"),
        ("(2)公务用车运行费", "26.00", "25.31"),
    ).tables["three_public"]


def test_one_item_a_line_with_a_column_for_last_year_and_this_year():
    table = _down("上年预算数", "本年预算数")
    assert [(r.name, r.values["total"]) for r in table.rows] == [("2025", D("30.00")), ("2026", D("27.31"))]


def test_one_item_a_line_with_two_columns_of_no_told_year_is_not_read():
    table = _down("预算数", "执行数")
    assert table.rows == [] and table.doubtful


def test_the_lines_per_unit_under_the_total_keep_their_names():
    # 湖州: the department's own line and its units' under 合计
    table = read(
        "2026年市级部门一般公共预算“三公”经费支出表",
        ("507-某某委员会", "单位:万元"),
        ("单位名称", "“三公”经费合计", "因公出国(境)费用", "公务用车购置及运行费", "", "", "公务接待费"),
        ("", "", "", "小计", "公务用车购置费", "公务用车运行维护费", ""),
        ("**", "1", "2", "3", "4", "5", "6"),
        ("合计", "53.10", "", "38.50", "", "38.50", "14.60"),
        ("某某委员会", "7.00", "", "", "", "", "7.00"),
        ("某某医院", "46.10", "", "38.50", "", "38.50", "7.60"),
        "注：本表反映部门本年度“三公”经费情况。",
    ).tables["three_public"]
    assert [(r.name, r.source.page) for r in table.unit_rows] == [("某某委员会", 1), ("某某医院", 1)]
    assert [r.name for r in table.rows] == ["2026"]


def test_a_unit_line_printed_with_its_code():
    # 长沙: 部门名称 over the names, the unit's code before its name ("106_长沙市公安局")
    table = read(
        "2025年一般公共预算“三公”经费支出情况表",
        "单位名称：某市某局\t单位：万元",
        ("部门名称", "三公经费预(决)算数(财政拨款)"),
        ("", "小计", "公务接待费", "因公出国(境)费", "公务用车购置及运行费", "其中:公务用车购置", "其中:公务用车运行费"),
        ("合计", "458.50", "28.50", "30.00", "400.00", "150.00", "250.00"),
        ("106_某市某局", "458.50", "28.50", "30.00", "400.00", "150.00", "250.00"),
    ).tables["three_public"]
    assert [r.name for r in table.unit_rows] == ["某市某局"]


def test_a_table_without_a_unit_column_has_no_unit_lines():
    # 福州: one item a line, under 项目 | 预算数
    table = read(
        "十、一般公共预算“三公”经费支出预算表",
        "单位:万元",
        ("项目", "预算数"),
        ("合计", "27.31"),
        ("1、因公出国(境)费用", "0.00"),
        ("2、公务接待费", "2.00"),
        ("3、公务用车购置及运行费", "25.31"),
    ).tables["three_public"]
    assert table.unit_rows == []
