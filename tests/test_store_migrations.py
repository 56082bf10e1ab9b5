"""One migration list, rendered per dialect: both backends build the schema they always
built (``resources/store_schema.json``, taken from the two hand-mirrored lists this list
replaced), at every version, and a store left at an older version opens and migrates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimgraph.store.migrations import LATEST_VERSION, MIGRATIONS, POSTGRES, SQLITE
from claimgraph.store.sqlite import SQLiteStore
from store_schema import postgres_schema, sqlite_schema

SNAPSHOT = json.loads(
    (Path(__file__).parent / "resources" / "store_schema.json").read_text(encoding="utf-8")
)
VERSIONS = [m.version for m in MIGRATIONS]


def sqlite_at(version: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for migration in MIGRATIONS[:version]:
        for statement in migration.statements(SQLITE):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def old_sqlite_store(path: Path, version: int) -> None:
    """A SQLite file exactly as the old code left it at ``version``: its statements'
    texts and ``store_meta`` rows from the snapshot, not from today's migrations."""
    rows = SNAPSHOT["sqlite"][str(version)]
    conn = sqlite3.connect(path)
    for kind in ("table", "index"):
        for row in rows:
            if row[0] == kind:
                conn.execute(row[3])
    for _, key, value in (r for r in rows if r[0] == "store_meta"):
        conn.execute("INSERT INTO store_meta (key, value) VALUES (?, ?)", (key, int(value)))
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_store_migrations_are_numbered_one_to_latest() -> None:
    assert list(range(1, LATEST_VERSION + 1)) == VERSIONS
    assert sorted(SNAPSHOT["sqlite"], key=int) == [str(v) for v in VERSIONS]


@pytest.mark.parametrize("version", VERSIONS)
def test_store_migrations_sqlite_schema_is_unchanged(version: int) -> None:
    assert sqlite_schema(sqlite_at(version)) == SNAPSHOT["sqlite"][str(version)]


@pytest.mark.parametrize("version", VERSIONS[:-1])
def test_store_migrations_old_sqlite_store_opens_and_migrates(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    old_sqlite_store(path, version)
    store = SQLiteStore(path)
    try:
        assert store.schema_version() == LATEST_VERSION
        assert sqlite_schema(store.conn) == SNAPSHOT["sqlite"][str(LATEST_VERSION)]
        assert (store.article_count(), store.stories_version(), store.link_version()) == (0, 0, 0)
    finally:
        store.close()


def postgres_at(conn: Any, version: int) -> None:
    with conn.transaction():
        conn.execute("CREATE TABLE schema_version (version INTEGER)")
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
        for migration in MIGRATIONS[:version]:
            for statement in migration.statements(POSTGRES):
                conn.execute(statement)


@pytest.mark.parametrize("version", VERSIONS)
def test_store_migrations_postgres_schema_is_unchanged(postgres_url: str, version: int) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        postgres_at(conn, version)
        schema = [r for r in postgres_schema(conn) if not r[0].startswith("schema_version")]
    assert schema == SNAPSHOT["postgres"][str(version)]


@pytest.mark.parametrize("version", VERSIONS[:-1])
def test_store_migrations_old_postgres_store_opens_and_migrates(
    postgres_url: str, version: int
) -> None:
    import psycopg

    from claimgraph.store.postgres import PostgresStore

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        postgres_at(conn, version)
    store = PostgresStore(postgres_url)
    try:
        assert store.schema_version() == LATEST_VERSION
        schema = [r for r in postgres_schema(store.conn) if not r[0].startswith("schema_version")]
        assert schema == SNAPSHOT["postgres"][str(LATEST_VERSION)]
    finally:
        store.close()
