"""Tidy lines name the document, its scope and the page each amount is printed on."""

from decimal import Decimal

from yusuan.export import COLUMNS, render_csv, tidy_lines
from yusuan.model import Column, Disclosure, Row, Source, Table, Unit


def _unit_report(page: int) -> Disclosure:
    """A 单位 report whose 部门支出总表 prints 201 一般公共服务支出 基本支出 925.40 on page `page` of its PDF."""
    table = Table(id="expenditure", title="部门支出总表", unit=Unit.wanyuan,
                  columns=[Column(id="total", label="合计"), Column(id="basic", label="基本支出")],
                  rows=[Row(code="201", name="一般公共服务支出", values={"total": Decimal("925.40"),
                                                                  "basic": Decimal("925.40")},
                            source=Source(page=page))])
    return Disclosure(department="重庆市潼南区某单位", year=2024, kind="budget", scope="单位", unit=Unit.wanyuan,
                      tables={"expenditure": table})


def test_a_line_names_its_document_scope_and_page():
    lines = list(tidy_lines(_unit_report(7), "ab" * 32))
    assert [(ln["document"], ln["scope"], ln["kind"], ln["page"], ln["column"], ln["amount"]) for ln in lines] == [
        ("ab" * 32, "单位", "budget", 7, "total", "925.40"), ("ab" * 32, "单位", "budget", 7, "basic", "925.40")]


def test_csv_has_every_column_in_order():
    text = render_csv(tidy_lines(_unit_report(7), "cd" * 32))
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert text.splitlines()[1] == f"重庆市潼南区某单位,2024,budget,单位,{'cd' * 32},expenditure,7,1,201,一般公共服务支出,total,925.40,万元"
