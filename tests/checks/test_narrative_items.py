"""NARR-AMOUNT on the parts a functional item says it is used for, against that item's line."""

from yusuan.model import Unit

from .builder import assert_fails, assert_passes, doc

ITEMS = ("财政拨款支出主要内容如下:1.“社会保障和就业支出”科目4万元,主要用于退休人员费用支出"
         "2.“农林水支出”科目83万元,主要用于人员经费{personnel}万元、公用经费{public}万元、项目支出{project}万元。")


def _shanghai(personnel: str, public: str, project: str = "7", split_summary: bool = True):
    """上海 (p.6-7): the 收支总表 in 元 splits each 类 into 人员经费 | 公用经费 | 项目支出; the text in whole 万元."""
    text = ITEMS.format(personnel=personnel, public=public, project=project)
    if split_summary:
        summary = [("208", "社会保障和就业支出", {"total": "40340", "personnel": "39540", "public": "800", "project": None}),
                   ("213", "农林水支出", {"total": "825956", "personnel": "172800", "public": "587090",
                                         "project": "66066"})]
    else:
        summary = [("208", "社会保障和就业支出", {"total": "40340"}), ("213", "农林水支出", {"total": "825956"})]
    built = (doc(year=2026).table("summary", expenditure=summary, unit=Unit.yuan)
             .table("expenditure", [("213", "农林水支出", {"total": "825956", "basic": "759890", "project": "66066"})],
                    unit=Unit.yuan)
             .section("2026年单位预算编制说明", text)
             .claim("expenditure:208", "4", "社会保障和就业支出", text=text)
             .claim("expenditure:213", "83", "农林水支出", text=text))
    return built.build().model_copy(update={"unit": Unit.yuan})


def test_parts_that_round_from_the_items_line_pass():
    # 172,800元 = 17.28万, 587,090元 = 58.71万, 66,066元 = 6.61万
    assert_passes(_shanghai("17", "59"), "NARR-AMOUNT")


def test_parts_a_step_off_the_items_line_are_warnings():
    findings = assert_fails(_shanghai("18", "58"), "NARR-AMOUNT", severity="warning", count=2)
    assert "农林水支出中的人员经费" in findings[0].message and "应为 17 万元" in findings[0].message
    assert "农林水支出中的公用经费" in findings[1].message and "应为 59 万元" in findings[1].message


def test_a_part_further_off_is_an_error():
    [finding] = assert_fails(_shanghai("17", "59", project="9"), "NARR-AMOUNT", severity="error", count=1)
    assert "农林水支出中的项目支出" in finding.message


def test_a_part_no_table_prints_by_line_is_not_compared():
    # 人员经费 of one 类 is printed nowhere but the split 收支总表; the 项目支出 still is (支出总表)
    assert_passes(_shanghai("30", "40", split_summary=False), "NARR-AMOUNT")
    assert_fails(_shanghai("30", "40", project="9", split_summary=False), "NARR-AMOUNT", count=1,
                 says="农林水支出中的项目支出")
