"""Reader for HTML: each table row is a line of cells (spans expanded so columns keep their
positions), each heading, paragraph or list item a one-cell line.

libxml2's HTML parser (through lxml) reads the markup, as lenient as a browser, and hands each tag and
piece of text to `_Reader` as it goes (a parser target): no tree is built, and the lines, cells and spans
are counted while they are made. The standard library's `html.parser`, in pure Python, took most of a
page's reading time."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..document import Cell, Document, Line
from ..errors import UnreadableInput
from .limits import DEFAULT_LIMITS, Limits, over_limit
from .normalize import normalize_text
from .text import decode

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "caption", "dt", "dd", "blockquote", "pre",
           "section", "article", "header", "footer", "nav", "ol", "ul", "body", "figcaption"}
_SKIPPED = {"style", "script", "head", "title", "template", "noscript"}
_CELLS = {"td", "th"}
_EMPTY = Cell("")


@dataclass
class _Table:
    carried: dict[int, int] = field(default_factory=dict)  # column -> rows a span from above still fills
    row: list[tuple[str, int, int]] | None = None  # (text, colspan, rowspan) of the row being read
    cell: list[str] | None = None  # text of the cell being read
    span: tuple[int, int] = (1, 1)


def _use_carried(carried: dict[int, int], column: int) -> None:
    """One more row filled by the span from above in `column`; a span that is used up is dropped."""
    if carried[column] > 1:
        carried[column] -= 1
    else:
        del carried[column]


def _span(attrs: dict[str, str], name: str) -> int:
    value = attrs.get(name) or "1"
    try:
        return max(1, min(int(value), 1000))
    except ValueError:
        return 1


class _Reader:
    """The parser's target: what to make of each tag and piece of text, in document order."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.cells = 0  # cells of table rows made so far, spanned ones included: counted before a row is made
        self.lines: list[Line] = []
        self._text: list[str] = []
        self._skipping = 0
        self._tables: list[_Table] = []

    # -- output ----------------------------------------------------------------------------------

    def _emit(self, texts: list[str]) -> None:
        # the cells a span covers are empty: one shared (immutable) empty Cell stands for all of them
        cells = [Cell(normalize_text(t)) if t else _EMPTY for t in texts]
        if any(c.text for c in cells):
            if len(self.lines) == self.limits.max_lines:
                raise UnreadableInput(over_limit(self.name, "行数", self.limits.max_lines, "max_lines"))
            self.lines.append(Line(cells=cells, number=len(self.lines) + 1))

    def _flush_text(self) -> None:
        text = "".join(self._text)
        self._text = []
        if text.strip() and not self._tables:
            self._emit([text])

    # -- tables ----------------------------------------------------------------------------------

    def _end_cell(self, table: _Table) -> None:
        if table.cell is not None and table.row is not None:
            table.row.append((" ".join("".join(table.cell).split()), *table.span))
        table.cell = None

    def _end_row(self, table: _Table) -> None:
        self._end_cell(table)
        if table.row is None:
            return
        # a span of 1000 columns over 1000 rows costs a few bytes of markup: the row's width (its
        # cells' spans and the columns spans from above still fill) is counted before it is made
        # (only spans still filling are kept, so that a long table's rows cost their own width)
        self.cells += max(sum(colspan for _, colspan, _ in table.row) + len(table.carried),
                          max(table.carried, default=-1) + 1)
        if self.cells > self.limits.max_cells:
            raise UnreadableInput(over_limit(self.name, "表格单元格（合并单元格按所跨的行列计）", self.limits.max_cells,
                                             "max_cells"))
        texts: list[str] = []
        column = 0

        def fill_carried() -> None:
            nonlocal column
            while column in table.carried:
                texts.append("")
                _use_carried(table.carried, column)
                column += 1

        for text, colspan, rowspan in table.row:
            fill_carried()
            texts += [text] + [""] * (colspan - 1)
            for spanned in range(column, column + colspan):
                if rowspan > 1:
                    table.carried[spanned] = rowspan - 1
                else:
                    table.carried.pop(spanned, None)
            column += colspan
        last_carried = max(table.carried, default=-1)
        while column <= last_carried:  # spans from above that reach past this row's last cell
            if column in table.carried:
                _use_carried(table.carried, column)
            texts.append("")
            column += 1
        self._emit(texts)
        table.row = None

    # -- parser events ---------------------------------------------------------------------------

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
            return
        if tag == "table":
            self._flush_text()
            self._tables.append(_Table())
        elif self._tables and tag == "tr":
            self._end_row(self._tables[-1])
            self._tables[-1].row = []
        elif self._tables and tag in _CELLS:
            table = self._tables[-1]
            self._end_cell(table)
            if table.row is None:
                table.row = []
            table.cell, table.span = [], (_span(attrs, "colspan"), _span(attrs, "rowspan"))
        elif tag == "br":
            self._line_break()
        elif tag in _BLOCKS:
            self._flush_text()

    def _line_break(self) -> None:
        if self._tables and self._tables[-1].cell is not None:
            self._tables[-1].cell.append(" ")
        else:
            self._flush_text()

    def end(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
            return
        if tag == "table" and self._tables:
            self._end_row(self._tables.pop())
        elif self._tables and tag == "tr":
            self._end_row(self._tables[-1])
        elif self._tables and tag in _CELLS:
            self._end_cell(self._tables[-1])
        elif tag in _BLOCKS:
            self._flush_text()

    def data(self, data: str) -> None:
        if self._skipping:
            return
        if self._tables:
            table = self._tables[-1]
            if table.cell is not None:
                table.cell.append(data)
            return
        self._text.append(data)

    def close(self) -> None:
        while self._tables:
            self._end_row(self._tables.pop())
        self._flush_text()


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def read_html(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    text = decode(data, name, limits)
    reader = _Reader(name, limits)
    # huge_tree: libxml2 would otherwise stop at a nesting depth a generated page may reach
    parser = etree.HTMLParser(target=reader, huge_tree=True, no_network=True)
    try:
        parser.feed(text)
        parser.close()
    except UnreadableInput:
        raise
    except MemoryError as exc:
        raise UnreadableInput(
            f"无法读取“{name}”：读取这个网页所需的内存超过了可用内存，文件可能异常或是恶意构造的。"
            "请只提供预算或决算公开文件本身，或另存为 PDF 后再试。"
        ) from exc
    except Exception as exc:  # the parser is lenient; anything it still rejects is not worth a traceback
        reason = str(exc) or type(exc).__name__
        raise UnreadableInput(f"无法读取“{name}”：HTML 格式有误（{reason}）。请用浏览器另存为完整网页后再试。") from exc
    return Document(name=name, reader="html", lines=reader.lines)
