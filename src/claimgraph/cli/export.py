"""``claimgraph export``: stories as JSON, JSONL, CSV tables, ClaimReview or GraphML."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import click

from claimgraph.cli.errors import handle_errors
from claimgraph.cli.options import db_option
from claimgraph.present.export_csv import TABLES
from claimgraph.present.export_formats import EXPORT_FORMATS, export_text, write_export
from claimgraph.reporting import select_stories
from claimgraph.store import open_store


@click.command(name="export")
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True
)
@click.option("--story", "story_id", help="Only this story (its id).")
@db_option
@click.option("-o", "--output", type=click.Path(), help="File, or folder for all CSV tables.")
@click.option("--table", type=click.Choice(tuple(TABLES)), help="CSV: only this table.")
@handle_errors
def export_command(
    fmt: str, story_id: str | None, db: str, output: str | None, table: str | None
) -> None:
    """Export stories for other tools: spreadsheets, Gephi, ClaimReview consumers.

    CSV to a folder writes figures.csv, attributions.csv and discrepancies.csv;
    pick one with --table. ClaimReview ratings state disagreement, not truth.
    """
    with closing(open_store(db, create=False)) as store:
        reports = select_stories(store, story_id)
    if output is None:
        text = export_text(reports, fmt, table)
        click.echo(text, nl=not text.endswith("\n"))
        return
    for path in write_export(reports, fmt, Path(output), table):
        click.echo(f"written: {path}", err=True)
