"""Figures about the same thing, grouped across the articles of a story.

A figure's key is what it counts, folded to a class ("soldiers", "troops", "infantry"
are one class), what happened to it when the sentence says ("troops ... died" counts
deaths, not troops), its unit, and the place or nationality it belongs to when the text
names one ("North Korean soldiers"). Figures that name no place join the group of their
class whose place their sentence mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimgraph.link.counted import count_class
from claimgraph.link.places import place_key
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Attribution,
    FigureGroup,
    FigureMember,
    Metadata,
    Quantity,
)
from claimgraph.sentences import sentence_bounds

PLACE_LABELS = frozenset({"GPE", "NORP"})


@dataclass(frozen=True)
class Located:
    """A quantity with the article context the grouping needs."""

    article: Article
    analysis: ArticleAnalysis
    quantity: Quantity
    sentence: tuple[int, int]


def item_class(item: Located) -> str:
    return count_class(item.quantity, item.article.text, item.sentence)


def places_in(analysis: ArticleAnalysis, start: int, end: int) -> list[str]:
    return [
        place_key(m.name)
        for m in analysis.entities
        if m.label in PLACE_LABELS and start <= m.span.start and m.span.end <= end
    ]


POSSESSIVE = re.compile(r"^(’s|'s|’|')\s")
# How far before the figure a possessive place may stand ("Russia’s casualties as high as").
POSSESSIVE_WINDOW = 30


def explicit_place(item: Located) -> str | None:
    """The place the counted words themselves name ("North Korean soldiers")."""
    q = item.quantity
    if q.counted is None:
        return None
    start, end = min(q.span.start, q.counted.start), max(q.span.end, q.counted.end)
    found = places_in(item.analysis, start, end)
    if not found:
        found = possessive_places(item, start)
    return found[-1] if found else None


def possessive_places(item: Located, start: int) -> list[str]:
    """ "Russia’s casualties": a place in the possessive right before the counted words."""
    window_start = max(item.sentence[0], start - POSSESSIVE_WINDOW)
    text = item.article.text
    return [
        place_key(m.name)
        for m in item.analysis.entities
        if m.label in PLACE_LABELS
        and window_start <= m.span.start
        and m.span.end <= start
        and POSSESSIVE.match(text[m.span.end : m.span.end + 3])
    ]


def place_names(located: Sequence[Located]) -> dict[str, str]:
    """The most frequent written name of each place key, for labels ("North Korea")."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in located:
        for m in item.analysis.entities:
            if m.label == "GPE":
                names = counts[place_key(m.name)]
                names[m.name] += 1
    return {key: max(names, key=lambda n: (names[n], n)) for key, names in counts.items()}


def group_key(item: Located, place: str | None) -> tuple[str, str, str]:
    return (item_class(item), item.quantity.unit or "", place or "")


def group_id(story_id: str, key: tuple[str, str, str]) -> str:
    digest = hashlib.sha256("\x1f".join((story_id, *key)).encode()).hexdigest()[:12]
    return "g" + digest


def group_label(key: tuple[str, str, str], names: Mapping[str, str]) -> str:
    name, unit, place = key
    words = [names.get(place, place.title())] if place else []
    words.append(name)
    if unit and unit != name:
        words.append(f"({unit})")
    return " ".join(words)


def locate(items: Sequence[tuple[Article, ArticleAnalysis]]) -> list[Located]:
    located = []
    for article, analysis in items:
        for q in analysis.quantities:
            if q.kind != "figure":
                continue  # durations and ages are not counts outlets report and compare
            located.append(
                Located(
                    article, analysis, q, sentence_bounds(article.text, q.span.start, q.span.end)
                )
            )
    return located


def assign_keys(located: Sequence[Located]) -> list[tuple[Located, tuple[str, str, str]]]:
    """Key every figure; a figure naming no place joins a placed group its sentence names."""
    explicit = {id(item): explicit_place(item) for item in located}
    placed: dict[tuple[str, str], set[str]] = defaultdict(set)
    for item in located:
        place = explicit[id(item)]
        if place:
            placed[(item_class(item), item.quantity.unit or "")].add(place)
    keyed = []
    for item in located:
        place = explicit[id(item)]
        if place is None:
            options = placed.get((item_class(item), item.quantity.unit or ""), set())
            mentioned = places_in(item.analysis, *item.sentence)
            matches = [p for p in mentioned if p in options]
            if matches:
                place = max(set(matches), key=lambda p: (matches.count(p), p))
            elif len(options) == 1:
                # One place only counts this class in the story: the figure is about it.
                place = next(iter(options))
        keyed.append((item, group_key(item, place)))
    return keyed


