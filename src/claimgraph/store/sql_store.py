"""The reads and writes that the SQLite and PostgreSQL stores share, written once.

Statements here use ``?`` placeholders; a backend's ``_execute`` adapts them to its
driver. What really differs between the backends (connecting, migrating, transactions,
inserting an article row, conflict clauses, locking a re-link) stays in the backend.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import ClassVar

from claimgraph.errors import NotFound
from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryOverride, StoryReport
from claimgraph.store.base import AddOutcome
from claimgraph.store.link_state import LinkStateTables
from claimgraph.store.sql_hooks import Cursor, Params, SQLHooks

__all__ = ["Cursor", "Params", "SQLHooks", "SQLStore", "appearance_key"]


def appearance_key(article_id: str, metadata: Metadata) -> str:
    """Identity of one appearance: the text plus where it appeared (outlet, url, path)."""
    parts = [article_id, metadata.outlet or "", metadata.url or ""]
    if not metadata.outlet and not metadata.url:
        parts.append(metadata.source_path or "")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class SQLStore(LinkStateTables):
    """``Store`` methods over a SQL connection; a backend supplies the hooks (``SQLHooks``)."""

    # Upsert of an article's analysis: (article_id, analysis_json).
    UPSERT_ANALYSIS_SQL: ClassVar[str]
    # Insert of an appearance that does nothing when its key is known.
    INSERT_APPEARANCE_SQL: ClassVar[str]

    # ------------------------------------------------------------------ writes

    def has_analysis(self, article_id: str) -> bool:
        row = self._execute("SELECT 1 FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, analysis: ArticleAnalysis) -> AddOutcome:
        with self._transaction():
            new = self._insert_article_row(article)
            self._execute(self.UPSERT_ANALYSIS_SQL, (article.id, analysis.model_dump_json()))
            added = self._insert_appearance(article.id, article.metadata)
            self._mark_changed(article.id, analysis=True)
        if new:
            return AddOutcome.NEW
        return AddOutcome.NEW_APPEARANCE if added else AddOutcome.DUPLICATE

    def _insert_appearance(self, article_id: str, metadata: Metadata) -> bool:
        cursor = self._execute(
            self.INSERT_APPEARANCE_SQL,
            (
                article_id,
                appearance_key(article_id, metadata),
                metadata.outlet,
                metadata.url,
                metadata.published,
                metadata.model_dump_json(),
            ),
        )
        return cursor.rowcount == 1

    def add_appearance(self, article_id: str, metadata: Metadata) -> AddOutcome:
        with self._transaction():
            added = self._insert_appearance(article_id, metadata)
            if added:
                self._mark_changed(article_id, analysis=False)
        return AddOutcome.NEW_APPEARANCE if added else AddOutcome.DUPLICATE

    def correct_metadata(
        self, article: Article, old: Metadata, analysis: ArticleAnalysis | None
    ) -> None:
        with self._transaction():
            self._execute(
                "UPDATE articles SET article_json = ? WHERE id = ?",
                (article.model_dump_json(), article.id),
            )
            self._execute(
                "DELETE FROM appearances WHERE appearance_key = ?",
                (appearance_key(article.id, old),),
            )
            self._insert_appearance(article.id, article.metadata)
            if analysis is not None:
                self._execute(self.UPSERT_ANALYSIS_SQL, (article.id, analysis.model_dump_json()))
            self._mark_changed(article.id, analysis=analysis is not None)

    def replace_story_reports(self, reports: Sequence[StoryReport]) -> None:
        with self._transaction():
            self._lock_story_reports()
            self._execute("DELETE FROM story_reports")
            self._execute_many(
                "INSERT INTO story_reports (story_id, position, report_json) VALUES (?, ?, ?)",
                [(r.story.id, i, r.model_dump_json()) for i, r in enumerate(reports)],
            )
            self._execute("UPDATE store_meta SET value = value + 1 WHERE key = 'stories_version'")

    def add_story_override(self, override: StoryOverride) -> None:
        self._execute(
            "INSERT INTO story_overrides (action, article_ids_json) VALUES (?, ?)",
            (override.action, json.dumps(list(override.article_ids))),
        )

    # ------------------------------------------------------------------ reads

    def story_overrides(self) -> list[StoryOverride]:
        rows = self._execute(
            "SELECT action, article_ids_json FROM story_overrides ORDER BY seq"
        ).fetchall()
        return [StoryOverride(action=a, article_ids=tuple(json.loads(ids))) for a, ids in rows]

    def article(self, article_id: str) -> Article:
        row = self._execute(
            "SELECT article_json FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r} in {self.path}")
        return Article.model_validate_json(row[0])

    def analysis(self, article_id: str) -> ArticleAnalysis:
        row = self._execute(
            "SELECT analysis_json FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no analysis for article {article_id!r} in {self.path}")
        return ArticleAnalysis.model_validate_json(row[0])

    def appearances(self, article_id: str) -> tuple[Metadata, ...]:
        rows = self._execute(
            "SELECT metadata_json FROM appearances WHERE article_id = ? "
            f"ORDER BY {self.APPEARANCE_ORDER}",
            (article_id,),
        ).fetchall()
        return tuple(Metadata.model_validate_json(row[0]) for row in rows)

    def iter_articles(self) -> Iterator[tuple[Article, ArticleAnalysis]]:
        # Iterated, not fetched whole: SQLite streams the rows as they are read.
        rows = self._execute(
            "SELECT a.article_json, n.analysis_json FROM articles a "
            "JOIN analyses n ON n.article_id = a.id ORDER BY a.seq"
        )
        for article_json, analysis_json in rows:
            yield (
                Article.model_validate_json(article_json),
                ArticleAnalysis.model_validate_json(analysis_json),
            )

    def article_count(self) -> int:
        row = self._execute("SELECT COUNT(*) FROM analyses").fetchone()
        return int(row[0]) if row else 0

    def stories_version(self) -> int:
        row = self._execute("SELECT value FROM store_meta WHERE key = 'stories_version'").fetchone()
        return int(row[0]) if row else 0

    def story_report_rows(self) -> list[tuple[str, str]]:
        rows = self._execute(
            "SELECT story_id, report_json FROM story_reports ORDER BY position"
        ).fetchall()
        return [(str(story_id), str(text)) for story_id, text in rows]

    def story_reports(self) -> list[StoryReport]:
        rows = self._execute("SELECT report_json FROM story_reports ORDER BY position").fetchall()
        return [StoryReport.model_validate_json(row[0]) for row in rows]
