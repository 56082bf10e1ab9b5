"""Content for a speech verb whose quotation is missing.

A candidate of the quote rule ("said", "wrote", or a word the cue scorer added with no
complement in the tree) waits for the quotation next to it; where there is none the
layout used to drop it. PolNeAR annotates most of them anyway: "The Internet made it
possible, she said." (no marks), "Trump's supporters seemed unperturbed", "was charged
with fraud", "tweeted a photograph", "Asked about the role, Obama said ...". This
module reads their content off the sentence, first matching shape wins: raising verb,
agentless passive, post-posed or parenthetical cue, what follows the verb in its
phrase, and last the words after the frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.cues import ADDRESSED_VERBS
from claimgraph.analyse.attribution.frames import child_of, span_of, subtree_indices
from claimgraph.analyse.attribution.layout import Layout

# Only candidates the cue scorer rates at least this likely get a fallback content
# (PolNeAR train, two slices: 0.4 added 0.1-0.2 cue F1 and cost 0.1 content exact F1,
# 0.6 lost 0.1-0.2 cue F1; without the scorer there is no fallback at all).
MIN_PROBABILITY = 0.5
# Right dependents that are not what was said: punctuation, conjuncts, asides.
_SKIP_RIGHT = frozenset({"punct", "cc", "conj", "parataxis", "advcl", "npadvmod", "mark", "dep"})
_DASHES = frozenset({",", "—", "--", "–"})
# Verbs whose subject is part of what is said ("Trump's supporters seemed unperturbed").
_RAISING = frozenset({"seem", "appear", "look", "sound"})
# Prepositions after a passive that carry part of the content ("was charged with X",
# "rebuked for his proposal", "interpreted as a threat").
_PASSIVE_PREPS = frozenset({"with", "for", "as", "of", "about", "on", "over", "to"})
# Words after a comma that open an aside rather than continue what was said.
_ASIDE_TAGS = frozenset({"VBG", "WDT", "WP", "CC"})


def _is_addressee(token: Token) -> bool:
    return token.dep_ in ("dative", "dobj") and (
        token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    )


def _cut_text(doc: Doc, indices: Iterable[int]) -> set[int]:
    """A run of words taken by position stops at a paragraph break and at a comma that
    opens an aside (", saying", ", which", ", although", ", and ...")."""
    out: list[int] = []
    for j in sorted(indices):
        if "\n" in doc[j].text or (out and "\n" in doc[j].whitespace_):
            if "\n" in doc[j].whitespace_:
                out.append(j)
            break
        if doc[j].text in (",", ";", "(") and j + 1 < len(doc):
            following = doc[j + 1]
            if following.tag_ in _ASIDE_TAGS or (
                following.tag_ == "IN" and following.dep_ == "mark"
            ):
                break
        out.append(j)
    return set(out)


def _frame_right(head: Token, last: int, stop: int) -> int:
    """The last word of the frame: the cue, its source, and adverbials hung on the verb
    ("she said Tuesday", "he told reporters in Iowa")."""
    allowed: set[int] = set()
    for child in head.rights:
        if (
            child.dep_ in ("npadvmod", "advmod", "agent", "dative", "nsubj")
            or (child.dep_ == "prep" and child.lower_ in ("in", "on", "at", "during"))
            or (child.dep_ == "dobj" and _is_addressee(child))
        ):
            allowed |= subtree_indices(child)
    while last + 1 < stop and last + 1 in allowed:
        last += 1
    return last


# A shape's reading: the content it found (empty: the shape does not fit) and the
# candidate, whose cue or source the shape may have changed.
_Reading = tuple[set[int], Candidate]


def _raising(cand: Candidate) -> _Reading:
    head = cand.head
    subject = child_of(head, ("nsubj",))
    complements = [
        c for c in head.rights if c.dep_ in ("acomp", "xcomp", "attr", "oprd", "prep", "ccomp")
    ]
    if head.lemma_.lower() not in _RAISING or subject is None or not complements:
        return set(), cand
    # the subject is what seemed, not who said
    cand = replace(cand, source=(), sourceless=True)
    reported: set[int] = set().union(*(subtree_indices(c) for c in complements))
    return subtree_indices(subject) | span_of(reported), cand


def _passive(cand: Candidate, last: int) -> _Reading:
    head = cand.head
    subject = child_of(head, ("nsubjpass",))
    if subject is None or subject.i > head.i or head.lemma_.lower() in ADDRESSED_VERBS:
        return set(), cand
    content = subtree_indices(subject)
    cue = set(cand.cue)
    for child in head.rights:
        if child.dep_ in ("oprd", "xcomp", "attr", "acomp", "ccomp"):
            content |= subtree_indices(child)
        elif (
            child.dep_ == "prep"
            and child.lower_ in _PASSIVE_PREPS
            and child_of(child, ("pobj", "pcomp")) is not None
        ):
            content |= subtree_indices(child)
            if child.i == last + 1:  # "was charged with": the preposition joins the cue
                cue.add(child.i)
                content.discard(child.i)
    return content, _with_cue(cand, cue)


def _with_cue(cand: Candidate, cue: set[int]) -> Candidate:
    return cand if cue == set(cand.cue) else replace(cand, cue=tuple(sorted(cue)))


def _post_posed(layout: Layout, cand: Candidate, first: int, last: int) -> set[int] | None:
    """ "X, she said.": everything before the frame, when nothing but punctuation
    follows it. (Taking both sides of a mid-sentence "X, she said, Y" rarely fired on
    train and did not help.)"""
    doc, head = layout.doc, cand.head
    start, stop = layout.sentences[head.i]
    if any(c.dep_ in ("prep", "advcl", "mark", "npadvmod") and c.i < first for c in head.children):
        return None  # "In Iowa, she said ...": a framing phrase opens the sentence
    below = subtree_indices(head)
    while (
        first - 1 >= start
        and first - 1 in below
        and not doc[first - 1].is_punct
        and doc[first - 1].pos_ in ("ADV", "AUX", "PART")
    ):
        first -= 1
    end = _frame_right(head, last, stop)
    if not (first - 1 > start and doc[first - 1].text in _DASHES):
        return None
    if any(not doc[j].is_punct for j in range(end + 1, stop)):
        return None
    return set(range(start, first - 1))


def _following(layout: Layout, cand: Candidate, last: int) -> _Reading:
    """The verb's right dependents after the frame, else the words after the frame."""
    doc, head = layout.doc, cand.head
    lemma = head.lemma_.lower()
    content: set[int] = set()
    cue = set(cand.cue)
    for child in head.rights:
        if child.i <= last or child.dep_ in _SKIP_RIGHT or child.dep_ == "dative":
            continue
        if lemma in ADDRESSED_VERBS and _is_addressee(child):
            continue
        if child.dep_ == "prep" and child.i == last + 1 and child_of(child, ("pobj", "pcomp")):
            content |= subtree_indices(child) - {child.i}
            cue.add(child.i)  # "claiming allegiance to"
            continue
        content |= subtree_indices(child)
    cand = _with_cue(cand, cue)
    if content:
        return span_of(content), cand
    stop = layout.sentences[head.i][1]
    j = _frame_right(head, last, stop) + 1
    while j < stop and doc[j].is_punct:
        j += 1
    rest = _cut_text(doc, range(j, stop))
    if head.dep_ in ("advcl", "prep", "pcomp") and head.head.i > head.i:
        # "Asked about Suu Kyi's role, Obama said ...": up to the comma
        comma = next((k for k in sorted(rest) if doc[k].text == ","), None)
        if comma is not None:
            rest = {k for k in rest if k < comma}
    if sum(1 for k in rest if not doc[k].is_punct) >= 2:
        return rest, cand
    return set(), cand


