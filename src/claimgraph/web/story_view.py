"""What the story page shows, as plain strings and links built from one ``StoryReport``.

Wording comes from ``present.sections`` and ``present.figures`` (the report renderers'
helpers), so the web page and the exported reports never word a figure differently.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from claimgraph.model import (
    Corroboration,
    Discrepancy,
    DiscrepancyKind,
    FigureGroup,
    FigureMember,
    FlagSide,
    StoryReport,
)
from claimgraph.present import sections as s
from claimgraph.present.date_words import date_range, date_words
from claimgraph.present.export_graphml import citation_graph
from claimgraph.present.figure_chart import Chart, figure_chart
from claimgraph.present.figure_headline import KIND_ORDER, FigureHeadline, headline
from claimgraph.present.figures import BOUND_WORDS, appearance_words, magnitude, source_words
from claimgraph.present.report_html import safe_url
from claimgraph.web.graph_svg import citation_svg
from claimgraph.web.links import article_url, entity_url, story_url


@dataclass(frozen=True)
class FigureRow:
    anchor: str  # the row's id, for permalinks (and ClaimReview urls)
    cells: tuple[str, ...]  # in the order of ``present.sections.FIGURE_HEADERS``
    bound_words: str
    href: str  # the figure's highlighted span in its article
    source_href: str | None
    scope: str
    same_value_sources: int  # distinct sources giving this same value
    value_sort: str  # the number a click on the Value column sorts by
    date_sort: str  # the first day of the figure's date, ISO


@dataclass(frozen=True)
class GroupView:
    id: str
    heading: str
    rows: tuple[FigureRow, ...]
    sources: int  # independent sources behind the group: its corroboration count
    outlets: int
    headline: FigureHeadline
    chart: Chart
    note: str | None = None  # why the count may overstate (unnamed sources)


@dataclass(frozen=True)
class EvidenceView:
    words: str
    outlet: str
    href: str


@dataclass(frozen=True)
class SideView:
    values: str  # "“10,000” / “12,000”"
    who: str  # "John Kirby, Western diplomat"
    when: str  # "21 October 2024", "21–23 October 2024"


def side_view(side: FlagSide) -> SideView:
    when = [date_words(d) for d in side.dates]
    span = when[0] if len(set(when)) == 1 else f"{when[0]} to {when[-1]}" if when else ""
    return SideView(" / ".join(side.values), ", ".join(side.sources), span)


@dataclass(frozen=True)
class DiscrepancyCard:
    anchor: str  # the card's id on the page, for permalinks
    kind: str
    subject: str
    reason_lines: tuple[str, ...]  # the first line leads; the rest are its details
    evidence: tuple[EvidenceView, ...]
    confidence: float = 1.0
    sides: tuple[SideView, ...] = ()  # the clustered values set against each other
    joiner: str = "against"  # between sides: "against", or "then" for a revision


@dataclass(frozen=True)
class ContestedClaim:
    anchor: str
    label: str
    who: str  # each source with its stance


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
class FacetValue:
    value: str
    count: int
    href: str  # the page with this value chosen, or unchosen when ``chosen``
    chosen: bool


@dataclass(frozen=True)
class Facet:
    name: str  # the query parameter: outlet, source, stance, kind
    label: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class StoryPage:
    id: str
    title: str
    summary: str
    groups: tuple[GroupView, ...]
    discrepancies: tuple[DiscrepancyCard, ...]
    contested: tuple[ContestedClaim, ...]
    denials: tuple[LinkedRow, ...]
    citations: tuple[LinkedRow, ...]
    timeline: tuple[LinkedRow, ...]
    articles: tuple[ArticleItem, ...]
    graph: Markup
    facets: tuple[Facet, ...] = ()
    filtered: bool = False  # some facet is chosen: the figures shown are a selection


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
        anchor=s.figure_anchor(member),
        cells=s.figure_row(member, group),
        bound_words=BOUND_WORDS[member.quantity.bound],
        href=member_href(member),
        source_href=entity_url(member.source) if member.source else None,
        scope=member.scope,
        same_value_sources=counts[value_key(member)],
        value_sort="" if (value := magnitude(member.quantity)) is None else str(value),
        date_sort=days[0].isoformat() if (days := date_range(member.date)) else "",
    )


def source_count(group: FigureGroup, found: Corroboration | None) -> tuple[int, str | None]:
    """The linker's corroboration when the record has it, else distinct sources."""
    if found is not None:
        return found.independent_sources, found.note
    return len({_source(m) for m in group.members}), None


def member_href(member: FigureMember) -> str:
    return article_url(member.article_id, "quantity", member.quantity.span)


def group_view(
    group: FigureGroup,
    found: Corroboration | None = None,
    discrepancies: tuple[Discrepancy, ...] = (),
) -> GroupView:
    counts = same_value_counts(group)
    sources, note = source_count(group, found)
    return GroupView(
        id=group.id,
        heading=s.group_heading(group),
        rows=tuple(figure_row(m, group, counts) for m in s.ordered_members(group)),
        sources=sources,
        outlets=len({m.outlet for m in group.members if m.outlet}),
        headline=headline(group, discrepancies),
        chart=figure_chart(group, member_href),
        note=note,
    )


