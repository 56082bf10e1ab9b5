"""The stories list: search by text, entity, outlet and dates; newest or most contested."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimgraph.web.catalog import SORTS, StoryQuery, snippets
from claimgraph.web.deps import CatalogDep
from claimgraph.web.render import render_page

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def iso_date(text: str | None) -> str | None:
    """A form's date field, or None when empty or not a date (a page never 422s on it)."""
    try:
        return date.fromisoformat(text).isoformat() if text else None
    except ValueError:
        return None


def clean(text: str | None) -> str | None:
    return text.strip() or None if text else None


def page_link(request: Request, offset: int) -> str:
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}
    return f"/stories?{urlencode({**params, 'offset': offset})}"


@router.get("/", response_class=HTMLResponse)
@router.get("/stories", response_class=HTMLResponse)
def stories_page(
    request: Request,
    catalog: CatalogDep,
    q: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    sort: str = "newest",
    offset: int = 0,
) -> HTMLResponse:
    query = StoryQuery(
        q=clean(q), entity=clean(entity), outlet=clean(outlet),
        since=iso_date(since), until=iso_date(until), sort=sort if sort in SORTS else "newest",
    )  # fmt: skip
    found = catalog.stories(query)
    offset = max(0, offset)
    shown = found[offset : offset + PAGE_SIZE]
    return render_page(
        request,
        "stories.html",
        query=query,
        stories=shown,
        hits={s.id: snippets(s, query.q) for s in shown},
        total=len(found),
        offset=offset,
        previous=page_link(request, max(0, offset - PAGE_SIZE)) if offset else None,
        next=page_link(request, offset + PAGE_SIZE) if offset + PAGE_SIZE < len(found) else None,
    )
