"""The JSON API through httpx (Starlette's TestClient): upload, progress, document, tables, downloads,
the archive list and its filters, comparisons, and the OpenAPI description."""

from __future__ import annotations

import csv
import io
import json
import re

from .helpers import SEED_DEPARTMENT, add, upload, variant, wait


def _fund_finding(findings: list[dict]) -> dict:
    return next(f for f in findings if f["rule"] == "PERF-FUND-MATCH")


def test_upload_reports_progress_then_the_document(client, seed_bytes):
    jobs = upload(client, ("预算.txt", seed_bytes))
    assert jobs[0]["state"] in ("queued", "reading", "recognizing", "checking", "archiving", "done")
    assert jobs[0]["format"] == "text" and jobs[0]["steps"] == 5
    job = wait(client, jobs[0]["id"])
    assert job["state"] == "done" and job["step"] == 5
    assert job["department"] == SEED_DEPARTMENT and job["year"] == 2024
    assert job["errors"] >= 1 and job["document_id"] == 1
    assert client.get(f"/api/jobs?ids={jobs[0]['id']},unknown").json()[0]["id"] == jobs[0]["id"]
    assert client.get("/api/jobs/0123456789abcdef").status_code == 404  # the form of a job id, but none
    assert client.get("/api/jobs/unknown").status_code == 422  # not the form of a job id


def test_the_same_content_is_archived_once(client, seed_bytes):
    first = add(client, "a.txt", seed_bytes)
    again = add(client, "b.txt", seed_bytes)
    assert again["document_id"] == first["document_id"] and again["existing"]
    assert client.get("/api/documents").json()["total"] == 1


def test_document_has_the_fund_finding_with_its_place(seeded):
    client, document_id = seeded
    detail = client.get(f"/api/documents/{document_id}").json()
    assert detail["document"]["department"] == SEED_DEPARTMENT and not detail["rebuilt"]
    finding = _fund_finding(detail["findings"])
    assert "500" in finding["message"] and "400.00" in finding["message"]
    assert (finding["table"], finding["column"], finding["provided"], finding["expected"]) == (
        "performance_project", "fund", "500", "400.00")
    assert {"revenue", "performance_project", "narrative"} <= {t["id"] for t in detail["tables"]}
    assert detail["statuses"]["failed"] >= 1


def test_table_highlights_what_a_finding_points_at(seeded):
    client, document_id = seeded
    findings = client.get(f"/api/documents/{document_id}").json()["findings"]
    fund = _fund_finding(findings)
    table = client.get(f"/api/documents/{document_id}/tables/performance_project?finding={fund['ordinal']}").json()
    block = table["content"]["blocks"][table["target"]["row"]]
    assert block["name"] == fund["name"] and block["fund"] == "500"
    assert table["target"]["column"] == "fund" and table["mark"] is None  # a text has no page image
    mirror = next(f for f in findings if f["rule"] == "XTAB-ECONOMIC-MIRROR")
    grid = client.get(f"/api/documents/{document_id}/tables/basic_expenditure?finding={mirror['ordinal']}").json()
    row = grid["content"]["table"]["rows"][grid["target"]["row"]]
    assert row["code"] == mirror["code"] and row["values"]["total"] == mirror["provided"]


def test_table_without_a_finding_and_unknown_tables(seeded):
    client, document_id = seeded
    revenue = client.get(f"/api/documents/{document_id}/tables/revenue").json()
    assert revenue["shape"] == "grid" and revenue["target"]["row"] is None
    assert revenue["content"]["table"]["rows"][0]["values"]["total"] == "3805.35"  # exact, as a string
    assert client.get(f"/api/documents/{document_id}/tables/no_such_table").status_code == 404
    assert client.get(f"/api/documents/{document_id}/tables/..%2F..%2Fetc").status_code in (404, 422)
    assert client.get("/api/documents/999/tables/revenue").status_code == 404


