"""A table cut by the print area: a column printed on a page of its own."""

from yusuan.model import Row, Source

from .builder import assert_fails, assert_passes
from .consistent import consistent


def _printed(table_id: str, pages: list[int], spill: dict[int, list[str]], columns: list[str] | None = None):
    """The consistent document with `table_id` printed over `pages`, and on the pages of `spill` only the
    given lines (no code, no amount)."""
    disclosure = consistent().build()
    table = disclosure.tables[table_id]
    if columns is not None:
        table.columns = [c for c in table.columns if c.id in columns]
        for row in table.rows:
            row.values = {c: v for c, v in row.values.items() if c in columns}
    per_page = -(-len(table.rows) // len(pages))
    for index, row in enumerate(table.rows):
        row.source = Source(page=pages[index // per_page], line=index + 1)
    for page, names in spill.items():
        table.rows += [Row(name=name, values=dict.fromkeys(table.column_ids), source=Source(page=page, line=90 + i))
                       for i, name in enumerate(names)]
    return disclosure


def test_a_column_printed_on_a_page_of_its_own():
    # 上海 p.8-10: the 收入预算总表 prints 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 on pp.8-9; p.10 holds
    # the title's cut end, 单位：元, 收入预算 over 其他收入, and the column's empty cells
    disclosure = _printed("revenue", [8, 9], {10: ["26年预算单位收入预算总表", "收入预算", "其他收入"]})
    [finding] = assert_fails(disclosure, "HYGIENE-PRINT-AREA", count=1, says="“其他收入”栏单独印在第 10 页")
    assert finding.place.page == 10 and "第 8 页" in finding.message


def test_an_expenditure_column_printed_apart():
    disclosure = _printed("expenditure", [12, 13], {14: ["项目支出"]}, columns=["total", "basic"])
    assert_fails(disclosure, "HYGIENE-PRINT-AREA", count=1, says="“项目支出”栏")


def test_a_table_over_pages_with_its_rows():
    assert_passes(_printed("revenue", [8, 9], {}), "HYGIENE-PRINT-AREA")


def test_a_header_repeated_on_a_page_over_no_rows_names_the_tables_own_columns():
    # the header printed again at the foot of a page, its rows on the next: no column is missing
    disclosure = _printed("expenditure", [12, 13], {14: ["合计", "基本支出", "项目支出"]})
    assert_passes(disclosure, "HYGIENE-PRINT-AREA")


def test_a_page_of_words_that_name_no_column():
    disclosure = _printed("revenue", [8, 9], {10: ["注：本表反映部门本年度的总收入情况"]})
    assert_passes(disclosure, "HYGIENE-PRINT-AREA")


def test_a_label_among_rows_with_amounts_is_no_spill():
    disclosure = _printed("revenue", [8, 9], {})
    table = disclosure.tables["revenue"]
    table.rows.append(Row(name="其他收入", values=dict.fromkeys(table.column_ids), source=Source(page=9, line=99)))
    assert_passes(disclosure, "HYGIENE-PRINT-AREA")


def test_a_table_listing_its_sources_as_rows_carries_empty_rows_onto_the_next_page():
    # 江苏 2017 收入预算总表 (人大 p.9-10, 法院 p.12-13): 项目名称 | 金额, the sources as rows without codes; the rows
    # 其他非税收入, 事业收入, 经营收入, 其他收入, 上年结转和结余资金 have no amount and go on at the top of the next page
    disclosure = _printed("revenue", [8, 9], {10: ["其他非税收入", "事业收入", "经营收入", "其他收入"]})
    for row in disclosure.tables["revenue"].rows:
        row.code = None
    assert_passes(disclosure, "HYGIENE-PRINT-AREA")
