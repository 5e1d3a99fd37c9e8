"""Pairing projects with their performance-target tables despite the two lists naming them differently."""

from decimal import Decimal

from yusuan.checks.rules.matching import match_projects, project_key, similarity
from yusuan.model import PerformanceTable, Project

# Names as the seed document prints them: project list | performance table.
SEED_NAMES = [
    ("招商引资(常年性项目)", "招商引资专项经费"),
    ("工业能耗\"双控\"暨绿色发展(常年性项目)", "工业能耗\"双控\"暨绿色发展专项"),
    ("中国产业发展对接活动(一次性项目)", "2023年中国产业发展对接活动"),
    ("提前下达市中小微发展专项资金预算指标", "提前下达2024年市中小微发展专项"),
    ("提前下达市工业和信息化专项(重点支持行业)", "提前下达2024年工业和信息化专项(重点支持行业)"),
    ("提前下达市工业和信息化专项(企业技术改造)", "提前下达2024年工业和信息化专项(企业技术改造)"),
    ("2023年市中小微发展专项(第四批-灾后重建方向)", "2023年市中小微发展专项(第四批-灾后重建方向)"),
]


def test_keys_drop_what_the_two_naming_habits_add():
    assert project_key("50015224T000004308874-招商引资(常年性项目)") == "招商引资"
    assert project_key("提前下达2024年市中小微发展专项") == project_key("提前下达市中小微发展专项资金预算指标")


def test_similarity():
    assert similarity("招商引资", "招商引资") == 1.0
    assert similarity("招商引资", "年度招商引资活动") == 0.9
    assert similarity("abc", "") == 0.0


def _project(name, amount="1"):
    return Project(name=name, amount=Decimal(amount))


def _table(name, fund="1", **fields):
    return PerformanceTable(scope="project", name=name, fund=Decimal(fund), **fields)


def test_seed_names_pair_up_one_to_one():
    projects = [_project(p) for p, _ in SEED_NAMES]
    tables = [_table(t) for _, t in reversed(SEED_NAMES)]
    pairs = match_projects(projects, tables)
    assert sorted((p.project.name, p.table.name) for p in pairs) == sorted(SEED_NAMES)


def test_a_recognized_link_wins():
    projects = [Project(code="P1", name="甲项目"), Project(code="P2", name="乙项目")]
    tables = [_table("乙项目", project_code="P1")]
    pairs = match_projects(projects, tables)
    assert [(p.project.code if p.project else None, p.table is not None) for p in pairs] == [("P1", True), ("P2", False)]


def test_an_unnamed_table_pairs_by_what_it_says_or_its_amount():
    projects = [_project("大数据智能化和融合发展(常年性项目)", "50"), _project("企业改制遗留问题", "10")]
    tables = [_table(None, "10"), _table(None, "50", target="完成当年大数据智能化和融合发展")]
    pairs = {p.project.name: p.table.fund for p in match_projects(projects, tables)}
    assert pairs == {"大数据智能化和融合发展(常年性项目)": Decimal("50"), "企业改制遗留问题": Decimal("10")}


def test_unrelated_names_stay_apart():
    pairs = match_projects([_project("办公楼维修")], [_table("招商引资专项")])
    assert [(p.project is None, p.table is None) for p in pairs] == [(False, True), (True, False)]