def test_downloads(seeded):
    client, document_id = seeded
    base = f"/api/documents/{document_id}"
    pdf = client.get(f"{base}/render.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf" and "attachment" in pdf.headers["content-disposition"]
    for fmt in ("docx", "xlsx"):
        assert client.get(f"{base}/render.{fmt}").content.startswith(b"PK")
    assert b"<html" in client.get(f"{base}/render.html").content[:500].lower()
    downloaded = client.get(f"{base}/lines.csv").content
    assert downloaded.startswith(b"\xef\xbb\xbf")  # the UTF-8 BOM: Excel and WPS read a CSV without it as GBK
    lines = list(csv.DictReader(io.StringIO(downloaded.decode("utf-8-sig"))))
    assert lines[0]["department"] == SEED_DEPARTMENT and any(r["amount"] == "3805.35" for r in lines)
    report = client.get(f"{base}/report.json").json()
    assert "400.00" in _fund_finding([{**f, "rule": f["rule"]} for f in report["findings"]])["message"]
    assert report["counts"]["error"] == client.get(base).json()["document"]["errors"]
    assert "PERF-FUND-MATCH" in client.get(f"{base}/report.html").text
    assert client.get(f"{base}/render.exe").status_code == 422
    assert client.get(f"{base}/pages/1.png").status_code == 404  # not a PDF


def test_list_filters(client, seed_bytes):
    add(client, "a.txt", seed_bytes)
    add(client, "b.txt", variant("重庆市合川区财政局"))
    add(client, "c.txt", variant("四川省成都市财政局").replace(b"2024", b"2023"))
    listed = client.get("/api/documents").json()
    assert listed["total"] == 3 and [d["id"] for d in listed["items"]] == [3, 2, 1]  # newest first

    def ids(query: str) -> list[int]:
        return [d["id"] for d in client.get(f"/api/documents?{query}").json()["items"]]

    assert ids("region=重庆市") == [2, 1]
    assert ids("department=财政局") == [3, 2]
    assert ids("year=2023") == [3]
    assert ids("kind=final") == []
    assert ids("has_errors=true") == [3, 2, 1] and ids("has_errors=false") == []
    assert ids("limit=1&offset=1") == [2]
    assert client.get("/api/documents?year=abc").status_code == 422
    facets = client.get("/api/facets").json()
    assert facets["years"] == [2024, 2023] and "重庆市合川区" in facets["regions"]


def test_comparisons(client, seed_bytes):
    add(client, "a.txt", seed_bytes)
    add(client, "b.txt", variant("重庆市潼南区财政局"))
    region = client.get("/api/compare?region=重庆市潼南区&year=2024").json()
    assert region["subjects"] == ["经济和信息化委员会", "财政局"]
    three_public = next(s for s in region["sections"] if s["id"] == "three_public")
    assert three_public["series"][0]["values"] == ["36.500000", "36.500000"]  # exact strings, 万元
    chart = client.get(three_public["chart"])
    assert chart.headers["content-type"].startswith("image/svg+xml") and b"<script" not in chart.content
    years = client.get(f"/api/compare?department={SEED_DEPARTMENT}").json()
    assert years["subjects"] == ["2024"]
    assert client.get("/api/compare?region=重庆市潼南区").status_code == 400
    missing = client.get("/api/compare?department=没有的部门")
    assert missing.status_code == 404 and "没有" in missing.json()["detail"]


def test_openapi_describes_the_api(client):
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/uploads", "/api/jobs/{job_id}", "/api/documents", "/api/documents/{document_id}",
            "/api/documents/{document_id}/tables/{table_id}", "/api/compare"} <= paths
    assert all(path.startswith("/api/") for path in paths)  # the pages are not part of the API
    assert "上传" in json.dumps(spec, ensure_ascii=False)
    assert client.get("/docs/api").status_code == 200


