"""The formats of readers/registry.py: each is complete, its content picks its reader, the suffixes a
batch takes and the upload page names are the registry's, and importing it loads no heavy library."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from yusuan.batch.discover import DOCUMENT_SUFFIXES, is_document
from yusuan.errors import UnreadableInput
from yusuan.readers import DEFAULT_LIMITS, ocr, read_bytes
from yusuan.readers.pdf.geometry import PageContent
from yusuan.readers.registry import FORMATS, SUFFIXES, format_of

SEEDS = Path(__file__).resolve().parents[2] / "fuzz" / "seeds"
BY_NAME = {f.name: f for f in FORMATS}
CHINESE = re.compile("[\u4e00-\u9fff]")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (200, 100), 255).save(out, "PNG")
    return out.getvalue()


def test_every_format_has_a_name_a_chinese_label_and_a_suffix():
    assert len({f.name for f in FORMATS}) == len(FORMATS)
    for f in FORMATS:
        assert CHINESE.search(f.label), f.name
        assert f.suffixes, f.name
        assert all(s.startswith(".") and s == s.lower() for s in f.suffixes), f.name
        assert callable(f.read)


def test_no_suffix_belongs_to_two_formats():
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes))


def test_a_batch_takes_the_suffixes_of_the_registry():
    assert DOCUMENT_SUFFIXES == SUFFIXES == {s for f in FORMATS for s in f.suffixes}
    assert DOCUMENT_SUFFIXES == {".txt", ".pdf", ".docx", ".xlsx", ".xls", ".html", ".htm", ".png", ".jpg", ".jpeg"}
    assert is_document("预算.PDF") and is_document("表.htm") and not is_document("说明.doc")


@pytest.mark.parametrize(("name", "data"), [
    ("text", "部门收入总表\n单位：万元\n项目\t合计\n一般公共服务支出\t2251.40\n".encode()),
    ("text", "部门收入总表\n".encode("gb18030")),
    ("html", "<!DOCTYPE html><html><body><table><tr><td>项目</td><td>合计</td></tr></table></body></html>".encode()),
    ("html", b"\xef\xbb\xbf  <html><p>\xe9\x83\xa8\xe9\x97\xa8</p></html>"),
    ("pdf", (SEEDS / "pdf-handmade.pdf").read_bytes()),
    ("docx", (SEEDS / "synth.docx").read_bytes()),
    ("xlsx", (SEEDS / "synth.xlsx").read_bytes()),
])
def test_the_content_picks_the_format_and_its_reader_reads_it(name, data):
    assert format_of(data, "下载文件", DEFAULT_LIMITS) is BY_NAME[name]
    document = read_bytes(data, "下载文件")  # no suffix: the content alone decides
    assert document.reader == name and document.lines


def test_an_image_goes_to_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "page_content", lambda image, number, scale: PageContent(number, 200, 100))
    assert format_of(png(), "scan", DEFAULT_LIMITS) is BY_NAME["image"]
    assert read_bytes(png(), "scan").reader == "image+ocr"


def test_an_ole_file_is_xls_unless_it_is_a_word_97_file():
    assert format_of(OLE + b"\0" * 1000, "old", DEFAULT_LIMITS) is BY_NAME["xls"]
    with pytest.raises(UnreadableInput, match="Excel 文件已损坏"):  # the spreadsheet reader's own message
        read_bytes(OLE + b"\0" * 1000, "old")
    word = OLE + b"\0" * 100 + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnreadableInput, match=r"旧版 Word 文件（\.doc），暂不支持。请用 Word 或 WPS 另存为"):
        format_of(word, "old.doc", DEFAULT_LIMITS)


def test_a_zip_that_is_neither_word_nor_excel_is_refused():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("报告.txt", "部门收入总表")
    with pytest.raises(UnreadableInput, match="这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件。请解压后"):
        format_of(out.getvalue(), "公开.zip", DEFAULT_LIMITS)


def test_the_upload_page_names_every_format():
    from yusuan.web.templating import environment

    request = SimpleNamespace(state=SimpleNamespace(auth=False))
    page = environment().get_template("index.html").render(
        request=request, nav="upload", recent=[], total=0, limits={"file_mb": 1, "pages": 1, "files": 1},
        formats=FORMATS)
    named = re.search(r"选择文件（可多选）：(.*?)</span>", page).group(1)
    for f in FORMATS:
        assert f"{f.label}（{'/'.join(f.suffixes)}）" in named
    assert named.endswith(f"或{FORMATS[-1].label}（{'/'.join(FORMATS[-1].suffixes)}）")


@pytest.mark.parametrize("ocr_installed", [True, False])
def test_images_are_offered_only_where_the_ocr_extra_is_installed(monkeypatch, ocr_installed):
    from yusuan.readers import ocr
    from yusuan.readers.registry import IMAGE, installed_formats

    monkeypatch.setattr(ocr, "available", lambda: ocr_installed)
    offered = installed_formats()
    assert (IMAGE in offered) is ocr_installed
    assert [f for f in FORMATS if f is not IMAGE] == [f for f in offered if f is not IMAGE]


def test_importing_the_registry_loads_no_reader_library():
    heavy = ["pypdfium2", "pdfplumber", "pdfminer", "openpyxl", "python_calamine", "docx", "rapidocr", "PIL"]
    code = f"import sys, yusuan.readers.registry; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
