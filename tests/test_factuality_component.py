"""The factuality component as a whole: dates of saying, the outlet's own claims."""

from __future__ import annotations

from claimgraph.analyse.dates.component import DateComponent
from claimgraph.analyse.factuality.component import FactualityComponent, assess
from claimgraph.model import Attribution, Certainty, Polarity, Span, Stance


def _attribution(text: str, cue: str, content: str) -> Attribution:
    c, k = text.index(cue), text.index(content)
    return Attribution(
        id="a1",
        cue=Span.of(text, c, c + len(cue)),
        content=(Span.of(text, k, k + len(content)),),
    )


def test_factuality_sets_date_of_saying(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "Austin said Wednesday there is evidence troops trained in June."
    doc = base_doc(text, "2024-10-25")
    DateComponent()(doc)
    doc._.cg_attributions = (
        _attribution(text, "said", "there is evidence troops trained in June"),
    )
    FactualityComponent()(doc)
    [attribution] = doc._.cg_attributions
    assert attribution.date is not None
    assert (attribution.date.span.text, attribution.date.value) == ("Wednesday", "2024-10-23")


def test_factuality_commented_on_date(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The spokesman commented on October 15, expressing that the U.S. is concerned."
    doc = base_doc(text, "2024-10-16")
    DateComponent()(doc)
    doc._.cg_attributions = (_attribution(text, "commented", "the U.S. is concerned"),)
    FactualityComponent()(doc)
    assert doc._.cg_attributions[0].date.value == "2024-10-15"


def test_factuality_outlet_claims_as_a_whole(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The storm destroyed hundreds of homes. The bridge collapsed overnight. "
        "The minister said the dam could fail."
    )
    doc = base_doc(text)
    doc._.cg_attributions = (_attribution(text, "said", "the dam could fail"),)
    FactualityComponent()(doc)
    assert doc._.cg_factuality is not None
    assert doc._.cg_factuality.certainty is Certainty.CERTAIN
    assert doc._.cg_attributions[0].factuality.certainty is Certainty.POSSIBLE


def test_factuality_outlet_none_when_everything_attributed(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said the dam could fail."
    doc = base_doc(text)
    doc._.cg_attributions = (_attribution(text, "said", "the dam could fail"),)
    FactualityComponent()(doc)
    assert doc._.cg_factuality is None


def test_factuality_unattributed_evidentials(base_doc) -> None:  # type: ignore[no-untyped-def]
    for text, stance, certainty in [
        ("The rebels reportedly seized the airport.", Stance.REPORTS, Certainty.PROBABLE),
        ("The singer is rumored to be planning a tour.", Stance.RUMOURS, Certainty.POSSIBLE),
        ("The troops could potentially be deployed.", Stance.ASSERTS, Certainty.POSSIBLE),
    ]:
        f = assess(base_doc(text), None, [Span.of(text, 0, len(text))])
        assert (f.stance, f.certainty, f.polarity) == (stance, certainty, Polarity.AFFIRMED), text


def test_factuality_said_it_was_propaganda_is_a_denial(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "A ministry spokeswoman said the reports were lies spread by foreign media."
    doc = base_doc(text, "2026-03-11")
    doc._.cg_attributions = (
        _attribution(text, "said", "the reports were lies spread by foreign media"),
    )
    FactualityComponent()(doc)
    assert doc._.cg_attributions[0].factuality.stance is Stance.DENIES


def test_factuality_a_plain_statement_is_not_a_denial(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "A ministry spokeswoman said the reports were accurate."
    doc = base_doc(text, "2026-03-11")
    doc._.cg_attributions = (_attribution(text, "said", "the reports were accurate"),)
    FactualityComponent()(doc)
    assert doc._.cg_attributions[0].factuality.stance is Stance.ASSERTS
