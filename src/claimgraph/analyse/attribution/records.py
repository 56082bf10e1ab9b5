"""From candidates to ``Attribution`` records: character spans, kind, conduits and the
entity behind the source, and the last clean-ups that compare records.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc

from claimgraph.analyse.attribution.candidate import Candidate, Candidates
from claimgraph.analyse.attribution.conduits import find_conduits
from claimgraph.analyse.attribution.layout import Layout, fragments, without_dateline
from claimgraph.analyse.attribution.source_resolution import SourceResolver
from claimgraph.model import Attribution, AttributionKind, Span


def attribution_records(layout: Layout, cands: Candidates) -> list[Attribution]:
    """One record per candidate that has a cue and a content left, with its conduits
    and the entity its source names (resolved in text order: "he" looks back), then
    without the quotes a farther cue borrowed and the words of another's conduit."""
    doc = layout.doc
    resolver = SourceResolver(doc)
    records = []
    for cand in cands:
        record = _record(layout, cand)
        if record is None:
            continue
        conduits = find_conduits(doc, cand) + cand.according
        entity, titles = resolver.resolve(cand)
        update = {"conduits": conduits, "source_entity": entity, "source_titles": titles}
        records.append(record.model_copy(update=update))
    return without_conduit_words(without_borrowed_quotes(records))


def without_conduit_words(records: list[Attribution]) -> list[Attribution]:
    """Content never holds the words that name another attribution's conduit: in "X have
    denied the reports, with Y saying ..., according to The Post", the "according to"
    phrase belongs to Y's attribution, not to X's content."""
    conduit_spans = [c.span for r in records for c in r.conduits]
    cleaned = []
    for record in records:
        content = tuple(
            span
            for span in record.content
            if not any(c.start <= span.end and span.start <= c.end for c in conduit_spans)
            or not span.text.lower().startswith("according to")
        )
        if content != record.content and content:
            record = record.model_copy(update={"content": content})
        cleaned.append(record)
    return cleaned


def _gap(a: Attribution) -> int:
    """Characters between the cue and the nearest end of the content."""
    if a.cue is None or not a.content:
        return 0
    return min(max(a.cue.start - span.end, span.start - a.cue.end, 0) for span in a.content)


def without_borrowed_quotes(records: list[Attribution]) -> list[Attribution]:
    """Words are one attribution's content: when a quote already reported by a nearer cue
    ("The Kremlin dismissed these claims as 'fake news.'") is also taken by a later cue
    ("Savett commented ..."), the farther cue loses it."""
    # plain tuples: comparing the records' pydantic spans is what made this slow
    cues = [(r.cue.start, r.cue.end) if r.cue is not None else None for r in records]
    contents = [[(span.start, span.end) for span in r.content] for r in records]
    gaps = [_gap(r) for r in records]
    outer = [(min(s for s, _ in c), max(e for _, e in c)) if c else (0, -1) for c in contents]
    kept = []
    for i, record in enumerate(records):
        mine = contents[i]
        lo, hi = outer[i]
        borrowed = bool(mine) and any(
            j != i
            and cues[j] != cues[i]
            and gaps[j] < gaps[i]
            and outer[j][0] <= lo
            and hi <= outer[j][1]
            and all(any(s <= a and b <= e for s, e in contents[j]) for a, b in mine)
            for j in range(len(records))
        )
        if not borrowed:
            kept.append(record)
    return kept


def _kind(layout: Layout, content: list[tuple[int, int]]) -> AttributionKind:
    """Direct when the content is all quotation, mixed when it holds some, else indirect."""
    text = layout.text
    quoted = sum(layout.quotes.quoted_chars(start, end) for start, end in content)
    total = sum(end - start for start, end in content)
    if total and quoted >= 0.9 * total:
        return AttributionKind.DIRECT
    if quoted and any(ch in text[s:e] for s, e in content for ch in ("“", "”", '"', "''", "``")):
        return AttributionKind.MIXED
    return AttributionKind.INDIRECT


# Words that open a sentence and join it to the one before; annotators leave them out of
# the content ("But, Carson added, he did not ...").
_OPENING_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "or", "also", "still"})


def without_opening_conjunction(doc: Doc, indices: Set[int]) -> Set[int]:
    """The content without a conjunction (and its comma) that opens it."""
    if not indices:
        return indices
    first = min(indices)
    trimmed = set(indices)
    while first in trimmed and (
        doc[first].lower_ in _OPENING_CONJUNCTIONS
        or (doc[first].is_punct and not doc[first].is_quote)
    ):
        trimmed.discard(first)
        first += 1
    return trimmed if trimmed else indices


def _record(layout: Layout, cand: Candidate) -> Attribution | None:
    doc = layout.doc
    text = layout.text
    content = fragments(
        doc,
        without_opening_conjunction(
            doc, without_dateline(layout, cand.content - set(cand.cue) - set(cand.source))
        ),
    )
    cue = fragments(doc, cand.cue, strip=False)
    if not content or not cue:
        return None
    cue_span = Span.of(text, cue[0][0], cue[-1][1])
    return Attribution(
        id=f"a{cue_span.start}-{cue_span.end}",
        cue=cue_span,
        source=tuple(Span.of(text, s, e) for s, e in fragments(doc, cand.source)),
        content=tuple(Span.of(text, s, e) for s, e in content),
        kind=_kind(layout, content),
        confidence=cand.confidence,
    )
