"""The rows every report format shows, as plain strings; each format only lays them out.

Keeping the wording here means the terminal, Markdown and HTML reports never disagree
on what a figure, a denial or a citation says.
"""

from __future__ import annotations

from claimgraph.model import (
    ArticleSummary,
    CitationEdge,
    Corroboration,
    Denial,
    Discrepancy,
    FigureGroup,
    FigureMember,
    Span,
    StoryReport,
    TimelineEntry,
)
from claimgraph.present.date_words import date_sort_key, date_words
from claimgraph.present.figures import (
    UNKNOWN,
    appearance_words,
    conduit_chain,
    counted_words,
    factuality_words,
    magnitude,
    number,
    or_dash,
    quantity_words,
    source_words,
)

FIGURE_HEADERS = ("Value", "Counts", "Source", "Via", "Outlet", "Date", "Stance", "Scope")
DENIAL_HEADERS = ("Who denies", "What", "Denied claim", "In")
CITATION_HEADERS = ("Who", "Cites", "In", "Words")
TIMELINE_HEADERS = ("Date", "What", "In")
CLAIM_HEADERS = ("Claim", "Who says so (stance, via)", "Outlets", "Contested")
ENTITY_HEADERS = ("Entity", "Kind", "Also called", "Titles and roles", "Articles")
SHORT_ID = 10


def short_id(article_id: str) -> str:
    """Content hashes are long; ten characters tell a story's articles apart."""
    return article_id[:SHORT_ID]


def outlet_of(report: StoryReport) -> dict[str, str]:
    """Article id -> its outlets ("Valley Wire / Coastal Times" for a syndicated text)."""
    names: dict[str, str] = {}
    for summary in report.articles:
        outlets = [m.outlet for m in summary.appearances if m.outlet]
        names[summary.article_id] = " / ".join(dict.fromkeys(outlets)) or short_id(
            summary.article_id
        )
    return names


def article_heading(summary: ArticleSummary) -> str:
    """The article's title, and what its page is when it has no body (kept out of
    grouping: see ``ingest.junk``)."""
    heading = summary.title or f"(untitled {short_id(summary.article_id)})"
    return f"{heading} (no article body: {summary.no_body})" if summary.no_body else heading


def appearance_lines(summary: ArticleSummary) -> list[str]:
    """One line per publication, URL last so a terminal can link it."""
    lines = []
    for metadata in summary.appearances:
        line = appearance_words(metadata)
        if metadata.url:
            line += f"  {metadata.url}"
        lines.append(line)
    return lines or ["no recorded appearance"]


def group_heading(group: FigureGroup) -> str:
    """The label, with the unit unless the label already names it ("cost (dollar)")."""
    if not group.unit or group.unit.lower() in group.label.lower():
        return group.label
    return f"{group.label} ({group.unit})"


def corroboration_words(corroboration: Corroboration | None) -> str:
    """ "2 independent sources: the coast guard, Lifeline at Sea"; empty when unknown."""
    if corroboration is None:
        return ""
    count = plural(corroboration.independent_sources, "independent source")
    names = f": {', '.join(corroboration.sources)}" if corroboration.sources else ""
    note = f" ({corroboration.note})" if corroboration.note else ""
    return f"{count}{names}{note}"


def corroboration_of(report: StoryReport) -> dict[str, Corroboration]:
    return {c.group_id: c for c in report.corroboration}


def figure_row(member: FigureMember, group: FigureGroup) -> tuple[str, ...]:
    return (
        quantity_words(member.quantity),
        counted_words(member, group.label),
        source_words(member),
        conduit_chain(member.conduits),
        or_dash(member.outlet),
        or_dash(date_words(member.date)),
        factuality_words(member.factuality),
        member.scope,
    )


def figure_anchor(member: FigureMember) -> str:
    """The id of a figure's row on the story page: stable across re-links of the story."""
    span = member.quantity.span
    return f"figure-{short_id(member.article_id)}-{span.start}-{span.end}"


def member_sort_key(member: FigureMember) -> tuple[object, ...]:
    """By the first day the figure is dated to, then by value; undated and valueless last."""
    value = magnitude(member.quantity)
    return (*date_sort_key(member.date), value is None, value or 0, member.article_id)


def ordered_members(group: FigureGroup) -> list[FigureMember]:
    return sorted(group.members, key=member_sort_key)


def ordered_timeline(report: StoryReport) -> list[TimelineEntry]:
    return sorted(report.timeline, key=lambda entry: date_sort_key(entry.date))


def figure_rows(group: FigureGroup) -> list[tuple[str, ...]]:
    return [figure_row(member, group) for member in ordered_members(group)]


def quoted(span: Span) -> str:
    return f"“{' '.join(span.text.split())}”"


