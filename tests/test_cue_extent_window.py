"""The words the cue-extent model may add to a cue: near the head, same sentence."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.attribution import learned_cue
from claimgraph.analyse.attribution_frames import Candidate
from claimgraph.analyse.attribution_layout import Layout
from claimgraph.analyse.cue_extent import LEFT, RIGHT, extent_features, window
from claimgraph.analyse.cue_scorer import CueScorer


def test_cue_extent_window_stays_in_the_sentence(nlp: Any) -> None:
    doc = nlp("Rain fell. He distanced himself from the plan on Monday in Kyiv today.")
    head = next(t for t in doc if t.lower_ == "distanced")
    words = window(head, (head.sent.start, head.sent.end))
    assert all(t.sent == head.sent for t in words)
    assert min(t.i for t in words) >= head.i - LEFT
    assert max(t.i for t in words) <= head.i + RIGHT
    assert head not in words


def test_cue_extent_cue_is_an_unbroken_run_through_the_head(nlp: Any) -> None:
    doc = nlp("He quickly distanced himself from the plan.")
    head = next(t for t in doc if t.lower_ == "distanced")
    # a model that joins "himself" and "from" but not the adverb before the head
    scorer = CueScorer(
        weights={}, bias=0.0, keep=0.0, add=1.0,
        extent_weights={"lower=himself": 2.0, "lower=from": 2.0, "lower=quickly": -2.0,
                        "lower=the": 2.0},
        extent_bias=-1.0,
    )  # fmt: skip
    cand = Candidate(head=head, rule="learned", cue=[head.i], source=[0], content={5, 6})
    cue = learned_cue(cand, scorer, Layout(doc))
    # "the" would join, but "from" -> "the" is broken by nothing; "plan" is not joined
    assert [doc[i].text for i in cue] == ["distanced", "himself", "from", "the"]
    assert "off=1" in extent_features(doc[head.i + 1], head, False, "learned")
