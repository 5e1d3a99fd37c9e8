"""A table whose reading is implausible is marked doubtful, once, and the checks leave it alone."""

from decimal import Decimal

from yusuan.checks import run_checks
from yusuan.model import Column, Row, Table, Unit
from yusuan.recognize.plausibility import doubt

from .test_layouts import page, read

D = Decimal


def _table(*rows: tuple[str | None, str, str]) -> Table:
    return Table(id="expenditure", title="支出总表", unit=Unit.wanyuan, columns=[Column(id="total")],
                 rows=[Row(code=code, name=name, item=None if code else "total", values={"total": D(amount)})
                       for code, name, amount in rows])


def test_a_table_read_as_printed_is_not_doubted():
    table = _table((None, "合计", "30"), ("208", "社会保障和就业支出", "30"), ("20805", "行政事业单位养老支出", "30"),
                   ("2080505", "机关事业单位基本养老保险缴费支出", "18"), ("2080506", "机关事业单位职业年金缴费支出", "12"))
    assert doubt(table, stray_amounts=0) is None


def test_kuan_rows_read_as_classes_make_the_table_doubtful():
    # the 款 cell dropped: every row of the class got the class's code, and the classes add up to twice the total
    table = _table((None, "合计", "30"), ("208", "社会保障和就业支出", "30"), ("208", "行政事业单位养老支出", "30"),
                   ("208", "机关事业单位基本养老保险缴费支出", "18"), ("208", "机关事业单位职业年金缴费支出", "12"))
    reason = doubt(table, stray_amounts=0)
    assert reason == "3 行编码与上方重复；各类之和是合计的 3.0 倍"


def test_classes_adding_to_a_huge_multiple_of_the_total_are_said_in_full():
    # a decimal.InvalidOperation before (found by fuzzing): 10^32 times the total, to one decimal, needs 34 digits
    table = _table((None, "合计", "0.01"), ("208", "社会保障和就业支出", "1" + "0" * 30))
    assert doubt(table, stray_amounts=0) == f"各类之和是合计的 {'1' + '0' * 32}.0 倍"


def test_codes_that_do_not_nest_make_the_table_doubtful():
    table = _table((None, "合计", "30"), ("208", "社会保障和就业支出", "30"), ("21005", "行政事业单位养老支出", "30"),
                   ("2130505", "机关事业单位基本养老保险缴费支出", "18"), ("2010506", "机关事业单位职业年金缴费支出", "12"))
    assert doubt(table, stray_amounts=0) == "3 行编码不属于其上方的类或款"


def test_a_flat_list_of_items_and_a_new_class_nest():
    table = _table((None, "合计", "30"), ("2080505", "机关事业单位基本养老保险缴费支出", "18"),
                   ("210", "卫生健康支出", "12"), ("21011", "行政事业单位医疗", "12"), ("2101101", "行政单位医疗", "12"),
                   ("221", "住房保障支出", "0"), ("2210201", "住房公积金", "0"))
    assert doubt(table, stray_amounts=0) is None


# The 款 column of a 类 | 款 | 项 table lost on every row (its cells empty), so that each row of a class
# reads as the class itself.
_MISREAD = page(
    "2026年一般公共预算支出情况表",
    ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
    ("", "合计", "30.00", "20.00", "10.00"),
    ("208", "社会保障和就业支出", "30.00", "20.00", "10.00"),
    ("208", "行政事业单位养老支出", "20.00", "20.00", ""),
    ("208", "机关事业单位基本养老保险缴费支出", "12.00", "12.00", ""),
    ("208", "机关事业单位职业年金缴费支出", "8.00", "8.00", ""),
    ("208", "就业补助", "10.00", "", "10.00"),
)


def test_a_doubtful_table_is_said_once_and_no_rule_runs_on_it():
    disclosure = read(_MISREAD)
    table = disclosure.tables["general_expenditure"]
    assert table.doubtful is not None
    [said] = [u.what for u in disclosure.unreadable if "未能可靠读取" in u.what]
    assert said.startswith("表格“2026年一般公共预算支出情况表”（第 1 页）未能可靠读取，未参与检查：")
    report = run_checks(disclosure)
    rollup = next(r for r in report.results if r.rule.id == "ROLLUP-FUNCTION")
    assert rollup.status.value == "could_not_run"
    assert "未能可靠读取：" in rollup.reason and "一般公共预算支出表" in rollup.reason
    assert not [f for r in report.results for f in r.findings if f.place.table == "general_expenditure"]
    unread = next(r for r in report.results if r.rule.id == "HYGIENE-UNREADABLE")
    assert sum("未能可靠读取" in f.message for f in unread.findings) == 1


def test_rows_with_amounts_and_no_code_among_coded_lines_make_the_table_doubtful():
    # the 财政拨款收支总表 of the next page read into the 支出总表 (its title not recognized)
    table = _table((None, "合计", "30"), ("208", "社会保障和就业支出", "30"), ("20805", "行政事业单位养老支出", "30"),
                   ("2080505", "机关事业单位基本养老保险缴费支出", "30"), ("2080506", "机关事业单位职业年金缴费支出", "0"))
    table.rows += [Row(name=name, values={"total": D("30")}) for name in ("本年收入", "一般公共预算资金")]
    assert doubt(table, stray_amounts=0) == "2 行有金额却没有编码"


def test_a_revenue_table_by_unit_is_not_doubted_for_its_uncoded_lines():
    table = _table((None, "合计", "30"), ("024", "苏州市审计局", "30"))
    table.rows += [Row(name=name, values={"total": D("10")}) for name in ("苏州市审计局本级", "审计中心", "信息中心")]
    assert doubt(table, stray_amounts=0) is None
