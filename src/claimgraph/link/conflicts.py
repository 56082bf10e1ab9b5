"""Conflicts: totals of one figure group, from different parties, that cannot all hold.

Precision first. Two figures clash only when all of these hold:

- their group says what it counts (not "unspecified", "number", "toll", "people");
- both are exact or bounded figures, not vague amounts ("hundreds", "dozens");
- both are totals (a partial count, a prediction or a background figure never joins);
- both carry a day-exact date (a figure dated only "1987" or "March" is not compared);
- their times overlap and their bounds cannot both hold: on one day, their intervals are
  disjoint; on days at most two weeks apart, the later one lies wholly below what the
  earlier one allows, for counts that can only grow (``GROWING``: deaths, injured ...;
  missing people are found, a recount's margin moves either way). An early
  count and a higher later one is a count that grew (a death after the first report),
  not a contradiction; a figure stands as of its article's day (``as_of``);
- they come from different parties (``parties``), neither of which gives both values on
  that day (a party at odds with itself has most likely had one figure misread), and
  they are not an outlet's own figure beside a source it quotes in the same article
  (one article's telling, usually a headline or a paraphrase of the body);
- they are within ``MAX_CONFLICT_RATIO`` of each other;
- each is ``backed``: in its article's lead, or said again by another figure.

The figures that clash are then clustered by value, and the flag sets the clusters
against each other in one sentence: "“3,000” (John Kirby, 2024-10-23) against “10,000”,
“over 10,000” (Western diplomat, 2024-10-15)".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from claimgraph.link.counted import GENERIC_HEADS
from claimgraph.link.intervals import INFINITY, Interval, interval_of
from claimgraph.link.parties import Party, parties
from claimgraph.model import FigureGroup, FigureMember, FlagSide
from claimgraph.sentences import sentence_bounds

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Two sources' figures for one thing rarely differ more than tenfold (crowd estimates of
# police and organisers: about fivefold); a wider gap almost always means two different
# things counted under one class ("one dead" beside "more than 60,000 marchers"). Chosen
# on the dev split of gold/linking: conflict F1 57.1 -> 66.7 at unchanged recall.
MAX_CONFLICT_RATIO = 10
# Figures given further apart than this do not stand at overlapping times: weeks later a
# story is about a trial or an anniversary, and its figure is mostly a part of the first
# count (the victims a charge names). The furthest real conflict we know is eight days
# (the seeds: 10,000 on 15 October, 3,000 on 23 October). On gva-dev the window took the
# false conflicts on agreeing incidents from 19 to 16 (killed) and 17 to 15 (injured);
# gold/linking dev unchanged.
MAX_DAYS_APART = 14
# How many clusters and how many figure words or sources of one cluster a reason lists.
MAX_SIDES = 3
MAX_LISTED = 3


# Words saying a count changed: "the toll rose to eight", "has risen to", "up from 36",
# "climbed", "revised". The later figure's own sentence saying so is the strongest sign
# that two figures are one count over time, not two things counted.
CHANGE_WORDS = re.compile(
    r"\b(?:rose|ris(?:e|es|en|ing)|climb(?:ed|s|ing)?|jump(?:ed|s)?|increas(?:ed|es|ing)|"
    r"grew|grown|(?:up|down) from|revis(?:ed|es|ing)|updat(?:ed|es|ing)|lower(?:ed|s)|"
    r"fell|fallen|dropped|now)\b",
    re.IGNORECASE,
)


def in_sentence(words: re.Pattern[str], f: Figure, text: str) -> bool:
    span = f.member.quantity.span
    if not text:
        return False
    start, end = sentence_bounds(text, span.start, span.end)
    return bool(words.search(text, start, end))


@dataclass(frozen=True)
class Figure:
    member: FigureMember
    interval: Interval
    party: Party
    day: str
    in_lead: bool = False  # in its article's headline or first two sentences


def comparable(a: Interval, b: Interval) -> bool:
    """Whether two disjoint intervals are close enough to be rival figures for one thing."""
    lower, higher = (a, b) if a.high <= b.low else (b, a)
    top = lower.high if lower.high != INFINITY else lower.low
    return top > 0 and higher.low <= top * MAX_CONFLICT_RATIO


def days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def cannot_both_hold(
    a: Figure, b: Figure, grows: bool = True, risen: frozenset[int] = frozenset()
) -> bool:
    """Same day: disjoint. Different days, at most ``MAX_DAYS_APART``: the later figure
    below the earlier's floor, and only for a count that ``grows`` (the dead, the
    injured): any other count may move either way between two days (a recount's margin,
    the people still in hospital, flights cancelled), so its figures on different days
    are changes over time, not rival claims."""
    if a.day == b.day:
        if a.interval.overlaps(b.interval):
            return False
        higher = a if a.interval.low > b.interval.high else b
        # "the toll rose to six" beside "three" of that morning: a count that grew
        return not (grows and id(higher) in risen)
    if not grows or days_apart(a.day, b.day) > MAX_DAYS_APART:
        return False
    early, late = (a, b) if a.day < b.day else (b, a)
    below = late.interval.high < early.interval.low or (
        late.interval.high == early.interval.low
        and (late.interval.high_open or early.interval.low_open)
    )
    return below


def group_class(group: FigureGroup) -> str:
    """The counted class a group's label ends with ("deaths" for "Ukraine deaths")."""
    words = group.label.split()
    if group.unit and words and words[-1].startswith("("):
        words = words[:-1]
    return words[-1].lower() if words else ""


