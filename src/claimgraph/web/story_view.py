"""What the story page shows, as plain strings and links built from one ``StoryReport``.

Wording comes from ``present.sections`` and ``present.figures`` (the report renderers'
helpers), so the web page and the exported reports never word a figure differently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from claimgraph.model import Corroboration, FigureGroup, FigureMember, StoryReport
from claimgraph.present import sections as s
from claimgraph.present.export_graphml import citation_graph
from claimgraph.present.figures import BOUND_WORDS, appearance_words
from claimgraph.present.report_html import safe_url
from claimgraph.web.graph_svg import citation_svg
from claimgraph.web.links import article_url, entity_url


@dataclass(frozen=True)
class FigureRow:
    cells: tuple[str, ...]  # in the order of ``present.sections.FIGURE_HEADERS``
    bound_words: str
    href: str  # the figure's highlighted span in its article
    source_href: str | None
    scope: str
    same_value_sources: int  # distinct sources giving this same value


@dataclass(frozen=True)
class GroupView:
    id: str
    heading: str
    rows: tuple[FigureRow, ...]
    sources: int  # independent sources behind the group: its corroboration count
    outlets: int
    note: str | None = None  # why the count may overstate (unnamed sources)


@dataclass(frozen=True)
class EvidenceView:
    words: str
    outlet: str
    href: str


@dataclass(frozen=True)
class DiscrepancyCard:
    kind: str
    subject: str
    reason: str
    evidence: tuple[EvidenceView, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class LinkedRow:
    cells: tuple[str, ...]
    href: str | None


@dataclass(frozen=True)
class AppearanceLink:
    text: str
    url: str | None  # only http(s) addresses become links


@dataclass(frozen=True)
class ArticleItem:
    heading: str
    href: str
    appearances: tuple[AppearanceLink, ...]


@dataclass(frozen=True)
class StoryPage:
    id: str
    title: str
    summary: str
    groups: tuple[GroupView, ...]
    discrepancies: tuple[DiscrepancyCard, ...]
    denials: tuple[LinkedRow, ...]
    citations: tuple[LinkedRow, ...]
    timeline: tuple[LinkedRow, ...]
    articles: tuple[ArticleItem, ...]
    graph: Markup


def value_key(member: FigureMember) -> tuple[str, str, str, str]:
    q = member.quantity
    return (q.bound.value, q.value or "", q.low or "", q.high or "")


def same_value_counts(group: FigureGroup) -> dict[tuple[str, str, str, str], int]:
    sources: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for member in group.members:
        sources[value_key(member)].add(_source(member))
    return {key: len(names) for key, names in sources.items()}


def _source(member: FigureMember) -> str:
    # An unattributed figure is its outlet's own claim: the outlet is its source.
    return member.source or member.outlet or member.article_id


def figure_row(
    member: FigureMember, group: FigureGroup, counts: dict[tuple[str, str, str, str], int]
) -> FigureRow:
    return FigureRow(
        cells=s.figure_row(member, group),
        bound_words=BOUND_WORDS[member.quantity.bound],
        href=article_url(member.article_id, "quantity", member.quantity.span),
        source_href=entity_url(member.source) if member.source else None,
        scope=member.scope,
        same_value_sources=counts[value_key(member)],
    )


def source_count(group: FigureGroup, found: Corroboration | None) -> tuple[int, str | None]:
    """The linker's corroboration when the record has it, else distinct sources."""
    if found is not None:
        return found.independent_sources, found.note
    return len({_source(m) for m in group.members}), None


def group_view(group: FigureGroup, found: Corroboration | None = None) -> GroupView:
    counts = same_value_counts(group)
    sources, note = source_count(group, found)
    return GroupView(
        id=group.id,
        heading=s.group_heading(group),
        rows=tuple(figure_row(m, group, counts) for m in group.members),
        sources=sources,
        outlets=len({m.outlet for m in group.members if m.outlet}),
        note=note,
    )


def discrepancy_cards(report: StoryReport, outlets: dict[str, str]) -> tuple[DiscrepancyCard, ...]:
    groups = s.groups_by_id(report)
    cards = []
    for d in report.discrepancies:
        evidence = tuple(
            EvidenceView(
                s.quoted(span),
                outlets.get(aid, s.short_id(aid)),
                article_url(aid, "evidence", span),
            )
            for aid, span in d.spans
        )
        group = groups.get(d.group_id or "")
        subject = s.group_heading(group) if group else ""
        cards.append(DiscrepancyCard(d.kind.value, subject, d.reason, evidence, d.confidence))
    return tuple(cards)


def denial_rows(report: StoryReport, outlets: dict[str, str]) -> tuple[LinkedRow, ...]:
    return tuple(
        LinkedRow(
            s.denial_row(d, outlets),
            article_url(d.article_id, "evidence", d.content[0]) if d.content else None,
        )
        for d in report.denials
    )


def citation_rows(report: StoryReport, outlets: dict[str, str]) -> tuple[LinkedRow, ...]:
    return tuple(
        LinkedRow(
            s.citation_row(c, outlets),
            article_url(c.article_id, "evidence", c.span) if c.span else None,
        )
        for c in report.citations
    )


def timeline_rows(report: StoryReport, outlets: dict[str, str]) -> tuple[LinkedRow, ...]:
    entries = sorted(report.timeline, key=lambda t: t.date)
    return tuple(
        LinkedRow(s.timeline_row(t, outlets), article_url(t.article_id, "evidence", t.span))
        for t in entries
    )


def article_items(report: StoryReport) -> tuple[ArticleItem, ...]:
    return tuple(
        ArticleItem(
            s.article_heading(a),
            article_url(a.article_id),
            tuple(
                AppearanceLink(appearance_words(m), m.url if safe_url(m.url) else None)
                for m in a.appearances
            ),
        )
        for a in report.articles
    )


def story_page(report: StoryReport) -> StoryPage:
    outlets = s.outlet_of(report)
    found = {c.group_id: c for c in report.corroboration}
    return StoryPage(
        id=report.story.id,
        title=report.story.title,
        summary=s.story_summary(report),
        groups=tuple(group_view(g, found.get(g.id)) for g in report.figure_groups),
        discrepancies=discrepancy_cards(report, outlets),
        denials=denial_rows(report, outlets),
        citations=citation_rows(report, outlets),
        timeline=timeline_rows(report, outlets),
        articles=article_items(report),
        graph=citation_svg(citation_graph([report])),
    )
