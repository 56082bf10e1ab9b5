"""Storage: the ``Store`` interface and its backends."""

from __future__ import annotations

from pathlib import Path

from claimgraph.errors import NotFound, StoreError
from claimgraph.store.base import AddOutcome, ArticleStore, LinkState, Store
from claimgraph.store.sqlite import DEFAULT_DB, SQLiteStore

__all__ = [
    "DEFAULT_DB",
    "AddOutcome",
    "ArticleStore",
    "LinkState",
    "SQLiteStore",
    "Store",
    "open_store",
]


def open_store(location: str | Path = DEFAULT_DB, *, create: bool = True) -> Store:
    """Open the store at ``location``, creating and migrating it.

    ``postgresql://user:password@host/db`` opens the shared PostgreSQL store; anything
    else is a SQLite file path (``sqlite://`` in front is allowed). With ``create``
    false a SQLite file that does not exist raises ``NotFound`` instead of being
    created (commands that only read: a mistyped ``--db`` must not leave an empty store).
    """
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from claimgraph.store.postgres import PostgresStore  # psycopg only when asked for

        return PostgresStore(text)
    if "://" in text and not text.startswith("sqlite://"):
        raise StoreError(
            f"unsupported store {text!r}: give a SQLite file path or a postgresql:// URL"
        )
    path = text.removeprefix("sqlite://")
    if not create and path != ":memory:" and not Path(path).exists():
        raise NotFound(
            f"no store at {path}: check the --db path (`claimgraph ingest` creates a store)"
        )
    return SQLiteStore(path)
