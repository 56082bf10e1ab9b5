"""Where the figures of a group disagree, and why, in words.

- conflict: totals from different parties whose bounds cannot all hold at one time
  (``conflicts``);
- revision: one party giving a changed figure on a later day (an update, not a
  contradiction);
- scope: a partial count, a prediction or a background figure beside the totals;
- contested: a claim asserted by some and denied by others (``contested``).

Every flag carries a confidence (``flag_confidence``).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from claimgraph.link.conflicts import (
    CHANGE_WORDS,
    MAX_DAYS_APART,
    Figure,
    clashing_pairs,
    comparable,
    conflict_reason,
    days_apart,
    figures,
    group_class,
    in_sentence,
    side_of,
    value_clusters,
)
from claimgraph.link.flag_confidence import (
    conflict_confidence,
    revision_confidence,
    scope_confidence,
)
from claimgraph.link.terms import content_terms
from claimgraph.model import (
    Discrepancy,
    DiscrepancyKind,
    FigureGroup,
    FigureMember,
    FlagSide,
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
    ordered = sorted(members, key=lambda m: (m.article_id, m.quantity.span.start))
    return tuple(dict.fromkeys((m.article_id, m.quantity.span) for m in ordered))


def _value_key(f: Figure) -> tuple[str | None, str | None, str | None]:
    """A figure's number, whatever its bound: "at least four" then "four" is no change."""
    q = f.member.quantity
    return (q.value, q.low, q.high)


def revision_steps(
    found: Sequence[Figure],
    published: Mapping[str, str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[list[Figure]]:
    """One party's figures in date order, a new step wherever the figure changes on a
    later day; a step holds every figure of its number (restatements included: "at
    least four" then "four" is no change). Two different figures on one day are not
    a revision of each other, nor are figures weeks apart (``MAX_DAYS_APART``: a trial's
    or an anniversary's count is mostly a part of the first, "two of the victims"): the
    later is dropped. On one day, a figure of an article published later (``published``
    with times) whose sentence says the count changed ("the toll rose to four") is a new
    step: the same day's running count."""
    when = published or {}
    told = texts or {}

    def later_that_day(f: Figure, last: Figure) -> bool:
        mine, theirs = when.get(f.member.article_id, ""), when.get(last.member.article_id, "")
        timed = len(mine) > len(DAY_ONLY) and len(theirs) > len(DAY_ONLY)
        return (
            f.day == last.day
            and timed
            and mine > theirs
            and in_sentence(CHANGE_WORDS, f, told.get(f.member.article_id, ""))
        )

    steps: list[list[Figure]] = []
    for f in sorted(
        found,
        key=lambda f: (
            f.day,
            when.get(f.member.article_id, ""),
            f.member.article_id,
            f.member.quantity.span.start,
        ),
    ):
        if steps and _value_key(f) == _value_key(steps[-1][0]):
            steps[-1].append(f)
        elif not steps or f.day > steps[-1][0].day or later_that_day(f, steps[-1][0]):
            if steps and not comparable_or_overlapping(steps[-1][0], f):
                continue  # tenfold apart: two things counted, not one figure changed
            if steps and days_apart(steps[-1][0].day, f.day) > MAX_DAYS_APART:
                continue  # weeks later: another occasion's count, not an update
            steps.append([f])
    return steps


DAY_ONLY = "2026-01-01"  # a publication date without a time


def said_changed(steps: Sequence[Sequence[Figure]], texts: Mapping[str, str]) -> bool:
    """Whether some figure of every later step stands in a sentence saying the count
    changed."""
    return all(
        any(in_sentence(CHANGE_WORDS, f, texts.get(f.member.article_id, "")) for f in step)
        for step in steps[1:]
    )


# Words saying that accounts differ: "authorities have given varying accounts", "Bill
# French earlier had said that the number was 14", "though cops said five ..., FDNY
# officials said six". The text itself telling of a disagreement makes a clash of figures
# most likely a real one, not two things counted. ("Dispute" is left out: "the ongoing
# dispute" is mostly a quarrel between the people of the story.)
DIFFER_WORDS = re.compile(
    r"\b(?:vary|varying|varied|conflicting|differ(?:s|ed|ing)?|"
    r"contradict(?:s|ed|ing)?|discrepanc(?:y|ies)|(?:earlier|initially|originally|first) "
    r"(?:had )?(?:said|reported|put)|had (?:earlier|initially|originally|first) "
    r"(?:said|reported|put)|though|although|whereas)\b",
    re.IGNORECASE,
)


def said_differ(involved: Sequence[Figure], texts: Mapping[str, str]) -> bool:
    """Whether the sentence of some clashing figure says that accounts differ."""
    return any(in_sentence(DIFFER_WORDS, f, texts.get(f.member.article_id, "")) for f in involved)


def two_reports(steps: Sequence[Sequence[Figure]]) -> bool:
    """Whether the steps come from more than one article: one party at two times is two
    reports. One text telling a count's history ("six were killed ... one died two days
    later", an encyclopedia page) is read as figures of different things far more often
    than as an update."""
    return len({f.member.article_id for step in steps for f in step}) > 1


def comparable_or_overlapping(a: Figure, b: Figure) -> bool:
    return a.interval.overlaps(b.interval) or comparable(a.interval, b.interval)


def revisions(
    group: FigureGroup,
    published: Mapping[str, str] | None = None,
    leads: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Discrepancy]:
    """One party giving a changed figure on a later day, in another report. ``texts``
    (article id -> text) tell whether a later figure's sentence says the count changed
    ("rose to eight"), which the flag's confidence weighs."""
    by_party: dict[str, list[Figure]] = defaultdict(list)
    for f in figures(group, published, leads):
        by_party[f.party.key].append(f)
    found = []
    for key, party_figures in sorted(by_party.items()):
        steps = revision_steps(party_figures, published, texts)
        if len(steps) < 2 or not two_reports(steps):
            continue
        sides = tuple(
            FlagSide(
                values=(figure_words(step[0].member),),
                sources=(step[0].party.name,),
                dates=(step[0].day,),
            )
            for step in steps
        )
        words = ", then ".join(f"{s.values[0]} on {s.dates[0]}" for s in sides)
        reason = f"{steps[0][0].party.name} changed its figure: {words} (an update over time)."
        found.append(
            Discrepancy(
                id=discrepancy_id(group.story_id, DiscrepancyKind.REVISION, [group.id, key]),
                story_id=group.story_id,
                kind=DiscrepancyKind.REVISION,
                reason=reason,
                group_id=group.id,
                spans=_spans([f.member for step in steps for f in step]),
                sides=sides,
                confidence=revision_confidence(steps, said_changed(steps, texts or {})),
            )
        )
    return found


def conflicts(
    group: FigureGroup,
    published: Mapping[str, str] | None = None,
    leads: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Discrepancy]:
    """One flag per group: the clusters of values that cannot all hold, set side by side."""
    pairs = clashing_pairs(group, published, leads, texts)
    return [conflict_flag(group, pairs, texts)] if pairs else []


def conflict_flag(
    group: FigureGroup,
    pairs: Sequence[tuple[Figure, Figure]],
    texts: Mapping[str, str] | None = None,
) -> Discrepancy:
    involved = list({id(f): f for pair in pairs for f in pair}.values())
    clusters = value_clusters(involved)
    sides = tuple(side_of(c) for c in clusters)
    return Discrepancy(
        id=discrepancy_id(group.story_id, DiscrepancyKind.CONFLICT, [group.id]),
        story_id=group.story_id,
        kind=DiscrepancyKind.CONFLICT,
        reason=conflict_reason(sides, pairs),
        group_id=group.id,
        spans=_spans([f.member for f in involved]),
        sides=sides,
        confidence=conflict_confidence(pairs, said_differ(involved, texts or {})),
    )


def clash_key(group: FigureGroup, pairs: Sequence[tuple[Figure, Figure]]) -> tuple[object, ...]:
    """What a conflict sets against what: the group's counted class and each value
    cluster's bounds. Two groups of one story with the same key are one disagreement
    whose outlets were split across groups ("deaths" and "Anderson County deaths")."""
    involved = list({id(f): f for pair in pairs for f in pair}.values())
    bounds = tuple(
        (min(f.interval.low for f in c), max(f.interval.high for f in c))
        for c in value_clusters(involved)
    )
    return (group_class(group), bounds)


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
                confidence=scope_confidence(),
            )
        )
    return found


