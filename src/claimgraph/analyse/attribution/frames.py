"""Attribution candidates read off the dependency parse, one rule per construction.

Each rule sees one token that may be a cue (a reporting verb, "according to", a claim
noun) and returns a ``Candidate``: token indices for source, cue and content. Turning
them into character spans, resolving overlaps between nested attributions and growing
content to whole quotations happen in the later passes (``passes.PASSES``); this
module only reads the tree.
Every rule is O(size of the cue's subtree).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.cues import (
    CHANNEL_NOUNS,
    CLAIM_NOUNS,
    CLAUSE_VERBS,
    HEDGE_SUBJECTS,
    INFINITIVE_VERBS,
    NON_OBJECT_VERBS,
    OBJECT_VERBS,
    PREPOSITION_VERBS,
    QUOTE_VERBS,
    SOURCELESS_SUBJECTS,
    STANCE_NOUNS,
    STANCE_VERBS,
    WEAK_CLAUSE_VERBS,
)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents of a reporting verb that frame the report but are not what was reported:
# when the content is "the rest of the predicate" these stay out of it.
_FRAME_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "aux",
        "auxpass",
        "neg",
        "advmod",
        "npadvmod",
        "punct",
        "cc",
        "conj",
        "mark",
        "dative",
        "agent",
        "prt",
    }
)


def subtree_indices(token: Token) -> set[int]:
    return set(range(token.left_edge.i, token.right_edge.i + 1))


def child_of(token: Token, deps: Iterable[str]) -> Token | None:
    wanted = set(deps)
    for child in token.children:
        if child.dep_ in wanted:
            return child
    return None


# --------------------------------------------------------------------------- sources


def _is_generic_report(subject: Token) -> bool:
    """ "reports indicate", "recent reports reveal": no one is named."""
    if subject.lower_ not in SOURCELESS_SUBJECTS:
        return False
    return not any(c.dep_ in ("poss", "prep", "compound", "det") for c in subject.children)


def _subject_source(verb: Token) -> tuple[list[int], bool]:
    """Source tokens of a verb from its own subject; (tokens, sourceless)."""
    subject = child_of(verb, SUBJECTS)
    if subject is None:
        return [], False
    if subject.dep_ == "nsubjpass" or child_of(verb, ("expl",)) is not None:
        agent = child_of(verb, ("agent",))
        pobj = child_of(agent, ("pobj",)) if agent is not None else None
        return (sorted(subtree_indices(pobj)), False) if pobj is not None else ([], True)
    if _is_generic_report(subject):
        return [], True
    return trimmed_subject(subject), False


def trimmed_subject(subject: Token) -> list[int]:
    """The subject's subtree without relative clauses and participial asides (PolNeAR's
    sources stop before ", whose new book ..." and ", citing X,"), without a dateline or
    time stamp on an earlier line, and without edge punctuation."""
    doc = subject.doc
    indices = subtree_indices(subject)
    for child in subject.children:
        if child.dep_ in ("acl", "relcl") and child.i > subject.i:
            indices -= subtree_indices(child)
    for token in subject.subtree:
        # deeper down only a relative clause set off by a comma ("..., director of CREDO
        # Action, which organized the letter"); "the man who ran" stays whole
        if (
            token.dep_ == "relcl"
            and token.left_edge.i > 0
            and doc[token.left_edge.i - 1].text == ","
        ):
            indices -= subtree_indices(token)
    ordered = sorted(indices)
    for position, i in enumerate(ordered):
        if "\n" in doc[i].text and i < subject.i:
            ordered = ordered[position + 1 :]
            break
    return _strip_punct(doc, _contiguous_around(ordered, subject.i))


def _contiguous_around(indices: list[int], anchor: int) -> list[int]:
    """The run of consecutive indices that holds the anchor (cut-outs split a span)."""
    if anchor not in indices:
        return indices
    position = indices.index(anchor)
    start = end = position
    while start > 0 and indices[start - 1] == indices[start] - 1:
        start -= 1
    while end + 1 < len(indices) and indices[end + 1] == indices[end] + 1:
        end += 1
    return indices[start : end + 1]


def _strip_punct(doc: Doc, indices: list[int]) -> list[int]:
    while indices and doc[indices[0]].is_punct:
        indices = indices[1:]
    while indices and doc[indices[-1]].is_punct:
        indices = indices[:-1]
    return indices


def find_source(verb: Token) -> tuple[list[int], bool]:
    """The source of a reporting verb, climbing through participles and conjuncts."""
    current = verb
    for _ in range(4):  # "with X telling", "..., saying", "said A and added B"
        source, sourceless = _subject_source(current)
        if source or sourceless:
            return source, sourceless
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = current.head
            left = [i for i in subtree_indices(head) if i < current.left_edge.i]
            return _strip_punct(verb.doc, left), False
        if (
            current.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp")
            and current.head.i != current.i
        ):
            current = _governor_before(current, verb)
            continue
        break
    return [], False


def _governor_before(current: Token, verb: Token) -> Token:
    """The clause that governs a participle. "Saying he was nervous, the man asked"
    has its governor after the cue; but "Clinton seemed ready, telling the crowd, “Some
    people get ...”" is parsed with "telling" under the quoted verb, so a governor after
    the cue with a quotation mark between is skipped."""
    doc = verb.doc
    head = current.head
    while (
        head.i > verb.i
        and head.head.i != head.i
        and any(doc[k].is_quote for k in range(verb.i, head.i))
    ):
        head = head.head
    return head


# --------------------------------------------------------------------------- contents


def _content_from_complement(verb: Token, lemma: str) -> tuple[str, set[int], list[int]] | None:
    """(rule, content indices, extra cue indices) from the verb's own dependents."""
    ccomp = child_of(verb, ("ccomp",))
    if ccomp is not None and lemma in CLAUSE_VERBS:
        return "clause", subtree_indices(ccomp), []
    xcomp = child_of(verb, ("xcomp",))
    if xcomp is not None and lemma in INFINITIVE_VERBS:
        return "infinitive", span_of(subtree_indices(xcomp) | _persuadee(verb, xcomp, lemma)), []
    if xcomp is not None and lemma in QUOTE_VERBS and xcomp.i > verb.i:
        # "He said legalizing it could put ...": a clause the small model takes for a
        # gerund complement
        return "clause", subtree_indices(xcomp), []
    that_clause = _that_clause_within(verb)
    if that_clause is not None and lemma in CLAUSE_VERBS:
        return "orphan", that_clause, []
    preps = PREPOSITION_VERBS.get(lemma, frozenset())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = child_of(child, ("pobj", "pcomp"))
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return "preposition", subtree_indices(pobj), [child.i]
    dobj = child_of(verb, ("dobj",))
    oprd = child_of(verb, ("oprd",))
    if dobj is None and oprd is not None and lemma in OBJECT_VERBS:
        # "called the frontrunner “ISIS' best recruiter”" parsed without an object
        return "object", set(range(verb.i + 1, oprd.right_edge.i + 1)), []
    if (
        dobj is not None
        and lemma not in NON_OBJECT_VERBS
        and (lemma in OBJECT_VERBS or lemma in STANCE_VERBS or lemma in CLAUSE_VERBS)
    ):
        return "object", _rest_of_predicate(verb, dobj), []
    return None


