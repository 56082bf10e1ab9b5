"""The JSON API under ``/api/``: one router per resource."""

from __future__ import annotations

from fastapi import APIRouter

from claimgraph.web.api import articles, entities, figures, ingest, search, stories

ROUTERS: tuple[APIRouter, ...] = (
    stories.router,
    articles.router,
    entities.router,
    figures.router,
    search.router,
    ingest.router,
)
