"""One text read from plain text, HTML and an RSS feed is one article (one id)."""

from __future__ import annotations

import html
from pathlib import Path

from claimgraph.ingest.read import read_paths
from claimgraph.model import Article

TITLE = "Ferry capsizes in the Farrow Strait, at least 40 missing"
PARAGRAPHS = [
    "At least 40 people are missing after the passenger ferry Osprey Bay capsized in heavy "
    "seas on Tuesday afternoon, the coast guard said.",
    "The vessel was carrying 212 passengers and crew, a port official told the newspaper.",
    "Coast guard spokesman Tomas Reinholt said 152 people had been rescued by the evening.",
]


def write_formats(folder: Path) -> list[Path]:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in PARAGRAPHS)
    text = folder / "story.txt"
    text.write_text(TITLE + "\n" + "\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    page = folder / "story.html"
    page.write_text(
        f"<!doctype html><html><head><title>{html.escape(TITLE)}</title></head><body>"
        f"<nav>Home | World</nav><article><h1>{html.escape(TITLE)}</h1>\n{body}</article>"
        "<footer>All rights reserved</footer></body></html>",
        encoding="utf-8",
    )
    feed = folder / "story.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><item>'
        f"<title>{html.escape(TITLE)}</title><link>https://ledger.example/ferry</link>"
        f"<description>{html.escape(body)}</description></item></channel></rss>",
        encoding="utf-8",
    )
    return [text, page, feed]


def test_ingest_identity_one_text_in_three_formats_is_one_article(tmp_path: Path) -> None:
    read = list(read_paths([str(p) for p in write_formats(tmp_path)], published="2026-03-10"))
    articles = [a for a in read if isinstance(a, Article)]
    assert sorted(a.metadata.source_format or "" for a in articles) == ["feed", "html", "text"]
    assert len({a.id for a in articles}) == 1