# A full stop ends a sentence unless it ends one of these (a source's title, "U.S.").
ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "U.S.", "No.")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def sentences(text: str) -> tuple[str, ...]:
    """A discrepancy's reason one sentence a line: eight comparisons in one paragraph
    cannot be read at a glance, eight lines can."""
    found: list[str] = []
    for piece in SENTENCE_END.split(text.strip()):
        if found and found[-1].endswith(ABBREVIATIONS):
            found[-1] += " " + piece
        else:
            found.append(piece)
    return tuple(found) or (text,)


def why_of(reason: str) -> str:
    """A clustered flag's reason without the values the sides already show: the linker
    words it "<sides>: <why>."."""
    _, colon, why = reason.rpartition(": ")
    return why[:1].upper() + why[1:] if colon and why else reason


def safe_anchor(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text)[:60]


def discrepancy_cards(report: StoryReport, outlets: dict[str, str]) -> tuple[DiscrepancyCard, ...]:
    groups = s.groups_by_id(report)
    cards = []
    # A reader needs the conflicts first, the surest first within a kind.
    ordered = sorted(
        report.discrepancies, key=lambda d: (KIND_ORDER.index(d.kind.value), -d.confidence)
    )
    for d in ordered:
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
        cards.append(
            DiscrepancyCard(
                f"discrepancy-{safe_anchor(d.id)}",
                d.kind.value,
                subject,
                sentences(d.reason) if not d.sides else (why_of(d.reason),),
                evidence,
                d.confidence,
                tuple(side_view(side) for side in d.sides),
                "then" if d.kind is DiscrepancyKind.REVISION else "against",
            )
        )
    return tuple(cards)


def contested_claims(report: StoryReport) -> tuple[ContestedClaim, ...]:
    rows = {row[0]: row for row in s.claim_rows(report)}
    return tuple(
        ContestedClaim(f"claim-{claim.id}", claim.label, rows[claim.label][1])
        for claim in report.claims
        if claim.contested and claim.label in rows
    )


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
    entries = s.ordered_timeline(report)
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


FACETS = (("outlet", "Outlet"), ("source", "Source"), ("stance", "Stance"), ("kind", "Kind"))


def member_facets(member: FigureMember) -> dict[str, str]:
    stance = member.factuality.stance.value.replace("_", " ") if member.factuality else ""
    return {"outlet": member.outlet or "", "source": source_words(member), "stance": stance}


def chosen_members(group: FigureGroup, chosen: Mapping[str, str]) -> FigureGroup:
    wanted = {k: v for k, v in chosen.items() if k in ("outlet", "source", "stance")}
    if not wanted:  # the usual request: nothing chosen, nothing to copy
        return group
    members = tuple(m for m in group.members if wanted.items() <= member_facets(m).items())
    return group.model_copy(update={"members": members})


def facet_href(story_id: str, chosen: Mapping[str, str], name: str, value: str | None) -> str:
    params = {k: v for k, v in chosen.items() if k != name}
    if value is not None:
        params[name] = value
    query = urlencode(sorted(params.items()))
    return story_url(story_id) + (f"?{query}" if query else "") + "#figures"


def facets(
    report: StoryReport, groups: list[FigureGroup], chosen: Mapping[str, str]
) -> tuple[Facet, ...]:
    counts: dict[str, Counter[str]] = {name: Counter() for name, _ in FACETS}
    for group in groups:
        for member in group.members:
            for name, value in member_facets(member).items():
                if value:
                    counts[name][value] += 1
    counts["kind"].update(
        d.kind.value for d in report.discrepancies if chosen.get("kind") in (None, d.kind.value)
    )
    found = []
    for name, label in FACETS:
        values = tuple(
            FacetValue(
                value,
                count,
                facet_href(
                    report.story.id, chosen, name, None if chosen.get(name) == value else value
                ),
                chosen.get(name) == value,
            )
            for value, count in sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0]))
        )
        if len(values) > 1 or any(v.chosen for v in values):
            found.append(Facet(name, label, values))
    return tuple(found)


def story_page(report: StoryReport, chosen: Mapping[str, str] | None = None) -> StoryPage:
    """The page of ``report``; ``chosen`` facet values (outlet, source, stance of the
    figures; kind of the discrepancies) narrow what it shows."""
    chosen = {k: v for k, v in (chosen or {}).items() if k in dict(FACETS) and v}
    outlets = s.outlet_of(report)
    found = {c.group_id: c for c in report.corroboration}
    groups = [chosen_members(g, chosen) for g in report.figure_groups]
    groups = [g for g in groups if g.members]
    cards = discrepancy_cards(report, outlets)
    if "kind" in chosen:
        cards = tuple(card for card in cards if card.kind == chosen["kind"])
    return StoryPage(
        id=report.story.id,
        title=report.story.title,
        summary=s.story_summary(report),
        groups=tuple(group_view(g, found.get(g.id), report.discrepancies) for g in groups),
        discrepancies=cards,
        contested=contested_claims(report),
        denials=denial_rows(report, outlets),
        citations=citation_rows(report, outlets),
        timeline=timeline_rows(report, outlets),
        articles=article_items(report),
        graph=citation_svg(citation_graph([report])),
        facets=facets(report, groups, chosen),
        filtered=bool(chosen),
    )
