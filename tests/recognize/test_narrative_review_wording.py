"""Wordings of real disclosures the narrative reader must attribute to the right subject (or to none).

Each sentence is written after one read in the corpus (jiangsu 2017-2019, the Shanghai 2024 决算);
the subjects and amounts expected are read by hand.
"""

from decimal import Decimal

from yusuan.model import Claim, Unit
from yusuan.readers.text import read_text
from yusuan.recognize.narrative import read_mentions, read_narrative


def claims_of(text: str, year: int = 2018) -> list[Claim]:
    return read_narrative(read_text(text.encode(), "x.txt").lines, Unit.wanyuan, year).claims


def subjects(text: str, year: int = 2018) -> list[tuple[str, Decimal, int | None]]:
    return [(c.subject, c.value, c.year) for c in claims_of(text, year)]


def test_a_class_printed_with_its_level_before_the_word_zhichu():
    text = "一、支出预算情况\n2.社会保障和就业(类)支出823.76万元,主要用于离休金发放。\n"
    assert subjects(text) == [("expenditure:208", Decimal("823.76"), 2018)]


def test_a_kuan_and_xiang_under_a_class_heading_name_the_xiang():
    text = "(一)一般公共服务支出(类)\n1.政协事务(款)行政运行(项)4,432.78万元,与上年相比增加1,199.75万元。\n"
    assert subjects(text) == [("expenditure:2010201", Decimal("4432.78"), 2018)]


def test_a_chain_the_catalog_cannot_place_names_nothing_not_the_heading():
    text = "(二)社会保障和就业支出(类)\n1.行政事业单位离退休(款)未归口管理的行政单位离退休(项)252.82万元。\n"
    assert subjects(text) == []


def test_a_xiang_named_on_the_line_before_its_amounts():
    text = ("(三)一般公共预算财政拨款支出决算具体情况\n"
            "12、住房保障支出(类)住房改革支出(款)住房公积金(项)。\n"
            "主要用于:住房公积金支出。年初预算为289.59万元,支出决算为289.59万元。\n")
    # the heading names the 一般公共预算: the 项 is of that fund
    assert subjects(text, 2024) == [("expenditure:2210201@general_budget", Decimal("289.59"), 2024)]


def test_meeting_and_training_fees_are_not_the_three_public_total():
    text = ("九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明\n"
            "“三公”经费预算支出675.10万元。会议费预算支出884.16万元,比上年预算减少210.46万元。"
            "培训费预算支出97.60万元。\n")
    assert subjects(text) == [("three_public_total", Decimal("675.10"), 2018), ("meeting", Decimal("884.16"), 2018),
                              ("training", Decimal("97.60"), 2018)]


def test_the_fiscal_qualifier_stays_in_the_label():
    [claim] = claims_of("六、基本支出情况\n2018年度财政拨款基本支出预算5,598.17万元。\n")
    assert (claim.subject, claim.label) == ("basic@fiscal", "财政拨款基本支出")


def test_an_amount_of_the_year_before_in_a_reason():
    text = "主要原因是上年度列入此项的预留机动经费128.43万元本年度调入行政运行项。\n"
    assert subjects(text) == [("reserve", Decimal("128.43"), 2017)]


def test_a_procurement_kind_before_the_word_zhengfu_caigou():
    text = "十二、政府采购情况\n其中,货物类政府采购支出预算259.32万元,占20.40%;服务类政府采购支出预算1,011.90万元。\n"
    assert subjects(text) == [("procurement:goods", Decimal("259.32"), 2018),
                              ("procurement:services", Decimal("1011.90"), 2018)]


def test_amounts_set_aside_for_small_firms():
    text = ("(三)政府采购情况\n本部门面向中小企业预留政府采购项目预算金额225.10万元,"
            "面向小微企业预留政府采购项目预算金额164.87万元。\n")
    assert subjects(text, 2024) == [("procurement:sme", Decimal("225.10"), 2024),
                                    ("procurement:small", Decimal("164.87"), 2024)]


def test_a_table_named_in_book_title_marks_is_not_the_subject():
    text = "五、支出情况\n支出预算24,169.74万元。三是《财政拨款支出预算表(功能科目)》增加了“事业运行”项级科目分流315万元。\n"
    assert subjects(text, 2019) == [("expenditure_total", Decimal("24169.74"), 2019)]


def test_a_change_stated_after_its_percentage():
    [claim] = claims_of("一、收支总体情况\n2026年收入预算120.00万元,比2025年下降4.00%,减少5.00万元。\n", 2026)
    assert (claim.change, claim.direction, claim.change_percent, claim.compared_year) == (
        Decimal("5.00"), "减少", Decimal("4.00"), 2025)


def test_wan_without_yuan_before_a_bracket():
    text = "3.公务接待费支出0.39万元\n其中:国内公务接待支出0.39万(含外宾接待支出0.00万元)。\n"
    # the heading states no claim; 外宾接待 (0.00) is no subject of its own, and no longer the 0.39's
    assert subjects(text, 2024) == [("reception", Decimal("0.39"), 2024)]


# --- an amount a direction word ties to the subject is its change, not its value ---


def mentions_of(text: str, year: int = 2018) -> list[tuple[str, Decimal | None, Decimal | None, str | None]]:
    lines = read_text(text.encode(), "x.txt").lines
    return [(m.subject, m.value, m.change, m.direction) for m in read_mentions(lines, Unit.wanyuan, year)]


def test_a_direction_word_before_the_subject_in_a_reason():
    text = ("一、收支预算总表情况说明\n收入、支出预算总计13,649.07万元,与上年相比增加844.15万元。"
            "主要原因是住房公积金和提租补贴调整等原因,增加基本支出844.15万元。\n")
    assert mentions_of(text, 2017) == [
        ("expenditure_total", Decimal("13649.07"), Decimal("844.15"), "增加"),
        ("basic", None, Decimal("844.15"), "增加"),  # a change of 基本支出, stated without its value
    ]
    assert [c.subject for c in claims_of(text, 2017)] == ["expenditure_total"]


def test_a_direction_word_after_the_subject_with_the_reason_between():
    text = ("一、收支预算总表情况说明\n支出预算总计37,188.34万元,与上年相比增加2,262.86万元。主要原因是基本支出增加人员工资、"
            "住房公积金、提租补贴等3,397.18万元、项目支出减少江苏法院云平台租赁费等1,134.33万元。\n")
    assert mentions_of(text, 2019) == [
        ("expenditure_total", Decimal("37188.34"), Decimal("2262.86"), "增加"),
        ("basic", None, Decimal("3397.18"), "增加"),
        ("project", None, Decimal("1134.33"), "减少"),
    ]


def test_the_change_in_a_reason_completes_the_value_stated_before():
    text = "三、支出预算情况说明\n基本支出7,666.68万元,项目支出5,853.96万元。主要是增加基本支出844.15万元。\n"
    assert mentions_of(text, 2017) == [
        ("basic", Decimal("7666.68"), Decimal("844.15"), "增加"),
        ("project", Decimal("5853.96"), None, None),
    ]


def test_a_direction_word_that_leads_to_the_new_value_leaves_it_a_value():
    text = "三、支出预算情况说明\n基本支出较上年有所增加,为7,666.68万元。项目支出减少至5,853.96万元。\n"
    assert subjects(text, 2017) == [("basic", Decimal("7666.68"), 2017), ("project", Decimal("5853.96"), 2017)]
