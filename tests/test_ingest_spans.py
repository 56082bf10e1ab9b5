"""Every span any reader produces points at its own words: text[start:end] == span.text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import MetadataWarning, article_id, read_paths
from claimgraph.ingest.boilerplate import set_apart_spans
from claimgraph.model import Article, Span


def assert_spans_hold(article: Article) -> None:
    spans: list[Span] = [*article.set_apart]
    if article.title is not None:
        spans.append(article.title)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(article.text)
        assert article.text[span.start : span.end] == span.text, span
    assert article.id == article_id(article.text)
    assert len(article.analysable_text()) == len(article.text)


def test_ingest_spans_hold_for_every_reader(ingest_resources: Path, seeds_dir: Path) -> None:
    items = list(read_paths([str(ingest_resources), str(seeds_dir)]))
    articles = [item for item in items if isinstance(item, Article)]
    formats = {article.metadata.source_format for article in articles}
    assert formats == {"text", "html", "feed", "jsonl"}
    for article in articles:
        assert_spans_hold(article)
    assert all(isinstance(item, Article | UnreadableInput | MetadataWarning) for item in items)


def test_ingest_spans_set_apart_do_not_overlap_title(ingest_resources: Path) -> None:
    for item in read_paths([str(ingest_resources)]):
        if isinstance(item, Article) and item.title is not None:
            assert all(span.start >= item.title.end for span in item.set_apart)


LINE = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.sampled_from(
        [
            "Read the full article here",
            "Sign up for our newsletter",
            "Some headline words here (Valley Herald)",
            "Related:",
            "  \t ",
        ]
    ),
)


@given(st.lists(LINE, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_ingest_spans_set_apart_property(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    for span in set_apart_spans(text):
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip() and span.text
