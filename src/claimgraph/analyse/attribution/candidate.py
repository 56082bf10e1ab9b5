"""What the attribution passes hand on: one ``Candidate`` per cue, never edited in place.

A candidate is token indices for the cue, the source and the content of one
attribution, with the rule that proposed it. Every pass (``passes.PASSES``) takes the
candidates and returns new ones, built with ``dataclasses.replace``; the class is frozen
so that a pass cannot change what an earlier one handed on.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimgraph.model import Conduit

# Confidence per rule: how reliable the construction is, roughly its precision on the
# PolNeAR train split (clause complements of speech verbs are nearly always right; a
# bare object or a quotation found by adjacency is wrong more often).
CONFIDENCE = {
    "clause": 0.85,
    "according": 0.85,
    "parenthetical": 0.75,
    "quote": 0.8,
    "infinitive": 0.65,
    "preposition": 0.6,
    "object": 0.6,
    "noun": 0.55,
    "orphan": 0.6,
    "speaker": 0.6,
    "byline": 0.6,
    "learned": 0.5,
    "unquoted": 0.5,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One attribution as token indices; ``quote`` is a character range, when the content
    is a quotation found by adjacency rather than through the tree; ``according`` holds
    the conduits that "..., according to Z" phrases folded into this candidate."""

    head: Token
    rule: str
    cue: tuple[int, ...]
    source: tuple[int, ...] = ()
    content: frozenset[int] = frozenset()
    quote: tuple[int, int] | None = None
    sourceless: bool = False
    # the cue scorer's probability, when one ran
    score: float | None = None
    according: tuple[Conduit, ...] = ()

    @property
    def confidence(self) -> float:
        if self.score is not None:
            return round(self.score, 3)
        return CONFIDENCE[self.rule]


# What every pass takes and returns: the candidates in the order the passes keep.
Candidates = tuple[Candidate, ...]
