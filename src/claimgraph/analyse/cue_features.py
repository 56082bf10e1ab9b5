"""What the learned cue scorer sees of one token: sparse string features off the parse.

The rules in ``attribution_frames`` name the constructions; the scorer decides, per
token, how likely annotators were to call it a cue, from the word, its place in the tree,
its subject and complements, the quotation marks around it and which rule (if any) fired
on it. Features are plain strings so the trained weights ship as a small JSON table and
scoring is a handful of dictionary lookups per token.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_QUOTE
from spacy.tokens import Doc, Token

from claimgraph.analyse.cues import (
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
class DocContext:
    """Per-doc lookups the features need for every word, computed once."""

    sentences: list[tuple[int, int]]
    quote_marks: frozenset[int]
    # first token of every sentence holding a quotation mark
    quoted_sentences: frozenset[int]

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        sentences = sentence_bounds(doc)
        # one array read, not a Token object per word
        marks = frozenset(int(i) for i in doc.to_array([IS_QUOTE]).nonzero()[0])
        return cls(sentences, marks, frozenset(sentences[i][0] for i in marks))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of each token's sentence, found once per doc
    (``Token.sent`` walks the sentence again on every call)."""
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return bounds


def is_scored(token: Token) -> bool:
    return token.pos_ in SCORED_POS


def _subject_features(children: list[Token]) -> list[str]:
    subject = next((c for c in children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return ["subj=none"]
    kind = subject.ent_type_ or (
        "pron_person"
        if subject.lower_ in _PERSON_PRONOUNS
        else "role"
        if subject.lemma_.lower() in ROLE_NOUNS
        else subject.pos_
    )
    return [f"subj={kind}", f"subjdep={subject.dep_}", f"subjlemma={subject.lemma_.lower()}"]


def _context_features(token: Token, context: DocContext) -> list[str]:
    """Where the word sits: the governing verb (a cue inside a reported clause is part of
    that clause's content, not a cue of its own in PolNeAR), quotation marks nearby, the
    start of the sentence, and headline casing."""
    features = []
    ancestor = token.head
    path = token.dep_
    for _ in range(3):
        if ancestor.i == ancestor.head.i and ancestor.i == token.i:
            break
        if ancestor.pos_ in ("VERB", "AUX", "NOUN") and ancestor.i != token.i:
            lemma = ancestor.lemma_.lower()
            features.append(f"anc={lemma}|{path}")
            features.extend(f"anclex={name}|{path}" for name, words in _LEXICONS if lemma in words)
            break
        path = ancestor.dep_
        if ancestor.i == ancestor.head.i:
            break
        ancestor = ancestor.head
    i = token.i
    marks = context.quote_marks
    if any(j in marks for j in range(i - 3, i)):
        features.append("quote_before")
    if any(j in marks for j in range(i + 1, i + 4)):
        features.append("quote_after")
    sent_start = context.sentences[i][0]
    features.append(f"sentpos={min(token.i - sent_start, 6)}")
    # a sentence with a quotation in it reports speech more often than one without
    quoted = sent_start in context.quoted_sentences
    features += [f"sent_quote={quoted}", f"sent_quote_lemma={quoted}|{token.lemma_.lower()}"]
    if token.is_title and token.i > sent_start:
        features.append("titlecase")
    return features


def token_features(
    token: Token, rule: str | None, in_quote: bool, context: DocContext
) -> list[str]:
    """The features of one scored token; ``rule`` is the attribution rule that proposed
    it as a cue, if any, and ``in_quote`` whether it lies inside quotation marks."""
    lemma = token.lemma_.lower()
    doc = token.doc
    features = [
        f"lemma={lemma}",
        # the ending generalises over rare words ("-ize", "-ate", "-ion")
        f"suf3={lemma[-3:]}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma_dep={lemma}|{token.dep_}",
        f"lemma_tag={lemma}|{token.tag_}",
        f"head={token.head.lemma_.lower()}",
        f"headpos_dep={token.head.pos_}|{token.dep_}",
        f"rule={rule or 'none'}",
        f"rule_lemma={rule or 'none'}|{lemma}",
        f"quoted={in_quote}",
        f"quoted_rule={in_quote}|{rule or 'none'}",
    ]
    children = list(token.children)
    child_deps = sorted({c.dep_ for c in children})
    features.extend(f"child={dep}" for dep in child_deps)
    features.extend(f"pos_child={token.pos_}|{dep}" for dep in child_deps)
    features.extend(f"lemma_child={lemma}|{dep}" for dep in child_deps)
    for child in children:
        if child.dep_ in _COMPLEMENT_DEPS:
            # what is told, claimed or called: "told reporters", "made the case"
            features.append(f"childlemma={child.dep_}|{child.lemma_.lower()}")
        if child.dep_ == "prep":
            features.append(f"prep={lemma}|{child.lower_}")
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                features.append(f"preplemma={child.lower_}|{pobj.lemma_.lower()}")
        if child.dep_ in ("ccomp", "advcl", "acl") and any(
            m.dep_ == "mark" for m in child.children
        ):
            mark = next(m for m in child.children if m.dep_ == "mark")
            features.append(f"mark={child.dep_}|{mark.lower_}")
    subject = _subject_features(children)
    features.extend(subject)
    features.append(f"lemma_{subject[0]}")
    features.append(f"rule_{subject[0]}|{rule or 'none'}")
    features.extend(_context_features(token, context))
    features.extend(f"lex={name}" for name, words in _LEXICONS if lemma in words)
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    features.append(f"prev={before.lower_ if before is not None else '<s>'}")
    features.append(f"next={after.lower_ if after is not None else '</s>'}")
    if after is not None and (after.is_quote or after.text in (":", ",")):
        features.append(f"next_punct={after.text}")
    return features
