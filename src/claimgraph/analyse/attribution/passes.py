"""The attribution passes in order: the one place to read how a ``Doc`` becomes candidates.

``find_candidates`` starts from no candidates and hands them through ``PASSES``; every
pass takes the candidates and the doc's ``Walk`` (its layout and the trained models,
None for the rules alone) and returns new candidates, never editing the ones it was
given (``Candidate`` is frozen). The passes fall in four groups:

* proposing: speaker lines and dash bylines (read off the layout), then the lexicon
  rules' candidates as the cue model keeps them and the words it adds;
* the learned extents of a scored candidate: its cue, its content's right edge, its
  source;
* the layout: one candidate per cue word, quotations (or, missing one, the content
  read off the sentence), paragraph breaks, whole and continued quotations;
* between candidates: "according to" conduits, nesting and asides, and the words a
  content holds that the frames leave out; last, text order.

``records.attribution_records`` then turns the candidates into ``Attribution`` records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from claimgraph.analyse.attribution.candidate import Candidates
from claimgraph.analyse.attribution.conduits import absorb_according
from claimgraph.analyse.attribution.content_extent import (
    add_according_conjuncts,
    add_passive_subjects,
    drop_extraposed_it,
)
from claimgraph.analyse.attribution.layout import (
    Layout,
    attach_quote,
    continuation_quote,
    dedupe,
    grow_to_quotes,
    resolve_nesting,
    same_paragraph,
)
from claimgraph.analyse.attribution.models import AttributionModels
from claimgraph.analyse.attribution.scoring import (
    scored_candidates,
    with_learned_cue,
    with_learned_edge,
    with_learned_source,
)
from claimgraph.analyse.attribution.speaker_lines import (
    dash_byline_candidates,
    speaker_line_candidates,
)
from claimgraph.analyse.attribution.unquoted_content import unquoted


@dataclass(frozen=True)
class Walk:
    """What every pass reads besides the candidates: the doc's layout (tokens,
    quotations, sentences) and the trained models (None: the rules alone)."""

    layout: Layout
    models: AttributionModels | None


CandidatePass = Callable[[Walk, Candidates], Candidates]


# --------------------------------------------------------------------------- proposing


def speaker_lines(walk: Walk, cands: Candidates) -> Candidates:
    """Adds a candidate per line opening "Name: what they said"."""
    return (*cands, *speaker_line_candidates(walk.layout.doc))


def dash_bylines(walk: Walk, cands: Candidates) -> Candidates:
    """Adds a candidate per quotation signed "― Name"."""
    return (*cands, *dash_byline_candidates(walk.layout))


def scored_cues(walk: Walk, cands: Candidates) -> Candidates:
    """Adds the lexicon rules' candidates the cue model keeps and one per word it rates
    as a cue where no rule fired (each with its score); without models, every rule's."""
    return (*cands, *scored_candidates(walk.layout, walk.models))


# --------------------------------------------------------------------------- learned extents


def learned_cues(walk: Walk, cands: Candidates) -> Candidates:
    """A scored candidate's cue as the extent model ranks it."""
    models = walk.models
    if models is None:
        return cands
    return tuple(with_learned_cue(walk.layout, models, cand) for cand in cands)


def learned_content_edges(walk: Walk, cands: Candidates) -> Candidates:
    """A scored candidate's content cut or extended at its right edge by the edge model."""
    models = walk.models
    if models is None:
        return cands
    return tuple(with_learned_edge(walk.layout, models, cand) for cand in cands)


def learned_sources(walk: Walk, cands: Candidates) -> Candidates:
    """A scored candidate's source span as the source model ranks it."""
    models = walk.models
    if models is None:
        return cands
    return tuple(with_learned_source(walk.layout, models, cand) for cand in cands)


# --------------------------------------------------------------------------- layout


def one_per_cue(walk: Walk, cands: Candidates) -> Candidates:
    """The first candidate per cue word: a speaker line or byline before the rules'."""
    return dedupe(cands)


def quotations(walk: Walk, cands: Candidates) -> Candidates:
    """A speech verb takes the quotation next to it as content; a quote-rule candidate
    with none takes the content read off its sentence (``unquoted``), else it goes, as
    does any candidate left without a content."""
    layout = walk.layout
    found = []
    for cand in cands:
        attached = attach_quote(layout, cand)
        if attached is not None and attached.content:
            found.append(attached)
            continue
        fallback = unquoted(layout, attached or cand)
        if fallback is not None:
            found.append(fallback)
    return tuple(found)


def paragraph_breaks(walk: Walk, cands: Candidates) -> Candidates:
    """Content before the cue stops at a paragraph break."""
    doc = walk.layout.doc
    return tuple(same_paragraph(doc, cand) for cand in cands)


def whole_quotations(walk: Walk, cands: Candidates) -> Candidates:
    """Content reaching into a quotation takes all of it."""
    return tuple(grow_to_quotes(walk.layout, cand) for cand in cands)


def continued_quotations(walk: Walk, cands: Candidates) -> Candidates:
    """“A,” said X. “B.”: B joins A's content."""
    return tuple(continuation_quote(walk.layout, cand) for cand in cands)


# --------------------------------------------------------------------------- between candidates


def according_conduits(walk: Walk, cands: Candidates) -> Candidates:
    """ "Y said X, according to Z": Z becomes a conduit of Y's candidate."""
    return absorb_according(walk.layout, cands)


def nesting(walk: Walk, cands: Candidates) -> Candidates:
    """Drops candidates inside quotations or another's complement (unless the cue model
    rates them as nested attributions); cuts asides out of the outer content."""
    keep_nested = walk.models.nested if walk.models is not None else None
    return resolve_nesting(walk.layout, cands, keep_nested)


def passive_subjects(walk: Walk, cands: Candidates) -> Candidates:
    """A passive cue with no agent and no source: its subject joins the content."""
    return add_passive_subjects(walk.layout.doc, cands)


def according_conjuncts(walk: Walk, cands: Candidates) -> Candidates:
    """ "A rose, B fell, according to X": the whole coordination is the content."""
    return add_according_conjuncts(walk.layout.sentences, cands)


def extraposed_it(walk: Walk, cands: Candidates) -> Candidates:
    """ "It seems that ...": the "it" leaves the content."""
    return drop_extraposed_it(cands)


def text_order(walk: Walk, cands: Candidates) -> Candidates:
    """The candidates by their cue's first word."""
    return tuple(sorted(cands, key=lambda c: c.cue[0]))


# The order is part of the behaviour: later passes read what earlier ones decided (the
# learned extents see only scored candidates, nesting reads the contents the layout
# passes grew, the content completions read the candidates nesting kept).
PASSES: tuple[CandidatePass, ...] = (
    speaker_lines,
    dash_bylines,
    scored_cues,
    learned_cues,
    learned_content_edges,
    learned_sources,
    one_per_cue,
    quotations,
    paragraph_breaks,
    whole_quotations,
    continued_quotations,
    according_conduits,
    nesting,
    passive_subjects,
    according_conjuncts,
    extraposed_it,
    text_order,
)


def find_candidates(doc: Doc, models: AttributionModels | None = None) -> tuple[Layout, Candidates]:
    """The candidates ``PASSES`` leave, with their final token extents, in text order."""
    walk = Walk(Layout(doc), models)
    cands: Candidates = ()
    for step in PASSES:
        cands = step(walk, cands)
    return walk.layout, cands
