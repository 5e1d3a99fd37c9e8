"""Fuzzing the readers and the recognizer: seeds, structure-aware mutations, and the one property.

The property: whatever bytes come in, `read_bytes` returns a Document or raises a YusuanError whose
message is in Chinese; the recognizer and the checks then run on that Document without raising
anything but a YusuanError either. Any other exception escaping is a bug (`Escaped`).

Used by the CI tests (tests/fuzz/, through hypothesis) and by the long run (fuzz/fuzz_readers.py,
through atheris). Mutations start from real files (fuzz/seeds/, and writer output), because random
bytes never get past the first check of a PDF or zip reader: byte flips, truncation and splices
anywhere; PDF numbers, keywords and inflated content streams; zip members rewritten, dropped,
renamed, nested, or their compressed bytes corrupted; text lines and cells moved and replaced.
"""

from __future__ import annotations

import io
import random
import re
import traceback
import warnings
import zipfile
import zlib
from pathlib import Path

from yusuan.document import Cell, Document, Line
from yusuan.errors import YusuanError
from yusuan.readers import Limits, read_bytes, sniff
from yusuan.recognize import recognize

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fuzz" / "seeds"

READERS = ("text", "html", "pdf", "docx", "xlsx", "recognizer")
SEED_FILES = {
    "text": ("synth.txt", "tongnan.txt"),
    "html": ("synth.html",),
    "pdf": ("pdf-handmade.pdf", "pdf-corpus-1.pdf", "pdf-corpus-2.pdf"),
    "docx": ("synth.docx",),
    "xlsx": ("synth.xlsx",),
    "recognizer": ("synth.txt", "tongnan.txt"),
}

# tighter than the defaults, so one input costs milliseconds, not seconds; the bounds themselves
# are tested in tests/readers/test_limits.py
FUZZ_LIMITS = Limits(max_file_bytes=8 * 1024 * 1024, max_pages=20, max_unzipped_bytes=64 * 1024 * 1024,
                     max_cells=400_000, max_zip_members=2_000)

_CJK = re.compile(r"[\u4e00-\u9fff]")


def seeds(reader: str) -> list[bytes]:
    return [(SEEDS / name).read_bytes() for name in SEED_FILES[reader] if (SEEDS / name).exists()]


def writer_seeds(reader: str) -> list[bytes]:
    """Seeds printed by the writers now (slower: the PDF writer takes seconds); for the long run."""
    from yusuan.synth.build import build
    from yusuan.synth.render import render_bytes

    disclosure = build(11, 3).disclosure
    if reader == "pdf":
        import pypdfium2 as pdfium

        pdf = render_bytes(disclosure, "pdf")
        out = []
        for index in (0, 4):
            target = pdfium.PdfDocument.new()
            target.import_pages(pdfium.PdfDocument(pdf), [index])
            buffer = io.BytesIO()
            target.save(buffer)
            out.append(buffer.getvalue())
        return out
    fmt = {"text": "txt", "recognizer": "txt"}.get(reader, reader)
    return [render_bytes(disclosure, fmt)]


# -- the property ---------------------------------------------------------------------------------


class Escaped(AssertionError):
    """An exception other than a YusuanError escaped, or a reader broke its contract."""

    def __init__(self, stage: str, error: BaseException | str):
        self.stage = stage
        self.error = error
        if isinstance(error, BaseException):
            where = traceback.extract_tb(error.__traceback__)
            ours = [f for f in where if "yusuan" in f.filename] or where
            self.signature = f"{stage}:{type(error).__name__}:{_short(ours[-1]) if ours else '?'}"
            text = f"{type(error).__name__}: {error}"
        else:
            self.signature = f"{stage}:contract:{error[:60]}"
            text = error
        super().__init__(f"{stage}: {text}")


def _short(frame) -> str:
    return f"{Path(frame.filename).name}:{frame.lineno}"


def _refusal_ok(error: YusuanError, stage: str) -> None:
    message = error.message
    if not message or not _CJK.search(message) or "Traceback" in message:
        raise Escaped(stage, f"refusal without a clear Chinese message: {message!r}")


def check_document(document: Document) -> None:
    """The Line contract a reader promises the recognizer (docs/readers.md)."""
    if not isinstance(document, Document) or not isinstance(document.lines, list):
        raise Escaped("read", f"not a Document: {type(document).__name__}")
    previous = 0
    for line in document.lines:
        if not isinstance(line, Line) or not all(isinstance(c, Cell) and isinstance(c.text, str) for c in line.cells):
            raise Escaped("read", f"malformed line {line!r:.200}")
        if line.number is not None:
            if line.number <= previous:
                raise Escaped("read", f"line numbers not increasing: {previous} then {line.number}")
            previous = line.number
        if line.page is not None and document.page_count is not None and not 1 <= line.page <= document.page_count:
            raise Escaped("read", f"page {line.page} outside 1..{document.page_count}")