# "two others", "three other victims": a count set against a group named just before.
OTHERS_AFTER = re.compile(r"\s*others?\b", re.IGNORECASE)
OTHERS_BEFORE = re.compile(r"\bothers?\s+$", re.IGNORECASE)


def others_of_same_class(keyed: Sequence[tuple[Located, tuple[str, str, str]]]) -> set[int]:
    """Figures of "others" that follow a figure of their own class in the same or the
    previous sentence ("one was in critical condition and three others were stable";
    "two were taken to hospital. Seven others were treated for injuries"): a part of a
    larger count, not a rival total. After a figure of another class they are the total
    of theirs ("one person was killed and two others were wounded"); and after the same
    number, they restate it (a headline, then its lead). Ids of the items."""
    parts: set[int] = set()
    by_article: dict[str, list[tuple[Located, str]]] = defaultdict(list)
    for item, key in keyed:
        by_article[item.article.id].append((item, key[0]))
    for items in by_article.values():
        items.sort(key=lambda pair: pair[0].quantity.span.start)
        for i, (item, name) in enumerate(items):
            if not _says_others(item):
                continue
            reach = _previous_sentence_start(item)
            before = [
                other.quantity.value
                for other, other_name in items[:i]
                if other_name == name and other.quantity.span.start >= reach
            ]
            # The same number again is the total restated ("3 dead, 8 wounded" over
            # "three were killed and eight others wounded"), not the rest of it.
            if before and item.quantity.value not in before:
                parts.add(id(item))
    return parts


def _says_others(item: Located) -> bool:
    text, span = item.article.text, item.quantity.span
    return bool(OTHERS_AFTER.match(text, span.end) or OTHERS_BEFORE.search(text, 0, span.start))


def _previous_sentence_start(item: Located) -> int:
    start = item.sentence[0]
    if start == 0:
        return 0
    return sentence_bounds(item.article.text, max(0, start - 2), max(0, start - 1))[0]


def build_member(
    item: Located,
    attributions: Mapping[tuple[str, str], Attribution],
    appearances: Mapping[str, tuple[Metadata, ...]],
    scope: str,
) -> FigureMember:
    q = item.quantity
    attribution = attributions.get((item.article.id, q.attribution_id or ""))
    outlets = appearances.get(item.article.id) or (item.article.metadata,)
    date = q.date.value if q.date and q.date.value else None
    if date is None and attribution and attribution.date and attribution.date.value:
        date = attribution.date.value
    if date is None and item.article.metadata.published:
        # Undated in its sentence: the figure stood as of the article's publication day.
        date = item.article.metadata.published[:10]
    source = None
    if attribution is not None:
        source = attribution.source_entity or (
            " ".join(s.text for s in attribution.source) if attribution.source else "unnamed"
        )
    citing = [c.name for c in attribution.conduits if c.relation == "citing"] if attribution else []
    return FigureMember(
        article_id=item.article.id,
        quantity=q,
        source=source,
        source_titles=attribution.source_titles if attribution else (),
        conduits=tuple(c.name for c in attribution.conduits) if attribution else (),
        cited=citing[-1] if citing else None,
        outlet=outlets[0].outlet,
        date=date,
        factuality=attribution.factuality if attribution else None,
        scope=scope,
    )


def member_order(member: FigureMember) -> tuple[str, str, int]:
    return (member.date or "", member.article_id, member.quantity.span.start)


def make_groups(
    story_id: str,
    keyed: Sequence[tuple[Located, tuple[str, str, str]]],
    members: Sequence[FigureMember],
) -> list[FigureGroup]:
    names = place_names([item for item, _ in keyed])
    by_key: dict[tuple[str, str, str], list[FigureMember]] = defaultdict(list)
    for (_, key), member in zip(keyed, members, strict=True):
        by_key[key].append(member)
    groups = [
        FigureGroup(
            id=group_id(story_id, key),
            story_id=story_id,
            label=group_label(key, names),
            unit=key[1] or None,
            members=tuple(sorted(found, key=member_order)),
        )
        for key, found in by_key.items()
    ]
    # Largest groups first: the figures most outlets report are what the story is about.
    return sorted(groups, key=lambda g: (-len(g.members), g.label))