# Counts that can only grow as a story unfolds: whoever was killed, hurt, shot, arrested
# or rescued stays so, and troops sent to a front accumulate over a deployment's days, so
# a lower figure on a later day contradicts the earlier one (the seeds: 10,000 troops by
# a diplomat on 15 October, 3,000 by John Kirby on 23 October). Every other count may
# fall ("three missing" on Monday, "one missing" on Wednesday; a recount's margin;
# patients still in hospital) or means something else on another day.
GROWING = frozenset({"deaths", "injured", "casualties", "shot", "arrests", "rescued", "troops"})
# "people" says who but not what happened to them (shot, evacuated, at the march).
UNSAID_EVENT = frozenset({"people"})


def known_identity(group: FigureGroup) -> bool:
    """Whether the group says what it counts: "unspecified", "number", "toll", "people"
    do not, so their figures may count different things and are never set against each
    other (they stay side by side in the figures table)."""
    return group_class(group) not in GENERIC_HEADS | UNSAID_EVENT


def as_of(member: FigureMember, published: Mapping[str, str]) -> str:
    """The day a figure stood as of. A date the figure's own sentence names is mostly the
    day of the event ("Monday's fire killed two"), not the day the count was made: such a
    figure stands as of its article's publication day. A statement's date ("police said
    on Tuesday") or, failing any, the publication day is kept as it is."""
    own = member.quantity.date.value if member.quantity.date else None
    day = published.get(member.article_id, "")[:10]
    if own is not None and own == member.date and DAY.match(day) and day > own[:10]:
        return day
    return member.date or ""


def figures(
    group: FigureGroup,
    published: Mapping[str, str] | None = None,
    leads: Mapping[str, int] | None = None,
) -> list[Figure]:
    """The group's totals that can be compared: a number and a day-exact date, in a group
    that says what it counts. ``published``: article id -> publication date; ``leads``:
    article id -> where its lead (headline and first two sentences) ends."""
    if not known_identity(group):
        return []
    found = []
    for member, party in zip(group.members, parties(group.members), strict=True):
        interval = interval_of(member.quantity)
        day = as_of(member, published or {})
        exact = not member.quantity.vague  # "hundreds", "dozens": no bounds to break
        if member.scope == "total" and exact and interval is not None and DAY.match(day):
            lead = member.quantity.span.start < (leads or {}).get(member.article_id, 0)
            found.append(Figure(member, interval, party, day, lead))
    return found


def torn(found: Sequence[Figure]) -> set[tuple[str, str]]:
    """(party, day) pairs giving figures on one day that cannot both hold."""
    by_party: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in found:
        by_party[(f.party.key, f.day)].append(f)
    return {
        key
        for key, same in by_party.items()
        if any(not a.interval.overlaps(b.interval) for a in same for b in same)
    }


