"""The ``claimgraph`` command: registers each command group from its own module."""

from __future__ import annotations

import click

from claimgraph.cli.eval import eval_group


@click.group()
@click.version_option(package_name="claimgraph")
def cli() -> None:
    """claimgraph: who says what, citing whom, and where the outlets disagree."""


cli.add_command(eval_group)


def main() -> None:
    cli()
