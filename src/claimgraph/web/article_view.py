"""What the article page shows: the text with every analysed span highlighted.

Besides the analysis's own spans (quantities, dates, sources, cues, contents), the
spans that the article's stories point at (discrepancy evidence, denials, citations,
timeline entries) are marked as ``evidence`` so that every link from a story page has
a target here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from claimgraph.model import Article, ArticleAnalysis, Metadata, Span, StoryReport
from claimgraph.present.date_words import date_words
from claimgraph.present.figures import appearance_words, factuality_words, quantity_words
from claimgraph.present.report_html import safe_url
from claimgraph.web.entities import attribution_source
from claimgraph.web.highlight import Mark, analysis_marks, highlight, span_anchor
from claimgraph.web.story_view import AppearanceLink


@dataclass(frozen=True)
class Item:
    text: str
    anchor: str
    note: str = ""


@dataclass(frozen=True)
class StoryLink:
    id: str
    title: str


@dataclass(frozen=True)
class ArticlePage:
    id: str
    title: str
    body: Markup
    appearances: tuple[AppearanceLink, ...]
    quantities: tuple[Item, ...]
    statements: tuple[Item, ...]
    dates: tuple[Item, ...]
    stories: tuple[StoryLink, ...]


def story_spans(report: StoryReport, article_id: str) -> Iterable[Span]:
    yield from (
        span
        for aid, span in (s for d in report.discrepancies for s in d.spans)
        if aid == article_id
    )
    yield from (span for d in report.denials if d.article_id == article_id for span in d.content)
    yield from (c.span for c in report.citations if c.article_id == article_id and c.span)
    yield from (t.span for t in report.timeline if t.article_id == article_id)


def evidence_marks(reports: Iterable[StoryReport], article_id: str) -> list[Mark]:
    return [Mark(s.start, s.end, "evidence") for r in reports for s in story_spans(r, article_id)]


def quantity_items(analysis: ArticleAnalysis) -> tuple[Item, ...]:
    ordered = sorted(analysis.quantities, key=lambda q: q.span.start)
    return tuple(
        Item(quantity_words(q), span_anchor("quantity", q.span), q.span.text) for q in ordered
    )


def statement_items(analysis: ArticleAnalysis) -> tuple[Item, ...]:
    items = []
    for a in sorted(analysis.attributions, key=lambda a: a.content[0].start if a.content else 0):
        words = " … ".join(s.text for s in a.content) or "(no content)"
        source = attribution_source(a) or "(unnamed source)"
        target = span_anchor("content", a.content[0]) if a.content else ""
        items.append(Item(f"{source}: “{words}”", target, factuality_words(a.factuality)))
    return tuple(items)


def date_items(analysis: ArticleAnalysis) -> tuple[Item, ...]:
    ordered = sorted(analysis.dates, key=lambda d: d.span.start)
    return tuple(
        Item(d.span.text, span_anchor("date", d.span), date_words(d.value) or "unresolved")
        for d in ordered
    )


def article_page(
    article: Article,
    analysis: ArticleAnalysis,
    appearances: tuple[Metadata, ...],
    reports: list[StoryReport],
) -> ArticlePage:
    marks = analysis_marks(analysis) + evidence_marks(reports, article.id)
    title = article.title.text.strip() if article.title else f"Article {article.id[:10]}"
    return ArticlePage(
        id=article.id,
        title=title,
        body=highlight(article.text, marks),
        appearances=tuple(
            AppearanceLink(appearance_words(m), m.url if safe_url(m.url) else None)
            for m in appearances or (article.metadata,)
        ),
        quantities=quantity_items(analysis),
        statements=statement_items(analysis),
        dates=date_items(analysis),
        stories=tuple(StoryLink(r.story.id, r.story.title) for r in reports),
    )
