"""Ingest from a real browser (Debian's chromium through Playwright): the same-origin
form post is accepted, a cross-site one refused.

Chromium sends ``Origin: null`` on a same-origin post from a page served with
``Referrer-Policy: no-referrer``, which the CSRF check has to refuse; the app's policy
is ``same-origin`` so that the real origin is sent.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import free_port, serve_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
ARTICLE = (
    "Harbor crane collapses\n"
    "The port authority said on Tuesday that at least 12 workers were hurt when a crane "
    "fell onto a cargo ship.\n"
)
PASTED = (
    "Crane inquiry opens\nA union spokesman said on Wednesday that 20 workers needed "
    "treatment after the crane fell.\n"
)

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")


@pytest.fixture()
def ingest_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    from claimgraph.web.app import create_app
    from claimgraph.web.config import WebConfig

    db = tmp_path / "cg.db"
    with serve_app(create_app(WebConfig(db=str(db), allow_ingest=True))) as base:
        yield base, db


@pytest.fixture()
def page() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context()
        yield context.new_page()
        context.close()
        browser.close()


def stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def test_web_browser_ingest_same_origin_upload_and_paste(
    ingest_server: tuple[str, Path], page: Any, tmp_path: Path
) -> None:
    base, db = ingest_server
    upload = tmp_path / "crane.txt"
    upload.write_text(ARTICLE, encoding="utf-8")
    page.goto(base + "/ingest")
    page.set_input_files('input[type="file"]', str(upload))
    page.fill('textarea[name="text"]', PASTED)
    page.click('button[type="submit"]')
    result = page.wait_for_selector("#ingest-result", timeout=120_000)
    assert "2 new" in result.inner_text(), result.inner_text()
    assert stored(db) == 2


def test_web_browser_ingest_cross_site_post_is_refused(
    ingest_server: tuple[str, Path], page: Any
) -> None:
    base, db = ingest_server
    before = stored(db)
    evil = f"http://localhost:{free_port()}/evil.html"  # another origin than the server's
    form = (
        f'<form id="f" action="{base}/ingest" method="post" enctype="multipart/form-data">'
        '<textarea name="text">Planted\nThe minister said 99 people were paid.</textarea>'
        "</form><script>document.getElementById('f').submit()</script>"
    )
    page.route(evil, lambda route: route.fulfill(body=form, content_type="text/html"))
    with page.expect_navigation(url=f"{base}/ingest"):
        page.goto(evil)
    assert "cross-site ingest request refused" in page.content()
    assert stored(db) == before
