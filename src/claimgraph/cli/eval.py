"""``claimgraph eval ...``: one command per task, each a thin wrapper over ``claimgraph.eval``."""

from __future__ import annotations

import click


@click.group(name="eval")
def eval_group() -> None:
    """Measure claimgraph against gold data and print the figures."""
