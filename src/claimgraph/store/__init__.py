"""Storage: the ``Store`` interface and its backends."""

from claimgraph.store.base import AddOutcome, Store
from claimgraph.store.sqlite import DEFAULT_DB, SQLiteStore, open_store

__all__ = ["DEFAULT_DB", "AddOutcome", "SQLiteStore", "Store", "open_store"]
