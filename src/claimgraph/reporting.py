"""Build a report of the stored stories in one of the output formats."""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.errors import NotFound
from claimgraph.model import Article, StoryReport
from claimgraph.present import render_html, render_json, render_markdown, render_text
from claimgraph.store.base import Store

FORMATS = ("text", "markdown", "html", "json")


def select_stories(store: Store, story_id: str | None = None) -> list[StoryReport]:
    reports = store.story_reports()
    if story_id is None:
        return reports
    chosen = [r for r in reports if r.story.id == story_id]
    if not chosen:
        known = ", ".join(r.story.id for r in reports[:10]) or "none"
        raise NotFound(f"no story {story_id!r}; stories in the store: {known}")
    return chosen


def render(store: Store, reports: Sequence[StoryReport], fmt: str) -> str:
    if fmt == "text":
        return render_text(reports)
    if fmt == "markdown":
        return render_markdown(reports)
    if fmt == "json":
        return render_json(reports)
    if fmt == "html":
        articles: dict[str, Article] = {
            aid: store.article(aid) for r in reports for aid in r.story.article_ids
        }
        return render_html(reports, articles=articles)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
