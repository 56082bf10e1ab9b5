"""The attribution component: who says what, through whom, in ``doc._.cg_attributions``.

Rules over the dependency parse and small linear models over the same parse (no second
neural model, linear in tokens): ``attribution_frames`` proposes candidates per cue,
``speaker_lines`` those set by layout ("Name: ...", "“...” ― Name"); the cue model
keeps, drops and adds cues; ``cue_extent``, ``source_extent`` and ``content_edges``
rank or edit their spans; ``attribution_layout`` fixes extents against quotations and
nesting, ``unquoted_content`` gives a speech verb without its quotation a content, and
``content_extent`` adds what the frames leave out; ``conduits`` finds the outlets and
documents a source is reached through, and ``source_resolution`` names the entity behind
"He" or "the spokeswoman". Factuality is left to its own component.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import cast

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyse.attribution.conduits import absorb_according, find_conduits
from claimgraph.analyse.attribution.content_edges import edit_content, unit_features
from claimgraph.analyse.attribution.content_extent import complete_contents
from claimgraph.analyse.attribution.cue_extent import CueWindow
from claimgraph.analyse.attribution.cue_features import SCORED_POS, token_features
from claimgraph.analyse.attribution.cue_stacking import second_pass
from claimgraph.analyse.attribution.frames import (
    RULE_POS,
    Candidate,
    learned_candidate,
    rule_candidate,
)
from claimgraph.analyse.attribution.layout import (
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
from claimgraph.analyse.attribution.models import AttributionModels, shipped_models
from claimgraph.analyse.attribution.source_extent import SourceRanker
from claimgraph.analyse.attribution.source_resolution import SourceResolver
from claimgraph.analyse.attribution.speaker_lines import (
    dash_byline_candidates,
    speaker_line_candidates,
)
from claimgraph.analyse.attribution.unquoted_content import with_unquoted
from claimgraph.model import Attribution, AttributionKind, Conduit, Span


class AttributionComponent:
    """Writes ``doc._.cg_attributions``; ``models`` None runs the rules alone. The models
    are saved and loaded with the pipeline (``nlp.to_disk``, ``spacy.load``)."""

    def __init__(self, models: AttributionModels | None) -> None:
        self.models = models

    def __call__(self, doc: Doc) -> Doc:
        doc._.cg_attributions = tuple(extract_attributions(doc, self.models))
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        models = None if self.models is None else self.models.to_bytes()
        return cast(bytes, srsly.msgpack_dumps({"models": models}))

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AttributionComponent:
        models = srsly.msgpack_loads(data)["models"]
        origin = "the attribution component's bytes"
        self.models = None if models is None else AttributionModels.from_bytes(models, origin)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.models is None:
            (path / RULES_ONLY_FILE).touch()
        else:
            self.models.save(path / MODELS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionComponent:
        path = Path(path)
        rules_only = (path / RULES_ONLY_FILE).exists()
        self.models = None if rules_only else AttributionModels.load(path / MODELS_FILE)
        return self


# Files in the component's folder of a saved pipeline: the models, or a marker that the
# component was saved with none (rules only).
MODELS_FILE = "models.npz"
RULES_ONLY_FILE = "rules_only"


def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    """The spaCy factory: the component with the models shipped in the package (a saved
    pipeline's own replace them in ``from_disk``)."""
    return AttributionComponent(shipped_models())


def scored_candidates(layout: Layout, models: AttributionModels | None) -> list[Candidate]:
    """The rules' candidates, each kept only if the cue model agrees, plus a candidate
    for every word the cue model rates as a cue although no rule fired on it."""
    doc = layout.doc
    words = layout.context.words
    # only verbs, nouns and "according" start a rule: no Token object for other words
    rules = {
        i: rule_candidate(doc[i])
        for i, (pos, lower) in enumerate(zip(words.pos, words.lower, strict=True))
        if pos in RULE_POS or lower == "according"
    }
    if models is None:
        return [cand for cand in rules.values() if cand is not None]
    features: dict[int, list[str]] = {}
    probability: dict[int, float] = {}
    for i, pos in enumerate(words.pos):
        if pos in SCORED_POS:
            token = doc[i]
            cand = rules.get(i)
            row = token_features(
                token, cand.rule if cand else None, layout.in_quote(token), layout.context
            )
            features[i] = row
            probability[i] = models.probability(row)
    if models.stack.weights:
        probability = second_pass(
            doc, words, layout.sentences, models, features, probability, rules
        )
    found = []
    for i in sorted(rules.keys() | probability.keys()):
        cand = rules.get(i)
        p = probability.get(i)
        if p is not None:
            if cand is not None and p < models.keep:
                cand = None
            elif cand is None and p >= models.add:
                cand = learned_candidate(doc[i])
            if cand is not None:
                cand.score = p
                if models.extent.weights and cand.rule not in FIXED_CUE_RULES:
                    cand.cue = learned_cue(cand, models, layout)
                    cand.content -= set(cand.cue)
                if models.edge.weights and cand.content:
                    cand.content = learned_edge(cand, models, layout)
                if models.source.weights and cand.source and cand.rule not in LAYOUT_RULES:
                    cand.source = learned_source(cand, models, layout)
                    cand.content -= set(cand.source)
        if cand is not None:
            found.append(cand)
    return found


# Rules that read the text's layout, not the parse: their source is the whole name.
LAYOUT_RULES = frozenset({"speaker", "byline"})
# Rules whose cue is fixed by their construction ("according to", a speaker's colon).
FIXED_CUE_RULES = frozenset({"according", "speaker", "byline"})


def learned_edge(cand: Candidate, models: AttributionModels, layout: Layout) -> set[int]:
    """The content with its right edge cut or extended where the edge model says so."""
    head, rule = cand.head, cand.rule
    return edit_content(
        cand.content,
        {*cand.cue, *cand.source},
        lambda unit: models.edits_edge(unit_features(unit, rule, head)),
        head.doc,
        layout.sentences,
    )


def learned_source(cand: Candidate, models: AttributionModels, layout: Layout) -> list[int]:
    """The source span the source-extent model ranks first (the rules' own, which may
    have a gap, unless another span beats it)."""
    current = sorted(cand.source)
    ranker = SourceRanker(cand, layout.sentences[cand.head.i])
    spans = ranker.spans
    scores = [models.source_score(ranker.features(span)) for span in spans]
    best = max(range(len(spans)), key=scores.__getitem__)
    if best == 0:
        return current
    start, end = spans[best]
    return list(range(start, end + 1))


def learned_cue(cand: Candidate, models: AttributionModels, layout: Layout) -> list[int]:
    """The run of words through the head that the extent model ranks first as the cue
    (never a word of the source, never across punctuation). A span's score adds up
    parts worked out once each: its left end's, its right end's, its length's, and per
    window word the word's weight as held or left out."""
    head, rule = cand.head, cand.rule
    window = CueWindow(head)
    spans = window.candidate_spans(layout.sentences[head.i], set(cand.source))
    held: dict[int, float] = {}
    left_out: dict[int, float] = {}
    for i in window.window_words():
        inside, outside = window.word_feature_pair(i)
        held[i] = models.extent.weight_sum(inside)
        left_out[i] = models.extent.weight_sum(outside)
    all_out = sum(left_out.values())
    starts, ends = {s for s, _ in spans}, {e for _, e in spans}
    lefts = {s: models.extent.weight_sum(window.left_features(s, rule)) for s in starts}
    rights = {
        e: models.extent.weight_sum(window.right_features(e, cand.content, rule)) for e in ends
    }

    def score(span: tuple[int, int]) -> float:
        start, end = span
        words_part = all_out + sum(
            held[i] - left_out[i] for i in range(start, end + 1) if i in held
        )
        length = models.extent.weights.get(f"len={end - start}", 0.0)
        return lefts[start] + rights[end] + length + words_part

    start, end = max(spans, key=score)
    return list(range(start, end + 1))


def find_candidates(
    doc: Doc, models: AttributionModels | None = None
) -> tuple[Layout, list[Candidate], dict[int, tuple[Conduit, ...]]]:
    """Candidates with their final token extents, in text order, and the conduits that
    "according to" phrases gave them."""
    layout = Layout(doc)
    found = [
        *speaker_line_candidates(doc),
        *dash_byline_candidates(layout),
        *scored_candidates(layout, models),
    ]
    found = dedupe(found)
    cands = with_unquoted(layout, found, attach_quotes(layout, found))
    for cand in cands:
        same_paragraph(doc, cand)
        grow_to_quotes(layout, cand)
        continuation_quote(layout, cand)
    cands, according = absorb_according(layout, cands)
    cands = resolve_nesting(layout, cands, models.nested if models is not None else None)
    complete_contents(doc, layout.sentences, cands)
    return layout, sorted(cands, key=lambda c: c.cue[0]), according


def extract_attributions(doc: Doc, models: AttributionModels | None = None) -> list[Attribution]:
    layout, cands, according = find_candidates(doc, models)
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


def without_opening_conjunction(doc: Doc, indices: set[int]) -> set[int]:
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
