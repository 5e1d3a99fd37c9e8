"""Write the fuzzing seeds in fuzz/seeds/: small files of every format the readers take.

    .venv/bin/python fuzz/make_seeds.py

The seeds are checked in (the CI fuzz tests and the long run start from them), so this is only run
again when the writers change. Each seed is small on purpose: a mutated input is read thousands of
times, so a one-page PDF is worth more than a thirty-page one.

- txt, html, docx, xlsx: a synthetic disclosure (synth seed 5, document 0) as each writer prints it;
- (no page of the PDF writer: each embeds the whole CJK font, 550 KB; the long run takes two with
  --writer-seeds, made when it starts: fuzzlib.writer_seeds);
- pdf-corpus-*.pdf: single pages of two real disclosures of the corpus (ruled tables, CJK fonts),
  when the corpus (../shared/corpus) is at hand;
- pdf-handmade.pdf: a ruled table written by hand with uncompressed content, so that byte mutations
  land in the drawing and text operators rather than in deflate data;
- tongnan.txt: the start of the bundled real example (narrative and the first tables).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fuzz" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"

CORPUS_PAGES = [
    ("jiangsu/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开表格.pdf", 0),
    ("shanghai/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", 12),
]


def one_page(data: bytes, index: int) -> bytes:
    import io

    source = pdfium.PdfDocument(data)
    target = pdfium.PdfDocument.new()
    target.import_pages(source, [index])
    out = io.BytesIO()
    target.save(out)
    return out.getvalue()


def handmade_pdf() -> bytes:
    """A 3 x 4 ruled table in Helvetica, every stream uncompressed, offsets in a correct xref."""
    ops = ["0.5 w"]
    xs, ys = [72, 252, 362, 472], [700, 680, 660, 640, 620]
    for y in ys:
        ops.append(f"{xs[0]} {y} m {xs[-1]} {y} l S")
    for x in xs:
        ops.append(f"{x} {ys[0]} m {x} {ys[-1]} l S")
    rows = [("Item", "2023", "2024"), ("101 General", "1,234.56", "1,300.00"),
            ("20101 Staff", "(12.50)", "0.00"), ("Total", "1,222.06", "1,300.00")]
    ops.append("BT /F1 9 Tf")
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            ops.append(f"1 0 0 1 {xs[c] + 4} {ys[r] - 14} Tm ({text}) Tj")
    ops.append("ET")
    ops.append("BT /F1 14 Tf 1 0 0 1 200 730 Tm (Budget summary 2024) Tj ET")
    ops.append("BT /F1 8 Tf 1 0 0 1 290 40 Tm (- 1 -) Tj ET")
    content = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from yusuan.synth.build import build
    from yusuan.synth.render import render_bytes

    SEEDS.mkdir(parents=True, exist_ok=True)
    disclosure = build(5, 0).disclosure
    for fmt in ("txt", "html", "docx", "xlsx"):
        (SEEDS / f"synth.{fmt}").write_bytes(render_bytes(disclosure, fmt))
    for number, (path, page) in enumerate(CORPUS_PAGES, start=1):
        if (CORPUS / path).exists():
            (SEEDS / f"pdf-corpus-{number}.pdf").write_bytes(one_page((CORPUS / path).read_bytes(), page))
    (SEEDS / "pdf-handmade.pdf").write_bytes(handmade_pdf())
    example = (ROOT / "examples" / "tongnan-jxw-2024-budget.txt").read_text("utf-8").splitlines()
    (SEEDS / "tongnan.txt").write_text("\n".join(example[:220]) + "\n", "utf-8")
    for path in sorted(SEEDS.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.name}")


if __name__ == "__main__":
    main()
