"""Build a report of the stored stories in one of the output formats."""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.errors import NotFound
from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE
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


def confident_flags(reports: Sequence[StoryReport], min_confidence: float) -> list[StoryReport]:
    """The reports with only the flags whose confidence reaches ``min_confidence``."""
    return [
        r.model_copy(
            update={
                "discrepancies": tuple(d for d in r.discrepancies if d.confidence >= min_confidence)
            }
        )
        for r in reports
    ]


def render(
    store: Store,
    reports: Sequence[StoryReport],
    fmt: str,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> str:
    """``fmt`` of ``reports``; every format but JSON hides flags under ``min_confidence``
    (JSON keeps them all, each with its confidence, for the reader to choose)."""
    if fmt != "json":
        reports = confident_flags(reports, min_confidence)
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
