"""Independent original sources behind a figure group."""

from __future__ import annotations

from claimgraph.link.corroboration import corroboration
from claimgraph.model import FigureGroup, FigureMember, Quantity, Span


def member(
    article: str, source: str | None, conduits: tuple[str, ...], outlet: str
) -> FigureMember:
    q = Quantity(id="q0", span=Span(start=0, end=2, text="40"), value="40")
    return FigureMember(
        article_id=article, quantity=q, source=source, conduits=conduits, outlet=outlet
    )


def test_link_corroboration_two_outlets_citing_one_source_count_once() -> None:
    group = FigureGroup(
        id="g",
        story_id="s",
        label="missing",
        members=(
            member("A", "The Washington Post", (), "Ledger"),
            member("B", "The Washington Post", (), "Wire"),
            member("C", "John Kirby", (), "Wire"),
        ),
    )
    result = corroboration(group)
    assert result.independent_sources == 2
    assert result.sources == ("John Kirby", "The Washington Post")


def test_link_corroboration_flags_anonymous_sources_that_may_be_one() -> None:
    group = FigureGroup(
        id="g",
        story_id="s",
        label="troops",
        members=(
            member("A", "anonymous officials", ("The Washington Post",), "Ledger"),
            member("B", "unnamed officials", ("NBC News",), "Wire"),
        ),
    )
    result = corroboration(group)
    assert result.independent_sources == 2
    assert result.note and "may be one source" in result.note
