"""A PDF upload: the table page marks the very cell a finding is about on the page image."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from .helpers import add, small_pdf


@pytest.fixture(scope="module")
def pdf_and_amount():
    return small_pdf()


def test_the_finding_cell_is_marked_on_the_page(client, pdf_and_amount):
    pdf, amount = pdf_and_amount
    job = add(client, "支出总表.pdf", pdf)
    assert job["state"] == "done" and job["format"] == "pdf" and job["pages"] == 2
    document_id = job["document_id"]
    findings = client.get(f"/api/documents/{document_id}").json()["findings"]
    row_sum = next(f for f in findings if f["rule"] == "ARITH-ROW-SUM" and f["code"] == "2011301")
    table = client.get(f"/api/documents/{document_id}/tables/expenditure?finding={row_sum['ordinal']}").json()
    mark = table["mark"]
    assert mark is not None and mark["page"] == row_sum["page"]
    x0, top, x1, bottom = mark["box"]
    assert 0 <= x0 < x1 <= mark["width"] and 0 <= top < bottom <= mark["height"]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        inside = document.pages[mark["page"] - 1].crop((x0 - 1, top - 1, x1 + 1, bottom + 1)).extract_text()
    assert inside.replace(",", "") == amount.replace(",", "")  # the cell itself, not its row

    image = client.get(mark["image"])
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert client.get(f"/api/documents/{document_id}/pages/99.png").status_code == 404

    page = client.get(f"/documents/{document_id}/tables/expenditure?finding={row_sum['ordinal']}").text
    assert f'href="/api/documents/{document_id}/pages/{mark["page"]}.png"' in page and 'class="mark"' in page


def test_a_pdf_over_the_page_limit_is_refused(make_client, pdf_and_amount):
    client = make_client(max_pages=1)
    job = add(client, "两页.pdf", pdf_and_amount[0])
    assert job["state"] == "failed" and "页" in job["message"], job
    assert client.get("/api/documents").json()["total"] == 0


def test_a_finding_on_a_pdf_names_its_page_and_printed_row_not_a_line(client, pdf_and_amount):
    job = add(client, "支出总表.pdf", pdf_and_amount[0])
    page = client.get(f"/documents/{job['document_id']}").text
    where = re.search(r'<span class="rule">ARITH-ROW-SUM</span>\s*([^<]*?)\s*<a', page)[1]
    # page 1 is the cover and contents; the 支出总表 and its row 2011301 行政运行 are printed on page 2
    assert where == "第 2 页「2011301 行政运行」"
    assert not re.search(r"第 \d+ 行", page)
