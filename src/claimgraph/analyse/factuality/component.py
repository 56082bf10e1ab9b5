"""The factuality component: polarity, certainty and stance of each attribution.

Runs last. For an attribution the cue decides the stance and a first certainty ("said"
asserts, "expects" is probable, "denied" denies); negation in the cue's own clause turns
a denial or a "say" into a refusal to confirm ("did not explicitly deny" is not a denial)
and a belief into a belief in the opposite ("does not believe"); modal verbs, hedges and
negation on the content's top-level predicates lower certainty or flip polarity.
Everything looks at the cue's and the content heads' children only, so it is O(tokens).

Conventions: ``polarity`` is whether the content holds as the source presents it (a
denial is NEGATED); a refusal is AFFIRMED/POSSIBLE (no commitment either way).

``doc._.cg_factuality`` (the outlet's own unattributed claims, as a whole): the most
frequent factuality over sentences that hold no attribution, ties going to the less
certain; None when every sentence is attributed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from claimgraph.analyse.dates.attachment import date_for_span
from claimgraph.analyse.extensions import doc_text
from claimgraph.analyse.factuality.lexicon import (
    CUES,
    DISMISSIVE_CONTENT,
    EVIDENTIALS,
    HEDGES,
    LIGHT_VERBS,
    MODALS,
    NEG_RAISING,
    NEGATIVE_BELIEF,
    NEGATIVE_HEDGES,
    NEGATORS,
    PASSIVE_CUES,
    REFUSALS,
    UNSETTLED,
    CueEntry,
)
from claimgraph.model import Attribution, Certainty, Factuality, Polarity, Span, Stance

_RANK = {Certainty.CERTAIN: 2, Certainty.PROBABLE: 1, Certainty.POSSIBLE: 0}
_REFUSAL = Factuality(
    polarity=Polarity.AFFIRMED, certainty=Certainty.POSSIBLE, stance=Stance.REFUSES_TO_CONFIRM
)


def weaker(a: Certainty, b: Certainty) -> Certainty:
    return a if _RANK[a] <= _RANK[b] else b


def _flip(p: Polarity) -> Polarity:
    return Polarity.NEGATED if p is Polarity.AFFIRMED else Polarity.AFFIRMED


def tokens_of(doc: Doc, spans: Iterable[Span]) -> list[Token]:
    out: list[Token] = []
    for s in spans:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:
            out.extend(span)
    return out


def is_negated(token: Token) -> bool:
    """Negation in the token's own clause: "not", "never", "neither ... nor"."""
    return any(c.dep_ in ("neg", "preconj") and c.lower_ in NEGATORS for c in token.children)


def _has_no_argument(token: Token) -> bool:
    """A negative quantifier on an argument: "there is no evidence", "nobody saw"."""
    for c in token.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
            c.lower_ in NEGATORS or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        ):
            return True
    return False


def _is_passive(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children)


# ----------------------------------------------------------------------------- cue


def cue_root(doc: Doc, cue: Span) -> Token | None:
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root: Token = span.root
    candidates: list[Token] = [root, *span]  # the root first, then any known cue word
    for token in candidates:
        if token.lemma_.lower() in CUES or token.lower_ in CUES:
            return token
    return root


def _entry(token: Token) -> CueEntry | None:
    lemma = token.lemma_.lower()
    if _is_passive(token) and lemma in PASSIVE_CUES:
        return PASSIVE_CUES[lemma]
    return CUES.get(lemma) or CUES.get(token.lower_)


def _refused(token: Token) -> bool:
    """A refusal: "declined to confirm", "refrained from commenting", "had no comment"."""
    if token.lemma_ in REFUSALS and token.lemma_ != "fail":
        return True
    if any(_is_refusal_governor(g) for g in _governors(token)):
        return True
    if token.pos_ == "NOUN" and any(c.lower_ == "no" for c in token.children):
        return True
    return any(c.lower_ in ("neither", "nor") for c in token.children)


