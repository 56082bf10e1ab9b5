"""Ingest from the browser: upload files or paste a text (when the server allows it)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimgraph.web.deps import CatalogDep, ConfigDep
from claimgraph.web.ingest_service import IngestFormDep, ingest_posted_form
from claimgraph.web.render import render_page

router = APIRouter(include_in_schema=False)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request, config: ConfigDep) -> HTMLResponse:
    return render_page(request, "ingest.html", config=config, summary=None)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_submit(
    request: Request,
    catalog: CatalogDep,
    config: ConfigDep,
    form: IngestFormDep,
) -> HTMLResponse:
    summary = await ingest_posted_form(request, catalog, config, form)
    return render_page(request, "ingest.html", config=config, summary=summary)
