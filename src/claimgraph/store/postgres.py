"""The shared store on PostgreSQL: many ingest workers and readers on one database.

Same tables and behaviour as ``SQLiteStore``. Each article is written in one
transaction whose inserts are ``ON CONFLICT DO NOTHING``: when two workers add the same
text at once, the second waits on the first's row lock, then records only its own
appearance, so nothing is lost and nothing is duplicated. The connection runs in
autocommit mode; every multi-statement write opens its own transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import TupleRow

from claimgraph.errors import NotFound, SchemaTooNew, StoreError
from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryOverride, StoryReport
from claimgraph.store.base import AddOutcome
from claimgraph.store.postgres_migrations import (
    MIGRATION_LOCK_KEY,
    PG_LATEST_VERSION,
    PG_MIGRATIONS,
)
from claimgraph.store.sqlite import appearance_key

# A server that does not answer within this many seconds is taken as unreachable: long
# enough for a loaded server on a LAN, short enough that a typo in --db fails fast.
CONNECT_TIMEOUT_S = 10
# Serialises whole-table rewrites of story_reports between processes that re-link at once.
RELINK_LOCK_KEY = MIGRATION_LOCK_KEY + 1


def redact(url: str) -> str:
    """``url`` without its password, for messages and ``repr``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def is_postgres_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


class PostgresStore:
    """``Store`` on a PostgreSQL database named by a ``postgresql://`` URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = redact(url)  # what messages show, as ``SQLiteStore.path`` does
        try:
            self.conn: psycopg.Connection[TupleRow] = psycopg.connect(
                url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
            )
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to {self.path}: {str(exc).strip()}; check that the server "
                "runs and the URL's user, password and database are right"
            ) from exc
        try:
            self._migrate()
        except BaseException:
            self.conn.close()
            raise

    # ------------------------------------------------------------------ schema

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK_KEY,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
            row = self.conn.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                self.conn.execute("INSERT INTO schema_version (version) VALUES (0)")
            current = int(row[0]) if row else 0
            if current > PG_LATEST_VERSION:
                raise SchemaTooNew(
                    f"{self.path} has schema version {current}, newer than this claimgraph "
                    f"({PG_LATEST_VERSION}): upgrade claimgraph"
                )
            for version, _name, apply in PG_MIGRATIONS:
                if version > current:
                    apply(self.conn)
                    self.conn.execute("UPDATE schema_version SET version = %s", (version,))

    # ------------------------------------------------------------------ writes

    def has_analysis(self, article_id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM analyses WHERE article_id = %s", (article_id,)
        ).fetchone()
        return row is not None

    def add_article(self, article: Article, analysis: ArticleAnalysis) -> AddOutcome:
        with self.conn.transaction():
            inserted = self.conn.execute(
                "INSERT INTO articles (id, text, article_json) VALUES (%s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING",
                (article.id, article.text, article.model_dump_json()),
            ).rowcount
            self.conn.execute(
                "INSERT INTO analyses (article_id, analysis_json) VALUES (%s, %s) "
                "ON CONFLICT (article_id) DO UPDATE SET analysis_json = EXCLUDED.analysis_json",
                (article.id, analysis.model_dump_json()),
            )
            added = self._insert_appearance(article.id, article.metadata)
        if inserted == 1:
            return AddOutcome.NEW
        return AddOutcome.NEW_APPEARANCE if added else AddOutcome.DUPLICATE

    def _insert_appearance(self, article_id: str, metadata: Metadata) -> bool:
        cursor = self.conn.execute(
            "INSERT INTO appearances "
            "(article_id, appearance_key, outlet, url, published, metadata_json) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (appearance_key) DO NOTHING",
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
        with self.conn.transaction():
            added = self._insert_appearance(article_id, metadata)
        return AddOutcome.NEW_APPEARANCE if added else AddOutcome.DUPLICATE

    def replace_story_reports(self, reports: Sequence[StoryReport]) -> None:
        with self.conn.transaction():
            # Without the lock, two re-links at once could both delete the old rows and
            # then both insert, and the second would fail on the story_id key.
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (RELINK_LOCK_KEY,))
            self.conn.execute("DELETE FROM story_reports")
            with self.conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO story_reports (story_id, position, report_json) "
                    "VALUES (%s, %s, %s)",
                    [(r.story.id, i, r.model_dump_json()) for i, r in enumerate(reports)],
                )
            self.conn.execute(
                "UPDATE store_meta SET value = value + 1 WHERE key = 'stories_version'"
            )

    def add_story_override(self, override: StoryOverride) -> None:
        self.conn.execute(
            "INSERT INTO story_overrides (action, article_ids_json) VALUES (%s, %s)",
            (override.action, json.dumps(list(override.article_ids))),
        )

    # ------------------------------------------------------------------ reads

    def story_overrides(self) -> list[StoryOverride]:
        rows = self.conn.execute(
            "SELECT action, article_ids_json FROM story_overrides ORDER BY seq"
        ).fetchall()
        return [StoryOverride(action=a, article_ids=tuple(json.loads(ids))) for a, ids in rows]

    def article(self, article_id: str) -> Article:
        row = self.conn.execute(
            "SELECT article_json FROM articles WHERE id = %s", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r} in {self.path}")
        return Article.model_validate_json(row[0])

    def analysis(self, article_id: str) -> ArticleAnalysis:
        row = self.conn.execute(
            "SELECT analysis_json FROM analyses WHERE article_id = %s", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no analysis for article {article_id!r} in {self.path}")
        return ArticleAnalysis.model_validate_json(row[0])

    def appearances(self, article_id: str) -> tuple[Metadata, ...]:
        rows = self.conn.execute(
            "SELECT metadata_json FROM appearances WHERE article_id = %s ORDER BY seq",
            (article_id,),
        ).fetchall()
        return tuple(Metadata.model_validate_json(row[0]) for row in rows)

    def iter_articles(self) -> Iterator[tuple[Article, ArticleAnalysis]]:
        rows = self.conn.execute(
            "SELECT a.article_json, n.analysis_json FROM articles a "
            "JOIN analyses n ON n.article_id = a.id ORDER BY a.seq"
        ).fetchall()
        for article_json, analysis_json in rows:
            yield (
                Article.model_validate_json(article_json),
                ArticleAnalysis.model_validate_json(analysis_json),
            )

    def article_count(self) -> int:
        row = self.conn.execute("SELECT COUNT(*) FROM analyses").fetchone()
        return int(row[0]) if row else 0

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
        rows = self.conn.execute(
            "SELECT report_json FROM story_reports ORDER BY position"
        ).fetchall()
        return [StoryReport.model_validate_json(row[0]) for row in rows]

    def close(self) -> None:
        self.conn.close()
