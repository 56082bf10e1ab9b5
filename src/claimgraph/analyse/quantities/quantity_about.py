"""What a figure is about, besides the thing it counts: "Chris Wood" for "Chris Wood has
scored 22 goals", "Revenue" for "Revenue rose to $7.36 billion", "Nvidia" for "Nvidia
advanced 8%".

The subject of the clause the figure belongs to: from the figure's head, up the parse
to the first verb, then that verb's subject (through a relative pronoun to the noun it
stands for: "Ford, which has 13000 workers"). A pronoun subject is kept out ("it", "they"):
it names nothing a reader could compare.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.analyse.quantities.figure_clause import figure_anchor

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_KEEP_LEFT = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})
_MAX_HOPS = 6
_NOUNS = frozenset({"NOUN", "PROPN"})
_JOINERS = frozenset({"-", "&", "'"})  # written inside one name: "Ben-Moshe", "S&P"
_MAX_WIDTH = 8  # tokens: a subject longer than this is cut to its head's close modifiers


def find_about(
    doc: Doc,
    start: int,
    end: int,
    *,
    has_unit: bool = False,
    amount: bool = False,
    age: bool = False,
) -> tuple[int, int] | None:
    """Token span ``[start, end)`` of what the figure in ``doc[start:end]`` is about.

    ``has_unit``: a measure ("352 μm") is about the noun it modifies ("pixel pitch") when
    no subject says otherwise; a plain count's noun is the thing counted, not its topic.
    ``amount``: money or a physical measure, about what it is an amount of ("8 miles of
    new tunnels", "$12.4 million of claims"); a share ("10% of staff") is not.
    ``age``: an age before a noun is that noun's ("a 400 million-year-old bedrock").
    """
    token = figure_anchor(doc, start, end) or doc[start]
    if age and token.head.pos_ in _NOUNS and token.head.i >= end:
        return _compact(token.head)
    # "8 miles of new tunnels" when no subject names the thing: the subject wins in "the
    # Meged field has produced 1 million barrels of oil" (as NewsQuant reads it)
    owner = _of_noun(token, end) if amount else None
    # the noun the figure counts ("two sides"), or the figure itself ("$3 billion")
    own = token
    while own.dep_ in _COUNTING and own.head.i > own.i and own.head.pos_ in _NOUNS:
        own = own.head  # "11 member trade agreement": the agreement
    holder = _holder(own) if owner is None else None  # not "the start of 12 miles of rail"
    if holder is not None:  # "a fine of $3 billion", "a run of seven games": the noun
        return _compact(holder, of_phrase=False)
    below: Token | None = None  # the token the walk came up from
    for _ in range(_MAX_HOPS):
        moved = _moved_object(token)
        if moved is not None and not (start <= moved.i < end):
            return _compact(moved)
        if token.lower_ == "worth" and token.i < start:
            valued = _valued(token)  # "a grant worth up to $8 million"
            if valued is not None:
                return _compact(valued)
        if token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
            if subject is not None and subject.i == own.i:
                return None  # "two sides have been negotiating": nothing but the count
            if subject is not None and _fronted(below, subject, end):
                return None  # "In the last three months the OCS has ...": a setting
            if subject is None and below is not None and below.lower_ == "by":
                changed = _changed_object(token)  # "boost the driving range by 35 miles"
                if changed is not None:
                    return _compact(changed)
            if subject is not None and not (start <= subject.i < end):
                return _compact(subject)
        if owner is None and token.dep_ == "pobj" and token.head.head.pos_ in _NOUNS:
            owner = token.head.head
        elif has_unit and owner is None and token.head.pos_ in _NOUNS and token.head.i >= end:
            owner = token.head  # "a 352 μm pixel pitch", "30% fuming sulfuric acid"
        if token.head.i == token.i:
            break
        below, token = token, token.head
    if owner is not None and not start <= owner.i < end:
        return _compact(owner)
    return _left_name(doc, start)


# "pulled the healthcare sector 0.68 percent lower", "sent Nvidia shares 8% higher": the
# figure measures how far the verb's object moved, so the object is what it is about.
_MOVED = frozenset({"lower", "higher", "up", "down"})


def _moved_object(token: Token) -> Token | None:
    if token.lower_ not in _MOVED or token.head.pos_ != "VERB" or token.head.i == token.i:
        return None
    for child in token.head.children:
        if child.dep_ == "dobj" and child.i < token.i and child.pos_ in _NOUNS:
            return child
    return None


# Nouns that name no topic of their own: "a total of $12.4 million of claims" is about
# the claims, not the total, so the walk goes on past them.
_EMPTY_HOLDERS = frozenset(
    {"total", "number", "sum", "average", "maximum", "minimum", "record", "high", "low",
     "amount", "figure", "level", "rate", "value", "one", "some", "most", "all", "each",
     "any", "none", "both", "half", "part", "majority", "lot", "dozens", "hundreds",
     "thousands", "millions", "billions", "tens", "scores", "kind", "type", "group"}
)  # fmt: skip


def _holder(anchor: Token) -> Token | None:
    """The noun a figure completes through "of": "a fine of $3 billion", "a run of seven
    games", "estimates of 64,900", "the information of millions of Americans"."""
    of = anchor.head
    if anchor.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return None
    noun = of.head
    if noun.pos_ not in _NOUNS or noun.i > anchor.i or noun.lower_ in _EMPTY_HOLDERS:
        return None
    return noun


# Links by which a modifier put before the subject hangs on its verb: "In the last three
# months the OCS has ...", "At 118.5p, its shares have ...", "Two years later, BOEM ...".
_FRONTED = frozenset({"prep", "npadvmod", "advmod", "advcl"})


def _fronted(below: Token | None, subject: Token, end: int) -> bool:
    """The figure opens its clause, ahead of the subject: it sets the scene (a time, a
    price at which), and the subject is not what it measures."""
    return below is not None and below.dep_ in _FRONTED and end <= subject.i


_COUNTING = frozenset({"nummod", "quantmod", "compound", "amod", "nmod"})


def _changed_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in _NOUNS:
            return child
    return None


def _of_noun(root: Token, end: int) -> Token | None:
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
            nouns = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
            return nouns[0] if nouns else None
    return None


def _valued(worth: Token) -> Token | None:
    for child in worth.children:
        if child.dep_ in _SUBJECTS and child.pos_ in _NOUNS:
            return child
    return worth.head if worth.head.pos_ in _NOUNS and worth.head.i != worth.i else None


def _left_name(doc: Doc, start: int) -> tuple[int, int] | None:
    """ "Dow +0.2% S&P 500 +0.3%": in a list without verbs, the name just before."""
    for i in range(start - 1, max(start - 3, 0) - 1, -1):
        token = doc[i]
        if token.text == "(" and i == start - 1:
            continue  # "RHP John Gant (0.5 WAR)": a figure in brackets after a name
        if token.pos_ == "PROPN":
            return _compact(token)
        if token.pos_ == "NUM" and i > 0 and doc[i - 1].pos_ == "PROPN":
            continue  # "S&P 500 +0.3%": the number is part of the name
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "NUM"):
            return None
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "Ford, which has 13000 workers"
            if child.pos_ == "PRON":
                return None
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "rose 8% and closed at 3.65": the first verb's subject
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in _NOUNS:
        return verb.head  # "an engine tuned to produce 296 hp": what the clause describes
    return None


