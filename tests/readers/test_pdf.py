"""PDF reader: table cells rebuilt from rulings and word positions, furniture dropped, prose joined.

Small PDFs are made here from HTML (WeasyPrint); expected values on the real corpus were read off
the rendered pages by eye, not taken from the program's output.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest

from yusuan.readers import ocr, read_bytes, read_path
from yusuan.readers.pdf.geometry import Glyph, dedupe
from yusuan.readers.pdf.pages import seated_box
from yusuan.readers.pdf.plumber import glyph_top_bottom

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="OCR extra (yusuan[ocr]) not installed")

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

_CSS = """
@page { size: A4; margin: 25mm 20mm;
        @top-center { content: "测试部门2024年部门预算公开"; font-size: 9pt }
        @bottom-center { content: "- " counter(page) " -"; font-size: 9pt } }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt }
table { border-collapse: collapse; width: 100% }
td, th { border: 0.6pt solid black; padding: 2pt 4pt; font-weight: normal }
table.bare td, table.bare th { border: none; padding: 2pt 14pt }
td.n { text-align: right }
h1 { font-size: 16pt; text-align: center; font-weight: normal }
p { text-indent: 2em; text-align: justify; margin: 0 }
"""


def html_pdf(body: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>{body}</body></html>").write_pdf()


def image_pdf(pdf: bytes, dpi: int = 150) -> bytes:
    """The pages of `pdf` rasterized at `dpi` into a PDF with no text layer, as a scan would be."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = [document[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(document))]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def rows_of(doc, page=None):
    return [line.texts for line in doc.lines if len(line.cells) > 1 and (page is None or line.page == page)]


def texts_of(doc):
    return [line.text for line in doc.lines]


SUMMARY = """
<h1>部门收支总表</h1>
<div>单位：万元</div>
<table>
<tr><th colspan="2">收入</th><th colspan="3">支出</th></tr>
<tr><th rowspan="2">项目</th><th rowspan="2">预算数</th><th rowspan="2">项目</th><th colspan="2">预算数</th></tr>
<tr><th>合计</th><th>一般公共预算</th></tr>
<tr><td>一般公共预算拨款收入</td><td class="n">3,805.35</td><td>一般公共服务支出</td><td class="n">2,251.40</td><td class="n">2,251.40</td></tr>
<tr><td>政府性基金预算拨款收入</td><td class="n"></td><td>资源勘探工业信息等支出（含中小企业发展和管理支出及其他）</td><td class="n">１，５５３．９５</td><td class="n">1,553.95</td></tr>
<tr><td>本年收入合计</td><td class="n">3,805.35</td><td>本年支出合计</td><td class="n">3,805.35</td><td class="n">3,805.35</td></tr>
</table>
"""


@pytest.fixture(scope="module")
def summary_doc():
    return read_bytes(html_pdf(SUMMARY), "summary.pdf")


def test_ruled_table_keeps_one_cell_per_column_and_empty_cells(summary_doc):
    rows = rows_of(summary_doc)
    assert rows[0] == ["收入", "", "支出", "", ""]
    assert rows[1] == ["项目", "预算数", "项目", "预算数", ""]
    assert rows[2] == ["", "", "", "合计", "一般公共预算"]
    assert rows[3] == ["一般公共预算拨款收入", "3,805.35", "一般公共服务支出", "2,251.40", "2,251.40"]
    assert rows[4][1] == ""


def test_wrapped_cell_text_is_joined_and_full_width_numbers_are_normalized(summary_doc):
    row = rows_of(summary_doc)[4]
    assert row[2] == "资源勘探工业信息等支出(含中小企业发展和管理支出及其他)"
    assert row[3] == "1,553.95"


def test_title_and_unit_are_lines_of_their_own(summary_doc):
    texts = texts_of(summary_doc)
    assert texts[1:3] == ["部门收支总表", "单位:万元"]


