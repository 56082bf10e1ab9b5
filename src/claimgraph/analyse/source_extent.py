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

from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution_frames import Candidate

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
    return _root(cand.head.doc, sorted(cand.source))


def _root(doc: Doc, indices: list[int]) -> Token:
    """The source's syntactic root: a token whose head lies outside (nouns first)."""
    inside = set(indices)
    roots = [doc[i] for i in indices if doc[i].head.i not in inside or doc[i].head.i == i]
    if not roots:
        return doc[indices[0]]
    return min(roots, key=lambda t: (t.pos_ not in ("NOUN", "PROPN", "PRON"), t.i))


def _stripped(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start <= end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end >= start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end


def _bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    return "3-4" if n <= 4 else "5-8" if n <= 8 else "9+"


def source_alternatives(cand: Candidate, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Inclusive token ranges a source might take, the rules' own span first; never a
    cue or content word, never past the sentence (``sentence`` is its token range) or
    a line break, always holding the root."""
    doc = cand.head.doc
    source = sorted(cand.source)
    current = (source[0], source[-1])
    root = _root(doc, source)
    blocked = set(cand.cue) | set(cand.content)
    first, stop = sentence
    starts = {source[0], root.left_edge.i, root.i}
    for child in root.lefts:
        starts.update((child.left_edge.i, child.right_edge.i + 1))
    before = source[0] - 1
    if before >= first and not doc[before].is_punct and before not in blocked:
        starts.add(before)  # "Virtually all analysts"
    if len(source) > 1 and doc[source[0]].pos_ in _DROPPABLE_LEAD:
        starts.add(source[0] + 1)
    ends = {source[-1], root.i, root.right_edge.i}
    for child in root.rights:
        ends.update((child.right_edge.i, child.left_edge.i - 1))
    for token in root.subtree:
        if token.i > root.i and token.dep_ in _CUT_DEPS:
            ends.update((token.right_edge.i, token.left_edge.i - 1))
    found: list[tuple[int, int]] = [current]
    for raw_start in sorted(starts):
        for raw_end in sorted(ends):
            start, end = _stripped(doc, max(raw_start, first), min(raw_end, stop - 1))
            if start > end or not start <= root.i <= end or (start, end) in found:
                continue
            if end - start + 1 > MAX_TOKENS or any(i in blocked for i in range(start, end + 1)):
                continue
            if any("\n" in doc[i].text for i in range(start, end)):
                continue
            found.append((start, end))
    return found


def _edit_features(doc: Doc, tag: str, start: int, end: int, root: Token, rule: str) -> list[str]:
    """Features of the words ``start``..``end`` added to or removed from one side."""
    tokens = doc[start : end + 1]
    inside = set(range(start, end + 1))
    tops = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    top = tops[0] if tops else tokens[0]
    dep = top.dep_
    first = tokens[0]
    size = _bucket(len(tokens))
    comma = first.text == "," or (start > 0 and doc[start - 1].text == ",")
    verbs = [t.lemma_.lower() for t in tokens if t.pos_ in _VERBISH]
    features = [
        tag,
        f"{tag}|dep={dep}",
        f"{tag}|len={size}",
        f"{tag}|first={first.lower_}",
        f"{tag}|firstpos={first.pos_}",
        f"{tag}|dep_first={dep}|{first.lower_}",
        f"{tag}|rule_dep={rule}|{dep}",
        f"{tag}|ntops={min(len(tops), 3)}",
        f"{tag}|topheadisroot={top.head.i == root.i}",
        f"{tag}|comma={comma}",
        f"{tag}|dep_comma={dep}|{comma}",
        f"{tag}|verb={bool(verbs)}",
        f"{tag}|dep_verb={dep}|{bool(verbs)}",
        f"{tag}|dep_len={dep}|{size}",
        f"{tag}|last={tokens[-1].lower_}",
        f"{tag}|lastpos={tokens[-1].pos_}",
    ]
    features += sorted(f"{tag}|ent={e}" for e in {t.ent_type_ for t in tokens if t.ent_type_})
    if any(t.lower_ in _RELATIVE_WORDS for t in tokens):
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
    doc = cand.head.doc
    start, end = span
    rule = cand.rule
    is_current = (start, end) == current
    grows = (end - start) > (current[1] - current[0])
    change = _bucket(abs((end - start) - (current[1] - current[0])))
    features = [
        f"rule={rule}",
        f"rootpos={root.pos_}",
        f"rootdep={root.dep_}",
        f"rootent={root.ent_type_ or '-'}",
        f"cur={is_current}",
        f"rule_cur={rule}|{is_current}",
        f"len={_bucket(end - start + 1)}",
        f"lendelta={change}|{'+' if grows else '-'}",
    ]
    right_edit: list[str] = []
    if end > current[1]:
        right_edit = _edit_features(doc, "addR", current[1] + 1, end, root, rule)
    elif end < current[1]:
        right_edit = _edit_features(doc, "delR", end + 1, current[1], root, rule)
    features += right_edit
    if start < current[0]:
        features += _edit_features(doc, "addL", start, current[0] - 1, root, rule)
    elif start > current[0]:
        features += _edit_features(doc, "delL", current[0], start - 1, root, rule)
    features += [
        f"first={doc[start].lower_}",
        f"firstpos={doc[start].pos_}",
        f"last={doc[end].lower_}",
        f"lastpos={doc[end].pos_}",
        f"lastdep={doc[end].dep_}",
        f"rootpos_last={root.pos_}|{doc[end].pos_}",
        f"whole_subtree={start == root.left_edge.i and end == root.right_edge.i}",
        f"ends_at_root={end == root.i}",
        f"starts_at_root={start == root.i}",
    ]
    cue_start = min(cand.cue)
    after = end + 1
    while after < len(doc) and doc[after].is_punct and after not in cand.cue:
        after += 1
    next_is_cue = after == cue_start
    features += [f"next_is_cue={next_is_cue}", f"rule_next_is_cue={rule}|{next_is_cue}"]
    if end + 1 < len(doc):
        following = doc[end + 1]
        shown = following.lower_ if following.is_punct else following.pos_
        features += [
            f"next={following.lower_}",
            f"next_pos={following.pos_}",
            f"next_dep={following.dep_}",
            f"next_in_content={(end + 1) in cand.content}",
            f"lastpos_next={doc[end].pos_}|{shown}",
        ]
    if start > 0:
        previous = doc[start - 1]
        features += [
            f"prev={previous.lower_}",
            f"prev_pos={previous.pos_}",
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
    while sentence_end < sentence[1] and doc[sentence_end].is_punct:
        sentence_end += 1
    runs_out = sentence_end >= sentence[1]
    commas = sum(1 for i in range(start, end + 1) if doc[i].text == ",")
    verbs = sum(1 for i in range(start, end + 1) if doc[i].pos_ in _VERBISH)
    features += [
        f"to_sent_end={runs_out}|{side}",
        f"commas={min(commas, 3)}",
        f"verbs={min(verbs, 2)}",
    ]
    return features
