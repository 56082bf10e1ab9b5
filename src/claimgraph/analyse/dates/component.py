"""The dates component: find time expressions and resolve them (``doc._.cg_dates``).

Matching is ``date_grammar`` (regular expressions), resolution is ``date_resolution``;
this module adds what needs the parse: the tense of the clause an expression sits in
(a weekday in a past-tense report is the latest such day, in a future one the next),
and the previously mentioned date that "that same day" points back to.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.analyse.dates.grammar import Expression, find_expressions
from claimgraph.analyse.dates.resolution import (
    Context,
    Tense,
    fine_enough,
    parse_published,
    resolve,
    start_of_value,
)
from claimgraph.analyse.extensions import doc_text
from claimgraph.model import DateRef, Span

# Verbs whose infinitive complement is about the future ("is set to meet Tuesday").
_FUTURE_GOVERNORS = frozenset(
    {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "go", "prepare"}
)
_SCHEDULING = frozenset({"schedule", "set", "plan", "slate", "postpone", "reschedule"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "wo"})
_ANAPHORIC = frozenset({"same", "same_last_year", "shift"})


def governing_verb(token: Token) -> Token:
    """The nearest verb at or above ``token`` (the sentence root if none)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return current


def clause_tense(verb: Token) -> Tense:
    """Past, present or future, from the verb's tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX or a.lemma_ in _FUTURE_AUX for a in auxes):
        return Tense.FUTURE
    if verb.lower_ in _FUTURE_AUX:
        return Tense.FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_GOVERNORS:
        return Tense.FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return Tense.PAST
    if verb.lemma_ in _SCHEDULING and any(a.dep_ == "auxpass" for a in auxes):
        return Tense.FUTURE  # "a hearing has been scheduled for June 3"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return Tense.PAST  # "plans announced in January", "has said"
    return Tense.PRESENT


def _reporting_verb_before(doc: Doc, start: int) -> Token | None:
    """ "said Saturday", "told reporters Thursday": the date dates the verb before it,
    whatever the parser attached it to (often the reported clause's verb)."""
    if start == 0:
        return None
    prev: Token = doc[start - 1]
    if prev.pos_ == "VERB":
        return prev
    if prev.dep_ in ("dobj", "dative") and prev.head.pos_ == "VERB" and prev.head.i < prev.i:
        head: Token = prev.head
        return head
    return None


def expression_tense(doc: Doc, expr: Expression) -> Tense:
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Tense.PAST
    verb = _reporting_verb_before(doc, span.start) or governing_verb(span.root)
    return clause_tense(verb)


# Modals that put an "in 15 years" ahead of the writing as "will" does ("could rise 11
# feet in 80 years", "must repay within two weeks"); not "can": "can be charged in
# three hours" says how long, not when.
_FORWARD_MODALS = frozenset({"could", "may", "might", "must", "should"})


def _modal(doc: Doc, expr: Expression) -> bool:
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = governing_verb(span.root)
    return any(c.dep_ == "aux" and c.lower_ in _FORWARD_MODALS for c in verb.children)


def _unit(expr: Expression) -> str:
    return expr.fields.get("unit", "day").lower()


def _previous(expr: Expression, earlier: list[DateRef]) -> DateRef | None:
    """The latest earlier resolved date fine enough for an anaphoric expression."""
    for ref in reversed(earlier):
        if ref.resolved and ref.value and fine_enough(ref.granularity, _unit(expr)):
            return ref
    return None


def date_refs(doc: Doc, published: str | None) -> tuple[DateRef, ...]:
    """Every time expression in the doc, resolved where possible, in text order."""
    pub = parse_published(published)
    refs: list[DateRef] = []
    for expr in find_expressions(doc_text(doc)):
        tense = expression_tense(doc, expr)
        if expr.kind == "ahead" and tense is not Tense.FUTURE and not _modal(doc, expr):
            continue  # "his first win in 15 years": a span looked back over, not a date
        previous = _previous(expr, refs) if expr.kind in _ANAPHORIC else None
        ctx = Context(
            published=pub,
            tense=tense,
            previous_start=previous.span.start if previous else None,
            previous=start_of_value(previous.value) if previous and previous.value else None,
            previous_granularity=previous.granularity if previous else None,
            previous_value=previous.value if previous else None,
        )
        r = resolve(expr, ctx)
        refs.append(
            DateRef(
                span=Span.of(doc_text(doc), expr.start, expr.end),
                value=r.value,
                granularity=r.granularity,
                anchor=r.anchor,
                resolved=r.resolved,
            )
        )
    return tuple(refs)


class DateComponent:
    """Writes ``doc._.cg_dates``: a tuple of ``DateRef`` in text order."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.cg_dates = date_refs(doc, doc._.cg_published)
        return doc
