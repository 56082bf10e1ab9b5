"""In a real browser: Debian's chromium driven by Playwright against a uvicorn server.

Never a downloaded browser: ``executable_path`` is the system chromium, skipped with a
reason when it is not installed (``apt-get install -y chromium``). Screenshots go to
``$CLAIMGRAPH_SCREENSHOTS`` when set, else to ``tests/artifacts/screenshots/`` (ignored by
git; CI keeps them with the run). Accessibility is checked with axe-core, the copy the
pinned dev dependency ``axe-playwright-python`` ships as ``axe.min.js`` (offline).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, WEB_LEDGER, WEB_XSS, serve_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HIGHLIGHT = "rgb(255, 212, 59)"  # .m:target background in app.css

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    from claimgraph.web.app import create_app
    from claimgraph.web.config import WebConfig

    with serve_app(create_app(WebConfig(db=str(web_db))), log_level="warning") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    default = REPO / "tests" / "artifacts" / "screenshots"
    folder = Path(os.environ.get("CLAIMGRAPH_SCREENSHOTS") or default)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def static_report(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The HTML report of the same store, as ``claimgraph report --format html`` writes it."""
    from contextlib import closing

    from claimgraph.reporting import render
    from claimgraph.store import open_store

    path = tmp_path_factory.mktemp("report") / "report.html"
    with closing(open_store(web_db)) as store:
        path.write_text(render(store, store.story_reports(), "html"), encoding="utf-8")
    return path.as_uri()


PAGES = {
    "story": "/stories/s1",
    "article": f"/articles/{WEB_LEDGER}",
    "entity": "/entities/the%20operator",  # one with statements, by stance, outlet, date
    "stories": "/stories",
    "entities": "/entities",
}
WIDTHS = (390, 1366, 1920)


def page_url(server: str, report: str, name: str) -> str:
    return report if name == "report" else server + PAGES[name]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*PAGES, "report"])
def test_web_browser_no_horizontal_scroll(
    server: str, static_report: str, browser: Any, shots: Path, name: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(page_url(server, static_report, name))
    page.wait_for_load_state("load")
    page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    # Elements sticking out of the page to the right, to say what overflows when it fails.
    wide = page.evaluate(
        """w => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > w + 1)
            .slice(0, 5).map(e => e.tagName + '.' + e.className)""",
        width,
    )
    context.close()
    assert scroll <= width, (name, width, scroll, wide)


def axe_source() -> str:
    from importlib.resources import files

    axe = pytest.importorskip("axe_playwright_python", reason="axe-playwright-python missing")
    return (files(axe) / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [*PAGES, "report"])
def test_web_browser_axe_finds_no_serious_violation(
    server: str, static_report: str, browser: Any, name: str
) -> None:
    # The page's Content-Security-Policy forbids injected scripts: axe runs with it bypassed.
    context = browser.new_context(viewport={"width": 1366, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(page_url(server, static_report, name))
    page.add_script_tag(content=axe_source())
    found = page.evaluate("async () => (await axe.run(document)).violations")
    context.close()
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


def test_web_browser_story_figure_click_highlights_span(
    server: str, page: Any, shots: Path
) -> None:
    page.goto(server + "/")
    page.click("text=Ferry Saltmarsh capsizes")
    page.wait_for_selector("table.figures")
    assert page.locator("svg.citation-graph").count() == 1
    page.screenshot(path=str(shots / "story.png"), full_page=True)
    page.click(f'a.figure-link[href="/articles/{WEB_LEDGER}#q30-41"]')
    page.wait_for_url(f"**/articles/{WEB_LEDGER}#q30-41")
    target = page.locator(":target")
    assert target.get_attribute("id") == "q30-41" and target.inner_text() == "At least 40"
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == HIGHLIGHT
    page.screenshot(path=str(shots / "article.png"), full_page=True)


def test_web_browser_split_span_is_highlighted_whole(server: str, page: Any) -> None:
    page.goto(f"{server}/articles/{WEB_LEDGER}#d87-106")
    pieces = page.locator('[data-a="d87-106"]')
    pieces.first.wait_for()
    page.wait_for_function("document.querySelectorAll('.is-target').length >= 2")
    assert pieces.count() == 2
    assert [
        pieces.nth(i).evaluate("el => el.classList.contains('is-target')") for i in range(2)
    ] == [True, True]


def test_web_browser_search(server: str, page: Any) -> None:
    page.goto(server + "/stories")
    page.fill('.quick-search input[name="q"]', "governor")
    page.press('.quick-search input[name="q"]', "Enter")
    page.wait_for_url("**/stories?q=governor")
    titles = page.locator("a.story-link").all_inner_texts()
    assert titles == ["Ferry Saltmarsh capsizes"]


def test_web_browser_xss_article_stays_inert(server: str, page: Any, shots: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/stories", "/entities", "/stories/s2", f"/articles/{WEB_XSS}"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        scripts = page.evaluate("[...document.scripts].map(s => s.src)")
        assert scripts == [server + "/static/app.js"], path
        assert page.locator("img").count() == 0, path
        assert page.locator('a[href^="javascript:"]').count() == 0, path
    page.screenshot(path=str(shots / "xss.png"), full_page=True)
    # The story's title is shown as text, exactly as the article wrote it.
    page.goto(server + "/stories/s2")
    assert page.locator("h1").inner_text() == "<script>alert('title')</script> Harbor fire"
    page.wait_for_timeout(200)
    assert dialogs == []


def test_web_browser_columns_sort_on_a_click(server: str, page: Any) -> None:
    page.goto(server + "/stories/s1")
    table = page.locator("table.figures").first
    values = "els => els.map(e => e.getAttribute('data-sort'))"
    # Served by date, then value: 40 (10 March), then 60 and 100 (11 March).
    assert table.locator("td.value").evaluate_all(values) == ["40", "60", "100"]
    table.locator("th button.sort", has_text="Value").click()
    assert table.locator("td.value").evaluate_all(values) == ["40", "60", "100"]
    table.locator("th button.sort", has_text="Value").click()
    assert table.locator("td.value").evaluate_all(values) == ["100", "60", "40"]
    header = table.locator("th", has_text="Value")
    assert header.get_attribute("aria-sort") == "descending"
    table.locator("th button.sort", has_text="Source").click()
    sources = table.locator("td[data-label='Source']").all_inner_texts()
    assert sources == sorted(sources)
