"""Adding documents: what lands in the archive, idempotence, and all-or-nothing on failure."""

from decimal import Decimal

import pytest

from yusuan import archiving
from yusuan.archive import Archive, store
from yusuan.archiving import document_record
from yusuan.archive.rows import CHILD_COLUMNS, DOCUMENT_COLUMNS, AmountTooPrecise
from yusuan.model import Project

from .builders import ARCHIVE_TABLES, TONGNAN_JXW, count, counts, tongnan_2023


def test_the_seed_lands_with_its_figures_exact(archive, seed_path):
    added = archiving.add_file(archive, seed_path)
    assert (added.outcome, added.id, added.department, added.year) == ("added", 1, TONGNAN_JXW, 2024)
    # 部门支出总表, 201 一般公共服务支出, 基本支出 as printed
    rows = archive.query("""SELECT amount, unit FROM tidy_lines
                            WHERE "table" = 'expenditure' AND code = '201' AND "column" = 'basic'""").rows
    assert rows == [(Decimal("925.40"), "万元")]
    doc = archive.list().items[0]
    assert (doc.region, doc.kind, doc.scope, doc.unit, doc.reader) == ("重庆市潼南区", "budget", "部门", "万元", "text")
    assert doc.source_name == "tongnan-jxw-2024-budget.txt"
    assert doc.content_hash == "ef2615cf854b36ae3576550b4634a38f155a1b37a9a83dce668cfb970f3eb889"


def test_everything_read_from_the_seed_is_kept(archive, seed_path, seed):
    from yusuan.checks import run_checks
    from yusuan.export import tidy_lines

    archiving.add_file(archive, seed_path)
    report = run_checks(seed)
    assert count(archive, "lines") == len(list(tidy_lines(seed)))
    assert count(archive, "claims") == len(seed.narrative.claims)
    assert count(archive, "projects") == len(seed.projects)
    assert count(archive, "rule_results") == len(report.results)
    assert count(archive, "findings") == len(report.findings)
    # one claim in full: "三公"经费 36.50 万元, 比2023年减少 14 万元
    assert archive.query("SELECT value, change, direction, compared_year FROM claims "
                         "WHERE subject = 'three_public_total'").rows == [(Decimal("36.50"), Decimal("14"), "减少", 2023)]
    # one project in full, its funding split as exact strings
    assert archive.query("SELECT amount, funding->>'general_project' FROM projects WHERE code = "
                         "'50015224T000004308874'").rows == [(Decimal("50.00"), "50.00")]
    # headline figures in 万元: 三公 of both years the 三公 table prints, 运行经费 from the narrative
    figures = dict(((y, m), a) for y, m, a in archive.query(
        "SELECT year, metric, amount FROM figures WHERE rank = 0").rows)
    assert figures[(2024, "three_public_total")] == Decimal("36.5")
    assert figures[(2023, "reception")] == Decimal("43")
    assert figures[(2024, "operating_cost")] == Decimal("215.95")
    assert figures[(2024, "expenditure:215")] == Decimal("1100.00")


def test_the_same_file_twice_is_one_document(archive, seed_path):
    first = archiving.add_file(archive, seed_path)
    before = counts(archive)
    again = archiving.add_file(archive, seed_path)
    assert (again.outcome, again.id) == ("existing", first.id)
    assert counts(archive) == before
    assert before["documents"] == 1


def test_the_same_content_under_another_name_is_one_document(archive, seed_path, tmp_path):
    copy = tmp_path / "另一个名字.txt"
    copy.write_bytes(seed_path.read_bytes())
    archiving.add_file(archive, seed_path)
    assert archiving.add_file(archive, copy).outcome == "existing"
    assert count(archive, "documents") == 1


def test_a_document_failing_midway_leaves_no_row_in_any_table(archive, monkeypatch):
    original = store.insert_children

    def fail_at_findings(cur, document_id, table, rows):
        if table == "findings":  # after documents, lines, claims, projects, ... were inserted
            raise RuntimeError("disk full")
        original(cur, document_id, table, rows)

    monkeypatch.setattr(store, "insert_children", fail_at_findings)
    with pytest.raises(RuntimeError):
        archiving.add(archive, tongnan_2023())
    assert counts(archive) == dict.fromkeys(ARCHIVE_TABLES, 0)
    monkeypatch.setattr(store, "insert_children", original)
    assert archiving.add(archive, tongnan_2023()).new  # and the same document goes in cleanly afterwards
    assert count(archive, "documents") == 1


def test_an_amount_the_archive_cannot_keep_exactly_is_refused_not_rounded(archive):
    d = tongnan_2023()
    d.projects.append(Project(name="某项目", amount=Decimal("1.23456")))
    with pytest.raises(AmountTooPrecise) as refused:
        archiving.add(archive, d)
    assert "4 位小数" in refused.value.message
    assert counts(archive) == dict.fromkeys(ARCHIVE_TABLES, 0)


def test_add_files_lists_each_failure_with_its_error_and_adds_the_rest(archive, seed_path, tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    results = archiving.add_files(archive, [tmp_path / "没有这个文件.txt", empty, seed_path])
    assert [r.outcome for r in results] == ["failed", "failed", "added"]
    assert results[0].error == f"找不到文件“{tmp_path / '没有这个文件.txt'}”。请检查路径是否正确。"
    assert results[1].error.startswith("无法读取“空.txt”")
    assert count(archive, "documents") == 1


def test_remove_takes_every_row_of_the_document(archive, seed_path):
    kept = archiving.add(archive, tongnan_2023())
    before = counts(archive)
    gone = archiving.add_file(archive, seed_path)
    assert archive.remove(gone.id)
    assert counts(archive) == before
    assert not archive.remove(gone.id)
    assert archive.show(kept.id) is not None


def test_the_row_builders_match_the_schema_the_migrations_leave(archive):
    def columns(table):
        return [r[0] for r in archive.query("SELECT column_name FROM information_schema.columns "
                                            "WHERE table_name = ? ORDER BY ordinal_position", [table]).rows]

    for table, spec in CHILD_COLUMNS.items():
        assert columns(table) == ["document_id", *(name for name, _ in spec)], table
    assert set(DOCUMENT_COLUMNS) == set(columns("documents")) - {"id"}


def test_a_read_only_archive_refuses_writes_and_a_missing_one_says_so(db_path, tmp_path):
    from yusuan.archive import ArchiveMissing
    from yusuan.errors import YusuanError

    with pytest.raises(ArchiveMissing) as missing:
        Archive.open(tmp_path / "nothing.duckdb", read_only=True)
    assert "找不到档案" in missing.value.message
    Archive.open(db_path).close()
    with Archive.open(db_path, read_only=True) as archive:
        with pytest.raises(YusuanError) as refused:
            archive.query("DELETE FROM documents")
        assert refused.value.message.startswith("查询出错")


def test_forbidding_file_access_stops_sql_from_touching_files(archive, tmp_path):
    from yusuan.errors import YusuanError

    archive.forbid_file_access()
    with pytest.raises(YusuanError):
        archive.query(f"COPY (SELECT 1) TO '{tmp_path / 'x.csv'}'")
    assert not (tmp_path / "x.csv").exists()


def test_document_record_is_built_before_any_lock(seed):
    record = document_record(seed, "abc")
    assert record.content_hash == "abc"
    assert record.children["lines"].num_rows > 300
