"""A 情况说明 printed without its tables (they are a separate attachment), Beijing style.

The contents page lists the tables, the performance tables among them; the text holds the amounts.
Expected values are written by hand from the text.
"""

from decimal import Decimal

from yusuan.document import Document
from yusuan.pipeline import require_disclosure
from yusuan.readers.text import read_text
from yusuan.recognize import recognize

CONTENTS = "\n".join([
    "北京市某某办公室部门2026年度部门预算信息公开",
    "目录",
    "第一部分2026年度部门预算情况说明",
    "一、部门情况说明",
    "二、收入预算情况说明",
    "第二部分2026年度部门预算报表",
    "一、收支总表",
    "二、收入总表",
    "十二、项目支出绩效目标表",
    "十三、部门整体支出绩效目标表",
])  # fmt: skip
BODY = "\n".join([
    "第一部分2026年度部门预算情况说明",
    "一、部门情况说明",
    "(一)本部门职责情况",
    "北京市某某办公室负责本市某某工作。",
    "二、收入预算情况说明",
    "2026年度收入预算9626.78万元,比2025年年初预算数9819.98万元减少193.20万元,下降1.97%。主要原因是减少一次性项目。",
    "1.一般公共预算拨款收入9616.34万元。",
    "2.上年结转结余10.44万元。",
    "第二部分2026年度部门预算报表",
    "附件:北京市某某办公室部门2026年度部门预算报表",
])  # fmt: skip


def document(*pages: str) -> Document:
    lines = []
    for number, text in enumerate(pages, start=1):
        for line in read_text(text.encode(), "x.txt").lines:
            line.page = number
            lines.append(line)
    return Document(name="x.pdf", reader="pdf", lines=lines)


def test_a_performance_table_listed_on_the_contents_page_does_not_swallow_the_narrative():
    disclosure = require_disclosure(recognize(document(CONTENTS, BODY)), "x.pdf")
    stated = {(c.subject, c.year): c.value for c in disclosure.narrative.claims}
    assert stated[("revenue_total", 2026)] == Decimal("9626.78")
    assert stated[("revenue_total", 2025)] == Decimal("9819.98")
    assert stated[("revenue:general_budget", 2026)] == Decimal("9616.34")
    assert stated[("revenue:carryover", 2026)] == Decimal("10.44")
    assert not disclosure.tables
    assert disclosure.performance_overall is None and not disclosure.performance_projects


def test_contents_printed_without_a_contents_line_are_dropped_as_well():
    contents = "\n".join(CONTENTS.splitlines()[2:])  # no title, no 目录: the entries only
    disclosure = require_disclosure(recognize(document(contents, BODY)), "x.pdf")
    assert {c.subject for c in disclosure.narrative.claims} >= {"revenue_total", "revenue:general_budget"}
    assert [s.title for s in disclosure.narrative.sections][:3] == ["2026年度部门预算情况说明", "部门情况说明", "本部门职责情况"]


# Fuzhou: the performance tables under "七、预算绩效目标情况", then the 情况说明 goes on
PERFORMANCE_THEN_NARRATIVE = "\n".join([
    "第三部分2026年度单位预算情况说明",
    "七、预算绩效目标情况",
    "2026年,某支队按照全面实施预算绩效管理的要求,编制绩效目标并公开。",
    "五城区交通警辅人员经费项目绩效目标表",
    "项目名称\t五城区交通警辅人员经费",
    "主管部门\t福州市公安局\t实施单位\t某支队",
    "绩效目标指标\t一级指标\t二级指标\t三级指标\t指标值",
    "绩效目标指标\t产出指标\t数量指标\t聘用人员数量\t=1456人",
    "八、其他重要事项说明",
    "(一)机关运行经费",
    "2026年,某支队一般公共预算拨款安排的机关运行经费支出2916.1万元,比上年减少206.4万元。",
    "(二)政府采购情况",
    "2026年,某支队政府采购预算总额0万元。",
    "(三)国有资产占用使用情况",
    "截至2025年12月31日,某支队共有车辆233辆。",
    "第四部分",
    "名词解释",
    "一、财政拨款收入:指单位从同级财政部门取得的财政预算资金。",
])  # fmt: skip