def _persuadee(verb: Token, xcomp: Token, lemma: str) -> set[int]:
    """ "urged the United States to attack": the object belongs to the content (as
    annotated), except after "tell", whose object is the addressee."""
    dobj = child_of(verb, ("dobj",))
    if dobj is None or lemma == "tell" or dobj.i > xcomp.i:
        return set()
    return subtree_indices(dobj)


# Dependents after the object that end the reported thing rather than continue it.
_NOT_PREDICATE = frozenset({"punct", "cc", "conj", "advcl", "parataxis", "npadvmod", "dep"})


def _rest_of_predicate(verb: Token, dobj: Token) -> set[int]:
    """The object and what completes it, up to the last such dependent ("dismissed these
    claims as “fake news”", "criticized voters for not supporting Cruz", "his record in
    the early 2000s in the House")."""
    indices = subtree_indices(dobj)
    for child in verb.rights:
        if child.i > dobj.i and child.dep_ not in _NOT_PREDICATE:
            indices |= subtree_indices(child)
    return span_of(indices)


def span_of(indices: set[int]) -> set[int]:
    """Everything from the first to the last index: an adverbial between object and
    complement ("criticized himself on Saturday for bailing") stays in the content."""
    return set(range(min(indices), max(indices) + 1)) if indices else indices


