"""Document hygiene."""

import pytest

from yusuan.model import Printed, Row, Source

from .builder import assert_fails, assert_passes, assert_reports
from .consistent import consistent

RULES = ["HYGIENE-DEPARTMENT", "HYGIENE-YEAR", "HYGIENE-PLACEHOLDER", "HYGIENE-OCR", "HYGIENE-DUPLICATE-WORD",
         "HYGIENE-UNREADABLE", "HYGIENE-REPEATED-TEXT", "HYGIENE-REPEATED-TABLE",
         "HYGIENE-SCOPE-TITLE", "HYGIENE-DEPARTMENT-WRITTEN", "HYGIENE-STRAY-WORD", "HYGIENE-MISSING-UNIT"]


@pytest.mark.parametrize("rule_id", RULES)
def test_passes_on_consistent_document(rule_id):
    assert_passes(consistent(), rule_id)


def test_department_name_differs_in_a_title():
    builder = consistent().configure("summary", title="某市测验局部门收支总表")
    [finding] = assert_fails(builder, "HYGIENE-DEPARTMENT", table="summary")
    assert finding.provided == "某市测验局"


def test_a_title_without_department_name_is_fine():
    assert_passes(consistent().configure("summary", title="部门收支总表"), "HYGIENE-DEPARTMENT")


@pytest.mark.parametrize("title", [
    "四、财政拨款收支预算总表",  # numbered as in Jiangsu's 2017 budgets
    "公开04表:财政拨款收支预算总表",
    "表1-1 2024年部门收支总表",
    "（一）某市测试局部门收支总表",
    "附表一：某市测试局2024年度部门收支总表",
    "2024年某市测试局部门财政拨款收支总表",
    "2024年预算单位财务收支预算总表",  # Shanghai's unit budgets
    "一般公共预算支出表",
])
def test_numbers_years_and_whose_words_around_the_name_are_not_the_name(title):
    assert_passes(consistent().configure("summary", title=title), "HYGIENE-DEPARTMENT")


@pytest.mark.parametrize("title", [
    "2024年某市测验局部门收支总表",
    "三、某市测验局收支预算总表",
    "表 1  某市测验局 部门收支总表",
])
def test_another_name_after_a_number_or_a_year_is_found(title):
    [finding] = assert_fails(consistent().configure("summary", title=title), "HYGIENE-DEPARTMENT", table="summary")
    assert finding.provided == "某市测验局"


def test_the_same_other_name_on_several_titles_is_one_finding():
    builder = consistent().configure("summary", title="某市测验局部门收支总表")
    builder = builder.configure("revenue", title="某市测验局部门收入总表")
    [finding] = assert_fails(builder, "HYGIENE-DEPARTMENT")
    assert "收支总表" in finding.message and "收入总表" in finding.message


@pytest.mark.parametrize("title", [
    "2026年市级部门项目支出预算表",  # Huzhou: the level of government before 部门
    "年部门收入总体情况表",  # Chongqing: the year's digits lost by the text layer
    "总计一般公共预算政府性基金单位资金",  # a header read as a title
    "某市测试部门收支总表",  # a title wrapped inside the name keeps its beginning
])
def test_what_is_no_other_department_name(title):
    assert_passes(consistent().configure("summary", title=title), "HYGIENE-DEPARTMENT")


def test_department_name_in_a_book_title_above_a_table():
    # 上海 普陀区 决算 p.7: the municipal bureau's title above the district bureau's tables
    disclosure = consistent().build()
    disclosure.headings = [Printed(text="某市测验局2024年度部门决算表", source=Source(page=7))]
    [finding] = assert_fails(disclosure, "HYGIENE-DEPARTMENT")
    assert finding.provided == "某市测验局" and finding.place.page == 7
    disclosure.headings = [Printed(text="某市测试局2024年度部门决算表", source=Source(page=7)),
                           Printed(text="2024年度部门决算表", source=Source(page=8))]
    assert_passes(disclosure, "HYGIENE-DEPARTMENT")


def test_the_part_of_the_document_before_the_name_is_not_the_name():
    # 省法院 2017 p.11: "第二部分 江苏省高级人民法院 2017 年度部门预算表" heads the tables
    disclosure = consistent().build()
    disclosure.headings = [Printed(text="第二部分 某市测试局 2024 年度部门预算表", source=Source(page=11))]
    assert_passes(disclosure, "HYGIENE-DEPARTMENT")
    disclosure.headings = [Printed(text="第二部分 某市测验局 2024 年度部门预算表", source=Source(page=11))]
    [finding] = assert_fails(disclosure, "HYGIENE-DEPARTMENT")
    assert finding.provided == "某市测验局"


