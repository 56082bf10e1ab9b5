"""The shared store on PostgreSQL: many ingest workers and readers on one database.

Same tables and behaviour as ``SQLiteStore``. Each article is written in one
transaction whose inserts are ``ON CONFLICT DO NOTHING``: when two workers add the same
text at once, the second waits on the first's row lock, then records only its own
appearance, so nothing is lost and nothing is duplicated. The connection runs in
autocommit mode; every multi-statement write opens its own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import TupleRow

from claimgraph.errors import SchemaTooNew, StoreError
from claimgraph.model import Article
from claimgraph.store.migrations import LATEST_VERSION, MIGRATIONS, POSTGRES
from claimgraph.store.sql_store import Params, SQLStore

# A server that does not answer within this many seconds is taken as unreachable: long
# enough for a loaded server on a LAN, short enough that a typo in --db fails fast.
CONNECT_TIMEOUT_S = 10
# Serialises migrations between processes that open a fresh database at once (the second
# finds the work done). Any fixed 64-bit number works: it only has to be the same in every
# claimgraph process and unlikely to collide with another application's advisory lock.
MIGRATION_LOCK_KEY = 0x636C61696D677270  # "claimgrp"
# Serialises whole-table rewrites of story_reports between processes that re-link at once.
RELINK_LOCK_KEY = MIGRATION_LOCK_KEY + 1


def redact(url: str) -> str:
    """``url`` without its password, for messages and ``repr``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def pg_placeholders(sql: str) -> str:
    """``sql`` written with ``?`` placeholders, in psycopg's ``%s`` style.

    Only for statements with no literal ``?`` or ``%`` (true of every claimgraph statement).
    """
    return sql.replace("?", "%s")


class PostgresStore(SQLStore):
    """``Store`` on a PostgreSQL database named by a ``postgresql://`` URL."""

    UPSERT_ANALYSIS_SQL = (
        "INSERT INTO analyses (article_id, analysis_json) VALUES (?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET analysis_json = EXCLUDED.analysis_json"
    )
    INSERT_APPEARANCE_SQL = (
        "INSERT INTO appearances "
        "(article_id, appearance_key, outlet, url, published, metadata_json) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (appearance_key) DO NOTHING"
    )
    APPEARANCE_ORDER = "seq"
    CODE_POINT_ORDER = ' COLLATE "C"'

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
            if current > LATEST_VERSION:
                raise SchemaTooNew(
                    f"{self.path} has schema version {current}, newer than this claimgraph "
                    f"({LATEST_VERSION}): upgrade claimgraph"
                )
            for migration in MIGRATIONS:
                if migration.version > current:
                    for statement in migration.statements(POSTGRES):
                        self.conn.execute(statement)
                    self.conn.execute(
                        "UPDATE schema_version SET version = %s", (migration.version,)
                    )

    # ------------------------------------------------------------------ SQLStore hooks

    def _execute(self, sql: str, params: Params = ()) -> psycopg.Cursor[TupleRow]:
        return self.conn.execute(pg_placeholders(sql), tuple(params))

    def _execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(pg_placeholders(sql), [tuple(row) for row in rows])

    def _transaction(self) -> AbstractContextManager[object]:
        return self.conn.transaction()

    def _insert_article_row(self, article: Article) -> bool:
        inserted = self._execute(
            "INSERT INTO articles (id, text, article_json) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (article.id, article.text, article.model_dump_json()),
        ).rowcount
        return inserted == 1

    def _lock_story_reports(self) -> None:
        # Without the lock, two re-links at once could both delete the old rows and
        # then both insert, and the second would fail on the story_id key.
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (RELINK_LOCK_KEY,))

    def close(self) -> None:
        self.conn.close()