def _say_so(verb: Token) -> tuple[str, set[int], list[int]] | None:
    """ "said so", "said no": a pro-form standing for the whole claim."""
    for child in verb.rights:
        if child.lower_ in ("so", "no", "yes", "otherwise") and child.dep_ in (
            "advmod",
            "intj",
            "dobj",
            "ccomp",
        ):
            return "object", {child.i}, []
    return None


def _that_clause_within(verb: Token) -> set[int] | None:
    """A "that"-clause in the verb's phrase hung on a noun by the parser: "telling
    reporters during a visit on Friday that he thinks ..." (relcl of "visit")."""
    for token in verb.rights:
        if token.dep_ in ("ccomp", "dobj", "dative"):
            continue
        for inner in token.subtree:
            if (
                inner.lower_ == "that"
                and inner.dep_ == "mark"
                and inner.head.dep_ in ("relcl", "acl", "advcl")
            ):
                clause = inner.head
                if clause.left_edge.i == inner.i:
                    return subtree_indices(clause)
    return None


def _orphan_clause(verb: Token) -> set[int] | None:
    """A clause the parser hung elsewhere that starts right after the verb's phrase:
    "telling reporters that same day the U.S. believes ..." parsed as a complement of the
    sentence's main verb."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after >= len(doc) or doc[after].sent != verb.sent:
        return None
    token = doc[after]
    head = token
    while head.dep_ not in ("ccomp", "ROOT") and head.head.i != head.i:
        head = head.head
    if (
        head.dep_ == "ccomp"
        and head.left_edge.i == after
        and head.i > verb.i
        and verb not in head.subtree
    ):
        return subtree_indices(head)
    return None


# --------------------------------------------------------------------------- rules


def _purpose_clause(verb: Token) -> bool:
    """ "... sent soldiers to support Russian operations": an infinitive of purpose."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _describes_channel(verb: Token) -> bool:
    """ "in a statement posted on its website": the participle describes the conduit."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in CHANNEL_NOUNS


def verb_candidate(verb: Token) -> Candidate | None:
    """A reporting verb with its complement as content."""
    lemma = verb.lemma_.lower()
    if _purpose_clause(verb) or _describes_channel(verb):
        return None
    found = _content_from_complement(verb, lemma)
    if found is None and lemma == "say":
        found = _say_so(verb)
    if found is None and lemma in CLAUSE_VERBS:
        orphan = _orphan_clause(verb)
        if orphan is not None:
            found = ("orphan", orphan, [])
    if found is None and lemma in CLAUSE_VERBS and _as_clause(verb):
        found = ("parenthetical", subtree_indices(verb.head) - subtree_indices(verb), [])
    if found is None and verb.dep_ == "parataxis" and lemma in CLAUSE_VERBS:
        found = ("parenthetical", subtree_indices(verb.head) - subtree_indices(verb), [])
    if found is None:
        return None
    rule, content, extra_cue = found
    source, sourceless = find_source(verb)
    if lemma in RAISING_VERBS or _bare_passive_participle(verb):
        # "X appears to be moving": X is part of what is said, and no one says it;
        # "Asked whether ..., he said": the asker is not named
        content = content | set(source)
        source, sourceless = [], True
    passive_subject = child_of(verb, ("nsubjpass",))
    if rule == "infinitive" and passive_subject is not None and not source:
        # "The veto is expected to come before Friday": the subject is part of what is
        # expected, and no one is named as expecting it
        content = content | subtree_indices(passive_subject)
    if lemma in WEAK_CLAUSE_VERBS and _hedge(verb, source):
        return None
    return Candidate(
        head=verb,
        rule=rule,
        cue=tuple(sorted([verb.i, *extra_cue, *_particles(verb)])),
        source=tuple(source),
        content=frozenset(content - set(source)),
        sourceless=sourceless,
    )


# Verbs whose subject belongs to the content ("the music seemed to match the mood").
RAISING_VERBS = frozenset({"seem", "appear"})


def _bare_passive_participle(verb: Token) -> bool:
    """ "Asked about the vote, she said ...": a passive participle with no subject."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    )


