"""Every crash the fuzzing found, as a test: the input (built here, or kept in regressions/) and what
must happen now. See docs/reliability.md for when and how each was found."""

import io
import random
import re
from decimal import Decimal
import zipfile
import zlib
from pathlib import Path

import pytest

import fuzzlib
from timing import MAX_GROWTH, best_seconds, growth
from make_seeds import handmade_pdf
from yusuan.checks import run_checks
from yusuan.errors import UnreadableInput
from yusuan.pipeline import parse_bytes
from yusuan.readers import read_bytes
from yusuan.isolation import run_within
from yusuan.readers.text import read_text
from yusuan.recognize import recognize

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "fuzz" / "seeds"


def _synth_lines() -> list[str]:
    return (SEEDS / "synth.txt").read_text("utf-8").split("\n")


# -- recognizer ---------------------------------------------------------------------------------


def test_project_list_row_with_nothing_but_a_total_does_not_crash_the_recognizer():
    """IndexError in recognize/projects.py `_aligned`: a project-list row whose value cells are all
    empty (a width-0 funding header) was indexed at [0]."""
    text = "河南省郑州市金水区教育委员会2023年项目支出表\n\t\t\t\t合计\t227.660年\n"
    disclosure = recognize(read_text(text.encode(), "projects.txt"))
    assert disclosure.projects == []


def test_a_two_sided_table_whose_header_places_a_value_column_far_right_does_not_crash():
    """IndexError in recognize/two_sided.py: the cells of a line were padded past its last label column
    only, and a value column twenty cells further right was indexed past them (found in a DOCX and a text
    by the 2026-12-07 runs)."""
    header = "项目\t本年预算\t项目" + "\t" * 20 + "预算数"
    text = f"部门收支总表\n单位：万元\n{header}\n一、一般公共预算拨款\t100.00\t一般公共服务支出\n合计\t100.00\t合计\n"
    table = recognize(read_text(text.encode(), "wide.txt")).tables["summary"]
    income = {row.name: row.values["total"] for row in table.rows if row.side == "income"}
    assert income == {"一般公共预算拨款": Decimal("100.00"), "合计": Decimal("100.00")}


# -- time: inputs that took seconds to minutes before ---------------------------------------------


def _with_line(text: str, at: int = 55) -> bytes:
    lines = _synth_lines()
    lines[at:at] = [text]
    return "\n".join(lines).encode()


def test_a_long_narrative_paragraph_without_a_full_stop_is_checked_in_linear_time():
    """COMPLETE-PROCUREMENT-DETAIL searched `[^。]*采购[^。]*` over each paragraph: quadratic in a long
    run without "。" (120,000 characters: about 12 s before)."""
    def check(repeats: int) -> None:
        run_checks(disclosures[repeats])

    disclosures = {n: parse_bytes(_with_line("主要用于办公设备和信息化建设，" * n), "long.txt") for n in (1000, 8000)}
    assert growth(check, 1000) < MAX_GROWTH


def test_a_sentence_with_thousands_of_amounts_is_recognized_in_near_linear_time():
    """The narrative's tokenizer searched for a direction word (增加/减少) from the sentence start for
    every amount: quadratic in the amounts of one sentence (3,000 amounts: about 7 s before)."""
    def parse(amounts: int) -> None:
        lines = _synth_lines()
        lines[54] = "2023年收入预算712.35万元" + "，其中项目支出63.52万元" * amounts + "，比2022年增加43.65万元。"
        disclosure = parse_bytes("\n".join(lines).encode(), "amounts.txt")
        assert any(c.change is not None for c in disclosure.narrative.claims)

    assert growth(parse, 400) < MAX_GROWTH


# -- PDF -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", [
    # the /Pages node turned into a /Page: a page without a MediaBox (TypeError in pdfplumber)
    lambda pdf: pdf.replace(b"/Type /Pages", b"/Type /Page"),
    # the page's MediaBox gone, none to inherit (TypeError)
    lambda pdf: pdf.replace(b"/MediaBox [0 0 595 842] ", b""),
    # a fuzzed corpus page whose page tree holds a keyword where a number belongs (PdfminerException)
    lambda pdf: (HERE / "regressions" / "pdf-page-tree-keyword.pdf").read_bytes(),
], ids=["pages-node-as-page", "no-mediabox", "keyword-in-page-tree"])
def test_a_page_tree_pdfplumber_cannot_walk_is_refused_with_a_message(damage):
    """pdfplumber builds its pages lazily: the error came out of the page loop, and again out of
    close() in the `finally`, as a bare TypeError / PdfminerException."""
    with pytest.raises(UnreadableInput, match="页面结构已损坏"):
        read_bytes(damage(handmade_pdf()), "damaged.pdf")


def test_a_page_pdfium_cannot_load_is_read_by_pdfminer():
    """A page tree whose /Kids became a keyword: PDFium counts one page (/Count) and cannot load it
    (PdfiumError escaped the reader); pdfminer finds the page object all the same."""
    pdf = handmade_pdf().replace(b"/Kids", b"stream", 1)
    doc = read_bytes(pdf, "kids.pdf")
    assert doc.page_count == 1 and doc.lines