def discrepancy_subject(discrepancy: Discrepancy, groups: dict[str, FigureGroup]) -> str:
    """ "missing person: the coast guard says 40, the charity 75" (the kind left out)."""
    group = groups.get(discrepancy.group_id or "")
    return f"{group_heading(group)}: {discrepancy.reason}" if group else discrepancy.reason


def confidence_words(discrepancy: Discrepancy) -> str:
    return f"confidence {discrepancy.confidence:.2f}"


def discrepancy_title(discrepancy: Discrepancy, groups: dict[str, FigureGroup]) -> str:
    """ "conflict on deaths (confidence 0.82): “3” (police, ...) against ..." """
    group = groups.get(discrepancy.group_id or "")
    on = f" on {group_heading(group)}" if group else ""
    kind = discrepancy.kind.value
    return f"{kind}{on} ({confidence_words(discrepancy)}): {discrepancy.reason}"


def discrepancy_evidence(discrepancy: Discrepancy, outlets: dict[str, str]) -> list[str]:
    """The exact words behind a discrepancy, each with the outlet that printed them."""
    return [
        f"{quoted(span)} ({outlets.get(article_id, short_id(article_id))}, "
        f"chars {span.start}–{span.end})"
        for article_id, span in discrepancy.spans
    ]


def denial_row(denial: Denial, outlets: dict[str, str]) -> tuple[str, ...]:
    content = " … ".join(quoted(span) for span in denial.content) or UNKNOWN
    return (
        denial.source or "(unnamed)",
        content,
        or_dash(denial.target),
        outlets.get(denial.article_id, short_id(denial.article_id)),
    )


def citation_row(edge: CitationEdge, outlets: dict[str, str]) -> tuple[str, ...]:
    return (
        edge.citer,
        edge.cited,
        outlets.get(edge.article_id, short_id(edge.article_id)),
        quoted(edge.span) if edge.span else UNKNOWN,
    )


def timeline_row(entry: TimelineEntry, outlets: dict[str, str]) -> tuple[str, ...]:
    return (
        date_words(entry.date),
        entry.label,
        outlets.get(entry.article_id, short_id(entry.article_id)),
    )


def denial_rows(report: StoryReport) -> list[tuple[str, ...]]:
    """The denials table of ``report``, one row a denial."""
    outlets = outlet_of(report)
    return [denial_row(denial, outlets) for denial in report.denials]


def citation_rows(report: StoryReport) -> list[tuple[str, ...]]:
    """The citations table of ``report``, one row a citation."""
    outlets = outlet_of(report)
    return [citation_row(edge, outlets) for edge in report.citations]


def timeline_rows(report: StoryReport) -> list[tuple[str, ...]]:
    """The timeline table of ``report``, one row an entry."""
    outlets = outlet_of(report)
    return [timeline_row(entry, outlets) for entry in ordered_timeline(report)]


def claim_rows(report: StoryReport) -> list[tuple[str, ...]]:
    """The claims table: one claim per row, each source with its stance and conduits."""
    rows: list[tuple[str, ...]] = []
    for claim in report.claims:
        who = []
        for member in claim.members:
            via = f" via {', '.join(member.conduits)}" if member.conduits else ""
            who.append(f"{member.source or 'unnamed'} ({member.stance.value}{via})")
        outlets = sorted({m.outlet for m in claim.members if m.outlet})
        rows.append(
            (claim.label, "; ".join(who), ", ".join(outlets), "yes" if claim.contested else "")
        )
    return rows


def entity_rows(report: StoryReport) -> list[tuple[str, ...]]:
    """The entities table: each entity under all its names, mentioned in several
    articles or with a title seen (the ones a reader follows across outlets)."""
    rows: list[tuple[str, ...]] = []
    for entity in report.entities:
        articles = {article_id for article_id, _ in entity.mentions}
        if len(articles) < 2 and not entity.titles:
            continue
        others = ", ".join(a for a in entity.aliases if a != entity.name)
        rows.append(
            (entity.name, entity.label, others, "; ".join(entity.titles), str(len(articles)))
        )
    return rows


def groups_by_id(report: StoryReport) -> dict[str, FigureGroup]:
    return {group.id: group for group in report.figure_groups}


def story_summary(report: StoryReport) -> str:
    """ "4 articles, 6 appearances, 2 figure groups, 3 discrepancies"."""
    appearances = sum(len(a.appearances) for a in report.articles)
    parts = [
        plural(len(report.articles), "article"),
        plural(appearances, "appearance"),
        plural(len(report.figure_groups), "figure group"),
        plural(len(report.discrepancies), "discrepancy", "discrepancies"),
    ]
    return ", ".join(parts)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{number(str(count))} {word if count == 1 else many or word + 's'}"
