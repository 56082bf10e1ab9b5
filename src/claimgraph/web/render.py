"""Server-side pages: one Jinja2 environment with autoescaping on for every template."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from claimgraph.present.date_words import date_words
from claimgraph.web.links import article_url, entity_url, story_url


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("claimgraph.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        story_url=story_url, article_url=article_url, entity_url=entity_url, date_words=date_words
    )
    return env


def render_page(
    request: Request, name: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    config = getattr(request.app.state, "config", None)
    html = (
        environment()
        .get_template(name)
        .render(
            request_path=request.url.path,
            ingest_enabled=bool(config and config.allow_ingest),
            **context,
        )
    )
    return HTMLResponse(html, status_code=status_code)
