"""Users' corrections to story grouping: merge, split, pin; kept across re-runs."""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.article_admin import find_article_id
from claimgraph.errors import NotFound
from claimgraph.model import StoryOverride, StoryReport
from claimgraph.store.base import Store


def _story(store: Store, story_id: str) -> StoryReport:
    for report in store.story_reports():
        if report.story.id == story_id:
            return report
    raise NotFound(f"no story {story_id!r}: see `claimgraph story list`")


def _record(store: Store, override: StoryOverride) -> list[StoryReport]:
    # Linking loads spaCy: imported here so `claimgraph story --help` stays instant.
    from claimgraph.link import relink

    store.add_story_override(override)
    relink(store)
    return store.story_reports()


def merge_stories(store: Store, first: str, second: str) -> list[StoryReport]:
    a, b = _story(store, first), _story(store, second)
    anchors = (a.story.article_ids[0], b.story.article_ids[0])
    return _record(store, StoryOverride(action="merge", article_ids=anchors))


def split_story(store: Store, story_id: str, articles: Sequence[str]) -> list[StoryReport]:
    story = _story(store, story_id)
    ids = tuple(find_article_id(store, a) for a in articles)
    outside = [i for i in ids if i not in story.story.article_ids]
    if outside:
        raise NotFound(f"article {outside[0]!r} is not in story {story_id!r}")
    return _record(store, StoryOverride(action="split", article_ids=ids))


def pin_article(store: Store, article: str, story_id: str) -> list[StoryReport]:
    anchor = _story(store, story_id).story.article_ids[0]
    override = StoryOverride(action="pin", article_ids=(find_article_id(store, article), anchor))
    return _record(store, override)
