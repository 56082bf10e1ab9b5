"""Turn an analysed ``Doc`` into an ``ArticleAnalysis`` record."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.analyse.attribution.heading import within_heading
from claimgraph.analyse.dates.attachment import date_for_span
from claimgraph.model import Article, ArticleAnalysis, Attribution, DateRef, Quantity


def _containing_attribution(
    quantity: Quantity, attributions: tuple[Attribution, ...]
) -> str | None:
    """The attribution whose content span holds the quantity, innermost first."""
    best: tuple[int, str] | None = None
    for attribution in attributions:
        for content in attribution.content:
            if content.start <= quantity.span.start and quantity.span.end <= content.end:
                width = content.end - content.start
                if best is None or width < best[0]:
                    best = (width, attribution.id)
    return best[1] if best else None


def _dated(quantities: tuple[Quantity, ...], doc: Doc) -> tuple[Quantity, ...]:
    """Quantities without a date get the nearest date in their sentence, if any."""
    dates: tuple[DateRef, ...] = tuple(doc._.cg_dates)
    if not dates:
        return quantities
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return tuple(
        q
        if q.date is not None
        else q.model_copy(
            update={"date": date_for_span((q.span.start, q.span.end), dates, sentences)}
        )
        for q in quantities
    )


def _held(quantity: Quantity, attributions: dict[str, Attribution]) -> bool:
    """Whether the quantity's attribution still holds it (after the heading cut)."""
    attribution = attributions.get(quantity.attribution_id or "")
    return attribution is not None and any(
        c.start <= quantity.span.start and quantity.span.end <= c.end for c in attribution.content
    )


def analysis_from_doc(doc: Doc, article: Article) -> ArticleAnalysis:
    attributions: tuple[Attribution, ...] = tuple(
        within_heading(a, article.title) for a in doc._.cg_attributions
    )
    by_id = {a.id: a for a in attributions}
    quantities = tuple(
        q
        if _held(q, by_id)
        else q.model_copy(update={"attribution_id": _containing_attribution(q, attributions)})
        for q in doc._.cg_quantities
    )
    return ArticleAnalysis(
        article_id=article.id,
        entities=tuple(doc._.cg_entities),
        attributions=attributions,
        quantities=_dated(quantities, doc),
        dates=tuple(doc._.cg_dates),
        factuality=doc._.cg_factuality,
    )
