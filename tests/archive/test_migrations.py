"""The schema is created and upgraded by the program: from an empty file and from the version before."""

from decimal import Decimal

import duckdb
import pytest

from yusuan.archive import LATEST, MIGRATIONS, Archive
from yusuan.archive.migrations import migrate
from yusuan.archive.store import insert_children
from yusuan.archiving import document_record
from yusuan.errors import YusuanError

V1_DOCUMENT_COLUMNS = ("content_hash", "source_name", "department", "year", "kind", "scope", "unit", "reader",
                       "parsed_at", "member_units", "unreadable", "errors", "warnings", "infos")


def test_an_empty_file_gets_every_migration(db_path):
    with Archive.open(db_path) as archive:
        assert archive.version == LATEST == MIGRATIONS[-1].version
        applied = archive.query("SELECT version FROM schema_migrations ORDER BY version").rows
    assert [v for (v,) in applied] == [m.version for m in MIGRATIONS]


def test_opening_again_applies_nothing(db_path):
    Archive.open(db_path).close()
    con = duckdb.connect(str(db_path))
    assert migrate(con) == []
    con.close()


def _archive_at_previous_version(path, disclosure):
    """A file as the first release left it, holding one document written in that release's shape."""
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == [1]
    record = document_record(disclosure, "v1-document")
    values = [record.document[c] for c in V1_DOCUMENT_COLUMNS]
    document_id = con.execute(f"INSERT INTO documents ({', '.join(V1_DOCUMENT_COLUMNS)}) VALUES "
                              f"({', '.join('?' for _ in values)}) RETURNING id", values).fetchone()[0]
    for table, rows in record.children.items():
        if table != "figures":  # figures came with migration 2
            insert_children(con, document_id, table, rows)
    con.close()
    return record


def test_a_file_of_the_previous_version_is_upgraded_and_backfilled(db_path, seed):
    record = _archive_at_previous_version(db_path, seed)
    with Archive.open(db_path) as archive:
        assert archive.version == LATEST
        detail = archive.show(1)
        assert detail.summary.region == "重庆市潼南区"  # derived from the department name by the upgrade
        assert detail.counts["lines"] == record.children["lines"].num_rows  # nothing lost
        backfilled = {(y, m): a for y, m, a, _ in detail.figures}
    fresh = {(r["year"], r["metric"]): r["amount"] for r in record.children["figures"].to_pylist() if r["rank"] == 0}
    assert backfilled == fresh  # the same headline figures as a document added by this version
    assert backfilled[(2024, "three_public_total")] == Decimal("36.5")


def test_a_read_only_open_upgrades_an_old_file_first(db_path, seed):
    _archive_at_previous_version(db_path, seed)
    with Archive.open(db_path, read_only=True) as archive:
        assert archive.version == LATEST
        assert archive.list().items[0].region == "重庆市潼南区"


def test_a_file_from_a_newer_yusuan_is_not_touched(db_path):
    Archive.open(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [LATEST + 1])
    con.close()
    with pytest.raises(YusuanError) as refused:
        Archive.open(db_path)
    assert "请升级 yusuan" in refused.value.message


def test_a_file_that_is_not_an_archive_is_refused_with_a_message(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(YusuanError) as refused:
        Archive.open(path)
    assert refused.value.message.startswith(f"无法打开档案“{path}”")


def test_an_upgraded_file_names_the_document_of_each_tidy_line(db_path, seed):
    record = _archive_at_previous_version(db_path, seed)
    with Archive.open(db_path) as archive:
        columns = archive.query("SELECT * FROM tidy_lines LIMIT 1").columns
        row = archive.query("""SELECT document, document_id, scope, kind FROM tidy_lines
                               WHERE "table" = 'expenditure' AND code = '201' AND "column" = 'basic'""").rows
    assert columns[:7] == ["department", "year", "kind", "scope", "document", "table", "page"]
    assert row == [(record.content_hash, 1, "部门", "budget")]
