"""Which words around a cue's head belong to the cue, learned from PolNeAR.

Annotators' cues run from the verb over what frames it ("was quick to embrace",
"distanced himself from", "happily retweeted", "went on to say") but stop before the
source and the content. The rules give the verb group; this model decides, word by word
in a small window, whether a word joins the cue, and the cue is the unbroken run of
joined words through the head. Features are strings, weights ship with the cue scorer.
"""

from __future__ import annotations

from spacy.tokens import Token

# How far from the head a cue word lies in PolNeAR train: nearly every cue fits in three
# words to the left (auxiliaries, negation, an adverb) and five to the right (particle,
# object pronoun, "to", preposition).
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


def extent_features(token: Token, head: Token, in_content: bool, rule: str) -> list[str]:
    """Features of ``token`` as a possible part of the cue headed by ``head``."""
    offset = token.i - head.i
    relation = _relation(token, head)
    lower = token.lower_
    return [
        f"off={offset}",
        f"lower={lower}",
        f"off_lower={offset}|{lower}",
        f"pos={token.pos_}",
        f"off_pos={offset}|{token.pos_}",
        f"dep={token.dep_}",
        f"rel={relation}",
        f"rel_lower={relation}|{lower}",
        f"side_rel={'L' if offset < 0 else 'R'}|{relation}",
        f"content={in_content}",
        f"content_rel={in_content}|{relation}",
        f"rule={rule}",
        f"rule_rel={rule}|{relation}",
        f"headlemma_lower={head.lemma_.lower()}|{lower}",
        f"headpos_rel={head.pos_}|{relation}",
    ]


def window(head: Token, sentence: tuple[int, int]) -> list[Token]:
    """The words that may join the cue: same sentence (``sentence`` is its token
    range), within the window."""
    start = max(head.i - LEFT, sentence[0])
    end = min(head.i + RIGHT + 1, sentence[1])
    return [head.doc[i] for i in range(start, end) if i != head.i]
