"""pdfminer's own readings that a crafted file made quadratic or unbounded, replaced by bounded ones. pdfminer
reads what PDFium cannot (`plumber`), so these are installed when that module is imported.

- A Flate stream whose checksum is wrong: pdfminer joins its output a byte at a time (quadratic in the
  output; docs/reliability.md, #19).
- A ToUnicode CMap's ranges: pdfminer maps every code of a range one by one, so one mutated range
  ("<0000> <FFFFFFFF>") asks for four billion entries (minutes and gigabytes; #22). A CMap maps at most
  the codes of two bytes (65,536) here; the ranges past that are left out, as pdfminer leaves out a
  range it cannot read.
"""

from __future__ import annotations

import io
import logging
import zlib

import pdfminer.pdftypes
from pdfminer.cmapdb import CMapParser
from pdfminer.utils import nunpack

MAX_CMAP_CODES = 0x10000


def decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's reading of a Flate stream whose checksum is wrong, a byte at a time so that an error
    before the last few bytes still counts as one, without its quadratic joining of the output
    (docs/reliability.md, crash #19)."""
    decompressor = zlib.decompressobj()
    source = io.BytesIO(data)
    parts: list[bytes] = []
    read = 0
    try:
        while chunk := source.read(1):
            parts.append(decompressor.decompress(chunk))
            read += 1
    except zlib.error:
        if read < len(data) - 3:  # not in the checksum
            raise
        logging.getLogger("pdfminer.pdftypes").warning("Data-loss while decompressing corrupted data")
    return b"".join(parts)


def _codes(start: bytes, end: bytes) -> int:
    """How many codes pdfminer maps for a range (a cid range counts in its last four bytes)."""
    return max(nunpack(end) - nunpack(start), nunpack(end[-4:]) - nunpack(start[-4:])) + 1


def within_bound(parser: CMapParser, entries: list) -> list:
    """`entries` (a stack of start, end, value triples) without the ranges past the CMap's bound of codes."""
    mapped = getattr(parser, "_codes_mapped", 0)
    kept = []
    for at in range(0, len(entries) - len(entries) % 3, 3):
        start, end = entries[at][1], entries[at + 1][1]
        if isinstance(start, bytes) and isinstance(end, bytes) and len(start) == len(end):
            codes = max(0, _codes(start, end))
            if mapped + codes > MAX_CMAP_CODES:
                continue
            mapped += codes
        kept.extend(entries[at : at + 3])
    parser._codes_mapped = mapped
    return kept


_pdfminer_do_keyword = CMapParser.do_keyword


def _do_keyword(self: CMapParser, pos: int, token) -> None:
    # only inside begincmap…endcmap does pdfminer read the ranges (and empty its stack at each keyword):
    # outside it the stack only grows, and bounding it at every keyword would cost its length each time
    if self._in_cmap and (token is CMapParser.KEYWORD_ENDBFRANGE or token is CMapParser.KEYWORD_ENDCIDRANGE):
        self.curstack = within_bound(self, self.curstack)
    _pdfminer_do_keyword(self, pos, token)


pdfminer.pdftypes.decompress_corrupted = decompress_corrupted
CMapParser.do_keyword = _do_keyword
