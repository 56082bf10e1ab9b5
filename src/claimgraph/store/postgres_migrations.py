"""PostgreSQL schema migrations: the same tables and version numbers as ``migrations.py``.

The version lives in a one-row ``schema_version`` table. Migrations run under a
transaction-level advisory lock, so two processes starting together against a fresh
database take turns: the second finds the work done and applies nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from psycopg.rows import TupleRow

PgMigration = Callable[[psycopg.Connection[TupleRow]], None]
PG_MIGRATIONS: list[tuple[int, str, PgMigration]] = []

# Any fixed 64-bit number works: it only has to be the same in every claimgraph process
# and unlikely to collide with another application's advisory lock on the same database.
MIGRATION_LOCK_KEY = 0x636C61696D677270  # "claimgrp"


def pg_migration(version: int, name: str) -> Callable[[PgMigration], PgMigration]:
    def register(func: PgMigration) -> PgMigration:
        PG_MIGRATIONS.append((version, name, func))
        PG_MIGRATIONS.sort(key=lambda item: item[0])
        return func

    return register


def run_statements(conn: psycopg.Connection[TupleRow], sql: str) -> None:
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


@pg_migration(1, "initial schema")
def initial_schema(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(
        conn,
        """
        CREATE TABLE articles (
            seq BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            article_json TEXT NOT NULL
        );
        CREATE TABLE appearances (
            seq BIGSERIAL PRIMARY KEY,
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
        )
        """,
    )


@pg_migration(2, "story overrides")
def story_overrides(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(
        conn,
        """
        CREATE TABLE story_overrides (
            seq BIGSERIAL PRIMARY KEY,
            action TEXT NOT NULL,
            article_ids_json TEXT NOT NULL
        )
        """,
    )


@pg_migration(3, "alerts and watch")
def alerts_and_watch(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(
        conn,
        """
        CREATE TABLE alert_rules (
            seq BIGSERIAL PRIMARY KEY,
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
            seq BIGSERIAL PRIMARY KEY,
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


@pg_migration(4, "store meta: a counter bumped at every re-link")
def store_meta(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(
        conn,
        """
        CREATE TABLE store_meta (
            key TEXT PRIMARY KEY,
            value BIGINT NOT NULL
        );
        INSERT INTO store_meta (key, value) VALUES ('stories_version', 0)
        """,
    )


PG_LATEST_VERSION = max(version for version, _, _ in PG_MIGRATIONS)
