"""``/api/articles``: linked articles (paged) and one article with its analysis."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from claimgraph.web.api.schemas import (
    DEFAULT_LIMIT,
    ERROR_RESPONSES,
    MAX_LIMIT,
    ArticleOut,
    ArticleSummaryOut,
    Page,
)
from claimgraph.web.deps import CatalogDep

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERROR_RESPONSES)
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]


@router.get("", response_model=Page[ArticleSummaryOut], summary="List articles in stories")
def list_articles(
    catalog: CatalogDep,
    outlet: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[ArticleSummaryOut]:
    entries = catalog.articles()
    if outlet:
        wanted = outlet.casefold()
        entries = [
            e for e in entries if any((m.outlet or "").casefold() == wanted for m in e.appearances)
        ]
    window = [ArticleSummaryOut.of(e) for e in entries[offset : offset + limit]]
    return Page[ArticleSummaryOut](items=window, total=len(entries), limit=limit, offset=offset)


@router.get("/{article_id}", response_model=ArticleOut, summary="One article with its analysis")
def get_article(catalog: CatalogDep, article_id: str) -> ArticleOut:
    article, analysis, appearances = catalog.article(article_id)
    entry = catalog.article_entry(article_id)
    return ArticleOut(
        article=article,
        analysis=analysis,
        appearances=list(appearances),
        story_ids=list(entry.story_ids) if entry else [],
    )
