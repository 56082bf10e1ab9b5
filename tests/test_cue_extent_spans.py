"""The cue-extent ranker: unbroken spans through the head, the best-scoring one wins."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.cue_extent import LEFT, RIGHT, candidate_spans, span_features
from claimgraph.analyse.attribution.layout import Layout
from claimgraph.analyse.attribution.models import AttributionModels, LinearModel
from claimgraph.analyse.attribution.scoring import learned_cue


def test_cue_extent_spans_stay_in_window_sentence_and_clear_of_source(nlp: Any) -> None:
    doc = nlp("Rain fell. Officials on Monday distanced themselves from the plan in Kyiv today.")
    head = next(t for t in doc if t.lower_ == "distanced")
    source = {t.i for t in doc if t.lower_ == "officials"}
    spans = candidate_spans(head, (head.sent.start, head.sent.end), source)
    assert spans[0] == (head.i, head.i)
    assert all(start <= head.i <= end for start, end in spans)
    assert min(start for start, _ in spans) >= head.i - LEFT
    assert max(end for _, end in spans) <= head.i + RIGHT
    assert all(not source & set(range(start, end + 1)) for start, end in spans)
    assert len(spans) == len(set(spans))


def test_cue_extent_spans_do_not_cross_punctuation(nlp: Any) -> None:
    doc = nlp("The plan, he said, in a statement, was dead.")
    head = next(t for t in doc if t.lower_ == "said")
    spans = candidate_spans(head, (0, len(doc)), {head.i - 1})
    assert spans == [(head.i, head.i)]


def test_cue_extent_ranker_takes_the_phrase_whole(nlp: Any) -> None:
    doc = nlp("The minister said in a statement that the talks had failed.")
    head = next(t for t in doc if t.lower_ == "said")
    # a model that likes a cue ending on "statement" and dislikes one ending on "a"
    scorer = AttributionModels(
        cue=LinearModel(), keep=0.0, add=1.0,
        extent=LinearModel({"rlast=statement": 2.0, "rlast=a": -1.0, "rlast=in": 1.0}),
    )  # fmt: skip
    content = {t.i for t in doc if t.i > head.i + 4}
    cand = Candidate(
        head=head, rule="clause", cue=(head.i,), source=(0, 1), content=frozenset(content)
    )
    cue = learned_cue(cand, scorer, Layout(doc))
    assert [doc[i].text for i in cue] == ["said", "in", "a", "statement"]
    features = span_features(head, head.i, head.i + 3, content, "clause")
    assert "rw=in_a_statement" in features and "out|rel_low=child:ccomp|had" not in features
