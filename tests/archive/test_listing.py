"""The archive's document list: beside errors and warnings how many rules could not run, its filters and
order, one document's line of it, and the values it can be filtered by."""

from yusuan import archiving
from yusuan.archive.listing import Filters

# the narrative of a budget without its tables: every rule on a table could not run
PART = """重庆市潼南区测试局2024年部门预算
第一部分 部门概况
一、部门主要职责
负责全区测试工作。
二、部门预算单位构成
本部门预算由局本级组成。
"""


def test_a_document_whose_rules_could_not_run_is_listed_with_their_count(archive, seed_path, tmp_path):
    part = tmp_path / "part.txt"
    part.write_text(PART, encoding="utf-8")
    archiving.add_file(archive, seed_path)
    archiving.add_file(archive, part)
    listed = {d.source_name: d for d in archive.list(Filters()).items}
    assert listed["tongnan-jxw-2024-budget.txt"].could_not_check == 0
    assert listed["part.txt"].could_not_check >= 10
    assert (listed["part.txt"].errors, listed["part.txt"].warnings) == (0, 0)


def test_db_ls_prints_the_column(archive, seed_path):
    from yusuan.archive.render import page_table
    from rich.console import Console

    archiving.add_file(archive, seed_path)
    console = Console(width=200, record=True)
    console.print(page_table(archive.list(Filters()), 0))
    assert "无法检查" in console.export_text()


def test_the_list_filters_on_errors_and_can_put_the_newest_first(archive, seed_path, tmp_path):
    part = tmp_path / "part.txt"
    part.write_text(PART, encoding="utf-8")
    seed = archiving.add_file(archive, seed_path).id  # the seed has errors; the part has none
    clean = archiving.add_file(archive, part).id
    assert [d.id for d in archive.list(Filters(has_errors=True)).items] == [seed]
    assert [d.id for d in archive.list(Filters(has_errors=False)).items] == [clean]
    assert [d.id for d in archive.list(newest_first=True).items] == [clean, seed]
    assert [d.id for d in archive.list(limit=1, offset=1, newest_first=True).items] == [seed]


def test_one_summary_is_the_line_the_list_shows(archive, seed_path, tmp_path):
    part = tmp_path / "part.txt"
    part.write_text(PART, encoding="utf-8")
    archiving.add_file(archive, seed_path)
    added = archiving.add_file(archive, part)
    assert archive.summary(added.id) == archive.list(Filters(department=added.department)).items[0]
    assert archive.summary(added.id).could_not_check >= 10
    assert archive.summary(added.id + 1) is None


def test_facets_are_the_values_present(archive, seed_path):
    assert (archive.facets().years, archive.facets().regions, archive.facets().kinds) == ([], [], [])
    archiving.add_file(archive, seed_path)
    facets = archive.facets()
    assert (facets.years, facets.regions, facets.kinds) == ([2024], ["重庆市潼南区"], ["budget"])
