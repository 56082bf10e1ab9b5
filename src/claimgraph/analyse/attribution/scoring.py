"""What the trained models decide about candidates: which words are cues, and where a
scored candidate's cue, content and source end.

The cue model (``scored_candidates``) keeps or drops each rule's candidate and adds a
candidate for a word no rule fired on; the extent, edge and source models then each
rank alternatives for one part of a scored candidate (``with_learned_cue``,
``with_learned_edge``, ``with_learned_source``: three passes in ``passes.PASSES``).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from claimgraph.analyse.attribution.candidate import Candidate, Candidates
from claimgraph.analyse.attribution.content_edges import edit_content, unit_features
from claimgraph.analyse.attribution.cue_extent import CueWindow
from claimgraph.analyse.attribution.cue_features import SCORED_POS, token_features
from claimgraph.analyse.attribution.cue_stacking import second_pass
from claimgraph.analyse.attribution.frames import RULE_POS, learned_candidate, rule_candidate
from claimgraph.analyse.attribution.layout import Layout
from claimgraph.analyse.attribution.models import AttributionModels
from claimgraph.analyse.attribution.source_extent import SourceRanker

# Rules that read the text's layout, not the parse: their source is the whole name.
LAYOUT_RULES = frozenset({"speaker", "byline"})
# Rules whose cue is fixed by their construction ("according to", a speaker's colon).
FIXED_CUE_RULES = frozenset({"according", "speaker", "byline"})


def scored_candidates(layout: Layout, models: AttributionModels | None) -> Candidates:
    """The rules' candidates, each kept only if the cue model agrees, plus a candidate
    for every word the cue model rates as a cue although no rule fired on it; a
    candidate the model rated carries its probability as ``score``. Without models,
    every rule's candidate, unscored."""
    doc = layout.doc
    words = layout.context.words
    # only verbs, nouns and "according" start a rule: no Token object for other words
    rules = {
        i: rule_candidate(doc[i])
        for i, (pos, lower) in enumerate(zip(words.pos, words.lower, strict=True))
        if pos in RULE_POS or lower == "according"
    }
    if models is None:
        return tuple(cand for cand in rules.values() if cand is not None)
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
                cand = replace(cand, score=p)
        if cand is not None:
            found.append(cand)
    return tuple(found)


def with_learned_cue(layout: Layout, models: AttributionModels, cand: Candidate) -> Candidate:
    """A scored candidate with the cue the extent model ranks first, its words out of
    the content (a cue fixed by its rule stays)."""
    if cand.score is None or not models.extent.weights or cand.rule in FIXED_CUE_RULES:
        return cand
    cue = learned_cue(cand, models, layout)
    return replace(cand, cue=cue, content=cand.content - set(cue))


def with_learned_edge(layout: Layout, models: AttributionModels, cand: Candidate) -> Candidate:
    """A scored candidate with its content's right edge as the edge model edits it."""
    if cand.score is None or not models.edge.weights or not cand.content:
        return cand
    return replace(cand, content=frozenset(learned_edge(cand, models, layout)))


def with_learned_source(layout: Layout, models: AttributionModels, cand: Candidate) -> Candidate:
    """A scored candidate with the source span the source model ranks first, its words
    out of the content (a source read off the layout stays whole)."""
    if (
        cand.score is None
        or not models.source.weights
        or not cand.source
        or cand.rule in LAYOUT_RULES
    ):
        return cand
    source = learned_source(cand, models, layout)
    return replace(cand, source=source, content=cand.content - set(source))


def learned_edge(cand: Candidate, models: AttributionModels, layout: Layout) -> Set[int]:
    """The content with its right edge cut or extended where the edge model says so."""
    head, rule = cand.head, cand.rule
    return edit_content(
        cand.content,
        {*cand.cue, *cand.source},
        lambda unit: models.edits_edge(unit_features(unit, rule, head)),
        head.doc,
        layout.sentences,
    )


def learned_source(cand: Candidate, models: AttributionModels, layout: Layout) -> tuple[int, ...]:
    """The source span the source-extent model ranks first (the rules' own, which may
    have a gap, unless another span beats it)."""
    current = tuple(sorted(cand.source))
    ranker = SourceRanker(cand, layout.sentences[cand.head.i])
    spans = ranker.spans
    scores = [models.source_score(ranker.features(span)) for span in spans]
    best = max(range(len(spans)), key=scores.__getitem__)
    if best == 0:
        return current
    start, end = spans[best]
    return tuple(range(start, end + 1))


def learned_cue(cand: Candidate, models: AttributionModels, layout: Layout) -> tuple[int, ...]:
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
    return tuple(range(start, end + 1))
