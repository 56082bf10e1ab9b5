"""The clause whose predicate governs a figure: where to read what happened to what it counts.

"Shadale Graham was killed and four others were hurt": four is the subject of "hurt", so
its clause is "four others were hurt", and the "killed" of the clause it is coordinated
with says nothing of it. The clause is the subtree of the governing predicate (the first
verb or adjective above the figure's noun phrase, or an absolute "with": "with six
confirmed dead"), less the branches that hold another figure or are a coordinated clause
with a subject of its own, since those say what happened to the other figure ("Seven
people were shot, with six confirmed dead": seven were shot), and less subordinate
clauses the figure is not in ("found with 1,300 rounds after he was shot dead": the
rounds did not die). No clause (None) when the parse cannot be trusted: a headline and
the line under it parsed as one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Dependencies inside a noun phrase: the figure and its noun are one phrase.
NOUN_PHRASE_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "det", "nmod", "appos"})
# How many heads above the noun phrase the predicate may be ("in critical condition").
MAX_CLIMB = 4
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# Clauses inside the predicate's that say something else ("found with 1,300 rounds after
# he was shot dead", "a teen who killed himself"), unless the figure is inside them.
# A reduced relative ("the number of people killed in the fire") says what its noun is,
# so an "acl" stays unless it has a subject of its own.
SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "parataxis", "mark", "pcomp"})
# Prepositions that introduce a part of the counted group: what the part went through
# is not what the whole did.
PART_PREPS = frozenset({"including", "excluding", "besides"})
# Verbs of the law whose subject is a suspect, not a victim.
LEGAL_VERBS = frozenset(
    {"charge", "arrest", "hold", "detain", "convict", "sentence", "indict", "accuse",
     "book", "jail", "want", "seek", "question", "release"}
)  # fmt: skip
# Verbs of harm done by a subject to an object.
HARM_VERBS = frozenset({"kill", "shoot", "wound", "injure", "hurt", "murder", "slay", "stab"})


def figure_clause(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[first, last)`` of the clause governing the figure at ``[start, end)``."""
    anchor = figure_anchor(doc, start, end)
    if anchor is None:
        return None
    phrase = noun_phrase_top(anchor)
    if _whole_of_part(phrase) or _agent_of_harm(phrase):
        return _own_phrase(phrase, start, end)
    legal = _suspects(phrase)
    if legal is not None and "\n" not in doc[min(legal.i, start) : max(legal.i, end)].text:
        # "Two men charged in the death of a teen": the death is the crime, not theirs.
        return min(phrase.left_edge.i, start, legal.i), max(end, phrase.i + 1, legal.i + 1)
    predicate = _predicate(phrase)
    on_path = {t.i for t in _path(phrase, predicate)} | set(range(start, end))
    # a branch holds a path token iff its top is one of the path tokens or their heads up
    # to the predicate: one walk per figure token, not a walk of every branch's subtree
    on_path = _with_heads(doc, on_path, predicate.i)
    kept: set[int] = set()
    _collect(predicate, _Figure(on_path, start, end, phrase.i), kept)
    first, last = _within_line(doc, *_run_around(kept, start, end, predicate.i), start, end)
    if not first <= predicate.i < last or _subject_elsewhere(predicate):
        return None  # parsed across a line break: no clause to trust
    if last == phrase.i + 1:
        # "left five people hurt", "left one victim fatally wounded": the small parser
        # hangs the participle elsewhere.
        after = last
        while after < len(doc) and doc[after].tag_ == "RB":
            after += 1
        if after < len(doc) and doc[after].tag_ in ("VBN", "JJ"):
            last = after + 1
    return first, last


@dataclass(frozen=True)
class _Figure:
    on_path: set[int]  # the tokens from the figure up to its predicate
    start: int
    end: int
    noun: int  # the top of the figure's noun phrase


def _collect(token: Token, figure: _Figure, kept: set[int]) -> None:
    kept.add(token.i)
    for child in token.children:
        if child.i in figure.on_path:
            _collect(child, figure, kept)
        elif _other_clause(child, figure.start, figure.end):
            continue
        elif token.i == figure.noun and child.dep_ == "prep" and child.lower_ in PART_PREPS:
            continue  # "four people, including the fatally wounded man, were at the scene"
        elif not _subordinate(child) or (token.i == figure.noun and _follows(child, token)):
            # "nine people killed", "people who were hurt": what the counted noun's own
            # clause says happened to it.
            _collect(child, figure, kept)


def _follows(clause: Token, noun: Token) -> bool:
    """The clause starts right after the counted noun ("people who were hurt", "nine
    people killed"), not after another noun the parser hung it past ("3 charged in a
    shooting that killed a teen": the shooting killed)."""
    between = noun.doc[noun.i + 1 : clause.left_edge.i]
    return not any(t.pos_ in ("NOUN", "PROPN") for t in between)