def exercise(data: bytes, name: str = "fuzz.bin", limits: Limits = FUZZ_LIMITS, *, checks: bool = True) -> str:
    """Read, recognize and check `data`: "refused" or "read"; raises Escaped on a bug."""
    try:
        document = read_bytes(data, name, limits)
    except YusuanError as error:
        _refusal_ok(error, "read")
        return "refused"
    except Exception as error:
        raise Escaped("read", error) from error
    check_document(document)
    recognize_and_check(document, checks=checks)
    return "read"


def recognize_and_check(document: Document, *, checks: bool = True) -> None:
    try:
        disclosure = recognize(document)
    except YusuanError as error:
        _refusal_ok(error, "recognize")
        return
    except Exception as error:
        raise Escaped("recognize", error) from error
    if not checks:
        return
    from yusuan.checks import run_checks

    try:
        run_checks(disclosure)
    except YusuanError as error:
        _refusal_ok(error, "check")
    except Exception as error:
        raise Escaped("check", error) from error


def document_from_text(data: bytes) -> Document:
    """The recognizer's own input, built without the text reader's refusals (binary, encodings)."""
    text = data.decode("utf-8", "replace")
    lines = [Line(cells=[Cell(part) for part in raw.split("\t")], number=number)
             for number, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    return Document(name="fuzz.txt", reader="text", lines=lines)


def exercise_recognizer(data: bytes) -> None:
    recognize_and_check(document_from_text(data))


# -- mutations ------------------------------------------------------------------------------------

INTERESTING_BYTES = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\r", b"\n", b"\t", b"\x0c", b"\xe3\x80\x80", b"\xef\xbb\xbf",
                     b"\xff\xfe", b"%PDF-1.7", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<html>", b"(", b")",
                     b"<<", b">>", b"[", b"]", b"/", b"\\", b"%", b"<", b">", b"&#0;", b"\xc0\x80", b"\xed\xa0\x80"]
INTERESTING_NUMBERS = [b"0", b"-1", b"1", b"-0", b"0.0", b"255", b"256", b"65535", b"65536", b"2147483647", b"2147483648",
                       b"-2147483649", b"4294967296", b"99999999999999999999", b"1e308", b"1.7976931348623157e309",
                       b"3.4e38", b"0.000000001", b"NaN", b"inf", b"-inf", b"1048576", b"16384", b"999999", b""]
INTERESTING_CELLS = ["", " ", "0", "-0", "0.00", "-", "－", "—", "——", "…", "(1,234.56)", "（12.5）", "1,2,3", "1..2",
                     "1.2.3", "1e400", "9" * 400, "-" + "9" * 40, "0.000000000000001", "NaN", "Infinity", "∞",
                     "１２３４．５６", "1 234.56", "12%", "100%", "万元", "单位：元", "单位：万元", "单位:亿元", "合计", "总计",
                     "小计", "2010101", "201", "20101019999", "99999", "301", "30101", "A01", "类", "款", "项", "科目编码",
                     "一、一般公共服务支出", "收入总计", "支出总计", "\u200b", "\ufeff", "\u202e", "a\u0301", "\U0001f600",
                     "\x00", "\x0b", "\u2028", "年", "2024年", "9999年", "0年", "第1页", "x" * 5000]
TABLE_WORDS = ["收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表", "一般公共预算基本支出表",
               "“三公”经费支出表", "政府性基金预算支出表", "国有资本经营预算支出表", "政府采购预算表", "项目支出表",
               "部门整体支出绩效目标表", "项目支出绩效目标表", "收入", "支出", "项目", "本年收入", "上年结转", "基本支出",
               "项目支出", "功能分类科目", "经济分类科目", "金额", "预算数", "决算数", "年初预算数", "调整预算数"]
