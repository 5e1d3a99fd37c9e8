"""The PDF reads like a disclosure: Chinese text in its text layer, every font embedded, A4, page numbers,
a contents page with page numbers, long tables continued with their header."""

import io
import re

import pdfplumber
from pdfminer.pdftypes import resolve1


A4 = (595, 842)


def _texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


def _fonts(pdf: bytes):
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            fonts = resolve1(resolve1(page.page_obj.resources).get("Font", {})) or {}
            for font in fonts.values():
                yield resolve1(font)


def _descriptors(font) -> list:
    descendants = [resolve1(d) for d in resolve1(font.get("DescendantFonts", [])) or []]
    return [resolve1(f.get("FontDescriptor")) for f in [font, *descendants] if f.get("FontDescriptor")]


def test_text_layer_has_the_department_and_the_totals(pdf_of_derived, derived):
    text = "\n".join(_texts(pdf_of_derived))
    assert derived.department in text.replace(" ", "")
    assert "3,805.35" in text and "1,379.35" in text and "2,426.00" in text  # 合计, 基本支出, 项目支出 (seed)


def test_every_font_is_embedded(pdf_of_derived):
    fonts = list(_fonts(pdf_of_derived))
    assert fonts
    for font in fonts:
        descriptors = _descriptors(font)
        assert descriptors, font.get("BaseFont")
        assert all(any(k in d for k in ("FontFile", "FontFile2", "FontFile3")) for d in descriptors), font.get("BaseFont")


def test_chinese_is_set_in_a_cjk_font(pdf_of_derived):
    names = {str(resolve1(f.get("BaseFont"))) for f in _fonts(pdf_of_derived)}
    assert any("CJK" in name for name in names), names


def test_a4_pages_with_page_numbers(pdf_of_derived):
    with pdfplumber.open(io.BytesIO(pdf_of_derived)) as document:
        sizes = {tuple(sorted(round(v) for v in (p.width, p.height))) for p in document.pages}
    assert sizes == {A4}
    texts = _texts(pdf_of_derived)
    assert "- 3 -" in texts[2]  # the cover and contents pages carry no number


def test_contents_page_lists_parts_with_their_page(pdf_of_derived):
    contents = _texts(pdf_of_derived)[0]
    assert re.search(r"第一部分 部门概况\s*\.{5,}\s*3", contents)
    assert "部门收支总表" in contents


def test_a_long_table_continues_on_the_next_page_with_its_title_and_header(facts):
    from yusuan.classification import catalog
    from yusuan.compose import derive
    from yusuan.writers.pdf import pdf_bytes

    codes = [e.code for e in catalog("functional").entries() if e.level == "项"][:70]
    data = facts.model_dump()  # the seed's 基本支出 1,379.35 spread over 70 项: 69 × 19.00 + 68.35
    data["functional_lines"] = [{"code": c, "basic": "19.00"} for c in codes[:-1]] + [{"code": codes[-1], "basic": "68.35"}]
    disclosure = derive(type(facts).model_validate(data))
    title = disclosure.tables["expenditure"].title
    pages = [t for t in _texts(pdf_bytes(disclosure)) if title in t.replace(" ", "")]
    assert len(pages) >= 2  # 70 项 with their 款 and 类 do not fit on one page
    assert all("科目编码" in page and "基本支出" in page for page in pages)
    last_code = max(r.code for r in disclosure.tables["expenditure"].rows if r.code)
    assert last_code in pages[-1] and last_code not in pages[0]