def unquoted_content(layout: Layout, cand: Candidate) -> Candidate:
    """The candidate with the content read off the sentence for a quote-rule candidate
    without a quotation (empty: none found). May move a preposition into the cue or,
    for a raising verb, clear the source."""
    frame = {*cand.cue, *cand.source}
    first, last = min(frame), max(frame)
    cue_end = max(cand.cue)
    later_source = [i for i in cand.source if i > cue_end]
    if later_source and min(later_source) > cue_end + 2:
        # "Asked about the army, the spokesman said": the source is the main clause's,
        # far after the cue; the frame ends with the cue
        last = cue_end
    # the first shape that fits wins
    content, cand = _raising(cand)
    if not content:
        content, cand = _passive(cand, last)
    if not content:
        content = _post_posed(layout, cand, first, last) or set()
    if not content:
        content, cand = _following(layout, cand, last)
    return replace(cand, content=frozenset(content - set(cand.cue) - set(cand.source)))


def unquoted(layout: Layout, cand: Candidate) -> Candidate | None:
    """For a quote-rule candidate left without a quotation: the candidate with a content
    read off the sentence, as rule "unquoted"; None when the cue scorer did not rate it
    at least ``MIN_PROBABILITY`` or no content was found."""
    if cand.rule != "quote" or cand.score is None or cand.score < MIN_PROBABILITY:
        return None
    found = unquoted_content(layout, cand)
    if not found.content:
        return None
    return replace(found, rule="unquoted")
