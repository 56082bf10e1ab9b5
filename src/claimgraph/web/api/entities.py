"""``/api/entities``: who is quoted or cited, and everything said by or about one."""

from __future__ import annotations

from fastapi import APIRouter

from claimgraph.errors import NotFound
from claimgraph.web.api.schemas import (
    DEFAULT_LIMIT,
    ERROR_RESPONSES,
    EntityFigureOut,
    EntityOut,
    EntitySummaryOut,
    Limit,
    Offset,
    Page,
    StatementOut,
    paginate_as,
)
from claimgraph.web.deps import CatalogDep
from claimgraph.web.entities import EntityIndex, EntityRecord, Said

router = APIRouter(prefix="/api/entities", tags=["entities"], responses=ERROR_RESPONSES)


def entity_summary(record: EntityRecord) -> EntitySummaryOut:
    return EntitySummaryOut(
        name=record.name,
        statements=len(record.said),
        figures=len(record.figures),
        story_ids=sorted(record.story_ids),
    )


def statement(said: Said) -> StatementOut:
    return StatementOut(
        story_id=said.story_id, article_id=said.article_id, attribution=said.attribution
    )


def entity_out(index: EntityIndex, record: EntityRecord) -> EntityOut:
    return EntityOut(
        name=record.name,
        story_ids=sorted(record.story_ids),
        said=[statement(s) for s in record.said],
        said_about=[statement(s) for s in index.said_about(record)],
        figures=[
            EntityFigureOut(story_id=f.story_id, group_label=f.group_label, member=f.member)
            for f in record.figures
        ],
    )


@router.get("", response_model=Page[EntitySummaryOut], summary="List and search entities")
def list_entities(
    catalog: CatalogDep, q: str | None = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> Page[EntitySummaryOut]:
    found = catalog.snapshot().entities.search(q)
    return paginate_as(found, entity_summary, limit, offset)


@router.get(
    "/{name:path}", response_model=EntityOut, summary="Everything said by or about one entity"
)
def get_entity(catalog: CatalogDep, name: str) -> EntityOut:
    index = catalog.snapshot().entities
    record = index.get(name)
    if record is None:
        raise NotFound(f"no entity named {name!r}")
    return entity_out(index, record)
