"""One story: figure groups side by side, discrepancies, denials, timeline, graph."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimgraph.web.deps import CatalogDep
from claimgraph.web.render import render_page
from claimgraph.web.story_view import story_page

router = APIRouter(include_in_schema=False)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, catalog: CatalogDep, story_id: str) -> HTMLResponse:
    page = story_page(catalog.report(story_id))
    return render_page(request, "story.html", page=page)
