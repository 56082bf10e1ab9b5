"""Entities: the list, and one entity's statements, figures and mentions across stories."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimgraph.errors import NotFound
from claimgraph.web.deps import CatalogDep
from claimgraph.web.render import render_page

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 100


def page_link(q: str | None, page: int) -> str:
    return "/entities?" + urlencode({k: v for k, v in (("q", q), ("page", page)) if v})


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request, catalog: CatalogDep, q: str | None = None, page: int = Query(1, ge=1)
) -> HTMLResponse:
    found = catalog.snapshot().entities.search(q)
    start = (page - 1) * PAGE_SIZE
    shown = found[start : start + PAGE_SIZE]
    return render_page(
        request,
        "entities.html",
        q=q or "",
        entities=shown,
        total=len(found),
        first=start + 1,
        previous=page_link(q, page - 1) if page > 1 else None,
        next=page_link(q, page + 1) if start + PAGE_SIZE < len(found) else None,
    )


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity(request: Request, catalog: CatalogDep, name: str) -> HTMLResponse:
    snapshot = catalog.snapshot()
    record = snapshot.entities.get(name)
    if record is None:
        raise NotFound(f"no entity named {name!r}")
    titles = {sid: r.story.title for sid, r in snapshot.reports.items()}
    return render_page(
        request,
        "entity.html",
        record=record,
        about=list(snapshot.entities.said_about(record)),
        titles=titles,
    )
