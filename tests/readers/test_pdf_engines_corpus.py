"""The PDF reader with PDFium's page objects against the same reader with pdfminer/pdfplumber's, on every
PDF of the shared corpus: the same tables (codes, names, every amount), the same narrative claims and the
same findings. Kept while both exist (docs/readers.md says where pdfplumber is still used and why)."""

import pytest

from corpus import CORPUS, files, parsed
from yusuan.checks import run_checks
from yusuan.pipeline import parse_bytes
from yusuan.readers import pdf as pdf_reader
from yusuan.readers import read_bytes

FILES = files("*.pdf")


def _summary(disclosure) -> tuple:
    tables = {table_id: [(row.code, row.name, sorted((k, str(v)) for k, v in row.values.items())) for row in table.rows]
              for table_id, table in disclosure.tables.items()}
    claims = sorted((c.subject, str(c.value), str(c.unit), str(c.change)) for c in disclosure.narrative.claims)
    findings = sorted((f.rule, str(f.severity), f.message) for f in run_checks(disclosure).findings)
    return tables, claims, findings


@pytest.mark.skipif(not FILES, reason="the shared corpus is not beside the project")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_both_page_readers_give_the_same_disclosure(path, monkeypatch):
    assert pdf_reader.ENGINE == "pdfium"  # the reading every other corpus test shares
    pdfium_tables, pdfium_claims, pdfium_findings = _summary(parsed(path))
    monkeypatch.setattr(pdf_reader, "ENGINE", "plumber")
    plumber_tables, plumber_claims, plumber_findings = _summary(parse_bytes(path.read_bytes(), path.name))
    assert pdfium_tables == plumber_tables
    assert pdfium_claims == plumber_claims
    assert pdfium_findings == plumber_findings


def _lines(relative: str) -> list[str]:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip("the shared corpus is not beside the project")
    return [" | ".join(line.texts) for line in read_bytes(path.read_bytes(), path.name).lines]


def test_a_title_in_a_font_pdfium_cannot_map_is_read_by_pdfplumber():
    # p1 prints the title in FZXiaoBiaoSong-B05S, not embedded: PDFium gives (and draws) only its digits
    assert "北京市审计局2026年度部门预算信息公开" in _lines("cities/北京-5de0566e.pdf")


def test_slanted_digits_are_read():
    # p18 prints the percentages in slanted (fake italic) Times: "增长8.85%"
    lines = _lines("jiangsu/江苏省人民检察院/2017年省检察院部门预算.pdf")
    assert any("收、支预算总计各增加 1463.8万元,增长8.85%。" in line for line in lines)


def test_a_page_whose_media_box_starts_off_the_origin_keeps_its_wrapped_sentence_whole():
    # p4: the media box starts at (-12.02, 12.02); the sentence wraps after "综合调查科、" at the right margin
    assert any(line.endswith("综合调查科、调查确权科、地籍管理科。") for line in _lines("cities/上海-0afcacdd.pdf"))


def test_a_landscape_table_on_a_turned_page_is_read():
    # p3 is turned by /Rotate 90; its title line reads upright
    assert "部门:中共江苏省委办公厅 单位:万元" in _lines("jiangsu/江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf")
