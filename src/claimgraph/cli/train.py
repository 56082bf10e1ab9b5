"""``claimgraph train ...``: rebuild the learned parts from public corpora."""

from __future__ import annotations

import os
from pathlib import Path

import click

from claimgraph.cli.errors import handle_errors


@click.group(name="train")
def train_group() -> None:
    """Train claimgraph's learned components (research corpora, read at run time)."""


@train_group.command(name="attribution")
@click.option("--polnear", "polnear_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="PolNeAR folder (train/text, train/attributions).")  # fmt: skip
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the models (.npz) [default: the package's own].")  # fmt: skip
@click.option("--limit", type=int, help="Only the first N train articles (for a quick run).")
@click.option("--processes", type=int, default=None,
              help="Parser processes [default: all cores].")  # fmt: skip
@handle_errors
def attribution_command(
    polnear_dir: Path, out: Path | None, limit: int | None, processes: int | None
) -> None:
    """Fit the attribution models on PolNeAR train; thresholds chosen on a held-out
    fifth of train, never on dev."""
    from claimgraph.analyse.attribution.models import default_models_path
    from claimgraph.train.attribution import train_attribution

    target = out or default_models_path()
    report = train_attribution(
        polnear_dir,
        target,
        limit=limit,
        n_process=processes or os.cpu_count() or 1,
        progress=lambda message: click.echo(message, err=True),
    )
    f1 = ", ".join(f"{role} {value:.1f}" for role, value in report.held_out_f1.items())
    click.echo(
        f"trained on {report.articles} articles ({report.examples} words, "
        f"{report.positives} cue heads); {report.features} features; "
        f"keep {report.keep}, add {report.add}, nested {report.nested}; held-out exact F1: {f1}\n"
        f"wrote {report.out}"
    )
