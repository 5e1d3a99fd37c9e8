"""Versioned schema migrations. The archive file records which ones it has had.

A migration is frozen once released: its SQL is written out here literally (never generated from
the living column lists in `rows.py`), so an old file is upgraded by exactly the steps a new file
goes through. To change the schema, append a migration; a test checks that `rows.py` matches the
schema the last one leaves.

Amounts are DECIMAL: (18,4) as printed in the document's unit, (18,6) where converted to 万元
(1 元 = 0.0001 万元, so 元 amounts printed to the fen stay exact).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from ..errors import YusuanError

Backfill = Callable[[duckdb.DuckDBPyConnection], None]

V1_BASE = """
CREATE SEQUENCE document_ids START 1;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY DEFAULT nextval('document_ids'),
    content_hash VARCHAR NOT NULL UNIQUE,   -- sha256 of the file's bytes
    source_name VARCHAR,
    department VARCHAR,
    year INTEGER,
    kind VARCHAR NOT NULL,                  -- budget | final
    scope VARCHAR NOT NULL,                 -- 部门 | 单位
    unit VARCHAR NOT NULL,                  -- the document's main unit: 元 | 万元
    reader VARCHAR,
    parsed_at TIMESTAMP NOT NULL,           -- UTC
    member_units VARCHAR[],
    unreadable INTEGER NOT NULL,            -- how many things the recognizer could not read
    errors INTEGER NOT NULL,                -- findings by severity, kept here so a listing needs no join
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL
);
CREATE TABLE doc_tables (
    document_id INTEGER NOT NULL, table_id VARCHAR NOT NULL, title VARCHAR, unit VARCHAR NOT NULL, note VARCHAR,
    column_ids VARCHAR[], column_labels VARCHAR[], row_count INTEGER NOT NULL,
    source_line INTEGER, source_page INTEGER
);
CREATE TABLE lines (
    document_id INTEGER NOT NULL, table_id VARCHAR NOT NULL, row_no INTEGER NOT NULL, code VARCHAR,
    name VARCHAR NOT NULL, column_id VARCHAR NOT NULL, amount DECIMAL(18,4) NOT NULL, unit VARCHAR NOT NULL,
    item VARCHAR, side VARCHAR, source_line INTEGER, source_page INTEGER
);
CREATE TABLE claims (
    document_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, subject VARCHAR NOT NULL, label VARCHAR,
    value DECIMAL(18,4) NOT NULL, unit VARCHAR NOT NULL, year INTEGER, change DECIMAL(18,4), direction VARCHAR,
    change_percent DECIMAL(18,4), compared_year INTEGER, section VARCHAR, text VARCHAR,
    source_line INTEGER, source_page INTEGER
);
CREATE TABLE projects (
    document_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, code VARCHAR, name VARCHAR NOT NULL,
    budget_unit VARCHAR, functional_code VARCHAR, functional_name VARCHAR, amount DECIMAL(18,4),
    unit VARCHAR NOT NULL, funding VARCHAR,  -- JSON object: column id -> amount as an exact string
    source_line INTEGER, source_page INTEGER
);
CREATE TABLE performance_tables (
    document_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, scope VARCHAR NOT NULL, name VARCHAR,
    department VARCHAR, implementer VARCHAR, fund DECIMAL(18,4), unit VARCHAR NOT NULL, nature VARCHAR,
    start_date DATE, end_date DATE, overview VARCHAR, basis VARCHAR, target VARCHAR, project_code VARCHAR,
    source_line INTEGER, source_page INTEGER
);
CREATE TABLE indicators (
    document_id INTEGER NOT NULL, table_ordinal INTEGER NOT NULL, ordinal INTEGER NOT NULL, level1 VARCHAR,
    level2 VARCHAR, level3 VARCHAR NOT NULL, comparator VARCHAR, value VARCHAR, number DECIMAL(38,10),
    measure_unit VARCHAR, weight DECIMAL(38,10), source_line INTEGER, source_page INTEGER
);
CREATE TABLE rule_results (
    document_id INTEGER NOT NULL, rule_id VARCHAR NOT NULL, family VARCHAR NOT NULL, severity VARCHAR NOT NULL,
    status VARCHAR NOT NULL, reason VARCHAR
);
CREATE TABLE findings (
    document_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, rule_id VARCHAR NOT NULL, severity VARCHAR NOT NULL,
    message VARCHAR NOT NULL, table_id VARCHAR, code VARCHAR, name VARCHAR, column_id VARCHAR,
    source_line INTEGER, source_page INTEGER,
    provided VARCHAR, expected VARCHAR, difference VARCHAR  -- exact strings: a finding may be text or a sum
);
-- The shape of `yusuan export`: one amount per row.
CREATE VIEW tidy_lines AS
    SELECT d.department, d.year, d.kind, l.table_id AS "table", l.row_no AS "row", coalesce(l.code, '') AS code,
           l.name, l.column_id AS "column", l.amount, l.unit
    FROM lines l JOIN documents d ON d.id = l.document_id;
