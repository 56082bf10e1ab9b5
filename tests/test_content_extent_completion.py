"""Words a content holds that the frames leave out: passive subjects, conjuncts."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.content_extent import (
    add_according_conjuncts,
    add_passive_subjects,
    drop_extraposed_it,
)
from claimgraph.analyse.attribution.cue_features import sentence_bounds
from claimgraph.analyse.attribution.frames import rule_candidate


def _contents(nlp: Any, text: str) -> list[list[str]]:
    return [[s.text for s in a.content] for a in nlp(text)._.cg_attributions]


def test_content_extent_passive_subject_joins_the_content(nlp: Any) -> None:
    assert _contents(nlp, "Smith is known as a tough negotiator.") == [
        ["Smith", "a tough negotiator"]
    ]


def test_content_extent_addressee_and_agent_keep_subject_out(nlp: Any) -> None:
    doc = nlp("Voters were told that polls would open late. The plan was criticized by experts.")
    cands = [c for t in doc if (c := rule_candidate(t)) is not None]
    assert add_passive_subjects(doc, tuple(cands)) == tuple(cands)


def test_content_extent_according_takes_every_conjunct(nlp: Any) -> None:
    doc = nlp("Unemployment rose, prices fell and wages held steady, according to the ministry.")
    head = next(t for t in doc if t.lower_ == "according")
    cand = rule_candidate(head)
    assert cand is not None
    [completed] = add_according_conjuncts(sentence_bounds(doc), (cand,))
    words = {doc[i].text for i in completed.content}
    assert {"Unemployment", "prices", "wages"} <= words and "ministry" not in words


def test_content_extent_according_stops_at_another_attribution(nlp: Any) -> None:
    doc = nlp("Officials said prices fell and wages held steady, according to the ministry.")
    cands = [c for t in doc if (c := rule_candidate(t)) is not None]
    according = next(c for c in cands if c.rule == "according")
    completed = add_according_conjuncts(sentence_bounds(doc), tuple(cands))
    assert next(c for c in completed if c.rule == "according") == according


def test_content_extent_extraposed_it_leaves_the_content(nlp: Any) -> None:
    doc = nlp("It seems that the talks failed.")
    head = next(t for t in doc if t.lower_ == "seems")
    cand = Candidate(
        head=head, rule="clause", cue=(head.i,), content=frozenset(range(0, len(doc) - 1))
    )
    [completed] = drop_extraposed_it((cand,))
    assert 0 not in completed.content and head.i + 2 in completed.content
