"""End to end in a real browser: Debian's headless Chromium driven by Playwright.

Uploads the seed through the page, sees the PERF-FUND-MATCH finding (500 against 400.00), opens its
table with the row and cell highlighted, downloads the PDF, and saves screenshots of each page
(to $YUSUAN_SCREENSHOTS when set, as docs/screenshots is made; else to the test's temporary folder).
Any console error fails the test: a Content-Security-Policy violation shows up there.

The project's set-up (scripts/system-deps.sh) installs /usr/bin/chromium; `playwright install` is
never used (it downloads a browser of its own).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

from .helpers import SEED, SEED_DEPARTMENT, add, scaled_xlsx, small_pdf

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/system-deps.sh (apt-get install chromium)")


@pytest.fixture
def screenshots(tmp_path) -> Path:
    folder = Path(os.environ.get("YUSUAN_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shoot(page: Page, folder: Path, name: str) -> None:
    """The visible part of the page, as a small PNG (128 colors are plenty for text and tables)."""
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    image.quantize(colors=128).save(folder / f"{name}.png", optimize=True)


@pytest.fixture
def browser_page(live_server):
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 820}, locale="zh-CN", accept_downloads=True)
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        browser.close()
    assert errors == []


def _add_comparables(client) -> None:
    """Other years and departments with figures of their own, so the archive and comparisons have content."""
    for department, year, factor in ((SEED_DEPARTMENT, 2023, "0.92"), (SEED_DEPARTMENT, 2022, "0.85"),
                                     ("重庆市潼南区财政局", 2024, "1.6"), ("重庆市潼南区教育委员会", 2024, "2.4")):
        assert add(client, f"{department}{year}.xlsx", scaled_xlsx(department, year, factor))["state"] == "done"


def test_upload_check_highlight_download(live_server, http, browser_page, screenshots, tmp_path):
    _add_comparables(http)
    page = browser_page
    page.goto(live_server.url + "/")
    page.set_input_files("input[name=files]", str(SEED))
    shoot(page, screenshots, "1-upload")
    page.click("button[type=submit]")

    page.wait_for_url("**/uploads?jobs=*")
    link = page.locator(".job-link")
    expect(link).to_be_visible(timeout=60_000)
    expect(page.locator(".job-state")).to_have_text("完成")
    shoot(page, screenshots, "2-progress")

    link.click()
    expect(page.locator("h1")).to_contain_text(SEED_DEPARTMENT)
    finding = page.locator("li.finding", has_text="PERF-FUND-MATCH").filter(has_text="400.00")
    expect(finding).to_have_count(1)
    expect(finding.locator(".message")).to_contain_text("500")
    finding.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 200)")
    shoot(page, screenshots, "3-document")

    finding.locator("a.goto").click()
    page.wait_for_url("**/tables/performance_project?finding=*")
    target = page.locator("#target")
    expect(target).to_have_class("block hl-block")
    expect(target.locator("h2")).to_contain_text("2023年市中小微发展专项(第四批-灾后重建方向)")
    expect(target.locator("td.hl-cell")).to_have_text("500 万元")
    expect(target.locator("tr.hl th")).to_have_text("资金总额")
    expect(target.locator("td.hl-cell")).to_be_in_viewport()
    expect(page.locator(".finding-box .message")).to_contain_text("400.00")
    shoot(page, screenshots, "4-table-highlighted")

    page.go_back()
    with page.expect_download(timeout=120_000) as download:
        page.click("text=公开文件 PDF")
    saved = tmp_path / "download.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename.endswith(".pdf")

    page.goto(live_server.url + "/archive?region=重庆市潼南区&year=2024")
    expect(page.locator("table.list tbody tr")).to_have_count(3)
    shoot(page, screenshots, "5-archive")
    page.click("text=对比重庆市潼南区 2024 年各部门")
    expect(page.locator(".chart svg").first).to_be_visible()
    expect(page.locator("h2").first).to_contain_text("各部门预算对比")
    shoot(page, screenshots, "6-compare-region")
    page.goto(live_server.url + f"/compare?department={SEED_DEPARTMENT}")
    expect(page.locator("table.grid").first.locator("tbody tr")).to_have_count(3)
    shoot(page, screenshots, "7-compare-years")


def test_a_pdf_finding_is_marked_on_the_page_image(live_server, http, browser_page, screenshots):
    job = add(http, "支出总表.pdf", small_pdf()[0])
    findings = http.get(f"/api/documents/{job['document_id']}").json()["findings"]
    row_sum = next(f for f in findings if f["rule"] == "ARITH-ROW-SUM" and f["code"] == "2011301")
    page = browser_page
    page.goto(f"{live_server.url}/documents/{job['document_id']}")
    page.locator(f"#finding-{row_sum['ordinal']} a.goto").click()
    expect(page.locator("#target td.hl-cell")).to_have_text("358.87")
    image = page.locator(".page-image svg image")
    expect(image).to_be_visible()
    expect(page.locator(".page-image rect.mark")).to_be_visible()
    page.wait_for_load_state("networkidle")  # the page image has arrived (a refused one is a console error)
    shoot(page, screenshots, "8-pdf-cell-marked")


def test_logging_in_with_a_token_then_uploading(tmp_path, screenshots):
    """With tokens, the browser is sent to /login, logs in (the cookie), uploads through the page, logs out."""
    from .helpers import LiveServer, settings_for

    admin = "browser-admin-token-0123456789"
    errors: list[str] = []
    with LiveServer(settings_for(tmp_path, tokens=((admin, "admin"),))) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 820}, locale="zh-CN").new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server.url + "/archive")
        page.wait_for_url("**/login?next=*")
        page.fill("input[name=token]", "wrong-token-0123456789abcdef")
        page.click("form.login button[type=submit]")
        expect(page.locator(".error-box")).to_contain_text("令牌不正确")
        errors.clear()  # the 401 of the wrong token is reported on the console: expected here
        page.fill("input[name=token]", admin)
        shoot(page, screenshots, "9-login")
        page.click("form.login button[type=submit]")
        page.wait_for_url("**/archive")
        assert page.evaluate("document.cookie") == ""  # HttpOnly: no script sees the token
        page.goto(server.url + "/")
        page.set_input_files("input[name=files]", str(SEED))
        page.click("#upload-form button[type=submit]")
        page.wait_for_url("**/uploads?jobs=*")
        expect(page.locator(".job-link")).to_be_visible(timeout=60_000)
        page.click("header .account button")
        page.wait_for_url("**/login")
        page.goto(server.url + "/")
        page.wait_for_url("**/login?next=*")
        browser.close()
    assert errors == []
