"""Entities: the list, and one entity's statements, figures and mentions across stories."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimgraph.errors import NotFound
from claimgraph.web.deps import CatalogDep
from claimgraph.web.render import render_page

router = APIRouter(include_in_schema=False)
LIST_SIZE = 200


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, catalog: CatalogDep, q: str | None = None) -> HTMLResponse:
    found = catalog.snapshot().entities.search(q)
    return render_page(
        request, "entities.html", q=q or "", entities=found[:LIST_SIZE], total=len(found)
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
