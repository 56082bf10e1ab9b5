"""The embedded SQLite store: one file, WAL, one transaction per article."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from claimgraph.errors import NotFound, SchemaTooNew, StoreError
from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryOverride, StoryReport
from claimgraph.store.base import AddOutcome
from claimgraph.store.migrations import LATEST_VERSION, MIGRATIONS

DEFAULT_DB = "claimgraph.db"
# How long a writer waits for another process's lock before giving up.
BUSY_TIMEOUT_MS = 30_000


def appearance_key(article_id: str, metadata: Metadata) -> str:
    """Identity of one appearance: the text plus where it appeared (outlet, url, path)."""
    parts = [article_id, metadata.outlet or "", metadata.url or ""]
    if not metadata.outlet and not metadata.url:
        parts.append(metadata.source_path or "")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class SQLiteStore:
    """``Store`` on a SQLite file."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL never corrupts the file and skips an fsync per commit;
                # a power cut may lose the last articles, which a re-run ingests again.
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open {self.path} as a claimgraph database: {exc}; "
                "pass another --db path or remove the file"
            ) from exc

    # ------------------------------------------------------------------ schema

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise SchemaTooNew(
                f"{self.path} has schema version {current}, newer than this claimgraph "
                f"({LATEST_VERSION}): upgrade claimgraph"
            )
        for version, _name, apply in MIGRATIONS:
            if version <= current:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                apply(self.conn)
                self.conn.execute(f"PRAGMA user_version = {int(version)}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------------ writes

    def has_analysis(self, article_id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row is not None

    def add_article(self, article: Article, analysis: ArticleAnalysis) -> AddOutcome:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            outcome = self._insert_article(article, analysis)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return outcome

    def _insert_article(self, article: Article, analysis: ArticleAnalysis) -> AddOutcome:
        known = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        if known is None:
            self.conn.execute(
                "INSERT INTO articles (id, text, article_json) VALUES (?, ?, ?)",
                (article.id, article.text, article.model_dump_json()),
            )
        self.conn.execute(
            "INSERT OR REPLACE INTO analyses (article_id, analysis_json) VALUES (?, ?)",
            (article.id, analysis.model_dump_json()),
        )
        added = self._insert_appearance(article.id, article.metadata)
        if known is None:
            return AddOutcome.NEW
        return AddOutcome.NEW_APPEARANCE if added else AddOutcome.DUPLICATE

    def _insert_appearance(self, article_id: str, metadata: Metadata) -> bool:
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO appearances "
            "(article_id, appearance_key, outlet, url, published, metadata_json) "
            "VALUES (?, ?, ?, ?, ?, ?)",
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
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            added = self._insert_appearance(article_id, metadata)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return AddOutcome.NEW_APPEARANCE if added else AddOutcome.DUPLICATE

    def replace_story_reports(self, reports: Sequence[StoryReport]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM story_reports")
            self.conn.executemany(
                "INSERT INTO story_reports (story_id, position, report_json) VALUES (?, ?, ?)",
                [(r.story.id, i, r.model_dump_json()) for i, r in enumerate(reports)],
            )
            self.conn.execute(
                "UPDATE store_meta SET value = value + 1 WHERE key = 'stories_version'"
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def add_story_override(self, override: StoryOverride) -> None:
        self.conn.execute(
            "INSERT INTO story_overrides (action, article_ids_json) VALUES (?, ?)",
            (override.action, json.dumps(list(override.article_ids))),
        )

    # ------------------------------------------------------------------ reads

    def story_overrides(self) -> list[StoryOverride]:
        rows = self.conn.execute(
            "SELECT action, article_ids_json FROM story_overrides ORDER BY seq"
        )
        return [StoryOverride(action=a, article_ids=tuple(json.loads(ids))) for a, ids in rows]

    def article(self, article_id: str) -> Article:
        row = self.conn.execute(
            "SELECT article_json FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r} in {self.path}")
        return Article.model_validate_json(row[0])

    def analysis(self, article_id: str) -> ArticleAnalysis:
        row = self.conn.execute(
            "SELECT analysis_json FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no analysis for article {article_id!r} in {self.path}")
        return ArticleAnalysis.model_validate_json(row[0])

    def appearances(self, article_id: str) -> tuple[Metadata, ...]:
        rows = self.conn.execute(
            "SELECT metadata_json FROM appearances WHERE article_id = ? ORDER BY rowid",
            (article_id,),
        ).fetchall()
        return tuple(Metadata.model_validate_json(row[0]) for row in rows)

    def iter_articles(self) -> Iterator[tuple[Article, ArticleAnalysis]]:
        rows = self.conn.execute(
            "SELECT a.article_json, n.analysis_json FROM articles a "
            "JOIN analyses n ON n.article_id = a.id ORDER BY a.seq"
        )
        for article_json, analysis_json in rows:
            yield (
                Article.model_validate_json(article_json),
                ArticleAnalysis.model_validate_json(analysis_json),
            )

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0])

    def stories_version(self) -> int:
        row = self.conn.execute(
            "SELECT value FROM store_meta WHERE key = 'stories_version'"
        ).fetchone()
        return int(row[0]) if row else 0

    def story_report_rows(self) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT story_id, report_json FROM story_reports ORDER BY position"
        ).fetchall()
        return [(str(story_id), str(text)) for story_id, text in rows]

    def story_reports(self) -> list[StoryReport]:
        rows = self.conn.execute("SELECT report_json FROM story_reports ORDER BY position")
        return [StoryReport.model_validate_json(row[0]) for row in rows]

    def close(self) -> None:
        self.conn.close()


def open_store(location: str | Path = DEFAULT_DB) -> SQLiteStore:
    """Open the store at ``location`` (a SQLite path), creating and migrating it."""
    text = str(location)
    if "://" in text and not text.startswith("sqlite://"):
        raise StoreError(
            f"unsupported store {text!r}: this claimgraph stores in a SQLite file path"
        )
    return SQLiteStore(text.removeprefix("sqlite://"))
