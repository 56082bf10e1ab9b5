"""``claimgraph export``: stories as JSON, JSONL, CSV tables, ClaimReview or GraphML."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import click

from claimgraph.cli.errors import handle_errors
from claimgraph.cli.options import db_option
from claimgraph.present.export_csv import TABLES
from claimgraph.present.export_formats import (
    EXPORT_FORMATS,
    ReviewOptions,
    export_text,
    write_export,
)
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
@click.option(
    "--base-url",
    help="ClaimReview: the http(s) address where `claimgraph serve` shows the stories.",
)
@click.option("--reviewer", help="ClaimReview: the organisation that reviewed the claims.")
@click.option(
    "--ratings",
    type=click.Path(exists=True, dir_okay=False),
    help="ClaimReview: a JSON object mapping a review's url to the verdict a person gave.",
)
@handle_errors
def export_command(
    fmt: str,
    story_id: str | None,
    db: str,
    output: str | None,
    table: str | None,
    base_url: str | None,
    reviewer: str | None,
    ratings: str | None,
) -> None:
    """Export stories for other tools: spreadsheets, Gephi, fact-checkers.

    CSV to a folder writes figures.csv, attributions.csv and discrepancies.csv;
    pick one with --table. ClaimReview writes drafts (no rating) of the claims worth
    reviewing, linked to the story pages at --base-url.
    """
    review = ReviewOptions(
        base_url, reviewer, json.loads(Path(ratings).read_text(encoding="utf-8")) if ratings else {}
    )
    with closing(open_store(db, create=False)) as store:
        reports = select_stories(store, story_id)
    if output is None:
        text = export_text(reports, fmt, table, review)
        click.echo(text, nl=not text.endswith("\n"))
        return
    for path in write_export(reports, fmt, Path(output), table, review):
        click.echo(f"written: {path}", err=True)
