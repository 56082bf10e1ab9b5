"""Options shared by several commands, defined once."""

from __future__ import annotations

import click

from claimgraph.store import DEFAULT_DB

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    help="Store: a SQLite file or a postgresql:// URL.",
)
