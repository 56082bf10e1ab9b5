""" "according to" after a stance is an attribution of its own; after speech, a conduit."""

from __future__ import annotations

from typing import Any


def test_conduits_according_after_a_stance_is_its_own_attribution(nlp: Any) -> None:
    doc = nlp("Trump expects to win Iowa, according to his aides.")
    found = {a.cue.text: a for a in doc._.cg_attributions}
    assert set(found) == {"expects", "according to"}
    according = found["according to"]
    assert [s.text for s in according.source] == ["his aides"]
    assert [s.text for s in according.content] == ["Trump expects to win Iowa"]
    # the reporting words leave the stance's content, and are not its conduit
    assert [s.text for s in found["expects"].content] == ["to win Iowa"]
    assert found["expects"].conduits == ()


def test_conduits_according_after_speech_is_a_conduit(nlp: Any) -> None:
    doc = nlp("Officials said on Monday that the talks had failed, according to Reuters.")
    [said] = doc._.cg_attributions
    assert said.cue.text == "said"
    assert [c.span.text for c in said.conduits] == ["Reuters"]


def test_conduits_according_to_an_outlet_which_cited_someone(nlp: Any) -> None:
    doc = nlp("Two workers died, according to The Brannock Courier, which cited a fire official.")
    according = next(a for a in doc._.cg_attributions if a.cue.text == "according to")
    assert according.source_entity == "Brannock Courier"
    assert [(c.name, c.relation) for c in according.conduits] == [("fire official", "citing")]
