"""``/api/figure-groups`` and ``/api/discrepancies``: across stories, or one story's."""

from __future__ import annotations

from fastapi import APIRouter

from claimgraph.model import DiscrepancyKind, FigureGroup, StoryReport
from claimgraph.web.api.schemas import (
    DEFAULT_LIMIT,
    ERROR_RESPONSES,
    DiscrepancyOut,
    FigureGroupOut,
    Limit,
    Offset,
    Page,
    paginate,
)
from claimgraph.web.catalog import Catalog
from claimgraph.web.deps import CatalogDep
from claimgraph.web.story_view import source_count

router = APIRouter(prefix="/api", tags=["figures"], responses=ERROR_RESPONSES)


def reports(catalog: Catalog, story_id: str | None) -> list[StoryReport]:
    if story_id is not None:
        return [catalog.report(story_id)]
    return list(catalog.snapshot().reports.values())


def group_out(report: StoryReport, group: FigureGroup) -> FigureGroupOut:
    found = next((c for c in report.corroboration if c.group_id == group.id), None)
    sources, _ = source_count(group, found)
    return FigureGroupOut(story_id=report.story.id, group=group, independent_sources=sources)


@router.get("/figure-groups", response_model=Page[FigureGroupOut], summary="Figure groups")
def list_figure_groups(
    catalog: CatalogDep,
    story_id: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[FigureGroupOut]:
    found = [group_out(r, g) for r in reports(catalog, story_id) for g in r.figure_groups]
    return paginate(found, limit, offset)


@router.get("/discrepancies", response_model=Page[DiscrepancyOut], summary="Discrepancies")
def list_discrepancies(
    catalog: CatalogDep,
    story_id: str | None = None,
    kind: DiscrepancyKind | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[DiscrepancyOut]:
    found = [
        DiscrepancyOut(story_id=r.story.id, discrepancy=d)
        for r in reports(catalog, story_id)
        for d in r.discrepancies
        if kind is None or d.kind is kind
    ]
    return paginate(found, limit, offset)
