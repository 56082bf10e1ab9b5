"""``/api/articles``: linked articles (paged) and one article with its analysis."""

from __future__ import annotations

from fastapi import APIRouter

from claimgraph.web.api.schemas import (
    DEFAULT_LIMIT,
    ERROR_RESPONSES,
    ArticleOut,
    ArticleSummaryOut,
    Limit,
    Offset,
    Page,
    paginate_as,
)
from claimgraph.web.deps import CatalogDep

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERROR_RESPONSES)


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
    return paginate_as(entries, ArticleSummaryOut.of, limit, offset)


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
