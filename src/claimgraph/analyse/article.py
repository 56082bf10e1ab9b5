"""Turn an analysed ``Doc`` into an ``ArticleAnalysis`` record."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Article, ArticleAnalysis, Attribution, Quantity


def _containing_attribution(quantity: Quantity, attributions: tuple[Attribution, ...]) -> str | None:
    """The attribution whose content span holds the quantity, innermost first."""
    best: tuple[int, str] | None = None
    for attribution in attributions:
        for content in attribution.content:
            if content.start <= quantity.span.start and quantity.span.end <= content.end:
                width = content.end - content.start
                if best is None or width < best[0]:
                    best = (width, attribution.id)
    return best[1] if best else None


def analysis_from_doc(doc: Doc, article: Article) -> ArticleAnalysis:
    attributions: tuple[Attribution, ...] = tuple(doc._.cg_attributions)
    quantities = tuple(
        q
        if q.attribution_id is not None
        else q.model_copy(update={"attribution_id": _containing_attribution(q, attributions)})
        for q in doc._.cg_quantities
    )
    return ArticleAnalysis(
        article_id=article.id,
        entities=tuple(doc._.cg_entities),
        attributions=attributions,
        quantities=quantities,
        dates=tuple(doc._.cg_dates),
        factuality=doc._.cg_factuality,
    )