def test_pages_answer(seeded):
    client, document_id = seeded
    fund = _fund_finding(client.get(f"/api/documents/{document_id}").json()["findings"])
    for url in ("/", "/archive", "/archive?has_errors=true&year=2024", "/compare",
                f"/compare?department={SEED_DEPARTMENT}", f"/documents/{document_id}",
                f"/documents/{document_id}/tables/narrative", "/uploads?jobs=x"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
    table = client.get(f"/documents/{document_id}/tables/performance_project?finding={fund['ordinal']}").text
    assert 'id="target"' in table and "hl-cell" in table
    assert client.get("/documents/999").status_code == 404
    # a link to a finding under another table's address goes to the finding's own table
    wrong = client.get(f"/documents/{document_id}/tables/revenue?finding={fund['ordinal']}", follow_redirects=False)
    assert wrong.status_code == 303 and "/tables/performance_project" in wrong.headers["location"]


def test_the_form_works_without_javascript(client, seed_bytes):
    posted = client.post("/upload", files=[("files", ("a.txt", seed_bytes, "text/plain"))], follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"].startswith("/uploads?jobs=")
    job_id = posted.headers["location"].split("=", 1)[1]
    wait(client, job_id)
    progress = client.get(posted.headers["location"]).text
    assert "查看检查结果" in progress and "http-equiv" not in progress  # finished: no more reloading


def test_forms_with_empty_fields_mean_no_filter(seeded):
    client, _ = seeded
    page = client.get("/archive?department=&region=&year=&kind=&has_errors=")
    assert page.status_code == 200 and "共 1 份" in page.text
    assert client.get("/compare?department=&region=&year=&kind=").status_code == 200
    wrong = client.get("/archive?year=二〇二四")
    assert wrong.status_code == 422 and "年度" in wrong.text and wrong.headers["content-type"].startswith("text/html")


def test_long_comparisons_offer_their_charts_as_files(client, seed_bytes, monkeypatch):
    add(client, "a.txt", seed_bytes)
    add(client, "b.txt", variant("重庆市潼南区财政局"))
    page = client.get("/compare?region=重庆市潼南区&year=2024").text
    assert '<div class="chart"><svg' in page
    monkeypatch.setattr("yusuan.web.comparing.MAX_INLINE_SUBJECTS", 1)
    page = client.get("/compare?region=重庆市潼南区&year=2024").text
    assert '<div class="chart">' not in page and "图太长" in page and "下载图（SVG）" in page


def test_a_document_without_tables_says_nothing_could_be_checked_on_them(client, seed_bytes):
    narrative = b"".join(seed_bytes.splitlines(keepends=True)[:60])  # the 情况说明 alone, no table
    job = add(client, "情况说明.txt", narrative)
    assert job["state"] == "done"
    page = client.get(f"/documents/{job['document_id']}").text
    assert "未能从这份文件中识别出任何表格" in page
    assert int(re.search(r"无法检查 (\d+)</span>", page)[1]) > 20
    whole = add(client, "预算.txt", seed_bytes)
    assert "未能从这份文件中识别出任何表格" not in client.get(f"/documents/{whole['document_id']}").text
    # the archive's list says it too, beside errors and warnings
    listed = {d["id"]: d for d in client.get("/api/documents").json()["items"]}
    assert listed[job["document_id"]]["could_not_check"] > 20 and listed[whole["document_id"]]["could_not_check"] == 0
    assert "<th class=\"num\">无法检查</th>" in client.get("/archive").text


def test_a_part_of_a_disclosure_is_archived_and_says_what_it_lacks(client, seed_bytes):
    lines = seed_bytes.decode("utf-8").splitlines(keepends=True)
    # the 一般公共预算财政拨款支出预算表 alone (its two pages), as copied from a web page
    table = "".join(lines[103:144]).encode("utf-8")
    job = add(client, "一般公共预算支出表.txt", table)
    assert job["state"] == "done", job
    page = client.get(f"/documents/{job['document_id']}").text
    assert "这份文件只含部分公开内容，未见「收支总表」" in page and "、情况说明。" in page
    assert "缺少「收支总表」" not in page  # named once, in the note, not as a finding per table
    sections = "重庆市潼南区经济和信息化委员会2024年部门预算情况说明\n" + "".join(lines[2:8])  # 职能职责 only
    job = add(client, "职能职责.txt", sections.encode("utf-8"))
    assert job["state"] == "done", job
    assert "只含部分公开内容" in client.get(f"/documents/{job['document_id']}").text


def test_a_document_without_tables_is_never_said_to_have_no_problems(client, seed_bytes):
    lines = seed_bytes.decode("utf-8").splitlines(keepends=True)
    # the title and the first topic of the 情况说明 (职能职责) alone: no table, no amount, and no finding
    narrative = "".join(lines[:8]).encode("utf-8")
    job = add(client, "单位职责.txt", narrative)
    assert job["state"] == "done", job
    page = client.get(f"/documents/{job['document_id']}").text
    assert "只含部分公开内容" in page
    assert "错误 0" in page and "无法检查" in page and "未发现问题" not in page
