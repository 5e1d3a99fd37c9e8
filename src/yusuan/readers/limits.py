"""Bounds on what a reader will take on, so a hostile or broken file fails fast with a message.

Every reader checks these before the expensive step (parsing pages, inflating a zip, loading a sheet).
The defaults fit the largest real disclosures by a wide margin (a few hundred pages, a few MB);
docs/readers.md explains each one. Pass another `Limits` to `read_path`/`read_bytes` to change them.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    # the file as given: larger inputs are refused before anything is parsed
    max_file_bytes: int = 200 * MB
    # pages of a PDF: checked from the page tree before any page is parsed
    max_pages: int = 1000
    # pages that may be sent to OCR in one document (about 4 s each on two cores)
    max_ocr_pages: int = 60
    # all members of a DOCX/XLSX zip, inflated; counted while inflating, so lying headers do not help
    max_unzipped_bytes: int = 300 * MB
    # one member may not inflate more than this many times its compressed size (zip bombs do 1000x)
    max_zip_ratio: int = 200
    # members in a zip
    max_zip_members: int = 10_000
    # cells of a workbook (rows x columns summed over sheets) or of all DOCX tables
    max_cells: int = 2_000_000
    # a zip member this small is never called a bomb, whatever its ratio (empty sheets compress well)
    min_ratio_checked_bytes: int = 1 * MB


DEFAULT_LIMITS = Limits()