def test_the_narrative_after_the_performance_tables_is_read():
    disclosure = require_disclosure(recognize(document(PERFORMANCE_THEN_NARRATIVE)), "x.pdf")
    titles = [s.title for s in disclosure.narrative.sections]
    assert {"其他重要事项说明", "机关运行经费", "政府采购情况", "国有资产占用使用情况", "名词解释"} <= set(titles), titles
    assert [p.name for p in disclosure.performance_projects] == ["五城区交通警辅人员经费"]
    [indicator] = disclosure.performance_projects[0].indicators
    assert indicator.level3 == "聘用人员数量"


INCOME_AND_SPENDING = "\n".join([
    "二、收入预算情况说明",
    "2026年度收入预算9626.78万元。",
    "(一)本年财政拨款收入9616.34万元",
    "1.一般公共预算拨款收入9616.34万元。",
    "(二)本年其他资金收入0.96万元",
    "9.其他收入0.96万元。",
    "(三)上年结转结余10.44万元",
    "10.上年结转结余10.44万元。",
    "图1:收入预算",
    "三、支出预算情况说明",
    "2026年支出预算51036.22万元。",
    "(二)项目支出。项目支出预算18147.49万元,占本年支出预算35.63%。其中:",
    "1.事业单位经营支出0万元。",
    "2.上缴上级支出0万元。",
    "图2:基本支出和项目支出情况",
    "(三)年终结转结余资金108.27万元。",
])  # fmt: skip


def test_amounts_in_headings_groups_and_lists_of_a_beijing_text():
    claims = recognize(document(INCOME_AND_SPENDING)).narrative.claims
    stated = [(c.subject, c.value) for c in claims]
    assert stated == [
        ("revenue_total", Decimal("9626.78")),
        ("fiscal_revenue", Decimal("9616.34")),  # a heading that states an amount
        ("revenue:general_budget", Decimal("9616.34")),
        ("non_fiscal_revenue", Decimal("0.96")),  # the group, not its 其他收入
        ("revenue:other", Decimal("0.96")),
        ("revenue:carryover", Decimal("10.44")),  # the heading's amount stated again below it: once
        ("expenditure_total", Decimal("51036.22")),
        ("project", Decimal("18147.49")),
        # 事业单位经营支出, 上缴上级支出: no subject of their own, and not the 项目支出 of their heading;
        # the caption of the chart is not the subject of the line after it
        ("carry_forward", Decimal("108.27")),
    ]


def test_a_sub_title_under_a_numbered_heading_does_not_turn_the_next_parts_into_duties():
    text = "\n".join([
        "一、部门情况说明",
        "(一)本部门职责情况",
        "北京市统计局主要职责",
        "1.贯彻执行国家关于统计方面的法律、法规。",
        "(二)机构设置情况",
        "内设机构12个。",
        "四、财政拨款“三公”经费预算情况说明",
        "2026年财政拨款“三公”经费预算73.79万元。",
        "(一)因公出国(境)费用。2026年预算数45.19万元,主要用于学习交流。",
        "(二)公务接待费。2026年预算数1.18万元,主要用于工作交流。",
    ])  # fmt: skip
    disclosure = recognize(document(text))
    titles = [(s.level, s.title) for s in disclosure.narrative.sections]
    assert (2, "机构设置情况") in titles and (2, "公务接待费") in titles
    stated = [(c.subject, c.value) for c in disclosure.narrative.claims]
    assert stated == [("three_public_total", Decimal("73.79")), ("overseas", Decimal("45.19")),
                      ("reception", Decimal("1.18"))]
