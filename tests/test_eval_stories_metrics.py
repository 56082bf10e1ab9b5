"""B-cubed and the adjusted Rand index on hand-computed cases."""

from __future__ import annotations

import pytest

from claimgraph.eval.stories import adjusted_rand_index, b_cubed, labels

GOLD = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}
PREDICTED = {"a": "x", "b": "y", "c": "y", "d": "y", "e": "z"}


def test_eval_ari_is_one_for_identical_partitions_under_other_names() -> None:
    renamed = {k: f"g{v}" for k, v in GOLD.items()}
    assert adjusted_rand_index(GOLD, renamed) == pytest.approx(1.0)


def test_eval_ari_matches_the_hand_computed_value() -> None:
    # Contingency table [[1,1,0],[0,2,0],[0,0,1]]: index = C(2,2) = 1, gold pairs 2,
    # predicted pairs 3, all pairs 10 -> expected 0.6, max 2.5 -> 0.4 / 1.9 = 4/19
    # (scikit-learn's adjusted_rand_score gives the same 0.2105).
    assert adjusted_rand_index(GOLD, PREDICTED) == pytest.approx(4 / 19)


def test_eval_ari_is_near_zero_for_one_big_cluster() -> None:
    assert adjusted_rand_index(GOLD, dict.fromkeys(GOLD, "all")) == pytest.approx(0.0)


def test_eval_b_cubed_matches_the_hand_computed_value() -> None:
    score = b_cubed(GOLD, PREDICTED)
    # precision: a 1, b 1/3, c 2/3, d 2/3, e 1 -> 11/15; recall: a 1/2, b 1/2, c 1,
    # d 1, e 1 -> 4/5.
    assert score.precision == pytest.approx(11 / 15)
    assert score.recall == pytest.approx(0.8)


def test_eval_labels_number_the_groups() -> None:
    assert labels([["a", "b"], ["c"]]) == {"a": "0", "b": "0", "c": "1"}
