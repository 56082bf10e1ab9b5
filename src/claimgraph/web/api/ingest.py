"""``POST /api/ingest``: upload files or send text; only when the server allows ingest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.datastructures import UploadFile as StarletteUpload

from claimgraph.web.api.schemas import ErrorBody, IngestOut
from claimgraph.web.deps import CatalogDep, ConfigDep
from claimgraph.web.ingest_service import (
    Upload,
    authorize,
    check_length,
    check_upload,
    ingest_uploads,
)

router = APIRouter(prefix="/api", tags=["ingest"])
ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 413, 415, 422)
}


async def read_uploads(
    files: Sequence[StarletteUpload | str], text: str | None, limit: int
) -> list[Upload]:
    # Read one byte past the limit: enough to tell "too large" without reading it all.
    # Starlette's class: FastAPI's ``UploadFile`` subclasses it but parts are not built as one.
    chosen = [f for f in files if isinstance(f, StarletteUpload) and f.filename]
    uploads = [Upload(f.filename or "upload.txt", await f.read(limit + 1)) for f in chosen]
    if text and text.strip():
        uploads.append(Upload("pasted.txt", text.encode("utf-8")))
    return uploads


@router.post("/ingest", response_model=IngestOut, responses=ERRORS, summary="Ingest articles")
async def ingest(
    request: Request,
    catalog: CatalogDep,
    config: ConfigDep,
    files: Annotated[list[UploadFile | str] | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    outlet: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None,
    token: Annotated[str | None, Form()] = None,
) -> IngestOut:
    authorize(request, config, token)
    check_length(request, config)
    uploads = await read_uploads(files or [], text, config.max_upload_bytes)
    for upload in uploads:
        check_upload(upload, config)
    summary = ingest_uploads(catalog, uploads, outlet=outlet or None, published=published or None)
    return IngestOut.model_validate(summary.as_dict())
