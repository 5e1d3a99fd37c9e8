"""The narrative review rules on the real disclosures of the shared corpus: every finding, judged.

Each finding below was read against the document (the PDF's text layer, page and line given by the
finding) and is real; the comment says why. A finding that appears or disappears makes this test
fail: judge the new one the same way before changing the list. docs/notes/narrative-review.md keeps
the judgements and what the rules leave out.
"""

import pytest

from corpus import CORPUS, files, parsed
from yusuan.checks import all_rules, run_checks

# the files judged below; cities/ is measured by the hand labels of eval/gold (bench/eval_real.py)
FILES = files(where=lambda p: p.suffix in (".pdf", ".txt") and p.relative_to(CORPUS).parts[0] != "cities")

REVIEW_RULES = {
    "NARR-AMOUNT", "NARR-SAME-SUBJECT", "NARR-OPERATING-COST", "NARR-PROCUREMENT-SPLIT", "NARR-CHANGE-AMOUNT",
    "NARR-DIRECTION", "NARR-CHANGE-SUM", "NARR-PERCENT", "NARR-BASE-YEAR", "NARR-CLASS-NAME", "NARR-SCOPE-WORDING",
    "NARR-BLANK-AMOUNT", "NARR-ZERO-TOTAL", "NARR-EMPTY-REASON", "NARR-DATE-YEAR",
    "HYGIENE-YEAR", "HYGIENE-HEADING-YEAR", "HYGIENE-PLACEHOLDER", "HYGIENE-PAIRED-MARKS", "HYGIENE-PUNCTUATION",
    "NARR-PART-OF-WHOLE", "HYGIENE-PERCENT-SIGN", "NARR-SHARE", "HYGIENE-POINT-IN-WORDS",
    "HYGIENE-NAME-CUT",
}

RD_2019 = "jiangsu/江苏省人大办公厅/江苏省人大常委会2019年度部门预算公开.pdf"
RD_2018 = "jiangsu/江苏省人大办公厅/省人大办公厅2018预算公开.pdf"
JCY_2017 = "jiangsu/江苏省人民检察院/2017年省检察院部门预算.pdf"
JCY_2018 = "jiangsu/江苏省人民检察院/2018年省检察院部门预算公开.pdf"
JCY_2019 = "jiangsu/江苏省人民检察院/2019年度部门预算公开.pdf"
FY_2017 = "jiangsu/江苏省高级人民法院/省法院2017年度部门预算公开.pdf"
ZX_2018 = "jiangsu/江苏省政协办公厅/江苏省政协办公厅2018年度部门预算.pdf"
ZX_2019 = "jiangsu/江苏省政协办公厅/江苏省政协办公厅2019年度部门预算.pdf"
FY_2018 = "jiangsu/江苏省高级人民法院/省法院2018年度部门预算公开.pdf"
FY_2019 = "jiangsu/江苏省高级人民法院/江苏省高级人民法院2019年度部门预算公开.pdf"
RD_2017 = "jiangsu/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf"
SWBGT_2017 = "jiangsu/江苏省委办公厅/江苏省委办公厅2017年部门预算.pdf"
SWBGT_2019 = "jiangsu/江苏省委办公厅/江苏省委办公厅2019年度部门预算公开文件.pdf"
SW_2025 = "shanghai/上海市普陀区商务委员会25年预算.pdf"
SW_UNIT_2025 = "shanghai/上海市普陀区商务委员会单位25年预算.pdf"
PT_FINAL = "shanghai/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"
SEED = "000_63ebb43f5c0ed719.txt"

