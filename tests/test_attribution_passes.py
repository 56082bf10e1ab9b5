"""The attribution passes: one ordered tuple, each pass handing on new, frozen candidates."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.component import extract_attributions
from claimgraph.analyse.attribution.layout import Layout
from claimgraph.analyse.attribution.passes import (
    PASSES,
    Walk,
    find_candidates,
    learned_content_edges,
    learned_cues,
    learned_sources,
)

# Quotations, a speaker line, an "according to" folded into a speech verb, an aside and
# a passive cue: most passes have something to do here.
TEXT = (
    "Lunde: The bridge will reopen in May.\n"
    "“We will not retreat,” the general said. “The front line holds.”\n"
    "Officials said on Monday that the talks had failed, according to Reuters.\n"
    "The mayor, telling reporters that repairs were late, said the budget was spent.\n"
    "Smith is known as a tough negotiator."
)


def _doc(nlp: Any) -> Any:
    own = [name for name in nlp.pipe_names if name.startswith("claimgraph_")]
    with nlp.select_pipes(disable=own):
        return nlp(TEXT)


def _parts(cands: tuple[Candidate, ...]) -> list[tuple[Any, ...]]:
    """A copy of what each candidate holds (copied, so an edit in place would show)."""
    return [
        (c.head.i, c.rule, list(c.cue), list(c.source), set(c.content), c.score, c.according)
        for c in cands
    ]


def _models(nlp: Any) -> Any:
    return nlp.get_pipe("claimgraph_attribution_v1").models


def test_attribution_passes_candidate_is_frozen(nlp: Any) -> None:
    doc = _doc(nlp)
    cand = Candidate(head=doc[0], rule="speaker", cue=(1,), content=frozenset({2, 3}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cand.content = frozenset()  # type: ignore[misc]


def test_attribution_passes_hand_on_new_immutable_candidates(nlp: Any) -> None:
    """Every pass returns a tuple of candidates whose parts cannot be edited in place,
    and leaves the tuple it was given as it was."""
    doc = _doc(nlp)
    walk = Walk(Layout(doc), _models(nlp))
    cands: tuple[Candidate, ...] = ()
    for step in PASSES:
        before = _parts(cands)
        after = step(walk, cands)
        assert _parts(cands) == before, step.__name__
        assert isinstance(after, tuple), step.__name__
        for cand in after:
            assert isinstance(cand.cue, tuple) and isinstance(cand.source, tuple)
            assert isinstance(cand.content, frozenset), step.__name__
        cands = after
    assert cands and [c.cue[0] for c in cands] == sorted(c.cue[0] for c in cands)


def test_attribution_passes_are_the_component_walk(nlp: Any) -> None:
    """The component's attributions are the records of what ``PASSES`` leave: the
    speaker line, the quotation with its continuation, the conduit, the aside and the
    passive subject."""
    doc = _doc(nlp)
    _, cands = find_candidates(doc, _models(nlp))
    assert {doc[c.cue[0]].text for c in cands} >= {":", "said", "telling", "is"}
    records = extract_attributions(doc, _models(nlp))
    found = {(r.cue.text, r.source[0].text if r.source else ""): r for r in records}
    assert [s.text for s in found[(":", "Lunde")].content] == ["The bridge will reopen in May"]
    general = found[("said", "the general")]
    assert [s.text for s in general.content] == [
        "“We will not retreat,”",
        "“The front line holds.”",
    ]
    assert [c.span.text for c in found[("said", "Officials")].conduits] == ["Reuters"]
    assert [s.text for s in found[("telling", "The mayor")].content] == ["that repairs were late"]
    assert [s.text for s in found[("is known as", "")].content] == ["Smith", "a tough negotiator"]


def test_attribution_passes_rules_only_skip_the_learned_extents(nlp: Any) -> None:
    doc = _doc(nlp)
    walk = Walk(Layout(doc), None)
    cands: tuple[Candidate, ...] = ()
    for step in PASSES[:3]:
        cands = step(walk, cands)
    assert cands and all(c.score is None for c in cands)
    for step in (learned_cues, learned_content_edges, learned_sources):
        assert step(walk, cands) is cands
