"""Coreference metrics (MUC, B-cubed, CEAF-e) and mention matching on hand-made cases."""

from __future__ import annotations

import pytest

from claimgraph.eval.entities import (
    GoldMention,
    b_cubed,
    ceaf_e,
    conll_f1,
    match_mentions,
    max_assignment,
    muc,
    with_head,
)
from claimgraph.link.entities import EntityCluster
from claimgraph.model import Span

# gold {a, b, c} {d, e}; predicted {a, b} {c, d, e}
GOLD = {
    ("d", 0, 1): "G1",
    ("d", 1, 2): "G1",
    ("d", 2, 3): "G1",
    ("d", 3, 4): "G2",
    ("d", 4, 5): "G2",
}
PREDICTED = {
    ("d", 0, 1): "P1",
    ("d", 1, 2): "P1",
    ("d", 2, 3): "P2",
    ("d", 3, 4): "P2",
    ("d", 4, 5): "P2",
}


def test_eval_muc_counts_links() -> None:
    score = muc(GOLD, PREDICTED)
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == pytest.approx(2 / 3)


def test_eval_b_cubed_averages_over_mentions() -> None:
    score = b_cubed(GOLD, PREDICTED)
    assert score.precision == pytest.approx(11 / 15)
    assert score.recall == pytest.approx(11 / 15)


def test_eval_ceaf_e_aligns_entities() -> None:
    # phi4: ({abc},{ab}) = 0.8 and ({de},{cde}) = 0.8 -> 1.6 over 2 entities each side.
    score = ceaf_e(GOLD, PREDICTED)
    assert score.precision == pytest.approx(0.8)
    assert score.recall == pytest.approx(0.8)


def test_eval_conll_is_the_mean_of_the_three_and_one_when_perfect() -> None:
    expected = (2 / 3 + 11 / 15 + 0.8) / 3
    assert conll_f1(GOLD, PREDICTED) == pytest.approx(expected)
    assert conll_f1(GOLD, GOLD) == pytest.approx(1.0)


def test_eval_max_assignment_finds_the_best_one_to_one() -> None:
    assert max_assignment([[0.9, 0.8], [0.85, 0.1]]) == pytest.approx(1.65)
    assert max_assignment([[0.5, 0.2, 0.7]]) == pytest.approx(0.7)


def test_eval_gold_head_is_before_post_modifiers() -> None:
    text = "President Barack Obama and the Bank of America , which fell"
    obama = with_head(text, GoldMention("d", 0, 22, "g", "PER"))
    assert text[obama.head_start : obama.head_end] == "Obama"
    bank = with_head(text, GoldMention("d", 27, len(text), "g", "ORG"))
    assert text[bank.head_start : bank.head_end] == "Bank"


def test_eval_match_needs_the_gold_head_inside_the_prediction() -> None:
    text = "spokesman John Kirby 's office said"
    gold = [
        with_head(text, GoldMention("d", 0, 20, "kirby", "PER")),
        with_head(text, GoldMention("d", 10, 30, "office", "ORG")),
    ]
    kirby = Span.of(text, 10, 20)
    cluster = EntityCluster(id="e1", name="John Kirby", label="PERSON", mentions=(("d", kirby),))
    assert match_mentions([cluster], gold) == {("d", 0, 20): "e1"}
