"""The server-rendered pages in process: what each page shows, escaping, anchors."""

from __future__ import annotations

import re

import pytest

from conftest import WEB_LEDGER, WEB_WIRE, WEB_XSS, make_web_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
HTML = {"accept": "text/html"}


def main_html(web_client, path: str) -> str:  # type: ignore[no-untyped-def]
    response = web_client.get(path, headers=HTML)
    assert response.status_code == 200, response.text
    return response.text


def test_web_stories_list_searches(web_client) -> None:  # type: ignore[no-untyped-def]
    page = main_html(web_client, "/stories?q=saltmarsh")
    assert "Ferry Saltmarsh capsizes" in page and "Harbor fire" not in page
    page = main_html(web_client, "/stories?outlet=Valley+Wire&since=2026-03-01&until=bad-date")
    assert "Ferry Saltmarsh capsizes" in page


def test_web_stories_list_orders_newest_or_most_contested(web_client) -> None:  # type: ignore[no-untyped-def]
    newest = main_html(web_client, "/")
    assert newest.index("Harbor fire") < newest.index("Ferry Saltmarsh")
    contested = main_html(web_client, "/stories?sort=contested")
    assert contested.index("Ferry Saltmarsh") < contested.index("Harbor fire")


def test_web_story_page_shows_every_section(web_client) -> None:  # type: ignore[no-untyped-def]
    page = main_html(web_client, "/stories/s1")
    assert page.count('<table class="figures stack sortable">') == 2  # one table per group
    # Each group answers first: its range, then a chart of its dated figures.
    assert '<strong class="range">≥ 40 to ~60</strong>' in page
    assert page.count('<svg class="figure-chart"') == 1  # the repair cost is undated
    assert "≥ 40" in page and "$64.1 billion" in page  # the report helpers' wording
    assert "the coast guard says at least 40 missing" in page  # discrepancy reason
    assert "the operator" in page and "that it ignored safety warnings" in page  # denial
    assert "2 independent sources" in page  # the record's corroboration for g1
    assert "1 independent source " in page  # g2 has none recorded: distinct sources
    assert '<svg class="citation-graph"' in page and "node-outlet" in page
    assert "10 March 2026" in page and "the ferry Saltmarsh capsized" in page  # timeline


def test_web_story_figures_link_to_their_spans(web_client) -> None:  # type: ignore[no-untyped-def]
    page = main_html(web_client, "/stories/s1")
    assert f'href="/articles/{WEB_LEDGER}#q30-41"' in page
    article = main_html(web_client, f"/articles/{WEB_LEDGER}")
    assert 'id="q30-41"' in article
    for anchor in re.findall(rf'/articles/{WEB_WIRE}#([a-z]\d+-\d+)"', page):
        assert f'id="{anchor}"' in main_html(web_client, f"/articles/{WEB_WIRE}")


def test_web_article_highlights_overlapping_spans(web_client) -> None:  # type: ignore[no-untyped-def]
    page = main_html(web_client, f"/articles/{WEB_LEDGER}")
    for kind in ("source", "cue", "content", "quantity", "date"):
        assert f"m m-{kind}" in page
    # The date "capsized on Tuesday" crosses the end of the quote: split in two pieces,
    # the id on the first only, both marked with data-a for the script.
    assert page.count('id="d87-106"') == 1 and page.count('data-a="d87-106"') == 2


def test_web_untrusted_text_is_escaped_everywhere(web_client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/stories", "/stories/s2", f"/articles/{WEB_XSS}", "/entities"):
        page = main_html(web_client, path)
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert 'href="javascript:' not in page, path
        assert "<b>Times</b>" not in page
        scripts = re.findall(r"<script[^>]*>", page)
        assert scripts == ['<script src="/static/app.js" defer>'], path
    assert "&lt;script&gt;alert(&#39;title&#39;)" in main_html(web_client, "/stories/s2")


def test_web_entity_page_lists_statements_across_stories(web_client) -> None:  # type: ignore[no-untyped-def]
    page = main_html(web_client, "/entities/the%20operator")
    assert "it had ignored safety warnings" in page
    assert f"/articles/{WEB_LEDGER}#t150-180" in page
    governor = main_html(web_client, "/entities/the%20governor")
    assert f"/articles/{WEB_WIRE}#q145-148" in governor


def test_web_unknown_page_is_an_html_error_without_trace(web_client) -> None:  # type: ignore[no-untyped-def]
    response = web_client.get("/stories/nope", headers=HTML)
    assert response.status_code == 404
    assert "no story with id" in response.text and "Traceback" not in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_web_ingest_form_is_off_when_read_only(web_client) -> None:  # type: ignore[no-untyped-def]
    page = main_html(web_client, "/ingest")
    assert "Ingest is off" in page and '<form class="ingest"' not in page
    assert web_client.post("/ingest", data={"text": "x"}).status_code == 403


def test_web_static_assets_are_bundled(web_client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/static/app.css", "/static/app.js"):
        assert web_client.get(path).status_code == 200
    for path in ("/stories", "/stories/s1", f"/articles/{WEB_LEDGER}"):
        page = main_html(web_client, path)
        # Nothing loads from elsewhere (links to an article's own web address are fine).
        assert not re.search(r'(src="|<link[^>]*href=")(https?:)?//', page), path


def test_web_ingest_form_posts_to_the_library(fresh_web_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimgraph.web.ingest_service as service
    from test_api_routes import fake_library

    calls: list[list[str]] = []
    monkeypatch.setattr(service, "library", fake_library(calls))
    client = make_web_client(fresh_web_db, allow_ingest=True)
    assert '<form class="ingest"' in main_html(client, "/ingest")
    files = [("files", ("", b"", "application/octet-stream"))]  # no file chosen
    response = client.post("/ingest", files=files, data={"text": "Pasted story."}, headers=HTML)
    assert response.status_code == 200 and "1 read: 1 new" in response.text
    assert calls == [["pasted.txt"]]
    refused = client.post(
        "/ingest", files=[("files", ("a.pdf", b"%PDF", "application/pdf"))], headers=HTML
    )
    assert refused.status_code == 415 and "unsupported file type" in refused.text
