"""Figure groups and discrepancies, on small hand-built analyses (no model needed)."""

from __future__ import annotations

from claimgraph.link import build_story_report, link_items
from claimgraph.link.intervals import interval_of
from claimgraph.link.places import place_key
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Attribution,
    Bound,
    DateRef,
    DiscrepancyKind,
    EntityMention,
    Factuality,
    Metadata,
    Quantity,
    Span,
    Stance,
)


def quantity(text: str, figure: str, counted: str, head: str, **fields: object) -> Quantity:
    start = text.index(figure)
    cstart = text.index(counted, start)
    return Quantity(
        id=f"q{start}",
        span=Span.of(text, start, start + len(figure)),
        counted=Span.of(text, cstart, cstart + len(counted)),
        counted_head=head,
        **fields,  # type: ignore[arg-type]
    )


def place(text: str, name: str, label: str = "GPE") -> EntityMention:
    start = text.index(name)
    return EntityMention(span=Span.of(text, start, start + len(name)), label=label, name=name)


def article(aid: str, text: str, outlet: str, published: str) -> Article:
    return Article(id=aid, text=text, metadata=Metadata(outlet=outlet, published=published))


def test_link_places_fold_demonyms_and_aliases() -> None:
    assert place_key("North Korean") == place_key("North Korea")
    assert place_key("Ukrainian") == place_key("Ukraine")
    assert place_key("U.S.") == place_key("United States") == place_key("American")
    assert place_key("South Korea") != place_key("North Korea")


def test_link_intervals_follow_the_bound() -> None:
    text = "x"
    exact = Quantity(id="a", span=Span.of(text, 0, 1), value="3000")
    over = Quantity(id="b", span=Span.of(text, 0, 1), value="10000", bound=Bound.GT)
    same = Quantity(id="c", span=Span.of(text, 0, 1), value="10000")
    about = Quantity(id="d", span=Span.of(text, 0, 1), value="12000", bound=Bound.APPROX)
    thousands = Quantity(id="e", span=Span.of(text, 0, 1), low="1000", high="9999", vague=True)
    intervals = {q.id: interval_of(q) for q in (exact, over, same, about, thousands)}
    assert intervals["a"] and intervals["b"] and intervals["c"] and intervals["d"]
    assert intervals["e"] is not None
    assert not intervals["a"].overlaps(intervals["b"])
    assert not intervals["b"].overlaps(intervals["c"])  # "over 10,000" excludes 10,000
    assert intervals["b"].overlaps(intervals["d"])
    assert intervals["a"].overlaps(intervals["e"])


FIRST = (
    "Ferry sinks\nThe coast guard said Tuesday that at least 40 passengers are missing. "
    "A charity said more than 75 passengers are missing."
)
SECOND = (
    "Ferry toll rises\nThe coast guard said Wednesday that 90 passengers are missing. "
    "Her team alone found 12 passengers missing."
)


def analysis_of(
    aid: str, text: str, items: list[tuple[str, str, dict[str, object]]]
) -> ArticleAnalysis:
    quantities = []
    attributions = []
    for figure, source, fields in items:
        q = quantity(text, figure, "passengers", "passenger", **fields)
        if source:
            s = text.index(source)
            cue = text.index("said", s)
            attribution = Attribution(
                id=f"a{cue}",
                cue=Span.of(text, cue, cue + 4),
                source=(Span.of(text, s, s + len(source)),),
                content=(Span.of(text, q.span.start, q.span.end + 30),),
                source_entity=source,
            )
            attributions.append(attribution)
            q = q.model_copy(update={"attribution_id": attribution.id})
        quantities.append(q)
    return ArticleAnalysis(
        article_id=aid, quantities=tuple(quantities), attributions=tuple(attributions)
    )


def ferry_story() -> list[tuple[Article, ArticleAnalysis]]:
    first = analysis_of(
        "A",
        FIRST,
        [
            ("at least 40", "coast guard", {"value": "40", "bound": Bound.GE, "date": None}),
            ("more than 75", "charity", {"value": "75", "bound": Bound.GT}),
        ],
    )
    second = analysis_of(
        "B",
        SECOND,
        [
            ("90", "coast guard", {"value": "90"}),
            ("12", "", {"value": "12", "modifiers": ("alone",)}),
        ],
    )
    return [
        (article("A", FIRST, "Ledger", "2026-03-10"), first),
        (article("B", SECOND, "Wire", "2026-03-11"), second),
    ]


def test_link_groups_the_same_counted_thing_across_outlets() -> None:
    groups = build_story_report("s", ferry_story(), {}).figure_groups
    assert len(groups) == 1
    assert sorted(m.quantity.span.text for m in groups[0].members) == [
        "12",
        "90",
        "at least 40",
        "more than 75",
    ]


