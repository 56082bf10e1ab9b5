"""Story grouping: same-kind incidents apart, one incident together, the seeds one story."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.link.stories import group_stories, specific_terms, story_id
from claimgraph.model import Article, ArticleAnalysis, EntityMention, Metadata, Span

SEED_DATES = {"000": "2024-10-25", "003": "2024-10-16"}

# Two ferry sinkings: the same topic words, different places, names, figures and dates.
HARBOR = (
    "Ferry Saltmarsh capsizes off Port Alder, {n} missing\n"
    "The ferry Saltmarsh capsized off Port Alder on March 3, and {n} people were missing, "
    "coast guard captain Mira Lund said. Rescuers searched the water near Port Alder as "
    "the ferry operator Alder Lines said the Saltmarsh carried 212 passengers."
)
RIVER = (
    "Ferry capsizes on the Kettle River, {n} missing\n"
    "A ferry, the Bluegill, capsized on the Kettle River near Dunmore on July 19, and {n} "
    "people were missing, police chief Tomas Berg said. Rescuers searched the water near "
    "Dunmore as the ferry operator Kettle Transit said the Bluegill carried 87 passengers."
)
NAMES = {
    HARBOR: ("Saltmarsh", "Port Alder", "Mira Lund", "Alder Lines"),
    RIVER: ("Bluegill", "Kettle River", "Dunmore", "Tomas Berg", "Kettle Transit"),
}
LABELS = {"Mira Lund": "PERSON", "Tomas Berg": "PERSON", "Port Alder": "GPE", "Dunmore": "GPE"}
# The titles the entity component gives them ("coast guard captain Mira Lund"): they speak
# for an office, so their names tie no story across time.
TITLES = {"Mira Lund": ("coast guard captain",), "Tomas Berg": ("police chief",)}


def _item(
    article_id: str, template: str, missing: int, published: str | None = None
) -> tuple[Article, ArticleAnalysis]:
    text = template.format(n=missing)
    mentions = []
    for name in NAMES[template]:
        start = text.find(name)
        while start >= 0:
            span = Span.of(text, start, start + len(name))
            label, titles = LABELS.get(name, "ORG"), TITLES.get(name, ())
            mentions.append(EntityMention(span=span, label=label, name=name, titles=titles))
            start = text.find(name, start + 1)
    article = Article(id=article_id, text=text, metadata=Metadata(published=published))
    return article, ArticleAnalysis(article_id=article_id, entities=tuple(mentions))


def _stories(items: list[tuple[Article, ArticleAnalysis]]) -> set[frozenset[str]]:
    return {frozenset(group) for group in group_stories(items)}


def test_link_same_kind_incidents_stay_apart() -> None:
    items = [_item(f"h{i}", HARBOR, 40 + i) for i in range(3)]
    items += [_item(f"r{i}", RIVER, 12 + i) for i in range(3)]
    assert _stories(items) == {frozenset({"h0", "h1", "h2"}), frozenset({"r0", "r1", "r2"})}


def test_link_time_window_applies_only_to_dated_articles() -> None:
    dated = [_item("h0", HARBOR, 40, "2026-03-03"), _item("h1", HARBOR, 41, "2026-06-01")]
    assert len(group_stories(dated)) == 2
    undated = [_item("h0", HARBOR, 40), _item("h1", HARBOR, 41)]
    assert len(group_stories(undated)) == 1


def test_link_specific_terms_hold_names_numbers_and_dates() -> None:
    article, analysis = _item("h0", HARBOR, 40)
    terms = specific_terms(article, analysis)
    assert {"PER:mira lund", "PER:lund", "L:port alder", "#:212", "D:march-3"} <= set(terms)
    assert "#:40" in terms


def test_link_story_id_is_stable() -> None:
    assert story_id(["abc", "def"]) == story_id(["abc"]) != story_id(["def"])


def test_link_seeds_make_one_story(seeds_dir: Path, entities_nlp) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.eval.entities import analyse_entities

    paths = sorted(seeds_dir.glob("*.txt"))
    if len(paths) < 2:
        pytest.skip("fewer than two seed articles")
    for dated in (True, False):
        articles = [
            Article(
                id=p.stem,
                text=p.read_text(encoding="utf-8"),
                metadata=Metadata(published=SEED_DATES.get(p.name[:3]) if dated else None),
            )
            for p in paths
        ]
        items = list(analyse_entities(entities_nlp, articles))
        assert len(group_stories(items)) == 1, f"dated={dated}"


def _terms_of(text: str, names: dict[str, str]) -> set[str]:
    mentions = []
    for name, label in names.items():
        start = text.find(name)
        span = Span.of(text, start, start + len(name))
        mentions.append(EntityMention(span=span, label=label, name=name))
    article = Article(id="a", text=text, metadata=Metadata())
    return set(specific_terms(article, ArticleAnalysis(article_id="a", entities=tuple(mentions))))


def test_link_stories_place_spellings_meet_whatever_the_label() -> None:
    first = _terms_of(
        "Shots on Plano Road near Pennsylvania Ave, Brockton.",
        {"Plano Road": "FAC", "Pennsylvania Ave": "ORG", "Brockton": "GPE"},
    )
    second = _terms_of(
        "A man was shot at Plano Rd and Pennsylvania Avenue in Brockton.",
        {"Plano Rd and Pennsylvania Avenue": "LOC", "Brockton": "PERSON"},
    )
    assert {"L:plano rd", "L:pennsylvania ave", "L:plano"} <= first & second
    # A person's name is still a person's, and the NER's "person" with a street type is
    # a place.
    assert "PER:brockton" in second
    assert "L:clairpointe ave" in _terms_of("On Clairpointe Ave.", {"Clairpointe Ave": "PERSON"})


def test_link_stories_party_names_meet_without_middle_names() -> None:
    from claimgraph.link.event_parties import party_names

    def parties(text: str, name: str) -> set[str]:
        start = text.find(name)
        mention = EntityMention(
            span=Span.of(text, start, start + len(name)), label="PERSON", name=name
        )
        article = Article(id="a", text=text, metadata=Metadata())
        return party_names(article, ArticleAnalysis(article_id="a", entities=(mention,)))

    first = parties(
        "Teen shot\n\nMichael A. Corle Jr. was charged on Monday.", "Michael A. Corle Jr."
    )
    second = parties(
        "Trial set\n\nThe trial of Michael Corle opened in the county.", "Michael Corle"
    )
    assert first == second == {"michael corle"}
