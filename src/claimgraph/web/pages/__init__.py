"""Server-rendered HTML pages: one router per page kind."""

from __future__ import annotations

from fastapi import APIRouter

from claimgraph.web.pages import article, entity, ingest, stories, story

ROUTERS: tuple[APIRouter, ...] = (
    stories.router,
    story.router,
    article.router,
    entity.router,
    ingest.router,
)
