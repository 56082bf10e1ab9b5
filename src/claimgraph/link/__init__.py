"""Across articles: stories, figure groups, discrepancies, denials, citations, timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimgraph.link.citations import citation_edges, denials
from claimgraph.link.corroboration import corroboration
from claimgraph.link.discrepancies import contested, group_discrepancies, stems
from claimgraph.link.figures import (
    Located,
    assign_keys,
    build_member,
    group_id,
    locate,
    make_groups,
    sentence_bounds,
)
from claimgraph.link.overrides import apply_overrides
from claimgraph.link.scope import figure_scope
from claimgraph.link.stories import group_stories, story_id
from claimgraph.link.timeline import timeline
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    ArticleSummary,
    Attribution,
    CitationEdge,
    FigureGroup,
    Metadata,
    Span,
    Story,
    StoryOverride,
    StoryReport,
)
from claimgraph.store.base import Store

__all__ = ["link_items", "relink"]


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
        attributions=tuple(
            (key[0], a) for key, a in sorted(attributions.items(), key=lambda kv: kv[0])
        ),
    )


def link_items(
    items: Sequence[tuple[Article, ArticleAnalysis]],
    appearances: Mapping[str, tuple[Metadata, ...]],
    overrides: Sequence[StoryOverride] = (),
) -> list[StoryReport]:
    """Group articles into stories (then apply the user's overrides) and report each."""
    by_id = {article.id: (article, analysis) for article, analysis in items}
    # A story is named after its earliest-stored article, so its id (and its groups' ids)
    # stay the same when later articles join it, whatever their publication dates.
    position = {article.id: i for i, (article, _) in enumerate(items)}
    overridden = {i for o in overrides for i in o.article_ids}
    reports = []
    for article_ids in apply_overrides(group_stories(items), overrides):
        story_items = [by_id[i] for i in article_ids]
        first = min(article_ids, key=position.__getitem__)
        report = build_story_report(story_id([first]), story_items, appearances)
        if overridden.intersection(article_ids):
            story = report.story.model_copy(update={"pinned": True})
            report = report.model_copy(update={"story": story})
        reports.append(report)
    # Stories with the most articles first, then by id for a stable order.
    return sorted(reports, key=lambda r: (-len(r.story.article_ids), r.story.id))


def relink(store: Store) -> list[StoryReport]:
    """Re-link every stored article and replace the stored stories."""
    items = list(store.iter_articles())
    appearances = {article.id: store.appearances(article.id) for article, _ in items}
    reports = link_items(items, appearances, store.story_overrides())
    store.replace_story_reports(reports)
    return reports
