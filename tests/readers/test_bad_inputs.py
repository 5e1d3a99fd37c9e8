"""Inputs that cannot be read: each is refused quickly with a Chinese message, never a traceback."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from typer.testing import CliRunner

from yusuan.cli import app
from yusuan.errors import UnreadableInput
from yusuan.readers import Limits, read_bytes
from yusuan.readers import ocr

from .pdfs import raw_pdf

# every refusal below must come within this many seconds
QUICK = 5.0


def html_pdf(body: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>").write_pdf()


def encrypted_pdf() -> bytes:
    """A page under the standard security handler, with a user password nobody told us.
    (Built by hand: pypdf is not a dependency; the reader only has to see that it is locked.)"""
    ident = "<" + "ab" * 16 + ">"
    return raw_pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + "6f" * 32 + "> /U <" + "75" * 32 + "> >>",
        ],
        trailer_extra=f"/Encrypt 4 0 R /ID [{ident} {ident}] ",
    )


def refused(data: bytes, name: str, match: str, limits: Limits | None = None) -> UnreadableInput:
    start = time.perf_counter()
    with pytest.raises(UnreadableInput, match=match) as info:
        read_bytes(data, name, limits) if limits else read_bytes(data, name)
    assert time.perf_counter() - start < QUICK
    return info.value


@pytest.fixture(scope="module")
def small_pdf() -> bytes:
    return html_pdf("<h1>部门收支总表</h1>" + "<p>第一页。</p>" + "<p style='page-break-before: always'>第二页。</p>" * 4)


def test_encrypted_pdf():
    refused(encrypted_pdf(), "locked.pdf", "文件已加密")


def test_truncated_pdf(small_pdf):
    refused(small_pdf[: len(small_pdf) // 2], "cut.pdf", "已损坏或不完整")


def test_pdf_with_zero_pages():
    pdf = raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"])
    refused(pdf, "empty.pdf", "没有任何页面")


def test_pdf_over_the_page_limit(small_pdf):
    refused(small_pdf, "long.pdf", "页数超过上限 3 页", Limits(max_pages=3))


def test_two_thousand_page_pdf_is_refused_by_default():
    pages = 2000
    kids = " ".join(f"{n} 0 R" for n in range(3, 3 + pages))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    refused(raw_pdf(objects), "2000.pdf", "页数超过上限 1000 页")


def page_tree(pages: int, declared: int) -> bytes:
    """A PDF whose page tree holds `pages` empty pages and whose /Count says `declared`."""
    kids = " ".join(f"{n} 0 R" for n in range(3, 3 + pages))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {declared} >>"]
    return raw_pdf(objects + ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages)


def test_a_page_tree_that_declares_one_page_and_holds_three_thousand_is_refused():
    # PDFium takes /Count on trust and saw 1 page; pdfplumber walks the tree and would read all 3,000
    refused(page_tree(3000, declared=1), "lying.pdf", "页数超过上限 1000 页")


def test_pages_outside_any_page_tree_count_too():
    # a page tree without /Kids: PDFium counts it as 1 page, pdfminer then reads every /Page object
    # in the file, and those are the pages counted
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 1 >>"]
    objects += ["<< /Type /Page /MediaBox [0 0 595 842] >>"] * 12
    refused(raw_pdf(objects), "loose.pdf", "页数超过上限 10 页", Limits(max_pages=10))


def test_a_count_larger_than_the_pages_neither_refuses_nor_is_reported():
    from yusuan.readers.pdf.pages import open_pdf

    with open_pdf(page_tree(3, declared=5000), "inflated.pdf", Limits(max_pages=10)) as pdf:
        assert pdf.page_count == 3 and not pdf.renderable
    with open_pdf(page_tree(3, declared=3), "honest.pdf", Limits(max_pages=10)) as pdf:
        assert pdf.page_count == 3 and pdf.renderable


def test_image_only_pdf_without_the_ocr_extra(monkeypatch, small_pdf):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(small_pdf)[0].render(scale=1).to_pil().convert("RGB")
    scan = io.BytesIO()
    page.save(scan, "PDF", resolution=72)
    monkeypatch.setattr(ocr, "available", lambda: False)
    error = refused(scan.getvalue(), "scan.pdf", "扫描图像")
    assert "第 1 页" in error.message and "yusuan[ocr]" in error.message


def test_xlsx_zip_bomb():
    # 200 MB of zeros deflate to about 200 KB: a 1000x ratio, far past any real workbook
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            zeros = b"\0" * (1024 * 1024)
            for _ in range(200):
                member.write(zeros)
    refused(bomb.getvalue(), "bomb.xlsx", "压缩炸弹")


def test_zip_that_inflates_past_the_total_limit():
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"x" * 3_000_000)
    refused(archive_bytes.getvalue(), "big.docx", "解压后超过 2 MB", Limits(max_unzipped_bytes=2 * 1024 * 1024))


def test_broken_zip():
    refused(b"PK\x03\x04" + b"\x00" * 200, "broken.xlsx", "已损坏或不完整")


def test_zip_that_is_no_office_file():
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(archive_bytes.getvalue(), "files.zip", "不是 Word")


def test_legacy_word_document():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le") + b"\0" * 500
    refused(ole, "old.doc", "旧版 Word")


def test_file_over_the_size_limit():
    refused(b"%PDF-1.4\n" + b"0" * 2000, "huge.pdf", "超过上限", Limits(max_file_bytes=1000))


def test_cli_exits_with_code_2_and_a_message(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert "文件已加密" in result.output
    assert "Traceback" not in result.output
