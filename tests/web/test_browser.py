"""/docs in a real browser: headless Chromium (Debian's, /usr/bin/chromium) driven by Playwright.

The explorer renders every operation of the contract, offline (every file from the
service, nothing blocked by its Content-Security-Policy), and try-it-out works with
an API key given to "Authorize". Skipped when Chromium or Playwright is absent.
"""

import os
import threading

import pytest
from werkzeug.serving import make_server

from ..apps import add_key, make_app, reset_database
from ..contract import METHODS, SPEC

CHROMIUM = "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="no Chromium at /usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS += ["--disable-component-update"]


@pytest.fixture
def served(tmp_path):
    """The app on a real port (SQLite file): (base URL, an ingest key's token)."""
    app = make_app(f"sqlite:///{tmp_path}/docs.db")
    reset_database(app)
    token = add_key(app, "browser", "ingest")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", token
    server.shutdown()
    thread.join(5)


@pytest.fixture
def page():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
        yield page
        browser.close()


def test_the_explorer_renders_every_operation_offline(served, page):
    base, _ = served
    page.goto(f"{base}/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    rendered = set(page.eval_on_selector_all(".opblock", "els => els.map(e => e.id)"))
    for item in SPEC["paths"].values():
        for method, op in item.items():
            if method in METHODS:
                assert f"operations-{op['tags'][0]}-{op['operationId']}" in rendered, op["operationId"]
    assert page.locator("button.authorize").count() == 1  # the API key scheme
    page.locator("#operations-facts-updateClaim .opblock-summary").click()
    parameters = page.locator("#operations-facts-updateClaim .parameters").inner_text()
    assert "claim_id" in parameters and "(path)" in parameters  # path parameters resolve
    page.locator("#operations-facts-listClaims .opblock-summary").click()
    assert "in_review" in page.locator("#operations-facts-listClaims .parameters").inner_text()  # enums
    assert not page.problems, page.problems


def test_try_it_out_sends_the_api_key(served, page):
    base, token = served
    page.goto(f"{base}/docs")
    page.click("button.authorize")
    page.fill(".auth-container input", token)
    page.click(".auth-btn-wrapper button.authorize")
    page.click("button.btn-done")
    operation = page.locator("#operations-extraction-extractQuotes")
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("textarea.body-param__text").fill('{"text": "“We will win,” said Ann Lee."}')
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=30_000)
    assert status.inner_text().strip().startswith("200")
    assert "Ann Lee" in operation.locator(".live-responses-table .microlight").first.inner_text()
    assert not page.problems, page.problems
