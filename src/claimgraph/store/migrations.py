"""The schema migrations: one list for both backends, each rendered in the backend's dialect.

A migration is a version number, a name and its DDL text (``schema_ddl.py``), written once
with the few column types that differ left as ``Dialect`` fields. SQLite keeps its version
in ``PRAGMA user_version``, PostgreSQL in a one-row ``schema_version`` table; each applies
the migrations past its version in order, one transaction each (PostgreSQL: all in one,
under an advisory lock), and refuses a database newer than this code rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.store.schema_ddl import (
    ALERTS_AND_WATCH,
    INITIAL_SCHEMA,
    LINK_STATE,
    POSTGRES,
    SQLITE,
    STORE_META,
    STORY_OVERRIDES,
    Dialect,
)

__all__ = ["LATEST_VERSION", "MIGRATIONS", "POSTGRES", "SQLITE", "Dialect", "Migration"]


@dataclass(frozen=True)
class Migration:
    """One schema change; ``ddl`` is the dialect-neutral text, ``;``-separated."""

    version: int
    name: str
    ddl: str

    def statements(self, dialect: Dialect) -> list[str]:
        """The DDL in ``dialect``, statement by statement (a driver's multi-statement
        ``executescript`` would commit mid-migration)."""
        return [s for s in dialect.render(self.ddl).split(";") if s.strip()]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", INITIAL_SCHEMA),
    Migration(2, "story overrides", STORY_OVERRIDES),
    Migration(3, "alerts and watch", ALERTS_AND_WATCH),
    Migration(4, "store meta: a counter bumped at every re-link", STORE_META),
    Migration(5, "link state: grouping terms, re-link queue, story inputs", LINK_STATE),
)
LATEST_VERSION = MIGRATIONS[-1].version