def test_link_a_source_changing_its_own_figure_is_a_revision_not_a_conflict() -> None:
    dated = []
    for (art, analysis), day in zip(ferry_story(), ("2026-03-10", "2026-03-11"), strict=True):
        attributions = tuple(
            a.model_copy(update={"date": DateRef(span=a.cue, value=day, resolved=True)})
            for a in analysis.attributions
            if a.cue is not None
        )
        dated.append((art, analysis.model_copy(update={"attributions": attributions})))
    report = build_story_report("s", dated, {})
    revisions = [d for d in report.discrepancies if d.kind is DiscrepancyKind.REVISION]
    assert len(revisions) == 1
    assert "“at least 40” on 2026-03-10, then “90” on 2026-03-11" in revisions[0].reason
    assert not [d for d in report.discrepancies if d.kind is DiscrepancyKind.CONFLICT]


def test_link_scope_marks_a_partial_count_and_no_conflict_with_it() -> None:
    report = build_story_report("s", ferry_story(), {})
    members = {m.quantity.span.text: m for m in report.figure_groups[0].members}
    assert members["12"].scope == "partial"
    kinds = [d.kind for d in report.discrepancies]
    assert DiscrepancyKind.SCOPE in kinds
    for d in report.discrepancies:
        if d.kind is DiscrepancyKind.CONFLICT:
            assert "“12”" not in d.reason


def test_link_contested_when_a_source_denies() -> None:
    text = (
        "Spill\nThe company denied that it ignored warnings. Inspectors said 3 warnings were sent."
    )
    cue = text.index("denied")
    denial = Attribution(
        id="a1",
        cue=Span.of(text, cue, cue + 6),
        source=(Span.of(text, 10, 17),),
        content=(Span.of(text, cue + 12, cue + 35),),
        source_entity="The company",
        factuality=Factuality(stance=Stance.DENIES),
    )
    analysis = ArticleAnalysis(article_id="C", attributions=(denial,))
    report = link_items([(article("C", text, "Ledger", "2026-03-10"), analysis)], {})[0]
    assert [d.source for d in report.denials] == ["The company"]
    contested = [d for d in report.discrepancies if d.kind is DiscrepancyKind.CONTESTED]
    assert contested and "Denied by The company" in contested[0].reason


def test_link_keeps_figures_about_different_places_apart() -> None:
    text = (
        "War\nOfficials said 3,000 North Korean soldiers arrived and 500 Ukrainian soldiers left."
    )
    q1 = quantity(text, "3,000", "North Korean soldiers", "soldier", value="3000")
    q2 = quantity(text, "500", "Ukrainian soldiers", "soldier", value="500")
    analysis = ArticleAnalysis(
        article_id="D",
        quantities=(q1, q2),
        entities=(place(text, "North Korean", "NORP"), place(text, "Ukrainian", "NORP")),
    )
    report = link_items([(article("D", text, "Ledger", "2026-03-10"), analysis)], {})[0]
    assert len(report.figure_groups) == 2
    assert not [d for d in report.discrepancies if d.kind is DiscrepancyKind.CONFLICT]


def test_link_conflict_needs_figures_within_tenfold() -> None:
    from claimgraph.link.discrepancies import conflicts
    from claimgraph.model import FigureGroup, FigureMember

    def member(article: str, value: str, source: str) -> FigureMember:
        q = Quantity(id="q", span=Span(start=0, end=len(value), text=value), value=value)
        return FigureMember(article_id=article, quantity=q, source=source, date="2026-03-10")

    rivals = FigureGroup(
        id="g",
        story_id="s",
        label="troops",
        members=(member("A", "3000", "Kirby"), member("B", "10000", "diplomat")),
    )
    apart = FigureGroup(
        id="g",
        story_id="s",
        label="crowd",
        members=(member("A", "1", "police"), member("B", "60000", "organisers")),
    )
    in_leads = {"A": 100, "B": 100}  # lone figures count only in their articles' leads
    assert conflicts(rivals, None, in_leads)
    assert not conflicts(apart, None, in_leads)


def test_link_others_after_a_figure_of_their_class_are_a_part() -> None:
    text = (
        "One person was killed and two others were wounded. "
        "One victim was in critical condition and three others were in stable condition."
    )

    def clause(words: str) -> Span:
        start = text.index(words)
        return Span.of(text, start, start + len(words))

    quantities = (
        quantity(text, "One", "person", "person", value="1",
                 clause=clause("One person was killed")),
        quantity(text, "two", "others", "other", value="2",
                 clause=clause("two others were wounded")),
        quantity(text, "One victim", "victim", "victim", value="1",
                 clause=clause("One victim was in critical condition")),
        quantity(text, "three", "others", "other", value="3",
                 clause=clause("three others were in stable condition")),
    )  # fmt: skip
    analysis = ArticleAnalysis(article_id="A", quantities=quantities)
    report = build_story_report("s", [(article("A", text, "Ledger", "2026-03-10"), analysis)], {})
    scopes = {
        (g.label, m.quantity.span.text): m.scope for g in report.figure_groups for m in g.members
    }
    # After a death, "two others" are the wounded's total; after one in critical
    # condition, "three others" are the rest of those in hospital, a part.
    assert scopes[("injured", "two")] == "total"
    assert scopes[("in hospital condition", "three")] == "partial"
