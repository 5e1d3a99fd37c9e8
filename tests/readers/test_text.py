import pytest

from yusuan.errors import UnreadableInput
from yusuan.readers import read_bytes, sniff
from yusuan.readers.normalize import normalize_text
from yusuan.readers.text import read_text


def test_tabs_split_cells_and_keep_empty_ones():
    doc = read_text("201\t一般公共服务支出\t\t2,251.40\n".encode(), "a.txt")
    assert doc.lines[0].texts == ["201", "一般公共服务支出", "", "2,251.40"]
    assert doc.lines[0].number == 1


def test_runs_of_spaces_split_cells_when_there_are_no_tabs():
    doc = read_text("201   一般公共服务支出    2,251.40\n".encode(), "a.txt")
    assert doc.lines[0].texts == ["201", "一般公共服务支出", "2,251.40"]


def test_blank_lines_are_skipped_but_line_numbers_stay_those_of_the_file():
    doc = read_text("标题\n\n\n合计\t1\n".encode(), "a.txt")
    assert [line.number for line in doc.lines] == [1, 4]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_encodings_read_alike(encoding):
    text = "部门收支总表\n一般公共预算拨款收入\t3,805.35\n"
    assert read_text(text.encode(encoding), "a.txt").lines[1].texts == ["一般公共预算拨款收入", "3,805.35"]


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("（一）一般公共服务支出", "(一)一般公共服务支出"),
        ("３，８０５．３５", "3,805.35"),
        ("机关事业单位基本养老保险缴费支 出", "机关事业单位基本养老保险缴费支出"),
        ("2023 年市中小微发展专项(第四批- 灾后重建方向)", "2023年市中小微发展专项(第四批-灾后重建方向)"),
        ("<u>≥</u>95%", "≥95%"),
        ("<u> </u>", "_"),  # an underlined glyph lost in extraction: the cell is not blank
        ("<u></u>", "_"),
        ("节能<u> </u>监察", "节能监察"),
        ("30 40", "30 40"),
        ("指标 1:5G 基站", "指标1:5G基站"),
        ("A\u3000\u3000B  中 文", "A B中文"),
        ("\ufffd a \ufffd b", "a b"),
    ],
)
def test_normalize_text(raw, normalized):
    assert normalize_text(raw) == normalized


def test_empty_file_is_refused_with_a_message():
    with pytest.raises(UnreadableInput, match="文件是空的"):
        read_bytes(b"  \n", "empty.txt")


def test_binary_file_is_refused_with_a_message():
    with pytest.raises(UnreadableInput, match="二进制"):
        read_bytes(bytes(range(256)) * 4, "blob.bin")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "utf-16"])
def test_control_characters_are_counted_alike_in_every_encoding(encoding):
    text = "部门收支总表\t合计" * 15  # 135 characters: one control character in a hundred is allowed
    assert read_bytes((text + "\x01").encode(encoding), "a.txt").lines
    with pytest.raises(UnreadableInput, match="二进制"):
        read_bytes((text + "\x01\x02").encode(encoding), "a.txt")


def test_undecodable_text_is_refused_with_a_message():
    with pytest.raises(UnreadableInput, match="编码无法识别"):
        read_bytes(b"\xff\xfe\xfd abc \x81\x30" * 3 + b"\x80", "bad.txt")


def test_sniff_by_content_not_extension():
    assert sniff(b"%PDF-1.7\n") == "pdf"
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "ole"
    assert sniff("部门".encode()) == "text"


def test_a_file_cut_inside_its_last_character_keeps_the_rest():
    data = "部门收支总表\n合计\t3,805.35\n说明".encode("utf-8")[:-2]
    doc = read_text(data, "cut.txt")
    assert doc.lines[1].texts == ["合计", "3,805.35"]
    assert doc.lines[2].texts == ["说"]