EXPECTED = sorted([
    # p21 "单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元，增长1312.56%": 1557.29 / 128.43 is 1212.56 %
    (RD_2018, "NARR-PERCENT", 309),
    # p25 财政拨款收支 +3,958.98 against p23 一般公共预算收入 +3,959.28: the department has only 一般公共预算 money
    (JCY_2018, "NARR-SAME-SUBJECT", 372),
    # p26 五 says it again of 财政拨款支出 (+3,958.98), a section apart from p23's 一般公共预算收入 (+3,959.28)
    (JCY_2018, "NARR-SAME-SUBJECT", 374),
    # p26 "项目支出…减少1237.7万元，减少13.22%": 1237.7 / (4335.3 + 1237.7) is 22.21 %
    (JCY_2019, "NARR-PERCENT", 350),
    # p24 一般公共预算财政拨款基本支出 5,377.64 against 5,364.75 in the basic-expenditure table p16
    (PT_FINAL, "NARR-AMOUNT", 311),
    # (its first heading "一、单位基本情况" is Chongqing's standard heading of a 部门预算 too: no finding)
    # "本单位由重庆市潼南区经济和信息化委员会本级;二级预算单位:…构成": the 部门 calls itself 本单位
    (SEED, "NARR-SCOPE-WORDING", 24),
    # p16 "2019年政府性基金支出预算支出万元。": the amount was never filled in (the table has no fund: 0)
    (RD_2019, "NARR-BLANK-AMOUNT", 148),
    # "与上年相比增加(减少)0万元,增长(减少)0%": the template's two direction words left in, six times
    (RD_2019, "HYGIENE-PLACEHOLDER", 69),
    (RD_2019, "HYGIENE-PLACEHOLDER", 73),
    (RD_2019, "HYGIENE-PLACEHOLDER", 74),
    (RD_2019, "HYGIENE-PLACEHOLDER", 75),
    (RD_2019, "HYGIENE-PLACEHOLDER", 138),  # "比上年预算增加(减少)0万元" (公务用车购置, 运行维护)
    (RD_2019, "HYGIENE-PLACEHOLDER", 148),
    # the 2018 edition of the same template, with the same leftovers
    (RD_2018, "HYGIENE-PLACEHOLDER", 295),
    (RD_2018, "HYGIENE-PLACEHOLDER", 299),
    (RD_2018, "HYGIENE-PLACEHOLDER", 300),
    (RD_2018, "HYGIENE-PLACEHOLDER", 301),
    (RD_2018, "HYGIENE-PLACEHOLDER", 363),
    (RD_2018, "HYGIENE-PLACEHOLDER", 373),
    (RD_2018, "HYGIENE-PLACEHOLDER", 385),
    # p26-27 "（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）" after the lists of
    # 人员经费 and 公用经费 (06表, then 08表): the template's instruction for filling them in, left in
    (RD_2018, "HYGIENE-PLACEHOLDER", 353),
    (RD_2018, "HYGIENE-PLACEHOLDER", 354),
    (RD_2018, "HYGIENE-PLACEHOLDER", 361),
    (RD_2018, "HYGIENE-PLACEHOLDER", 362),
    # the same instruction in the 政协 template (p12-13 of 2018, p14-15 of 2019), twice in each section
    (ZX_2018, "HYGIENE-PLACEHOLDER", 97),
    (ZX_2018, "HYGIENE-PLACEHOLDER", 105),
    (ZX_2019, "HYGIENE-PLACEHOLDER", 102),
    (ZX_2019, "HYGIENE-PLACEHOLDER", 110),
    # p25 "…不再列入本部门预算中,减少了该项支出。。": a doubled full stop in the PDF itself
    (RD_2018, "HYGIENE-PUNCTUATION", 343),
    # p19 "此外,基本支出预算数为12323.46万元" (line 335) and "基本支出12323.48万元,占68.48%" (line 344): two
    # amounts for one thing; the tables (p10, p11) print 12,323.48, and 12,323.48 + 5,533 + 140.20 = 17,996.68
    (JCY_2017, "NARR-SAME-SUBJECT", 344),
    # the same sentence of line 335 against the tables: 基本支出 12,323.46 where 支出预算总表 prints 12,323.48
    (JCY_2017, "NARR-AMOUNT", 335),
    # 机关运行经费 6,032.55 万元, 增加 3,401.59 万元: 3,401.59 / 2,630.96 = 129.29%, printed 129.97%
    (JCY_2017, "NARR-PERCENT", 366),
    # 收、支预算总计 21,955.35, 增加 3,958.67: 3,958.67 / 17,996.68 (the 2017 total) = 22.00%, printed 21.95%
    (JCY_2018, "NARR-PERCENT", 352),
    # 24,169.74, 增加 2,214.39: 2,214.39 / 21,955.35 (the 2018 total) = 10.09%, printed 10.06%
    (JCY_2019, "NARR-PERCENT", 341),
    # 住房公积金(项) 1,442.74, 增加 368.97: 368.97 / 1,073.77 = 34.36%, printed 34.38%
    (JCY_2019, "NARR-PERCENT", 374),
    # 提租补贴(项) 1,959.99, 增加 865.57: 865.57 / 1,094.42 = 79.09%, printed 79.05%
    (FY_2017, "NARR-PERCENT", 390),
    # p26 "2．一般行政管理事务（项）支出 3,666 万元，与上年相比增加 21.8 万元，增长 0.06 %": 21.8 / 3,644.2 = 0.60 %;
    # "3．…检察监督支出（项） 1,895 万元，与上年相比减少 134 万元，降幅 0.66 %": 134 / 2,029 = 6.60 % (no subject key
    # names either 项: read as an amount, its change and its percent)
    (JCY_2018, "NARR-PERCENT", 375),
    (JCY_2018, "NARR-PERCENT", 375),
    # p19 "法院（款）一般行政事务管理（项）支出 6049.97 万元，与上年相比减少 392.92 万元，减少 5.95%": 392.92 / 6442.89
    # = 6.10 % (the 项 is misnamed: 一般行政管理事务)
    (FY_2018, "NARR-PERCENT", 391),
    # p7 财政拨款收入 37,151.47万元 "比2024年预算执行数增加24,558.18万元", 财政拨款支出预算 37,151.47万元 "比2024年预算
    # 增加24,491.71万元": one budget's 财政拨款, nothing carried over, its change stated with two values
    (SW_2025, "NARR-SAME-SUBJECT", 61),
    (SW_UNIT_2025, "NARR-SAME-SUBJECT", 58),
    # p20 "与上年相比减少 100 万元，减少 9.52，主要原因是…": the percent printed without its sign
    (FY_2018, "HYGIENE-PERCENT-SIGN", 391),
    # p21 "增加1193.20 万元，增长 13.95。": the same
    (PT_FINAL, "HYGIENE-PERCENT-SIGN", 289),
    # p25 "比2023年度减少0.15万元,下降(增长)27.78%": the template's "增长(下降)" kept both words
    (PT_FINAL, "HYGIENE-PLACEHOLDER", 313),
    # p22/p24 a 类/款/项 chain not of the classification: 机关事业单位退休人员活动费支出(项) under 20805 (the tables print
    # 2080599 其他行政事业单位养老支出), 其他国土资源事务支出(项) (pre-2019; 2200199 其他自然资源事务支出),
    # 住房保障支出(款) under 221 (the tables print 22102 住房改革支出)
    (PT_FINAL, "NARR-CLASS-NAME", 293),
    (PT_FINAL, "NARR-CLASS-NAME", 293),
    (PT_FINAL, "NARR-CLASS-NAME", 293),
    # p26 "人大事务行政运行（项）支出10528.33万元": 2010101 行政运行 is 4,545.94 in the tables, 10,528.33 the 201 类
    (RD_2017, "NARR-AMOUNT", 307),
    # p5 "纳入本部门2018年部门汇总预算编制范围的预算单位共计一家" in the 2019 budget
    (RD_2019, "HYGIENE-YEAR", 41),
    # "法院（款）一般行政事务管理（项）": the tables print 2040502 一般行政管理事务 (2017 p21, 2018 p19, 2019 p20)
    (FY_2017, "NARR-CLASS-NAME", 379),
    (FY_2018, "NARR-CLASS-NAME", 391),
    (FY_2019, "NARR-CLASS-NAME", 417),
    # p28 "行政事业单位离退休（款）机关事业单位基本养老保险费（项）": the tables print 2080505 机关事业单位基本养老保险缴费支出
    (JCY_2019, "NARR-CLASS-NAME", 369),
    # "注：‘科目编码’和‘科目名称’为必填项。" under the tables: the form's instruction left in, told once a document
    (JCY_2019, "HYGIENE-PLACEHOLDER", 198),
    (FY_2019, "HYGIENE-PLACEHOLDER", 214),
    # p8 党委办公厅（室）及相关机构事务（款）行政运行（项） 6106.99, 增加 101.48, printed 1.66% = 101.48 / 6106.99: over
    # this year's amount, where every other percent of the document is over the year before (1.69%)
    (SWBGT_2017, "NARR-PERCENT", 85),
    # p8 住房保障支出 3894.09, 增加 878.93, "增长30%": 878.93 / 3015.16 = 29.15%, which rounds or cuts to 29
    (SWBGT_2019, "NARR-PERCENT", 60),
    # p15 机关运行经费 1,115.85, 减少 2,233.13, "下降66.69%": 2,233.13 / 3,348.98 = 66.680%, which rounds or cuts to 66.68
    (ZX_2018, "NARR-PERCENT", 125),
    # p12 under 住房改革支出（款）提租补贴（项）: "主要原因是提租补政策性调整", the 贴 of 提租补贴 lost
    (ZX_2018, "HYGIENE-NAME-CUT", 94),
    # p28 三公 shares 8.75% / 7.22% / 16.81% over 2,542.60 (the table's total with 会议费、培训费): over the 三公 833.60
    # they are 26.69% / 22.02% / 51.28%; told once
    (RD_2017, "NARR-SHARE", 330),
    # p22 317.8 and 156.55 "占“三公”经费的 54.43% / 26.72%": over 584.35 they are 54.39% / 26.79%
    (JCY_2017, "NARR-SHARE", 368),
    # a 款 marked as the 类: "行政事业单位离退休（类）…（项）" (20805) and "住房改革支出（类）…（项）" (22102), under
    # their 类 headings, in the 2019 (p13-14) and 2018 (p25) editions of one template
    (RD_2019, "NARR-CLASS-NAME", 119),
    (RD_2019, "NARR-CLASS-NAME", 123),
    (RD_2018, "NARR-CLASS-NAME", 343),
    (RD_2018, "NARR-CLASS-NAME", 347),
    # p27 "平均得分99.33分(其中,绩效评级为“优”的项目39个;…的项目0个。绩效自评中共发现问题0个。": never closed
    (PT_FINAL, "HYGIENE-PAIRED-MARKS", 329),
])


@pytest.fixture(scope="module")
def findings():
    rules = [r for r in all_rules() if r.id in REVIEW_RULES]
    found = []
    for path in FILES:
        report = run_checks(parsed(path), rules=rules)
        found += [(str(path.relative_to(CORPUS)), f.rule, f.place.line) for f in report.findings if f.is_problem]
    return sorted(found)


@pytest.mark.skipif(not FILES, reason="shared corpus not present beside the project")
def test_every_review_rule_exists():
    assert REVIEW_RULES <= {r.id for r in all_rules()}


@pytest.mark.skipif(not FILES, reason="shared corpus not present beside the project")
def test_the_review_rules_find_exactly_the_judged_findings(findings):
    assert findings == EXPECTED
