"""``claimgraph report``: the cross-outlet report of the stored stories."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import click

from claimgraph.cli.errors import handle_errors
from claimgraph.cli.options import db_option
from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE
from claimgraph.reporting import FORMATS, render, select_stories
from claimgraph.store import open_store

PENDING_NOTE = (
    "claimgraph: note: articles were stored since the stories were last linked (an ingest "
    "is running or was interrupted): run `claimgraph story relink` to bring them in"
)


@click.command(name="report")
@db_option
@click.option("--story", "story_id", help="Only this story (its id, as listed in the report).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    help="Hide flags (discrepancies) below this confidence; 0 shows all. JSON keeps all.",
)
@handle_errors
def report_command(
    db: str, story_id: str | None, fmt: str, output: str | None, min_confidence: float
) -> None:
    """Per story: figures side by side, discrepancies, denials, citations, timeline."""
    from claimgraph.link.relinking import relink_pending

    with closing(open_store(db, create=False)) as store:
        text = render(store, select_stories(store, story_id), fmt, min_confidence)
        pending = relink_pending(store)
    if pending:
        click.echo(PENDING_NOTE, err=True)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"report written to {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))
