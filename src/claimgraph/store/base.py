"""The store interface: what analysis, linking and presentation need from storage.

Two protocols: ``ArticleStore`` (articles, appearances, analyses) and ``LinkState``
(stories, pins, the re-link queue and terms); ``Store`` is both, as every backend is.
Code that only ingests is typed against ``ArticleStore``. SQLite is the embedded
default (``sqlite.py``); other backends implement the same protocols so that no
analysis or linking code changes with the backend.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from enum import StrEnum
from typing import Protocol

from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryOverride, StoryReport


class AddOutcome(StrEnum):
    """What adding one article did."""

    NEW = "new"  # a text not seen before
    NEW_APPEARANCE = "new_appearance"  # a known text under another outlet/url (syndication)
    DUPLICATE = "duplicate"  # seen before with the same metadata: nothing written


class ArticleStore(Protocol):
    """Articles, their appearances and their analyses: what ingest writes and reads."""

    path: str  # what messages show: a file path, or a URL without its password

    def has_analysis(self, article_id: str) -> bool: ...

    def add_article(self, article: Article, analysis: ArticleAnalysis) -> AddOutcome:
        """Write one article, its appearance and its analysis in one transaction."""
        ...

    def add_appearance(self, article_id: str, metadata: Metadata) -> AddOutcome:
        """Record another appearance of an already stored text."""
        ...

    def correct_metadata(
        self, article: Article, old: Metadata, analysis: ArticleAnalysis | None
    ) -> None:
        """Replace the appearance ``old`` of ``article`` by ``article.metadata`` (and the
        article's own record), with a new ``analysis`` when one is given; queue a re-link."""
        ...

    def article(self, article_id: str) -> Article: ...

    def analysis(self, article_id: str) -> ArticleAnalysis: ...

    def appearances(self, article_id: str) -> tuple[Metadata, ...]: ...

    def iter_articles(self) -> Iterator[tuple[Article, ArticleAnalysis]]:
        """Every stored article with its analysis, in ingest order."""
        ...

    def article_count(self) -> int: ...

    def articles_by_id(self, ids: Sequence[str]) -> list[tuple[Article, ArticleAnalysis]]:
        """The analysed articles among ``ids``, in the order given."""
        ...

    def appearances_by_id(self, ids: Sequence[str]) -> dict[str, tuple[Metadata, ...]]:
        """``appearances`` of each of ``ids`` (an empty tuple for none), in fewer queries."""
        ...

    def close(self) -> None: ...


class LinkState(Protocol):
    """The linked stories, the user's pins, and what the next re-link must redo
    (``claimgraph.link.relinking``; the tables are in ``store/link_state.py``)."""

    path: str

    def replace_story_reports(self, reports: Sequence[StoryReport]) -> None:
        """Replace the linked stories in one transaction."""
        ...

    def story_reports(self) -> list[StoryReport]: ...

    def stories_version(self) -> int:
        """A number that changes whenever the stored stories are replaced (cheap to read)."""
        ...

    def story_report_rows(self) -> list[tuple[str, str]]:
        """``(story_id, report_json)`` in report order, for readers that cache parses."""
        ...

    def story_reports_for(self, story_ids: Collection[str]) -> list[StoryReport]: ...

    def add_story_override(self, override: StoryOverride) -> None:
        """Record a user's merge, split or pin; applied at every re-link."""
        ...

    def story_overrides(self) -> list[StoryOverride]: ...

    def link_version(self) -> int: ...

    def changed_articles(self) -> tuple[int, frozenset[str]]:
        """Articles whose analysis or appearances changed since the last re-link, with
        the queue position up to which they were read."""
        ...

    def clear_link_terms(self) -> None: ...

    def articles_without_terms(
        self, after_seq: int, limit: int
    ) -> list[tuple[int, Article, ArticleAnalysis]]: ...

    def put_link_terms(self, rows: Sequence[tuple[str, str, str, str]]) -> None: ...

    def link_terms(self) -> Iterator[tuple[str, int, str, str, str]]:
        """``(article_id, seq, published, words_json, specific_json)`` by date, then id."""
        ...

    def story_inputs(self) -> dict[str, str | None]: ...

    def begin_staging(self) -> None: ...

    def stage_story_reports(self, rows: Sequence[tuple[str, str, str]]) -> None: ...

    def commit_story_reports(
        self,
        *,
        expected_version: int,
        removed: Sequence[str],
        positions: Sequence[tuple[str, int]],
        watermark: int,
        link_version: int,
    ) -> None: ...


class Store(ArticleStore, LinkState, Protocol):
    """Both halves on one connection: what re-linking, reports and the web read."""
