"""While the server runs: `yusuan db ...` reads the archive beside it, writes wait for it to be idle,
and an admin deletes a document from the page or the API."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from .helpers import SEED, LiveServer, add, settings_for

ADMIN = "admin-token-0123456789abcdef"
READ = "read-token-0123456789abcdef"
TOKENS = ((ADMIN, "admin"), (READ, "read"))


def _yusuan(db, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "YUSUAN_DB": str(db), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "yusuan", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_the_cli_reads_and_writes_the_archive_while_the_server_runs(tmp_path):
    settings = settings_for(tmp_path)
    with LiveServer(settings) as server, httpx.Client(base_url=server.url, timeout=120) as client:
        document_id = add(client, "tongnan-jxw-2024-budget.txt", SEED.read_bytes())["document_id"]
        assert client.get("/archive").status_code == 200  # the server has just used the archive
        started = time.monotonic()
        listed = _yusuan(settings.db_path, "db", "ls")
        assert listed.returncode == 0, listed.stderr
        assert "潼南区经济和信息化委员会" in listed.stdout
        shown = _yusuan(settings.db_path, "db", "query", f"SELECT document, scope FROM tidy_lines "
                                                         f"WHERE document_id = {document_id} LIMIT 1", "-f", "csv")
        assert shown.returncode == 0 and "部门" in shown.stdout
        assert time.monotonic() - started < 30  # not the minute a held archive made every command wait
        removed = _yusuan(settings.db_path, "db", "rm", str(document_id))  # a write: once the server is idle
        assert removed.returncode == 0, removed.stderr
        assert client.get("/api/documents").json()["total"] == 0  # the server sees what the command wrote


def test_an_admin_deletes_a_document_with_its_files(tmp_path):
    settings = settings_for(tmp_path, tokens=TOKENS, upload_rate=0)
    with LiveServer(settings) as server, httpx.Client(base_url=server.url, timeout=120,
                                                      headers={"Authorization": f"Bearer {ADMIN}"}) as admin:
        job = add(admin, "tongnan-jxw-2024-budget.txt", SEED.read_bytes())
        document_id = job["document_id"]
        kept = list(settings.files_path.rglob("*.source"))
        assert len(kept) == 1
        reader = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {READ}"})
        assert reader.delete(f"/api/documents/{document_id}").status_code == 403
        assert "/delete" not in reader.get(f"/documents/{document_id}").text  # no delete button for a reader
        page = admin.get(f"/documents/{document_id}").text
        assert f'action="/documents/{document_id}/delete"' in page
        unconfirmed = admin.post(f"/documents/{document_id}/delete", data={}, follow_redirects=False)
        assert unconfirmed.status_code == 400 and "确认删除" in unconfirmed.text
        assert admin.get(f"/api/documents/{document_id}").status_code == 200  # nothing deleted

        deleted = admin.delete(f"/api/documents/{document_id}")
        assert deleted.status_code == 200 and deleted.json() == {"id": document_id, "removed": True}
        assert admin.get(f"/api/documents/{document_id}").status_code == 404
        assert not list(settings.files_path.rglob(f"{kept[0].name.split('.')[0]}.*"))  # its files went too
        assert admin.delete(f"/api/documents/{document_id}").status_code == 404

        again = add(admin, "tongnan-jxw-2024-budget.txt", SEED.read_bytes())["document_id"]
        assert again != document_id  # uploaded again: a new document, with its files
        gone = admin.post(f"/documents/{again}/delete", data={"confirm": "yes"}, follow_redirects=False)
        assert gone.status_code == 303 and gone.headers["location"] == f"/archive?removed={again}"
        assert f"已从档案中删除文件 {again}" in admin.get(gone.headers["location"]).text
        assert admin.get("/api/documents").json()["total"] == 0
        reader.close()
