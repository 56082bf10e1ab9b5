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


def _titled(article: str, source: str, titles: tuple[str, ...], outlet: str) -> FigureMember:
    return member(article, source, (), outlet).model_copy(update={"source_titles": titles})


def test_link_corroboration_outlet_citing_someone_counts_whom_it_cites() -> None:
    cited = member("A", "Northgate Herald", ("two officials on condition of anonymity",), "Post")
    cited = cited.model_copy(update={"cited": "two officials on condition of anonymity"})
    group = FigureGroup(
        id="g",
        story_id="s",
        label="deaths",
        members=(
            cited,
            # the Herald's own report of the same unnamed officials
            member(
                "B", "two officials with knowledge of the rescue", ("Northgate Herald",), "Herald"
            ),
            member("C", "Police", (), "Wire"),
        ),
    )
    result = corroboration(group)
    assert result.independent_sources == 2
    assert "Police" in result.sources


def test_link_corroboration_short_names_and_spokespeople_are_their_body() -> None:
    group = FigureGroup(
        id="g",
        story_id="s",
        label="injured",
        members=(
            member("A", "regional ambulance service", (), "Gazette"),
            member("B", "ambulance service", (), "Wire"),
            _titled("C", "Nina Varga", ("hospital spokeswoman",), "Wire"),
            member("D", "St. Aldric Hospital", (), "Courier"),
            member("E", "Marit Selby", (), "Sentinel"),
            member("F", "Selby campaign", (), "Wire"),
            member("G", "town council", (), "Wire"),
        ),
    )
    result = corroboration(group)
    assert result.sources == (
        "Marit Selby",
        "St. Aldric Hospital",
        "regional ambulance service",
        "town council",
    )


def test_link_corroboration_a_title_naming_another_body_keeps_them_apart() -> None:
    group = FigureGroup(
        id="g",
        story_id="s",
        label="injured",
        members=(
            _titled("A", "Colm Farraday", ("Inspector", "Keldmoor police"), "Gazette"),
            member("B", "Keldmoor town council", (), "Wire"),
            member("C", "Police", (), "Wire"),
        ),
    )
    assert corroboration(group).sources == ("Keldmoor town council", "Police")


def test_link_corroboration_speakers_for_one_body_are_that_body() -> None:
    group = FigureGroup(
        id="g",
        story_id="s",
        label="missing",
        members=(
            _titled("A", "Rosa Tellman", ("Fire chief",), "Courier"),
            member("B", "fire department official", (), "Post"),
            member("C", "fire service", (), "Wire"),
            member("D", "mine rescue official", (), "Courier"),
            _titled("E", "Ruairi Doyle", ("mine rescue service",), "Courier"),
            member("F", "ambulance service", (), "Gazette"),
        ),
    )
    # one "service" is not another: the words that tell which keep them apart
    assert corroboration(group).sources == ("Ruairi Doyle", "ambulance service", "fire service")
