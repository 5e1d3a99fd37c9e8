"""Bounds on what a reader will take on, so a hostile or broken file fails fast with a message.

Every reader checks these before the expensive step (parsing pages, inflating a zip, loading a sheet),
or while it makes what the bound counts (lines, cells, characters, a page's objects), never after.
The defaults fit the largest real disclosures by a wide margin (a few hundred pages, a few MB);
docs/readers.md explains each one, tests/readers/test_limits.py tests each one. Pass another `Limits` to
`read_path`/`read_bytes` (or `pipeline.parse_path`/`parse_bytes`) to change them.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    # the file as given: larger inputs are refused before anything is parsed
    max_file_bytes: int = 200 * MB
    # pages of a PDF: counted by walking the page tree (never from /Count) before any page is parsed
    max_pages: int = 1000
    # pages that may be sent to OCR in one document (seconds each: BENCHMARKS.md)
    max_ocr_pages: int = 60
    # all members of a DOCX/XLSX zip, inflated; counted while inflating, so lying headers do not help
    max_unzipped_bytes: int = 300 * MB
    # one member may not inflate more than this many times its compressed size (zip bombs do 1000x)
    max_zip_ratio: int = 200
    # members in a zip
    max_zip_members: int = 10_000
    # cells of a workbook (rows x columns summed over sheets), of all DOCX tables, or of a text or HTML
    # document (an HTML span counted once per column and row it covers), counted while the rows are made
    max_cells: int = 2_000_000
    # lines of a text or HTML document (table rows count), counted while the lines are split
    max_lines: int = 200_000
    # characters of a document: of a text or HTML file as it is decoded, of a PDF's glyphs summed over
    # its pages; a text file can hold four times as many bytes, a compressed PDF page far more
    max_characters: int = 20_000_000
    # characters, shapes and images of one PDF page, counted as pdfminer draws them, before pdfplumber
    # turns each into a dict (a small compressed page can draw millions of glyphs)
    max_page_objects: int = 100_000
    # a zip member this small is never called a bomb, whatever its ratio (empty sheets compress well)
    min_ratio_checked_bytes: int = 1 * MB
    # zips inside the DOCX/XLSX zip (a workbook embedded in a Word file is one level down) are
    # inflated and counted too, down to this depth; a zip nested deeper is refused
    max_zip_depth: int = 3
    # pixels of a PNG/JPEG page, from its header before it is decoded (a 600-dpi A3 scan is 70 MP)
    max_image_pixels: int = 80_000_000
    # seconds for one document's work (reading, recognizing, and where the caller asks, checking or
    # rendering); None: no limit. When set, the work runs in a child process killed at the limit
    # (pipeline.py, isolation.py). The library default is None; the CLI, `db add` and the batch set it
    # (`--timeout`, 300 s by default), the web app bounds its workers its own way (`--parse-timeout`).
    max_seconds: float | None = None
    # address space of that child process, in bytes; None: no cap. Set like max_seconds (`--memory`,
    # 4096 MB by default in the CLI, `db add` and the batch; `--parse-memory` in the web app).
    max_memory_bytes: int | None = None


DEFAULT_LIMITS = Limits()


def over_limit(name: str, what: str, limit: int, field: str) -> str:
    """The message for a document past a bound counted while reading: what, the bound, the field to raise."""
    return (
        f"无法读取“{name}”：{what}超过上限 {limit:,} 个，文件可能异常或是恶意构造的。"
        f"请只提供预算或决算公开文件本身；如果文件确实正常，请调高上限（Limits.{field}）后再试。"
    )
