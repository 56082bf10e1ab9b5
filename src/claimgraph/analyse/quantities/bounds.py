"""Words around a figure that bound it ("more than", "around"), or say it changed ("rose by").

Bound phrases are read leftwards from the figure, repeatedly, so stacked hedges combine:
"as high as almost 200,000" reads "almost" (~) then "as high as" (<=) and gives ``<~``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimgraph.model import Bound

# Read right to left: the phrase must end just before the figure (or the previous phrase).
BEFORE: dict[tuple[str, ...], Bound] = {
    ("about",): Bound.APPROX, ("around",): Bound.APPROX, ("some",): Bound.APPROX,
    ("nearly",): Bound.APPROX, ("almost",): Bound.APPROX, ("roughly",): Bound.APPROX,
    ("approximately",): Bound.APPROX, ("approx.",): Bound.APPROX, ("circa",): Bound.APPROX,
    ("close", "to"): Bound.APPROX, ("an", "estimated"): Bound.APPROX,
    ("estimated",): Bound.APPROX, ("just", "about"): Bound.APPROX,
    ("over",): Bound.GT, ("more", "than"): Bound.GT, ("greater", "than"): Bound.GT,
    ("higher", "than"): Bound.GT, ("above",): Bound.GT, ("in", "excess", "of"): Bound.GT,
    ("upwards", "of"): Bound.GT, ("north", "of"): Bound.GT, ("exceeding",): Bound.GT,
    ("at", "least"): Bound.GE, ("no", "fewer", "than"): Bound.GE,
    ("no", "less", "than"): Bound.GE, ("not", "less", "than"): Bound.GE,
    ("a", "minimum", "of"): Bound.GE,
    ("under",): Bound.LT, ("less", "than"): Bound.LT, ("fewer", "than"): Bound.LT,
    ("below",): Bound.LT, ("shy", "of"): Bound.LT,
    ("up", "to"): Bound.LE, ("as", "many", "as"): Bound.LE, ("as", "high", "as"): Bound.LE,
    ("as", "much", "as"): Bound.LE, ("at", "most"): Bound.LE, ("no", "more", "than"): Bound.LE,
    ("not", "more", "than"): Bound.LE, ("a", "maximum", "of"): Bound.LE,
}  # fmt: skip
# Intensifiers that sit before a bound word without changing it ("just over", "well over").
INTENSIFIERS = frozenset({"just", "well", "slightly", "only", "far", "much"})
AFTER: dict[tuple[str, ...], Bound] = {
    ("or", "more"): Bound.GE, ("or", "so"): Bound.APPROX, ("-", "plus"): Bound.GE,
    ("plus",): Bound.GE, ("or", "fewer"): Bound.LE, ("or", "less"): Bound.LE,
    ("-", "odd"): Bound.APPROX, ("odd",): Bound.APPROX,
}  # fmt: skip
_MAX_PHRASE = 3

UP_WORDS = frozenset(
    {"rise", "climb", "increase", "grow", "jump", "surge", "soar", "gain", "up", "raise",
     "swell", "spike", "rocket", "double", "boost", "expand", "add", "widen", "hike",
     "advance", "rally", "rebound", "recover", "upward", "upwards"}
)  # fmt: skip
DOWN_WORDS = frozenset(
    {"fall", "drop", "decline", "decrease", "shrink", "plunge", "slump", "sink", "down",
     "cut", "lose", "slide", "tumble", "dip", "ease", "slash", "reduce", "narrow", "lower",
     "slip", "plummet", "retreat", "shed", "sag", "crash", "downward", "downwards"}
)  # fmt: skip


def _combine(bounds: list[Bound]) -> Bound:
    """Stacked hedges: an approximation inside an upper (lower) limit is ``<~`` (``>~``)."""
    if not bounds:
        return Bound.EQ
    approx = Bound.APPROX in bounds
    for bound in bounds:
        if bound in (Bound.LT, Bound.LE) and approx:
            return Bound.LE_APPROX
        if bound in (Bound.GT, Bound.GE) and approx:
            return Bound.GE_APPROX
    return bounds[-1]  # the outermost phrase, e.g. "at least" in "at least some"


def bound_before(words: Sequence[str], start: int, floor: int) -> tuple[Bound, int, list[str]]:
    """Bound phrases ending at ``start`` -> (bound, new start, phrases read), never < floor."""
    found: list[Bound] = []
    phrases: list[str] = []
    pos = start
    while True:
        hit = _phrase_ending_at(words, pos, floor)
        if hit is None:
            break
        length, bound = hit
        found.append(bound)
        phrases.append(" ".join(words[pos - length : pos]))
        pos -= length
        if pos > floor and words[pos - 1] in INTENSIFIERS:
            pos -= 1
    return _combine(found), pos, phrases


def _phrase_ending_at(words: Sequence[str], pos: int, floor: int) -> tuple[int, Bound] | None:
    for length in range(_MAX_PHRASE, 0, -1):
        if pos - length < floor:
            continue
        bound = BEFORE.get(tuple(words[pos - length : pos]))
        if bound is not None:
            return length, bound
    return None


def bound_after(words: Sequence[str], end: int) -> tuple[Bound, int] | None:
    """A trailing bound ("500 or more", "40-odd") -> (bound, tokens consumed)."""
    for length in range(2, 0, -1):
        bound = AFTER.get(tuple(words[end : end + length]))
        if bound is not None:
            return bound, length
    return None


def merge_bounds(before: Bound, after: Bound | None) -> Bound:
    if after is None:
        return before
    if before is Bound.EQ:
        return after
    return _combine([after, before])


# Verbs whose particle "up" or "down" says nothing moved: "gave up", "racked up".
_NOT_MOVING = frozenset(
    {"give", "rack", "pick", "set", "sign", "take", "end", "make", "shut", "turn", "break",
     "line", "wind", "use", "sum", "add", "write", "back", "open", "close", "hold"}
)  # fmt: skip


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her"})
_MODIFYING = frozenset({"compound", "nummod", "amod", "quantmod", "nmod"})


def direction_of(tokens: Doc, start: int, end: int | None = None) -> str | None:
    """up | down when the figure is the size or result of a change ("rose by 5%", "up 5%").

    With ``end``, a figure inside a noun phrase ("a 3% drop", "added a 30 degree homer")
    takes its direction from the noun it modifies, never from the verb before it.
    """
    noun = _modified_noun(tokens, start, end) if end is not None else None
    if noun is not None:
        return _direction_word(noun)
    if start > 0 and tokens[start - 1].lower_ in ("by", "to"):
        # "grow sales by 35 per cent", "Burlington by 2.6%"; "plunged 4.28 percent to
        # Y=28,030": the level a change ends at, however far its verb
        prep = tokens[start - 1]
        moved = _direction_word(prep.head)
        if moved is not None and prep.head.i < prep.i:
            return moved
    for back in range(1, 4):
        if start - back < 0:
            break
        word = tokens[start - back]
        lemma = word.lemma_.lower()
        if word.dep_ == "prt" and word.head.lemma_.lower() in _NOT_MOVING:
            return None  # "gave up 517 yards", "racked up 30 points": a total, no change
        if lemma == "double" and word.pos_ != "VERB":
            return None  # "well over double the 120 decibels": a comparison, no change
        if lemma == "raise" and _raised_amount(tokens, start, word):
            return None  # "has raised 280 million shekels": money collected, not a rise
        if lemma in UP_WORDS and not _is_up_to(tokens, start - back):
            return "up"
        if lemma in DOWN_WORDS:
            return "down"
        if word.is_punct or word.pos_ in ("NOUN", "PROPN", "PRON"):
            break
    return None


def _modified_noun(tokens: Doc, start: int, end: int) -> Token | None:
    """The noun after a determined figure that it modifies: "a 3% drop" -> drop."""
    before = start - 1
    if before > 0 and tokens[before].pos_ == "ADJ":
        before -= 1  # "a sharp 3 percent drop"
    if before < 0 or tokens[before].lower_ not in _DETERMINERS:
        return None
    for token in tokens[start:end]:
        head = token.head
        if not start <= head.i < end:
            ok = token.dep_ in _MODIFYING and head.i >= end and head.pos_ == "NOUN"
            return head if ok else None
    return None


def _raised_amount(tokens: Doc, start: int, verb: Token) -> bool:
    """The figure is what was raised (its object), not how much something was raised by."""
    return any(
        t.dep_ == "dobj" and t.head.i == verb.i for t in tokens[start : min(start + 4, len(tokens))]
    )


def _direction_word(word: Token) -> str | None:
    lemma = word.lemma_.lower()
    if lemma in UP_WORDS:
        return "up"
    if lemma in DOWN_WORDS:
        return "down"
    return None


def _is_up_to(tokens: Doc, i: int) -> bool:
    return tokens[i].lower_ == "up" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "to"
