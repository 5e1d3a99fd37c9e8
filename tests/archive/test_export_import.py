"""Export as Parquet, CSV and a validated data package; import Parquet back, partitioned or not."""

import csv
import json
from decimal import Decimal

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from yusuan import archiving
from yusuan.archive import Archive
from yusuan.errors import YusuanError

from .builders import budget, count, counts, tongnan_2023


@pytest.fixture
def filled(archive, seed_path):
    archiving.add_file(archive, seed_path)
    archiving.add(archive, tongnan_2023())
    archiving.add(archive, budget("重庆市潼南区某局", 2024, basic="1", project="2", classes={}, kind="final"))
    return archive


def _rows(path, **where):
    with path.open(encoding="utf-8-sig") as f:
        return [r for r in csv.DictReader(f) if all(r[k] == v for k, v in where.items())]


def test_parquet_keeps_exact_decimals(filled, tmp_path):
    written = filled.export(tmp_path / "out", "parquet")
    assert {p.name for p in written} >= {"documents.parquet", "lines.parquet", "findings.parquet", "figures.parquet"}
    lines = pq.read_table(tmp_path / "out" / "lines.parquet")
    assert lines.schema.field("amount").type == pa.decimal128(18, 4)
    match = [r for r in lines.to_pylist()
             if (r["document_id"], r["table_id"], r["code"], r["column_id"]) == (1, "expenditure", "201", "basic")]
    assert [r["amount"] for r in match] == [Decimal("925.4000")]


def test_csv_writes_amounts_as_exact_plain_strings(filled, tmp_path):
    written = filled.export(tmp_path / "out", "csv")
    # Excel and WPS on Chinese Windows read a CSV as UTF-8 only with the BOM
    assert written and all(path.read_bytes().startswith(b"\xef\xbb\xbf") for path in written)
    assert not list((tmp_path / "out").glob("*.bare"))
    match = _rows(tmp_path / "out" / "lines.csv", document_id="1", table_id="expenditure", code="201", column_id="basic")
    assert [r["amount"] for r in match] == ["925.4"]
    documents = _rows(tmp_path / "out" / "documents.csv", id="1")
    assert json.loads(documents[0]["member_units"])[0] == "重庆市潼南区经济和信息化委员会本级"


def test_the_data_package_validates_and_describes_measures_and_classifications(filled, tmp_path):
    import frictionless

    filled.export(tmp_path / "pkg", "datapackage")
    report = frictionless.validate(str(tmp_path / "pkg" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    measures = descriptor["model"]["measures"]
    assert (measures["budget"]["unit"], measures["budget"]["phase"]) == ("万元", "预算")
    assert (measures["final"]["unit"], measures["final"]["phase"]) == ("万元", "决算")
    functional = descriptor["model"]["dimensions"]["functional_classification"]
    assert functional["dimensionType"] == "classification"
    assert set(functional["attributes"]) >= {"code", "level", "parent"}
    lines = tmp_path / "pkg" / "budget_lines.csv"
    project_line = _rows(lines, document_id="1", table="general_expenditure", code="2011301", column="total")[0]
    assert (project_line["functional_level"], project_line["functional_parent"]) == ("项", "20113")
    assert (project_line["budget_wanyuan"], project_line["final_wanyuan"], project_line["phase"]) == ("357.87", "", "预算")
    economic = _rows(lines, document_id="1", table="basic_expenditure", code="30101", column="total")[0]
    assert (economic["economic_code"], economic["economic_level"], economic["economic_parent"]) == ("30101", "款", "301")
    final_line = _rows(lines, document_id="3", item="total", column="basic", table="expenditure")[0]
    assert (final_line["phase"], final_line["budget_wanyuan"], final_line["final_wanyuan"]) == ("决算", "", "1")


def test_amounts_in_yuan_are_converted_exactly_in_the_package(archive, tmp_path):
    from yusuan.model import Unit

    d = budget("重庆市潼南区某局", 2024, basic="12345.67", project="0.01", classes={})
    for table in d.tables.values():
        table.unit = Unit.yuan
    d.unit = Unit.yuan
    archiving.add(archive, d)
    archive.export(tmp_path / "pkg", "datapackage")
    line = _rows(tmp_path / "pkg" / "budget_lines.csv", table="expenditure", column="basic")[0]
    assert (line["amount"], line["unit"], line["budget_wanyuan"]) == ("12345.67", "元", "1.234567")


def test_export_refuses_a_folder_with_files_and_leaves_it_alone(filled, tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "mine.txt").write_text("x")
    with pytest.raises(YusuanError) as refused:
        filled.export(target, "csv")
    assert "不是空文件夹" in refused.value.message
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".yusuan-export-")]


def test_parquet_round_trip_and_import_twice(filled, tmp_path):
    filled.export(tmp_path / "out", "parquet")
    with Archive.open(tmp_path / "other.duckdb") as other:
        first = archiving.import_parquet(other, tmp_path / "out")
        again = archiving.import_parquet(other, tmp_path / "out")
        assert (first.added, first.skipped, again.added, again.skipped) == (3, 0, 0, 3)
        assert counts(other) == counts(filled)
        assert other.query("SELECT amount FROM tidy_lines WHERE \"table\" = 'expenditure' AND code = '201' "
                           "AND \"column\" = 'basic' AND year = 2024").rows == [(Decimal("925.40"),)]


def test_partitioned_parquet_linked_by_content_hash_gets_region_and_figures(filled, tmp_path):
    """As a distributed engine would write it: partitions by year, children keyed by content hash."""
    source = tmp_path / "engine"
    source.mkdir()
    con = duckdb.connect()
    filled.export(tmp_path / "flat", "parquet")
    flat = tmp_path / "flat"
    con.execute(f"COPY (SELECT * EXCLUDE (id, region), id AS doc_key FROM '{flat}/documents.parquet') "
                f"TO '{source}/documents' (FORMAT parquet, PARTITION_BY (year))")
    con.execute(f"COPY (SELECT d.content_hash, l.* EXCLUDE (document_id) FROM '{flat}/lines.parquet' l "
                f"JOIN '{flat}/documents.parquet' d ON d.id = l.document_id) TO '{source}/lines' "
                f"(FORMAT parquet, PARTITION_BY (table_id))")
    con.close()
    with Archive.open(tmp_path / "other.duckdb") as other:
        assert archiving.import_parquet(other, source).added == 3
        assert count(other, "lines") == count(filled, "lines")
        seed = other.query("SELECT id, region, year FROM documents WHERE source_name LIKE 'tongnan-jxw-2024%'").rows
        assert seed[0][1:] == ("重庆市潼南区", 2024)  # region derived; year from the partition path
        assert other.query("SELECT amount FROM figures WHERE document_id = ? AND metric = 'expenditure:201' "
                           "AND rank = 0", [seed[0][0]]).rows == [(Decimal("2251.400000"),)]


def test_import_without_documents_is_refused(archive, tmp_path):
    with pytest.raises(YusuanError) as refused:
        archiving.import_parquet(archive, tmp_path)
    assert "documents" in refused.value.message
