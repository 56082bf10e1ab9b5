"""``claimgraph eval ...``: one command per task, each a thin wrapper over ``claimgraph.eval``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from claimgraph.eval.gold_sources import GoldAndMeantimeTask, TaskScoreT
    from claimgraph.eval.quantities import QuantityScores

_CORPUS = click.Path(exists=True, file_okay=False, path_type=Path)


@click.group(name="eval")
def eval_group() -> None:
    """Measure claimgraph against gold data and print the figures."""


@eval_group.command(name="stories")
@click.option(
    "--ecbplus",
    "ecbplus_dir",
    type=_CORPUS,
    help="ECB+ folder (topic folders 1-35); scored on the --split topics.",
)
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option(
    "--gva",
    "gva_dir",
    type=_CORPUS,
    help="gva-dev folder (one folder per incident): ingested into one store, "
    "grouped, scored beside two baselines.",
)
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    help="With --gva: only this many incidents, chosen by a hash of their ids.",
)
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --gva: ingest into this SQLite file and keep it (a second run "
    "reuses its analyses and only groups again); default: a temporary store.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stories_command(
    ecbplus_dir: Path | None,
    split: str,
    gva_dir: Path | None,
    sample: int | None,
    store_path: Path | None,
    as_json: bool,
) -> None:
    """Score story grouping: B-cubed and ARI on ECB+ topics and/or gva-dev incidents."""
    from claimgraph.eval import stories as seval

    if ecbplus_dir is None and gva_dir is None:
        raise click.UsageError("give --ecbplus DIR, --gva DIR or both")
    report: dict[str, object] = {}
    if ecbplus_dir is not None:
        scores = seval.evaluate_ecbplus(ecbplus_dir, split)
        report["stories"] = {"split": split, **scores.as_dict()}
        if not as_json:
            click.echo(seval.format_scores(scores, f"ECB+ {split}"))
    if gva_dir is not None:
        from claimgraph.eval import gva

        chosen = gva.sample_incidents(gva_dir, sample) if sample else None
        found = seval.evaluate_gva(gva_dir, chosen, store_path=store_path)
        report["gva"] = found.as_dict()
        if not as_json:
            click.echo(seval.format_gva(found))
    if as_json:
        click.echo(json.dumps(report, indent=2))


@eval_group.command(name="entities")
@click.option("--meantime", "meantime_dir", type=click.Path(exists=True, file_okay=False,
              path_type=Path), help="MEANTIME folder (English).")  # fmt: skip
@click.option("--ecbplus", "ecbplus_dir", type=click.Path(exists=True, file_okay=False,
              path_type=Path), help="ECB+ folder; scored on the --split topics.")  # fmt: skip
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def entities_command(
    meantime_dir: Path | None, ecbplus_dir: Path | None, split: str, as_json: bool
) -> None:
    """Score cross-article entity linking: MUC, B-cubed, CEAF-e, CoNLL F1."""
    from claimgraph.eval import entities as eeval

    if meantime_dir is None and ecbplus_dir is None:
        raise click.UsageError("give --meantime DIR, --ecbplus DIR or both")
    report = {}
    if meantime_dir is not None:
        from claimgraph.eval.meantime_entities import read_corpus

        docs = [(d.article, d.mentions) for d in read_corpus(meantime_dir)]
        report["MEANTIME"] = eeval.evaluate(docs)
    if ecbplus_dir is not None:
        from claimgraph.eval import ecbplus

        topics = ecbplus.split_topics(split)
        docs = [(d.article, d.mentions) for d in ecbplus.read_topics(ecbplus_dir, topics)]
        report[f"ECB+ {split}"] = eeval.evaluate(docs)
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in report.items()}, indent=2))
    else:
        click.echo("\n".join(eeval.format_scores(v, k) for k, v in report.items()))


@eval_group.command(name="quantities")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                required=False)  # fmt: skip
@click.option("--split", type=click.Choice(["test", "dev", "all"]), default="test",
              show_default=True, help="Gold sentences to score.")  # fmt: skip
@click.option("--newsquant", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score on NewsQuant JSON (e.g. newsquant-dev/NewsQuant.dev.json).")  # fmt: skip
@click.option("--limit", type=int, help="Only the first N NewsQuant sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", "show_errors", metavar="METRIC", default=None,
              help="List sentences with misses on METRIC (value, value_bound ...).")  # fmt: skip
@click.option("--recognizers", type=_CORPUS,
              help="Also check number values against Recognizers-Text specs in DIR.")  # fmt: skip
def quantities_command(
    gold_file: Path | None,
    split: str,
    newsquant: Path | None,
    limit: int | None,
    as_json: bool,
    show_errors: str | None,
    recognizers: Path | None,
) -> None:
    """Score figure extraction on GOLD_FILE (value, bound, unit, counted thing), NewsQuant
    (value, unit, change, concept, per category) and Recognizers-Text specs."""
    from claimgraph.analyse import build_pipeline
    from claimgraph.eval import quantities as qeval

    if gold_file is None and newsquant is None and recognizers is None:
        raise click.UsageError("give GOLD_FILE, --newsquant FILE or --recognizers DIR")
    metrics = qeval.METRICS if gold_file is not None else _NEWSQUANT_METRICS
    if show_errors is not None and show_errors not in metrics:
        raise click.BadParameter(f"one of {', '.join(metrics)}", param_hint="--errors")
    nlp = build_pipeline()
    report: dict[str, object] = {}
    lines: list[str] = []
    if gold_file is not None:
        sentences = qeval.select(qeval.load_gold(gold_file), split)
        results = qeval.predict(nlp, sentences)
        scores = qeval.score(results, split)
        report["quantities"] = scores.as_dict()
        lines.append(_quantity_scores_text(scores))
        if show_errors:
            lines.extend(qeval.errors(results, show_errors))
    if newsquant is not None:
        lines.extend(_newsquant(nlp, newsquant, limit, show_errors, report))
    if recognizers is not None:
        lines.extend(_recognizers(nlp, recognizers, report))
    click.echo(json.dumps(report, indent=2) if as_json else "\n".join(lines))


_NEWSQUANT_METRICS = ("value", "value_unit", "value_change", "concept_partial")


def _newsquant(
    nlp: Any, path: Path, limit: int | None, show_errors: str | None, report: dict[str, object]
) -> list[str]:
    from claimgraph.eval import newsquant as nq

    sentences = nq.load_newsquant(path)[:limit]
    results = nq.predict(nlp, sentences)
    scores = nq.score(results)
    report["newsquant"] = scores.as_dict()
    lines = [nq.format_scores(scores)]
    if show_errors:
        lines.extend(nq.errors(results, show_errors))
    return lines


def _recognizers(nlp: Any, directory: Path, report: dict[str, object]) -> list[str]:
    from claimgraph.eval import quantities as qeval
    from claimgraph.eval import recognizers_units as ru

    numbers = qeval.recognizers_agreement(directory).as_dict()
    units = ru.evaluate(nlp, directory)
    report["recognizers"] = numbers
    report["recognizers_units"] = {k: v.as_dict() for k, v in units.items()}
    lines = []
    if numbers["checked"]:
        lines.append(
            f"  recognizers-text number values: {numbers['agreed']}/{numbers['checked']} "
            f"agree ({numbers['skipped']} specs outside our conventions)"
        )
    lines.append(ru.format_scores(units))
    return lines


_SPLIT = click.Choice(["test", "dev", "all"])
_GOLD = click.Path(exists=True, dir_okay=False, path_type=Path)


def _gold_and_meantime_options(
    meantime_help: str, errors_help: str
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The arguments of the evals scored on a JSONL gold file and/or MEANTIME."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        options = (
            click.argument("gold_file", type=_GOLD, required=False),
            click.option("--split", type=_SPLIT, default="test", show_default=True),
            click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON."),
            click.option("--meantime", type=_CORPUS, help=meantime_help),
            click.option("--limit", type=int, help="Only the first N MEANTIME documents."),
            click.option("--errors", "show_errors", is_flag=True, help=errors_help),
        )
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _echo_gold_and_meantime(
    task: GoldAndMeantimeTask[TaskScoreT],
    gold_file: Path | None,
    split: str,
    as_json: bool,
    meantime: Path | None,
    limit: int | None,
    show_errors: bool,
) -> None:
    """Score ``task`` on the sources given and print its figures (and errors)."""
    from claimgraph.analyse import build_pipeline

    if gold_file is None and meantime is None:
        raise click.UsageError("give GOLD_FILE, --meantime DIR, or both")
    scores = task.run(build_pipeline(), gold_file, split, meantime, limit)
    if as_json:
        click.echo(json.dumps({k: s.as_dict() for k, s in scores.items()}, indent=2))
    else:
        click.echo(task.render(scores))
    if show_errors:
        for s in scores.values():
            click.echo("\n".join(json.dumps(e) for e in s.errors))


@eval_group.command(name="dates")
@_gold_and_meantime_options(
    meantime_help="Also score on MEANTIME TIMEX3 in DIR.",
    errors_help="List misses and wrong values.",
)
def dates_command(**options: Any) -> None:
    """Score date detection and resolution on GOLD_FILE and/or MEANTIME."""
    from claimgraph.eval import dates

    _echo_gold_and_meantime(dates, **options)


@eval_group.command(name="factuality")
@_gold_and_meantime_options(
    meantime_help="Also score on MEANTIME event mentions in DIR.",
    errors_help="List wrong items.",
)
def factuality_command(**options: Any) -> None:
    """Score polarity, certainty and stance on GOLD_FILE and/or MEANTIME."""
    from claimgraph.eval import factuality

    _echo_gold_and_meantime(factuality, **options)


@eval_group.command(name="linking")
@click.argument("gold_dir", type=_CORPUS)
@click.option("--split", type=_SPLIT, default="dev", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List missed figures and counts.")
def linking_command(gold_dir: Path, split: str, as_json: bool, show_errors: bool) -> None:
    """Score cross-outlet linking on the gold stories in GOLD_DIR (gold/linking)."""
    from claimgraph.eval import linking as leval
    from claimgraph.eval.linking_gold import GoldError

    try:
        scores = leval.evaluate_linking(gold_dir, split)
    except GoldError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps({"linking": scores.as_dict()}, indent=2))
    else:
        click.echo(leval.render(scores))
    if show_errors:
        click.echo("\n".join(scores.errors))


@eval_group.command(name="attribution")
@click.option("--polnear", "polnear_dir", required=True, type=_CORPUS,
              help="PolNeAR folder (SPLIT/text, SPLIT/attributions).")  # fmt: skip
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--limit", type=int, help="Only the first N articles (sorted by name).")
@click.option("--rules-only", is_flag=True, help="Switch the trained cue scorer off.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def attribution_command(
    polnear_dir: Path, split: str, limit: int | None, rules_only: bool, as_json: bool
) -> None:
    """Score source, cue and content spans on PolNeAR, next to textacy's quotations."""
    from claimgraph.eval import attribution as aeval

    report = aeval.evaluate_attribution(polnear_dir, split, limit, rules_only=rules_only)
    if as_json:
        click.echo(json.dumps({"attribution": report.as_dict()}, indent=2))
    else:
        click.echo(aeval.format_report(report))