def _compact(head: Token, *, of_phrase: bool = True) -> tuple[int, int]:
    """The head noun with its close left modifiers ("US trade deficit", "Chris Wood")."""
    left = head.i
    for child in reversed(list(head.lefts)):
        if (child.dep_ in _KEEP_LEFT and child.i == left - 1) or (
            child.dep_ in _KEEP_LEFT and all(t.dep_ in _KEEP_LEFT for t in head.doc[child.i : left])
        ):
            left = child.i
    right = head.i + 1
    for child in head.rights:
        if of_phrase and child.dep_ == "prep" and child.i == right and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].i - head.i < _MAX_WIDTH:
                right = objects[0].i + 1  # "the price of gold"
        break
    while left < head.i and head.doc[left].dep_ in ("det", "punct"):
        left += 1
    right = max(right, head.i + 1)
    doc = head.doc
    while left > 0 and not doc[left - 1].whitespace_ and doc[left - 1].text in _JOINERS:
        left -= 2 if left > 1 and not doc[left - 2].whitespace_ else 1  # "Ben-Moshe"
    while right < len(doc) and not doc[right - 1].whitespace_ and doc[right].text in _JOINERS:
        right += 2 if right + 1 < len(doc) else 1  # "Hewlett-Packard"
    return left, min(right, len(doc))
