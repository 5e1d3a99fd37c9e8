"""决算 (final accounts) rules, each shown passing and failing on a small 决算 written here and read
through the text reader: the document below is consistent (its figures written by hand so that every
identity holds), and each failing test changes one printed figure or word.
"""

from decimal import Decimal

from yusuan.checks.engine.findings import RuleStatus
from yusuan.model import Column
from yusuan.pipeline import parse_bytes

from .builder import assert_fails, assert_passes, assert_reports, doc, result_of
from .consistent import consistent

D = Decimal

FINAL = """某某局2024年度部门决算
收入支出决算总表
单位:万元
项目\t决算数\t项目\t决算数
一、一般公共预算财政拨款收入\t100.00\t一、一般公共服务支出\t95.00
二、政府性基金预算财政拨款收入\t10.00\t二、城乡社区支出\t20.00
本年收入合计\t110.00\t本年支出合计\t115.00
使用非财政拨款结余\t\t结余分配\t
年初结转和结余\t30.00\t年末结转和结余\t25.00
总计\t140.00\t总计\t140.00
财政拨款收入支出决算总表
单位:万元
项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款
一、一般公共预算财政拨款\t100.00\t一、一般公共服务支出\t95.00\t95.00\t\t
二、政府性基金预算财政拨款\t10.00\t二、城乡社区支出\t20.00\t\t20.00\t
三、国有资本经营预算财政拨款\t\t\t\t\t\t
本年收入合计\t110.00\t本年支出合计\t115.00\t95.00\t20.00\t
年初财政拨款结转和结余\t30.00\t年末财政拨款结转和结余\t25.00\t25.00\t0.00\t
一、一般公共预算财政拨款\t20.00\t\t\t\t\t
二、政府性基金预算财政拨款\t10.00\t\t\t\t\t
三、国有资本经营预算财政拨款\t\t\t\t\t\t
总计\t140.00\t总计\t140.00\t120.00\t20.00\t
政府性基金预算财政拨款收入支出决算表
单位:万元
项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余
功能分类科目编码\t科目名称\t\t\t合计\t基本支出\t项目支出\t
合计\t\t10.00\t10.00\t20.00\t\t20.00\t0.00
212\t城乡社区支出\t10.00\t10.00\t20.00\t\t20.00\t0.00
21208\t国有土地使用权出让收入安排的支出\t10.00\t10.00\t20.00\t\t20.00\t0.00
财政拨款“三公”经费支出决算表
单位:万元
合计\t\t因公出国(境)费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t
\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t
预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数
10.00\t8.00\t2.00\t1.50\t6.00\t5.00\t4.00\t4.00\t2.00\t1.00\t2.00\t1.50
第三部分 2024年度部门决算情况说明
一、一般公共预算财政拨款支出决算情况说明
一般公共预算财政拨款支出年初预算为100.00万元,支出决算为95.00万元,完成年初预算的95.00%。决算数小于预算数的主要原因是项目结余。
1、一般公共服务支出(类)人大事务(款)行政运行(项)。年初预算为50.00万元,支出决算为55.00万元,完成年初预算的110.00%。决算数大于预算数5.00万元,主要原因是人员增加。
二、财政拨款“三公”经费支出决算情况说明
“三公”经费财政拨款支出年初预算为10.00万元,支出决算为8.00万元,完成预算的80.00%,其中:因公出国(境)费支出决算为1.50万元,完成预算的75.00%;公务用车购置及运行维护费支出决算为5.00万元,完成预算的83.33%;公务接待费支出决算为1.50万元,完成预算的75.00%。决算数小于预算数的主要原因是厉行节约。
全年安排因公出国(境)团组1个、累计3人次。公务用车购置1辆;年末公务用车保有量为2辆。国内公务接待5批次、40人次。
三、其他重要事项的情况说明
(一)机关运行经费支出情况
机关运行经费支出12.00万元。
(二)政府采购支出情况
2024年度政府采购支出总额50.00万元,其中:货物采购支出20.00万元、工程采购支出10.00万元、服务采购支出20.00万元。授予中小企业合同金额40.00万元,占政府采购支出总额的80.00%,其中授予小微企业合同金额30.00万元。
"""


def final(*changes: tuple[str, str]):
    """The document with each (printed, replacement) change made (each printed text must be there)."""
    text = FINAL
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return parse_bytes(text.encode(), "final.txt")


