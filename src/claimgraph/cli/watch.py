"""``claimgraph watch SOURCE...``: ingest what is new, re-link, fire alerts, repeat."""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

import click

from claimgraph.cli.errors import EXIT_INTERRUPTED, handle_errors, printable
from claimgraph.cli.options import db_option
from claimgraph.store import open_store

if TYPE_CHECKING:
    from claimgraph.watch import WatchResult


def result_line(result: WatchResult) -> str:
    delivery = result.delivery
    return (
        f"{result.changed} changed, {result.unchanged} unchanged: {result.ingest.new} new, "
        f"{result.ingest.new_appearances} new appearances; "
        + (f"re-linked {result.stories} stories; " if result.relinked else "not re-linked; ")
        + f"{len(result.alerts)} alerts fired, {delivery.delivered} delivered, "
        f"{len(delivery.failed)} to retry, {len(result.failures)} sources failed"
    )


def report(result: WatchResult) -> None:
    click.echo(f"claimgraph watch: {result_line(result)}", err=True)
    for source, reason in result.failures:
        click.echo(f"claimgraph watch: cannot read {source}: {reason}", err=True)
    for source, message in result.warnings:
        click.echo(printable(f"claimgraph watch: warning: {source}: {message}"), err=True)
    for key, reason in result.delivery.failed:
        click.echo(f"claimgraph watch: alert {key} not delivered, will retry: {reason}", err=True)
    for key, reason in result.delivery.dropped:
        click.echo(f"claimgraph watch: alert {key} dropped: {reason}", err=True)


@click.command(name="watch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default="5m", show_default=True, help="Interval: 30s, 5m, 1h.")
@click.option("--once", is_flag=True, help="Run one pass and exit.")
@db_option
@handle_errors
def watch_command(sources: tuple[str, ...], every: str, once: bool, db: str) -> None:
    """Watch directories, files, feed files or http(s) URLs; ingest what is new.

    Unchanged files are not read again; when something new arrived the stories are
    re-linked and alert rules (see `claimgraph alert`) fire. URLs are fetched only
    because you name them here.
    """
    from claimgraph.analyse import build_pipeline
    from claimgraph.watch.loop import parse_interval, watch_forever

    interval = parse_interval(every)
    store = open_store(db)

    try:
        watch_forever(
            list(sources),
            store,
            interval,
            load_nlp=functools.cache(build_pipeline),  # loaded once, at the first change
            emit=click.echo,
            on_result=report,
            runs=1 if once else None,
        )
    except KeyboardInterrupt:
        click.echo("claimgraph watch: stopped", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        store.close()
