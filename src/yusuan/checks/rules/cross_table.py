"""Cross-table identities: totals that two tables print for the same money."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...classification import parent_of
from ...classification.links import (MEDICAL_AID, MEDICAL_PARTS, MEDICAL_SECTION, MIRRORED_LINES, MIRRORED_NAMES,
                                     THREE_PUBLIC_LINES)
from ...model import FUNCTIONAL_TABLES, Project, Row, Table
from ..engine.context import Doc
from ..engine.figures import Figure
from ..engine.findings import Finding, Place
from ..engine.registry import rule
from ..engine.structure import CARRYOVER_ITEMS, INCOME_ITEMS, columns_of, level, total_row, year_rows
from ..engine.wording import column_label
from .function_lines import Lines
from .narrative.amounts import agrees_with_one

def _total(doc: Doc, table: Table, column: str, phrase: str | None = None) -> Figure:
    """The 合计 line of a column; an empty table (or one without 合计) counts as empty, i.e. 0."""
    row = total_row(table)
    if row is None:
        return Figure.plain(None, phrase or f"{doc.title(table)}合计", Place.of_table(table))
    figure = doc.cell(table, row, column)
    return replace(figure, phrase=phrase) if phrase else figure


def _item(doc: Doc, table: Table, item: str, side: str, column: str = "total") -> Figure | None:
    row = table.item(item, side)
    return None if row is None else doc.cell(table, row, column)


def _found(*findings: Finding | None) -> Iterator[Finding]:
    yield from (f for f in findings if f is not None)


@rule(
    id="XTAB-SUMMARY-REVENUE", family="cross-table", severity="error",
    title="收支总表各项收入应等于收入总表合计行的对应栏",
    basis="财预〔2016〕143号；domain.md §3 A5（收入总表 = 收支总表收入）",
    needs=("summary", "revenue"),
)
def summary_income_matches_revenue(doc: Doc) -> Iterator[Finding]:
    summary, revenue = doc.table("summary"), doc.table("revenue")
    printed = set(columns_of(revenue))
    pairs = [(item, item) for item in (*INCOME_ITEMS, "fiscal", "carryover") if item in printed]
    for item, column in pairs + [(_revenue_total_line(summary, revenue), "total")]:
        stated = _item(doc, summary, item, "income")
        if stated is not None:
            label = "" if column == "total" else column_label(revenue, column)
            yield from _found(doc.compare(stated, _total(doc, revenue, column, f"{doc.title(revenue)}合计{label}")))


def _revenue_total_line(summary: Table, revenue: Table) -> str:
    """The 收支总表 line the 收入总表 合计 stands for: 收入总计 where the 收入总表 includes 上年结转 (as a
    column or a line), else 本年收入合计 (a 决算 收入决算表 prints this year's income only)."""
    with_carryover = "carryover" in columns_of(revenue) or revenue.item("carryover") is not None
    if with_carryover or summary.item("income_total", "income") is None:
        return "grand_total"
    return "income_total"


@rule(
    id="XTAB-SUMMARY-EXPENDITURE", family="cross-table", severity="error",
    title="收支总表本年支出合计应等于支出总表合计",
    basis="财预〔2016〕143号；domain.md §3 A5（支出总表 = 收支总表支出）",
    needs=("summary", "expenditure"),
)
def summary_spending_matches_expenditure(doc: Doc) -> Iterator[Finding]:
    stated = _item(doc, doc.table("summary"), "expenditure_total", "expenditure")
    if stated is not None:
        table = doc.table("expenditure")
        yield from _found(doc.compare(stated, _total(doc, table, "total", f"{doc.title(table)}合计")))


@rule(
    id="XTAB-FISCAL-GENERAL", family="cross-table", severity="error",
    title="财政拨款收支总表的一般公共预算支出应等于一般公共预算支出表合计，其一般公共预算收入应等于收支总表的一般公共预算拨款",
    basis="财预〔2016〕143号；domain.md §3 A5",
    needs=("fiscal_summary", "general_expenditure|summary"),
)
def fiscal_matches_general(doc: Doc) -> Iterator[Finding]:
    fiscal, general, summary = doc.table("fiscal_summary"), doc.table("general_expenditure"), doc.table("summary")
    if general is not None and "general_budget" in columns_of(fiscal):
        stated = _item(doc, fiscal, "expenditure_total", "expenditure", "general_budget")
        if stated is not None:
            yield from _found(doc.compare(stated, _total(doc, general, "total", f"{doc.title(general)}合计")))
    if summary is not None:
        stated, expected = _item(doc, fiscal, "general_budget", "income"), _item(doc, summary, "general_budget", "income")
        if stated is not None and expected is not None:
            finding = doc.compare(stated, expected)
            with_carryover = _with_carryover(doc, fiscal, summary, stated)
            if finding is not None and with_carryover is not None and doc.compare(with_carryover, expected) is None:
                finding = None
            yield from _found(finding)


def _with_carryover(doc: Doc, fiscal: Table, summary: Table, this_year: Figure) -> Figure | None:
    """The 财政拨款收支总表's 一般公共预算 of this year plus its 上年结转 一般公共预算拨款, where the 收支总表
    prints no 上年结转 line of its own: such a 收支总表 books the carry-over inside the income of the same
    fund (重庆: "结转金额已纳入相应性质的资金收入中反映")."""
    if summary.item("carryover", "income") is not None or any(
            summary.item(item, "income") is not None for item in CARRYOVER_ITEMS):
        return None
    carried = _item(doc, fiscal, "carryover_general_budget", "income")
    if carried is None or carried.blank:
        return None
    phrase = f"{doc.title(fiscal)}一般公共预算本年收入与上年结转一般公共预算拨款之和"
    return Figure.total_of((this_year, carried), phrase)


@rule(
    id="XTAB-FISCAL-FUNDS", family="cross-table", severity="error",
    title="政府性基金、国有资本经营预算支出表合计应等于财政拨款收支总表中的对应支出",
    basis="财预〔2016〕143号；domain.md §3 A5",
    needs=("fiscal_summary", "gov_fund_expenditure|state_capital_expenditure"),
)
def fund_tables_match_fiscal(doc: Doc) -> Iterator[Finding]:
    fiscal = doc.table("fiscal_summary")
    for table_id, column in (("gov_fund_expenditure", "gov_fund"), ("state_capital_expenditure", "state_capital")):
        table = doc.table(table_id)
        stated = _item(doc, fiscal, "expenditure_total", "expenditure", column)
        if table is not None and stated is not None and column in columns_of(fiscal):
            yield from _found(doc.compare(_total(doc, table, "total"), stated))


@rule(
    id="XTAB-GENERAL-BASIC", family="cross-table", severity="error",
    title="基本支出表合计应等于一般公共预算支出表的基本支出合计",
    basis="预算法实施条例第六条；domain.md §3 A5",
    needs=("general_expenditure", "basic_expenditure"),
)
def basic_table_matches_general(doc: Doc) -> Iterator[Finding]:
    basic, general = doc.table("basic_expenditure"), doc.table("general_expenditure")
    expected = _total(doc, general, "basic", f"{doc.title(general)}基本支出合计")
    yield from _found(doc.compare(_basic_total(doc, basic), expected))


def _basic_total(doc: Doc, basic: Table) -> Figure:
    """The 基本支出表 合计; a table printed as two halves has no 合计 line but closes each half with
    人员经费合计 and 公用经费合计, whose sum is the 合计."""
    halves = [r for r in (basic.item("personnel"), basic.item("public")) if r is not None]
    if total_row(basic) is None and len(halves) == 2:
        phrase = f"{doc.title(basic)}人员经费合计与公用经费合计之和"
        return Figure.total_of((doc.cell(basic, r, "total") for r in halves), phrase)
    return _total(doc, basic, "total")


def project_figure(doc: Doc, project: Project) -> Figure:
    """A project's amount, as the cell of the project table when it prints the project's row."""
    table = doc.table("project_expenditure")
    row = table.row(project.code) if table is not None and project.code else None
    if row is not None and "amount" in row.values:
        return doc.cell(table, row, "amount")
    return Figure.plain(project.amount, f"项目「{project.name}」", Place.at(project.source, table="project_expenditure"))


def _projects_by_function(doc: Doc) -> dict[str, list[Figure]]:
    grouped: dict[str, list[Figure]] = {}
    for project in doc.disclosure.projects:
        if project.functional_code:
            grouped.setdefault(project.functional_code, []).append(project_figure(doc, project))
    return grouped


@rule(
    id="XTAB-PROJECTS-FUNCTION", family="cross-table", severity="error",
    title="项目支出表按功能科目汇总应等于支出表的项目支出栏",
    basis="domain.md §3 A5（项目明细与项目支出一致）",
    needs=("projects", "expenditure|general_expenditure"),
)
def projects_match_project_column(doc: Doc) -> Iterator[Finding]:
    table = doc.table("expenditure") or doc.table("general_expenditure")
    if "project" not in columns_of(table):
        return
    grouped = _projects_by_function(doc)
    rows = {r.code: r for r in table.rows if r.code and level(r) == "项"}
    listed = Lines(table, "project", rows)
    sums = {code: Figure.total_of(figures, f"项目支出表中功能科目 {code} 下各项目之和")
            for code, figures in grouped.items()}
    yield from _compare_sums(doc, listed, sums)


@rule(
    id="XTAB-PROJECTS-TOTAL", family="cross-table", severity="error",
    title="项目支出表合计应等于支出总表（或一般公共预算支出表、财政拨款）的项目支出合计",
    basis="domain.md §3 A5（项目明细与项目支出一致）",
    needs=("project_expenditure", "expenditure|general_expenditure"),
)
def project_list_total_matches_project_column(doc: Doc) -> Iterator[Finding]:
    """The list's 合计 against the 项目支出 it lists: of all funds (支出总表), of 一般公共预算, or of 财政拨款
    (一般公共预算 + 政府性基金). Which scope the list has is seldom printed: agreeing with one of them is
    enough, so a list of one fund's projects is not compared with another's total."""
    table = doc.table("project_expenditure")
    total = total_row(table)
    if total is None or total.values.get("amount") is None:
        return
    candidates = [_total(doc, t, "project", f"{doc.title(t)}项目支出合计")
                  for t in (doc.table("expenditure"), doc.table("general_expenditure"))
                  if t is not None and total_row(t) is not None and doc.prints(t, "project")]
    if not candidates:
        return
    funds = [t for t in (doc.table("general_expenditure"), doc.table("gov_fund_expenditure"))
             if t is not None and total_row(t) is not None and doc.prints(t, "project")]
    if len(funds) == 2:
        phrase = "一般公共预算与政府性基金预算支出表项目支出合计之和"
        candidates.append(Figure.total_of((_total(doc, t, "project") for t in funds), phrase))
    finding = agrees_with_one(doc, doc.cell(table, total, "amount"), candidates)
    if finding:
        yield finding


def _compare_sums(doc: Doc, listed: Lines, sums: dict[str, Figure]) -> Iterator[Finding]:
    for code in dict.fromkeys([*listed.rows, *sums]):
        row, expected = listed.rows.get(code), sums.get(code)
        if row is None:
            message = (f"{doc.title(listed.table)}未列出功能科目 {code}，而{doc.phrase(expected)}为 "
                       f"{doc.said(expected)}。")
            yield Finding.mismatch(Place.of_table(listed.table), None, expected.value, message)
            continue
        stated = doc.cell(listed.table, row, "project")
        if expected is None:
            expected = Figure.plain(None, f"项目支出表中功能科目 {code} 下的项目（无）")
        yield from _found(doc.compare(stated, expected))


@rule(
    id="XTAB-THREE-PUBLIC-ECONOMIC", family="cross-table", severity="error",
    title="基本支出表的经济科目（30212/30217/30231/公务用车购置）不应大于“三公”经费表的对应项",
    basis="“三公”经费口径：基本支出部分记入对应经济科目，其余由项目支出安排，故“三公”经费可大于基本支出中的该项；domain.md §3 A5",
    needs=("three_public", "basic_expenditure"),
)
def three_public_matches_economic(doc: Doc) -> Iterator[Finding]:
    three_public, basic = doc.table("three_public"), doc.table("basic_expenditure")
    _, current = year_rows(three_public, doc.year)
    if current is None:
        return
    for column, codes in THREE_PUBLIC_LINES.items():
        if column not in current.values:
            continue
        rows = [r for r in (basic.row(code) for code in codes) if r is not None]
        names = "、".join(f"{r.code} {r.name}" for r in rows) or "/".join(codes)
        economic = Figure.total_of((doc.cell(basic, r, "total") for r in rows), f"{doc.title(basic)}「{names}」")
        yield from _found(_three_public_item(doc, doc.cell(three_public, current, column), economic))


def _three_public_item(doc: Doc, item: Figure, economic: Figure) -> Finding | None:
    finding = doc.compare(item, economic)
    if finding is None or finding.severity == "info":
        return finding
    # a "三公" item larger than its basic line is the normal case: project spending pays the rest
    if economic.value <= item.value:
        return None
    finding.message += "基本支出中的该项已超过“三公”经费该项总额。"
    return finding


@rule(
    id="XTAB-ECONOMIC-MIRROR", family="cross-table", severity="warning",
    title="养老保险、职业年金、公务员医疗补助、住房公积金：经济科目金额应与对应功能科目一致",
    basis="30108↔2080505、30109↔2080506、30111↔2101103、30113↔2210201 为同一笔缴费的两种分类；domain.md §3 A6",
    needs=("basic_expenditure", "general_expenditure"),
)
def economic_mirrors_functional(doc: Doc) -> Iterator[Finding]:
    """公务员医疗补助 without a 2101103 line is compared as its 款 21011 (classification/links.py). With no line
    of a mirrored 项's 款 at all (Suzhou, Fuzhou: no 21011; Changsha: no 20805, 21011, 22102) the
    contributions sit in another 项 (行政运行): nothing to compare, said as a note."""
    basic, general = doc.table("basic_expenditure"), doc.table("general_expenditure")
    column = "basic" if "basic" in columns_of(general) else "total"
    unbooked: list[tuple[Row, str]] = []
    for economic_code, functional_code in MIRRORED_LINES:
        economic, functional = _economic_line(basic, economic_code), general.row(functional_code)
        if economic is None and functional is None:
            continue
        if functional is None and economic_code == MEDICAL_AID and general.row(MEDICAL_SECTION) is not None:
            yield from _found(_medical_section(doc, basic, general, column))
            continue
        if functional is None and not _prints_section(doc, parent_of(functional_code)):
            unbooked.append((economic, parent_of(functional_code)))
            continue
        yield from _found(doc.compare(
            _line_or_absent(doc, basic, economic, "total", economic_code),
            _line_or_absent(doc, general, functional, column, functional_code),
        ))
    if unbooked:
        lines = "、".join(f"「{r.code} {r.name}」{doc.said(doc.cell(basic, r, 'total'))}" for r, _ in unbooked)
        sections = "、".join(dict.fromkeys(section for _, section in unbooked))
        message = (f"{doc.title(basic)}列有{lines}，各功能分类表均未列对应的功能科目款 {sections}："
                   "这些缴费可能按本地做法记在其他功能科目（如行政运行）下，未作比较。")
        yield Finding.at(Place.of_row(basic, unbooked[0][0]), message, "info")


def _prints_section(doc: Doc, section: str) -> bool:
    """Some functional table prints the 款 or a 项 under it."""
    return any(r.code and r.code.startswith(section) for t in doc.tables(FUNCTIONAL_TABLES) for r in t.rows)


def _medical_section(doc: Doc, basic: Table, general: Table, column: str) -> Finding | None:
    """30110 + 30111 against the 款 21011, where no 2101103 line is printed."""
    parts = [r for r in (basic.row(code) for code in MEDICAL_PARTS) if r is not None]
    names = "、".join(f"{r.code} {r.name}" for r in parts)
    economic = Figure.total_of((doc.cell(basic, r, "total") for r in parts), f"{doc.title(basic)}「{names}」之和")
    return doc.compare(economic, doc.cell(general, general.row(MEDICAL_SECTION), column))


def _economic_line(basic: Table, code: str) -> Row | None:
    """The line by its code, else by its name: before 2018 住房公积金 was 30311 (under 对个人和家庭的补助),
    from 2018 it is 30113 (under 工资福利支出)."""
    row = basic.row(code)
    name = MIRRORED_NAMES.get(code)
    if row is None and name:
        row = next((r for r in basic.rows if r.code and r.name == name), None)
    return row


def _line_or_absent(doc: Doc, table: Table, row: Row | None, column: str, code: str) -> Figure:
    if row is not None:
        return doc.cell(table, row, column)
    return Figure.plain(None, f"{doc.title(table)}（未列 {code}）", Place.of_table(table))

