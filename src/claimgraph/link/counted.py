"""What a figure counts, folded to a class shared by its synonyms.

A figure's class comes first from what happened to the counted thing when the words
around the figure say so ("80,000 troops have died" counts deaths, "152 people were
rescued" counts rescues, "the death toll rose to 9" counts deaths), and otherwise from
the head noun of the counted words, through a table of synonyms ("soldiers",
"infantry", "troops" are one class). Money, percentages and measures keep their unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.link.noun_senses import names_living
from claimgraph.model import Quantity

# Head nouns folded to one class name.
COUNT_CLASSES = {
    **dict.fromkeys(
        [
            "troop",
            "soldier",
            "infantry",
            "infantryman",
            "force",
            "personnel",
            "serviceman",
            "servicemen",
            "fighter",
            "engineer",
            "special",
            "marine",
        ],
        "troops",
    ),
    **dict.fromkeys(["death", "dead", "fatality", "body", "killed"], "deaths"),
    "casualty": "casualties",
    **dict.fromkeys(["wounded", "injury", "injured", "hurt"], "injured"),
    "missing": "missing",
    **dict.fromkeys(["people", "person", "resident", "civilian", "man", "woman"], "people"),
    **dict.fromkeys(["employee", "staff", "workforce", "employ"], "employees"),
    **dict.fromkeys(
        ["crowd", "protester", "protestor", "demonstrator", "marcher", "participant"], "crowd"
    ),
    **dict.fromkeys(["arrest", "detention"], "arrests"),
    "charge": "charges",  # "several malicious wounding charges" count charges, not wounds
    "wound": "wounds",  # "suffered two leg wounds": wounds of one person, not people hurt
    **dict.fromkeys(["shot", "round", "bullet", "gunshot"], "shots fired"),
    **dict.fromkeys(["evacuation", "evacuee"], "displaced"),
    **dict.fromkeys(["damage", "bill", "cost", "loss", "losses", "repair"], "damage"),
}
# What happened to the counted thing, by the words that say so. The nearest such word
# to the figure wins, so "3 miners died and 12 were rescued" keeps the two apart.
EVENT_CLASSES = (
    (r"died|dead|killed|kills?|killing|perished|deaths?|death toll|bodies|fatalities|"
     r"lost their lives|fatally|fatal shootings?|slain|deceased", "deaths"),
    (r"wounded|(?<!gunshot )(?<!bullet )wounds?|wounding|injured|injuries|injuring|injures?|hurt|"
     r"hospitali[sz]ed|to (?:the |a |area )?hospitals?", "injured"),
    # "two were in critical condition and two were stable": how the injured are, a count
    # of some of them; outlets report it beside the injured total, not against it.
    (r"(?:critical|serious|stable|grave|fair|good) condition|stable", "in hospital condition"),
    (r"missing|unaccounted", "missing"),
    (r"trapped", "trapped"),
    (r"rescued|saved|pulled (?:alive )?from|recovered alive|brought (?:out|to the surface)",
     "rescued"),
    (r"found safe|turned up safe|accounted for", "found safe"),
    (r"evacuated|evacuations?|displaced|homeless|fled their homes", "displaced"),
    (r"arrested|arrests?|detained", "arrests"),
    (r"marched|rallied|protested|demonstrated|took to the streets|turned out|gathered",
     "crowd"),
    (r"employs|employed|employees|on the payroll|workforce", "employees"),
    # Last: "shot and killed", "shot, three fatally" say more than "shot" alone does.
    (r"shot|shot at|struck by gunfire|gunshot wounds?|bullet wounds?", "shot"),
)  # fmt: skip
EVENT_PATTERN = re.compile(
    "|".join(f"(?P<e{i}>\\b(?:{words})\\b)" for i, (words, _) in enumerate(EVENT_CLASSES)),
    re.IGNORECASE,
)
_ANY_EVENT = "|".join(f"(?:{words})" for words, _ in EVENT_CLASSES)
# Event words straight after the counted words, coordinated or not: "shot and killed";
# after "in" or "with" too: "2 in critical condition", "three others with serious injuries".
_IN_WITH = r"(?:(?:in|with)\s+(?:[a-z]+\s+)?|[a-z]+ly\s+)?"  # or "3 critically injured"
ADJACENT_EVENTS = re.compile(
    f"\\s*{_IN_WITH}(?:{_ANY_EVENT})\\b(?:\\s*(?:,|and|or)\\s*(?:{_ANY_EVENT})\\b)*",
    re.IGNORECASE,
)
# "two other children were not injured": what did not happen to them is not their class.
NEGATED = re.compile(r"(?:\bnot|n't|n’t)\s+$", re.IGNORECASE)
# How far after a figure (characters) a word may still say what happened to it, and how
# far before it ("raised the missing count to 64", "put the death toll at 9").
EVENT_WINDOW = 60
EVENT_WINDOW_BEFORE = 35
# Heads that say nothing of what is counted ("the number of missing", "the toll").
GENERIC_HEADS = frozenset(
    {"number", "count", "total", "toll", "figure", "tally", "estimate", "unspecified", "other"}
)
# Classes that already say what happened ("casualties", "deaths"): the words around
# them ("its wounded around 400,000" after "casualties as high as 200,000") do not
# change them.
SPECIFIC_CLASSES = frozenset(
    {name for _, name in EVENT_CLASSES}
    | {"casualties", "damage", "charges", "shots fired", "wounds"}
)
# What happens only to the living: a gun, an investigation or a shooting is never killed,
# hurt or arrested, whatever the words around its figure say ("three guns found with a
# teen who killed himself"). Crowds, employees and the displaced are left out: "500 homes
# evacuated" counts the displaced all the same.
LIVING_EVENTS = frozenset(
    {"deaths", "injured", "in hospital condition", "shot", "missing", "trapped", "rescued",
     "found safe", "arrests"}
)  # fmt: skip
# Units whose figures are amounts, not counts of something that can happen to people.
AMOUNT_UNITS = frozenset({"percent", "kilometre", "mile", "metre", "kilogram", "tonne"})


def _nearest_event(text: str, start: int, end: int, anchor: int) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for match in EVENT_PATTERN.finditer(text, start, end):
        index = int((match.lastgroup or "e0")[1:])
        distance = min(abs(match.start() - anchor), abs(match.end() - anchor))
        if best is None or distance < best[0]:
            best = (distance, EVENT_CLASSES[index][1])
    return best


def event_class(q: Quantity, text: str, sentence: tuple[int, int]) -> str | None:
    """What happened to the counted thing: from the clause whose predicate governs the
    figure when the analysis found one (the first class of ``EVENT_CLASSES`` its words
    name), otherwise from the words nearest the figure."""
    if q.clause is not None:
        ends = (q.span.end, max(q.span.end, q.counted.end)) if q.counted else (q.span.end,)
        return _clause_event(text, q.clause.start, q.clause.end, ends)
    start = min(q.span.start, q.counted.start) if q.counted else q.span.start
    end = max(q.span.end, q.counted.end) if q.counted else q.span.end
    inside = _nearest_event(text, start, end, q.span.end)
    if inside is not None:
        return inside[1]
    after = _nearest_event(text, end, min(sentence[1], end + EVENT_WINDOW), end)
    before = _nearest_event(text, max(sentence[0], start - EVENT_WINDOW_BEFORE), start, start)
    found = [c for c in (after, before) if c is not None]
    return min(found)[1] if found else None


def _clause_event(text: str, start: int, end: int, ends: Sequence[int]) -> str | None:
    """The event words right after the counted words ("two others injured", "3 Hurt",
    "people shot and killed") when there are some, else any of the clause's; of several,
    the first class of ``EVENT_CLASSES``."""
    adjacent = next(filter(None, (ADJACENT_EVENTS.match(text, e, end) for e in ends)), None)
    span = (adjacent.start(), adjacent.end()) if adjacent else (start, end)
    found = [
        int((m.lastgroup or "e0")[1:])
        for m in EVENT_PATTERN.finditer(text, *span)
        if not NEGATED.search(text, max(0, m.start() - 8), m.start())
    ]
    return EVENT_CLASSES[min(found)][1] if found else None


def _lifeless_noun_after(q: Quantity, base: str) -> bool:
    """The figure modifies a noun WordNet files as no person, animal or group ("three
    guns", "one death investigation"). Only a noun at or after the figure: one found
    before it is the subject a verb's figure was read from ("an explosion ... kills
    three"), which says who or what did it, not what was counted."""
    if q.counted is None or q.counted.start < q.span.start or base in GENERIC_HEADS:
        return False
    return names_living(q.counted_head or "") is False


def count_class(q: Quantity, text: str, sentence: tuple[int, int]) -> str:
    """The class of what a figure counts ("deaths", "troops", "damage" ...)."""
    head = (q.counted_head or "").lower()
    base = COUNT_CLASSES.get(head, head)
    if q.unit in AMOUNT_UNITS:
        return base if base and base not in GENERIC_HEADS else q.unit or "unspecified"
    if q.unit is None and (base in GENERIC_HEADS or base not in SPECIFIC_CLASSES):
        event = event_class(q, text, sentence)
        lifeless = _lifeless_noun_after(q, base)
        if event and not (event in LIVING_EVENTS and lifeless):
            return event
    if base in GENERIC_HEADS or not base:
        return q.unit or "unspecified"
    return base
