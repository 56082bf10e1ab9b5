"""One article: its text with sources, cues, contents, figures and dates highlighted."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimgraph.web.article_view import article_page
from claimgraph.web.deps import CatalogDep
from claimgraph.web.render import render_page

router = APIRouter(include_in_schema=False)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, catalog: CatalogDep, article_id: str) -> HTMLResponse:
    stored, analysis, appearances = catalog.article(article_id)
    entry = catalog.article_entry(article_id)
    reports = [catalog.report(sid) for sid in entry.story_ids] if entry else []
    page = article_page(stored, analysis, appearances, reports)
    return render_page(request, "article.html", page=page)