def _governors(token: Token, steps: int = 3) -> list[Token]:
    """Up to ``steps`` heads above the cue through complements and prepositions:
    "declined [to] confirm", "stopped short of confirming"."""
    out: list[Token] = []
    current = token
    for _ in range(steps):
        if current.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "advmod", "ccomp"):
            break
        current = current.head
        out.append(current)
    return out


def _is_refusal_governor(token: Token) -> bool:
    if token.lemma_ in REFUSALS and token.lemma_ != "fail":
        return True
    return token.lemma_ == "short" and token.head.lemma_ == "stop"  # "stopped short of"


def cue_factuality(token: Token) -> tuple[Factuality, bool]:
    """The cue's own factuality, and whether a negated belief pushes "not" into content."""
    if _refused(token):
        return _REFUSAL, False
    stance, certainty = _entry(token) or (Stance.ASSERTS, Certainty.CERTAIN)
    lemma = token.lemma_.lower()
    negated = is_negated(token) or (token.head.lemma_ in REFUSALS and token.dep_ == "xcomp")
    if negated and lemma not in NEG_RAISING:
        return _REFUSAL, False  # "did not deny", "did not confirm", "would not say"
    polarity = Polarity.NEGATED if stance is Stance.DENIES else Polarity.AFFIRMED
    if lemma in NEGATIVE_BELIEF:
        polarity = _flip(polarity)
    if negated:
        polarity = _flip(polarity)
    return Factuality(polarity=polarity, certainty=certainty, stance=stance), negated


# ------------------------------------------------------------------------- content


def content_heads(tokens: Sequence[Token]) -> list[Token]:
    """Top-level tokens of the content: those whose head lies outside it."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i]


def _not_known(head: Token) -> bool:
    """ "It is not clear whether", "it is not known if": open, not denied."""
    if not is_negated(head):
        return False
    if head.lemma_ in UNSETTLED:
        return True
    return any(c.dep_ == "acomp" and c.lemma_ in UNSETTLED for c in head.children)


def _head_certainty(head: Token) -> tuple[Certainty, bool]:
    if _not_known(head):
        return Certainty.POSSIBLE, False
    certainty, negated = Certainty.CERTAIN, is_negated(head) or _has_no_argument(head)
    for word in (head, *head.children):
        if word is not head and word.dep_ not in ("aux", "advmod", "acomp", "neg"):
            continue
        lower = word.lower_
        if word is not head and lower in MODALS:
            certainty = weaker(certainty, MODALS[lower])
        if lower in HEDGES:
            certainty = weaker(certainty, HEDGES[lower])
            negated ^= lower in NEGATIVE_HEDGES
    return certainty, negated


def content_factuality(tokens: Sequence[Token]) -> tuple[Certainty, bool]:
    """Certainty and negation on the content's main predicates (first verbal head)."""
    heads = content_heads(tokens)
    verbal = [h for h in heads if h.pos_ in ("VERB", "AUX", "ADJ")] or heads[:1]
    if not verbal:
        return Certainty.CERTAIN, False
    head = verbal[0]
    # "is likely to send", "could be deployed": the hedge may sit one level up or down.
    for child in head.children:
        if child.dep_ == "xcomp" and head.lemma_ in HEDGES:
            certainty, negated = _head_certainty(child)
            own, own_neg = _head_certainty(head)
            return weaker(certainty, own), negated ^ own_neg
    return _head_certainty(head)


def combine(cue: Factuality, content: tuple[Certainty, bool]) -> Factuality:
    if cue.stance is Stance.REFUSES_TO_CONFIRM:
        return cue
    certainty, negated = content
    polarity = _flip(cue.polarity) if negated else cue.polarity
    return Factuality(
        polarity=polarity, certainty=weaker(cue.certainty, certainty), stance=cue.stance
    )


def assess(doc: Doc, cue: Span | None, content: Sequence[Span]) -> Factuality:
    """Factuality of ``content`` as presented by the cue's source (the outlet if None)."""
    tokens = tokens_of(doc, content)
    root = cue_root(doc, cue) if cue is not None else None
    if root is None:
        return own_claim(tokens)
    base, _ = cue_factuality(light_verb_noun(root, tokens) or root)
    found = combine(base, content_factuality(tokens))
    if found.stance in (Stance.ASSERTS, Stance.REPORTS) and _dismissive(content):
        return Factuality(
            polarity=Polarity.NEGATED, certainty=found.certainty, stance=Stance.DENIES
        )
    return found


