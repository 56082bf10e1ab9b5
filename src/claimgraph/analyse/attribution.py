"""The attribution component: who says what, through whom, in ``doc._.cg_attributions``.

Rule-based over the dependency parse (no second model, linear in tokens):
``attribution_frames`` proposes candidates per cue, ``attribution_layout`` fixes their
extent (quotations, nesting), ``conduits`` finds the outlets and documents a source is
reached through, and ``source_resolution`` names the entity behind "He" or "the
spokeswoman". Factuality is left to its own component.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.analyse.attribution_frames import Candidate, candidates
from claimgraph.analyse.attribution_layout import (
    Layout,
    attach_quotes,
    continuation_quote,
    dedupe,
    fragments,
    grow_to_quotes,
    resolve_nesting,
    same_paragraph,
    without_dateline,
)
from claimgraph.analyse.conduits import absorb_according, find_conduits
from claimgraph.analyse.source_resolution import SourceResolver
from claimgraph.analyse.speaker_lines import speaker_line_candidates
from claimgraph.model import Attribution, AttributionKind, Conduit, Span


class AttributionComponent:
    """Writes ``doc._.cg_attributions``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.cg_attributions = tuple(extract_attributions(doc))
        return doc


def find_candidates(doc: Doc) -> tuple[Layout, list[Candidate], dict[int, tuple[Conduit, ...]]]:
    """Candidates with their final token extents, in text order, and the conduits that
    "according to" phrases gave them."""
    layout = Layout(doc)
    found = [*speaker_line_candidates(doc), *candidates(doc)]
    cands = attach_quotes(layout, dedupe(found))
    for cand in cands:
        same_paragraph(doc, cand)
        grow_to_quotes(layout, cand)
        continuation_quote(layout, cand)
    cands, according = absorb_according(layout, cands)
    cands = resolve_nesting(layout, cands)
    return layout, sorted(cands, key=lambda c: c.cue[0]), according


def extract_attributions(doc: Doc) -> list[Attribution]:
    layout, cands, according = find_candidates(doc)
    resolver = SourceResolver(doc)
    records = []
    for cand in cands:
        record = _record(layout, cand)
        if record is None:
            continue
        conduits = find_conduits(doc, cand) + according.get(id(cand), ())
        entity, titles = resolver.resolve(cand)
        update = {"conduits": conduits, "source_entity": entity, "source_titles": titles}
        records.append(record.model_copy(update=update))
    return records


def _kind(layout: Layout, content: list[tuple[int, int]]) -> AttributionKind:
    """Direct when the content is all quotation, mixed when it holds some, else indirect."""
    text = layout.text
    quoted = sum(
        1
        for start, end in content
        for i in range(start, end)
        if layout.quotes.containing(i) is not None
    )
    total = sum(end - start for start, end in content)
    if total and quoted >= 0.9 * total:
        return AttributionKind.DIRECT
    if quoted and any(ch in text[s:e] for s, e in content for ch in '“”"'):
        return AttributionKind.MIXED
    return AttributionKind.INDIRECT


def _record(layout: Layout, cand: Candidate) -> Attribution | None:
    doc = layout.doc
    text = layout.text
    content = fragments(
        doc, without_dateline(layout, cand.content - set(cand.cue) - set(cand.source))
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
