"""Response bodies of the JSON API; records from ``claimgraph.model`` are reused as is."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, ConfigDict

from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Attribution,
    Discrepancy,
    FigureGroup,
    FigureMember,
    Metadata,
)
from claimgraph.web.catalog import ArticleEntry, StorySummary

T = TypeVar("T")
S = TypeVar("S")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# The paging query parameters of every list endpoint.
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Page(Out, Generic[T]):
    """One page of a list: ``total`` counts every match, not just this page."""

    items: list[T]
    total: int
    limit: int
    offset: int


def paginate(items: Sequence[T], limit: int, offset: int) -> Page[T]:
    return Page[T](
        items=list(items[offset : offset + limit]), total=len(items), limit=limit, offset=offset
    )


def paginate_as(items: Sequence[S], convert: Callable[[S], T], limit: int, offset: int) -> Page[T]:
    """``paginate``, converting only the items on the page."""
    window = [convert(item) for item in items[offset : offset + limit]]
    return Page[T](items=window, total=len(items), limit=limit, offset=offset)


class ErrorDetail(Out):
    code: str
    message: str
    status: int


class ErrorBody(Out):
    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in ((404, "Not found"), (422, "Invalid request"))
}


class StoryOut(Out):
    id: str
    title: str
    article_count: int
    outlets: list[str]
    oldest: str | None
    newest: str | None
    discrepancy_count: int
    denial_count: int
    figure_group_count: int
    url: str

    @classmethod
    def of(cls, s: StorySummary) -> StoryOut:
        return cls(
            id=s.id, title=s.title, article_count=s.article_count, outlets=list(s.outlets),
            oldest=s.oldest, newest=s.newest, discrepancy_count=s.discrepancy_count,
            denial_count=s.denial_count, figure_group_count=s.figure_group_count,
            url=f"/api/stories/{s.id}",
        )  # fmt: skip


class ArticleSummaryOut(Out):
    id: str
    title: str | None
    appearances: list[Metadata]
    story_ids: list[str]

    @classmethod
    def of(cls, e: ArticleEntry) -> ArticleSummaryOut:
        return cls(
            id=e.article_id,
            title=e.title,
            appearances=list(e.appearances),
            story_ids=list(e.story_ids),
        )


class ArticleOut(Out):
    article: Article
    analysis: ArticleAnalysis
    appearances: list[Metadata]
    story_ids: list[str]


class FigureGroupOut(Out):
    story_id: str
    group: FigureGroup
    independent_sources: int  # the linker's corroboration, else distinct sources


class DiscrepancyOut(Out):
    story_id: str
    discrepancy: Discrepancy


class EntitySummaryOut(Out):
    name: str
    statements: int
    figures: int
    story_ids: list[str]


class StatementOut(Out):
    story_id: str
    article_id: str
    attribution: Attribution


class EntityFigureOut(Out):
    story_id: str
    group_label: str
    member: FigureMember


class EntityOut(Out):
    name: str
    story_ids: list[str]
    said: list[StatementOut]
    said_about: list[StatementOut]
    figures: list[EntityFigureOut]


class SearchOut(Out):
    query: str
    stories: Page[StoryOut]
    entities: list[EntitySummaryOut]


class IngestFailure(Out):
    path: str
    reason: str


class IngestWarning(Out):
    path: str
    message: str


class IngestOut(Out):
    read: int
    new: int
    new_appearances: int
    duplicates: int
    failed: int
    failures: list[IngestFailure]
    warnings: list[IngestWarning]
    seconds: float
    stories: int


class IngestStatusOut(Out):
    allowed: bool
    running: bool
    running_seconds: float | None
    uploads: int
    last: IngestOut | None
    last_error: str | None