def _whole_of_part(phrase: Token) -> bool:
    """ "two of the four victims had died": four is the whole the part is taken from; the
    predicate says what happened to the two."""
    of = phrase.head
    return phrase.dep_ == "pobj" and of.lower_ == "of" and of.head.like_num


def _agent_of_harm(phrase: Token) -> bool:
    """ "eight officers opened fire and shot Clark dead", "two men killed a clerk": the
    figure is the subject of a verb of harm done to someone else, so it counts whoever
    did it, not the victims."""
    if phrase.dep_ != "nsubj":
        return False
    verb = phrase.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(
        v.lemma_ in HARM_VERBS
        and v.tag_ != "VBN"  # "left one victim fatally wounded": done to the figure
        and any(c.dep_ == "dobj" for c in v.children)
        for v in verbs
    )


def _suspects(phrase: Token) -> Token | None:
    """The verb of the law the figure is the subject or object of ("two men charged in
    the death of a teen", "arrested three men for her death"): what they are charged
    with did not happen to them."""
    verb = phrase.head
    subject_or_object = phrase.dep_ in ("nsubj", "nsubjpass", "dobj")
    if verb.i != phrase.i and verb.lemma_ in LEGAL_VERBS and subject_or_object:
        return verb
    for child in phrase.children:
        if child.dep_ == "acl" and child.lemma_ in LEGAL_VERBS:
            return child
    return None


def _own_phrase(phrase: Token, start: int, end: int) -> tuple[int, int]:
    """The figure's noun phrase with what hangs on it ("one of two victims listed in
    critical condition": the two were listed), without the verb above it."""
    return min(phrase.left_edge.i, start), max(end, phrase.right_edge.i + 1)


def _subordinate(token: Token) -> bool:
    if token.dep_ == "acl":
        return any(c.dep_ in SUBJECT_DEPS for c in token.children)
    return token.dep_ in SUBORDINATE_DEPS


def figure_anchor(doc: Doc, start: int, end: int) -> Token | None:
    """The figure's token whose head lies outside it."""
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return None


def noun_phrase_top(token: Token) -> Token:
    while token.dep_ in NOUN_PHRASE_DEPS and token.head.i != token.i:
        token = token.head
    return token


def _predicate(token: Token) -> Token:
    current = token
    for _ in range(MAX_CLIMB):
        head = current.head
        if head.i == current.i:
            return current
        if head.pos_ in ("VERB", "AUX", "ADJ") or (head.pos_ == "ADP" and head.lower_ == "with"):
            return head
        current = head
    return current.head if current.head.pos_ in ("VERB", "AUX", "ADJ") else token.head


def _path(token: Token, predicate: Token) -> list[Token]:
    path = [token]
    while token.i != predicate.i and token.head.i != token.i:
        token = token.head
        path.append(token)
    return path


def _with_heads(doc: Doc, tokens: set[int], top: int) -> set[int]:
    found = set(tokens)
    for i in tokens:
        token = doc[i]
        while token.i != top and token.head.i != token.i and token.head.i not in found:
            token = token.head
            found.add(token.i)
    return found


def _other_clause(child: Token, start: int, end: int) -> bool:
    """A branch that says what happened to something else: it holds another figure, or
    it is a coordinated clause with a subject of its own."""
    if _holds_other_number(child, start, end):
        return True
    return child.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in child.children)


_NUMBER_COUNTS = "claimgraph_number_counts"


def _holds_other_number(child: Token, start: int, end: int) -> bool:
    """A number outside ``[start, end)`` in the child's branch, counted between its left
    and right edges with the doc's running count of numbers: one pass per doc, where a
    walk of every branch per figure made long sentences quadratic."""
    counts: list[int] | None = child.doc.user_data.get(_NUMBER_COUNTS)
    if counts is None:
        counts = [0]
        for token in child.doc:
            counts.append(counts[-1] + token.like_num)
        child.doc.user_data[_NUMBER_COUNTS] = counts
    first, last = child.left_edge.i, child.right_edge.i + 1
    low, high = max(first, start), min(last, end)
    own = counts[high] - counts[low] if low < high else 0
    return counts[last] - counts[first] - own > 0


def _subject_elsewhere(predicate: Token) -> bool:
    """ "has risen to four" with its subject hung on the headline above it."""
    deps = {c.dep_ for c in predicate.children}
    return bool(deps & {"aux", "auxpass"}) and not deps & SUBJECT_DEPS


def _within_line(doc: Doc, first: int, last: int, start: int, end: int) -> tuple[int, int]:
    """A headline and the first line under it are often parsed as one sentence: a clause
    never crosses a line break."""
    while first < start and "\n" in doc[first:start].text:
        first += 1
    while last > end and "\n" in doc[end:last].text:
        last -= 1
    return first, last


def _run_around(kept: set[int], start: int, end: int, predicate: int) -> tuple[int, int]:
    """The unbroken run of kept tokens around the figure, stretched to its predicate."""
    first, last = start, end
    while first - 1 in kept:
        first -= 1
    while last in kept:
        last += 1
    return min(first, predicate), max(last, predicate + 1)
