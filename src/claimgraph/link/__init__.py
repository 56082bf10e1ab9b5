"""Across articles: stories, figure groups, discrepancies, denials, citations, timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimgraph.link.overrides import apply_overrides
from claimgraph.link.relinking import (
    RelinkPlan,
    RelinkResult,
    apply_plan,
    plan_relink,
    relink,
)
from claimgraph.link.stories import group_stories, story_id
from claimgraph.link.story_report import (
    StoryJob,
    StoryMapper,
    build_story_report,
    run_story_job,
)
from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryOverride, StoryReport

__all__ = [
    "RelinkPlan",
    "RelinkResult",
    "StoryJob",
    "StoryMapper",
    "apply_plan",
    "build_story_report",
    "link_items",
    "plan_relink",
    "relink",
    "run_story_job",
    "story_jobs",
]


def story_jobs(
    items: Sequence[tuple[Article, ArticleAnalysis]],
    appearances: Mapping[str, tuple[Metadata, ...]],
    overrides: Sequence[StoryOverride] = (),
) -> list[StoryJob]:
    """Group articles into stories (blocked, see ``stories``), apply the user's overrides,
    and cut the rest of linking into one job per story."""
    by_id = {article.id: (article, analysis) for article, analysis in items}
    # A story is named after its earliest-stored article, so its id (and its groups' ids)
    # stay the same when later articles join it, whatever their publication dates.
    position = {article.id: i for i, (article, _) in enumerate(items)}
    overridden = {i for o in overrides for i in o.article_ids}
    jobs = []
    for article_ids in apply_overrides(group_stories(items), overrides):
        first = min(article_ids, key=position.__getitem__)
        story_appearances = {i: appearances[i] for i in article_ids if i in appearances}
        jobs.append(
            StoryJob(
                story_id=story_id([first]),
                items=tuple(by_id[i] for i in article_ids),
                appearances=story_appearances,
                pinned=bool(overridden.intersection(article_ids)),
            )
        )
    return jobs


def link_items(
    items: Sequence[tuple[Article, ArticleAnalysis]],
    appearances: Mapping[str, tuple[Metadata, ...]],
    overrides: Sequence[StoryOverride] = (),
    *,
    map_stories: StoryMapper = map,
) -> list[StoryReport]:
    """Group articles into stories and report each; ``map_stories`` runs the per-story
    jobs (the built-in ``map`` here, a cluster's map on an engine)."""
    reports = list(map_stories(run_story_job, story_jobs(items, appearances, overrides)))
    # Stories with the most articles first, then by id for a stable order.
    return sorted(reports, key=lambda r: (-len(r.story.article_ids), r.story.id))
