"""The intermediate document every reader produces and the one recognizer consumes.

A reader knows one file format and nothing about budgets: it returns lines of cells, each with
where it came from. A text line is a line with one cell; a table row is a line with one cell per
column as the input laid them out (empty cells kept, so positions mean something).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from .model.source import Source


class Cell(NamedTuple):
    """Immutable. A named tuple, not a frozen dataclass: a document has thousands of cells, and a
    tuple is made in half the time."""

    text: str  # normalized (NFKC, no stray spaces inside CJK words)
    box: tuple[float, float, float, float] | None = None


_TEXT = attrgetter("text")
_SOURCE = Source.__pydantic_validator__


def _new_source(line: int | None, page: int | None, box: tuple[float, float, float, float] | None) -> Source:
    # the model's validator, called with a dict: the same checks, in half the time of the keyword
    # constructor, and a document asks for a Source for most of its lines
    return _SOURCE.validate_python({"line": line, "page": page, "box": box})


@dataclass(slots=True)
class Line:
    """A line's cells and position are not changed once the reader hands the line on: `texts` and
    `filled`, asked for thousands of times by the recognizer, are worked out when the line is made,
    and `source` when first asked for."""

    cells: list[Cell]
    number: int | None = None  # 1-based line in a text input
    page: int | None = None  # 1-based page where the input has pages
    box: tuple[float, float, float, float] | None = None
    texts: list[str] = field(init=False, repr=False, compare=False)
    filled: list[str] = field(init=False, repr=False, compare=False)  # the texts that are not empty
    _source: Source | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.texts = list(map(_TEXT, self.cells))
        self.filled = list(filter(None, self.texts))

    @property
    def text(self) -> str:
        """The line's text with cells joined by a tab."""
        return "\t".join(self.texts).strip()

    @property
    def source(self) -> Source:
        if self._source is None:
            self._source = _new_source(self.number, self.page, self.box)
        return self._source  # frozen: one object serves every row and finding of the line

    def cell_source(self, index: int) -> Source:
        box = self.cells[index].box if 0 <= index < len(self.cells) else None
        if box is None:
            return self.source
        return _new_source(self.number, self.page, box)


@dataclass(slots=True)
class Document:
    name: str
    reader: str
    lines: list[Line] = field(default_factory=list)
    page_count: int | None = None
    # pages the reader could not read (page number -> why, in Chinese): the recognizer lists them
    unread_pages: dict[int, str] = field(default_factory=dict)
