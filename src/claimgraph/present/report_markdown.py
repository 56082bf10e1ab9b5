"""The Markdown report: the same sections as the terminal report, as GitHub tables.

Every piece of article text is escaped, so a quote holding ``*``, ``|`` or raw HTML
cannot change the document's structure when rendered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.model import StoryReport
from claimgraph.present import sections as s
from claimgraph.present.figures import appearance_words

# Inline markup characters, escaped anywhere; "<" and "&" become entities so raw HTML in
# a quote stays inert in renderers that allow inline HTML. Block markers ("#", "-", "1.")
# only matter at the start of a cell or item, so only a leading one is escaped: escaping
# every dot and dash would make the Markdown source unreadable.
INLINE = re.compile(r"([\\`*_\[\]|~$])")  # "$" too: GitHub reads "$...$" as maths
LEADING_BLOCK = re.compile(r"^([#+\->!=])")
LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """Article or model text made literal in Markdown, on one line."""
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;")
    flat = INLINE.sub(r"\\\1", flat)
    flat = LEADING_BLOCK.sub(r"\\\1", flat)
    return LEADING_NUMBER.sub(r"\1\\\2", flat)


def render_markdown(reports: Sequence[StoryReport]) -> str:
    if not reports:
        return "# claimgraph report\n\nNo stories.\n"
    blocks = ["# claimgraph report", *("\n".join(story_lines(r)) for r in reports)]
    return "\n\n".join(blocks) + "\n"


def story_lines(report: StoryReport) -> list[str]:
    lines = [f"## {escape(report.story.title)}", ""]
    lines.append(f"{escape(s.story_summary(report))} (story `{code(report.story.id)}`)")
    lines += section("Articles", article_lines(report))
    lines += section("Figures", figure_lines(report))
    lines += section("Discrepancies", discrepancy_lines(report))
    lines += section("Denials", denial_lines(report))
    lines += section("Citations", citation_lines(report))
    lines += section("Timeline", timeline_lines(report))
    lines += section("Claims", claim_lines(report))
    lines += section("Entities", entity_lines(report))
    return lines


def code(text: str) -> str:
    """Inline code cannot hold a backtick; ids never should, but never trust it."""
    return text.replace("`", "'")


def section(name: str, body: list[str]) -> list[str]:
    return ["", f"### {name}", "", *(body or ["_None._"])]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return lines


def article_lines(report: StoryReport) -> list[str]:
    lines: list[str] = []
    for summary in report.articles:
        short = code(s.short_id(summary.article_id))
        lines.append(f"- **{escape(s.article_heading(summary))}** `{short}`")
        if len(summary.appearances) > 1:
            lines.append(f"  - same text in {len(summary.appearances)} outlets:")
        for metadata in summary.appearances:
            lines.append(f"  - {escape(appearance_words(metadata))}{link(metadata.url)}")
    return lines


def link(url: str | None) -> str:
    """Only web links become links; anything else (``javascript:`` ...) stays text."""
    if not url:
        return ""
    if url.startswith(("http://", "https://")) and not re.search(r"[\s<>()]", url):
        return f" <{url}>"
    return f" ({escape(url)})"


def figure_lines(report: StoryReport) -> list[str]:
    corroboration = s.corroboration_of(report)
    lines: list[str] = []
    for group in report.figure_groups:
        if lines:
            lines.append("")
        backing = s.corroboration_words(corroboration.get(group.id))
        lines += [f"**{escape(s.group_heading(group))}**", ""]
        lines += [f"_{escape(backing)}_", ""] if backing else []
        lines += table(s.FIGURE_HEADERS, s.figure_rows(group))
    return lines


def discrepancy_lines(report: StoryReport) -> list[str]:
    groups, outlets = s.groups_by_id(report), s.outlet_of(report)
    lines: list[str] = []
    for discrepancy in report.discrepancies:
        lines.append(f"- {escape(s.discrepancy_title(discrepancy, groups))}")
        lines += [f"  - {escape(e)}" for e in s.discrepancy_evidence(discrepancy, outlets)]
    return lines


def denial_lines(report: StoryReport) -> list[str]:
    rows = s.denial_rows(report)
    return table(s.DENIAL_HEADERS, rows) if rows else []


def citation_lines(report: StoryReport) -> list[str]:
    rows = s.citation_rows(report)
    return table(s.CITATION_HEADERS, rows) if rows else []


def timeline_lines(report: StoryReport) -> list[str]:
    rows = s.timeline_rows(report)
    return table(s.TIMELINE_HEADERS, rows) if rows else []


def entity_lines(report: StoryReport) -> list[str]:
    rows = s.entity_rows(report)
    return table(s.ENTITY_HEADERS, rows) if rows else []


def claim_lines(report: StoryReport) -> list[str]:
    rows = s.claim_rows(report)
    return table(s.CLAIM_HEADERS, rows) if rows else []
