"""``eval.metrics.PRF``: the one precision/recall type, for matched counts, overlaps
and averaged rates, each reported as before."""

from __future__ import annotations

import pytest

from claimgraph.eval.metrics import PRF


def test_eval_metrics_prf_matched_counts() -> None:
    found = PRF(3, 4, 6) + PRF(1, 1, 2)
    assert (found.precision, found.recall) == (0.8, 0.5)
    assert found.as_dict() == {
        "precision": 80.0, "recall": 50.0, "f1": 61.5, "tp": 4, "predicted": 5, "gold": 8,
    }  # fmt: skip


def test_eval_metrics_prf_overlap_counts_each_side() -> None:
    found = PRF.overlap(2, 2, 1, 4) + PRF(1, 2, 2)
    assert found.recall_hits == 2 and found.true_positives == 3
    assert (found.precision, found.recall) == (0.75, 2 / 6)
    assert list(found.as_dict()) == ["precision", "recall", "f1", "predicted", "gold"]


def test_eval_metrics_prf_rates_report_only_percentages() -> None:
    found = PRF.rates(0.9, 0.6)
    assert (found.precision, found.recall) == (0.9, 0.6)
    assert found.f1 == pytest.approx(0.72)
    assert found.as_dict() == {"precision": 90.0, "recall": 60.0, "f1": 72.0}
    with pytest.raises(TypeError):
        found + found