def _as_clause(verb: Token) -> bool:
    """ "As the Times noted, Clinton raised ...": the main clause is the content (speech
    verbs only: "as voters learned more" is a time clause)."""
    return (
        verb.lemma_.lower() in QUOTE_VERBS
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _hedge(verb: Token, source: list[int]) -> bool:
    if not source:
        return True
    doc = verb.doc
    return len(source) == 1 and doc[source[0]].lower_ in HEDGE_SUBJECTS


def _particles(verb: Token) -> list[int]:
    """The verb group around the cue verb. PolNeAR's cues hold the auxiliaries,
    negation and the adverbs between them ("has also said", "did not mention": aux kept
    in 1356 of 1408 train cues, "not" in 104 of 108, "also" in 167 of 177) and the
    particle ("pointed out"); wh-adverbs and sentence adverbs stay out."""
    group = [c.i for c in verb.children if c.dep_ == "prt"]
    left = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]
    if left:
        first = min(c.i for c in left)
        for i in range(first, verb.i):
            token = verb.doc[i]
            if token.head.i == verb.i and (
                token.dep_ in ("aux", "auxpass", "neg")
                or (token.dep_ == "advmod" and token.lower_ not in _OUTSIDE_CUE)
            ):
                group.append(i)
            else:
                break
    else:
        group.extend(
            c.i
            for c in verb.lefts
            if c.dep_ == "advmod" and c.i == verb.i - 1 and c.lower_ in _INSIDE_CUE
        )
    return group


# Adverbs next to a cue verb that annotators kept out of it (when 116 of 117, however,
# where, instead, so, even, then) or put in it without an auxiliary (also .94).
_OUTSIDE_CUE = frozenset(
    {"when", "however", "where", "instead", "so", "even", "then", "why", "how"}
)
_INSIDE_CUE = frozenset(
    {"also", "repeatedly", "publicly", "previously", "often", "never", "recently"}
)


def quote_verb_candidate(verb: Token) -> Candidate | None:
    """A speech verb with no complement in the tree; its content is found later as the
    adjacent quotation or the text after its colon."""
    if verb.lemma_.lower() not in QUOTE_VERBS:
        return None
    source, sourceless = find_source(verb)
    return Candidate(
        head=verb,
        rule="quote",
        cue=tuple(sorted([verb.i, *_particles(verb)])),
        source=tuple(source),
        sourceless=sourceless,
    )


def according_candidate(token: Token) -> Candidate | None:
    """ "according to X" before, inside or after its content."""
    to = child_of(token, ("prep",))
    if to is None or to.lower_ != "to":
        return None
    pobj = child_of(to, ("pobj",))
    if pobj is None:
        return None
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    content = subtree_indices(clause) - subtree_indices(token)
    content = {i for i in content if token.doc[i].sent == token.sent}
    return Candidate(
        head=token,
        rule="according",
        cue=(token.i, to.i),
        source=tuple(_strip_punct(token.doc, sorted(subtree_indices(pobj)))),
        content=frozenset(content),
    )


def _noun_source(noun: Token) -> list[int]:
    """ "Trump's claim", "a report from the Post", "the claim by officials"."""
    source: list[int] = []
    for child in noun.children:
        if child.dep_ == "poss":
            source = sorted(subtree_indices(child))
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = child_of(child, ("pobj",))
            if pobj is not None:
                source = sorted(subtree_indices(pobj))
    return source


def noun_candidate(noun: Token) -> Candidate | None:
    """A claim noun with a "that"-clause ("claims that ...", "Trump's assertion that"),
    or a stance noun with its object ("his criticism of Trump")."""
    lemma = noun.lemma_.lower()
    content: set[int] = set()
    for child in noun.children:
        if (
            lemma in CLAIM_NOUNS
            and child.dep_ in ("acl", "ccomp")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        ):
            content = subtree_indices(child)
            break
        if (
            lemma in STANCE_NOUNS
            and child.dep_ == "prep"
            and child.lower_ in ("of", "about", "on", "for")
        ):
            pobj = child_of(child, ("pobj", "pcomp"))
            if pobj is not None:
                content = subtree_indices(pobj)
                break
    if not content:
        return None
    source = _noun_source(noun)
    if lemma in STANCE_NOUNS and not source:
        return None  # "criticism of X" with no one's criticism: too vague to keep
    return Candidate(
        head=noun,
        rule="noun",
        cue=(noun.i,),
        source=tuple(source),
        content=frozenset(content),
        sourceless=not source,
    )


