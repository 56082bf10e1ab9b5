"""Words a content holds that the frames leave out, applied once the layout is done.

Three shapes PolNeAR annotates one way and the frames read another (each measured on
PolNeAR train, fitted on nothing):

* a passive cue with no agent: "Sanders | was announced | the winner", "X is known as
  Y": the passive subject is part of what is reported, a second fragment;
* "A rose, B fell and C held, according to X": the parser hangs "according" on the
  last conjunct only; the report is the whole coordination;
* "It is expected that ...": an extraposed "it" is not part of the content.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution.candidate import Candidate, Candidates
from claimgraph.analyse.attribution.cues import ADDRESSED_VERBS
from claimgraph.analyse.attribution.frames import child_of, subtree_indices, trimmed_subject


def _content_root(doc: Doc, content: Set[int]) -> Token | None:
    roots = [doc[i] for i in sorted(content) if doc[i].head.i not in content or doc[i].head.i == i]
    return roots[0] if roots else None


def _takes_passive_subject(cand: Candidate, root: Token) -> bool:
    """Whether the content predicates something of the passive subject ("was announced
    the winner", "is known as", "is said to be"), rather than the subject being who
    felt or heard something ("is informed of", "was embittered at", "was asked")."""
    if root.dep_ in ("pobj", "pcomp") and root.head.lower_ != "as":
        return False
    if cand.head.lemma_.lower() in ADDRESSED_VERBS:
        return False
    subject = child_of(cand.head, ("nsubjpass",))
    # "it was revealed that ...": extraposition, the "it" stands for the clause
    return not (
        subject is not None and subject.lower_ == "it" and root.dep_ in ("ccomp", "csubjpass")
    )


def add_passive_subjects(doc: Doc, cands: Candidates) -> Candidates:
    """A passive cue with no agent and no source gets its subject in the content."""
    taken = {i for c in cands for i in (*c.cue, *c.source)}
    return tuple(_with_passive_subject(doc, cand, taken) for cand in cands)


def _with_passive_subject(doc: Doc, cand: Candidate, taken: Set[int]) -> Candidate:
    head = cand.head
    if cand.source or head.pos_ not in ("VERB", "AUX") or cand.rule == "according":
        return cand
    subject = child_of(head, ("nsubjpass",))
    if subject is None or child_of(head, ("agent",)) is not None:
        return cand
    root = _content_root(doc, cand.content - set(cand.cue) - set(cand.source))
    if root is None or not _takes_passive_subject(cand, root):
        return cand
    words = set(trimmed_subject(subject))
    if words and not words & taken and not words & cand.content:
        return replace(cand, content=cand.content | words)
    return cand


def add_according_conjuncts(sentences: list[tuple[int, int]], cands: Candidates) -> Candidates:
    """ "according to X" hung on the last of coordinated clauses reports them all, unless
    an earlier one holds another attribution's cue or source."""
    return tuple(_with_according_conjuncts(sentences, cand, cands) for cand in cands)


def _with_according_conjuncts(
    sentences: list[tuple[int, int]], cand: Candidate, cands: Candidates
) -> Candidate:
    if cand.rule != "according":
        return cand
    token = cand.head
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "conj" or token.i < clause.i:
        return cand
    root = clause
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    sentence = sentences[token.i]
    words = {
        i for i in subtree_indices(root) - subtree_indices(token) if sentence[0] <= i < sentence[1]
    } - {*cand.cue, *cand.source}
    others = {i for o in cands if o is not cand for i in (*o.cue, *o.source)}
    if not words or words & others:
        return cand
    return replace(cand, content=cand.content | words)


def drop_extraposed_it(cands: Candidates) -> Candidates:
    """ "It seems that ...": a bare "it" subject leaves a content that is a clause."""
    return tuple(_without_extraposed_it(cand) for cand in cands)


def _without_extraposed_it(cand: Candidate) -> Candidate:
    if cand.source or not any(c.dep_ == "ccomp" for c in cand.head.children):
        return cand  # "it seemed like a smart move" keeps its "it"
    its = {
        child.i
        for child in cand.head.children
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ == "it"
    }
    return replace(cand, content=cand.content - its) if its else cand
