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


def _flags(denier: str | None, target: str, asserter: str = "the union") -> list[tuple[str, float]]:
    from claimgraph.link.contested import contested
    from claimgraph.model import ClaimGroup, ClaimMember, Denial

    asserting = ClaimMember(article_id="A", attribution_id="a1", source=asserter)
    denying = ClaimMember(article_id="B", attribution_id="a2", source=denier, stance=Stance.DENIES)
    claim = ClaimGroup(
        id="c", story_id="s", label="the track was poorly maintained",
        members=(asserting, denying), contested=True,
    )  # fmt: skip
    denial = Denial(
        id="n", story_id="s", article_id="B", attribution_id="a2", source=denier, content=(),
        target=target,
    )  # fmt: skip
    return [(d.reason, d.confidence) for d in contested("s", [claim], [denial], [])]


def test_link_contested_needs_someone_who_denies() -> None:
    assert _flags("Westmarch Rail", "that the track was poorly maintained")
    assert not _flags(None, "access to their homes")  # "were denied access": no one denies
    assert not _flags("who", "that any fights happened")  # a pronoun read as the source


def test_link_contested_a_party_never_contests_itself() -> None:
    assert not _flags("Robert Fields", "that he had shot the gun", asserter="Robert Fields")


def test_link_contested_a_ruling_disputes_no_claim() -> None:
    assert not _flags("a Harris County judge", "bond for Dardar and Miller")
    assert not _flags("Judge Rita Hathaway", "defense attorney Richard McCague's request")


def test_link_contested_confidence_follows_what_the_denial_names() -> None:
    from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE

    [(_, claim)] = _flags("Westmarch Rail", "the union's claims")
    [(_, other)] = _flags("Matrise Grant", "such ties")
    assert claim >= DEFAULT_MIN_CONFIDENCE > other


def test_link_contested_one_party_denying_one_thing_twice_is_one_flag() -> None:
    from claimgraph.link.contested import contested
    from claimgraph.model import ClaimGroup, ClaimMember, Denial

    def claim(n: int, asserter: str, target: str) -> tuple[ClaimGroup, Denial]:
        members = (
            ClaimMember(article_id=f"A{n}", attribution_id="a1", source=asserter),
            ClaimMember(
                article_id=f"A{n}", attribution_id="a2", source="Strandline Ferries",
                stance=Stance.DENIES,
            ),
        )  # fmt: skip
        denial = Denial(
            id=f"n{n}", story_id="s", article_id=f"A{n}", attribution_id="a2",
            source="Strandline Ferries", content=(), target=target,
        )  # fmt: skip
        found = ClaimGroup(id=f"c{n}", story_id="s", label=target, members=members, contested=True)
        return found, denial

    first, first_denial = claim(1, "the union", "that it ignored safety warnings")
    second, second_denial = claim(2, "Okafor", "that it had ignored any safety warnings")
    other, other_denial = claim(3, "Okafor", "that the crew was short-staffed")
    found = contested("s", [first, second, other], [first_denial, second_denial, other_denial], [])
    assert len(found) == 2