def rivals(
    a: Figure,
    b: Figure,
    at_odds: set[tuple[str, str]],
    grows: bool = True,
    risen: frozenset[int] = frozenset(),
) -> bool:
    if a.party.key == b.party.key or not cannot_both_hold(a, b, grows, risen):
        return False
    if (a.party.key, a.day) in at_odds or (b.party.key, b.day) in at_odds:
        return False
    one_article = a.member.article_id == b.member.article_id
    if one_article and not (a.party.strong and b.party.strong):
        return False
    return comparable(a.interval, b.interval)


def clashing_pairs(
    group: FigureGroup,
    published: Mapping[str, str] | None = None,
    leads: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[tuple[Figure, Figure]]:
    """Every pair of rival figures; groups are small (tens of figures), so pairs are few.
    ``texts`` (article id -> text) tell which figures' sentences say the count changed
    ("rises to six"): such a figure is no rival of lower ones of its day."""
    found = figures(group, published, leads)
    risen = frozenset(
        id(f)
        for f in found
        if in_sentence(CHANGE_WORDS, f, (texts or {}).get(f.member.article_id, ""))
    )
    at_odds = torn(found)
    grows = group_class(group) in GROWING
    said = [
        (m, i)
        for m in group.members
        if m.scope == "total" and (i := interval_of(m.quantity)) is not None
    ]
    return [
        (a, b)
        for i, a in enumerate(found)
        for b in found[i + 1 :]
        if rivals(a, b, at_odds, grows, risen) and backed(a, said) and backed(b, said)
    ]


def backed(figure: Figure, said: Sequence[tuple[FigureMember, Interval]]) -> bool:
    """A figure a story stands on: stated in an article's lead, or said again (another
    total of the group that agrees with it, a vague one included: "thousands" backs
    "3,000"). A lone figure deep in one body is mostly a
    part of the total ("one person was pronounced dead at the scene"). Measured on dev:
    gva-dev false conflicts on agreeing incidents 10.4% -> 6.2% (killed), 14.6% -> 6.1%
    (injured); gold/linking dev conflict P 75.0 -> 100.0 at R 50.0."""
    if figure.in_lead:
        return True
    return any(m is not figure.member and i.overlaps(figure.interval) for m, i in said)


def _order(f: Figure) -> tuple[str, int]:
    return (f.member.article_id, f.member.quantity.span.start)


def value_clusters(involved: Sequence[Figure]) -> list[list[Figure]]:
    """Figures in order of value, a new cluster wherever a figure cannot hold beside one
    already in the current cluster."""
    ordered = sorted(involved, key=lambda f: (f.interval.low, f.interval.high, _order(f)))
    clusters: list[list[Figure]] = []
    for f in ordered:
        if clusters and all(f.interval.overlaps(g.interval) for g in clusters[-1]):
            clusters[-1].append(f)
        else:
            clusters.append([f])
    return clusters


def _listed(items: Sequence[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    more = len(items) - MAX_LISTED
    return f"{shown} and {more} more" if more > 0 else shown


def _centre(f: Figure) -> Decimal:
    i = f.interval
    return i.low if i.high == INFINITY else (i.low + i.high) / 2


def side_of(cluster: Sequence[Figure]) -> FlagSide:
    by_value = sorted(cluster, key=lambda f: (_centre(f), _order(f)))
    values = list(dict.fromkeys(f"“{f.member.quantity.span.text}”" for f in by_value))
    sources = list(dict.fromkeys(f.party.name for f in cluster))
    dates = sorted({f.day for f in cluster})
    return FlagSide(values=tuple(values), sources=tuple(sources), dates=tuple(dates))


def side_words(side: FlagSide) -> str:
    when = side.dates[0] if len(side.dates) == 1 else f"{side.dates[0]} to {side.dates[-1]}"
    return f"{_listed(side.values)} ({_listed(side.sources)}, {when})"


def conflict_reason(sides: Sequence[FlagSide], pairs: Sequence[tuple[Figure, Figure]]) -> str:
    shown = " against ".join(side_words(s) for s in sides[:MAX_SIDES])
    more = len(sides) - MAX_SIDES
    if more > 0:
        shown += f" and {more} more"
    same_day = any(a.day == b.day for a, b in pairs)
    later = any(a.day != b.day for a, b in pairs)
    if same_day and later:
        why = "different sources, on the same day and on different dates"
    elif same_day:
        why = "different sources on the same day"
    else:
        why = "different sources on different dates, the later figure below the earlier"
    return f"{shown}: {why}."
