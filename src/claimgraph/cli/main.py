"""The ``claimgraph`` command: registers each command group from its own module."""

from __future__ import annotations

import click

from claimgraph.cli.alert import alert_group
from claimgraph.cli.article import article_group
from claimgraph.cli.demo import demo_command
from claimgraph.cli.eval import eval_group
from claimgraph.cli.export import export_command
from claimgraph.cli.extract import extract_command
from claimgraph.cli.ingest import ingest_command
from claimgraph.cli.report import report_command
from claimgraph.cli.serve import serve_command
from claimgraph.cli.story import story_group
from claimgraph.cli.train import train_group
from claimgraph.cli.watch import watch_command


@click.group()
@click.version_option(package_name="claimgraph")
def cli() -> None:
    """claimgraph: who says what, citing whom, and where the outlets disagree."""


for command in (
    ingest_command,
    extract_command,
    report_command,
    story_group,
    article_group,
    demo_command,
    eval_group,
    export_command,
    serve_command,
    watch_command,
    alert_group,
    train_group,
):
    cli.add_command(command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
