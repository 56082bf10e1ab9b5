"""Where the figures of a group disagree, and why, in words.

- conflict: totals whose intervals cannot all hold at once;
- revision: one source changing its own figure over time (an update, not a contradiction);
- scope: a partial count or a prediction set beside the totals;
- contested: an assertion against a denial.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence

from claimgraph.link.intervals import INFINITY, Interval, interval_of
from claimgraph.link.terms import content_terms
from claimgraph.model import (
    Denial,
    Discrepancy,
    DiscrepancyKind,
    FigureGroup,
    FigureMember,
    Span,
)


def discrepancy_id(story_id: str, kind: DiscrepancyKind, parts: Sequence[str]) -> str:
    digest = hashlib.sha256("\x1f".join((story_id, kind.value, *parts)).encode()).hexdigest()
    return "d" + digest[:12]


def who(member: FigureMember) -> str:
    """Who gave a figure, through whom, where and when, in a few words."""
    source = member.source or (f"{member.outlet} itself" if member.outlet else "the outlet")
    words = [source]
    if member.conduits:
        words.append("via " + " via ".join(member.conduits))
    if member.outlet and member.source:
        words.append(f"in {member.outlet}")
    if member.date:
        words.append(f"on {member.date}")
    return ", ".join(words)


def figure_words(member: FigureMember) -> str:
    return f"“{member.quantity.span.text}”"


def _spans(members: Sequence[FigureMember]) -> tuple[tuple[str, Span], ...]:
    return tuple((m.article_id, m.quantity.span) for m in members)


# Figures an outlet gives without naming a source follow the running official count of a
# developing story ("two dead" on Monday, "four dead" on Tuesday): a change between days
# is an update of that count, so they share one key for revisions.
UNATTRIBUTED = "(unattributed reporting)"


def _source_key(member: FigureMember) -> str | None:
    if member.source is None:
        return UNATTRIBUTED
    return member.source.lower() if member.source != "unnamed" else None


def revisions(group: FigureGroup) -> list[Discrepancy]:
    """One source giving different figures on different dates."""
    by_source: dict[str, list[FigureMember]] = defaultdict(list)
    for member in group.members:
        key = _source_key(member)
        if key and member.scope == "total" and member.date:
            by_source[key].append(member)
    found = []
    for key, members in sorted(by_source.items()):
        steps = revision_steps(members)
        if len(steps) < 2:
            continue
        words = ", then ".join(f"{figure_words(m)} on {m.date}" for m in steps)
        who_revised = steps[0].source or "The unattributed reporting"
        reason = (
            f"{who_revised} revised its own figure for {group.label}: {words}. "
            "This is an update over time, not a contradiction."
        )
        found.append(
            Discrepancy(
                id=discrepancy_id(group.story_id, DiscrepancyKind.REVISION, [group.id, key]),
                story_id=group.story_id,
                kind=DiscrepancyKind.REVISION,
                reason=reason,
                group_id=group.id,
                spans=_spans(steps),
            )
        )
    return found


def _value_key(member: FigureMember) -> tuple[str | None, str | None, str | None, str]:
    q = member.quantity
    return (q.value, q.low, q.high, q.bound.value)


def revision_steps(members: Sequence[FigureMember]) -> list[FigureMember]:
    """The first figure, then each later one that changes the value (in date order)."""
    dated = sorted(members, key=lambda m: (m.date or "", m.article_id, m.quantity.span.start))
    steps: list[FigureMember] = []
    for member in dated:
        if not steps or _value_key(member) != _value_key(steps[-1]):
            if steps and member.date == steps[-1].date:
                continue  # two figures on one day are not a revision of each other
            steps.append(member)
    return steps


def _is_revision_pair(a: FigureMember, b: FigureMember) -> bool:
    key = _source_key(a)
    return key is not None and key == _source_key(b) and a.date != b.date


def _why_they_may_differ(a: FigureMember, b: FigureMember) -> str:
    reasons = []
    if a.date and b.date and a.date != b.date:
        reasons.append(f"they were given on different dates ({a.date} and {b.date})")
    if (a.source or a.outlet) != (b.source or b.outlet):
        reasons.append("they come from different sources")
    if a.quantity.vague or b.quantity.vague:
        reasons.append("one is only a vague amount")
    return "; ".join(reasons)


# How many clashing pairs a conflict lists in words; a group of hundreds of figures would
# otherwise list (and cost) every pair.
MAX_LISTED_PAIRS = 8


# Two sources' figures for one thing rarely differ more than tenfold (crowd estimates of
# police and organisers: about fivefold); a wider gap almost always means two different
# things counted under one class ("one dead" beside "more than 60,000 marchers"). Chosen
# on the dev split of gold/linking: conflict F1 57.1 -> 66.7 at unchanged recall (test
# split, not tuned on: 58.8 -> 66.7).
MAX_CONFLICT_RATIO = 10


def _comparable(lower: Interval, higher: Interval) -> bool:
    """Whether two disjoint intervals are close enough to be rival figures for one thing."""
    top = lower.high if lower.high != INFINITY else lower.low
    bottom = higher.low
    return top > 0 and bottom <= top * MAX_CONFLICT_RATIO


def clashing_pairs(group: FigureGroup) -> list[tuple[FigureMember, FigureMember]]:
    """Pairs of totals whose intervals are disjoint (not one source's revision), lowest
    upper bound first: sorting makes this cost O(n log n + pairs listed), not O(n^2)."""
    found: list[tuple[Interval, FigureMember]] = []
    for member in group.members:
        interval = interval_of(member.quantity)
        if member.scope == "total" and interval is not None:
            found.append((interval, member))
    by_high = sorted(found, key=lambda f: (f[0].high, _order(f[1])))
    by_low = sorted(found, key=lambda f: (-f[0].low, _order(f[1])))
    pairs: list[tuple[FigureMember, FigureMember]] = []
    for ia, a in by_high:
        for ib, b in by_low:
            if ib.low < ia.high or len(pairs) >= MAX_LISTED_PAIRS:
                break
            if (
                a is not b
                and not ia.overlaps(ib)
                and not _is_revision_pair(a, b)
                and _comparable(ia, ib)
            ):
                pairs.append((a, b))
        if len(pairs) >= MAX_LISTED_PAIRS or not by_low or by_low[0][0].low < ia.high:
            break
    return pairs


def conflicts(group: FigureGroup) -> list[Discrepancy]:
    """Totals in the group whose intervals cannot all hold at the same time."""
    clashing = clashing_pairs(group)
    if not clashing:
        return []
    lines = []
    for a, b in clashing:
        line = f"{figure_words(a)} ({who(a)}) and {figure_words(b)} ({who(b)}) cannot both hold"
        why = _why_they_may_differ(a, b)
        lines.append(f"{line}: {why}" if why else line)
    involved = sorted({id(m): m for pair in clashing for m in pair}.values(), key=_order)
    reason = f"The figures for {group.label} disagree. " + ". ".join(lines) + "."
    return [
        Discrepancy(
            id=discrepancy_id(group.story_id, DiscrepancyKind.CONFLICT, [group.id]),
            story_id=group.story_id,
            kind=DiscrepancyKind.CONFLICT,
            reason=reason,
            group_id=group.id,
            spans=_spans(involved),
        )
    ]


def _order(member: FigureMember) -> tuple[str, int]:
    return (member.article_id, member.quantity.span.start)


SCOPE_WORDS = {
    "partial": "is a partial count, not a rival total",
    "prediction": "is a prediction, not a present count",
    "background": "is a background figure about another time",
}


def scope_notes(group: FigureGroup) -> list[Discrepancy]:
    """Partial counts and predictions beside the totals of a group: not contradictions."""
    if not any(m.scope == "total" for m in group.members):
        return []
    found = []
    for member in group.members:
        if member.scope not in SCOPE_WORDS:
            continue
        modifiers = ", ".join(member.quantity.modifiers)
        note = f" (“{modifiers}”)" if modifiers else ""
        reason = f"{figure_words(member)}{note} from {who(member)} {SCOPE_WORDS[member.scope]}."
        parts = [group.id, member.article_id, str(member.quantity.span.start)]
        found.append(
            Discrepancy(
                id=discrepancy_id(group.story_id, DiscrepancyKind.SCOPE, parts),
                story_id=group.story_id,
                kind=DiscrepancyKind.SCOPE,
                reason=reason,
                group_id=group.id,
                spans=_spans([member]),
            )
        )
    return found


STEM_LENGTH = 5  # "Korean" meets "Korea", "transfers" meets "transferred"


def stems(text: str) -> set[str]:
    return {term[:STEM_LENGTH] for term in content_terms(text)}


def denied_group(
    denial: Denial,
    groups: Sequence[FigureGroup],
    contexts: Mapping[str, set[str]],
    sentence_stems: Mapping[str, set[str]],
) -> FigureGroup | None:
    """The figure group whose sentences share most words with what is denied."""
    target = stems(denial.target or " ".join(s.text for s in denial.content))
    # What is denied first; failing that ("they were propaganda"), its whole sentence.
    for words in (target, sentence_stems.get(denial.id, set())):
        best: tuple[int, int, FigureGroup] | None = None
        for group in groups:
            shared = len(words & contexts.get(group.id, set()))
            if shared and (best is None or (shared, len(group.members)) > best[:2]):
                best = (shared, len(group.members), group)
        if best is not None:
            return best[2]
    return None


def contested(
    story_id: str,
    denials: Sequence[Denial],
    groups: Sequence[FigureGroup],
    contexts: Mapping[str, set[str]],
    sentence_stems: Mapping[str, set[str]],
) -> list[Discrepancy]:
    """Each denial set against the figures it concerns (by the words they share)."""
    found = []
    for denial in denials:
        denier = denial.source or "an unnamed source"
        target = denial.target or " ".join(s.text for s in denial.content) or "the reports"
        group = denied_group(denial, groups, contexts, sentence_stems)
        asserted = ""
        if group is not None:
            sources = sorted({m.source or m.outlet or "the outlet" for m in group.members})
            asserted = f" Asserted in the figures for {group.label} by {', '.join(sources)}."
        found.append(
            Discrepancy(
                id=discrepancy_id(story_id, DiscrepancyKind.CONTESTED, [denial.id]),
                story_id=story_id,
                kind=DiscrepancyKind.CONTESTED,
                reason=f"Denied by {denier}: {target}.{asserted}",
                group_id=group.id if group is not None else None,
                spans=tuple((denial.article_id, s) for s in denial.content),
            )
        )
    return found


def group_discrepancies(group: FigureGroup) -> list[Discrepancy]:
    if len(group.members) < 2:
        return []
    return revisions(group) + conflicts(group) + scope_notes(group)
