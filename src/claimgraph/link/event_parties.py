"""The people an event happened to or was done by (victims, suspects, their families), as
opposed to the people who report on it (police spokespeople, sheriffs, prosecutors,
mayors, reporters).

A shared name of the first kind ties a later report (an arrest, charges, a trial, a
sentencing) to its incident whatever the time between them; a shared name of the second
kind ties nothing, since the same spokesperson speaks for every incident of a city.
"""

from __future__ import annotations

import re

from claimgraph.link.entities import name_key
from claimgraph.model import Article, ArticleAnalysis, EntityMention, Span

# Words of the titles of people who speak for an office (lower case, dots dropped).
# fmt: off
OFFICIAL_WORDS = frozenset({
    "sheriff", "chief", "officer", "officers", "detective", "det", "sgt", "sergeant", "lt",
    "lieutenant", "capt", "captain", "cpl", "corporal", "deputy", "trooper", "agent",
    "spokesman", "spokeswoman", "spokesperson", "superintendent", "commissioner",
    "director", "mayor", "governor", "gov", "sen", "senator", "rep", "representative",
    "congressman", "congresswoman", "president", "judge", "attorney", "prosecutor", "da",
    "coroner", "examiner", "dr", "council", "councilman", "councilwoman", "alderman",
    "reporter", "editor", "official", "chairman", "secretary", "minister", "investigator",
    "marshal", "constable", "inspector", "commander", "police", "patrolman", "press",
})
# Words that make a "person" the NER found a place, a body or a page's furniture
# ("John H. Stroger Jr. Hospital", "Crime Stoppers", "FOX10 News").
NOT_PERSON_WORDS = frozenset({
    "hospital", "center", "centre", "clinic", "trauma", "news", "crime", "stopper",
    "stoppers", "street", "avenue", "drive", "road", "boulevard", "county", "school",
    "church", "park", "police", "department", "office", "station", "tv", "radio",
})
# fmt: on
TITLE_WORD = re.compile(r"[a-z]+")
# A line this short holding a name is a byline, a photo credit or a caption, not a
# sentence about the event.
SHORT_LINE_WORDS = 6


def _official(mention: EntityMention) -> bool:
    words = (w for title in mention.titles for w in TITLE_WORD.findall(title.lower()))
    return any(word in OFFICIAL_WORDS for word in words)


def _speaks(mention: EntityMention, sources: list[Span]) -> bool:
    return any(s.start < mention.span.end and mention.span.start < s.end for s in sources)


def _in_short_line(text: str, mention: EntityMention) -> bool:
    start = text.rfind("\n", 0, mention.span.start) + 1
    end = text.find("\n", mention.span.end)
    line = text[start : end if end >= 0 else len(text)]
    return start > 0 and len(line.split()) < SHORT_LINE_WORDS


# Name parts one report gives and another leaves out ("Michael A. Corle", "Michael Corle,
# 19", "Raymond Lee Fryberg Jr."): a party's key is its first and last names only.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _tie_key(key: str) -> str:
    """First and last name of a normalised person key, or "" when it has not both."""
    words = [w for w in key.split() if len(w) > 1 and w.isalpha() and w not in NAME_SUFFIXES]
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else ""


def party_names(article: Article, analysis: ArticleAnalysis) -> set[str]:
    """Full names (first and last, ``_tie_key``) of people the article is about: never
    given an official's title, never the source of an attribution, named in a sentence (or the
    headline) rather than only in a byline or caption."""
    sources = [s for a in analysis.attributions for s in a.source]
    text = article.text
    found: dict[str, bool] = {}
    for mention in analysis.entities:
        key = name_key(mention) if mention.label == "PERSON" else ""
        if " " not in key or not NOT_PERSON_WORDS.isdisjoint(TITLE_WORD.findall(key)):
            continue
        party = not (_official(mention) or _speaks(mention, sources))
        party = party and not _in_short_line(text, mention)
        key = _tie_key(key)
        if key:
            found[key] = found.get(key, True) and party
    return {key for key, party in found.items() if party}
