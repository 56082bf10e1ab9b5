"""Turn a reader's text, title and stated metadata into an ``Article``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.errors import UnreadableInput
from claimgraph.ingest.boilerplate import lines_of, self_referenced_outlet, set_apart_spans
from claimgraph.ingest.formats import Format
from claimgraph.ingest.identity import article_id
from claimgraph.ingest.junk import no_body_reason
from claimgraph.ingest.language import guess_language
from claimgraph.ingest.limits import text_problem, without_surrogates
from claimgraph.ingest.metadata import MetadataWarning, MetaLayer, merge_layers
from claimgraph.model import Article, Span

ReadItem = Article | UnreadableInput | MetadataWarning
"""What reading yields: an article, an input that cannot be read, or a dropped value."""


@dataclass(frozen=True)
class Source:
    """One input as read: where it came from, its bytes and decoded text.

    ``layers`` holds the metadata given from outside the source, highest precedence
    first (the user's overrides, then the sidecar).
    """

    path: str
    raw: bytes
    text: str
    layers: tuple[MetaLayer, ...] = ()


def assemble_article(
    text: str,
    *,
    title: Span | None,
    source: Source,
    source_format: Format,
    stated: MetaLayer | None = None,
) -> Article:
    """The ``Article`` for ``text``: boilerplate set apart, metadata merged, id hashed.

    Raises ``UnreadableInput`` for a text no article can hold (``limits.text_problem``).
    """
    text = without_surrogates(text)
    problem = text_problem(text)
    if problem is not None:
        raise UnreadableInput(source.path, problem)
    if title is not None:
        title = Span.of(text, title.start, title.end)
    set_apart = set_apart_spans(text, keep=title)
    layers = [*source.layers, stated] if stated is not None else [*source.layers]
    metadata = merge_layers(
        layers,
        source_path=source.path,
        source_format=source_format.value,
        self_referenced=self_referenced_outlet(set_apart),
    )
    if metadata.language is None:
        metadata = metadata.model_copy(update={"language": guess_language(text)})
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        set_apart=set_apart,
        metadata=metadata,
        no_body=no_body_reason(text, title.text if title is not None else None),
    )


def first_line_span(text: str) -> Span | None:
    """The first non-blank line of ``text`` (whitespace trimmed) as a span."""
    lines = lines_of(text)
    return Span.of(text, lines[0].start, lines[0].end) if lines else None


def title_span(text: str, title: str | None) -> Span | None:
    """The span of ``title`` where it is the first line of ``text``, else ``None``."""
    first = first_line_span(text)
    if first is None or title is None or not title.strip():
        return None
    return first if _same_words(first.text, title) else None


def with_title(body: str, title: str | None) -> tuple[str, Span | None]:
    """``body`` with ``title`` as its first line (added unless already there), and its span."""
    found = title_span(body, title)
    if found is not None or title is None or not title.strip():
        return body, found
    clean_title = " ".join(title.split())
    text = f"{clean_title}\n{body}" if body.strip() else clean_title
    return text, Span.of(text, 0, len(clean_title))


def _same_words(first: str, second: str) -> bool:
    return _words(first) == _words(second)


def _words(text: str) -> Sequence[str]:
    return text.casefold().split()