def test_no_comparison_when_the_department_read_is_no_bodys_name():
    # 福州: the department read from a project table ("办公楼物业"); the titles name the real one
    builder = consistent().configure("summary", title="某市测验局部门收支总表")
    builder.department = "办公楼物业"
    assert_passes(builder, "HYGIENE-DEPARTMENT")


def test_department_name_in_the_overall_performance_table():
    builder = consistent().overall("123", consistent().performance_overall.indicators, name="某市测验局")
    assert_fails(builder, "HYGIENE-DEPARTMENT", table="performance_overall", count=1)


def test_a_header_read_as_the_overall_tables_department_is_no_name():
    # Huzhou: the 整体绩效目标表's name cell read from the header line above it
    builder = consistent().overall("123", consistent().performance_overall.indicators, name="总计一般公共预算政府性基金单位资金")
    assert_passes(builder, "HYGIENE-DEPARTMENT")


def test_a_year_that_is_neither_the_budget_year_nor_the_year_before():
    builder = consistent().configure("general_expenditure", labels={"prior_year": "2022 年预算数"})
    assert_fails(builder, "HYGIENE-YEAR", count=1, says="2022 年")
    assert_fails(consistent().claim("basic", "1", "基本支出", year=2021), "HYGIENE-YEAR", count=1)
    assert_fails(consistent().rename("three_public", "2023", "2022"), "HYGIENE-YEAR", count=1)


def test_the_units_covered_are_those_of_the_documents_year():
    # 人大 2019 p.5: "纳入本部门2018年部门汇总预算编\n制范围的预算单位共计一家"
    text = "2．从预算单位构成看，纳入本部门2023年部门汇总预算编\n制范围的预算单位共计一家，具体包括：本级。"
    [finding] = assert_fails(consistent().section("预算单位构成", text), "HYGIENE-YEAR", says="2023年部门汇总预算编制范围")
    assert finding.provided == "2023" and finding.expected == "2024"
    assert_passes(consistent().section("预算单位构成", text.replace("2023", "2024")), "HYGIENE-YEAR")
    # a comparison with last year's budget is no scope
    assert_passes(consistent().section("收支", "与2023年部门预算相比，纳入编制范围的单位减少一家。"), "HYGIENE-YEAR")


def test_the_forms_rule_for_filling_it_in_left_under_its_tables_is_one_leftover():
    # 检察院 2019 p.16-20: "注：“科目编码”和“科目名称”为必填项。" under every table of 公开05-10
    note = "注：“科目编码”和“科目名称”为必填项。"
    builder = consistent().configure("general_expenditure", note=note).configure("basic_expenditure", note=note)
    [finding] = assert_fails(builder, "HYGIENE-PLACEHOLDER", says="科目名称’为必填项")
    assert finding.place.table in ("general_expenditure", "basic_expenditure") and "等 2 处" in finding.message
    assert_fails(consistent().configure("general_expenditure", note="注：联系电话（必填）"), "HYGIENE-PLACEHOLDER",
                 count=1, says="（必填）")


@pytest.mark.parametrize("note", ["注：本表为空表，本部门无政府性基金预算支出。", "注：科目编码按2024年政府收支分类科目列示。"])
def test_a_note_telling_the_reader_is_no_leftover(note):
    assert_passes(consistent().configure("general_expenditure", note=note), "HYGIENE-PLACEHOLDER")


def test_template_leftovers():
    builder = consistent().section("其他", "202 年部门名称的收入预算为 XX 万元。")
    findings = assert_fails(builder, "HYGIENE-PLACEHOLDER", table="narrative", count=3)
    assert {f.message.split("“")[2].split("”")[0] for f in findings} == {"202 年", "部门名称", "XX"}


@pytest.mark.parametrize("text", [
    # 重庆 p.3: the department was merged, its name not yet changed
    "注：根据机构改革方案，本部门职责已划转，故部门名称、机构设置等暂未调整。",
    "项目名称和实施内容与上年一致。",
    "单位名称：重庆市商务委员会",
    "2026年北京市市场监督管理局行政事业性收费项目名称为特种设备检验检测费。",  # 北京-11c60eb8 p.8
    "2019年机构改革后，部门名称由“重庆市潼南区经济和信息化委员会”调整为现名称，职责不变。",
    "政府采购预算20万元，具体项目名称以政府采购计划为准。",
    "本部门预算公开网址：http://www.cqstn.gov.cn/bm/qjxw/zwgk_xxgk/",  # xx: 信息公开 in pinyin
    "推进工业园区防洪标准达到200年一遇。",
    "基本支出（此处指一般公共预算财政拨款基本支出）是指为保障机构正常运转的支出。",
])  # fmt: skip
def test_a_template_word_in_a_sentence_is_no_blank(text):
    assert_passes(consistent().section("其他", text), "HYGIENE-PLACEHOLDER")


