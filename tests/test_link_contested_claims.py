"""Contested flags sit on the claim a denial targets: what is denied, in its own words or
in the words it points at; never on a figure group by shared words alone."""

from __future__ import annotations

from claimgraph.link import link_items
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Attribution,
    DiscrepancyKind,
    Factuality,
    Metadata,
    Quantity,
    Span,
    Stance,
    StoryReport,
)

TEXT = (
    "Ferry sinks\n"
    "The union said the company had ignored safety warnings about the doors. "
    "The company has dismissed these claims as fake news. "
    "At least 40 people are missing, the coast guard said."
)


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span.of(TEXT, start, start + len(words))


def _attribution(aid: str, cue: str, source: str, content: str, stance: Stance) -> Attribution:
    return Attribution(
        id=aid,
        cue=_span(cue),
        source=(_span(source),),
        content=(_span(content),),
        source_entity=source,
        factuality=Factuality(stance=stance),
    )


def _report() -> StoryReport:
    assertion = _attribution(
        "a1", "said", "The union", "the company had ignored safety warnings about the doors",
        Stance.ASSERTS,
    )  # fmt: skip
    denial = _attribution(
        "a2", "dismissed", "The company", "these claims as fake news", Stance.DENIES
    )
    missing = _attribution(
        "a3", "said.", "the coast guard", "At least 40 people are missing", Stance.ASSERTS
    )
    forty = Quantity(
        id="q1", span=_span("At least 40"), value="40", counted_head="missing", attribution_id="a3"
    )
    analysis = ArticleAnalysis(
        article_id="A", attributions=(assertion, denial, missing), quantities=(forty,)
    )
    art = Article(id="A", text=TEXT, metadata=Metadata(outlet="Ledger", published="2026-03-10"))
    return link_items([(art, analysis)], {})[0]


def test_link_contested_a_pointing_denial_states_the_claim_it_denies() -> None:
    report = _report()
    [flag] = [d for d in report.discrepancies if d.kind is DiscrepancyKind.CONTESTED]
    assert flag.reason.startswith("Denied by The company: these claims (")
    assert "ignored safety warnings" in flag.reason  # what "these claims" points at
    assert "fake news" not in flag.reason.split(":")[1].split("(")[0]  # how, not what
    assert "Asserted by The union" in flag.reason


def test_link_contested_a_denial_never_lands_on_an_unrelated_figure_group() -> None:
    report = _report()
    [flag] = [d for d in report.discrepancies if d.kind is DiscrepancyKind.CONTESTED]
    assert flag.group_id is None  # the missing count is not what the company denied
    spans = {span.text for _, span in flag.spans}
    assert "At least 40" not in spans
