"""The HTML report: one self-contained file, CSS inline, no script, no external asset.

All text goes through Jinja's autoescaping; the only markup built here is the
``<mark>`` around a figure, from escaped pieces. A Content-Security-Policy forbids
scripts and every remote load, so even a rendering bug could not make it call out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from claimgraph.model import Article, ArticleSummary, Span, StoryReport
from claimgraph.present import sections as s
from claimgraph.present.figures import appearance_words
from claimgraph.sentences import sentence_bounds

# How much of a long paragraph to show around a figure when no sentence end is near.
CONTEXT_CHARS = 240
SAFE_SCHEMES = ("http://", "https://")
SAFE_ANCHOR = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    kind: str = ""  # a CSS class: the figure's scope or the discrepancy's kind
    context: Markup | None = None  # the sentence with the figure marked


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    caption: str = ""
    note: str = ""  # under the caption: how many independent sources back the figures


@dataclass(frozen=True)
class Link:
    text: str
    url: str | None  # None: shown as text, because it is not a web address


@dataclass(frozen=True)
class ArticleView:
    heading: str
    short_id: str
    appearances: tuple[Link, ...]


@dataclass(frozen=True)
class Evidence:
    words: Markup  # the sentence with the span marked, or the quoted span alone
    outlet: str


@dataclass(frozen=True)
class DiscrepancyView:
    kind: str
    subject: str
    evidence: tuple[Evidence, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class StoryView:
    anchor: str
    title: str
    story_id: str
    summary: str
    articles: tuple[ArticleView, ...]
    figures: tuple[Table, ...]
    discrepancies: tuple[DiscrepancyView, ...]
    denials: Table | None
    citations: Table | None
    timeline: Table | None
    entities: Table | None
    claims: Table | None


def render_html(
    reports: Sequence[StoryReport], *, articles: Mapping[str, Article] | None = None
) -> str:
    """The whole report; with ``articles`` each figure's sentence is shown, figure marked."""
    texts = articles or {}
    stories = [story_view(report, texts, index) for index, report in enumerate(reports)]
    return template().render(stories=stories)


@cache  # one Environment per process: loading and compiling the template is the slow part
def template() -> Template:
    environment = Environment(
        loader=PackageLoader("claimgraph.present", "templates"),
        autoescape=True,  # the template is ".j2": name-based autoescape would miss it
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")


def story_view(report: StoryReport, texts: Mapping[str, Article], index: int) -> StoryView:
    outlets = s.outlet_of(report)
    return StoryView(
        anchor=f"story-{index}-{SAFE_ANCHOR.sub('-', report.story.id)[:40]}",
        title=report.story.title,
        story_id=report.story.id,
        summary=s.story_summary(report),
        articles=tuple(article_view(summary) for summary in report.articles),
        figures=tuple(figure_tables(report, texts)),
        discrepancies=tuple(discrepancy_views(report, texts, outlets)),
        denials=optional_table(s.DENIAL_HEADERS, s.denial_rows(report)),
        citations=optional_table(s.CITATION_HEADERS, s.citation_rows(report)),
        timeline=optional_table(s.TIMELINE_HEADERS, s.timeline_rows(report)),
        entities=optional_table(s.ENTITY_HEADERS, s.entity_rows(report)),
        claims=optional_table(s.CLAIM_HEADERS, s.claim_rows(report)),
    )


def optional_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table | None:
    return Table(headers, tuple(Row(cells) for cells in rows)) if rows else None


def article_view(summary: ArticleSummary) -> ArticleView:
    links = tuple(
        Link(appearance_words(m), m.url if safe_url(m.url) else None) for m in summary.appearances
    )
    return ArticleView(s.article_heading(summary), s.short_id(summary.article_id), links)


def safe_url(url: str | None) -> bool:
    """Only web addresses become links: ``javascript:`` or ``data:`` would run or load."""
    return bool(url) and str(url).strip().lower().startswith(SAFE_SCHEMES)


def figure_tables(report: StoryReport, texts: Mapping[str, Article]) -> list[Table]:
    corroboration = s.corroboration_of(report)
    tables = []
    for group in report.figure_groups:
        rows = tuple(
            Row(
                s.figure_row(member, group),
                kind=f"scope-{SAFE_ANCHOR.sub('-', member.scope)}",
                context=marked_sentence(texts.get(member.article_id), member.quantity.span),
            )
            for member in s.ordered_members(group)
        )
        note = s.corroboration_words(corroboration.get(group.id))
        tables.append(Table(s.FIGURE_HEADERS, rows, s.group_heading(group), note))
    return tables


def discrepancy_views(
    report: StoryReport, texts: Mapping[str, Article], outlets: dict[str, str]
) -> list[DiscrepancyView]:
    groups = s.groups_by_id(report)
    views = []
    for discrepancy in report.discrepancies:
        evidence = tuple(
            Evidence(
                marked_sentence(texts.get(article_id), span) or escape(s.quoted(span)),
                outlets.get(article_id, s.short_id(article_id)),
            )
            for article_id, span in discrepancy.spans
        )
        subject = s.discrepancy_subject(discrepancy, groups)
        views.append(
            DiscrepancyView(discrepancy.kind.value, subject, evidence, discrepancy.confidence)
        )
    return views


def marked_sentence(article: Article | None, span: Span) -> Markup | None:
    """The sentence around ``span`` with the span in ``<mark>``; None if offsets don't hold.

    Offsets that no longer match the text (a re-read article, a stale store) show no
    highlight rather than a wrong one.
    """
    if article is None or not span_holds(article.text, span):
        return None
    text = article.text
    start, end = context_bounds(text, span.start, span.end)
    before, figure, after = text[start : span.start], span.text, text[span.end : end]
    lead = "…" if start > 0 and text[start - 1] not in "\n " else ""
    tail = "…" if end < len(text) and not text[end - 1].isspace() else ""
    return Markup("{}{}<mark>{}</mark>{}{}").format(lead, before.lstrip(), figure, after, tail)


def span_holds(text: str, span: Span) -> bool:
    return 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text


def context_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The enclosing sentence, cut to ``CONTEXT_CHARS`` either side of the span."""
    left, right = sentence_bounds(text, start, end)
    return max(left, start - CONTEXT_CHARS), min(right, end + CONTEXT_CHARS)