def _dismissive(content: Sequence[Span]) -> bool:
    """Content that calls the matter a fabrication ("work of the media propaganda")."""
    return any(DISMISSIVE_CONTENT.search(span.text) for span in content)


def light_verb_noun(cue: Token, content: Sequence[Token]) -> Token | None:
    """ "expressed concern over X", "voiced doubt that": the noun carries the stance."""
    if cue.lemma_ not in LIGHT_VERBS:
        return None
    for head in content_heads(content)[:1]:
        if head.pos_ == "NOUN" and head.lemma_ in CUES:
            return head
    for child in cue.children:
        if child.dep_ == "dobj" and child.lemma_ in CUES:
            found: Token = child
            return found
    return None


def own_claim(tokens: Sequence[Token]) -> Factuality:
    """The outlet's own claim: asserted, unless an evidential or passive cue relays it."""
    heads = content_heads(tokens)
    head = next((h for h in heads if h.pos_ in ("VERB", "AUX", "ADJ")), None)
    if head is None:
        return Factuality()
    stance = Stance.ASSERTS
    for child in head.children:
        if child.dep_ == "advmod" and child.lower_ in EVIDENTIALS:
            stance = EVIDENTIALS[child.lower_]
    if _is_passive(head) and head.lemma_ in PASSIVE_CUES:
        stance, certainty = PASSIVE_CUES[head.lemma_]
        complement = [c for c in head.children if c.dep_ == "xcomp"]
        inner, negated = _head_certainty(complement[0]) if complement else (certainty, False)
        polarity = Polarity.NEGATED if negated else Polarity.AFFIRMED
        return Factuality(polarity=polarity, certainty=weaker(certainty, inner), stance=stance)
    return combine(Factuality(stance=stance), content_factuality(tokens))


# ----------------------------------------------------------------------- component


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in doc.sents]


def with_factuality(doc: Doc, a: Attribution, sentences: list[tuple[int, int]]) -> Attribution:
    """A copy of ``a`` with its factuality and (if unset) the date of its cue set."""
    update: dict[str, object] = {"factuality": assess(doc, a.cue, a.content)}
    if a.date is None and a.cue is not None:
        update["date"] = date_for_span(
            (a.cue.start, a.cue.end), doc._.cg_dates, sentences, exclude=a.content
        )
    return a.model_copy(update=update)


def _coverage(length: int, attributions: Sequence[Attribution]) -> list[int]:
    """Prefix counts of characters inside any attribution span: O(text + spans)."""
    delta = [0] * (length + 1)
    for a in attributions:
        for s in (*a.content, *((a.cue,) if a.cue else ())):
            delta[min(s.start, length)] += 1
            delta[min(s.end, length)] -= 1
    covered, depth, total = [0], 0, 0
    for i in range(length):
        depth += delta[i]
        total += depth > 0
        covered.append(total)
    return covered


def outlet_factuality(doc: Doc, attributions: Sequence[Attribution]) -> Factuality | None:
    counts: Counter[Factuality] = Counter()
    covered = _coverage(len(doc_text(doc)), attributions)
    for sentence in doc.sents:
        if covered[sentence.end_char] > covered[sentence.start_char]:
            continue  # the sentence reports someone: not the outlet's own claim
        if any(t.is_alpha for t in sentence):
            counts[own_claim(list(sentence))] += 1
    if not counts:
        return None
    return max(counts, key=lambda f: (counts[f], -_RANK[f.certainty]))


class FactualityComponent:
    """Sets each attribution's ``factuality`` and ``date``, and ``doc._.cg_factuality``."""

    def __call__(self, doc: Doc) -> Doc:
        sentences = sentence_bounds(doc)
        attributions = tuple(with_factuality(doc, a, sentences) for a in doc._.cg_attributions)
        doc._.cg_attributions = attributions
        doc._.cg_factuality = outlet_factuality(doc, attributions)
        return doc
