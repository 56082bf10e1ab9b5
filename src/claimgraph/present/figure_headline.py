"""A figure group in three lines: the range of values, who gave the ends and when, and
the disagreement, so a reader has the answer before the table.

Only the figures given as totals for the story's own event make the range: a forecast
("could rise to 100"), a part ("40 of them children") or a background figure is not a
rival count; they are counted apart and named in the line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from claimgraph.model import Discrepancy, FigureGroup, FigureMember
from claimgraph.present.date_words import date_range, date_words, day_words
from claimgraph.present.figures import magnitude, quantity_words, source_words
from claimgraph.present.sections import member_sort_key, plural

# The order a reader needs them: a conflict is the news, a scope note the least.
KIND_ORDER = ("conflict", "contested", "revision", "scope")
KIND_NAMES = {
    "conflict": ("conflict", "conflicts"),
    "contested": ("contested claim", "contested claims"),
    "revision": ("revision", "revisions"),
    "scope": ("scope difference", "scope differences"),
}


@dataclass(frozen=True)
class FigureHeadline:
    range_words: str  # "40 to 75", "about 60", "no single value"
    counts: str  # "5 figures from 3 sources in 2 outlets, 10–12 March 2026"
    ends: str  # "Lowest: at least 40, the coast guard (The Harbor Ledger, 10 March 2026) ..."
    disagreement: str  # "" when the linker found none


def headline(group: FigureGroup, discrepancies: tuple[Discrepancy, ...]) -> FigureHeadline:
    totals = [m for m in group.members if m.scope == "total" and magnitude(m.quantity) is not None]
    ranked = sorted(totals, key=lambda m: (magnitude(m.quantity), member_sort_key(m)))
    return FigureHeadline(
        range_words=range_words(ranked),
        counts=count_words(group),
        ends=end_words(ranked),
        disagreement=disagreement_words(group, discrepancies, ranked),
    )


def range_words(ranked: list[FigureMember]) -> str:
    if not ranked:
        return "no total given"
    low, high = quantity_words(ranked[0].quantity), quantity_words(ranked[-1].quantity)
    return low if low == high else f"{low} to {high}"


def span_words(group: FigureGroup) -> str:
    """The days the figures are dated to: "10–12 March 2026", "summer 2024"."""
    dated = [(m.date, date_range(m.date)) for m in group.members]
    found = [(value, r) for value, r in dated if r is not None]
    if not found:
        return "undated"
    first = min(found, key=lambda item: item[1][0])
    last = max(found, key=lambda item: item[1][1])
    if first[0] == last[0] or first[1] == last[1]:
        return date_words(first[0])
    start, end = first[1][0], last[1][1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_words(end)}"
    return f"{date_words(first[0])} – {date_words(last[0])}"


def count_words(group: FigureGroup) -> str:
    sources = {source_words(m) for m in group.members}
    outlets = {m.outlet for m in group.members if m.outlet}
    aside = Counter(m.scope for m in group.members if m.scope != "total")
    parts = [
        f"{plural(len(group.members), 'figure')} from {plural(len(sources), 'source')}"
        + (f" in {plural(len(outlets), 'outlet')}" if outlets else ""),
        span_words(group),
    ]
    if aside:
        parts.append(", ".join(f"{n} {scope}" for scope, n in sorted(aside.items())))
    return " · ".join(parts)


def member_words(member: FigureMember) -> str:
    where = ", ".join(x for x in (member.outlet, date_words(member.date)) if x)
    return f"{quantity_words(member.quantity)}, {source_words(member)}" + (
        f" ({where})" if where else ""
    )


def end_words(ranked: list[FigureMember]) -> str:
    if not ranked:
        return ""
    if magnitude(ranked[0].quantity) == magnitude(ranked[-1].quantity):
        return f"Given by {member_words(ranked[0])}."
    return f"Lowest: {member_words(ranked[0])}. Highest: {member_words(ranked[-1])}."


def disagreement_words(
    group: FigureGroup, discrepancies: tuple[Discrepancy, ...], ranked: list[FigureMember]
) -> str:
    """ "2 conflicts, 1 revision: the coast guard says at least 40, Lifeline at Sea 75"."""
    mine = [d for d in discrepancies if d.group_id == group.id]
    if not mine:
        return ""
    kinds = Counter(d.kind.value for d in mine)
    listed = ", ".join(plural(kinds[k], *KIND_NAMES[k]) for k in KIND_ORDER if kinds.get(k))
    lead = min(mine, key=lambda d: KIND_ORDER.index(d.kind.value))
    if lead.sides:
        # The linker's clusters: what is set against what, by whom.
        joiner = " then " if lead.kind.value == "revision" else " against "
        return f"{listed}: " + joiner.join(
            f"{' / '.join(side.values)} ({', '.join(side.sources)})" for side in lead.sides[:3]
        )
    low, high = (ranked[0], ranked[-1]) if ranked else (None, None)
    if low is None or high is None or source_words(low) == source_words(high):
        return listed
    return (
        f"{listed}: {source_words(low)} says {quantity_words(low.quantity)}, "
        f"{source_words(high)} {quantity_words(high.quantity)}"
    )