def test_page_number_is_dropped(summary_doc):
    assert not any(t in ("-1-", "- 1 -") for t in texts_of(summary_doc))


def test_amount_cells_keep_page_and_box(summary_doc):
    line = next(line for line in summary_doc.lines if line.texts[:1] == ["一般公共预算拨款收入"])
    source = line.cell_source(1)
    assert source.page == 1
    x0, top, x1, bottom = source.box
    assert x0 < x1 and top < bottom and bottom < 842


def test_prose_wrapped_over_lines_and_pages_is_one_line():
    sentence = "本部门2024年收入预算3,805.35万元，其中一般公共预算拨款收入3,805.35万元，比上年减少1,023.71万元。" * 6
    body = "<h1>部门预算情况说明</h1>" + "<p>前言。</p>" * 38 + f"<p>{sentence}</p><p>第二段。</p>"
    doc = read_bytes(html_pdf(body), "prose.pdf")
    texts = texts_of(doc)
    assert sentence.replace("，", ",").replace("。", "。") in texts
    assert texts[-1] == "第二段。"
    assert doc.page_count == 2


def test_table_continued_over_pages_keeps_its_columns():
    rows = "".join(
        f"<tr><td>{2010100 + i}</td><td>项目{i}</td><td class='n'>{i}.00</td><td class='n'></td></tr>" for i in range(1, 80)
    )
    body = "<h1>部门支出总表</h1><table><thead><tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>项目支出</th></tr></thead>" + rows + "</table>"
    doc = read_bytes(html_pdf(body), "long.pdf")
    data = [r for r in rows_of(doc) if r[0].isdigit()]
    assert len(data) == 79
    assert all(len(r) == 4 for r in data)
    assert data[-1] == ["2010179", "项目79", "79.00", ""]
    pages = {line.page for line in doc.lines}
    assert len(pages) >= 2
    assert {line.page for line in doc.lines if line.texts[:1] == ["科目编码"]} == pages
    # the running header printed on both pages is furniture, the table title is not
    assert not any("测试部门2024年" in t for t in texts_of(doc))
    assert texts_of(doc)[0] == "部门支出总表"


def test_table_without_rulings_is_aligned_by_word_positions():
    body = """<h1>项目支出表</h1><table class="bare">
    <tr><td>项目名称</td><td>金额</td><td>备注</td></tr>
    <tr><td>信息化建设</td><td class="n">120.00</td><td>新增</td></tr>
    <tr><td>会议经费</td><td class="n">8.50</td><td></td></tr>
    <tr><td>办公楼维修</td><td class="n">1,300.00</td><td>续建</td></tr></table>"""
    rows = rows_of(read_bytes(html_pdf(body), "bare.pdf"))
    assert rows == [
        ["项目名称", "金额", "备注"],
        ["信息化建设", "120.00", "新增"],
        ["会议经费", "8.50", ""],
        ["办公楼维修", "1,300.00", "续建"],
    ]


def test_fake_bold_copies_are_removed():
    glyphs = [Glyph("合", 10, 10, 20, 20), Glyph("合", 10.4, 10.3, 20.4, 20.3), Glyph("计", 20, 10, 30, 20), Glyph("计", 20.5, 10, 30.5, 20)]
    assert [g.text for g in dedupe(glyphs)] == ["合", "计"]


def test_a_doubled_character_that_stands_apart_is_kept():
    glyphs = [Glyph("1", 10, 10, 15, 20), Glyph("1", 15, 10, 20, 20)]
    assert len(dedupe(glyphs)) == 2


