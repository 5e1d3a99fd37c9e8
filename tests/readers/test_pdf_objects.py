"""A page's characters, ruling sides and images from PDFium (readers/pdf/objects.py), on pages built by
hand with one feature each: the coordinates expected are worked out from the content stream."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from yusuan.readers.pdf.objects import TooManyObjects, page_objects
from yusuan.readers.pdf.rulings import side_rulings

from .pdfs import raw_pdf


def one_page(content: str, page_extra: str = "", media: str = "0 0 600 800", more: list[str] = ()) -> pdfium.PdfPage:
    """A page drawing `content` with Helvetica as /F1 (object 4) and form XObjects (objects 5…) as /X1…."""
    xobjects = " ".join(f"/X{i} {5 + i - 1} 0 R" for i in range(1, len(more) + 1))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [{media}] {page_extra} /Resources << /Font << /F1 4 0 R >>"
        f" /XObject << {xobjects} >> >> /Contents {5 + len(more)} 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *more,
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    return pdfium.PdfDocument(raw_pdf(objects))[0]


def texts(page: pdfium.PdfPage) -> str:
    return "".join(c.text for c in page_objects(page, 10_000).chars if c.upright)


def test_a_glyph_is_one_font_size_tall_above_its_descent_in_top_down_coordinates():
    [char] = page_objects(one_page("BT /F1 20 Tf 100 700 Td (H) Tj ET"), 100).chars
    # Helvetica: H is 0.722 em wide; the baseline at y = 700 is 100 from the top, and the font descends
    # 0.207 (its metrics) to 0.225 em (its bounding box) below it
    assert (char.text, round(char.x0, 1), round(char.x1, 1)) == ("H", 100.0, 114.4)
    assert 100 + 0.2 * 20 < char.bottom < 100 + 0.23 * 20 and round(char.bottom - char.top, 1) == 20.0
    assert round(char.baseline, 1) == 100.0 and round(char.size, 1) == 20.0 and char.upright and char.mapped


def test_the_crop_box_is_the_origin_of_the_shown_page():
    # a media box starting at (-12, 12): the text 112 right of its left edge and 100 below its top
    [char] = page_objects(one_page("BT /F1 20 Tf 100 700 Td (H) Tj ET", media="-12 12 588 812"), 100).chars
    assert round(char.x0, 1) == 112.0 and round(char.baseline, 1) == 112.0


def test_a_page_turned_by_its_rotate_entry_shows_its_text_upright_where_a_viewer_shows_it():
    # /Rotate 90 turns the page clockwise; text drawn turned a quarter left reads upright on the turned page
    page = one_page("BT /F1 20 Tf 0 1 -1 0 300 100 Tm (AB) Tj ET", page_extra="/Rotate 90")
    found = page_objects(page, 100)
    assert (found.width, found.height) == (800, 600)
    assert texts(page) == "AB"
    a, b = found.chars
    # the user-space point (300, 100) shows at x = 100 (from the left of the turned page), y = 300 (from its top)
    assert round(a.x0, 1) == 100.0 and round(a.baseline, 1) == 300.0 and b.x0 > a.x0


def test_slanted_glyphs_are_upright_and_turned_ones_are_not():
    slanted = one_page("BT /F1 20 Tf 1 0 0.3 1 100 700 Tm (8.85) Tj ET")  # fake italic: the baseline stays level
    assert texts(slanted) == "8.85"
    turned = one_page("BT /F1 20 Tf 0 1 -1 0 100 500 Tm (VERTICAL) Tj ET")
    assert texts(turned) == "" and len(page_objects(turned, 100).chars) == 8


def test_strokes_and_dark_boxes_are_sides_white_boxes_are_not():
    content = ("0 0 0 RG 1 w 50 700 m 550 700 l S "       # a black stroke: one horizontal side
               "1 1 1 rg 50 600 200 50 re f "             # a white filled box (an office export's cell): nothing
               "0 0 0 rg 50 500 500 0.5 re f")            # a thin black box: a ruling, at its middle
    found = page_objects(one_page(content), 100)
    horizontals, verticals = side_rulings(found.sides)
    assert [(round(s.pos, 1), round(s.start), round(s.end)) for s in horizontals] == [(100.0, 50, 550), (299.8, 50, 550)]
    assert verticals == []


def test_paths_inside_a_form_are_placed_by_the_form_and_its_use():
    form = ("<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Matrix [1 0 0 1 10 0] /Length 27 >>\n"
            "stream\n0 0 0 RG 0 0 m 100 0 l S\nendstream")
    found = page_objects(one_page("q 1 0 0 1 40 300 cm /X1 Do Q", more=[form]), 100)
    [side] = found.sides
    # the form moves 10 right, its use 40 right and 300 up: from (50, 300) to (150, 300), 500 from the top
    assert [round(v, 1) for v in side] == [50.0, 500.0, 150.0, 500.0]


def test_an_image_covers_the_area_its_matrix_gives_it():
    image = ("<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
             " /Length 1 >>\nstream\n\x80\nendstream")
    found = page_objects(one_page("q 300 0 0 400 0 0 cm /X1 Do Q", more=[image]), 100)
    assert round(found.image_area) == 300 * 400


def test_more_characters_and_paths_than_the_budget_allow_are_refused():
    page = one_page("BT /F1 1 Tf 10 400 Td (" + "A" * 300 + ") Tj ET 0 G 0 0 m 10 0 l S")
    assert len(page_objects(page, 301).chars) == 300
    with pytest.raises(TooManyObjects):
        page_objects(page, 300)
