"""Hand-built sentences, one per hard shape of attribution the issue lists."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.model import Attribution, AttributionKind


def _attributions(nlp: Any, text: str) -> list[Attribution]:
    return list(nlp(text)._.cg_attributions)


def _only(nlp: Any, text: str, cue: str) -> Attribution:
    found = [a for a in _attributions(nlp, text) if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1, [a.cue.text for a in _attributions(nlp, text) if a.cue]
    return found[0]


def _texts(spans: tuple[Any, ...]) -> list[str]:
    return [span.text for span in spans]


def test_attribution_parenthetical_content_is_discontinuous(nlp: Any) -> None:
    a = _only(nlp, "Russia, analysts contend, is running out of shells.", "contend")
    assert _texts(a.source) == ["analysts"]
    assert _texts(a.content) == ["Russia", "is running out of shells"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to the Pentagon, the troops arrived on Monday.",
            ["the troops arrived on Monday"],
        ),
        (
            "The troops, according to the Pentagon, arrived on Monday.",
            ["The troops", "arrived on Monday"],
        ),
        (
            "The troops arrived on Monday, according to the Pentagon.",
            ["The troops arrived on Monday"],
        ),
    ],
)
def test_attribution_according_to_in_every_position(
    nlp: Any, text: str, content: list[str]
) -> None:
    a = _only(nlp, text, text[text.lower().index("according") :][: len("according to")])
    assert _texts(a.source) == ["the Pentagon"]
    assert _texts(a.content) == content


def test_attribution_absolute_participle_is_cut_from_outer_content(nlp: Any) -> None:
    text = (
        "The minister said the talks had failed, with a senior aide telling reporters "
        "that the delegation would leave on Friday."
    )
    outer = _only(nlp, text, "said")
    inner = _only(nlp, text, "telling")
    assert _texts(outer.content) == ["the talks had failed"]
    assert _texts(inner.source) == ["a senior aide"]
    assert _texts(inner.content) == ["that the delegation would leave on Friday"]


def test_attribution_split_quote_is_one_content(nlp: Any) -> None:
    text = "“We will not retreat,” the general said, “and the front line holds.”"
    a = _only(nlp, text, "said")
    assert _texts(a.content) == ["“We will not retreat,”", "“and the front line holds.”"]
    assert a.kind is AttributionKind.DIRECT


def test_attribution_quote_continues_after_cue_sentence(nlp: Any) -> None:
    text = "“We will not retreat,” said Maria Lopez. “The front line holds.”"
    a = _only(nlp, text, "said")
    assert _texts(a.content) == ["“We will not retreat,”", "“The front line holds.”"]
    assert a.source_entity == "Maria Lopez"


def test_attribution_multi_sentence_quote_after_colon(nlp: Any) -> None:
    a = _only(nlp, "She said: “We are ready. We have the weapons. We will win.”", "said")
    assert _texts(a.content) == ["“We are ready. We have the weapons. We will win.”"]


@pytest.mark.parametrize(
    "text",
    [
        "It was reported that the talks had collapsed.",
        "Reports indicate that the talks had collapsed.",
    ],
)
def test_attribution_unnamed_source_is_empty(nlp: Any, text: str) -> None:
    (a,) = _attributions(nlp, text)
    assert a.source == ()
    assert _texts(a.content) == ["that the talks had collapsed"]


def test_attribution_nominal_claim_noun(nlp: Any) -> None:
    text = "The senator repeated his claim that the election had been stolen."
    found = {a.cue.text: a for a in _attributions(nlp, text) if a.cue}
    assert "claim" in found or "repeated" in found
    a = found.get("claim") or found["repeated"]
    assert any("the election had been stolen" in span.text for span in a.content)


def test_attribution_report_from_outlet_as_source(nlp: Any) -> None:
    text = "A report from Reuters suggested that the plant had been shut."
    a = _only(nlp, text, "suggested")
    assert _texts(a.source) == ["A report from Reuters"]
    assert [(c.name, c.relation) for c in a.conduits] == [("Reuters", "report")]


@pytest.mark.parametrize(
    "cue",
    [
        "claimed", "alleged", "warned", "insisted", "acknowledged", "conceded", "noted",
        "suggested", "believes", "expects", "estimated", "disclosed", "stated", "argued",
    ],
)  # fmt: skip
def test_attribution_cue_verbs_beyond_said(nlp: Any, cue: str) -> None:
    text = f"The governor {cue} that the bridge would reopen in May."
    a = _only(nlp, text, cue)
    assert _texts(a.source) == ["The governor"]
    assert _texts(a.content) == ["that the bridge would reopen in May"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The ministry denied the reports.", "denied", "the reports"),
        (
            "The ministry dismissed the claims as propaganda.",
            "dismissed",
            "the claims as propaganda",
        ),
        ("The spokesman commented on the strike.", "commented on", "the strike"),
    ],
)
def test_attribution_object_cues(nlp: Any, text: str, cue: str, content: str) -> None:
    a = _only(nlp, text, cue)
    assert _texts(a.content) == [content]


def test_attribution_statement_and_outlet_conduits(nlp: Any) -> None:
    text = "The ministry said in a statement posted on its website that four people died."
    a = _only(nlp, text, "said")
    assert [c.relation for c in a.conduits] == ["statement"]
    assert _texts(a.content) == ["that four people died"]
    b = _only(nlp, "The mayor told CNN that the water was safe.", "told")
    assert [(c.name, c.relation) for c in b.conduits] == [("CNN", "told")]


def test_attribution_pronoun_and_description_resolution(nlp: Any) -> None:
    text = (
        "Foreign Minister Anna Berg said the border was closed. "
        "She added that talks would resume. "
        "The Interior Ministry said the camps were full. "
        "The ministry later warned that more refugees would come."
    )
    said, added, said_again, warned = _attributions(nlp, text)
    assert said.source_entity == "Anna Berg"
    assert said.source_titles == ("Foreign Minister",)
    assert added.source_entity == "Anna Berg"  # "She"
    assert said_again.source_entity == "Interior Ministry"
    assert warned.source_entity == "Interior Ministry"  # "The ministry"


def test_attribution_hedges_and_quoted_cues_are_not_attributions(nlp: Any) -> None:
    text = "“I think we will win, and they know it,” Lopez said."
    (a,) = _attributions(nlp, text)
    assert a.cue is not None and a.cue.text == "said"


def test_attribution_ids_are_deterministic(nlp: Any) -> None:
    text = "The governor said that the bridge would reopen in May."
    first = _attributions(nlp, text)
    second = _attributions(nlp, text)
    assert [a.id for a in first] == [a.id for a in second] == ["a13-17"]


def test_attribution_headline_speaker_colon(nlp: Any) -> None:
    text = "Sanders: Brexit vote could help Trump.\n\nThe senator spoke in Vermont on Friday."
    a = _only(nlp, text, ":")
    assert _texts(a.source) == ["Sanders"]
    assert _texts(a.content) == ["Brexit vote could help Trump"]
    assert not [b for b in _attributions(nlp, "Updated: the polls close at 8 p.m.") if b.cue]


def test_attribution_raising_verb_has_no_source(nlp: Any) -> None:
    a = _only(nlp, "The music seemed to match the mood in the arena.", "seemed")
    assert a.source == ()
    assert _texts(a.content) == ["The music", "to match the mood in the arena"]


def test_attribution_a_quote_belongs_to_its_nearest_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.analyse.extensions import set_doc_extensions

    set_doc_extensions()
    doc = nlp(
        "The ministry has dismissed these claims as “fake news.” A spokesman for the "
        "embassy commented on Monday, expressing concern about the border."
    )
    for attribution in doc._.cg_attributions:
        if attribution.cue is not None and attribution.cue.text == "commented":
            assert not any("fake news" in span.text for span in attribution.content)


def test_attribution_according_to_is_not_left_in_another_content(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Both governments have denied the reports of troop movements, with a Foreign Ministry "
        "spokeswoman saying Wednesday they were “pure fabrication,” according to The Daily "
        "Ledger."
    )
    denied = [a for a in doc._.cg_attributions if a.cue is not None and "denied" in a.cue.text]
    assert denied
    assert not any("according to" in span.text for span in denied[0].content)


def test_attribution_newswire_double_apostrophe_quotes(nlp: Any) -> None:
    text = "''It is over,'' said Mr. Smith, a lawyer for the family. ''We will appeal.''"
    a = _only(nlp, text, "said")
    assert _texts(a.content) == ["''It is over,''", "''We will appeal.''"]
    assert a.kind is AttributionKind.DIRECT


def test_attribution_quote_continues_after_long_source(nlp: Any) -> None:
    text = (
        "“We will not retreat,” said Maria Lopez, a commander who has led the brigade "
        "since May. “The front line holds.”"
    )
    a = _only(nlp, text, "said")
    assert _texts(a.content)[-1] == "“The front line holds.”"


def test_attribution_next_quote_handed_to_its_own_cue(nlp: Any) -> None:
    text = "“We will not retreat,” said Maria Lopez. “The line holds,” her deputy added."
    said = _only(nlp, text, "said")
    added = _only(nlp, text, "added")
    assert _texts(said.content) == ["“We will not retreat,”"]
    assert _texts(added.content) == ["“The line holds,”"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # verbs in no lexicon, found by the trained cue scorer
        ("Trump wants to build a wall on the border.", "wants", "to build a wall on the border"),
        ("Clinton proposed a tax on the rich.", "proposed", "a tax on the rich"),
    ],
)
def test_attribution_learned_cues_beyond_the_lexicons(
    nlp: Any, text: str, cue: str, content: str
) -> None:
    a = _only(nlp, text, cue)
    assert _texts(a.content) == [content]
    assert 0.0 < a.confidence < 1.0


def test_attribution_passive_expectation_keeps_its_subject_in_content(nlp: Any) -> None:
    a = _only(nlp, "The veto is expected to come before the deadline.", "is expected")
    assert _texts(a.content) == ["The veto", "to come before the deadline"]
    assert a.source == ()


def test_attribution_content_without_opening_conjunction(nlp: Any) -> None:
    a = _only(nlp, "But, Carson added, he did not support quarantines.", "added")
    assert _texts(a.content) == ["he did not support quarantines"]
