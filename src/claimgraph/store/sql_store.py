"""The reads and writes that the SQLite and PostgreSQL stores share, written once.

Statements here use ``?`` placeholders; a backend's ``_execute`` adapts them to its
driver. What really differs between the backends (connecting, migrating, transactions,
inserting an article row, conflict clauses, locking a re-link) stays in the backend.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import ClassVar

from claimgraph.errors import NotFound
from claimgraph.model import Article, ArticleAnalysis, Metadata
from claimgraph.store.base import AddOutcome
from claimgraph.store.link_state import IN_CHUNK, LinkStateTables, batched, in_marks
from claimgraph.store.sql_hooks import Cursor, Params, SQLHooks

__all__ = ["Cursor", "Params", "SQLHooks", "SQLStore", "appearance_key"]


def appearance_key(article_id: str, metadata: Metadata) -> str:
    """Identity of one appearance: the text plus where it appeared (outlet, url, path)."""
    parts = [article_id, metadata.outlet or "", metadata.url or ""]
    if not metadata.outlet and not metadata.url:
        parts.append(metadata.source_path or "")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class SQLStore(LinkStateTables):
    """``Store`` over a SQL connection: the ``ArticleStore`` methods here, the
    ``LinkState`` ones inherited; a backend supplies the hooks (``SQLHooks``)."""

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

    # ------------------------------------------------------------------ reads

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

    def articles_by_id(self, ids: Sequence[str]) -> list[tuple[Article, ArticleAnalysis]]:
        """The analysed articles among ``ids``, in the order given."""
        found: dict[str, tuple[Article, ArticleAnalysis]] = {}
        for chunk in batched(ids, IN_CHUNK):
            rows = self._execute(
                "SELECT a.id, a.article_json, n.analysis_json FROM articles a "
                f"JOIN analyses n ON n.article_id = a.id WHERE a.id IN ({in_marks(len(chunk))})",
                chunk,
            )
            for article_id, article, analysis in rows:
                found[str(article_id)] = (
                    Article.model_validate_json(article),
                    ArticleAnalysis.model_validate_json(analysis),
                )
        return [found[i] for i in ids if i in found]

    def appearances_by_id(self, ids: Sequence[str]) -> dict[str, tuple[Metadata, ...]]:
        """``appearances`` of each of ``ids`` (an empty tuple for none), in fewer queries."""
        found: dict[str, list[Metadata]] = {i: [] for i in ids}
        for chunk in batched(ids, IN_CHUNK):
            rows = self._execute(
                "SELECT article_id, metadata_json FROM appearances "
                f"WHERE article_id IN ({in_marks(len(chunk))}) ORDER BY {self.APPEARANCE_ORDER}",
                chunk,
            )
            for article_id, metadata in rows:
                found[str(article_id)].append(Metadata.model_validate_json(metadata))
        return {i: tuple(m) for i, m in found.items()}
