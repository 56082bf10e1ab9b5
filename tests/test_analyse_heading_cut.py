"""An attribution never runs across the heading line: a headline's "deny" does not take
the first body sentence as what is denied."""

from __future__ import annotations

from claimgraph.analyse.attribution.heading import within_heading
from claimgraph.model import Attribution, Span

TEXT = (
    "Police revise crowd figure, deny tear gas claim\n"
    "Police raised their estimate of the crowd to about 15,000 on Sunday."
)
HEADING = Span.of(TEXT, 0, TEXT.index("\n"))


def span(words: str, end_words: str | None = None) -> Span:
    start = TEXT.index(words)
    end = TEXT.index(end_words) + len(end_words) if end_words else start + len(words)
    return Span.of(TEXT, start, end)


def test_analyse_heading_cut_keeps_a_headline_attribution_in_the_headline() -> None:
    swallowing = Attribution(
        id="a1",
        cue=span("deny"),
        source=(span("Police revise crowd figure"),),
        content=(span("tear gas claim", "about 15,000"),),
    )
    cut = within_heading(swallowing, HEADING)
    assert [c.text for c in cut.content] == ["tear gas claim"]
    assert cut.source == swallowing.source


def test_analyse_heading_cut_leaves_body_attributions_and_untitled_texts_alone() -> None:
    police = TEXT.index("Police raised")
    body = Attribution(
        id="a2",
        cue=span("raised"),
        source=(Span.of(TEXT, police, police + len("Police")),),
        content=(span("their estimate", "15,000"),),
    )
    assert within_heading(body, HEADING) == body
    swallowing = body.model_copy(update={"content": (span("deny", "15,000"),)})
    assert within_heading(swallowing, None) is swallowing
