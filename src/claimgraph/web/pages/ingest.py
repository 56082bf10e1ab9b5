"""Ingest from the browser: upload files or paste a text (when the server allows it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from claimgraph.web.api.ingest import read_uploads
from claimgraph.web.deps import CatalogDep, ConfigDep
from claimgraph.web.ingest_service import authorize, check_length, check_upload, ingest_uploads
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
    files: Annotated[list[UploadFile | str] | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    outlet: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None,
    token: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    authorize(request, config, token)
    check_length(request, config)
    # A browser sends an empty part (a plain string) when no file was chosen:
    # ``read_uploads`` skips it.
    uploads = await read_uploads(files or [], text, config.max_upload_bytes)
    for upload in uploads:
        check_upload(upload, config)
    summary = ingest_uploads(catalog, uploads, outlet=outlet or None, published=published or None)
    return render_page(request, "ingest.html", config=config, summary=summary)
