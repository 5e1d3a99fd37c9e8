"""DOCX reader: paragraphs and tables in order, merged cells keep their text in the first column/row."""

from __future__ import annotations

import io

import docx
import pytest

from yusuan.readers import read_bytes


def docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def summary(document) -> None:
    document.add_paragraph("重庆市潼南区经济和信息化委员会2024年部门预算情况说明")
    document.add_paragraph("部门收支总表")
    document.add_paragraph("单位：万元")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "收入"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "支出"
    for col, text in enumerate(["项目", "预算数", "项目", "预算数"]):
        table.cell(1, col).text = text
    for col, text in enumerate(["一般公共预算拨款收入", "3,805.35", "一般公共服务支出", "2,251.40"]):
        table.cell(2, col).text = text
    table.cell(3, 0).text = "本年收入合计"
    table.cell(3, 1).text = "３，８０５．３５"
    document.add_paragraph("本部门2024年收入预算3,805.35万元。")


@pytest.fixture(scope="module")
def summary_doc():
    return read_bytes(docx_bytes(summary), "预算.docx")


def test_paragraphs_are_one_cell_lines_in_document_order(summary_doc):
    assert summary_doc.reader == "docx"
    texts = [line.text for line in summary_doc.lines]
    assert texts[:3] == ["重庆市潼南区经济和信息化委员会2024年部门预算情况说明", "部门收支总表", "单位:万元"]
    assert texts[-1] == "本部门2024年收入预算3,805.35万元。"


def test_table_rows_keep_every_column(summary_doc):
    rows = [line.texts for line in summary_doc.lines if len(line.cells) > 1]
    assert rows == [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一般公共预算拨款收入", "3,805.35", "一般公共服务支出", "2,251.40"],
        ["本年收入合计", "3,805.35", "", ""],
    ]


def test_vertically_merged_cell_reads_once():
    def build(document):
        table = document.add_table(rows=3, cols=2)
        table.cell(0, 0).merge(table.cell(2, 0)).text = "一般公共预算资金"
        for row, text in enumerate(["小计", "公共财政拨款(补助)资金", "专项收入"]):
            table.cell(row, 1).text = text

    doc = read_bytes(docx_bytes(build), "merged.docx")
    assert [line.texts for line in doc.lines] == [
        ["一般公共预算资金", "小计"],
        ["", "公共财政拨款(补助)资金"],
        ["", "专项收入"],
    ]


def test_text_wrapped_over_paragraphs_in_a_cell_is_one_label():
    def build(document):
        table = document.add_table(rows=1, cols=2)
        cell = table.cell(0, 0)
        cell.text = "机关事业单位基本养老"
        cell.add_paragraph("保险缴费支出")
        table.cell(0, 1).text = "76.17"

    doc = read_bytes(docx_bytes(build), "wrapped.docx")
    assert doc.lines[0].texts == ["机关事业单位基本养老保险缴费支出", "76.17"]


def test_docx_is_found_by_content_whatever_its_name():
    doc = read_bytes(docx_bytes(summary), "download.bin")
    assert doc.reader == "docx"


def test_a_docx_read_back_through_the_pipeline_gives_the_table():
    from yusuan.pipeline import parse_bytes

    disclosure = parse_bytes(docx_bytes(summary), "预算.docx")
    table = disclosure.tables["summary"]
    income = {row.item: row.values["total"] for row in table.rows if row.side == "income" and row.item}
    assert str(income["general_budget"]) == "3805.35"
