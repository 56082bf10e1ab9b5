"""Where a source starts and ends, learned from PolNeAR: a ranker over whole spans.

The rules take a subject without its relative clauses and participles, which is what
annotators do most of the time, but not always: "a poll released Friday", "an official
who was not authorized to speak", "Virtually all analysts" keep what the rules cut. The
ranker lists the contiguous spans around the source's syntactic root (its whole
subtree, without each right-hand modifier, with or without a word just before), scores
each by what it adds or removes against the rules' span, and keeps the best. Features
are strings; the weights ship with the cue scorer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution.candidate import Candidate

# No source in PolNeAR train is longer than this many tokens, give or take a few.
MAX_TOKENS = 40
_VERBISH = frozenset({"VERB", "AUX"})
# Modifiers inside a source's subtree that an alternative may end before or after.
_CUT_DEPS = frozenset(
    {
        "relcl",
        "acl",
        "appos",
        "prep",
        "conj",
        "advcl",
        "npadvmod",
        "amod",
        "punct",
        "cc",
        "nummod",
        "advmod",
    }
)
# Leading words an alternative may drop ("the", "even", "and").
_DROPPABLE_LEAD = frozenset({"DET", "ADV", "CCONJ", "ADP", "PART"})
_RELATIVE_WORDS = frozenset({"who", "which", "whose", "that"})


def source_root(cand: Candidate) -> Token:
    """The source's syntactic root: a token whose head lies outside (nouns first)."""
    doc = cand.head.doc
    return _root(doc, _Words(doc), sorted(cand.source))


class _Word:
    """One token's attributes as the source features read them."""

    __slots__ = ("dep", "ent", "head", "lower", "pos", "punct", "space", "text", "verb")

    def __init__(self, token: Token) -> None:
        self.lower: str = token.lower_
        self.pos: str = token.pos_
        self.dep: str = token.dep_
        self.ent: str = token.ent_type_
        self.punct: bool = token.is_punct
        self.space: bool = token.is_space
        self.text: str = token.text
        self.head: int = token.head.i
        # the lemma is read for verbs only (``_edit_features``)
        self.verb: str = token.lemma_.lower() if self.pos in _VERBISH else ""


class _Words(dict[int, _Word]):
    """A doc's tokens, each read from spaCy at most once: ``Token`` attributes are slow
    properties that build a new Python object per read, and ranking one source reads
    the same few words for every alternative. (A dict, so that a word read before
    costs a plain lookup.)"""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, i: int) -> _Word:
        word = self[i] = _Word(self.doc[i])
        return word


@dataclass(frozen=True)
class _Root:
    """What the features read of the source's root, read once."""

    i: int
    pos: str
    dep: str
    ent: str
    left_edge: int
    right_edge: int

    @classmethod
    def of(cls, root: Token, words: _Words) -> _Root:
        word = words[root.i]
        return cls(root.i, word.pos, word.dep, word.ent, root.left_edge.i, root.right_edge.i)


def _root(doc: Doc, words: _Words, indices: list[int]) -> Token:
    """The source's syntactic root: a token whose head lies outside (nouns first)."""
    inside = set(indices)
    roots = [i for i in indices if words[i].head not in inside or words[i].head == i]
    if not roots:
        return doc[indices[0]]
    return doc[min(roots, key=lambda i: (words[i].pos not in ("NOUN", "PROPN", "PRON"), i))]


def _stripped(words: _Words, start: int, end: int) -> tuple[int, int]:
    while start <= end and (words[start].punct or words[start].space):
        start += 1
    while end >= start and (words[end].punct or words[end].space):
        end -= 1
    return start, end


def _bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    return "3-4" if n <= 4 else "5-8" if n <= 8 else "9+"


class SourceRanker:
    """One candidate's source alternatives (``source_alternatives``) and the features
    of each (``source_features``), sharing the root and the words read from spaCy."""

    def __init__(self, cand: Candidate, sentence: tuple[int, int]) -> None:
        doc = cand.head.doc
        self.cand = cand
        self.sentence = sentence
        self.words = _Words(doc)
        root = _root(doc, self.words, sorted(cand.source))
        self.root = _Root.of(root, self.words)
        self.spans = _alternatives(cand, sentence, root, self.root, self.words)

    def features(self, span: tuple[int, int]) -> list[str]:
        """``source_features`` of ``span`` against the rules' span (``spans[0]``)."""
        return _span_features(self.cand, self.words, self.root, span, self.spans[0], self.sentence)


