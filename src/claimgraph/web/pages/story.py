"""One story: figure groups side by side, discrepancies, denials, timeline, graph."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from claimgraph.present.story_tables import story_table, table_csv, table_json
from claimgraph.web.deps import CatalogDep
from claimgraph.web.render import render_page
from claimgraph.web.story_view import story_page

router = APIRouter(include_in_schema=False)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, catalog: CatalogDep, story_id: str) -> HTMLResponse:
    page = story_page(catalog.report(story_id), dict(request.query_params))
    return render_page(request, "story.html", page=page)


@router.get("/stories/{story_id}/{table}.{fmt}")
def story_table_download(
    catalog: CatalogDep, story_id: str, table: str, fmt: Literal["csv", "json"]
) -> Response:
    """One table of the story (figures, attributions, discrepancies, denials, citations,
    timeline) as CSV or JSON."""
    columns, rows = story_table(catalog.report(story_id), table)
    if fmt == "csv":
        disposition = f'attachment; filename="{story_id}-{table}.csv"'
        return Response(
            table_csv(columns, rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": disposition},
        )
    return Response(table_json(columns, rows), media_type="application/json")
