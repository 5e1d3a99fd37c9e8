"""The archive's document list says, beside errors and warnings, how many rules could not run."""

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
