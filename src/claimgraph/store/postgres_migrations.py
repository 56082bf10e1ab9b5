"""PostgreSQL schema migrations: the same tables and version numbers as ``migrations.py``.

The version lives in a one-row ``schema_version`` table. Migrations run under a
transaction-level advisory lock, so two processes starting together against a fresh
database take turns: the second finds the work done and applies nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from psycopg.rows import TupleRow

from claimgraph.store.schema_ddl import (
    ALERTS_AND_WATCH,
    INITIAL_SCHEMA,
    LINK_STATE,
    POSTGRES,
    STORE_META,
    STORY_OVERRIDES,
)

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
    run_statements(conn, POSTGRES.render(INITIAL_SCHEMA))


@pg_migration(2, "story overrides")
def story_overrides(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(conn, POSTGRES.render(STORY_OVERRIDES))


@pg_migration(3, "alerts and watch")
def alerts_and_watch(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(conn, POSTGRES.render(ALERTS_AND_WATCH))


@pg_migration(4, "store meta: a counter bumped at every re-link")
def store_meta(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(conn, POSTGRES.render(STORE_META))


@pg_migration(5, "link state: grouping terms, re-link queue, story inputs")
def link_state(conn: psycopg.Connection[TupleRow]) -> None:
    run_statements(conn, POSTGRES.render(LINK_STATE))


PG_LATEST_VERSION = max(version for version, _, _ in PG_MIGRATIONS)
