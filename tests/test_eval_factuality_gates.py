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

from claimgraph.eval import factuality as feval
from claimgraph.eval.meantime import document_paths, read_document

GOLD = Path(__file__).resolve().parent.parent / "gold" / "factuality.jsonl"


@pytest.mark.slow
def test_eval_factuality_dev_floor(nlp) -> None:  # type: ignore[no-untyped-def]
    score = feval.evaluate_gold(nlp, feval.read_gold(GOLD, "dev"))
    for name in feval.FIELDS:
        assert score.fields[name].total >= 90
        assert score.fields[name].correct / score.fields[name].total >= 0.93, name


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
    docs = [read_document(p) for p in document_paths(meantime_dir)[::8]]
    score = feval.evaluate_meantime(nlp, docs)
    certainty, polarity = score.fields["certainty"], score.fields["polarity"]
    assert certainty.total >= 20
    # Floors under the measured 100%: one miss on ~25 items must not fail the gate.
    assert certainty.correct / certainty.total >= 0.90
    assert polarity.correct / polarity.total >= 0.92


@pytest.mark.slow
def test_eval_factuality_cli_reports_json() -> None:
    import json

    from click.testing import CliRunner

    from claimgraph.cli.eval import eval_group

    args = ["factuality", str(GOLD), "--split", "dev", "--json"]
    result = CliRunner().invoke(eval_group, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["gold:dev"]["stance"]["accuracy"] >= 93.0


def test_eval_factuality_cli_needs_an_input() -> None:
    from click.testing import CliRunner

    from claimgraph.cli.eval import eval_group

    result = CliRunner().invoke(eval_group, ["factuality"])
    assert result.exit_code != 0