@pytest.mark.parametrize("text", ["（部门名称）2026年部门预算。", "单位名称：", "部门名称2026年预算情况说明"])
def test_a_template_word_standing_for_the_name_is_a_blank(text):
    assert_fails(consistent().section("其他", text), "HYGIENE-PLACEHOLDER", count=1, says="模板字样")


@pytest.mark.parametrize("text", [
    # 江苏 人大/政协: the template's instruction left after the list it asks for
    "主要包括：基本工资、津贴补贴、奖金。（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）",
    "主要用于：（请根据实际情况填写）",
    "（此处按项目支出预算表填列。）",
])
def test_a_fill_in_instruction_left_in(text):
    assert_fails(consistent().section("基本支出", text), "HYGIENE-PLACEHOLDER", count=1, says="模板填写说明")


def test_a_bracket_that_says_how_it_was_counted_is_no_instruction():
    text = "2026年项目支出40万元（按项目支出预算表汇总），其中信息化25万元（根据合同约定支付）。"
    assert_passes(consistent().section("项目支出", text), "HYGIENE-PLACEHOLDER")


def test_a_templates_instruction_left_in():
    # 江苏 省人大办公厅 p.26: the instruction in brackets after the 人员经费 sentence
    text = ("人员经费 1,234.56 万元。主要包括：基本工资、津贴补贴（按“部门预算公开06表 财政拨款基本支出预算表”"
            "中实际发生经济分类支出事项填写）")
    assert_fails(consistent().section("基本支出", text), "HYGIENE-PLACEHOLDER", count=1, says="模板填写说明")
    text = "品目按照《政府采购品目分类目录》(财库[2013]189号)规定品目名称填写。"  # a table's own note
    assert_passes(consistent().section("政府采购", text), "HYGIENE-PLACEHOLDER")


@pytest.mark.parametrize("text", [
    "因预算单位三定方案暂未完成变更备案,故部门名称、机构设置等暂未调整。",  # 重庆 p.3: the noun in prose
    "单位名称:重庆市商务委员会",  # a filled label
    "部门名称变更为某市测试局。",
])
def test_name_words_in_prose_are_no_template_leftover(text):
    assert_passes(consistent().section("收入预算", text), "HYGIENE-PLACEHOLDER")


def test_ocr_garbage_is_a_note_about_the_reading():
    # garbage comes from reading the file, not from the printed page: told as info, no warning
    builder = consistent().configure("revenue", labels={"general_budget": "一般公共が算拨款收入"})
    [finding] = assert_reports(builder, "HYGIENE-OCR", "info")
    assert "“が”" in finding.message and "核对原文" in finding.message
    assert_passes(consistent().section("绩效", "满意度≥90%，成本≦10万元，温度≥20℃"), "HYGIENE-OCR")


def test_doubled_words():
    builder = consistent().section("支出", "资源勘探工业信息等支出支出 1100 万元。")
    assert_fails(builder, "HYGIENE-DUPLICATE-WORD", count=1, says="“支出支出”")


def test_a_noun_followed_by_a_term_beginning_with_its_last_word_is_no_doubling():
    # 政协 2018 p.4: "…建设办公室 9 名在职人员人员经费": the 人员经费 of the 在职人员
    text = "本部门预算只包含办公厅本级 8 名和南京中国近代史遗址博物馆管理建设办公室 9 名在职人员人员经费。"
    assert_passes(consistent().section("机构设置", text), "HYGIENE-DUPLICATE-WORD")
    # the term printed twice is a doubling, and so is the word at the start of a text
    assert_fails(consistent().section("机构设置", "9 名在职人员人员经费人员经费 120 万元。"), "HYGIENE-DUPLICATE-WORD",
                 count=1, says="“人员经费人员经费”")
    assert_fails(consistent().section("机构设置", "人员人员经费 120 万元。"), "HYGIENE-DUPLICATE-WORD", count=1,
                 says="“人员人员”")
    text = "组织开展中小企业企业家培训，落实小微企业企业主贷款贴息政策。"
    assert_passes(consistent().section("职能职责", text), "HYGIENE-DUPLICATE-WORD")