_XML_NUMBER = re.compile(rb'(?<==")-?\d+(?=")')
_PDF_NUMBER = re.compile(rb"(?<![\w/.])-?\d+(?:\.\d+)?(?![\w.])")
_PDF_WORDS = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"startxref", b"/Length", b"/Root",
              b"/Kids", b"/Count", b"/Font", b"/Contents", b"/MediaBox", b"/Parent", b"/Type", b"/Page", b"/Filter",
              b"/FlateDecode", b"/ToUnicode", b"/Encoding", b"Tj", b"TJ", b"Tf", b"Tm", b"Td", b"re", b"m", b"l", b"S",
              b"f", b"cm", b"q", b"Q", b"BT", b"ET", b"Do", b"R", b"null", b"true", b"<<", b">>", b"[", b"]"]
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_CELL_REF = re.compile(rb'(?<=r=")[A-Z]+\d+(?=")|(?<=ref=")[A-Z]+\d+(?::[A-Z]+\d+)?(?=")')
_HTML_BITS = [b"<table>", b"</table>", b"<tr>", b"</tr>", b"<td>", b"</td>", b"<th>", b'<td colspan="999999">',
              b'<td rowspan="999999">', b'<td colspan="-3">', b'<td rowspan="0">', b"<br>", b"<p>", b"<script>",
              b"</script>", b"<!--", b"-->", b"&#xD800;", b"&#1114112;", b"&amp", b"<![CDATA[", b"<style>", b"<caption>",
              b"<table><tr><td>", b"<td colspan=2 rowspan=2>"]


def mutate(data: bytes, rng: random.Random, others: list[bytes] | tuple[bytes, ...] = (), rounds: int | None = None) -> bytes:
    """One mutant of `data`: 1-3 mutations chosen for its format (by content), with byte mutations mixed in."""
    for _ in range(rounds or rng.choice((1, 1, 1, 2, 3))):
        data = _mutate_once(data, rng, others)
    return data


def _mutate_once(data: bytes, rng: random.Random, others) -> bytes:
    kind = sniff(data) if data else "text"
    roll = rng.random()
    if kind == "pdf" and roll < 0.65:
        return rng.choice((pdf_number, pdf_word, pdf_stream, pdf_stream, pdf_truncate_object))(data, rng)
    if kind == "zip" and roll < 0.75:
        return zip_mutation(data, rng)
    if kind == "text" and roll < 0.6:
        if b"<html" in data[:2048].lower() and rng.random() < 0.5:
            return html_mutation(data, rng)
        return text_mutation(data, rng)
    return byte_mutation(data, rng, others)


def byte_mutation(data: bytes, rng: random.Random, others=()) -> bytes:
    buf = bytearray(data)
    n = len(buf)
    op = rng.randrange(9)
    if n == 0:
        return bytes(rng.choice(INTERESTING_BYTES))
    i = rng.randrange(n)
    if op == 0:  # flip bits
        for _ in range(rng.randint(1, 8)):
            j = rng.randrange(n)
            buf[j] ^= 1 << rng.randrange(8)
    elif op == 1:  # random bytes
        for _ in range(rng.randint(1, 16)):
            buf[rng.randrange(n)] = rng.randrange(256)
    elif op == 2:  # insert
        buf[i:i] = rng.choice(INTERESTING_BYTES) if rng.random() < 0.6 else rng.randbytes(rng.randint(1, 64))
    elif op == 3:  # delete a range
        del buf[i:i + rng.choice((1, 2, 8, 64, 512, 4096))]
    elif op == 4:  # duplicate a chunk elsewhere
        size = rng.choice((1, 16, 256, 4096))
        buf[rng.randrange(n):rng.randrange(n)] = buf[i:i + size]
    elif op == 5:  # truncate
        del buf[rng.randrange(n):]
    elif op == 6 and others:  # splice with another seed
        other = rng.choice(others)
        if other:
            buf = buf[:i] + other[rng.randrange(len(other)):]
    elif op == 7:  # overwrite with an interesting value
        token = rng.choice(INTERESTING_BYTES + INTERESTING_NUMBERS)
        buf[i:i + len(token)] = token
    else:  # repeat a chunk many times (blow-up)
        size = rng.choice((1, 8, 64))
        buf[i:i] = buf[i:i + size] * rng.choice((16, 256, 4096))
    return bytes(buf)


def _replace_match(data: bytes, pattern: re.Pattern, rng: random.Random, values) -> bytes:
    matches = list(pattern.finditer(data[:2_000_000]))
    if not matches:
        return byte_mutation(data, rng)
    m = rng.choice(matches)
    value = rng.choice(values) if not callable(values) else values(m.group(0))
    return data[:m.start()] + value + data[m.end():]


def pdf_number(data: bytes, rng: random.Random) -> bytes:
    def nearby(token: bytes) -> bytes:
        if rng.random() < 0.5:
            return rng.choice(INTERESTING_NUMBERS)
        try:
            return str(int(float(token)) + rng.choice((-2, -1, 1, 2, 1000))).encode()
        except ValueError:
            return b"0"
    return _replace_match(data, _PDF_NUMBER, rng, nearby)


