"""Floors for date resolution: the dev half of gold/dates.jsonl and a MEANTIME sample.

Measured (2026-11-23) with the commands below; floors sit a little under the figures.
  claimgraph eval dates gold/dates.jsonl --split dev
      value accuracy 100.0 (102/102), detection relaxed F1 100.0
  MEANTIME sample (every 8th English document, 15 docs), see ``_sample``:
      value accuracy 83.9 (26/31), value F1 81.2, detection relaxed F1 96.9
  (whole corpus: claimgraph eval dates --meantime /work/shared/corpora/meantime
      value accuracy 89.4, value F1 78.2, detection relaxed F1 87.5)
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gates
from claimgraph.eval import dates as deval
from claimgraph.eval.meantime import MeantimeDocument, document_paths, read_document

GOLD = Path(__file__).resolve().parent.parent / "gold" / "dates.jsonl"


def _sample(meantime_dir: Path) -> list[MeantimeDocument]:
    paths = document_paths(meantime_dir)[::8]
    gates.check_sample("dates/meantime-every-8th", meantime_dir, paths)
    return [read_document(p) for p in paths]


@pytest.mark.slow
def test_eval_dates_dev_floor(nlp) -> None:  # type: ignore[no-untyped-def]
    gates.check_sample("dates/gold-dev", GOLD.parent, [GOLD])
    score = deval.evaluate_gold(nlp, deval.read_gold(GOLD, "dev"))
    gates.check(
        "dates/gold-dev",
        {
            "dates detected": score.detected,
            "value accuracy": score.value_accuracy,
            "relaxed F1": score.relaxed.f1,
        },
    )


def test_eval_dates_gold_has_both_splits_and_enough_items() -> None:
    items = deval.read_gold(GOLD)
    assert sum(len(i.dates) for i in items) >= 150
    dev = sum(1 for i in items if i.split == "dev")
    assert 0.4 <= dev / len(items) <= 0.6
    for item in items:
        for d in item.dates:
            assert item.text[d.start : d.end] == d.text, item.id


@pytest.mark.slow
def test_eval_dates_meantime_sample_floor(nlp, meantime_dir) -> None:  # type: ignore[no-untyped-def]
    score = deval.evaluate_meantime(nlp, _sample(meantime_dir))
    gates.check(
        "dates/meantime-every-8th",
        {
            "value accuracy": score.value_accuracy,
            "value F1": score.value.f1,
            "relaxed F1": score.relaxed.f1,
        },
    )


def test_eval_dates_meantime_reader_offsets(meantime_dir) -> None:  # type: ignore[no-untyped-def]
    doc = read_document(document_paths(meantime_dir)[0])
    assert doc.creation_time is not None
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


@pytest.mark.slow
def test_eval_dates_cli_reports_json() -> None:
    import json

    from click.testing import CliRunner

    from claimgraph.cli.eval import eval_group

    result = CliRunner().invoke(eval_group, ["dates", str(GOLD), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    floor = 100 * gates.limit("dates/gold-dev", "value accuracy")
    assert json.loads(result.output)["gold:dev"]["value_accuracy"] >= floor
