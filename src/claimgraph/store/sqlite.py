"""The embedded SQLite store: one file, WAL, one transaction per article."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from claimgraph.errors import SchemaTooNew, StoreError
from claimgraph.model import Article
from claimgraph.store.migrations import LATEST_VERSION, MIGRATIONS, SQLITE
from claimgraph.store.sql_store import Params, SQLStore, appearance_key

__all__ = ["BUSY_TIMEOUT_MS", "DEFAULT_DB", "SQLiteStore", "appearance_key", "open_store"]

DEFAULT_DB = "claimgraph.db"
# How long a writer waits for another process's lock before giving up.
BUSY_TIMEOUT_MS = 30_000


class SQLiteStore(SQLStore):
    """``Store`` on a SQLite file."""

    UPSERT_ANALYSIS_SQL = (
        "INSERT OR REPLACE INTO analyses (article_id, analysis_json) VALUES (?, ?)"
    )
    INSERT_APPEARANCE_SQL = (
        "INSERT OR IGNORE INTO appearances "
        "(article_id, appearance_key, outlet, url, published, metadata_json) "
        "VALUES (?, ?, ?, ?, ?, ?)"
    )
    APPEARANCE_ORDER = "rowid"

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
        for migration in MIGRATIONS:
            version = migration.version
            if version <= current:
                continue
            with self._immediate_transaction():
                for statement in migration.statements(SQLITE):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {int(version)}")

    def _transaction(self) -> AbstractContextManager[object]:
        return self._immediate_transaction()

    @contextmanager
    def _immediate_transaction(self) -> Iterator[None]:
        """One write transaction that takes the file's write lock at its start."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ SQLStore hooks

    def _execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    def _execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        self.conn.executemany(sql, [tuple(row) for row in rows])

    def _insert_article_row(self, article: Article) -> bool:
        known = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        if known is None:
            self.conn.execute(
                "INSERT INTO articles (id, text, article_json) VALUES (?, ?, ?)",
                (article.id, article.text, article.model_dump_json()),
            )
        return known is None

    def _lock_story_reports(self) -> None:
        """Nothing to do: ``BEGIN IMMEDIATE`` already holds the file's write lock."""

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