def _checksum_broken(size: int) -> bytes:
    stream = bytearray(zlib.compress(random.Random(size).randbytes(size)))
    stream[-1] ^= 0xFF  # the Adler-32 checksum, last in the stream
    return bytes(stream)


def test_a_flate_stream_with_a_wrong_checksum_is_read_in_linear_time():
    """pdfminer reads such a stream a byte at a time and joined the output the quadratic way: a mutated
    320 KB PDF read by pdfplumber (a page PDFium dropped text of) took 13 s in it."""
    import pdfminer.pdftypes

    from yusuan.readers.pdf.miner import decompress_corrupted

    assert pdfminer.pdftypes.decompress_corrupted is decompress_corrupted  # what pdfminer calls now
    assert decompress_corrupted(_checksum_broken(1000)) == random.Random(1000).randbytes(1000)
    # pdfminer's own grew 36× from 40 KB to 320 KB here
    assert growth(lambda size: decompress_corrupted(_checksum_broken(size)), 40_000) < MAX_GROWTH


def _to_unicode(*ranges: str) -> dict[int, str]:
    """A ToUnicode CMap of `ranges` ("<start> <end> <first>") parsed by pdfminer, as a font does."""
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap

    import yusuan.readers.pdf.miner  # noqa: F401  (what the PDF reader installs)

    cmap = FileUnicodeMap()
    text = f"begincmap\n{len(ranges)} beginbfrange\n" + "\n".join(ranges) + "\nendbfrange\nendcmap\n"
    CMapParser(cmap, io.BytesIO(text.encode())).run()
    return cmap.cid2unichr


def _ranges_outside_a_cmap(count: int) -> None:
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap

    import yusuan.readers.pdf.miner  # noqa: F401

    # an array opened and never closed: pdfminer keeps its objects on the stack; ranges that end before they
    # start map nothing, so no bound takes them off it
    CMapParser(FileUnicodeMap(), io.BytesIO(b"endcmap [\n" + b"<0001> <0000> <0041> endbfrange\n" * count)).run()


def test_ranges_after_endcmap_take_time_in_proportion_to_them():
    """#23: after "endcmap" pdfminer no longer reads ranges nor empties its stack; bounding the ranges at
    every endbfrange then read the whole stack each time (a 297 KB PDF of 4,097 such keywords: 17 s under
    load, 60 s profiled; then 0.5 s)."""
    assert growth(_ranges_outside_a_cmap, 1_000) < MAX_GROWTH


def test_a_to_unicode_range_of_billions_of_codes_is_not_mapped_code_by_code():
    """#22: a mutated ToUnicode range "<0000> <FFFFFFFF>" made pdfminer map four billion codes one by one
    (a 152 KB PDF: 217 s and 2.7 GB, then 0.4 s). A CMap maps at most the 65,536 codes of two bytes."""
    assert len(_to_unicode("<0000> <FFFF> <4E00>")) == 0x10000  # two bytes' codes: all of them
    mapped = _to_unicode("<0041> <0043> <0061>", "<00000000> <000FFFFF> <4E00>", "<0044> <0044> <0064>")
    assert (mapped[0x41], mapped[0x43], mapped[0x44]) == ("a", "c", "d") and 0x100 not in mapped


# -- zip containers (DOCX, XLSX) --------------------------------------------------------------------


def _member_data_offset(data: bytes, index: int = 0) -> tuple[int, int]:
    info = zipfile.ZipFile(io.BytesIO(data)).infolist()[index]
    return info.header_offset + 30 + len(info.filename.encode()) + len(info.extra), info.header_offset


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_member_whose_deflate_data_is_corrupted_is_refused(fmt):
    """zlib.error ("invalid distance too far back") escaped the zip check."""
    data = bytearray((SEEDS / f"synth.{fmt}").read_bytes())
    start, _ = _member_data_offset(bytes(data))
    data[start:start + 8] = b"\xff" * 8
    with pytest.raises(UnreadableInput, match="无法解压"):
        read_bytes(bytes(data), f"broken.{fmt}")


def test_a_zip_member_marked_encrypted_is_refused():
    """zipfile raises RuntimeError ("File is encrypted, password required") for such a member."""
    data = bytearray((SEEDS / "synth.xlsx").read_bytes())
    _, header = _member_data_offset(bytes(data))
    data[header + 6] |= 1  # general purpose flag, bit 0: encrypted (local header)
    directory = bytes(data).find(b"PK\x01\x02")
    data[directory + 8] |= 1  # and in the central directory
    with pytest.raises(UnreadableInput, match="无法解压"):
        read_bytes(bytes(data), "locked.xlsx")


def test_every_regression_input_keeps_the_property():
    for path in sorted((HERE / "regressions").iterdir()):
        fuzzlib.exercise(path.read_bytes(), path.name)


