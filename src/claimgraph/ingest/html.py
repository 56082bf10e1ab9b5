"""HTML pages: trafilatura finds the article text and metadata, htmldate its date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import htmldate
import trafilatura
from trafilatura.utils import load_html

from claimgraph.errors import UnreadableInput
from claimgraph.ingest.assemble import ReadItem, Source, assemble_article, with_title
from claimgraph.ingest.formats import Format
from claimgraph.ingest.metadata import (
    MetaLayer,
    dropped_warnings,
    outlet_from_host,
    stated_layer,
)

_NO_TEXT = "no article text found in the HTML (malformed, empty or not an article page)"
_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def read_html(source: Source) -> Iterator[ReadItem]:
    """The article in an HTML page, or ``UnreadableInput`` when it holds no text.

    A date or URL in the page's metadata that is invalid is dropped with a
    ``MetadataWarning``.

    ``Article.text`` is the text trafilatura extracted, with the page title as its
    first line (prepended when the extracted text does not start with it).
    """
    if "<" not in source.text:
        yield UnreadableInput(source.path, "no HTML markup found; is this a plain-text file?")
        return
    try:
        items = _page_items(source)
    except Exception as error:  # lxml and the extractors raise assorted errors on odd markup
        yield UnreadableInput(source.path, f"HTML could not be parsed ({type(error).__name__})")
        return
    yield from items


def _page_items(source: Source) -> list[ReadItem]:
    document = trafilatura.bare_extraction(
        source.text, with_metadata=True, include_comments=False, include_tables=True
    )
    body = _string(document, "text")
    if body is None:
        return [UnreadableInput(source.path, _NO_TEXT)]
    stated = _stated_metadata(document, source.text)
    text, title = with_title(body, _string(document, "title"))
    article = assemble_article(
        text, title=title, source=source, source_format=Format.HTML, stated=stated
    )
    return [*dropped_warnings(source.path, stated), article]


def _stated_metadata(document: Any, page: str) -> MetaLayer:
    """What the page says about itself: URL, site name, language, original date."""
    tree = load_html(page)  # a tree, not the string: htmldate fetches strings that look like URLs
    stated = stated_layer(
        url=_string(document, "url"),
        language=_string(document, "language") or _page_language(tree),
        published=_original_date(tree),
    )
    sitename = _string(document, "sitename")
    if sitename is None:
        return stated
    if _DOMAIN_LIKE.match(sitename):
        # trafilatura falls back to the host name when the page names no site
        return replace(stated, outlet=outlet_from_host(sitename), outlet_inferred=True)
    return replace(stated, outlet=sitename)


def _original_date(tree: Any) -> str | None:
    """The first publication date from the page's own markup (not the last update).

    ``extensive_search`` is off: it reads dates from free text and copyright lines,
    which is guessing.
    """
    if tree is None:
        return None
    found = htmldate.find_date(tree, original_date=True, extensive_search=False)
    return found if isinstance(found, str) else None


def _page_language(tree: Any) -> str | None:
    if tree is None:
        return None
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang if isinstance(lang, str) else None


def _string(document: Any, name: str) -> str | None:
    value = getattr(document, name, None) if document is not None else None
    return value if isinstance(value, str) and value.strip() else None
