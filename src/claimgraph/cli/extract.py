"""``claimgraph extract FILE...``: print what is found in each article, store nothing."""

from __future__ import annotations

import json
import sys

import click

from claimgraph.cli.errors import EXIT_PARTIAL_FAILURE, handle_errors
from claimgraph.cli.ingest import print_warning
from claimgraph.errors import UnreadableInput


@click.command(name="extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--raw", is_flag=True, help="The whole file is the body: no title split.")
@click.option("--outlet", help="Outlet of every article read.")
@click.option("--published", help="Publication date of every article, ISO 8601.")
@handle_errors
def extract_command(
    paths: tuple[str, ...], fmt: str, raw: bool, outlet: str | None, published: str | None
) -> None:
    """Print one JSON object per article with everything found and its character spans."""
    from claimgraph.analyse.extract import extract, extract_record
    from claimgraph.ingest import MetadataWarning

    failed = 0
    for item in extract(list(paths), raw=raw, outlet=outlet, published=published):
        if isinstance(item, UnreadableInput):
            failed += 1
            click.echo(f"claimgraph: cannot read {item.path}: {item.reason}", err=True)
            continue
        if isinstance(item, MetadataWarning):
            print_warning(item.path, item.message)
            continue
        click.echo(json.dumps(extract_record(*item), ensure_ascii=False, sort_keys=True))
    if failed:
        sys.exit(EXIT_PARTIAL_FAILURE)