def test_a_long_paragraph_without_punctuation_is_read_in_linear_time():
    """The 类/款/项 chain pattern scanned lazily for "(类)" from every position of a run without
    punctuation: 10,000 characters before an amount took 17 s (found as a 41 KB DOCX that took 18 s)."""
    def parse(repeats: int) -> None:
        disclosure = parse_bytes(_with_line("机关事业单位基本养老保险缴费" * repeats + "支出100.00万元。"), "unpunctuated.txt")
        assert disclosure.narrative.claims

    assert growth(parse, 100) < MAX_GROWTH


def test_a_long_run_of_digits_in_the_narrative_is_read_in_linear_time():
    """The narrative's amount pattern was tried from every digit of a run ("1234567890" * 3000: 25 s,
    found as a 74 KB text that took 11 s); a number now starts only where no digit precedes it."""
    assert growth(lambda repeats: parse_bytes(_with_line("本部门支出" + "1234567890" * repeats + "万元。"), "digits.txt"),
                  400) < MAX_GROWTH


# -- DOCX and XLSX: what the libraries do lazily or in native code -------------------------------------


def _rewrite_member(data: bytes, member: str, edit) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[member] = edit(members[member])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def test_a_docx_cell_with_an_empty_grid_span_is_refused():
    """python-docx parses attributes lazily: `ValueError: invalid literal for int()` came out of the
    table rows, after the document had opened (found by the long run with --engine=random)."""
    data = _rewrite_member((SEEDS / "synth.docx").read_bytes(), "word/document.xml",
                           lambda xml: xml.replace(b'<w:gridSpan w:val="2"/>', b'<w:gridSpan w:val=""/>', 1))
    with pytest.raises(UnreadableInput, match="Word 文件已损坏"):
        read_bytes(data, "span.docx")


def test_a_docx_cell_spanning_two_hundred_million_columns_is_refused_at_once():
    """python-docx makes one cell object per spanned column: the read never ended (and memory grew)."""
    data = _rewrite_member((SEEDS / "synth.docx").read_bytes(), "word/document.xml",
                           lambda xml: xml.replace(b'<w:gridSpan w:val="2"/>', b'<w:gridSpan w:val="200000000"/>', 1))
    def refused() -> None:
        with pytest.raises(UnreadableInput, match="单元格超过 2,000,000 个的上限"):
            read_bytes(data, "wide.docx")

    # before any row is read: sooner than the document itself is read
    assert best_seconds(refused) < best_seconds(lambda: read_bytes((SEEDS / "synth.docx").read_bytes(), "synth.docx"))


def test_an_xlsx_with_two_cells_far_apart_is_refused_before_calamine_loads_it():
    """A 5 KB workbook with cells in A1 and XFD1048576: calamine asked for 549 GB for the dense sheet
    and the allocation failure aborted the interpreter (found while testing max_cells)."""
    import xlsxwriter

    out = io.BytesIO()
    with xlsxwriter.Workbook(out) as book:
        sheet = book.add_worksheet("收支总表")
        sheet.write(0, 0, "部门收支总表")
        sheet.write(1048575, 16383, "1")
    # in a child process: were this to regress, the abort must fail this test, not end the test run
    with pytest.raises(UnreadableInput, match="单元格超过 2,000,000 个的上限"):
        run_within(60, "far.xlsx", read_bytes, out.getvalue(), "far.xlsx")


def test_an_xlsx_declaring_two_billion_shared_strings_is_refused_before_calamine_opens_it():
    """calamine reserves room for the declared uniqueCount: 2147483647 asked for 51 GB and the
    allocation failure aborted the fuzzing process (found by the long run with --engine=random)."""
    data = _rewrite_member((SEEDS / "synth.xlsx").read_bytes(), "xl/sharedStrings.xml",
                           lambda xml: re.sub(rb'uniqueCount="\d+"', b'uniqueCount="2147483647"', xml, count=1))
    with pytest.raises(UnreadableInput, match="共享字符串表声明有 2,147,483,647 项"):
        run_within(60, "strings.xlsx", read_bytes, data, "strings.xlsx")


def _wide_then_long(size: int) -> bytes:
    """A table whose first row spans four times `size` columns (a span is read as at most 1,000 wide), then
    `size` rows of one cell."""
    first = "<tr>" + '<td colspan="100">甲</td>' * (size // 25) + "</tr>"
    return f"<html><body><table>{first}{'<tr><td>乙</td></tr>' * size}</table></body></html>".encode()


def test_html_rows_after_a_wide_one_take_time_for_their_own_cells():
    """#20: every row looked at every column a span had ever reached (rows × widest row)."""
    document = read_bytes(_wide_then_long(400), "wide.html")
    assert len(document.lines) == 401 and [c.text for c in document.lines[-1].cells if c.text] == ["乙"]
    assert growth(lambda size: read_bytes(_wide_then_long(size), "wide.html"), 400) < MAX_GROWTH
