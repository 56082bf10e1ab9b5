"""Whether a figure counts a part of a larger count the same sentence gives or implies.

A reader comparing totals is misled by a breakdown read as a rival total: "eight people,
including five children, were killed", "five of the victims are stable", "two juveniles
and eight adults were wounded", "four people were wounded, one critically". The cue says
which kind of part it is; the parse, not the words alone, decides ("one of nine people
killed" is not a part of anything, "nine" is the whole).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.analyse.quantities.figure_clause import figure_anchor, noun_phrase_top

# Prepositions (or participles parsed as verbs) that introduce a subset of a group.
# ("among six people killed" is not one: the figure is the whole its subject belongs to.)
SUBSET_WORDS = frozenset({"including", "excluding", "besides"})
DEFINITE = frozenset({"the", "these", "those"})
# Words that set a definite group against the rest ("the other four", "the remaining
# two", "the three most seriously hurt").
REST_WORDS = frozenset({"other", "others", "remaining", "rest", "most"})
PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "us", "whom", "which"})
# Adjectives used as nouns for what happened ("1 dead, 4 hurt"): coordinated, they are
# different counts, not one count broken down.
EVENT_NOUNS = frozenset({"dead", "wounded", "injured", "killed", "hurt", "missing", "shot"})
# Adverbs that move an elliptical figure into a class of its own ("three fatally" counts
# the dead), unlike "one critically", which is a part of the wounded.
CLASS_ADVERBS = frozenset({"fatally", "mortally"})


def part_cue(doc: Doc, start: int, end: int) -> str | None:
    """The words that make the figure at tokens ``[start, end)`` a part, or None."""
    anchor = figure_anchor(doc, start, end)
    if anchor is None:
        return None
    top = noun_phrase_top(anchor)
    return (
        _additional(doc, start, end)
        or _the_others(top)
        or _also(top)
        or _subset(top)
        or _partitive(doc, start, end)
        or _breakdown(top)
        or _elliptical(doc, start, end)
    )


def _additional(doc: Doc, start: int, end: int) -> str | None:
    """ "two more dead", "an additional three victims": added to a count given before."""
    if end < len(doc) and doc[end].lower_ == "more":
        return "more"
    if start > 0 and doc[start - 1].lower_ == "additional":
        return "additional"
    return None


def _the_others(top: Token) -> str | None:
    """ "the three others", "the other four victims", "the remaining two", "the three
    most seriously hurt": a definite group set against one named before it."""
    before = [c for c in top.children if c.i < top.i]
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in before):
        return None
    words = {t.lower_ for c in before for t in c.subtree} | {top.lower_}
    found = words & REST_WORDS
    return f"the {min(found)}" if found else None


def _also(top: Token) -> str | None:
    """ "two young boys were also wounded", "four officers also died": counted on top of
    those named before, so a part of the total, not a rival to it."""
    verb = top.head
    if top.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.i == top.i:
        return None
    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
        return "also"
    return None


def _subset(top: Token) -> str | None:
    for token in (top.head, top.head.head):
        if token.lower_ in SUBSET_WORDS and token.i < top.i:
            return token.lower_
    return None


def _partitive(doc: Doc, start: int, end: int) -> str | None:
    """ "five of the victims", "two of them": a number over "of" and a definite plural."""
    of = end
    if of + 1 >= len(doc) or doc[of].lower_ != "of":
        return None
    group = [c for c in doc[of].children if c.dep_ == "pobj"]
    if not group:
        return None
    noun = group[0]
    if noun.lower_ in PARTITIVE_PRONOUNS:
        return f"of {noun.lower_}"
    # "five of the victims"; not "1.2 million of its customers", which counts the affected.
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
    plural = noun.tag_ in ("NNS", "NNPS") or noun.lower_ in EVENT_NOUNS  # "of the wounded"
    if definite and plural and not any(c.like_num for c in noun.children):
        return "of the"
    return None


def _breakdown(top: Token) -> str | None:
    """ "two juveniles and eight adults", "his wife and four daughters", "Smith and four
    others": a counted noun coordinated with another noun is one part of the whole."""
    if top.lower_ in EVENT_NOUNS or top.pos_ not in ("NOUN", "PROPN"):
        return None
    partners = [c for c in top.children if c.dep_ == "conj"]
    if top.dep_ == "conj":
        partners.append(top.head)
    for partner in partners:
        if partner.lower_ not in EVENT_NOUNS and partner.pos_ in ("NOUN", "PROPN"):
            return "and"
    return None


def _elliptical(doc: Doc, start: int, end: int) -> str | None:
    """ "four people were wounded, one critically": no noun, an adverb, after a comma."""
    if start == 0 or doc[start - 1].text != "," or end >= len(doc):
        return None
    adverb = doc[end]
    if adverb.pos_ != "ADV" or not adverb.lower_.endswith("ly"):
        return None
    if end + 1 < len(doc) and doc[end + 1].tag_ in ("VBN", "JJ"):
        return None  # "1 dead, 3 critically injured": a count with its own participle
    return None if adverb.lower_ in CLASS_ADVERBS else adverb.lower_