"""

V2_REGION_AND_FIGURES = """
ALTER TABLE documents ADD COLUMN region VARCHAR;  -- e.g. 重庆市潼南区, from the department name
-- Headline figures per document and year, in 万元, for comparisons and cross-document checks.
-- `metric` is a narrative subject key (docs/conventions.md); `rank` 0 is where the tables print it
-- first; `origin` is 'table:<id>' or 'narrative'.
CREATE TABLE figures (
    document_id INTEGER NOT NULL, year INTEGER NOT NULL, metric VARCHAR NOT NULL, rank INTEGER NOT NULL,
    amount DECIMAL(18,6) NOT NULL, origin VARCHAR NOT NULL
);
"""

V3_TIDY_LINES_NAME_THEIR_DOCUMENT = """
-- The shape of `yusuan export` now names the document of each line (its content hash, scope and the
-- page it is printed on), so two documents of one department and year never read as one; then the
-- archive's own id of the document.
CREATE OR REPLACE VIEW tidy_lines AS
    SELECT d.department, d.year, d.kind, d.scope, d.content_hash AS document, l.table_id AS "table",
           l.source_page AS page, l.row_no AS "row", coalesce(l.code, '') AS code, l.name, l.column_id AS "column",
           l.amount, l.unit, d.id AS document_id
    FROM lines l JOIN documents d ON d.id = l.document_id;
"""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    title: str
    sql: str
    backfill: Backfill | None = None  # fills what the new schema derives for documents already archived


def _backfill_v2(con: duckdb.DuckDBPyConnection) -> None:
    from .backfill import backfill_regions_and_figures

    backfill_regions_and_figures(con)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, tables, lines, claims, projects, performance, rule results, findings", V1_BASE),
    Migration(2, "region of each document; headline figures", V2_REGION_AND_FIGURES, _backfill_v2),
    Migration(3, "tidy lines name their document, scope and page", V3_TIDY_LINES_NAME_THEIR_DOCUMENT),
)
LATEST = MIGRATIONS[-1].version


class ArchiveTooNew(YusuanError):
    pass


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, target: int = LATEST) -> list[int]:
    """Apply the missing migrations up to `target`, each in its own transaction; returns those applied."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, title VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)")
    version = current_version(con)
    if version > LATEST:
        raise ArchiveTooNew(f"这个档案由更新版本的 yusuan 创建（结构版本 {version}，本程序支持到 {LATEST}）。请升级 yusuan 后再打开。")
    applied = []
    for migration in MIGRATIONS:
        if version < migration.version <= target:
            _apply(con, migration)
            applied.append(migration.version)
    return applied


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    con.begin()
    try:
        con.execute(migration.sql)
        if migration.backfill is not None:
            migration.backfill(con)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [migration.version, migration.title, datetime.now(UTC).replace(tzinfo=None)])
        con.commit()
    except BaseException:
        con.rollback()
        raise
