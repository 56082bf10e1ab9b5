"""What the learned cue scorer sees of one token: sparse string features off the parse.

The rules in ``attribution_frames`` name the constructions; the scorer decides, per
token, how likely annotators were to call it a cue, from the word, its place in the tree,
its subject and complements, the quotation marks around it and which rule (if any) fired
on it. Features are plain strings so the trained weights ship as a small JSON table and
scoring is a handful of dictionary lookups per token.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_QUOTE, IS_TITLE, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution.cues import (
    CLAIM_NOUNS,
    CLAUSE_VERBS,
    INFINITIVE_VERBS,
    OBJECT_VERBS,
    PREPOSITION_VERBS,
    QUOTE_VERBS,
    ROLE_NOUNS,
    STANCE_NOUNS,
    STANCE_VERBS,
)

# Parts of speech a cue's head word takes in PolNeAR (verbs, claim nouns, "according",
# adjectives such as "critical of"); other tokens are never scored.
SCORED_POS = frozenset({"VERB", "NOUN", "AUX", "ADJ"})

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_COMPLEMENT_DEPS = frozenset({"dobj", "dative", "xcomp", "pobj", "attr", "acomp"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
_LEXICONS: tuple[tuple[str, frozenset[str]], ...] = (
    ("clause", CLAUSE_VERBS),
    ("infinitive", INFINITIVE_VERBS),
    ("object", OBJECT_VERBS),
    ("preposition", frozenset(PREPOSITION_VERBS)),
    ("quote", QUOTE_VERBS),
    ("stance", STANCE_VERBS),
    ("claimnoun", CLAIM_NOUNS),
    ("stancenoun", STANCE_NOUNS),
)


@dataclass(frozen=True)
class WordTable:
    """Every word's attributes as plain Python lists, read once per doc: the features
    look at each word's head, children and neighbours many times, and each spaCy
    ``Token`` attribute read builds a new Python object."""

    lemma: list[str]  # lower-cased
    lower: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    ent: list[str]
    head: list[int]
    title: list[bool]
    quote: list[bool]
    # every word's index grouped by its head's, and where each head's group starts:
    # one sort per doc instead of a list object per word
    by_head: list[int]
    group_start: list[int]

    def children(self, i: int) -> list[int]:
        """The word's dependents in text order (as ``Token.children``)."""
        return [j for j in self.by_head[self.group_start[i] : self.group_start[i + 1]] if j != i]

    @classmethod
    def of(cls, doc: Doc) -> WordTable:
        columns = doc.to_array([LEMMA, LOWER, POS, TAG, DEP, ENT_TYPE, HEAD, IS_TITLE, IS_QUOTE])
        strings = doc.vocab.strings

        def text(column: int, lowered: bool = False) -> list[str]:
            hashes = columns[:, column].tolist()
            names = {h: strings[h].lower() if lowered else strings[h] for h in set(hashes)}
            return [names[h] for h in hashes]

        # HEAD is stored as an offset; the unsigned array wraps negative ones
        heads = columns[:, 6].astype(numpy.int64) + numpy.arange(len(doc))
        by_head = numpy.argsort(heads, kind="stable")
        group_start = numpy.searchsorted(heads[by_head], numpy.arange(len(doc) + 1))
        return cls(
            lemma=text(0, lowered=True),
            lower=text(1),
            pos=text(2),
            tag=text(3),
            dep=text(4),
            ent=text(5),
            head=heads.tolist(),
            title=columns[:, 7].astype(bool).tolist(),
            quote=columns[:, 8].astype(bool).tolist(),
            by_head=by_head.tolist(),
            group_start=group_start.tolist(),
        )


