"""``/api/stories``: the stories list (searchable, paged) and one story's full report."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from claimgraph.model import StoryReport
from claimgraph.web.api.schemas import (
    DEFAULT_LIMIT,
    ERROR_RESPONSES,
    MAX_LIMIT,
    Page,
    StoryOut,
)
from claimgraph.web.catalog import StoryQuery
from claimgraph.web.deps import CatalogDep

router = APIRouter(prefix="/api/stories", tags=["stories"], responses=ERROR_RESPONSES)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]


@router.get("", response_model=Page[StoryOut], summary="List and search stories")
def list_stories(
    catalog: CatalogDep,
    q: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    sort: Literal["newest", "contested"] = "newest",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[StoryOut]:
    query = StoryQuery(
        q=q, entity=entity, outlet=outlet, sort=sort,
        since=since.isoformat() if since else None, until=until.isoformat() if until else None,
    )  # fmt: skip
    found = catalog.stories(query)
    window = [StoryOut.of(s) for s in found[offset : offset + limit]]
    return Page[StoryOut](items=window, total=len(found), limit=limit, offset=offset)


@router.get("/{story_id}", response_model=StoryReport, summary="One story's full report")
def get_story(catalog: CatalogDep, story_id: str) -> StoryReport:
    return catalog.report(story_id)