def pdf_word(data: bytes, rng: random.Random) -> bytes:
    word = rng.choice(_PDF_WORDS)
    places = [m.start() for m in re.finditer(re.escape(word), data[:2_000_000])]
    if not places:
        return byte_mutation(data, rng)
    at = rng.choice(places)
    replacement = rng.choice((b"", rng.choice(_PDF_WORDS), word + word, word + b" " + rng.choice(INTERESTING_NUMBERS)))
    return data[:at] + replacement + data[at + len(word):]


def pdf_truncate_object(data: bytes, rng: random.Random) -> bytes:
    """Cut one object short: everything from a point inside it to its endobj goes."""
    ends = [m.start() for m in re.finditer(rb"endobj", data)]
    if not ends:
        return byte_mutation(data, rng)
    end = rng.choice(ends)
    start = max(0, end - rng.randint(1, 400))
    return data[:start] + data[end:]


def pdf_stream(data: bytes, rng: random.Random) -> bytes:
    """Mutate the inflated content of one stream (page content, font, ToUnicode map) and deflate it again."""
    streams = list(_STREAM.finditer(data))
    if not streams:
        return byte_mutation(data, rng)
    m = rng.choice(streams)
    raw = m.group(1)
    try:
        inner, packed = zlib.decompress(raw), True
    except zlib.error:
        inner, packed = raw, False
    if rng.random() < 0.5 and inner:
        inner = _replace_match(inner, _PDF_NUMBER, rng, INTERESTING_NUMBERS)
    else:
        inner = byte_mutation(inner, rng)
    body = zlib.compress(inner) if packed else inner
    head = data[:m.start(1)]
    # the stream's /Length, when written directly in its dictionary, follows the new length
    dict_start = head.rfind(b"obj")
    fixed = re.sub(rb"/Length\s+\d+(?!\s+\d+\s+R)", b"/Length %d" % len(body), head[dict_start:], count=1) \
        if dict_start >= 0 else head
    return head[:max(dict_start, 0)] + fixed + body + data[m.end(1):] if dict_start >= 0 else head + body + data[m.end(1):]


def _zip_members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:
        return None


def _zip(members: list[tuple[str, bytes]], rng: random.Random) -> bytes:
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if rng.random() < 0.15 else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate member name is one of the mutations
        for name, body in members:
            archive.writestr(name, body)
    return out.getvalue()


def zip_mutation(data: bytes, rng: random.Random) -> bytes:
    members = _zip_members(data)
    if not members:
        return byte_mutation(data, rng)
    named = [(info.filename, body) for info, body in members]
    op = rng.randrange(10)
    xml = [i for i, (name, _) in enumerate(named) if name.endswith((".xml", ".rels"))] or list(range(len(named)))
    if op <= 3:  # rewrite one XML member
        i = rng.choice(xml)
        name, body = named[i]
        named[i] = (name, xml_mutation(body, rng))
    elif op == 4:  # drop a member
        named.pop(rng.randrange(len(named)))
    elif op == 5:  # rename a member / duplicate it under a second name
        i = rng.randrange(len(named))
        name, body = named[i]
        if rng.random() < 0.5:
            named[i] = (name.replace(".xml", "2.xml") if rng.random() < 0.5 else name.upper(), body)
        else:
            named.append((name, body))
    elif op == 6:  # a zip nested inside: as a member, or in place of one
        inner = _zip([(n, b) for n, b in named[:3]], rng) if rng.random() < 0.5 else _bomb(rng)
        if rng.random() < 0.5:
            named.append(("word/embeddings/nested.zip" if "word/document.xml" in dict(named) else "xl/embeddings/nested.zip", inner))
        else:
            i = rng.choice(xml)
            named[i] = (named[i][0], inner)
    elif op == 7:  # corrupt the compressed bytes of a member in place (CRC / inflate errors)
        info = rng.choice([info for info, _ in members])
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        if info.compress_size > 0 and start + info.compress_size <= len(data):
            buf = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                buf[start + rng.randrange(info.compress_size)] ^= 1 << rng.randrange(8)
            return bytes(buf)
        return byte_mutation(data, rng)
    elif op == 8:  # lie about sizes in the central directory
        buf = bytearray(data)
        at = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
        if at:
            pos = rng.choice(at) + rng.choice((20, 24))  # compressed / uncompressed size
            buf[pos:pos + 4] = rng.choice((b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"\x01\x00\x00\x00", b"\x00\x00\x00\x10"))
        return bytes(buf)
    else:  # many members or a large one
        if rng.random() < 0.5:
            named += [(f"junk/{k}.xml", b"<a/>") for k in range(rng.choice((10, 500, 3000)))]
        else:
            named.append(("docProps/big.xml", b"<a>" + b" " * rng.choice((1 << 20, 8 << 20)) + b"</a>"))
    return _zip(named, rng)


