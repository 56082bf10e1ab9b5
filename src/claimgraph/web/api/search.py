"""``/api/search``: one query over stories and entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from claimgraph.web.api.entities import entity_summary
from claimgraph.web.api.schemas import (
    DEFAULT_LIMIT,
    ERROR_RESPONSES,
    MAX_LIMIT,
    Page,
    SearchOut,
    StoryOut,
)
from claimgraph.web.catalog import StoryQuery
from claimgraph.web.deps import CatalogDep

router = APIRouter(prefix="/api", tags=["search"], responses=ERROR_RESPONSES)
ENTITY_HITS = 20


@router.get("/search", response_model=SearchOut, summary="Search stories and entities")
def search(
    catalog: CatalogDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> SearchOut:
    found = catalog.stories(StoryQuery(q=q))
    window = [StoryOut.of(s) for s in found[offset : offset + limit]]
    entities = catalog.snapshot().entities.search(q)[:ENTITY_HITS]
    return SearchOut(
        query=q,
        stories=Page[StoryOut](items=window, total=len(found), limit=limit, offset=offset),
        entities=[entity_summary(r) for r in entities],
    )
