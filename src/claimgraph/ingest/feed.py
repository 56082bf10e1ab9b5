"""RSS and Atom feeds: one article per entry, title plus content with HTML stripped."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import feedparser

from claimgraph.errors import UnreadableInput, failure_reason
from claimgraph.ingest.assemble import ReadItem, Source, assemble_article, with_title
from claimgraph.ingest.dates import parse_feed_date
from claimgraph.ingest.formats import Format
from claimgraph.ingest.metadata import MetaLayer, dropped_value, dropped_warnings, stated_layer


def _tag_set(names: str) -> frozenset[str]:
    return frozenset(names.split())


_BLOCK_TAGS = _tag_set(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6"
    " header hr li main nav ol p pre section table td th tr ul"
)
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})
_NOT_FEED_DATE = (
    "not an unambiguous date (RFC 822 with a four-digit year and a known zone, or ISO 8601)"
)


def read_feed(source: Source) -> Iterator[ReadItem]:
    """One article per feed entry; ``UnreadableInput`` for a feed with no entries.

    An entry's date or link that is invalid is dropped with a ``MetadataWarning``
    naming ``file:entry N``.
    """
    try:
        # Bytes in a stream: feedparser fetches strings that look like URLs or file names.
        parsed = feedparser.parse(io.BytesIO(source.raw))
    except Exception as error:  # feedparser reports most faults as "bozo", not all
        yield UnreadableInput(source.path, f"feed could not be parsed ({type(error).__name__})")
        return
    if not parsed.entries:
        yield UnreadableInput(source.path, _no_entries_reason(parsed))
        return
    channel = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source.path}:entry {number}"
        try:
            yield from _entry_items(entry, channel, source, where)
        except UnreadableInput as unreadable:
            yield UnreadableInput(where, unreadable.reason)
        except Exception as error:  # (one bad entry never costs the feed)
            yield UnreadableInput(where, failure_reason(error))


def _entry_items(entry: Any, channel: Any, source: Source, where: str) -> list[ReadItem]:
    title = html_to_text(entry.get("title") or "") or None
    body = html_to_text(_entry_html(entry))
    if not body and title is None:
        return [UnreadableInput(where, "feed entry has neither a title nor any text")]
    text, title_span = with_title(body, title)
    stated = _entry_metadata(entry, channel)
    article = assemble_article(
        text, title=title_span, source=source, source_format=Format.FEED, stated=stated
    )
    return [*dropped_warnings(where, stated), article]


def _entry_metadata(entry: Any, channel: Any) -> MetaLayer:
    """The entry's link, dates and language; the channel's title names the outlet.

    A date given but not unambiguous is dropped (noted in ``dropped``), never guessed.
    """
    stated = stated_layer(
        outlet=channel.get("title") or None,
        url=entry.get("link") or None,
        language=entry.get("language") or channel.get("language") or None,
    )
    published, published_dropped = _feed_date(entry, "published")
    if published is not None:
        return replace(stated, published=published)
    updated, updated_dropped = _feed_date(entry, "updated")
    # a feed that gives only an update time: the best available date, marked a guess
    return replace(
        stated,
        published=updated,
        published_inferred=updated is not None,
        dropped=stated.dropped + published_dropped + updated_dropped,
    )


def _feed_date(entry: Any, name: str) -> tuple[str | None, tuple[str, ...]]:
    """The entry's date ``name`` as ISO 8601, or why a date given there was dropped."""
    # dict.get: FeedParserDict.get("updated") silently answers with "published"
    raw = dict.get(entry, name)
    if not isinstance(raw, str) or not raw.strip():
        return None, ()
    parsed = parse_feed_date(raw)
    if parsed is not None:
        return parsed, ()
    return None, (dropped_value(name, raw.strip(), _NOT_FEED_DATE),)


def _entry_html(entry: Any) -> str:
    """The fullest text the entry carries: its content, else its summary."""
    contents = entry.get("content") or []
    values = [part.get("value") or "" for part in contents]
    joined = "\n".join(value for value in values if value.strip())
    return joined or entry.get("summary") or entry.get("description") or ""


def _no_entries_reason(parsed: Any) -> str:
    if parsed.get("bozo"):
        problem = " ".join(str(parsed.get("bozo_exception") or "unknown error").split())
        return f"malformed feed with no entries ({problem})"
    return "feed has no entries"


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: blocks on their own lines, spaces collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
