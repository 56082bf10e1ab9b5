"""The cue scorer's second pass: features of the first pass's scores around a word."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.attribution.cue_features import DocContext, is_scored
from claimgraph.analyse.attribution.cue_stacking import FLOOR, band, first_pass, stacked_features
from claimgraph.analyse.attribution.frames import rule_candidate


def _stacked(nlp: Any, text: str, scores: dict[str, float]) -> dict[str, list[str]]:
    doc = nlp(text)
    context = DocContext.of(doc)
    scored = [t for t in doc if is_scored(t)]
    probability = {t.i: scores.get(t.lower_, 0.01) for t in scored}
    candidates = {t.i: rule_candidate(t) for t in scored}
    first = first_pass(doc, probability, candidates, context.sentences)
    return {
        t.lower_: stacked_features(context.words, t.i, first, context.sentences) for t in scored
    }


def test_cue_stacking_bands() -> None:
    assert [band(p) for p in (0.0, 0.19, 0.2, 0.5, 0.85, 0.9, 1.0)] == [
        "0",
        "0",
        "2",
        "4",
        "8",
        "9",
        "9",
    ]


def test_cue_stacking_cue_inside_a_likely_cues_content(nlp: Any) -> None:
    features = _stacked(
        nlp,
        "The minister said the army denied the report on Friday.",
        {"said": 0.95, "denied": 0.6},
    )
    denied = features["denied"]
    # held by "said" (band 9) as the root of its complement
    assert "in=9" in denied and "in_rule=clause|9" in denied and "in_root=1|9" in denied
    assert "in_head=1|9" in denied
    # "said" holds a likely cue in its own content, and has a sure cue beside it
    said = features["said"]
    assert "in=none" in said and "gov=6|9" in said
    assert "sentn=1" in said and "sentmax=6|9" in said
    assert any(f.startswith("shape=") and f.endswith("|True|9") for f in said)


def test_cue_stacking_unlikely_words_get_no_content(nlp: Any) -> None:
    features = _stacked(nlp, "The minister said the army denied it.", {"said": FLOOR / 2})
    assert "shape=none|0" in features["said"]
    assert "gov=0|0" in features["said"]
    assert "in=none" in features["denied"]


def test_cue_stacking_asides_are_not_held(nlp: Any) -> None:
    features = _stacked(
        nlp,
        "The minister said there was evidence of training, with the spokesman telling "
        "reporters that 3,000 soldiers had left.",
        {"said": 0.95, "telling": 0.7},
    )
    telling = features["telling"]
    # the layout makes "with X telling ..." an attribution of its own
    assert "in_aside=9" in telling
    assert not any(f.startswith("in=") for f in telling)


def test_cue_stacking_according_to_holds_nothing(nlp: Any) -> None:
    features = _stacked(
        nlp,
        "Trump expects to win Iowa, according to his aides.",
        {"expects": 0.8, "according": 0.95},
    )
    # the layout never makes "expects" part of the "according to" content alone
    assert "in=none" in features["expects"]
    assert "sentn=1" in features["expects"]