def test_an_ordinal_printed_twice():
    # 福州: "围绕上述任务，重点抓好以下工作：（一）（一）提升战略科技力量" (read as half-width brackets)
    builder = consistent().section("主要工作任务", "重点抓好以下工作:(一)(一)提升战略科技力量,打造高水平创新策源地")
    assert_fails(builder, "HYGIENE-DUPLICATE-WORD", count=1, says="“(一)(一)”")
    builder = consistent().section("主要工作任务", "一、一、提升战略科技力量")
    assert_fails(builder, "HYGIENE-DUPLICATE-WORD", count=1, says="“一、一、”")


@pytest.mark.parametrize("text", [
    "(一)提升战略科技力量。(二)加快成果转化。",
    "一、一般公共预算拨款收入",
    "(十一)(十二)",
])
def test_ordinals_in_sequence_are_no_doubling(text):
    assert_passes(consistent().section("主要工作任务", text), "HYGIENE-DUPLICATE-WORD")


def test_a_doubled_word_in_a_performance_tables_title():
    # 福州 p.27: the title "<项目名称>项目绩效目标表" of a project named "…项目"
    builder = consistent().performance("科学普及活动项目", "80", title="科学普及活动项目项目绩效目标表")
    assert_fails(builder, "HYGIENE-DUPLICATE-WORD", table="performance_project", count=1, says="“项目项目”")
    builder = consistent().performance("科技特派员专项", "80", title="科技特派员专项项目绩效目标表")
    assert_passes(builder, "HYGIENE-DUPLICATE-WORD")


def test_wrapped_cells_of_a_performance_table_are_not_read_for_doubled_words():
    # 潼南 line 589: a wrapped 当年绩效目标 cell extracted twice ("新增规模工业 | 新增规模工业企业10户…");
    # line 503: two text columns of a cell interleaved ("…制造制造…")
    builder = consistent().performance("企业统计人员专项", "10", target="新增规模工业新增规模工业企业10户",
                                       basis="推进智能制造制造业数字化")
    assert_passes(builder, "HYGIENE-DUPLICATE-WORD")


@pytest.mark.parametrize("text", ["组到到到到到到的是到是是是是是是", "甲乙甲乙甲乙"])
def test_a_run_of_the_same_characters_is_reading_noise(text):
    assert_passes(consistent().section("支出", text), "HYGIENE-DUPLICATE-WORD")


def test_unreadable_parts_are_listed_as_info():
    [finding] = assert_reports(consistent().unreadable_part("第 3 页的表格", line=42), "HYGIENE-UNREADABLE", "info")
    assert finding.place.line == 42


_ONLY_ITSELF = "某市测试局部门只有本级，没有其他二级预算单位，因此，纳入2024年部门预算编制范围的只有某市测试局本级。"


def _with_unit_lines(*names: str, members: str = _ONLY_ITSELF):
    disclosure = consistent().section("部门预算单位构成", members).build()
    disclosure.tables["three_public"].unit_rows = [Row(name=n, source=Source(page=20, line=40 + i))
                                                   for i, n in enumerate(names)]
    return disclosure


def test_a_unit_line_naming_another_body_where_the_department_is_its_only_unit():
    # 长沙 p.20: 合计 0.50, then "长沙市教育局 0.50" in a document of 长沙职业教育基地综合协调办公室, 只有本级
    [finding] = assert_fails(_with_unit_lines("某市教育局"), "HYGIENE-DEPARTMENT", table="three_public", count=1)
    assert finding.provided == "某市教育局" and finding.place.page == 20


@pytest.mark.parametrize("names", [("某市测试局",), ("某市测试局本级",), ("本级",), ("某市测试局机关",)])
def test_a_unit_line_naming_the_department_itself(names):
    assert_passes(_with_unit_lines(*names), "HYGIENE-DEPARTMENT")


def test_unit_lines_of_a_department_with_units_of_its_own():
    # 湖州: the department's line, then its units'; nothing says the department is its only unit
    members = "从预算单位构成看，某市测试局预算包括：局本级预算、局属某市测试中心预算。"
    assert_passes(_with_unit_lines("某市测试局", "某市测试中心", members=members), "HYGIENE-DEPARTMENT")


def test_a_sentence_on_money_for_the_department_itself_says_nothing_of_its_units():
    members = "某市测试局机关运行经费仅用于本级机关日常运转。"
    assert_passes(_with_unit_lines("某市教育局", members=members), "HYGIENE-DEPARTMENT")


def test_a_department_saying_it_has_no_units_below_it():
    members = "本部门无下属预算单位，预算由某市测试局编制。"
    assert_fails(_with_unit_lines("某市教育局", members=members), "HYGIENE-DEPARTMENT", count=1)
