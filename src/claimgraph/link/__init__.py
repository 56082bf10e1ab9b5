"""Across articles: stories, figure groups, discrepancies, denials, citations, timeline.

The linking modules load spaCy (story grouping compares word vectors), so this package
imports them only when one of their names is first used: importing a light submodule
(``claimgraph.link.flag_confidence``) must not cost ``claimgraph --help`` a second.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryOverride, StoryReport

if TYPE_CHECKING:
    from claimgraph.link.relinking import (
        RelinkPlan,
        RelinkResult,
        apply_plan,
        plan_relink,
        relink,
    )
    from claimgraph.link.story_report import (
        StoryJob,
        StoryMapper,
        build_story_report,
        run_story_job,
    )

_LAZY = {
    "RelinkPlan": "relinking",
    "RelinkResult": "relinking",
    "apply_plan": "relinking",
    "plan_relink": "relinking",
    "relink": "relinking",
    "StoryJob": "story_report",
    "StoryMapper": "story_report",
    "build_story_report": "story_report",
    "run_story_job": "story_report",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"claimgraph.link.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'claimgraph.link' has no attribute {name!r}")


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
    from claimgraph.link.overrides import apply_overrides
    from claimgraph.link.stories import group_stories, story_id
    from claimgraph.link.story_report import StoryJob

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
    from claimgraph.link.story_report import run_story_job

    reports = list(map_stories(run_story_job, story_jobs(items, appearances, overrides)))
    # Stories with the most articles first, then by id for a stable order.
    return sorted(reports, key=lambda r: (-len(r.story.article_ids), r.story.id))
