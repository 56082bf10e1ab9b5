"""``claimgraph demo``: ingest the bundled example story and report on it."""

from __future__ import annotations

import click

from claimgraph.cli.errors import handle_errors
from claimgraph.demo import DEFAULT_DEMO_DIR, run_demo


@click.command(name="demo")
@click.option("--out", default=DEFAULT_DEMO_DIR, show_default=True, help="Folder for the outputs.")
@handle_errors
def demo_command(out: str) -> None:
    """Run the whole path on a fictional story told by four fictional outlets."""
    result = run_demo(out)
    click.echo(result.text_report)
    click.echo(
        f"\n{result.summary.new} articles ingested, {len(result.reports)} stories.\n"
        f"HTML report: {result.html_path.resolve()}\n"
        f"Store: {result.db_path} (try: claimgraph report --db {result.db_path} --format markdown)"
    )