STEM_LENGTH = 5  # "Korean" meets "Korea", "transfers" meets "transferred"


def stems(text: str) -> set[str]:
    return {term[:STEM_LENGTH] for term in content_terms(text)}


def story_discrepancies(
    groups: Sequence[FigureGroup],
    published: Mapping[str, str] | None = None,
    leads: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Discrepancy]:
    """Every group's revisions, conflicts and scope notes, each disagreement flagged
    once: a conflict that two groups both hold (``clash_key``) is one flag on the first
    group, with the figures of both; a revision told alike in two groups is one."""
    found: list[Discrepancy] = []
    clashes: dict[tuple[object, ...], tuple[FigureGroup, list[tuple[Figure, Figure]]]] = {}
    told: set[str] = set()
    for group in groups:
        if len(group.members) < 2:
            continue
        for flag in revisions(group, published, leads, texts):
            if flag.reason not in told:
                told.add(flag.reason)
                found.append(flag)
        pairs = clashing_pairs(group, published, leads, texts)
        if pairs:
            _, held = clashes.setdefault(clash_key(group, pairs), (group, []))
            held.extend(pairs)
        found += scope_notes(group)
    found += [conflict_flag(group, pairs, texts) for group, pairs in clashes.values()]
    return found


def group_discrepancies(
    group: FigureGroup,
    published: Mapping[str, str] | None = None,
    leads: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Discrepancy]:
    """Revisions, conflicts and scope notes of one group; ``published`` (article id ->
    publication date) tells how late each figure stood (``conflicts.as_of``), ``leads``
    (article id -> end of its lead) which figures an article leads with, ``texts``
    (article id -> text) what the figures' sentences say."""
    if len(group.members) < 2:
        return []
    found = revisions(group, published, leads, texts) + conflicts(group, published, leads, texts)
    return found + scope_notes(group)
