"""A check report in the archive: its plain form under the archive's columns, written and read by one mapping."""

from decimal import Decimal

from yusuan import archiving
from yusuan.archive.report_rows import FINDING_COLUMNS, RULE_RESULT_COLUMNS
from yusuan.archive.rows import CHILD_COLUMNS
from yusuan.checks import Finding, Place, RuleResult, RuleStatus, report_from_dict, report_to_dict, run_checks
from yusuan.checks.report.form import finding_to_dict, result_to_dict


def _columns(table: str) -> list[str]:
    return [name for name, _ in CHILD_COLUMNS[table]]


def test_the_mapping_names_every_column_of_the_reports_tables():
    assert ["ordinal", *FINDING_COLUMNS.values()] == _columns("findings")
    assert list(RULE_RESULT_COLUMNS.values()) == _columns("rule_results")
    # of the plain form, only what is said again from the rest is not kept
    assert set(finding_to_dict(Finding("…"))) - set(FINDING_COLUMNS) == {"where"}


def test_an_archived_report_comes_back_as_it_was_checked(archive, seed):
    report = run_checks(seed)
    document_id = archiving.add(archive, seed, "seed", report).id
    data = report_to_dict(report)
    rows = {"unit": report.unit, "rules": archive.rule_results(document_id), "findings": archive.findings(document_id)}
    back = report_to_dict(report_from_dict(rows))
    assert back["rules"] == data["rules"] and back["findings"] == data["findings"] and back["counts"] == data["counts"]
    assert [f["ordinal"] for f in rows["findings"]] == list(range(1, len(report.findings) + 1))
    third = archive.findings(document_id, 3)
    assert third == [rows["findings"][2]] and archive.findings(document_id, 10**6) == []
    assert set(rows["rules"][0]) == set(RULE_RESULT_COLUMNS)


def test_amounts_are_kept_never_in_exponent_form_and_come_back_as_decimals(archive, seed):
    report = run_checks(seed)
    odd = Finding.mismatch(Place(table="revenue", line=7), Decimal("1E+3"), Decimal("0.0000001"), "…", "warning")
    odd.rule = report.results[0].rule.id
    report.results[0] = RuleResult(report.results[0].rule, RuleStatus.failed, [odd, *report.results[0].findings])
    document_id = archiving.add(archive, seed, "seed", report).id
    first = archive.findings(document_id, 1)[0]
    assert (first["provided"], first["expected"], first["difference"]) == ("1000", "0.0000001", "999.9999999")
    kept = report_from_dict({"unit": "万元", "rules": archive.rule_results(document_id),
                             "findings": [first]}).findings[0]
    assert (kept.provided, kept.expected) == (Decimal("1000"), Decimal("0.0000001"))


def test_the_rows_are_the_plain_form_renamed(seed):
    report = run_checks(seed)
    for result, row in zip(report.results, archiving.rule_result_rows(report), strict=True):
        assert row == {RULE_RESULT_COLUMNS[k]: v for k, v in result_to_dict(result).items() if k in RULE_RESULT_COLUMNS}
    for n, (finding, row) in enumerate(zip(report.findings, archiving.finding_rows(report), strict=True), start=1):
        form = finding_to_dict(finding)
        assert row == {"ordinal": n, **{FINDING_COLUMNS[k]: v for k, v in form.items() if k in FINDING_COLUMNS}}
