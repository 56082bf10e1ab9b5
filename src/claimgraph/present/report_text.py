"""The terminal report: plain text, aligned columns, at most 100 characters a line.

No colour codes: the caller decides about a tty, this only returns a string.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.model import StoryReport
from claimgraph.present import sections as s
from claimgraph.present.table import format_table, wrap

WIDTH = 100
INDENT = "  "


def render_text(reports: Sequence[StoryReport]) -> str:
    """Every story in turn; an empty input says so rather than printing nothing."""
    if not reports:
        return "No stories.\n"
    blocks = ["\n".join(story_lines(report)) for report in reports]
    return "\n\n".join(blocks) + "\n"


def story_lines(report: StoryReport) -> list[str]:
    title = f"STORY: {report.story.title}"
    lines = [*wrap(title, WIDTH, hang="       "), "=" * min(len(title), WIDTH)]
    lines.append(f"{s.story_summary(report)}  [story {report.story.id}]")
    lines += section("Articles", article_lines(report))
    lines += section("Figures", figure_lines(report))
    lines += section("Discrepancies", discrepancy_lines(report))
    lines += section("Denials", denial_lines(report))
    lines += section("Citations", citation_lines(report))
    lines += section("Timeline", timeline_lines(report))
    lines += section("Claims", claim_lines(report))
    lines += section("Entities", entity_lines(report))
    return lines


def entity_lines(report: StoryReport) -> list[str]:
    rows = s.entity_rows(report)
    return format_table(s.ENTITY_HEADERS, rows, width=WIDTH, indent=INDENT) if rows else []


def section(name: str, body: list[str]) -> list[str]:
    return ["", name.upper(), *(body or [INDENT + "(none)"])]


def article_lines(report: StoryReport) -> list[str]:
    lines: list[str] = []
    for summary in report.articles:
        heading = f"- {s.article_heading(summary)} [{s.short_id(summary.article_id)}]"
        lines += wrap(heading, WIDTH, INDENT, INDENT + "  ")
        if len(summary.appearances) > 1:
            lines.append(INDENT + f"  same text in {len(summary.appearances)} outlets:")
        for appearance in s.appearance_lines(summary):
            lines += wrap(appearance, WIDTH, INDENT + "    ", INDENT + "      ")
    return lines


def figure_lines(report: StoryReport) -> list[str]:
    corroboration = s.corroboration_of(report)
    lines: list[str] = []
    for group in report.figure_groups:
        if lines:
            lines.append("")
        lines += wrap(s.group_heading(group), WIDTH, INDENT, INDENT)
        backing = s.corroboration_words(corroboration.get(group.id))
        lines += wrap(backing, WIDTH, INDENT + "  ", INDENT + "  ") if backing else []
        lines += format_table(
            s.FIGURE_HEADERS, s.figure_rows(group), width=WIDTH, indent=INDENT + "  "
        )
    return lines


def discrepancy_lines(report: StoryReport) -> list[str]:
    groups, outlets = s.groups_by_id(report), s.outlet_of(report)
    lines: list[str] = []
    for discrepancy in report.discrepancies:
        title = "* " + s.discrepancy_title(discrepancy, groups)
        lines += wrap(title, WIDTH, INDENT, INDENT + "  ")
        for evidence in s.discrepancy_evidence(discrepancy, outlets):
            lines += wrap(evidence, WIDTH, INDENT + "    ", INDENT + "      ")
    return lines


def denial_lines(report: StoryReport) -> list[str]:
    """Wrapped, not tabled: a denial's own words matter too much to clip."""
    outlets = s.outlet_of(report)
    lines: list[str] = []
    for denial in report.denials:
        who, what, _, where = s.denial_row(denial, outlets)
        claim = f" {denial.target}" if denial.target else ""
        lines += wrap(f"* {who} denies{claim} ({where})", WIDTH, INDENT, INDENT + "  ")
        lines += wrap(what, WIDTH, INDENT + "    ", INDENT + "    ")
    return lines


def citation_lines(report: StoryReport) -> list[str]:
    rows = s.citation_rows(report)
    return format_table(s.CITATION_HEADERS, rows, width=WIDTH, indent=INDENT) if rows else []


def timeline_lines(report: StoryReport) -> list[str]:
    rows = s.timeline_rows(report)
    return format_table(s.TIMELINE_HEADERS, rows, width=WIDTH, indent=INDENT) if rows else []


def claim_lines(report: StoryReport) -> list[str]:
    rows = s.claim_rows(report)
    return format_table(s.CLAIM_HEADERS, rows, width=WIDTH, indent=INDENT) if rows else []