def test_a_glyph_whose_font_descends_a_whole_line_is_set_on_its_baseline():
    # 重庆 2026: the digits' font claims a descent of a full em, so "201" sat a row below its name
    digit = {"top": 241.0, "bottom": 251.0, "y0": 344.4, "size": 10.0, "matrix": (1, 0, 0, 1, 72.9, 354.7)}
    name = {"top": 231.8, "bottom": 241.8, "y0": 353.5, "size": 10.0, "matrix": (1, 0, 0, 1, 129.1, 355.96)}
    top, bottom = glyph_top_bottom(digit)
    assert (round(top, 1), round(bottom, 1)) == (232.7, 242.7)
    assert glyph_top_bottom(name) == (231.8, 241.8)
    # the same glyphs as PDFium gives them: top and bottom on the shown page, the baseline 10.3 above the
    # digit's bottom (354.7 - 344.4) and 2.46 above the name's (355.96 - 353.5)
    top, bottom = seated_box(241.0, 251.0, 240.7, 10.0)
    assert (round(top, 1), round(bottom, 1)) == (232.7, 242.7)
    assert seated_box(231.8, 241.8, 239.34, 10.0) == (231.8, 241.8)


@needs_ocr
def test_scanned_pdf_is_read_with_ocr_into_the_same_cells():
    doc = read_bytes(image_pdf(html_pdf(SUMMARY), dpi=150), "scan.pdf")
    assert doc.reader == "pdf+ocr"
    rows = rows_of(doc)
    assert ["一般公共预算拨款收入", "3,805.35", "一般公共服务支出", "2,251.40", "2,251.40"] in rows
    assert ["本年收入合计", "3,805.35", "本年支出合计", "3,805.35", "3,805.35"] in rows


@needs_ocr
def test_a_png_page_is_read_with_ocr_too():
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(html_pdf(SUMMARY))[0].render(scale=150 / 72).to_pil()
    png = io.BytesIO()
    image.save(png, "PNG", dpi=(150, 150))
    doc = read_bytes(png.getvalue(), "scan.png")
    assert doc.reader == "image+ocr"
    assert ["一般公共预算拨款收入", "3,805.35", "一般公共服务支出", "2,251.40", "2,251.40"] in rows_of(doc)


# --- the real corpus: values read off the rendered pages ---------------------------------------

def corpus_file(relative: str) -> Path:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"corpus file {relative} not present")
    return path


@pytest.fixture(scope="module")
def jiangsu_procuratorate_2017():
    return read_path(corpus_file("jiangsu/江苏省人民检察院/2017年省检察院部门预算.pdf"))


def test_corpus_three_sided_summary_rows(jiangsu_procuratorate_2017):
    rows = rows_of(jiangsu_procuratorate_2017, page=10)
    assert ["一、财政拨款", "17,981.68", "一、一般公共服务支出", "", "一、基本支出", "12,323.48"] in rows
    assert ["三、其他资金", "15.00", "五、教育支出", "", "", ""] in rows
    # 当年支出小计 is one cell over three columns: its text stays in the first of them
    assert ["当年收入小计", "17,996.68", "当年支出小计", "", "", "17,996.68"] in rows


def test_corpus_coded_table_and_title_lines(jiangsu_procuratorate_2017):
    texts = texts_of(jiangsu_procuratorate_2017)
    assert "五、财政拨款支出预算表" in texts
    rows = rows_of(jiangsu_procuratorate_2017, page=12)
    assert ["2040401", "行政运行", "7,968.14"] in rows
    assert ["2210202", "提租补贴", "1,534.94"] in rows
    assert "12" not in texts  # the page number under the table


def test_corpus_row_cut_by_a_page_break_is_joined():
    doc = read_path(corpus_file("jiangsu/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf"))
    rows = rows_of(doc)
    # page 7 ends with "八、社会保障和就" and page 8 opens with "业支出"
    assert ["", "", "八、社会保障和就业支出", "1,608.51", "", ""] in rows
    assert not any(r[2] == "业支出" for r in rows if len(r) > 2)
    # page 9 draws only 4 of the 6 column borders: its cells move to the columns of page 8
    assert ["收入合计", "13,649.07", "支出合计", "", "", "13,649.07"] in rows