def source_alternatives(cand: Candidate, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Inclusive token ranges a source might take, the rules' own span first; never a
    cue or content word, never past the sentence (``sentence`` is its token range) or
    a line break, always holding the root."""
    return SourceRanker(cand, sentence).spans


def _alternatives(
    cand: Candidate, sentence: tuple[int, int], root: Token, anchor: _Root, words: _Words
) -> list[tuple[int, int]]:
    source = sorted(cand.source)
    current = (source[0], source[-1])
    blocked = set(cand.cue) | set(cand.content)
    first, stop = sentence
    starts = {source[0], anchor.left_edge, root.i}
    for child in root.lefts:
        starts.update((child.left_edge.i, child.right_edge.i + 1))
    before = source[0] - 1
    if before >= first and not words[before].punct and before not in blocked:
        starts.add(before)  # "Virtually all analysts"
    if len(source) > 1 and words[source[0]].pos in _DROPPABLE_LEAD:
        starts.add(source[0] + 1)
    ends = {source[-1], root.i, anchor.right_edge}
    for child in root.rights:
        ends.update((child.right_edge.i, child.left_edge.i - 1))
    for token in root.subtree:
        if token.i > root.i and token.dep_ in _CUT_DEPS:
            ends.update((token.right_edge.i, token.left_edge.i - 1))
    found: list[tuple[int, int]] = [current]
    # stripping only narrows a range, so one that misses the root before stripping
    # misses it after: such ranges are skipped without reading their words
    right_ends = sorted(i for i in ends if min(i, stop - 1) >= root.i)
    for raw_start in sorted(i for i in starts if max(i, first) <= root.i):
        for raw_end in right_ends:
            start, end = _stripped(words, max(raw_start, first), min(raw_end, stop - 1))
            if start > end or not start <= root.i <= end or (start, end) in found:
                continue
            if end - start + 1 > MAX_TOKENS or not blocked.isdisjoint(range(start, end + 1)):
                continue
            if any("\n" in words[i].text for i in range(start, end)):
                continue
            found.append((start, end))
    return found


def _edit_features(
    words: _Words, tag: str, start: int, end: int, root: _Root, rule: str
) -> list[str]:
    """Features of the words ``start``..``end`` added to or removed from one side."""
    indices = range(start, end + 1)
    tokens = [words[i] for i in indices]
    tops = [
        t for i, t in zip(indices, tokens, strict=True) if not start <= t.head <= end or t.head == i
    ]
    top = tops[0] if tops else tokens[0]
    dep = top.dep
    first = tokens[0]
    size = _bucket(len(tokens))
    comma = first.text == "," or (start > 0 and words[start - 1].text == ",")
    verbs = [t.verb for t in tokens if t.pos in _VERBISH]
    features = [
        tag,
        f"{tag}|dep={dep}",
        f"{tag}|len={size}",
        f"{tag}|first={first.lower}",
        f"{tag}|firstpos={first.pos}",
        f"{tag}|dep_first={dep}|{first.lower}",
        f"{tag}|rule_dep={rule}|{dep}",
        f"{tag}|ntops={min(len(tops), 3)}",
        f"{tag}|topheadisroot={top.head == root.i}",
        f"{tag}|comma={comma}",
        f"{tag}|dep_comma={dep}|{comma}",
        f"{tag}|verb={bool(verbs)}",
        f"{tag}|dep_verb={dep}|{bool(verbs)}",
        f"{tag}|dep_len={dep}|{size}",
        f"{tag}|last={tokens[-1].lower}",
        f"{tag}|lastpos={tokens[-1].pos}",
    ]
    features += sorted(f"{tag}|ent={e}" for e in {t.ent for t in tokens if t.ent})
    if any(t.lower in _RELATIVE_WORDS for t in tokens):
        features.append(f"{tag}|rel_pron")
    if verbs:
        features.append(f"{tag}|verb1={verbs[0]}")
    return features


# Edit features that are also read together with where the span sits against the cue.
_SIDED = ("addR|dep=", "delR|dep=", "addR|comma", "delR|comma", "addR|len=", "delR|len=")
_SIDED_EXACT = ("addR|rel_pron", "delR|rel_pron")


def source_features(
    cand: Candidate,
    root: Token,
    span: tuple[int, int],
    current: tuple[int, int],
    sentence: tuple[int, int],
) -> list[str]:
    """Features of the source ``span`` (inclusive token range) against the rules'
    ``current``; ``root`` is the ``source_root`` and ``sentence`` the token range of
    the cue's sentence."""
    words = _Words(cand.head.doc)
    return _span_features(cand, words, _Root.of(root, words), span, current, sentence)


def _span_features(
    cand: Candidate,
    words: _Words,
    root: _Root,
    span: tuple[int, int],
    current: tuple[int, int],
    sentence: tuple[int, int],
) -> list[str]:
    size = len(words.doc)
    start, end = span
    rule = cand.rule
    is_current = (start, end) == current
    grows = (end - start) > (current[1] - current[0])
    change = _bucket(abs((end - start) - (current[1] - current[0])))
    features = [
        f"rule={rule}",
        f"rootpos={root.pos}",
        f"rootdep={root.dep}",
        f"rootent={root.ent or '-'}",
        f"cur={is_current}",
        f"rule_cur={rule}|{is_current}",
        f"len={_bucket(end - start + 1)}",
        f"lendelta={change}|{'+' if grows else '-'}",
    ]
    right_edit: list[str] = []
    if end > current[1]:
        right_edit = _edit_features(words, "addR", current[1] + 1, end, root, rule)
    elif end < current[1]:
        right_edit = _edit_features(words, "delR", end + 1, current[1], root, rule)
    features += right_edit
    if start < current[0]:
        features += _edit_features(words, "addL", start, current[0] - 1, root, rule)
    elif start > current[0]:
        features += _edit_features(words, "delL", current[0], start - 1, root, rule)
    first, last = words[start], words[end]
    features += [
        f"first={first.lower}",
        f"firstpos={first.pos}",
        f"last={last.lower}",
        f"lastpos={last.pos}",
        f"lastdep={last.dep}",
        f"rootpos_last={root.pos}|{last.pos}",
        f"whole_subtree={start == root.left_edge and end == root.right_edge}",
        f"ends_at_root={end == root.i}",
        f"starts_at_root={start == root.i}",
    ]
    cue_start = min(cand.cue)
    after = end + 1
    while after < size and words[after].punct and after not in cand.cue:
        after += 1
    next_is_cue = after == cue_start
    features += [f"next_is_cue={next_is_cue}", f"rule_next_is_cue={rule}|{next_is_cue}"]
    if end + 1 < size:
        following = words[end + 1]
        shown = following.lower if following.punct else following.pos
        features += [
            f"next={following.lower}",
            f"next_pos={following.pos}",
            f"next_dep={following.dep}",
            f"next_in_content={(end + 1) in cand.content}",
            f"lastpos_next={last.pos}|{shown}",
        ]
    if start > 0:
        previous = words[start - 1]
        features += [
            f"prev={previous.lower}",
            f"prev_pos={previous.pos}",
            f"prev_nl={'newline' if chr(10) in previous.text else '-'}",
        ]
    features.append(f"src_before_cue={end < cue_start}")
    side = "before" if end < cue_start else "after"
    features += [
        f"{f}|{side}|nextcue={next_is_cue}"
        for f in right_edit
        if f.startswith(_SIDED) or f in _SIDED_EXACT
    ]
    sentence_end = end + 1
    while sentence_end < sentence[1] and words[sentence_end].punct:
        sentence_end += 1
    runs_out = sentence_end >= sentence[1]
    spanned = [words[i] for i in range(start, end + 1)]
    commas = sum(1 for t in spanned if t.text == ",")
    verbs = sum(1 for t in spanned if t.pos in _VERBISH)
    features += [
        f"to_sent_end={runs_out}|{side}",
        f"commas={min(commas, 3)}",
        f"verbs={min(verbs, 2)}",
    ]
    return features
