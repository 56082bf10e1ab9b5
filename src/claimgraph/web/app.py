"""The FastAPI application: routes, static files, security headers, error handler.

``create_app`` is all a server needs; ``claimgraph serve`` runs it under uvicorn.
Interactive API docs (Swagger UI) are off because they load scripts from a CDN; the
OpenAPI document itself is served at ``/api/openapi.json``.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from claimgraph import __version__
from claimgraph.store import open_store
from claimgraph.web import errors
from claimgraph.web.api import ROUTERS as API_ROUTERS
from claimgraph.web.catalog import Catalog
from claimgraph.web.config import WebConfig
from claimgraph.web.pages import ROUTERS as PAGE_ROUTERS
from claimgraph.web.security import RequestGuard, SecurityHeaders

OPENAPI_URL = "/api/openapi.json"


def create_app(config: WebConfig | None = None) -> FastAPI:
    """A web app over the store at ``config.db`` (read-only unless ``allow_ingest``)."""
    config = config or WebConfig()
    config.check()
    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description="Who claims what, citing whom, and where outlets disagree.",
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
    )
    app.state.config = config
    app.state.catalog = Catalog(open_store(config.db))
    for router in (*API_ROUTERS, *PAGE_ROUTERS):
        app.include_router(router)
    static = files("claimgraph.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(RequestGuard, config=config)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so on every answer
    errors.install(app)
    return app