@dataclass(frozen=True)
class DocContext:
    """Per-doc lookups the features need for every word, computed once."""

    sentences: list[tuple[int, int]]
    quote_marks: frozenset[int]
    # first token of every sentence holding a quotation mark
    quoted_sentences: frozenset[int]
    words: WordTable

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        sentences = sentence_bounds(doc)
        words = WordTable.of(doc)
        marks = frozenset(i for i, quote in enumerate(words.quote) if quote)
        return cls(sentences, marks, frozenset(sentences[i][0] for i in marks), words)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of each token's sentence, found once per doc
    (``Token.sent`` walks the sentence again on every call)."""
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return bounds


def is_scored(token: Token) -> bool:
    return token.pos_ in SCORED_POS


def _subject_features(words: WordTable, children: list[int]) -> list[str]:
    subject = next((c for c in children if words.dep[c] in _SUBJECT_DEPS), None)
    if subject is None:
        return ["subj=none"]
    kind = words.ent[subject] or (
        "pron_person"
        if words.lower[subject] in _PERSON_PRONOUNS
        else "role"
        if words.lemma[subject] in ROLE_NOUNS
        else words.pos[subject]
    )
    return [f"subj={kind}", f"subjdep={words.dep[subject]}", f"subjlemma={words.lemma[subject]}"]


def _context_features(i: int, context: DocContext) -> list[str]:
    """Where the word sits: the governing verb (a cue inside a reported clause is part of
    that clause's content, not a cue of its own in PolNeAR), quotation marks nearby, the
    start of the sentence, and headline casing."""
    words = context.words
    features = []
    ancestor = words.head[i]
    path = words.dep[i]
    for _ in range(3):
        if ancestor == words.head[ancestor] and ancestor == i:
            break
        if words.pos[ancestor] in ("VERB", "AUX", "NOUN") and ancestor != i:
            lemma = words.lemma[ancestor]
            features.append(f"anc={lemma}|{path}")
            features.extend(f"anclex={name}|{path}" for name, lex in _LEXICONS if lemma in lex)
            break
        path = words.dep[ancestor]
        if ancestor == words.head[ancestor]:
            break
        ancestor = words.head[ancestor]
    marks = context.quote_marks
    if any(j in marks for j in range(i - 3, i)):
        features.append("quote_before")
    if any(j in marks for j in range(i + 1, i + 4)):
        features.append("quote_after")
    sent_start = context.sentences[i][0]
    features.append(f"sentpos={min(i - sent_start, 6)}")
    # a sentence with a quotation in it reports speech more often than one without
    quoted = sent_start in context.quoted_sentences
    features += [f"sent_quote={quoted}", f"sent_quote_lemma={quoted}|{words.lemma[i]}"]
    if words.title[i] and i > sent_start:
        features.append("titlecase")
    return features


def token_features(
    token: Token, rule: str | None, in_quote: bool, context: DocContext
) -> list[str]:
    """The features of one scored token; ``rule`` is the attribution rule that proposed
    it as a cue, if any, and ``in_quote`` whether it lies inside quotation marks."""
    words = context.words
    i = token.i
    lemma, pos, tag, dep = words.lemma[i], words.pos[i], words.tag[i], words.dep[i]
    head = words.head[i]
    ruled = rule or "none"
    features = [
        f"lemma={lemma}",
        # the ending generalises over rare words ("-ize", "-ate", "-ion")
        f"suf3={lemma[-3:]}",
        f"pos={pos}",
        f"tag={tag}",
        f"dep={dep}",
        f"lemma_dep={lemma}|{dep}",
        f"lemma_tag={lemma}|{tag}",
        f"head={words.lemma[head]}",
        f"headpos_dep={words.pos[head]}|{dep}",
        f"rule={ruled}",
        f"rule_lemma={ruled}|{lemma}",
        f"quoted={in_quote}",
        f"quoted_rule={in_quote}|{ruled}",
    ]
    children = words.children(i)
    child_deps = sorted({words.dep[c] for c in children})
    features.extend(f"child={d}" for d in child_deps)
    features.extend(f"pos_child={pos}|{d}" for d in child_deps)
    features.extend(f"lemma_child={lemma}|{d}" for d in child_deps)
    for child in children:
        child_dep = words.dep[child]
        if child_dep in _COMPLEMENT_DEPS:
            # what is told, claimed or called: "told reporters", "made the case"
            features.append(f"childlemma={child_dep}|{words.lemma[child]}")
        if child_dep == "prep":
            features.append(f"prep={lemma}|{words.lower[child]}")
            pobj = next((c for c in words.children(child) if words.dep[c] == "pobj"), None)
            if pobj is not None:
                features.append(f"preplemma={words.lower[child]}|{words.lemma[pobj]}")
        if child_dep in ("ccomp", "advcl", "acl"):
            mark = next((m for m in words.children(child) if words.dep[m] == "mark"), None)
            if mark is not None:
                features.append(f"mark={child_dep}|{words.lower[mark]}")
    subject = _subject_features(words, children)
    features.extend(subject)
    features.append(f"lemma_{subject[0]}")
    features.append(f"rule_{subject[0]}|{ruled}")
    features.extend(_context_features(i, context))
    features.extend(f"lex={name}" for name, lex in _LEXICONS if lemma in lex)
    last = len(words.lower) - 1
    features.append(f"prev={words.lower[i - 1] if i > 0 else '<s>'}")
    features.append(f"next={words.lower[i + 1] if i < last else '</s>'}")
    # punctuation and quotation marks have no case: their lower form is their text
    if i < last and (words.quote[i + 1] or words.lower[i + 1] in (":", ",")):
        features.append(f"next_punct={words.lower[i + 1]}")
    return features