# Every lemma some verb rule needs: any other verb gets no candidate, which is decided
# here once instead of by each rule looking at the verb's dependents first.
_RULE_VERBS = (
    CLAUSE_VERBS
    | INFINITIVE_VERBS
    | OBJECT_VERBS
    | frozenset(PREPOSITION_VERBS)
    | QUOTE_VERBS
    | STANCE_VERBS
    | frozenset({"say"})
)
_RULE_NOUNS = CLAIM_NOUNS | STANCE_NOUNS
# The parts of speech a lexicon rule starts from (besides the word "according").
RULE_POS = frozenset({"VERB", "NOUN"})


def rule_candidate(token: Token) -> Candidate | None:
    """The candidate a lexicon rule proposes with ``token`` as its cue, if any."""
    if token.lower_ == "according":
        return according_candidate(token)
    pos = token.pos_
    if pos != "VERB" and pos != "NOUN":
        return None
    lemma = token.lemma_.lower()
    if pos == "VERB":
        if lemma not in _RULE_VERBS:
            return None
        return verb_candidate(token) or quote_verb_candidate(token)
    if lemma in _RULE_NOUNS:
        return noun_candidate(token)
    return None


def candidates(doc: Doc) -> Iterator[Candidate]:
    """Every candidate the lexicon rules give, in token order."""
    for token in doc:
        found = rule_candidate(token)
        if found is not None:
            yield found


# --------------------------------------------------------------------------- any word


def _generic_content(token: Token) -> tuple[set[int], list[int]] | None:
    """(content, extra cue) for a word no lexicon lists, by the shape of its dependents:
    a clause, an infinitive, a "that"-clause hung nearby, an object with the rest of its
    predicate, or a prepositional object after it."""
    ccomp = child_of(token, ("ccomp",))
    if ccomp is not None:
        return subtree_indices(ccomp), []
    acomp = child_of(token, ("acomp",))
    if acomp is not None and acomp.i > token.i:
        # "are concerned that ...", "is honest about ...": the adjective is part of the
        # cue and its complement the content; "seemed unperturbed": the adjective is
        found = _generic_content(acomp) if acomp.pos_ == "ADJ" else None
        if found is not None:
            content, extra = found
            return content, sorted({*range(token.i + 1, acomp.i + 1), *extra})
        return subtree_indices(acomp), []
    xcomp = child_of(token, ("xcomp",))
    if xcomp is not None and xcomp.i > token.i:
        return span_of(subtree_indices(xcomp) | _persuadee(token, xcomp, "")), []
    for child in token.children:
        if child.dep_ in ("acl", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return subtree_indices(child), []
    that_clause = _that_clause_within(token)
    if that_clause is not None:
        return that_clause, []
    dobj = child_of(token, ("dobj",))
    if dobj is not None:
        return _rest_of_predicate(token, dobj), []
    for child in token.rights:
        if child.lower_ in _PRO_FORMS and child.dep_ in ("advmod", "intj", "dobj", "ccomp"):
            return {child.i}, []  # "thinks so", "did not say when"
    for child in token.rights:
        if child.dep_ == "prep":
            pobj = child_of(child, ("pobj", "pcomp"))
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                # PolNeAR's cue runs up to the preposition: "weighed in Friday about"
                return subtree_indices(pobj), list(range(token.i + 1, child.i + 1))
    return None


# Words that stand for the whole reported thing after a cue: "said so", "would not say
# when", "did not say why".
_PRO_FORMS = frozenset({"so", "no", "yes", "otherwise", "when", "why", "how", "where", "whether"})


def _generic_source(token: Token) -> tuple[list[int], bool]:
    if token.pos_ == "NOUN":
        source = _noun_source(token)
        return source, not source
    if token.dep_ == "acomp" and token.head.i != token.i:
        return _subject_source(token.head)
    return find_source(token)


def learned_candidate(token: Token) -> Candidate | None:
    """A candidate for a word the cue scorer rates as a cue although no rule fired on it:
    the content from its dependents' shapes (else the quotation next to it, found later),
    the source from its subject."""
    if _purpose_clause(token) or _describes_channel(token):
        return None
    found = _generic_content(token)
    content, extra_cue = found if found is not None else (set(), [])
    source, sourceless = _generic_source(token)
    if token.lemma_.lower() in RAISING_VERBS or _bare_passive_participle(token):
        content = content | set(source)
        source, sourceless = [], True
    return Candidate(
        head=token,
        rule="learned" if found is not None else "quote",
        cue=tuple(sorted([token.i, *extra_cue, *_particles(token)])),
        source=tuple(source),
        content=frozenset(content - set(source)),
        sourceless=sourceless,
    )
