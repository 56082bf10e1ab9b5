"""HTML pages: trafilatura text and metadata, htmldate's original publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import read_paths
from claimgraph.model import Article

PARAGRAPHS = (
    "<p>The regional rail operator said on Thursday that night trains would return to the"
    " coast line in March, after two years without a sleeper service.</p>"
    "<p>Tickets go on sale next month, a spokesperson said, and the first departures are"
    " planned for the second week of March, weather permitting.</p>"
)


def read_one(path: Path) -> Article | UnreadableInput:
    (item,) = list(read_paths([str(path)]))
    return item


def page(head: str, body: str = PARAGRAPHS) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_ingest_html_text_title_and_metadata(ingest_resources: Path) -> None:
    article = read_one(ingest_resources / "page.html")
    assert isinstance(article, Article)
    assert article.title is not None
    assert article.title.text == "Lighthouse keeper honoured for rescue"
    assert article.text.startswith("Lighthouse keeper honoured for rescue\n")
    assert "lamp trained on them" in article.text
    assert "Home" not in article.text  # navigation is not article text
    meta = article.metadata
    assert meta.outlet == "Coast Courier" and not meta.outlet_inferred
    assert meta.url == "https://www.coastcourier.example/local/lighthouse-rescue"
    assert meta.language == "en"
    assert meta.source_format == "html"


def test_ingest_html_publication_date_is_original_not_modified(ingest_resources: Path) -> None:
    article = read_one(ingest_resources / "page.html")
    assert isinstance(article, Article)
    assert article.metadata.published == "2025-01-14"


def test_ingest_html_no_site_name_infers_outlet_from_domain(ingest_resources: Path) -> None:
    article = read_one(ingest_resources / "nosite.html")
    assert isinstance(article, Article)
    assert article.metadata.outlet == "tidewater-news.example"
    assert article.metadata.outlet_inferred
    assert article.metadata.published is None  # no date in the page: never the ingest time


def test_ingest_html_title_prepended_when_body_lacks_it(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(page("<title>Night trains return</title>"), encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.title is not None
    assert article.text[article.title.start : article.title.end] == "Night trains return"
    assert article.text.count("Night trains return") == 1


@pytest.mark.parametrize(
    "content",
    [
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><div",
        "<<<>>>",
    ],
)
def test_ingest_html_without_text_is_unreadable(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.html"
    path.write_text(content, encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, UnreadableInput)
    assert item.path == str(path)
    assert "no article text" in item.reason


def test_ingest_html_malformed_resource(ingest_resources: Path) -> None:
    item = read_one(ingest_resources / "malformed.html")
    assert isinstance(item, UnreadableInput)


def test_ingest_html_url_like_text_is_not_fetched(tmp_path: Path) -> None:
    # htmldate and trafilatura download strings that look like URLs; ingest never does
    path = tmp_path / "link.html"
    path.write_text("https://example.invalid/story", encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, UnreadableInput)
    assert "no HTML markup" in item.reason


def test_ingest_html_parser_crash_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise ValueError("parser exploded")

    monkeypatch.setattr("claimgraph.ingest.html.trafilatura.bare_extraction", crash)
    path = tmp_path / "p.html"
    path.write_text(page("<title>Night trains return</title>"), encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, UnreadableInput)
    assert item.reason == "HTML could not be parsed (ValueError)"
