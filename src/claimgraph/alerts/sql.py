"""One way to run the alert and watch tables' SQL on either backend.

Those tables (migration 3) are read and written only by ``alerts`` and ``watch``, so
the ``Store`` protocol stays as it is: statements are written once with ``?``
placeholders and ``ON CONFLICT`` (which SQLite and PostgreSQL share), and run on the
backend's own connection, which both keep in autocommit mode.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.store.base import Store
from claimgraph.store.sqlite import SQLiteStore

Row = tuple[Any, ...]
Params = Sequence[object]


class Sql:
    """Runs statements on a store's connection; ``run`` returns the rows touched."""

    def __init__(
        self,
        query: Callable[[str, Params], list[Row]],
        run: Callable[[str, Params], int],
    ) -> None:
        self._query = query
        self._run = run

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        return self._query(sql, params)

    def run(self, sql: str, params: Params = ()) -> int:
        return self._run(sql, params)


def sql_for(store: Store) -> Sql:
    """The ``Sql`` runner of ``store``'s backend."""
    if isinstance(store, SQLiteStore):
        conn = store.conn
        return Sql(
            lambda sql, params: conn.execute(sql, tuple(params)).fetchall(),
            lambda sql, params: conn.execute(sql, tuple(params)).rowcount,
        )
    from claimgraph.store.postgres import PostgresStore, pg_placeholders

    if isinstance(store, PostgresStore):
        pg = store.conn
        return Sql(
            lambda sql, params: pg.execute(pg_placeholders(sql), tuple(params)).fetchall(),
            lambda sql, params: pg.execute(pg_placeholders(sql), tuple(params)).rowcount,
        )
    raise StoreError(f"alerts and watch need a SQLite or PostgreSQL store, not {store!r}")
