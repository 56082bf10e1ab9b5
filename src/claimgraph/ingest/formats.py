"""Which reader a file needs: by its extension, else by sniffing its content."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import PurePath


class Format(StrEnum):
    """The input formats ingest reads; the value is ``Metadata.source_format``."""

    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    JSONL = "jsonl"


_BY_SUFFIX = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".rdf": Format.FEED,
    ".xml": Format.FEED,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSONL,
}
_SNIFF_CHARS = 2048
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)


def format_of(path: str, text: str) -> Format:
    """The format of the file at ``path``: its extension decides, else its content."""
    known = _BY_SUFFIX.get(PurePath(path).suffix.lower())
    return known if known is not None else sniff_format(text)


def sniff_format(text: str) -> Format:
    """Guess the format from the opening of ``text`` (used for stdin and odd names)."""
    head = text.lstrip()[:_SNIFF_CHARS]
    if head.startswith("{"):
        return Format.JSONL
    if head.startswith("<"):
        return Format.FEED if _FEED_ROOT.search(head) else Format.HTML
    return Format.TEXT
