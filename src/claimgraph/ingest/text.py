"""Plain-text articles: the first non-blank line is the title, the rest the body."""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.ingest.assemble import ReadItem, Source, assemble_article, first_line_span
from claimgraph.ingest.formats import Format


def read_text(source: Source) -> Iterator[ReadItem]:
    """The one article in a plain-text source; its text is the whole decoded file."""
    yield assemble_article(
        source.text,
        title=first_line_span(source.text),
        source=source,
        source_format=Format.TEXT,
    )
