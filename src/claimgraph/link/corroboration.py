"""Independent original sources behind each figure group.

The original source of a figure is the innermost named source of its attribution
("John Kirby"), whoever relays it; an unnamed source reached through a conduit is that
conduit's source ("anonymous officials via The Washington Post"); a figure with no
attribution is the outlet's own. Copies of one text (syndication) share an article id
and so count once.
"""

from __future__ import annotations

import re

from claimgraph.model import Corroboration, FigureGroup, FigureMember

UNNAMED = re.compile(
    r"^(unnamed|anonymous|officials?|sources?|reports?|diplomats?"
    r"|an? \w+ (official|source|diplomat))\b"
    r"|\b(anonymous|unnamed|unidentified)\b",
    re.I,
)


def is_unnamed(source: str | None) -> bool:
    return source is None or bool(UNNAMED.search(source))


def original_source(member: FigureMember) -> str:
    """A key naming the original source behind a figure, for counting."""
    if member.source is None:
        return f"{member.outlet or 'unknown outlet'} (own reporting)"
    if is_unnamed(member.source) and member.conduits:
        return f"{member.source} via {member.conduits[-1]}"
    return member.source


def counted_members(group: FigureGroup) -> list[FigureMember]:
    """The figures whose sources count: current totals, and unattributed ones only when
    no figure of the group names a source (otherwise they relay a named one)."""
    totals = [m for m in group.members if m.scope == "total"] or list(group.members)
    named = [m for m in totals if m.source is not None]
    return named or totals


def corroboration(group: FigureGroup) -> Corroboration:
    seen: dict[str, str] = {}
    per_article: set[tuple[str, int]] = set()
    for member in counted_members(group):
        key = (member.article_id, member.quantity.span.start)
        if key in per_article:
            continue
        per_article.add(key)
        name = original_source(member)
        seen.setdefault(name.lower(), name)
    sources = tuple(sorted(seen.values()))
    unnamed = [s for s in sources if is_unnamed(s.split(" via ")[0])]
    note = None
    if len(unnamed) > 1:
        note = (
            f"{len(unnamed)} unnamed sources ({'; '.join(unnamed)}) are counted apart "
            "but may be one source relayed by several outlets"
        )
    return Corroboration(
        group_id=group.id, independent_sources=len(sources), sources=sources, note=note
    )