FINAL_RULES = ("FINAL-BALANCE", "FINAL-TOTALS", "FINAL-VS-BUDGET", "FINAL-WORDING", "FINAL-THREE-PUBLIC",
               "FINAL-THREE-PUBLIC-COUNTS", "FINAL-OPERATING-PROCUREMENT")


def test_the_final_rules_are_not_applicable_to_a_budget():
    for rule_id in FINAL_RULES:
        assert result_of(consistent(), rule_id).status == RuleStatus.not_applicable, rule_id
        # whatever the budget lacks: not applicable, not "could not run"
        result = result_of(doc(), rule_id)
        assert (result.status, result.reason) == (RuleStatus.not_applicable, "仅当文件为决算时适用"), rule_id


def test_the_written_document_is_a_final_account():
    disclosure = final()
    assert (disclosure.kind, disclosure.year) == ("final", 2024)
    assert sorted(disclosure.tables) == ["fiscal_summary", "gov_fund_expenditure", "summary", "three_public"]


# -- FINAL-BALANCE ---------------------------------------------------------------------------------

def test_balance_holds():
    assert_passes(final(), "FINAL-BALANCE")


def test_balance_of_the_summary():
    # 本年收入 110 + 年初 30 = 140, but 本年支出 115 + 年末 35 = 150
    [finding] = assert_fails(final(("年初结转和结余\t30.00\t年末结转和结余\t25.00", "年初结转和结余\t30.00\t年末结转和结余\t35.00")),
                             "FINAL-BALANCE", table="summary", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("140.00"), D("150.00"), D("-10.00"))
    assert finding.place.name == "本年收入合计" and finding.place.line == 7
    assert "年初结余加本年收入" in finding.message


def test_balance_counts_non_fiscal_balance_and_distribution():
    # 使用非财政拨款结余 5 on the income side, nothing beside it: 115 + 30 ≠ 115 + 25
    [finding] = assert_fails(final(("使用非财政拨款结余\t\t结余分配\t", "使用非财政拨款结余\t5.00\t结余分配\t")),
                             "FINAL-BALANCE", table="summary", count=1)
    assert (finding.provided, finding.expected) == (D("145.00"), D("140.00"))
    # and 结余分配 5 beside it balances again
    assert_passes(final(("使用非财政拨款结余\t\t结余分配\t", "使用非财政拨款结余\t5.00\t结余分配\t5.00")), "FINAL-BALANCE")


def test_balance_of_each_row_of_a_fund_table():
    [finding] = assert_fails(final(("212\t城乡社区支出\t10.00\t10.00\t20.00\t\t20.00\t0.00",
                                    "212\t城乡社区支出\t10.00\t10.00\t20.00\t\t20.00\t5.00")),
                             "FINAL-BALANCE", table="gov_fund_expenditure", count=1)
    assert (finding.place.code, finding.provided, finding.expected) == ("212", D("20.00"), D("25.00"))


# -- FINAL-TOTALS ----------------------------------------------------------------------------------

def test_fund_table_totals_agree_with_the_fiscal_summary():
    assert_passes(final(), "FINAL-TOTALS")


def test_fund_table_income_differs_from_the_fiscal_summary():
    [finding] = assert_fails(final(("合计\t\t10.00\t10.00\t20.00", "合计\t\t8.00\t12.00\t20.00")),
                             "FINAL-TOTALS", table="gov_fund_expenditure", count=2)[:1]
    assert (finding.place.column, finding.provided, finding.expected) == ("carryover", D("8.00"), D("10.00"))


def test_summary_fund_income_differs_from_the_fiscal_summary():
    [finding] = assert_fails(final(("二、政府性基金预算财政拨款收入\t10.00", "二、政府性基金预算财政拨款收入\t11.00")),
                             "FINAL-TOTALS", table="summary", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("11.00"), D("10.00"), D("1.00"))


# -- FINAL-VS-BUDGET -------------------------------------------------------------------------------

def test_completion_percentages_recompute():
    assert_passes(final(), "FINAL-VS-BUDGET")


def test_a_wrong_completion_percentage():
    # 55.00 / 50.00 = 110.00%
    [finding] = assert_fails(final(("完成年初预算的110.00%", "完成年初预算的101.00%")), "FINAL-VS-BUDGET",
                             table="narrative", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("101.00"), D("110.00"), D("-9.00"))
    assert finding.place.line == 39 and "应为 110.00%" in finding.message


