"""One story's report from its articles alone: the unit of work of every re-link."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from claimgraph.errors import failure_reason
from claimgraph.link.citations import citation_edges, denials
from claimgraph.link.claims import group_claims
from claimgraph.link.corroboration import corroboration
from claimgraph.link.discrepancies import contested, group_discrepancies, stems
from claimgraph.link.entities import EntityCluster, link_entities
from claimgraph.link.figures import (
    Located,
    assign_keys,
    build_member,
    group_id,
    locate,
    make_groups,
)
from claimgraph.link.scope import figure_scope
from claimgraph.link.timeline import timeline
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    ArticleSummary,
    Attribution,
    CitationEdge,
    FigureGroup,
    FigureMember,
    Metadata,
    Span,
    Story,
    StoryReport,
)
from claimgraph.sentences import sentence_bounds

log = logging.getLogger("claimgraph.link")


def _story_title(items: Sequence[tuple[Article, ArticleAnalysis]]) -> str:
    for article, _ in items:
        if article.title is not None:
            return article.title.text.strip()
    text = items[0][0].text.strip()
    return text.split("\n", 1)[0][:100]


def group_contexts(
    keyed: Sequence[tuple[Located, tuple[str, str, str]]], groups: Sequence[FigureGroup]
) -> dict[str, set[str]]:
    """Word stems of the sentences each group's figures stand in (for matching denials)."""
    contexts: dict[str, set[str]] = {g.id: stems(g.label) for g in groups}
    for item, key in keyed:
        gid = group_id(groups[0].story_id, key) if groups else ""
        start, end = item.sentence
        contexts.setdefault(gid, set()).update(stems(item.article.text[start:end]))
    return contexts


def canonical_names(clusters: Sequence[EntityCluster]) -> dict[str, str]:
    """Every name a person or organisation goes by in the story -> its canonical name, so
    "Kirby" in one outlet and "John Kirby" in another are one source."""
    names: dict[str, str] = {}
    for cluster in clusters:
        if cluster.label in {"PERSON", "ORG", "PER"}:
            for alias in (cluster.name, *cluster.aliases):
                names.setdefault(alias.casefold(), cluster.name)
    return names


def with_canonical_source(member: FigureMember, names: Mapping[str, str]) -> FigureMember:
    if member.source is None:
        return member
    name = names.get(member.source.casefold(), member.source)
    return member if name == member.source else member.model_copy(update={"source": name})


def sentence_text(text: str, spans: Sequence[Span]) -> str:
    if not spans:
        return ""
    start, end = sentence_bounds(text, spans[0].start, spans[-1].end)
    return text[start:end]


def build_story_report(
    sid: str,
    items: Sequence[tuple[Article, ArticleAnalysis]],
    appearances: Mapping[str, tuple[Metadata, ...]],
) -> StoryReport:
    attributions: dict[tuple[str, str], Attribution] = {
        (article.id, a.id): a for article, analysis in items for a in analysis.attributions
    }
    located = locate(items)
    keyed = assign_keys(located)
    members = [
        build_member(
            item,
            attributions,
            appearances,
            figure_scope(
                item.quantity,
                item.article.text,
                item.sentence,
                item.article.metadata.published,
            ),
        )
        for item, _ in keyed
    ]
    clusters = link_entities(items)
    names = canonical_names(clusters)
    members = [with_canonical_source(m, names) for m in members]
    groups = make_groups(sid, keyed, members)
    story_denials = [d for article, analysis in items for d in denials(sid, article, analysis)]
    found = [d for g in groups for d in group_discrepancies(g)]
    texts = {article.id: article.text for article, _ in items}
    denial_sentences = {
        d.id: stems(sentence_text(texts[d.article_id], d.content)) for d in story_denials
    }
    found += contested(sid, story_denials, groups, group_contexts(keyed, groups), denial_sentences)
    citations: list[CitationEdge] = []
    for article, analysis in items:
        citations += citation_edges(article, analysis, appearances.get(article.id, ()))
    return StoryReport(
        story=Story(id=sid, title=_story_title(items), article_ids=tuple(a.id for a, _ in items)),
        articles=tuple(
            ArticleSummary(
                article_id=article.id,
                title=article.title.text.strip() if article.title else None,
                appearances=appearances.get(article.id, (article.metadata,)),
            )
            for article, _ in items
        ),
        figure_groups=tuple(groups),
        discrepancies=tuple(found),
        denials=tuple(story_denials),
        citations=tuple(citations),
        timeline=tuple(timeline(items)),
        corroboration=tuple(corroboration(g) for g in groups),
        entities=tuple(clusters),
        claims=tuple(group_claims(sid, items, appearances, groups)),
        attributions=tuple(
            (key[0], a) for key, a in sorted(attributions.items(), key=lambda kv: kv[0])
        ),
    )


def unlinked_report(job: StoryJob) -> StoryReport:
    """A story's articles without anything linked across them."""
    sid, items = job.story_id, job.items
    return StoryReport(
        story=Story(id=sid, title=_story_title(items), article_ids=tuple(a.id for a, _ in items)),
        articles=tuple(
            ArticleSummary(
                article_id=article.id,
                title=article.title.text.strip() if article.title else None,
                appearances=job.appearances.get(article.id, (article.metadata,)),
            )
            for article, _ in items
        ),
    )


@dataclass(frozen=True)
class StoryJob:
    """One story's share of linking: independent of every other story's."""

    story_id: str
    items: tuple[tuple[Article, ArticleAnalysis], ...]
    appearances: Mapping[str, tuple[Metadata, ...]]
    pinned: bool


def run_story_job(job: StoryJob) -> StoryReport:
    """The story's report; a story whose linking raises is reported with its articles
    only (and a warning naming it), so one story's fault never costs the re-link."""
    try:
        report = build_story_report(job.story_id, job.items, job.appearances)
    except Exception as error:  # (isolated per story, like ingest per input)
        log.warning("story %s could not be linked: %s", job.story_id, failure_reason(error))
        report = unlinked_report(job)
    if job.pinned:
        report = report.model_copy(
            update={"story": report.story.model_copy(update={"pinned": True})}
        )
    return report


StoryMapper = Callable[
    [Callable[[StoryJob], StoryReport], Sequence[StoryJob]], Iterable[StoryReport]
]
