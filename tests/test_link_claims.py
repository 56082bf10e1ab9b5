"""The same claim across outlets, numeric or not, and the denials that point at it."""

from __future__ import annotations

from claimgraph.link.claims import group_claims
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Attribution,
    Factuality,
    Metadata,
    Span,
    Stance,
)

TEXTS = {
    "A": "The union said the company ignored three written safety warnings about the ferry doors.",
    "B": "Inspectors told the Wire that the company ignored safety warnings about the doors.",
    "C": (
        "The company denied that it ignored any safety warnings. "
        "The mayor said the harbour reopens Friday."
    ),
}


def said(
    aid: str, source: str, cue: str, content: str, stance: Stance = Stance.ASSERTS
) -> Attribution:
    text = TEXTS[aid]
    s, c, k = text.index(source), text.index(cue), text.index(content)
    return Attribution(
        id=f"a{c}",
        cue=Span.of(text, c, c + len(cue)),
        source=(Span.of(text, s, s + len(source)),),
        content=(Span.of(text, k, k + len(content)),),
        factuality=Factuality(stance=stance),
    )


def items() -> list[tuple[Article, ArticleAnalysis]]:
    attributions = {
        "A": [
            said(
                "A",
                "The union",
                "said",
                "the company ignored three written safety warnings about the ferry doors",
            )
        ],
        "B": [
            said("B", "Inspectors", "told", "the company ignored safety warnings about the doors")
        ],
        "C": [
            said(
                "C", "The company", "denied", "that it ignored any safety warnings", Stance.DENIES
            ),
            said("C", "The mayor", "said", "the harbour reopens Friday"),
        ],
    }
    return [
        (
            Article(id=aid, text=TEXTS[aid], metadata=Metadata(outlet=f"Outlet {aid}")),
            ArticleAnalysis(article_id=aid, attributions=tuple(found)),
        )
        for aid, found in attributions.items()
    ]


def test_link_claims_group_the_same_claim_from_two_outlets_and_its_denial() -> None:
    claims = group_claims("s", items(), {})
    assert len(claims) == 1
    [claim] = claims
    assert sorted(m.article_id for m in claim.members) == ["A", "B", "C"]
    assert claim.contested
    assert {m.stance for m in claim.members} == {Stance.ASSERTS, Stance.DENIES}


def test_link_claims_leave_an_unrelated_statement_out() -> None:
    [claim] = group_claims("s", items(), {})
    assert all("harbour" not in " ".join(s.text for s in m.content) for m in claim.members)