def test_corpus_vertically_merged_label_stands_in_its_first_row():
    doc = read_path(corpus_file("jiangsu/江苏省人民检察院/2018年省检察院部门预算公开.pdf"))
    rows = rows_of(doc, page=14)
    assert ["一般公共预算资金", "小计", "21,940.96"] in rows
    assert ["", "公共财政拨款(补助)资金", "21,940.96"] in rows


def test_corpus_split_code_columns_and_yuan_amounts():
    doc = read_path(corpus_file("shanghai/上海市普陀区商务委员会25年预算.pdf"))
    rows = rows_of(doc, page=16)
    assert ["215", "08", "99", "其他支持中小企业发展和管理支出", "293,810,000.00", "", "293,810,000.00"] in rows
    assert ["合计", "", "", "", "371,514,655.00", "19,830,655.00", "351,684,000.00"] in rows


def test_corpus_two_tables_side_by_side_in_one_grid():
    doc = read_path(corpus_file("shanghai/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"))
    rows = rows_of(doc, page=16)
    assert ["30101", "基本工资", "537.64", "30201", "办公费", "84.62"] in rows
    assert ["30108", "机关事业单位基本养老保险缴费", "446.11", "30206", "电费", "18.86"] in rows


@needs_ocr
def test_seed_rendered_by_the_pdf_writer_reads_back_through_ocr_at_150_dpi():
    """The example as the PDF writer prints it, rasterized at 150 dpi: the amounts OCR reads on the
    three pages richest in table amounts are those of the text layer (all 30 pages: see notes)."""
    writers = pytest.importorskip("yusuan.writers.pdf")
    import pypdfium2 as pdfium

    from yusuan.pipeline import parse_path

    pdf = writers.pdf_bytes(parse_path(Path(__file__).resolve().parents[2] / "examples" / "tongnan-jxw-2024-budget.txt"))
    text_layer = read_bytes(pdf, "seed.pdf")
    amounts_by_page: dict[int, list[str]] = {}
    for line in text_layer.lines:
        if len(line.cells) > 1:
            amounts_by_page.setdefault(line.page, []).extend(t for t in line.texts if _is_amount(t))
    pages = sorted(sorted(amounts_by_page, key=lambda p: -len(amounts_by_page[p]))[:3])
    source = pdfium.PdfDocument(pdf)
    subset = pdfium.PdfDocument.new()
    subset.import_pages(source, [p - 1 for p in pages])
    out = io.BytesIO()
    subset.save(out)
    scanned = read_bytes(image_pdf(out.getvalue(), dpi=150), "seed-scan.pdf")
    expected = sorted(a for p in pages for a in amounts_by_page[p])
    read = sorted(t for line in scanned.lines if len(line.cells) > 1 for t in line.texts if _is_amount(t))
    matched = sum((Counter(expected) & Counter(read)).values())
    assert matched >= 0.99 * len(expected)


def _is_amount(text: str) -> bool:
    return bool(re.fullmatch(r"-?[\d,]+\.\d\d", text))


def test_a_scanned_page_without_the_ocr_extra_is_listed_as_unread(monkeypatch):
    import pypdfium2 as pdfium

    from yusuan.pipeline import parse_bytes

    text_pages = html_pdf(SUMMARY + '<p style="page-break-before: always">第二页文字。</p>')
    merged = pdfium.PdfDocument(text_pages)
    merged.import_pages(pdfium.PdfDocument(image_pdf(html_pdf("<h1>扫描页</h1><p>一般公共预算</p>"))))
    out = io.BytesIO()
    merged.save(out)
    monkeypatch.setattr(ocr, "available", lambda: False)
    disclosure = parse_bytes(out.getvalue(), "three-pages.pdf")
    assert "summary" in disclosure.tables  # pages 1 and 2 are read
    unread = [u for u in disclosure.unreadable if u.source.page == 3]
    assert len(unread) == 1 and "扫描图像" in unread[0].what and "yusuan[ocr]" in unread[0].what
