"""``POST /api/ingest``: upload files or send text; only when the server allows ingest."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request

from claimgraph.web.api.schemas import ErrorBody, IngestOut, IngestStatusOut
from claimgraph.web.deps import CatalogDep, ConfigDep
from claimgraph.web.ingest_service import STATUS, IngestFormDep, ingest_posted_form, read_uploads

__all__ = ["ERRORS", "ingest", "ingest_status", "read_uploads", "router"]

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


@router.get("/ingest/status", response_model=IngestStatusOut, summary="The ingest job")
def ingest_status(config: ConfigDep) -> IngestStatusOut:
    """Whether an ingest is running (since when, how many uploads), and how the last
    one ended; ingest runs one job at a time, off the server's event loop."""
    since = STATUS.running_since
    return IngestStatusOut(
        allowed=config.allow_ingest,
        running=since is not None,
        running_seconds=round(time.time() - since, 1) if since is not None else None,
        uploads=STATUS.uploads if since is not None else 0,
        last=IngestOut.model_validate(STATUS.last) if STATUS.last is not None else None,
        last_error=STATUS.last_error,
    )
