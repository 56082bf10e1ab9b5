"""URLs of the app's pages, built in one place so every link has the same shape."""

from __future__ import annotations

from urllib.parse import quote

from claimgraph.model import Span
from claimgraph.web.highlight import span_anchor


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def article_url(article_id: str, kind: str | None = None, span: Span | None = None) -> str:
    """The article page, scrolled to a highlighted span: ``/articles/ID#q123-140``."""
    url = f"/articles/{quote(article_id, safe='')}"
    return f"{url}#{span_anchor(kind, span)}" if kind and span else url


def entity_url(name: str) -> str:
    return f"/entities/{quote(name, safe='')}"
