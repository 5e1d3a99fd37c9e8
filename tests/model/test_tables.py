"""Looking rows up by code or item: the first row that has it (and the side asked for), also after the rows
or a row's code change; and in time that grows with the rows, not with their square."""

import copy
import pickle
import time

from yusuan.model import Row, Table, Unit


def _table(rows: list[Row]) -> Table:
    return Table(id="general_expenditure", title="一般公共预算支出表", unit=Unit.wanyuan, rows=rows)


def test_the_first_row_of_a_code_or_item_is_found_on_the_side_asked_for():
    table = _table([
        Row(name="合计", item="total"),
        Row(code="2050101", name="行政运行", side="income"),
        Row(code="2050101", name="行政运行", side="expenditure"),
        Row(code="2050102", name="一般行政管理事务"),
    ])
    assert table.row("2050101") is table.rows[1]
    assert table.row("2050101", "expenditure") is table.rows[2]
    assert table.row("2050102", "income") is None
    assert table.row("20501") is None
    assert table.item("total") is table.rows[0]
    assert table.item("total", "expenditure") is None


def test_a_lookup_sees_rows_added_replaced_removed_and_recoded():
    table = _table([Row(code="2050101", name="行政运行")])
    assert table.row("2080501") is None
    table.rows.append(Row(code="2080501", name="行政单位离退休"))
    assert table.row("2080501").name == "行政单位离退休"
    table.rows[0] = Row(code="2050102", name="一般行政管理事务")
    assert table.row("2050101") is None and table.row("2050102").name == "一般行政管理事务"
    table.rows[1].code = "2080505"
    assert table.row("2080501") is None and table.row("2080505").name == "行政单位离退休"
    del table.rows[0]
    assert table.row("2050102") is None
    table.rows.insert(0, Row(code="2080505", name="机关事业单位基本养老保险缴费支出"))
    assert table.row("2080505").name == "机关事业单位基本养老保险缴费支出"
    table.rows = [Row(code="2101101", name="行政单位医疗")]
    assert table.row("2101101").name == "行政单位医疗" and table.row("2080505") is None


def test_a_copied_or_pickled_table_looks_up_its_own_rows():
    table = _table([Row(code="2050101", name="行政运行")])
    assert table.row("2050101") is not None
    for other in (table.model_copy(deep=True), copy.deepcopy(table), pickle.loads(pickle.dumps(table))):
        assert other == table
        assert other.row("2050101") is other.rows[0]
        other.rows[0].code = "2050102"
        assert other.row("2050101") is None and table.row("2050101") is table.rows[0]


def _seconds_to_look_up_every_row(count: int) -> float:
    table = _table([Row(code=f"2{k:06d}", name=f"科目{k}") for k in range(count)])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for row in table.rows:
            assert table.row(row.code) is row
        best = min(best, time.perf_counter() - start)
    return best


def test_looking_up_every_row_takes_time_in_proportion_to_the_rows():
    """Each lookup went through the rows from the first: a rule looking up every row of a long table took
    the square of its length. Eight times the rows now takes about eight times as long, not sixty-four."""
    assert _seconds_to_look_up_every_row(8000) / _seconds_to_look_up_every_row(1000) < 24
