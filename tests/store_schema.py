"""The schema a store holds, read back from the database, for comparison with a snapshot.

SQLite keeps each statement's text as written, so its snapshot is that text; PostgreSQL's
is every column (type, default, nullability), index and constraint of the current schema.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

SQLITE_SCHEMA_SQL = (
    "SELECT type, name, tbl_name, sql FROM sqlite_master "
    "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
)
POSTGRES_COLUMNS_SQL = (
    "SELECT table_name, ordinal_position, column_name, data_type, column_default, is_nullable "
    "FROM information_schema.columns WHERE table_schema = current_schema() "
    "ORDER BY table_name, ordinal_position"
)
POSTGRES_INDEXES_SQL = (
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
    "ORDER BY indexname"
)
POSTGRES_CONSTRAINTS_SQL = (
    "SELECT c.conname, c.contype, pg_get_constraintdef(c.oid) FROM pg_constraint c "
    "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() "
    "ORDER BY c.conname"
)


def store_meta_rows(conn: Any) -> list[list[Any]]:
    """``store_meta``'s rows (the migrations insert some), or none before it exists."""
    try:
        rows = conn.execute("SELECT key, value FROM store_meta ORDER BY key").fetchall()
    except Exception:  # the table does not exist yet (SQLite and psycopg raise differently)
        return []
    return [["store_meta", str(key), str(value)] for key, value in rows]


def sqlite_schema(conn: sqlite3.Connection) -> list[list[Any]]:
    rows = [list(row) for row in conn.execute(SQLITE_SCHEMA_SQL).fetchall()]
    return rows + store_meta_rows(conn)


def dumps(snapshot: dict[str, dict[str, list[list[Any]]]]) -> str:
    """JSON with one schema row a line, so that a change shows as a one-line diff."""
    lines = ["{"]
    for b, backend in enumerate(sorted(snapshot)):
        lines.append(f"  {json.dumps(backend)}: {{")
        versions = sorted(snapshot[backend], key=int)
        for v, version in enumerate(versions):
            lines.append(f"    {json.dumps(version)}: [")
            rows = snapshot[backend][version]
            lines += [
                f"      {json.dumps(r)}{',' if i < len(rows) - 1 else ''}"
                for i, r in enumerate(rows)
            ]
            lines.append(f"    ]{',' if v < len(versions) - 1 else ''}")
        lines.append(f"  }}{',' if b < len(snapshot) - 1 else ''}")
    return "\n".join([*lines, "}"]) + "\n"


def postgres_schema(conn: Any) -> list[list[Any]]:
    """Columns, indexes and constraints of the connection's ``current_schema()``; the
    schema name itself never appears (each test runs in a fresh one)."""
    schema = conn.execute("SELECT current_schema()").fetchone()[0]
    rows: list[list[Any]] = []
    for sql in (POSTGRES_COLUMNS_SQL, POSTGRES_INDEXES_SQL, POSTGRES_CONSTRAINTS_SQL):
        for row in conn.execute(sql).fetchall():
            rows.append([str(v).replace(f"{schema}.", "") if v is not None else None for v in row])
    # A failed read of store_meta aborts a PostgreSQL transaction: look the table up first.
    if conn.execute("SELECT to_regclass('store_meta')").fetchone()[0] is not None:
        rows += store_meta_rows(conn)
    return rows
