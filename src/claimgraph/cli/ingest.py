"""``claimgraph ingest PATH...``: read, analyse, store, link."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from claimgraph.cli.errors import (
    EXIT_INTERRUPTED,
    EXIT_PARTIAL_FAILURE,
    INTERRUPTED_MESSAGE,
    handle_errors,
    printable,
)
from claimgraph.cli.options import db_option
from claimgraph.cli.progress import ProgressLine
from claimgraph.errors import UnreadableInput
from claimgraph.store import open_store

if TYPE_CHECKING:
    from claimgraph.batch.local import IngestSummary


def print_error(path: str, reason: str) -> None:
    click.echo(printable(f"claimgraph: cannot read {path}: {reason}"), err=True)


def print_warning(path: str, message: str) -> None:
    click.echo(printable(f"claimgraph: warning: {path}: {message}"), err=True)


def summary_line(summary: IngestSummary, db: str) -> str:
    return (
        f"{summary.read} read: {summary.new} new, {summary.new_appearances} new appearances, "
        f"{summary.duplicates} already stored, {len(summary.failures)} failed; "
        f"{summary.stories} stories in {db} ({summary.seconds:.1f} s)"
    )


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="Outlet of every article read (overrides what is inferred).")
@click.option("--published", help="Publication date of every article, ISO 8601.")
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    help="Worker processes for analysis (default: one per core).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where analysis runs: worker processes here, or a Ray cluster.",
)
@click.option("--ray-address", help="Ray head to join (HOST:PORT or auto); default: a local Ray.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@handle_errors
def ingest_command(
    paths: tuple[str, ...],
    db: str,
    outlet: str | None,
    published: str | None,
    processes: int | None,
    engine: str,
    ray_address: str | None,
    as_json: bool,
) -> None:
    """Ingest files, directories (recursively) or - (standard input) into the store.

    Plain text, HTML, RSS/Atom and JSONL are recognised. Re-ingesting is a no-op; the
    same text from another outlet is recorded as a second appearance.
    """
    from claimgraph.batch.ingest_and_link import ingest_and_link
    from claimgraph.batch.local import Engine

    store = open_store(db)
    progress = ProgressLine()
    try:
        summary = ingest_and_link(
            list(paths),
            store,
            outlet=outlet,
            published=published,
            stdin=sys.stdin.buffer,
            engine=Engine(engine, processes, ray_address),
            on_progress=progress,
            on_error=print_error,
            on_warning=print_warning,
        )
        where = store.path
    except KeyboardInterrupt:
        progress.close()
        click.echo(INTERRUPTED_MESSAGE, err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        progress.close()
        store.close()
    if as_json:
        click.echo(json.dumps(summary.as_dict(), sort_keys=True))
    else:
        click.echo(summary_line(summary, where))
    if summary.failures:
        click.echo(f"claimgraph: {len(summary.failures)} input(s) failed", err=True)
        lone = len(summary.failures) == 1 and summary.read == 0
        sys.exit(UnreadableInput.exit_code if lone else EXIT_PARTIAL_FAILURE)
