"""Schema migrations as registered functions, applied in order, one transaction each.

The schema version lives in ``PRAGMA user_version``; a database newer than this code is
refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    def register(func: Migration) -> Migration:
        MIGRATIONS.append((version, name, func))
        MIGRATIONS.sort(key=lambda item: item[0])
        return func

    return register


def execute_statements(conn: sqlite3.Connection, sql: str) -> None:
    """Run DDL statement by statement (``executescript`` would commit mid-migration)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


@migration(1, "initial schema")
def initial_schema(conn: sqlite3.Connection) -> None:
    execute_statements(
        conn,
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            article_json TEXT NOT NULL
        );
        CREATE TABLE appearances (
            article_id TEXT NOT NULL REFERENCES articles(id),
            appearance_key TEXT NOT NULL UNIQUE,
            outlet TEXT,
            url TEXT,
            published TEXT,
            metadata_json TEXT NOT NULL
        );
        CREATE INDEX appearances_article ON appearances(article_id);
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            analysis_json TEXT NOT NULL
        );
        CREATE TABLE story_reports (
            story_id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            report_json TEXT NOT NULL
        );
        """,
    )


@migration(2, "story overrides")
def story_overrides(conn: sqlite3.Connection) -> None:
    execute_statements(
        conn,
        """
        CREATE TABLE story_overrides (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL,
            article_ids_json TEXT NOT NULL
        )
        """,
    )


@migration(3, "alerts and watch")
def alerts_and_watch(conn: sqlite3.Connection) -> None:
    """Alert rules, the keys of alerts already fired, undelivered alerts, watched files."""
    execute_statements(
        conn,
        """
        CREATE TABLE alert_rules (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            rule_json TEXT NOT NULL
        );
        CREATE TABLE fired_alerts (
            rule_id TEXT NOT NULL,
            alert_key TEXT NOT NULL,
            fired_at TEXT NOT NULL,
            PRIMARY KEY (rule_id, alert_key)
        );
        CREATE TABLE alert_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            rule_id TEXT NOT NULL,
            alert_key TEXT NOT NULL,
            payload_json TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            UNIQUE (rule_id, alert_key)
        );
        CREATE TABLE watch_seen (
            path TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL
        )
        """,
    )


@migration(4, "store meta: a counter bumped at every re-link")
def store_meta(conn: sqlite3.Connection) -> None:
    execute_statements(
        conn,
        """
        CREATE TABLE store_meta (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO store_meta (key, value) VALUES ('stories_version', 0)
        """,
    )


LATEST_VERSION = max(version for version, _, _ in MIGRATIONS)
