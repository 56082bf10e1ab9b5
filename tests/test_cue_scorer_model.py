"""The shipped cue scorer: provenance, size, file format and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.analyse.cue_scorer import CueScorer, default_weights_path, load_scorer
from claimgraph.errors import ClaimgraphError

# The ceiling for anything trained that ships in the package.
MAX_SHIPPED_BYTES = 50 * 1024 * 1024


def test_cue_scorer_shipped_with_provenance() -> None:
    scorer = load_scorer()
    assert scorer is not None
    assert "PolNeAR train" in scorer.provenance["trained_on"]
    assert "research use" in scorer.provenance["trained_on"]
    assert scorer.provenance["articles"] >= 800
    assert 0.0 <= scorer.keep < scorer.add < 1.0
    assert default_weights_path().stat().st_size < MAX_SHIPPED_BYTES


def test_cue_scorer_probability_follows_weights() -> None:
    scorer = CueScorer(weights={"lemma=say": 3.0, "lemma=eat": -3.0}, bias=0.0, keep=0.1, add=0.5)
    assert scorer.probability(["lemma=say"]) > 0.9
    assert scorer.probability(["lemma=eat"]) < 0.1
    assert scorer.probability([]) == pytest.approx(0.5)
    assert scorer.probability(["lemma=eat"] * 20) == 0.0


def test_cue_scorer_shipped_with_a_second_pass() -> None:
    scorer = load_scorer()
    assert scorer is not None and scorer.stack_weights
    # the second pass knows the stacked features as well as the first pass's own
    assert any(f.startswith("in=") for f in scorer.stack_weights)
    assert any(f.startswith("lemma=") for f in scorer.stack_weights)


def test_cue_scorer_second_pass_adds_both_rows() -> None:
    scorer = CueScorer(
        weights={},
        bias=0.0,
        keep=0.1,
        add=0.5,
        stack_weights={"lemma=say": 2.0, "in=9": -4.0},
        stack_bias=0.5,
    )
    assert scorer.stacked_probability(["lemma=say"], []) == pytest.approx(
        1 / (1 + 2.718281828**-2.5)
    )
    assert scorer.stacked_probability(["lemma=say"], ["in=9"]) < 0.2


def test_cue_scorer_round_trips_through_json(tmp_path: Path) -> None:
    scorer = CueScorer(
        weights={"lemma=say": 1.5},
        bias=-2.0,
        keep=0.1,
        add=0.4,
        provenance={"trained_on": "x"},
        stack_weights={"in=none": 0.25},
        stack_bias=-1.0,
    )
    path = tmp_path / "scorer.json"
    scorer.save(path)
    assert load_scorer(path) == scorer


def test_cue_scorer_rejects_other_files_naming_them(tmp_path: Path) -> None:
    wrong = tmp_path / "weights.json"
    wrong.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ClaimgraphError, match=r"weights\.json"):
        load_scorer(wrong)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ClaimgraphError, match=r"broken\.json"):
        load_scorer(broken)
