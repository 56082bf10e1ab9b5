"""Schema migrations as registered functions, applied in order, one transaction each.

The schema version lives in ``PRAGMA user_version``; a database newer than this code is
refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from claimgraph.store.schema_ddl import (
    ALERTS_AND_WATCH,
    INITIAL_SCHEMA,
    LINK_STATE,
    SQLITE,
    STORE_META,
    STORY_OVERRIDES,
)

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
    execute_statements(conn, SQLITE.render(INITIAL_SCHEMA))


@migration(2, "story overrides")
def story_overrides(conn: sqlite3.Connection) -> None:
    execute_statements(conn, SQLITE.render(STORY_OVERRIDES))


@migration(3, "alerts and watch")
def alerts_and_watch(conn: sqlite3.Connection) -> None:
    """Alert rules, the keys of alerts already fired, undelivered alerts, watched files."""
    execute_statements(conn, SQLITE.render(ALERTS_AND_WATCH))


@migration(4, "store meta: a counter bumped at every re-link")
def store_meta(conn: sqlite3.Connection) -> None:
    execute_statements(conn, SQLITE.render(STORE_META))


@migration(5, "link state: grouping terms, re-link queue, story inputs")
def link_state(conn: sqlite3.Connection) -> None:
    execute_statements(conn, SQLITE.render(LINK_STATE))


LATEST_VERSION = max(version for version, _, _ in MIGRATIONS)
