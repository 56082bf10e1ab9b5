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

from collections.abc import Set

from spacy.tokens import Token

# How far from the head a cue word lies in PolNeAR train: nearly every cue fits in three
# words to the left (auxiliaries, negation, an adverb) and five to the right (particle,
# object pronoun, "to", preposition, "in a statement").
LEFT = 3
RIGHT = 5


class CueWindow:
    """The words around a head that its spans' features read, each read from spaCy
    once: ``Token`` attributes are slow properties that build a new Python object per
    read, and ranking a head's spans reads the same few words for every end. By
    default the window holds every word a candidate span's features look at (the
    spans' words and the one just outside each end); ``around`` names further words
    to read (the one-end functions pass the word just outside their end)."""

    def __init__(self, head: Token, around: tuple[int, ...] = ()) -> None:
        doc = head.doc
        self.head = head
        self.i = head.i
        self.size = len(doc)
        self.lemma = head.lemma_.lower()
        lo = min((head.i - LEFT - 1, *around))
        hi = max((head.i + RIGHT + 1, *around))
        self.tokens: dict[int, Token] = {}
        self.lower: dict[int, str] = {}
        self.pos: dict[int, str] = {}
        self.punct: dict[int, bool] = {}
        for token in doc[max(lo, 0) : min(hi, self.size - 1) + 1]:
            i = token.i
            self.tokens[i] = token
            self.lower[i] = token.lower_
            self.pos[i] = token.pos_
            self.punct[i] = token.is_punct
        self._head_head = head.head.i
        self._relations: dict[int, str] = {}

    def relation(self, i: int) -> str:
        """How word ``i`` hangs from the head (its child, its parent, a grandchild, or
        other), worked out once, with the head's own head read once for all words."""
        relation = self._relations.get(i)
        if relation is None:
            token = self.tokens[i]
            parent = token.head
            if parent.i == self.i:
                relation = f"child:{token.dep_}"
            elif self._head_head == i:
                relation = f"parent:{self.head.dep_}"
            elif parent.head.i == self.i:
                relation = f"grandchild:{parent.dep_}:{token.dep_}"
            else:
                relation = "other"
            self._relations[i] = relation
        return relation

    def candidate_spans(self, sentence: tuple[int, int], source: set[int]) -> list[tuple[int, int]]:
        """``candidate_spans`` of the head."""
        h, punct = self.i, self.punct
        lefts = [h]
        for start in range(h - 1, max(h - LEFT, sentence[0]) - 1, -1):
            if start in source or punct[start]:
                break
            lefts.append(start)
        rights = [h]
        for end in range(h + 1, min(h + RIGHT, sentence[1] - 1) + 1):
            if end in source or punct[end]:
                break
            rights.append(end)
        return [(start, end) for start in lefts for end in rights]

    def window_words(self) -> list[int]:
        """The words around the head that a span either holds or leaves out."""
        h = self.i
        return [i for i in range(max(h - LEFT, 0), min(h + RIGHT + 1, self.size)) if i != h]

    def word_feature_pair(self, i: int) -> tuple[list[str], list[str]]:
        """``word_feature_pair`` of word ``i``."""
        return _feature_pair(self.relation(i), self.lower[i], i - self.i, self.lemma)

    def left_features(self, start: int, rule: str) -> list[str]:
        """``left_features`` of a span starting at ``start``."""
        left = range(start, self.i)
        lemma = self.lemma
        left_pos = "_".join([self.pos[i] for i in left]) or "-"
        features = [
            f"lp={left_pos}",
            f"lw={'_'.join([self.lower[i] for i in left]) or '-'}",
            f"hl_lp={lemma}|{left_pos}",
            f"rule_lp={rule}|{left_pos}",
        ]
        if len(left):
            relation = self.relation(start)
            features += [
                f"lfirst_rel={relation}",
                f"lfirst={self.lower[start]}",
                f"lfirst_rel_low={relation}|{self.lower[start]}",
            ]
        if start > 0:
            before = start - 1
            features += [
                f"prev={self.lower[before]}",
                f"prev_pos={self.pos[before]}",
                f"prev_rel={self.relation(before)}|{left_pos}",
            ]
        return features

    def right_features(self, end: int, content: Set[int], rule: str) -> list[str]:
        """``right_features`` of a span ending at ``end``."""
        right = range(self.i + 1, min(end + 1, self.size))
        lemma = self.lemma
        right_pos = "_".join([self.pos[i] for i in right]) or "-"
        right_words = "_".join([self.lower[i] for i in right]) or "-"
        features = [
            f"rp={right_pos}",
            f"rw={right_words}",
            f"hl_rw={lemma}|{right_words}",
            f"hl_rp={lemma}|{right_pos}",
            f"rule_rp={rule}|{right_pos}",
        ]
        if len(right):
            last = right[-1]
            relation = self.relation(last)
            features += [
                f"rlast_rel={relation}",
                f"rlast={self.lower[last]}",
                f"rlast_rel_low={relation}|{self.lower[last]}",
                f"hl_rlast={lemma}|{self.lower[last]}",
                f"r_in_content={any(i in content for i in right)}",
            ]
        if end + 1 < self.size:
            after = end + 1
            relation = self.relation(after)
            features += [
                f"next={self.lower[after]}",
                f"next_pos={self.pos[after]}",
                f"next_rel={relation}",
                f"next_content={after in content}",
                f"rp_next={right_pos}|{self.pos[after]}",
                f"next_rel_rp={relation}|{right_pos}",
            ]
        return features


def candidate_spans(
    head: Token, sentence: tuple[int, int], source: set[int]
) -> list[tuple[int, int]]:
    """Inclusive token ranges through the head, within the window and the sentence
    (``sentence`` is its token range), crossing neither punctuation nor the source;
    the head alone comes first."""
    return CueWindow(head).candidate_spans(sentence, source)


def _feature_pair(
    relation: str, lower: str, offset: int, head_lemma: str
) -> tuple[list[str], list[str]]:
    # each string built in one go: this runs for every window word of every cue
    return [
        f"in|rel_low={relation}|{lower}",
        f"in|off_low={offset}|{lower}",
        f"in|rel={relation}",
        f"in|hl_low={head_lemma}|{lower}",
    ], [
        f"out|rel_low={relation}|{lower}",
        f"out|off_low={offset}|{lower}",
        f"out|rel={relation}",
        f"out|hl_low={head_lemma}|{lower}",
    ]


def span_features(head: Token, start: int, end: int, content: Set[int], rule: str) -> list[str]:
    """Features of the tokens ``start``..``end`` (inclusive) as the cue headed by
    ``head``: its shape and every window word as in or out."""
    window = CueWindow(head)
    features = shape_features(head, start, end, content, rule)
    for i in window.window_words():
        held, left_out = window.word_feature_pair(i)
        features += held if start <= i <= end else left_out
    return features


def shape_features(head: Token, start: int, end: int, content: Set[int], rule: str) -> list[str]:
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
    return CueWindow(head, (start - 1,)).left_features(start, rule)


def right_features(head: Token, end: int, content: Set[int], rule: str) -> list[str]:
    """Shape features of a span's right end (head..``end``)."""
    return CueWindow(head, (end + 1,)).right_features(end, content, rule)
