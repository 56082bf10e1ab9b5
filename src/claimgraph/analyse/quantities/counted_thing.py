"""What a figure counts or measures: "3,000 North Korean soldiers" counts soldiers.

Tried in order, first hit wins:
1. a partitive or money complement right after the figure: "thousands of troops",
   "$64.1 billion in military assistance", "3,000 tonnes of grain";
2. the noun the figure modifies: "over 11,000 containers of munitions", "400,000 wounded";
3. the subject of a verb the figure completes: "forces who will eventually number
   around 12,000" (through the relative pronoun to its antecedent, with conjuncts),
   "the death toll rose to 52";
4. the nearest noun above the figure in the parse: "casualties as high as almost 200,000".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.plurals import singular

# Adjectives and participles news uses as plural nouns ("400,000 wounded").
NOMINAL_ADJECTIVES = frozenset(
    {"wounded", "dead", "injured", "killed", "missing", "displaced", "homeless", "unemployed",
     "elderly", "poor", "jobless", "sick", "insured", "uninsured", "faithful", "undecided"}
)  # fmt: skip
# Verbs whose subject is what the figure counts ("the toll rose to 52").
SIZE_VERBS = frozenset(
    {"number", "total", "reach", "hit", "stand", "rise", "climb", "grow", "fall", "drop",
     "exceed", "top", "be", "amount", "surpass", "increase", "decrease", "decline", "jump",
     "swell", "soar", "surge", "near", "approach", "pass", "double", "remain", "range",
     "cost"}
)  # fmt: skip
# Verbs whose object is what the figure measures ("put casualties at 200,000").
ESTIMATE_VERBS = frozenset(
    {"put", "estimate", "place", "peg", "set", "count", "raise", "lower", "value", "cut", "bring"}
)
PARTITIVE_PREPS = frozenset({"of"})
MONEY_PREPS = frozenset({"in", "of", "for"})  # "$5bn in aid", "$45m for the painting"
# Container nouns whose "of" complement is the real thing counted ("the number of arrests").
CONTAINER_HEADS = frozenset({"number", "tally", "count", "total", "estimate", "figure"})
TIME_NOUNS = frozenset(
    {"day", "week", "month", "year", "quarter", "period", "time", "decade", "century", "hour"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
DROP_LEFT = frozenset({"det", "predet", "poss", "case", "punct", "cc", "quantmod", "nummod"})
NOT_COUNTED = frozenset({"%", "percent", "them", "those", "these", "which", "who", "it"})


@dataclass(frozen=True)
class Counted:
    start: int  # token indexes, half-open
    end: int
    head: str


def find_counted(
    doc: Doc, start: int, end: int, *, money_like: bool = False, measured: bool = False
) -> Counted | None:
    """The thing counted by the figure occupying tokens ``[start, end)``.

    ``money_like``: a currency figure or a vague "billions", whose complement may be
    introduced by "in" as well as "of" ("$5bn in aid"). ``measured``: the figure has a
    unit, so the subject of any verb it completes is what is measured ("the economy
    shrank 2.1%", "the wall will stretch 150 miles"); a plain count needs a verb of size.
    """
    found = (
        _complement(doc, end, money_like)
        or _modified_noun(doc, start, end)
        or _subject_of_verb(doc, start, end, measured)
        or _noun_above(doc, start, end)
    )
    if found is not None and _across_line(doc, start, end, found):
        return None  # a headline parsed with the line under it: "... kills three\nAn explosion"
    return found


def _across_line(doc: Doc, start: int, end: int, counted: Counted) -> bool:
    """A noun after the figure on the next line. (A subject on the line above is kept:
    "Fire death toll rises to four / The number killed has risen to four" parse as one
    sentence whose subject is the headline's, and it is the same.)"""
    return counted.start >= end and any("\n" in t.text_with_ws for t in doc[end : counted.end])


def _complement(doc: Doc, end: int, money_like: bool) -> Counted | None:
    """ "thousands of troops", "“thousands” of infantry", "$5bn in aid", "billions in aid"."""
    while end < len(doc) and doc[end].is_quote:
        end += 1
    if end >= len(doc):
        return None
    preps = MONEY_PREPS if money_like else PARTITIVE_PREPS
    prep = doc[end]
    if prep.lower_ == "worth" and end + 1 < len(doc) and doc[end + 1].lower_ == "of":
        prep = doc[end + 1]
    elif prep.lower_ not in preps:
        return None
    for child in prep.children:
        if child.dep_ == "pobj" and child.i > prep.i and _nounish(child):
            if _is_time(child):
                return None
            return _phrase(doc, child, prep.i + 1)
    return _simple_phrase(doc, prep.i + 1)


def _is_time(token: Token) -> bool:
    return token.lemma_.lower() in TIME_NOUNS or token.ent_type_ in ("DATE", "TIME")


def _modified_noun(doc: Doc, start: int, end: int) -> Counted | None:
    if _nominal_adjective_alone(doc, end):
        # "One Dead - KTVN Channel 2": a headline's parse may hang the figure on a noun
        # further on; "dead" with no noun after it is what is counted.
        return Counted(end, end + 1, doc[end].lower_)
    for token in doc[start:end]:
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass"):
            continue  # "three were wounded": the figure is the subject, not a modifier
        if head.i >= end and head.i - end < 6 and _nounish(head):
            return _phrase(doc, head, end)
    if end < len(doc) and doc[end].lower_ in NOMINAL_ADJECTIVES:
        return Counted(end, end + 1, doc[end].lower_)
    return _simple_phrase(doc, end)


def _nominal_adjective_alone(doc: Doc, end: int) -> bool:
    if end >= len(doc) or doc[end].lower_ not in NOMINAL_ADJECTIVES:
        return False
    return end + 1 >= len(doc) or doc[end + 1].pos_ not in ("NOUN", "PROPN", "ADJ")


def _subject_of_verb(doc: Doc, start: int, end: int, measured: bool) -> Counted | None:
    verb = _governing_verb(doc, start, end)
    if verb is None:
        return None
    if verb.lemma_ in ESTIMATE_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj" and _nounish(child) and child.i < start:
                return _phrase(doc, child, child.left_edge.i)
    if verb.lemma_ not in SIZE_VERBS and verb.lemma_ not in ESTIMATE_VERBS and not measured:
        return None
    if verb.dep_ in ("xcomp", "advcl") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        verb = verb.head  # "is expected to decline by 15%": the subject is upstairs
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return _coordination(doc, verb.head)
            if _nounish(child) and child.lower_ not in NOT_COUNTED:
                return _phrase(doc, child, child.left_edge.i)
    return None


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the figure hangs from, through at most one preposition ("number around")."""
    for token in doc[start:end]:
        head = token.head
        if start <= head.i < end:
            continue
        for _ in range(3):  # "number around 12,000", "is 2.5 metres high", "closer to"
            if head.pos_ not in ("ADP", "ADJ", "ADV") or head.head is head:
                break
            head = head.head
            if head.pos_ in ("VERB", "AUX"):
                return head
        if head.pos_ in ("VERB", "AUX") and token.dep_ in _OBJECT_DEPS:
            return head
    return None


_OBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod", "pobj", "prep", "nsubj", "advmod"})


def _noun_above(doc: Doc, start: int, end: int) -> Counted | None:
    token = doc[end - 1]
    for _ in range(4):
        token = token.head
        if token.head is token and not _nounish(token):
            return None
        if start <= token.i < end:
            continue
        if token.i > end:
            return None  # a noun after the figure is rule 2's business, within reach
        if token.pos_ in ("VERB", "AUX") and _has_object_in(token, start, end):
            return None  # "killed 57": a verb that happens to be a nominal adjective
        if _nounish(token) and token.lower_ not in NOT_COUNTED:
            if _counted_by_another(token, start, end):
                return None  # "1 juvenile killed, 2 in critical condition": not juveniles
            return _phrase(doc, token, token.left_edge.i)
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _counted_by_another(noun: Token, start: int, end: int) -> bool:
    return any(c.like_num and not start <= c.i < end for c in noun.children)


def _has_object_in(verb: Token, start: int, end: int) -> bool:
    return any(c.dep_ in ("dobj", "attr") and start <= c.i < end for c in verb.children)


def _nounish(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.lower_ in NOMINAL_ADJECTIVES


def _phrase(doc: Doc, head: Token, floor: int) -> Counted:
    """The noun phrase of ``head``: its left modifiers (no determiners, no possessor) and
    an "of" complement; for "the number of arrests", the complement itself."""
    complement = _of_complement(doc, head)
    if complement is not None and head.lemma_.lower() in CONTAINER_HEADS:
        return _phrase(doc, complement, head.i + 2)
    left = max(head.left_edge.i, floor)
    for child in head.children:
        if child.dep_ == "poss" and child.i < head.i:
            left = max(left, child.right_edge.i + 1)
    while left < head.i and (doc[left].dep_ in DROP_LEFT or doc[left].lower_ in NOT_COUNTED):
        left += 1
    right = complement.i + 1 if complement is not None else _modifier_end(doc, head)
    return Counted(left, right, _head_word(head))


# Prepositions whose phrase right after the head noun says which things are counted
# ("residents of the coastal town", "workers at the plant", "imports from the pipeline").
RESTRICTING_PREPS = frozenset({"at", "in", "on", "from", "about", "across", "among"})
_MAX_PP = 6


def _modifier_end(doc: Doc, head: Token) -> int:
    """After ``head``, or after a short restricting prepositional phrase that follows it."""
    prep_i = head.i + 1
    if prep_i >= len(doc) or doc[prep_i].lower_ not in RESTRICTING_PREPS:
        return head.i + 1
    prep = doc[prep_i]
    if prep.head.i != head.i:
        return head.i + 1  # attached to the verb: "killed 50 in the attack"
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return head.i + 1
    end = objects[0].right_edge.i + 1
    tokens = doc[prep_i + 1 : end]
    if end - prep_i > _MAX_PP or any(t.like_num or _is_time(t) for t in tokens):
        return head.i + 1
    return end


def _of_complement(doc: Doc, head: Token) -> Token | None:
    """The object of an "of" right after ``head``, unless it holds a figure ("payment of £5")."""
    of = head.i + 1
    if of >= len(doc) or doc[of].lower_ != "of":
        return None
    for child in doc[of].children:
        if child.dep_ == "pobj" and not any(
            t.like_num or t.is_currency for t in doc[of + 1 : child.i + 1]
        ):
            return child
    return None


def _simple_phrase(doc: Doc, start: int) -> Counted | None:
    """Fallback when the parse is of no help: adjectives and nouns up to a plural noun."""
    while start < len(doc) and doc[start].dep_ in ("det", "poss"):
        start += 1
    i = start
    while i < len(doc) and i - start < 5 and doc[i].pos_ in ("ADJ", "NOUN", "PROPN"):
        if doc[i].tag_ in ("NNS", "NNPS") or doc[i].lower_ in NOMINAL_ADJECTIVES:
            return _phrase(doc, doc[i], start)
        i += 1
    return None


def _coordination(doc: Doc, head: Token) -> Counted:
    """ "artillery troops, military engineers and special forces": the whole list."""
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    last = max(_conjuncts(first), key=lambda t: t.i)
    start = _phrase(doc, first, first.left_edge.i).start
    return Counted(start, last.i + 1, _head_word(first))


def _conjuncts(token: Token) -> Sequence[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_conjuncts(child))
    return found


def _head_word(token: Token) -> str:
    if token.lower_ in NOMINAL_ADJECTIVES:
        return token.lower_
    if token.tag_ == "NNPS":  # the tagger does not lemmatise capitalised plurals
        return singular(token.lower_)
    return (token.lemma_ or token.text).lower()
