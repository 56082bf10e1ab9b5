"""Factuality of hand-built attributions: the issue's phenomena, one per test."""

from __future__ import annotations

from claimgraph.analyse.factuality.component import FactualityComponent
from claimgraph.model import Attribution, Certainty, Factuality, Polarity, Span, Stance


def _assess(base_doc, text: str, cue: str, content: str) -> Factuality:  # type: ignore[no-untyped-def]
    """Set one hand-made Attribution on a Doc and run the component on it."""
    doc = base_doc(text)
    c, k = text.index(cue), text.index(content)
    doc._.cg_attributions = (
        Attribution(
            id="a1",
            cue=Span.of(text, c, c + len(cue)),
            content=(Span.of(text, k, k + len(content)),),
        ),
    )
    FactualityComponent()(doc)
    [attribution] = doc._.cg_attributions
    factuality: Factuality = attribution.factuality
    return factuality


def _triple(f: Factuality) -> tuple[Polarity, Certainty, Stance]:
    return f.polarity, f.certainty, f.stance


def test_factuality_denial_of_reports(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "Russia and North Korea have denied the reports of troop deployments."
    f = _assess(base_doc, text, "denied", "the reports of troop deployments")
    assert _triple(f) == (Polarity.NEGATED, Certainty.CERTAIN, Stance.DENIES)


def test_factuality_not_explicitly_deny_is_not_a_denial(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The president did not explicitly deny the presence of foreign troops."
    f = _assess(base_doc, text, "deny", "the presence of foreign troops")
    assert f.stance is Stance.REFUSES_TO_CONFIRM
    assert f.polarity is Polarity.AFFIRMED


def test_factuality_dismissed_as_fake_news_is_a_denial(base_doc) -> None:  # type: ignore[no-untyped-def]
    f = _assess(
        base_doc, "The ministry dismissed these claims as fake news.", "dismissed", "these claims"
    )
    assert (f.stance, f.polarity) == (Stance.DENIES, Polarity.NEGATED)


def test_factuality_rumored_to_send_rumours(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The country is rumored to send 5,000 troops abroad."
    f = _assess(base_doc, text, "rumored", "to send 5,000 troops abroad")
    assert (f.stance, f.certainty) == (Stance.RUMOURS, Certainty.POSSIBLE)


def test_factuality_suggested_and_hinted_are_possible(base_doc) -> None:  # type: ignore[no-untyped-def]
    for text, cue, content in [
        (
            "Officials suggested the conflict could escalate.",
            "suggested",
            "the conflict could escalate",
        ),
        ("Diplomats hinted at new sanctions.", "hinted", "new sanctions"),
    ]:
        assert _assess(base_doc, text, cue, content).certainty is Certainty.POSSIBLE, text


def test_factuality_alleging_evidence_alleges(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "Officials spoke this week, alleging there is evidence troops were deployed."
    f = _assess(base_doc, text, "alleging", "there is evidence troops were deployed")
    assert f.stance is Stance.ALLEGES


def test_factuality_expects_will_eventually(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The office expects the force will eventually number around 12,000."
    f = _assess(base_doc, text, "expects", "the force will eventually number around 12,000")
    assert (f.stance, f.certainty) == (Stance.EXPECTS, Certainty.PROBABLE)


def test_factuality_could_potentially_is_possible(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The president said the country could potentially supply weapons."
    f = _assess(base_doc, text, "said", "the country could potentially supply weapons")
    assert _triple(f) == (Polarity.AFFIRMED, Certainty.POSSIBLE, Stance.ASSERTS)


def test_factuality_refrained_from_commenting_refuses(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The intelligence agency has refrained from commenting on the matter."
    f = _assess(base_doc, text, "refrained from commenting", "the matter")
    assert f.stance is Stance.REFUSES_TO_CONFIRM


def test_factuality_believes_is_probable(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. believes 3,000 soldiers traveled by ship."
    f = _assess(base_doc, text, "believes", "3,000 soldiers traveled by ship")
    assert (f.stance, f.certainty) == (Stance.ASSERTS, Certainty.PROBABLE)


def test_factuality_negated_content_is_negated(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said troops did not cross the border."
    f = _assess(base_doc, text, "said", "troops did not cross the border")
    assert _triple(f) == (Polarity.NEGATED, Certainty.CERTAIN, Stance.ASSERTS)


def test_factuality_negated_belief_moves_into_content(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The army does not believe the rebels will attack."
    f = _assess(base_doc, text, "believe", "the rebels will attack")
    assert _triple(f) == (Polarity.NEGATED, Certainty.PROBABLE, Stance.ASSERTS)


def test_factuality_declined_to_confirm_refuses(base_doc) -> None:  # type: ignore[no-untyped-def]
    f = _assess(base_doc, "The spokesman declined to confirm the report.", "confirm", "the report")
    assert f.stance is Stance.REFUSES_TO_CONFIRM


def test_factuality_reported_reports(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "Local media reported that the mayor had been arrested."
    f = _assess(base_doc, text, "reported", "the mayor had been arrested")
    assert f.stance is Stance.REPORTS