def _quantity_scores_text(scores: QuantityScores) -> str:
    lines = [f"quantities: split={scores.split} sentences={scores.sentences}"]
    for name, prf in scores.scores.items():
        lines.append(
            f"  {name:24} P={100 * prf.precision:5.1f} R={100 * prf.recall:5.1f} "
            f"F1={100 * prf.f1:5.1f}  (tp={prf.true_positives:g} pred={prf.predicted} "
            f"gold={prf.gold})"
        )
    return "\n".join(lines)


@eval_group.command(name="figures")
@click.option("--gva", "gva_dir", required=True, type=_CORPUS,
              help="gva-dev folder (incident folders and gold.json).")  # fmt: skip
@click.option("--limit", type=int, help="Only the first N incidents of a fixed order.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="List each wrong incident's offending figure with its sentence.")  # fmt: skip
def figures_command(gva_dir: Path, limit: int | None, as_json: bool, show_errors: bool) -> None:
    """Score figure groups and conflicts on real shooting coverage (one store per incident)."""
    from claimgraph.eval import gva_figures

    scores = gva_figures.evaluate_gva(gva_dir, limit)
    if as_json:
        click.echo(json.dumps({"figures": scores.as_dict()}, indent=2))
    else:
        click.echo(gva_figures.format_shares(scores))
    if show_errors:
        click.echo("\n".join(scores.errors()))
