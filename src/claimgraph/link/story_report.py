"""One story's report from its articles alone: the unit of work of every re-link."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from claimgraph.errors import failure_reason
from claimgraph.link.citations import citation_edges, denials
from claimgraph.link.claims import group_claims
from claimgraph.link.contested import contested
from claimgraph.link.copies import fold_copies
from claimgraph.link.corroboration import corroboration
from claimgraph.link.discrepancies import story_discrepancies
from claimgraph.link.entities import EntityCluster, link_entities
from claimgraph.link.figures import (
    assign_keys,
    build_member,
    locate,
    make_groups,
    others_of_same_class,
)
from claimgraph.link.scope import figure_scope
from claimgraph.link.timeline import timeline
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    ArticleSummary,
    Attribution,
    CitationEdge,
    FigureMember,
    Metadata,
    Story,
    StoryReport,
)
from claimgraph.sentences import sentence_ends

log = logging.getLogger("claimgraph.link")


def _story_title(items: Sequence[tuple[Article, ArticleAnalysis]]) -> str:
    for article, _ in items:
        if article.title is not None:
            return article.title.text.strip()
    text = items[0][0].text.strip()
    return text.split("\n", 1)[0][:100]


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


# An article's lead: its first four sentences (a headline that ends its line is one),
# where news states its totals; the body breaks them down ("one person was pronounced
# dead at the scene"). Measured on gva-dev: of the conflicts whose clashing figures both
# stand in a lead, 3 of 8 read by hand were real, against 1 of 20 of all conflicts.
LEAD_SENTENCES = 4


def lead_end(text: str) -> int:
    ends = sentence_ends(text)
    return ends[LEAD_SENTENCES - 1] if len(ends) >= LEAD_SENTENCES else len(text)


def build_story_report(
    sid: str,
    story_items: Sequence[tuple[Article, ArticleAnalysis]],
    story_appearances: Mapping[str, tuple[Metadata, ...]],
) -> StoryReport:
    """Everything the report shows for one story. A near-copy of another article (a wire
    story on two sites) is one text: its outlets are appearances of the original."""
    items, appearances, _ = fold_copies(story_items, story_appearances)
    attributions: dict[tuple[str, str], Attribution] = {
        (article.id, a.id): a for article, analysis in items for a in analysis.attributions
    }
    located = locate(items)
    keyed = assign_keys(located)
    rest = others_of_same_class(keyed)
    members = [
        build_member(
            item,
            attributions,
            appearances,
            "partial"
            if id(item) in rest
            else figure_scope(
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
    published = {a.id: a.metadata.published or "" for a, _ in items}
    leads = {a.id: lead_end(a.text) for a, _ in items}
    texts = {a.id: a.text for a, _ in items}
    found = story_discrepancies(groups, published, leads, texts)
    claims = group_claims(sid, items, appearances, groups)
    ordered = sorted(attributions.items(), key=lambda kv: kv[0])
    found += contested(sid, claims, story_denials, groups, [(k[0], a) for k, a in ordered])
    citations: list[CitationEdge] = []
    for article, analysis in items:
        citations += citation_edges(article, analysis, appearances.get(article.id, ()))
    return StoryReport(
        story=Story(
            id=sid, title=_story_title(items), article_ids=tuple(a.id for a, _ in story_items)
        ),
        articles=tuple(
            ArticleSummary(
                article_id=article.id,
                title=article.title.text.strip() if article.title else None,
                appearances=appearances.get(article.id, (article.metadata,)),
                no_body=article.no_body,
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
        claims=tuple(claims),
        attributions=tuple((key[0], a) for key, a in ordered),
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