def test_amounts_printed_in_yuan_are_stated_in_yuan():
    # the line printed in 元 in a 万元 document: the finding quotes 550,000 元, as the reader finds it
    line = ("年初预算为50.00万元,支出决算为55.00万元,完成年初预算的110.00%", "年初预算为500000元,支出决算为550000元,完成年初预算的101.00%")
    [finding] = assert_fails(final(line), "FINAL-VS-BUDGET", count=1)
    assert "按决算数 550,000 元、预算数 500,000 元计算应为 110.00%" in finding.message
    wording = ("决算数大于预算数5.00万元,主要原因是人员增加", "决算数小于预算数,主要原因是人员增加")
    [finding] = assert_fails(final(line, wording), "FINAL-WORDING", count=1)
    assert "所述决算数 550,000 元大于预算数 500,000 元" in finding.message


def test_a_percentage_in_the_next_sentence():
    changed = final(("支出决算为55.00万元,完成年初预算的110.00%。", "支出决算为55.00万元。完成年初预算的100.00%。"))
    [finding] = assert_fails(changed, "FINAL-VS-BUDGET", count=1)
    assert (finding.provided, finding.expected) == (D("100.00"), D("110.00"))


def test_the_percentage_of_the_adjusted_budget_is_of_the_adjusted_budget():
    stated = "年初预算为100.00万元,支出决算为95.00万元,完成年初预算的95.00%"
    adjusted = "年初预算为100.00万元,调整预算为95.00万元,支出决算为95.00万元,完成调整预算的100.00%"
    assert_passes(final((stated, adjusted)), "FINAL-VS-BUDGET")
    [finding] = assert_fails(final((stated, adjusted.replace("100.00%", "95.00%"))), "FINAL-VS-BUDGET", count=1)
    assert (finding.provided, finding.expected) == (D("95.00"), D("100.00"))
    # two budgets and a percentage that names neither: which one is meant is not said
    assert_passes(final((stated, adjusted.replace("完成调整预算的100.00%", "完成预算的97.00%"))), "FINAL-VS-BUDGET")


def test_a_percentage_cut_off_rather_than_rounded_is_info():
    # 2000.00 / 3000.00 = 66.666…%: 66.67% is right, 66.66% cut off (info), 66.50% wrong
    line = "年初预算为50.00万元,支出决算为55.00万元,完成年初预算的110.00%"
    assert_passes(final((line, "年初预算为3000.00万元,支出决算为2000.00万元,完成年初预算的66.67%"),
                        ("决算数大于预算数5.00万元", "决算数小于预算数1000.00万元")), "FINAL-VS-BUDGET")
    [info] = assert_reports(final((line, "年初预算为3000.00万元,支出决算为2000.00万元,完成年初预算的66.66%")),
                            "FINAL-VS-BUDGET", "info")
    assert "截尾" in info.message
    assert_fails(final((line, "年初预算为3000.00万元,支出决算为2000.00万元,完成年初预算的66.50%")), "FINAL-VS-BUDGET", count=1)


# -- FINAL-WORDING ---------------------------------------------------------------------------------

def test_wording_matches_the_figures():
    assert_passes(final(), "FINAL-WORDING")


def test_larger_said_of_a_smaller_final_figure():
    [finding] = assert_fails(final(("决算数小于预算数的主要原因是项目结余", "决算数大于预算数的主要原因是项目结余")),
                             "FINAL-WORDING", table="narrative", count=1)
    assert (finding.provided, finding.expected, finding.difference) == ("大于", "小于", D("-5.00"))
    assert "请改正用词或金额" in finding.message


def test_equal_said_of_different_figures():
    [finding] = assert_fails(final(("决算数大于预算数5.00万元,", "决算数同预算数持平,")), "FINAL-WORDING", count=1)
    assert (finding.provided, finding.expected) == ("等于", "大于")


def test_the_stated_difference_must_be_final_minus_budget():
    [finding] = assert_fails(final(("决算数大于预算数5.00万元", "决算数大于预算数6.00万元")), "FINAL-WORDING", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("6.00"), D("5.00"), D("1.00"))


def test_a_difference_of_one_cent_is_smaller_not_equal():
    line = "年初预算为100.00万元,支出决算为95.00万元,完成年初预算的95.00%"
    assert_passes(final((line, "年初预算为2.23万元,支出决算为2.22万元,完成年初预算的99.55%")), "FINAL-WORDING")
    # 持平 may still cover a difference within the tolerance
    assert_passes(final((line, "年初预算为2.23万元,支出决算为2.22万元,完成年初预算的99.55%"),
                        ("决算数小于预算数的主要原因是项目结余", "决算数与预算数持平")), "FINAL-WORDING")


