"""Every piece of printed text in a disclosure, with where it is, for the document-hygiene rules; and the
paragraphs and sentences of each, the narrative's as the model holds them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ...model import Disclosure, Paragraph, PerformanceTable
from ...prose.sentences import paragraphs, said, sentence_spans
from .context import Doc
from .findings import NARRATIVE, Place
from .wording import quoted

TextKind = Literal["narrative", "title", "note", "row", "column", "performance", "performance_title"]


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    place: Place
    kind: TextKind
    where: str  # '情况说明“二、部门收支总体情况”', '支出总表标题', ...
    section: int | None = None  # of the narrative's heading or text: its index in the sections


def _narrative(d: Disclosure) -> Iterator[Text]:
    for index, section in enumerate(d.narrative.sections):
        place = Place.at(section.source, table=NARRATIVE, name=section.title)
        where = f"情况说明{quoted(section.title)}"
        yield Text(section.title, place, "narrative", where, index)
        if section.text:
            yield Text(section.text, place, "narrative", where, index)


def _tables(d: Disclosure) -> Iterator[Text]:
    for table in d.tables.values():
        yield Text(table.title, Place.of_table(table), "title", f"表标题{quoted(table.title)}")
        if table.note:
            yield Text(table.note, Place.of_table(table), "note", f"{table.title}的备注")
        for column in table.columns:
            if column.label:
                yield Text(column.label, Place(table=table.id, column=column.id), "column", f"{table.title}的栏目{quoted(column.label)}")
        for row in table.rows:
            place = Place.of_row(table, row)
            yield Text(row.name, place, "row", f"{table.title}「{row.name}」")


def _performance_table(table: PerformanceTable) -> Iterator[Text]:
    table_id = "performance_overall" if table.scope == "overall" else "performance_project"
    place = Place.at(table.source, table=table_id, code=table.project_code, name=table.name)
    where = "整体绩效目标表" if table.scope == "overall" else f"项目绩效目标表「{table.name or '（未填项目名称）'}」"
    if table.title:
        yield Text(table.title, place, "performance_title", f"{where}的标题{quoted(table.title)}")
    for text in (table.name, table.overview, table.basis, table.target):
        if text:
            yield Text(text, place, "performance", where)
    for indicator in table.indicators:
        at = Place.at(indicator.source, table=table_id, code=table.project_code, name=table.name)
        for text in (indicator.level3, indicator.value):
            if text:
                yield Text(text, at, "performance", f"{where}指标{quoted(indicator.level3)}")


def texts_of(doc: Doc) -> list[Text]:
    return doc.cached("texts", lambda: list(document_texts(doc.disclosure)))


def document_texts(d: Disclosure) -> Iterator[Text]:
    yield from _narrative(d)
    yield from _tables(d)
    tables = ([d.performance_overall] if d.performance_overall else []) + d.performance_projects
    for table in tables:
        yield from _performance_table(table)


def section_paragraphs(doc: Doc) -> list[list[Paragraph]]:
    """The paragraphs of each of the narrative's sections, as its sentences make them up."""
    return doc.cached("section_paragraphs", doc.disclosure.narrative.section_paragraphs)


def _of_section(doc: Doc, text: Text) -> bool:
    """Whether the text is a section's text (not its heading): the narrative's sentences cut it."""
    sections = doc.disclosure.narrative.sections
    return text.kind == "narrative" and text.section is not None and text.text == sections[text.section].text


def paragraphs_of(doc: Doc, text: Text) -> list[str]:
    """The paragraphs of a printed text that hold something: those of a section of the narrative from its
    sentences; a heading, a note, a cell are cut by the same prose."""
    if _of_section(doc, text):
        return [paragraph.text for paragraph in section_paragraphs(doc)[text.section]]
    return paragraphs(text.text)


def sentences_of(doc: Doc, text: Text) -> list[str]:
    """What each sentence of a printed text says (`said`), paragraph by paragraph: a section's text from
    the narrative's sentences; a heading, a note, a cell cut by the same prose."""
    if _of_section(doc, text):
        return [words for paragraph in section_paragraphs(doc)[text.section] for s in paragraph.sentences
                if (words := said(s.text))]
    return [line[start:end] for line in paragraphs(text.text) for start, end in sentence_spans(line)]
