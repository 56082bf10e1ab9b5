"""``/api/stories``: the stories list (searchable, paged) and one story's full report."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter

from claimgraph.model import StoryReport
from claimgraph.web.api.schemas import (
    DEFAULT_LIMIT,
    ERROR_RESPONSES,
    Limit,
    Offset,
    Page,
    StoryOut,
    paginate_as,
)
from claimgraph.web.catalog import StoryQuery
from claimgraph.web.deps import CatalogDep

router = APIRouter(prefix="/api/stories", tags=["stories"], responses=ERROR_RESPONSES)


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
    return paginate_as(found, StoryOut.of, limit, offset)


@router.get("/{story_id}", response_model=StoryReport, summary="One story's full report")
def get_story(catalog: CatalogDep, story_id: str) -> StoryReport:
    return catalog.report(story_id)