def test_three_public_wording_against_the_stated_total():
    [finding] = assert_fails(final(("决算数小于预算数的主要原因是厉行节约", "决算数等于预算数的主要原因是厉行节约")),
                             "FINAL-WORDING", count=1)
    assert (finding.provided, finding.expected, finding.difference) == ("等于", "小于", D("-2.00"))


# -- FINAL-THREE-PUBLIC ----------------------------------------------------------------------------

def test_three_public_statements_agree_with_the_table():
    assert_passes(final(), "FINAL-THREE-PUBLIC")


def test_three_public_budget_stated_differs_from_the_table():
    [finding] = assert_fails(final(("财政拨款支出年初预算为10.00万元,支出决算为8.00万元,完成预算的80.00%",
                                    "财政拨款支出年初预算为12.00万元,支出决算为8.00万元,完成预算的66.67%")),
                             "FINAL-THREE-PUBLIC", table="narrative", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("12.00"), D("10.00"), D("2.00"))
    assert "“三公”经费支出决算表「2024年预算数」 10.00 万元" in finding.message


def test_three_public_item_percentage_against_the_table():
    # 公务接待费: 决算 1.50 of 预算 2.00 in the table = 75.00%
    [finding] = assert_fails(final(("公务接待费支出决算为1.50万元,完成预算的75.00%", "公务接待费支出决算为1.50万元,完成预算的57.00%")),
                             "FINAL-THREE-PUBLIC", count=1)
    assert (finding.provided, finding.expected) == (D("57.00"), D("75.00"))
    assert "“三公”经费表的决算数 1.50 万元、预算数 2.00 万元" in finding.message


def test_three_public_could_not_run_without_a_budget_row():
    disclosure = final()
    disclosure.tables["three_public"].rows.pop()  # the 预算数 row
    assert result_of(disclosure, "FINAL-THREE-PUBLIC").status == RuleStatus.could_not_run


# -- FINAL-THREE-PUBLIC-COUNTS ---------------------------------------------------------------------

def test_the_counts_are_stated():
    assert_passes(final(), "FINAL-THREE-PUBLIC-COUNTS")


def test_missing_counts():
    changed = final(("、累计3人次", ""), ("国内公务接待5批次、40人次。", ""))
    findings = assert_fails(changed, "FINAL-THREE-PUBLIC-COUNTS", table="narrative", severity="warning", count=3)
    assert [f.expected for f in findings] == ["因公出国（境）人次", "公务接待批次", "公务接待人次"]
    assert "（决算数 1.50 万元）" in findings[1].message and findings[1].place.name == "财政拨款“三公”经费支出决算情况说明"


def test_counts_in_other_words():
    changed = final(("全年安排因公出国(境)团组1个", "全年安排因公出国(境)1批"),
                    ("年末公务用车保有量为2辆。", "截至2024年末,本部门公务用车2辆。"),
                    ("国内公务接待5批次、40人次。", "全年国内公务接待5次、40人次。"))
    assert_passes(changed, "FINAL-THREE-PUBLIC-COUNTS")


def test_no_count_is_asked_for_an_item_with_no_money_spent():
    # 公务接待费 决算 0: no 批次 / 人次 needed
    changed = final(("2.00\t1.00\t2.00\t1.50\n第三部分", "2.00\t1.00\t2.00\t0.00\n第三部分"),
                    ("国内公务接待5批次、40人次。", ""))
    assert_passes(changed, "FINAL-THREE-PUBLIC-COUNTS")


def test_no_count_is_asked_without_three_public_spending():
    # the 决算 row printed blank and the narrative saying there was no "三公" money
    no_counts = ("全年安排因公出国(境)团组1个、累计3人次。公务用车购置1辆;年末公务用车保有量为2辆。国内公务接待5批次、40人次。",
                 "")
    blank = final(("10.00\t8.00\t2.00\t1.50\t6.00\t5.00\t4.00\t4.00\t2.00\t1.00\t2.00\t1.50",
                   "10.00\t\t2.00\t\t6.00\t\t4.00\t\t2.00\t\t2.00\t"), no_counts)
    assert_passes(blank, "FINAL-THREE-PUBLIC-COUNTS")
    table = FINAL[FINAL.index("财政拨款“三公”经费支出决算表"):FINAL.index("第三部分")]
    said = final((table, ""), no_counts,
                 ("“三公”经费财政拨款支出年初预算为10.00万元,", "本部门2024年度未发生“三公”经费支出。“三公”经费财政拨款支出年初预算为10.00万元,"))
    assert "three_public" not in said.tables
    assert result_of(said, "FINAL-THREE-PUBLIC-COUNTS").findings == []


