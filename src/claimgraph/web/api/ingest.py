"""``POST /api/ingest``: upload files or send text; only when the server allows ingest."""

from __future__ import annotations

from fastapi import APIRouter, Request

from claimgraph.web.api.schemas import ErrorBody, IngestOut
from claimgraph.web.deps import CatalogDep, ConfigDep
from claimgraph.web.ingest_service import IngestFormDep, ingest_posted_form, read_uploads

__all__ = ["ERRORS", "ingest", "read_uploads", "router"]

router = APIRouter(prefix="/api", tags=["ingest"])
ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 413, 415, 422)
}


@router.post("/ingest", response_model=IngestOut, responses=ERRORS, summary="Ingest articles")
async def ingest(
    request: Request,
    catalog: CatalogDep,
    config: ConfigDep,
    form: IngestFormDep,
) -> IngestOut:
    summary = await ingest_posted_form(request, catalog, config, form)
    return IngestOut.model_validate(summary.as_dict())
