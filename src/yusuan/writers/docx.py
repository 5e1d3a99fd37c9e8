"""DOCX (python-docx): editable Word, real tables with merged and repeating header rows, East-Asian fonts set
(宋体 for text, 黑体 for headings) so Word never shows Chinese in a fallback font."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..model import Disclosure
from .document import Block, printed_document
from .grid import Cell, Grid, Row, placed

BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
_HEADING_STYLES = {0: "Heading 1", 1: "Heading 2", 2: "Heading 3", 3: "Heading 4"}


def _set_fonts(style, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    style.font.name = LATIN_FONT
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _prepare(document: Document) -> None:
    _set_fonts(document.styles["Normal"], BODY_FONT, 11)
    for level, name in _HEADING_STYLES.items():
        style = document.styles[name]
        _set_fonts(style, HEADING_FONT, (16, 14, 12, 11)[level], True)
        style.font.color.rgb = None
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))


def _orient(document: Document, landscape: bool) -> None:
    """A new section when the orientation changes (wide tables print across the page)."""
    current = document.sections[-1]
    if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Cm(29.7), Cm(21)) if landscape else (Cm(21), Cm(29.7))
    section.page_width, section.page_height = width, height


def _contents_field(document: Document, entries: list[tuple[str, int]]) -> None:
    """A Word TOC field over the heading styles: Word fills in the page numbers (F9, or on opening).

    The field's result, which Word shows until it is updated, already lists the entries: WPS and
    LibreOffice leave it as it is, and a reader of the file sees a contents page followed by the
    headings it names, as in the HTML and PDF.
    """
    first = document.add_paragraph()
    run = first.add_run()
    begin, code, separate, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                                  OxmlElement("w:fldChar"), OxmlElement("w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = 'TOC \\o "1-2" \\h \\z \\u'
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate):
        run._r.append(element)
    first.add_run("（在 Word 中右键“更新域”生成目录页码）")
    last = first
    for text, level in entries:
        last = document.add_paragraph(text)
        last.paragraph_format.left_indent = Pt(11 * level)
    last.add_run()._r.append(end)
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _title(document: Document, text: str, size: float = 14) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), HEADING_FONT)


def _narrative(document: Document, block: Block) -> None:
    heading = block.heading
    document.add_paragraph(heading.text, style=_HEADING_STYLES.get(heading.level, "Heading 4"))
    for text in block.paragraphs:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.first_line_indent = Pt(22)


def _paragraph(cell: Cell | None):
    p = OxmlElement("w:p")
    if cell is None:
        return p
    alignment = {"amount": "right", "head": "center", "label": "center"}.get(cell.kind)
    if alignment or cell.indent:
        properties = OxmlElement("w:pPr")
        if cell.indent:
            indent = OxmlElement("w:ind")
            indent.set(qn("w:left"), str(200 * cell.indent))
            properties.append(indent)
        if alignment:
            jc = OxmlElement("w:jc")
            jc.set(qn("w:val"), alignment)
            properties.append(jc)
        p.append(properties)
    if cell.text:
        run = OxmlElement("w:r")
        if cell.bold or cell.kind in ("head", "label"):
            run_properties = OxmlElement("w:rPr")
            run_properties.append(OxmlElement("w:b"))
            run.append(run_properties)
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = cell.text
        run.append(text)
        p.append(run)
    return p


def _tc(cell: Cell | None, colspan: int, merge: str | None, width: int):
    """One w:tc: `merge` is "restart" for the top of a vertical span, "continue" below it."""
    tc = OxmlElement("w:tc")
    properties = OxmlElement("w:tcPr")
    tc_width = OxmlElement("w:tcW")
    tc_width.set(qn("w:w"), str(width))
    tc_width.set(qn("w:type"), "dxa")
    properties.append(tc_width)
    if colspan > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(colspan))
        properties.append(span)
    if merge:
        vmerge = OxmlElement("w:vMerge")
        if merge == "restart":
            vmerge.set(qn("w:val"), "restart")
        properties.append(vmerge)
    tc.append(properties)
    tc.append(_paragraph(cell if merge != "continue" else None))
    return tc


def _rows_xml(rows: list[Row], columns: int, widths: list[int], header_rows: int):
    """The w:tr elements, spans written as gridSpan / vMerge (python-docx's merge is too slow for big tables)."""
    starts: dict[tuple[int, int], Cell] = {}
    continued: dict[tuple[int, int], Cell] = {}
    for r, c, cell in placed(rows):
        starts[(r, c)] = cell
        for below in range(1, cell.rowspan):
            continued[(r + below, c)] = cell
    for r in range(len(rows)):
        tr = OxmlElement("w:tr")
        if r < header_rows:
            properties = OxmlElement("w:trPr")
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            properties.append(header)
            tr.append(properties)
        c = 0
        while c < columns:
            cell = starts.get((r, c)) or continued.get((r, c))
            span = cell.colspan if cell else 1
            merge = None
            if cell is not None and cell.rowspan > 1:
                merge = "restart" if (r, c) in starts else "continue"
            tr.append(_tc(cell, span, merge, sum(widths[c:c + span])))
            c += span
        yield tr


def _table(document: Document, rows: list[Row], header_rows: int, grid: Grid, width_cm: float):
    table = document.add_table(rows=0, cols=grid.column_count)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(grid.widths)
    widths = [int(width_cm * 567 * w / total) for w in grid.widths]  # 567 twips to the centimetre
    for column, width in zip(table.columns, widths):
        column.width = width * 635  # EMU per twip
    for tr in _rows_xml(rows, grid.column_count, widths, header_rows):
        table._tbl.append(tr)
    return table


def _grid(document: Document, grid: Grid) -> None:
    _orient(document, grid.wide)
    width_cm = 25.5 if grid.wide else 17.4
    _title(document, grid.title)
    if grid.unit_line:
        document.add_paragraph(grid.unit_line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if grid.form:
        _table(document, grid.form, 0, grid, width_cm)
    _table(document, grid.header + grid.body, len(grid.header), grid, width_cm)
    if grid.note:
        document.add_paragraph(grid.note)
    document.add_paragraph()


def docx_bytes(disclosure: Disclosure) -> bytes:
    printed = printed_document(disclosure)
    document = new_document()
    _prepare(document)
    _title(document, printed.title, 20)
    document.add_paragraph("目录").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _contents_field(document, [(text, level) for _, text, level in printed.contents])
    for block in printed.blocks:
        if block.grid is not None:
            _grid(document, block.grid)
        elif block.heading is not None:
            _orient(document, False)
            _narrative(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
