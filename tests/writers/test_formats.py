"""What each format promises beyond the amounts: self-contained HTML, Word fonts and tables, Excel formats."""

import io
import re
import zipfile

import openpyxl

from yusuan.writers.docx import docx_bytes
from yusuan.writers.html import render_html
from yusuan.writers.xlsx import xlsx_bytes


def test_html_is_one_self_contained_file(derived):
    html = render_html(derived)
    assert "<style>" in html and "@page" in html and "@media screen" in html
    assert not re.search(r"<link|<script|src=|url\(|https?://", html)


def test_html_tables_repeat_their_header_and_escape_text(derived):
    html = render_html(derived)
    assert html.count("<thead>") >= len(derived.tables)
    assert "&#34;" not in html.split("</style>")[0]  # the stylesheet is not escaped (font names keep their quotes)
    assert 'leader(".")' in html


def test_docx_sets_east_asian_fonts(derived):
    with zipfile.ZipFile(io.BytesIO(docx_bytes(derived))) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        document = archive.read("word/document.xml").decode("utf-8")
    assert 'w:eastAsia="宋体"' in styles and 'w:eastAsia="黑体"' in styles
    assert document.count("<w:tbl>") >= len(derived.tables)
    assert "<w:tblHeader" in document and "<w:gridSpan" in document and 'w:vMerge w:val="restart"' in document
    assert 'w:orient="landscape"' in document  # the wide tables get landscape sections


def test_xlsx_one_sheet_per_table_with_number_format_and_merged_headers(derived):
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(derived)))
    names = book.sheetnames
    assert names[0] == "情况说明"
    assert {"部门收支总表", "部门收入总表", "一般公共预算财政拨款基本支出表", "项目支出表", "部门整体绩效目标表"} <= set(names)
    sheet = book["一般公共预算财政拨款支出表"]
    total = next(row for row in sheet.iter_rows() if row[1].value == "合计")
    assert total[2].value == 3805.35 and total[2].number_format == "#,##0.00"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:E1" in merged and "C3:E3" in merged  # the title, and 2024年预算数 over 合计/基本/项目
    assert sheet.column_dimensions["B"].width >= 30  # the longest 项 name, 机关事业单位基本养老保险缴费支出, fits



def test_performance_tables_print_the_documents_unit():
    from yusuan.model import Unit
    from yusuan.pipeline import parse_bytes
    from yusuan.synth.build import build
    from yusuan.writers.text import render_text

    in_yuan = build(2027, 3).disclosure  # a synthetic document in 元, with performance tables
    assert in_yuan.unit == Unit.yuan and in_yuan.performance_overall is not None and in_yuan.performance_projects
    text = render_text(in_yuan)
    assert "资金总额（元）" in text and "资金总额（万元）" not in text
    read = parse_bytes(text.encode("utf-8"), "yuan.txt")
    assert [t.fund for t in read.performance_projects] == [t.fund for t in in_yuan.performance_projects]
