"""The cue scorer's second pass: each word seen with every other word's first-pass score.

The first pass scores each word on its own. Whether annotators called a word a cue also
depends on the cues around it, which the first pass cannot see: a likely cue whose
complement holds this word makes it part of that content (PolNeAR gives each token one
role, but annotates "X said Y denied Z" twice), unless it is an aside the layout cuts out
of that content ("with X telling reporters that"); a word whose own complement holds a
likely cue is its frame; a sentence with one sure cue rarely has a second. The second
pass adds such features, built from the first pass's probabilities, to the first pass's
own, and a second logistic model (fitted on out-of-fold first-pass scores, see
``claimgraph.train.attribution``) gives the probability the thresholds act on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.cue_features import WordTable
from claimgraph.analyse.attribution.frames import learned_candidate
from claimgraph.analyse.attribution.layout import is_aside
from claimgraph.analyse.attribution.models import AttributionModels

# Words the first pass rates below this keep its probability: the second pass neither
# rescores them nor works out a content for them. On PolNeAR train four words in five
# fall below it and 2.7% of cue heads do, nearly all of which no second look would lift
# to the scorer's thresholds; rescoring every word cost more than the rest of the
# attribution step's models together.
FLOOR = 0.02
# A word counts as held by another word's content, or as a likely cue nearby, from
# this first-pass probability up (the cue scorer's lowest threshold on PolNeAR train).
LIKELY = 0.2
# ... and as a sure cue in its sentence from this one up.
SURE = 0.5
# Bands of first-pass probability: the second model learns one weight per band.
_BANDS = ((0.2, "0"), (0.4, "2"), (0.6, "4"), (0.8, "6"), (0.9, "8"))
# Distances in words to the nearest sure cue, beyond which distance stops mattering.
_NEAR = 8


def band(probability: float) -> str:
    for upper, name in _BANDS:
        if probability < upper:
            return name
    return "9"


@dataclass(frozen=True)
class FirstPass:
    """Per scored word: its first-pass probability, the rule that fired on it (if any)
    and the content its candidate (rule or generic frame) would take."""

    probability: dict[int, float]
    rule: dict[int, str | None]
    content: dict[int, frozenset[int]]
    # the likeliest other word (probability >= LIKELY) whose content holds each word
    held_by: dict[int, int]
    # the held words the layout makes attributions of their own all the same
    asides: frozenset[int]
    # per sentence start, the words at or above SURE
    sure: dict[int, list[int]]
    # per sentence start, its two likeliest words (the likeliest other than any word)
    top: dict[int, list[int]]


def first_pass(
    doc: Doc,
    probability: dict[int, float],
    candidates: Mapping[int, Candidate | None],
    sentences: list[tuple[int, int]],
) -> FirstPass:
    """The lookups the second pass reads, from the first pass's ``probability`` and the
    rules' ``candidates`` per scored word (a word no rule fired on takes the generic
    frame's content, ``learned_candidate``)."""
    rule: dict[int, str | None] = {}
    content: dict[int, frozenset[int]] = {}
    for i, p in probability.items():
        cand = candidates.get(i)
        rule[i] = cand.rule if cand is not None else None
        if p < FLOOR:
            content[i] = frozenset()
            continue
        if cand is None:
            cand = learned_candidate(doc[i])
        content[i] = frozenset(cand.content) if cand is not None else frozenset()
    held_by: dict[int, int] = {}
    likely = [j for j, p in probability.items() if p >= LIKELY]
    for j in sorted(likely, key=lambda j: (-probability[j], j)):
        if rule[j] == "according":
            # "Y denied X, according to Z": the layout folds Z into Y's attribution as
            # its conduit, or keeps both ("Trump expects to win, according to aides");
            # it never makes Y's words part of the "according to" content alone
            continue
        for i in content[j]:
            if i != j:
                held_by.setdefault(i, j)  # likeliest first: the first to claim it stays
    asides = frozenset(i for i in held_by if i in rule and is_aside(doc[i], rule[i]))
    sure: dict[int, list[int]] = {}
    top: dict[int, list[int]] = {}
    for j, p in probability.items():
        start = sentences[j][0]
        if p >= SURE:
            sure.setdefault(start, []).append(j)
        best = top.setdefault(start, [])
        best.append(j)
        if len(best) > 2:
            best.sort(key=lambda k: -probability[k])
            best.pop()
    return FirstPass(probability, rule, content, held_by, asides, sure, top)


def stacked_features(
    words: WordTable, i: int, first: FirstPass, sentences: list[tuple[int, int]]
) -> list[str]:
    """The second pass's own features of scored word ``i``."""
    probability = first.probability
    p = band(probability[i])
    features = []
    holder = first.held_by.get(i)
    if holder is None:
        features.append("in=none")
    elif i in first.asides:
        b = band(probability[holder])
        features += [f"in_aside={b}", f"in_aside_rule={first.rule[i]}|{b}"]
    else:
        b = band(probability[holder])
        # whether the word heads the holder's content or sits deeper in it
        root = words.head[i] not in first.content[holder]
        features += [
            f"in={b}",
            f"in_rule={first.rule[holder]}|{b}",
            f"in_dep={words.dep[i]}|{b}",
            f"in_own={p}|{b}",
            f"in_head={int(words.head[i] == holder)}|{b}",
            f"in_root={int(root)}|{b}",
            f"in_ownrule={first.rule[i]}|{b}",
            f"in_lemma={words.lemma[i]}|{b}",
        ]
    own = first.content[i]
    governed = max((probability.get(j, 0.0) for j in own if j != i), default=0.0)
    features.append(f"gov={band(governed)}|{p}")
    start, _ = sentences[i]
    others = [j for j in first.sure.get(start, ()) if j != i]
    likeliest = max((probability[j] for j in first.top[start] if j != i), default=0.0)
    features += [
        f"sentmax={band(likeliest)}|{p}",
        f"sentn={min(len(others), 3)}",
        f"sentn_own={min(len(others), 3)}|{p}",
    ]
    head = words.head[i]
    features.append(
        f"headp={band(probability[head]) if head in probability and head != i else 'na'}|{p}"
    )
    features.append(f"own={p}")
    near = min((abs(j - i) for j in others), default=None)
    features.append(f"near={min(near, _NEAR) if near is not None else 'none'}|{p}")
    features.append(f"gov_rule={band(governed)}|{first.rule[i]}")
    if not own:
        features.append(f"shape=none|{p}")
    else:
        size = len(own)
        sized = "1" if size == 1 else "2-3" if size <= 3 else "4-8" if size <= 8 else "9+"
        verb = any(words.pos[j] in ("VERB", "AUX") for j in own)
        side = "after" if min(own) > i else "before" if max(own) < i else "around"
        features += [
            f"shape={sized}|{verb}|{p}",
            f"shape_side={side}|{verb}",
            f"shape_rule={first.rule[i]}|{sized}|{verb}",
        ]
    return features


def second_pass(
    doc: Doc,
    words: WordTable,
    sentences: list[tuple[int, int]],
    models: AttributionModels,
    features: dict[int, list[str]],
    probability: dict[int, float],
    candidates: Mapping[int, Candidate | None],
) -> dict[int, float]:
    """Every scored word's final probability: the second pass's from FLOOR up, else the
    first pass's (``features`` and ``probability``; the rules' ``candidates`` as found,
    before any edits)."""
    first = first_pass(doc, probability, candidates, sentences)
    return {
        i: models.stacked_probability(row, stacked_features(words, i, first, sentences))
        if probability[i] >= FLOOR
        else probability[i]
        for i, row in features.items()
    }
