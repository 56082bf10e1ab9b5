"""Entities across stories: who said what, which figures they gave, who mentions them.

An entity is a source as the analysis resolved it (``source_entity``, else the words
of the source span), a figure's source, a denier or a citation's end. Names are
compared case-insensitively; the first spelling seen is the one shown. An entity is
found under any name the stories knew it by ("Kirby" for "John Kirby"), and under its
last name when only one entity has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from claimgraph.model import Attribution, FigureMember, StoryReport


@dataclass(frozen=True)
class Said:
    """One attribution in one story's article."""

    story_id: str
    article_id: str
    attribution: Attribution
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class GaveFigure:
    story_id: str
    group_label: str
    member: FigureMember


@dataclass
class EntityRecord:
    name: str
    said: list[Said] = field(default_factory=list)
    figures: list[GaveFigure] = field(default_factory=list)
    story_ids: set[str] = field(default_factory=set)


def key_of(name: str) -> str:
    return " ".join(name.split()).casefold()


def attribution_source(attribution: Attribution) -> str | None:
    if attribution.source_entity:
        return attribution.source_entity
    words = " ".join(span.text for span in attribution.source).strip()
    return words or None


def content_text(attribution: Attribution) -> str:
    return " ".join(span.text for span in attribution.content)


def story_entities(report: StoryReport) -> set[str]:
    names = {attribution_source(a) for _, a in report.attributions}
    names |= {m.source for g in report.figure_groups for m in g.members}
    names |= {d.source for d in report.denials}
    names |= {c.cited for c in report.citations} | {c.citer for c in report.citations}
    return {name for name in names if name and name.strip()}


class EntityIndex:
    """Name -> what the entity said and which figures it gave, across stories."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}
        self.all_said: list[Said] = []
        self.aliases: dict[str, set[str]] = {}  # another name's key -> entity keys

    def record(self, name: str) -> EntityRecord:
        key = key_of(name)
        if key not in self.records:
            self.records[key] = EntityRecord(name=" ".join(name.split()))
        return self.records[key]

    def add_report(self, report: StoryReport) -> None:
        sid = report.story.id
        # Sorted: the first spelling seen names the entity, so it must not follow set order.
        for name in sorted(story_entities(report)):
            self.record(name).story_ids.add(sid)
        for entity in report.entities:
            for alias in entity.aliases:
                if key_of(alias) != key_of(entity.name):
                    self.aliases.setdefault(key_of(alias), set()).add(key_of(entity.name))
        where = {
            a.article_id: (a.appearances[0].outlet, a.appearances[0].published)
            for a in report.articles
            if a.appearances
        }
        for article_id, attribution in report.attributions:
            said = Said(sid, article_id, attribution, *where.get(article_id, (None, None)))
            self.all_said.append(said)
            source = attribution_source(attribution)
            if source:
                self.record(source).said.append(said)
        for group in report.figure_groups:
            for member in group.members:
                if member.source:
                    self.record(member.source).figures.append(GaveFigure(sid, group.label, member))

    @classmethod
    def build(cls, reports: Iterable[StoryReport]) -> EntityIndex:
        index = cls()
        for report in reports:
            index.add_report(report)
        return index

    def get(self, name: str) -> EntityRecord | None:
        """The entity named ``name``, or known by it, or whose last name it uniquely is."""
        key = key_of(name)
        if key in self.records:
            return self.records[key]
        known = [self.records[k] for k in sorted(self.aliases.get(key, ())) if k in self.records]
        if not known:
            known = [r for k, r in self.records.items() if " " in k and k.rsplit(" ", 1)[1] == key]
        # Ambiguous ("Smith" for two people) only when no one is in more stories.
        known.sort(key=lambda r: -len(r.story_ids))
        if len(known) == 1 or (known and len(known[0].story_ids) > len(known[1].story_ids)):
            return known[0]
        return None

    def search(self, text: str | None) -> list[EntityRecord]:
        needle = key_of(text or "")
        found = [r for k, r in self.records.items() if needle in k]
        return sorted(found, key=lambda r: (-len(r.story_ids), key_of(r.name)))

    def said_about(self, record: EntityRecord) -> Iterator[Said]:
        """Attributions by others whose reported content names the entity."""
        needle = key_of(record.name)
        for said in self.all_said:
            source = attribution_source(said.attribution) or ""
            if key_of(source) != needle and needle in key_of(content_text(said.attribution)):
                yield said
