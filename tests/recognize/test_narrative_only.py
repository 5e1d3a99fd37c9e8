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
