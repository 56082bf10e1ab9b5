"""What a figure covers: a total, a partial count, a prediction, or background."""

from __future__ import annotations

import re
from datetime import date

from claimgraph.model import Quantity

# "Her team alone recovered 22": a count of one part. ("Most of them" is not: it
# describes the whole, and the figure beside it is usually the total.)
PARTIAL_WORDS = re.compile(r"\b(alone|by itself|by themselves)\b", re.I)
PREDICTION_WORDS = re.compile(
    r"\b(will|could|may|might|expects?|expected|expecting|forecasts?|forecast|"
    r"predicts?|predicted|projects?|projected|eventually|set to|likely to|could rise|"
    r"planned to|plans to|plotted to|hoped to|hoping to|wanted to|threatened to)\b",
    re.I,
)
PREDICTION_MODIFIERS = frozenset(
    {"eventually", "expected", "could", "will", "may", "might", "projected", "forecast"}
)
PARTIAL_MODIFIERS = frozenset({"alone", "only"})
# How far before a figure (characters, same sentence) a future or modal word still
# governs it: "who will eventually number around 12,000" but not a "could" two clauses back.
PREDICTION_WINDOW = 40
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A figure is background when its sentence is about a year at least this far before
# the article's publication ("the 1987 disaster killed 193").
BACKGROUND_YEARS = 2
# "Eight died in a salon shooting three years ago": another, earlier event.
AGO = re.compile(r"\b(?:years?|months?|decades?|weeks?) ago\b", re.I)
# "5 dead, 17 wounded in weekend shootings": a figure whose own clause counts over several
# events is a round-up of them, not a count of the story's event.
ROUNDUP = re.compile(r"\b(?:shootings|attacks|incidents|homicides|killings|crashes)\b", re.I)
# Anywhere in the sentence, a plural of events that is not "the shootings" (one attack
# told as several) makes its figures a tally over several events: "three killed in
# Monday shootings", "in four separate shootings", "in 12 shootings since October".
SENTENCE_ROUNDUP = re.compile(
    r"(?<!\bthe )(?<!\bboth )(?<!\bthese )\b(?:shootings|homicides|killings)\b"
    r"|\bseparate (?:shooting )?incidents\b",
    re.I,
)
# A tally over a span of time longer than one event: "more than 750 people have been
# killed so far this year" (not a bare "this year": "deployed by the end of this year"),
# "last summer, one man was killed", "in the past two months, eight youths were hurt".
TALLY_SPAN = re.compile(
    r"\b(?:so far this year|this year alone|last year|(?:last|this past) (?:summer|spring|fall|"
    r"autumn|winter|month)|in the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)|"
    r"in (?:\d+|two|three|four|five|six|seven) days|(?:an?|one) [\w-]+-hour (?:stretch|span)|"
    r"a string of|violent (?:night|weekend))\b",
    re.I,
)
# "since it was invaded by Russia in February 2022": how far back a "since" still reaches.
SINCE_WINDOW = 60


def _modifier_words(q: Quantity) -> set[str]:
    return {w.lower() for m in q.modifiers for w in m.split()}


def figure_scope(q: Quantity, text: str, sentence: tuple[int, int], published: str | None) -> str:
    """One of ``total``, ``partial``, ``prediction``, ``background``."""
    words = _modifier_words(q)
    clause = text[sentence[0] : sentence[1]]
    before = text[max(sentence[0], q.span.start - PREDICTION_WINDOW) : q.span.start]
    if q.part or words & PARTIAL_MODIFIERS or PARTIAL_WORDS.search(clause):
        return "partial"
    if words & PREDICTION_MODIFIERS or PREDICTION_WORDS.search(before):
        return "prediction"
    if published and _is_background(clause, published):
        return "background"
    own = text[q.clause.start : q.clause.end] if q.clause else clause
    if AGO.search(clause) or ROUNDUP.search(own) or SENTENCE_ROUNDUP.search(clause):
        return "background"
    if TALLY_SPAN.search(clause):
        return "background"
    return "total"


def _is_background(sentence: str, published: str) -> bool:
    try:
        year = date.fromisoformat(published[:10]).year
    except ValueError:
        return False
    for match in YEAR.finditer(sentence):
        preceding = sentence[max(0, match.start() - SINCE_WINDOW) : match.start()].lower()
        following = sentence[match.end() : match.end() + 8].lower()
        if "since" in preceding and not following.startswith((", when", " when")):
            continue  # "since 2022" counts up to now: a current total
        if int(match.group()) <= year - BACKGROUND_YEARS:
            return True
    return False
