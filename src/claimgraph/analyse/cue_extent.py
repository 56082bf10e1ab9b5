"""Which words around a cue's head belong to the cue, learned from PolNeAR.

Annotators' cues run from the verb over what frames it ("was quick to embrace",
"distanced himself from", "said in a statement", "went on to say") but stop before the
source and the content. The model ranks whole spans: every unbroken run of words through
the head within a small window (not crossing punctuation or the source) is scored as
one, and the best scoring run is the cue. Scoring the span rather than each word lets it
weigh a phrase as a phrase: "in a statement" joins "said" only whole. Features are
strings, weights ship with the cue scorer.
"""

from __future__ import annotations

from spacy.tokens import Token

# How far from the head a cue word lies in PolNeAR train: nearly every cue fits in three
# words to the left (auxiliaries, negation, an adverb) and five to the right (particle,
# object pronoun, "to", preposition, "in a statement").
LEFT = 3
RIGHT = 5


def _relation(token: Token, head: Token) -> str:
    if token.head.i == head.i:
        return f"child:{token.dep_}"
    if head.head.i == token.i:
        return f"parent:{head.dep_}"
    if token.head.head.i == head.i:
        return f"grandchild:{token.head.dep_}:{token.dep_}"
    return "other"


def candidate_spans(
    head: Token, sentence: tuple[int, int], source: set[int]
) -> list[tuple[int, int]]:
    """Inclusive token ranges through the head, within the window and the sentence
    (``sentence`` is its token range), crossing neither punctuation nor the source;
    the head alone comes first."""
    doc = head.doc
    lefts = [head.i]
    for start in range(head.i - 1, max(head.i - LEFT, sentence[0]) - 1, -1):
        if start in source or doc[start].is_punct:
            break
        lefts.append(start)
    rights = [head.i]
    for end in range(head.i + 1, min(head.i + RIGHT, sentence[1] - 1) + 1):
        if end in source or doc[end].is_punct:
            break
        rights.append(end)
    return [(start, end) for start in lefts for end in rights]


def window_words(head: Token) -> list[Token]:
    """The words around the head that a span either holds or leaves out."""
    doc = head.doc
    start, end = max(head.i - LEFT, 0), min(head.i + RIGHT + 1, len(doc))
    return [doc[i] for i in range(start, end) if i != head.i]


def word_features(token: Token, head: Token, inside: bool) -> list[str]:
    """Features of one window word as held by the span (``inside``) or left out."""
    held, left_out = word_feature_pair(token, head)
    return held if inside else left_out


def word_feature_pair(token: Token, head: Token) -> tuple[list[str], list[str]]:
    """A window word's features as held by the span and as left out, built together."""
    relation = _relation(token, head)
    lower = token.lower_
    parts = (
        f"rel_low={relation}|{lower}",
        f"off_low={token.i - head.i}|{lower}",
        f"rel={relation}",
        f"hl_low={head.lemma_.lower()}|{lower}",
    )
    return [f"in|{p}" for p in parts], [f"out|{p}" for p in parts]


def span_features(head: Token, start: int, end: int, content: set[int], rule: str) -> list[str]:
    """Features of the tokens ``start``..``end`` (inclusive) as the cue headed by
    ``head``: its shape and every window word as in or out."""
    features = shape_features(head, start, end, content, rule)
    for token in window_words(head):
        features += word_features(token, head, start <= token.i <= end)
    return features


def shape_features(head: Token, start: int, end: int, content: set[int], rule: str) -> list[str]:
    """The span's shape: the words and parts of speech added on each side, how the
    outermost added words hang from the head, and what lies just outside. Apart from
    the length, each feature depends on one end only (so a ranker can score each left
    and each right end once)."""
    return [
        *left_features(head, start, rule),
        *right_features(head, end, content, rule),
        f"len={end - start}",
    ]


def left_features(head: Token, start: int, rule: str) -> list[str]:
    """Shape features of a span's left end (``start``..head)."""
    doc = head.doc
    left = doc[start : head.i]
    lemma = head.lemma_.lower()
    left_pos = "_".join(t.pos_ for t in left) or "-"
    features = [
        f"lp={left_pos}",
        f"lw={'_'.join(t.lower_ for t in left) or '-'}",
        f"hl_lp={lemma}|{left_pos}",
        f"rule_lp={rule}|{left_pos}",
    ]
    if len(left):
        first = left[0]
        relation = _relation(first, head)
        features += [
            f"lfirst_rel={relation}",
            f"lfirst={first.lower_}",
            f"lfirst_rel_low={relation}|{first.lower_}",
        ]
    if start > 0:
        before = doc[start - 1]
        features += [
            f"prev={before.lower_}",
            f"prev_pos={before.pos_}",
            f"prev_rel={_relation(before, head)}|{left_pos}",
        ]
    return features


def right_features(head: Token, end: int, content: set[int], rule: str) -> list[str]:
    """Shape features of a span's right end (head..``end``)."""
    doc = head.doc
    right = doc[head.i + 1 : end + 1]
    lemma = head.lemma_.lower()
    right_pos = "_".join(t.pos_ for t in right) or "-"
    right_words = "_".join(t.lower_ for t in right) or "-"
    features = [
        f"rp={right_pos}",
        f"rw={right_words}",
        f"hl_rw={lemma}|{right_words}",
        f"hl_rp={lemma}|{right_pos}",
        f"rule_rp={rule}|{right_pos}",
    ]
    if len(right):
        last = right[-1]
        relation = _relation(last, head)
        features += [
            f"rlast_rel={relation}",
            f"rlast={last.lower_}",
            f"rlast_rel_low={relation}|{last.lower_}",
            f"hl_rlast={lemma}|{last.lower_}",
            f"r_in_content={any(t.i in content for t in right)}",
        ]
    if end + 1 < len(doc):
        after = doc[end + 1]
        relation = _relation(after, head)
        features += [
            f"next={after.lower_}",
            f"next_pos={after.pos_}",
            f"next_rel={relation}",
            f"next_content={(end + 1) in content}",
            f"rp_next={right_pos}|{after.pos_}",
            f"next_rel_rp={relation}|{right_pos}",
        ]
    return features