def _bomb(rng: random.Random) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("x.xml", b"\x00" * rng.choice((1 << 20, 16 << 20)))
    return out.getvalue()


def xml_mutation(body: bytes, rng: random.Random) -> bytes:
    op = rng.randrange(7)
    if op == 0:
        return _replace_match(body, _XML_NUMBER, rng, INTERESTING_NUMBERS)
    if op == 1:
        return _replace_match(body, _CELL_REF, rng, [b"A0", b"XFD1048576", b"A1048577", b"ZZZZ1", b"", b"A-1", b"B2:A1",
                                                     b"A1:XFD1048576"])
    if op == 2:  # duplicate or drop one element
        tags = [m for m in re.finditer(rb"<(w:tc|w:tr|w:p|c|row|si|w:gridCol|mergeCell|sheet)\b[^>]*?(?:/>|>.*?</\1>)",
                                       body[:2_000_000], re.S)]
        if not tags:
            return byte_mutation(body, rng)
        m = rng.choice(tags)
        piece = m.group(0) * rng.choice((0, 2, 50))
        return body[:m.start()] + piece + body[m.end():]
    if op == 3:  # cut the XML short
        return body[:rng.randrange(len(body) + 1)]
    if op == 4:  # text into a cell or paragraph
        places = [m.end() for m in re.finditer(rb"<(?:w:t|t|v)(?: [^>]*)?>", body[:2_000_000])]
        if not places:
            return byte_mutation(body, rng)
        at = rng.choice(places)
        value = rng.choice(INTERESTING_CELLS + TABLE_WORDS).encode("utf-8", "surrogatepass")
        value = value.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
        return body[:at] + value + body[at:]
    if op == 5:  # entity tricks
        return body.replace(b"?>", b'?><!DOCTYPE a [<!ENTITY e "xxxxxxxxxx"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;">]>', 1)
    return byte_mutation(body, rng)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def text_mutation(data: bytes, rng: random.Random) -> bytes:
    lines = _decode(data).split("\n")
    if not lines:
        return byte_mutation(data, rng)
    op = rng.randrange(10)
    i = rng.randrange(len(lines))
    if op == 0:  # drop lines
        del lines[i:i + rng.choice((1, 1, 3, 20))]
    elif op == 1:  # repeat a line or a block
        lines[i:i] = lines[i:i + rng.choice((1, 5))] * rng.choice((1, 2, 50))
    elif op == 2:  # move a line elsewhere
        line = lines.pop(i)
        lines.insert(rng.randrange(len(lines) + 1), line)
    elif op <= 5:  # replace a cell
        cells = lines[i].split("\t")
        j = rng.randrange(len(cells))
        pool = INTERESTING_CELLS if op != 5 else TABLE_WORDS
        cells[j] = rng.choice(pool) if rng.random() < 0.8 else rng.choice(rng.choice(lines).split("\t"))
        lines[i] = "\t".join(cells)
    elif op == 6:  # add or remove cells (shifts columns)
        cells = lines[i].split("\t")
        if rng.random() < 0.5 and len(cells) > 1:
            cells.pop(rng.randrange(len(cells)))
        else:
            cells.insert(rng.randrange(len(cells) + 1), rng.choice(INTERESTING_CELLS))
        lines[i] = "\t".join(cells)
    elif op == 7:  # tabs to spaces, or a line break inside a line
        lines[i] = lines[i].replace("\t", rng.choice(("  ", " ", "\u3000", "")))
    elif op == 8:  # a table title or header line from nowhere
        lines.insert(i, "\t".join(rng.choice(TABLE_WORDS) for _ in range(rng.choice((1, 1, 3, 8)))))
    else:
        lines[i] = lines[i] + rng.choice(INTERESTING_CELLS)
    text = "\n".join(lines)
    encoding = rng.choices(("utf-8", "gb18030", "utf-16", "utf-8-sig"), (85, 10, 3, 2))[0]
    return text.encode(encoding, "replace")


def html_mutation(data: bytes, rng: random.Random) -> bytes:
    places = [m.start() for m in re.finditer(rb"<", data[:2_000_000])] or [0]
    at = rng.choice(places)
    if rng.random() < 0.3:
        return _replace_match(data, re.compile(rb'(?<=span=")\d+(?=")'), rng, INTERESTING_NUMBERS + [b"1" * 30])
    return data[:at] + rng.choice(_HTML_BITS) * rng.choice((1, 1, 3, 200)) + data[at:]
