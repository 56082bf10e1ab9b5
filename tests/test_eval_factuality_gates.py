"""Floors for factuality: the dev half of gold/factuality.jsonl and a MEANTIME sample.

Measured (2026-11-23):
  claimgraph eval factuality gold/factuality.jsonl --split dev
      polarity 100.0, certainty 100.0, stance 100.0 (96 items)
  MEANTIME sample (every 8th English document, 15 docs), see ``_sample``:
      certainty 100.0 (23/23), polarity 100.0 (26/26)
  (whole corpus: claimgraph eval factuality --meantime /work/shared/corpora/meantime
      certainty 89.3 (215 SLINK targets), polarity 98.1 (206))
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gates
from claimgraph.eval import factuality as feval
from claimgraph.eval.meantime import document_paths, read_document

GOLD = Path(__file__).resolve().parent.parent / "gold" / "factuality.jsonl"


@pytest.mark.slow
def test_eval_factuality_dev_floor(nlp) -> None:  # type: ignore[no-untyped-def]
    gates.check_sample("factuality/gold-dev", GOLD.parent, [GOLD])
    score = feval.evaluate_gold(nlp, feval.read_gold(GOLD, "dev"))
    values: dict[str, float] = {}
    for name in feval.FIELDS:
        values[f"{name} items"] = score.fields[name].total
        values[f"{name} accuracy"] = score.fields[name].correct / score.fields[name].total
    gates.check("factuality/gold-dev", values)


def test_eval_factuality_gold_covers_every_stance() -> None:
    items = feval.read_gold(GOLD)
    assert len(items) >= 150
    assert {i.gold.stance for i in items} == set(feval.Stance)
    assert any(i.cue is None for i in items)  # the outlet's own claims
    for item in items:
        for span in (*item.content, *((item.cue,) if item.cue else ())):
            assert item.text[span.start : span.end] == span.text, item.id


@pytest.mark.slow
def test_eval_factuality_meantime_sample_floor(nlp, meantime_dir) -> None:  # type: ignore[no-untyped-def]
    paths = document_paths(meantime_dir)[::8]
    gates.check_sample("factuality/meantime-every-8th", meantime_dir, paths)
    score = feval.evaluate_meantime(nlp, [read_document(p) for p in paths])
    certainty, polarity = score.fields["certainty"], score.fields["polarity"]
    gates.check(
        "factuality/meantime-every-8th",
        {
            "certainty items": certainty.total,
            "certainty accuracy": certainty.correct / certainty.total,
            "polarity accuracy": polarity.correct / polarity.total,
        },
    )


@pytest.mark.slow
def test_eval_factuality_cli_reports_json() -> None:
    import json

    from click.testing import CliRunner

    from claimgraph.cli.eval import eval_group

    args = ["factuality", str(GOLD), "--split", "dev", "--json"]
    result = CliRunner().invoke(eval_group, args)
    assert result.exit_code == 0, result.output
    floor = 100 * gates.limit("factuality/gold-dev", "stance accuracy")
    assert json.loads(result.output)["gold:dev"]["stance"]["accuracy"] >= floor


def test_eval_factuality_cli_needs_an_input() -> None:
    from click.testing import CliRunner

    from claimgraph.cli.eval import eval_group

    result = CliRunner().invoke(eval_group, ["factuality"])
    assert result.exit_code != 0
