"""Page furniture: running headers, footers and page numbers, which are not the document's text.

Only text lines in the top or bottom margin band are candidates, only the outermost ones on their
page, and only in type no larger than the body text (a table title repeated at the top of each
page of a long table is larger, and stays). A candidate is dropped when it is a page number
("- 3 -", "第3页 共20页", "12") or when the same text stands at the same edge of several pages.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import median

from .layout import Placed

# share of the page height, from the top and from the bottom, where headers and footers stand
_BAND = 0.08
# how many lines from each edge of a page may be furniture
_EDGE_LINES = 2
# a text repeated at the same edge of at least this many pages (and share of pages) is furniture
_MIN_REPEATS = 2
_MIN_SHARE = 0.3

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~]*\s*\d{1,4}\s*[-—–－~]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)


# type up to this much larger than the body text may still be a running header
_SIZE_SLACK = 1.1


def drop_furniture(pages: list[list[Placed]]) -> list[list[Placed]]:
    sizes = [item.size for page in pages for item in page if not item.in_table]
    body_size = median(sizes) if sizes else 0.0
    candidates = [_edge_candidates(page, _SIZE_SLACK * body_size) for page in pages]
    counts: Counter[tuple[str, str]] = Counter()
    for page in candidates:
        counts.update({(edge, _key(item)) for edge, item in page})
    threshold = max(_MIN_REPEATS, _MIN_SHARE * len(pages))

    def is_furniture(edge: str, item: Placed) -> bool:
        return bool(_PAGE_NUMBER.match(item.line.text)) or counts[(edge, _key(item))] >= threshold

    out = []
    for page, edges in zip(pages, candidates):
        drop: set[int] = set()
        for edge in ("top", "bottom"):
            # from the edge inwards, up to the first line that is the page's own content
            for item in (item for e, item in edges if e == edge):
                if not is_furniture(edge, item):
                    break
                drop.add(id(item))
        out.append([item for item in page if id(item) not in drop])
    return out


def _edge_candidates(page: list[Placed], max_size: float) -> list[tuple[str, Placed]]:
    found: list[tuple[str, Placed]] = []
    for edge, items in (("top", page), ("bottom", page[::-1])):
        for item in items[:_EDGE_LINES]:
            if item.in_table or not _in_band(item, edge) or item.size > max_size:
                break
            found.append((edge, item))
    return found


def _in_band(item: Placed, edge: str) -> bool:
    _, top, _, bottom = item.line.box
    if edge == "top":
        return top <= _BAND * item.page_height
    return bottom >= (1 - _BAND) * item.page_height


_TRAILING_NUMBER = re.compile(r"[-—–\s]*(?:第\s*)?\d+(?:\s*页)?[-—–\s]*$")


def _key(item: Placed) -> str:
    # a running header may end with the page number: "XX部门预算 - 3 -" repeats as "XX部门预算#"
    return _TRAILING_NUMBER.sub("#", item.line.text)
