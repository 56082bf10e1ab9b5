"""The source-extent ranker: spans around the rules' source, the rules' own first."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.attribution.frames import rule_candidate
from claimgraph.analyse.attribution.layout import Layout
from claimgraph.analyse.attribution.models import AttributionModels, LinearModel
from claimgraph.analyse.attribution.scoring import learned_source
from claimgraph.analyse.attribution.source_extent import (
    source_alternatives,
    source_features,
    source_root,
)

SEMBLER = (
    "Mel Sembler, who helped lead fundraising for the group, said on Monday that the race was over."
)


def _said(nlp: Any, text: str) -> Any:
    doc = nlp(text)
    head = next(t for t in doc if t.lower_ == "said")
    cand = rule_candidate(head)
    assert cand is not None and cand.source
    return doc, cand


def test_source_extent_alternatives_hold_the_root_and_avoid_cue_and_content(nlp: Any) -> None:
    doc, cand = _said(nlp, SEMBLER)
    spans = source_alternatives(cand, (0, len(doc)))
    assert spans[0] == (min(cand.source), max(cand.source))
    texts = {doc[s : e + 1].text for s, e in spans}
    assert "Mel Sembler" in texts
    assert "Mel Sembler, who helped lead fundraising for the group" in texts
    blocked = set(cand.cue) | cand.content
    assert all(not blocked & set(range(s, e + 1)) for s, e in spans)
    assert len(spans) == len(set(spans))


def test_source_extent_ranker_keeps_rules_span_unless_beaten(nlp: Any) -> None:
    doc, cand = _said(nlp, SEMBLER)
    layout = Layout(doc)
    indifferent = AttributionModels(cue=LinearModel(), keep=0.0, add=1.0)
    assert learned_source(cand, indifferent, layout) == tuple(sorted(cand.source))
    # a model that wants the relative clause in the source
    wants_clause = AttributionModels(
        cue=LinearModel(), keep=0.0, add=1.0, source=LinearModel({"addR|rel_pron": 3.0})
    )
    chosen = learned_source(cand, wants_clause, layout)
    assert doc[chosen[0] : chosen[-1] + 1].text.startswith("Mel Sembler, who helped")
    whole = (0, len(doc))
    current = source_alternatives(cand, whole)[0]
    features = source_features(cand, source_root(cand), (chosen[0], chosen[-1]), current, whole)
    assert "addR|rel_pron" in features and "cur=False" in features
