"""Every dated claim of a story on one timeline, by its resolved date."""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.link.citations import source_name
from claimgraph.model import Article, ArticleAnalysis, TimelineEntry

LABEL_LENGTH = 120


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def timeline(items: Sequence[tuple[Article, ArticleAnalysis]]) -> list[TimelineEntry]:
    entries = []
    for article, analysis in items:
        for attribution in analysis.attributions:
            date = attribution.date
            if date is None or not date.value or attribution.cue is None:
                continue
            content = " ".join(s.text for s in attribution.content)
            who = source_name(attribution) or "unnamed source"
            entries.append(
                TimelineEntry(
                    date=date.value,
                    article_id=article.id,
                    span=attribution.cue,
                    label=_shorten(f"{who}: {content}"),
                )
            )
        for quantity in analysis.quantities:
            date = quantity.date
            if quantity.kind != "figure" or date is None or not date.value:
                continue
            if quantity.attribution_id:
                continue
            counted = quantity.counted.text if quantity.counted else ""
            entries.append(
                TimelineEntry(
                    date=date.value,
                    article_id=article.id,
                    span=quantity.span,
                    label=_shorten(f"{quantity.span.text} {counted}".strip()),
                )
            )
    return sorted(entries, key=lambda e: (e.date, e.article_id, e.span.start))