# -- FINAL-OPERATING-PROCUREMENT -------------------------------------------------------------------

def test_procurement_and_operating_cost_consistent():
    assert_passes(final(), "FINAL-OPERATING-PROCUREMENT")


def test_sme_share_does_not_recompute():
    # 40.00 of 50.00 = 80.00%
    [finding] = assert_fails(final(("占政府采购支出总额的80.00%", "占政府采购支出总额的60.00%")),
                             "FINAL-OPERATING-PROCUREMENT", table="narrative", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("60.00"), D("80.00"), D("-20.00"))
    assert "占政府采购总额的 60.00%" in finding.message


def test_small_enterprises_more_than_sme():
    [finding] = assert_fails(final(("授予小微企业合同金额30.00万元", "授予小微企业合同金额45.00万元")),
                             "FINAL-OPERATING-PROCUREMENT", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("45.00"), D("40.00"), D("5.00"))


def _with_operating_cost(amount: str):
    disclosure = final()
    three_public = disclosure.tables["three_public"]
    three_public.columns.append(Column(id="operating_cost", label="机关运行经费"))
    three_public.rows[0].values["operating_cost"] = D(amount)
    return disclosure


def test_operating_cost_against_the_three_public_table():
    assert_passes(_with_operating_cost("12.00"), "FINAL-OPERATING-PROCUREMENT")
    [finding] = assert_fails(_with_operating_cost("15.00"), "FINAL-OPERATING-PROCUREMENT", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("12.00"), D("15.00"), D("-3.00"))


def test_small_enterprises_stated_in_a_sentence_of_their_own():
    [finding] = assert_fails(final(("其中授予小微企业合同金额30.00万元", "其中:授予小微企业合同金额45.00万元")),
                             "FINAL-OPERATING-PROCUREMENT", count=1)
    assert (finding.provided, finding.expected) == (D("45.00"), D("40.00"))


GENERAL_WITH_BUDGET = """一般公共预算财政拨款支出决算表
单位:万元
科目编码\t科目名称\t年初预算数\t决算数
合计\t\t100.00\t95.00
201\t一般公共服务支出\t100.00\t95.00
20101\t人大事务\t100.00\t95.00
2010101\t行政运行\t{item}\t55.00
2010150\t事业运行\t{other}\t40.00
第三部分"""


def test_stated_budgets_agree_with_the_budget_column_of_the_table():
    # the 合计 (100.00) and 2010101 行政运行 (50.00) as the narrative states them
    assert_passes(final(("第三部分", GENERAL_WITH_BUDGET.format(item="50.00", other="50.00"))), "FINAL-VS-BUDGET")


def test_stated_budget_of_a_line_differs_from_the_table():
    changed = final(("第三部分", GENERAL_WITH_BUDGET.format(item="60.00", other="40.00")))
    assert changed.tables["general_expenditure"].column_ids == ["budget_initial", "total"]
    [finding] = assert_fails(changed, "FINAL-VS-BUDGET", table="narrative", count=1)
    assert (finding.provided, finding.expected, finding.difference) == (D("50.00"), D("60.00"), D("-10.00"))
    assert "2010101 行政运行」年初预算数" in finding.message and finding.place.line == 47



def test_a_missing_table_of_a_final_accounts_document_is_named_as_a_final_accounts_table():
    from yusuan.checks import run_checks
    from yusuan.model import Claim, Disclosure, Table, Unit

    disclosure = Disclosure(kind="final", year=2024)
    disclosure.tables["summary"] = Table(id="summary", title="收入支出决算总表", unit=Unit.wanyuan)
    # a 情况说明 stating its amounts: a whole 决算, not a page holding one of its tables
    disclosure.narrative.claims.append(Claim(subject="revenue_total", label="收入总计", value=Decimal("100"),
                                             unit=Unit.wanyuan))
    report = run_checks(disclosure)
    messages = [f.message for r in report.results if r.rule.id == "COMPLETE-TABLES" for f in r.findings]
    assert len(messages) == 8
    assert "缺少「收入决算表」。部门决算应公开此表；没有数据时也应列出空表并说明。" in messages
    assert not any("部门预算" in m for m in messages)
