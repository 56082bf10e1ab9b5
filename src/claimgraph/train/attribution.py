"""Train the attribution models on PolNeAR's train split.

One logistic regression over ``cue_features`` decides, per word, whether annotators
called it an attribution cue: the rules' candidates are kept only where it agrees, and
words no rule knows become candidates where it is confident. The two thresholds are
chosen end to end: the model is fitted on four fifths of the train articles and every
(keep, add) pair of a small grid is scored on the remaining fifth by the mean exact F1 of
source, cue and content; the model is then refitted on all train articles. The dev split
is never read here. A second pass (``cue_stacking``) rescores every word with features
of the first pass's scores around it; its training rows carry out-of-fold first-pass
scores, so it learns from scores like those it will see on unseen text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.component import extract_attributions
from claimgraph.analyse.attribution.content_edges import (
    MAX_EXTENSIONS,
    EdgeUnit,
    add_unit,
    cut_units,
    unit_features,
)
from claimgraph.analyse.attribution.cue_extent import candidate_spans, span_features
from claimgraph.analyse.attribution.cue_features import (
    DocContext,
    is_scored,
    sentence_bounds,
    token_features,
)
from claimgraph.analyse.attribution.cue_stacking import first_pass, stacked_features
from claimgraph.analyse.attribution.frames import learned_candidate, rule_candidate
from claimgraph.analyse.attribution.layout import Layout, fragments
from claimgraph.analyse.attribution.models import AttributionModels, LinearModel
from claimgraph.analyse.attribution.scoring import FIXED_CUE_RULES
from claimgraph.analyse.attribution.source_extent import (
    source_alternatives,
    source_features,
    source_root,
)
from claimgraph.errors import ClaimgraphError
from claimgraph.eval.attribution import (
    SystemScores,
    accumulate,
    from_attribution,
    normalise,
    score_article,
)
from claimgraph.eval.polnear import GoldAttribution, PolnearArticle, read_split

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Inverse regularisation strength, chosen on a split of train (token-level average
# precision of cue heads: C=0.1 .847, 0.3 .848, 1.0 .841).
REGULARISATION = 0.3
# Weights smaller than this change no probability by more than a rounding error and
# would only make the shipped file larger.
MIN_WEIGHT = 0.005
KEEP_GRID = (0.0, 0.05, 0.1, 0.2, 0.3)
ADD_GRID = (0.3, 0.35, 0.4, 0.5, 0.6)
# Tried once keep and add are chosen: never keep a nested attribution, or above these.
NESTED_GRID: tuple[float | None, ...] = (None, 0.5, 0.7, 0.9)
# The log-odds of a model fitted to one class only: certain, without overflowing exp.
CONSTANT_LOGIT = 10.0
# Every HELD_OUT-th train article chooses the thresholds.
HELD_OUT = 5
# The second pass learns from first-pass scores of articles the first pass was not
# fitted on: each of this many folds of the training articles is scored by a first pass
# fitted on the others (scores on its own training data would be overconfident).
STACK_FOLDS = 5

Progress = Callable[[str], None]


@dataclass(frozen=True)
class TrainReport:
    articles: int
    examples: int
    positives: int
    features: int
    keep: float
    add: float
    nested: float | None
    held_out_f1: dict[str, float]
    out: Path


def _parsed(nlp: Language, articles: Sequence[PolnearArticle], n_process: int) -> list[Doc]:
    """The articles through the base model only (the scorer reads the parse)."""
    ours = [name for name in nlp.pipe_names if name.startswith("claimgraph_")]
    with nlp.select_pipes(disable=ours):
        return list(nlp.pipe((a.text for a in articles), batch_size=16, n_process=n_process))


def cue_heads(doc: Doc, article: PolnearArticle) -> set[int]:
    """Token indices of the syntactic heads of the gold cues."""
    heads = set()
    for attribution in article.attributions:
        for start, end in attribution.cue:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                heads.add(span.root.i)
    return heads


def examples(doc: Doc, article: PolnearArticle) -> Iterator[tuple[list[str], int]]:
    """(features, is a gold cue head) for every scored word of one article."""
    heads = cue_heads(doc, article)
    layout = Layout(doc)
    for token in doc:
        if not is_scored(token):
            continue
        cand = rule_candidate(token)
        rule = cand.rule if cand else None
        features = token_features(token, rule, layout.in_quote(token), layout.context)
        yield features, int(token.i in heads)


def gold_cue_candidates(
    doc: Doc, article: PolnearArticle
) -> Iterator[tuple[GoldAttribution, set[int], Candidate]]:
    """(gold attribution, its cue's characters, the candidate the rules or the generic
    frame build on the gold cue's head) for every gold attribution with a cue."""
    for attribution in article.attributions:
        if not attribution.cue:
            continue
        chars = {i for start, end in attribution.cue for i in range(start, end)}
        span = doc.char_span(min(chars), max(chars) + 1, alignment_mode="expand")
        if span is None or not len(span):
            continue
        cand = rule_candidate(span.root) or learned_candidate(span.root)
        if cand is not None:
            yield attribution, chars, cand


def extent_examples(doc: Doc, article: PolnearArticle) -> Iterator[tuple[list[str], int]]:
    """(features, is the gold cue) for every candidate span through each gold cue's
    head, seen from the candidate the rules (or the generic frame) build on that head.
    Heads whose gold cue is no candidate span (beyond the window, across a comma) give
    no rows: the ranker learns only from choices it could get right."""
    bounds = sentence_bounds(doc)
    text = doc.text
    for attribution, _, cand in gold_cue_candidates(doc, article):
        if cand.rule in FIXED_CUE_RULES:
            continue
        head = cand.head
        gold = normalise(text, attribution.cue)
        spans = candidate_spans(head, bounds[head.i], set(cand.source))
        labels = [
            int(normalise(text, ((doc[s].idx, doc[e].idx + len(doc[e])),)) == gold)
            for s, e in spans
        ]
        if not any(labels):
            continue
        for (start, end), label in zip(spans, labels, strict=True):
            yield span_features(head, start, end, cand.content, cand.rule), label


def source_examples(doc: Doc, article: PolnearArticle) -> Iterator[tuple[list[str], int]]:
    """(features, is the gold source) for every alternative source span of the
    candidate built on each gold cue's head; the rules' own span is judged by its real
    fragments. Gold attributions without a source, and sources no alternative gets
    right, give no rows."""
    bounds = sentence_bounds(doc)
    text = doc.text
    for attribution, _, cand in gold_cue_candidates(doc, article):
        gold = normalise(text, attribution.source)
        if not cand.source or not gold or cand.rule == "speaker":
            continue
        sentence = bounds[cand.head.i]
        spans = source_alternatives(cand, sentence)
        labels = [
            int(normalise(text, ((doc[s].idx, doc[e].idx + len(doc[e])),)) == gold)
            for s, e in spans
        ]
        labels[0] = int(normalise(text, tuple(fragments(doc, cand.source))) == gold)
        if not any(labels):
            continue
        root = source_root(cand)
        for span, label in zip(spans, labels, strict=True):
            yield source_features(cand, root, span, spans[0], sentence), label


def _share_in(unit: EdgeUnit, doc: Doc, gold: set[int]) -> float:
    chars = [
        i
        for t in doc[unit.start : unit.end + 1]
        if not t.is_punct
        for i in range(t.idx, t.idx + len(t))
    ]
    return sum(1 for i in chars if i in gold) / len(chars) if chars else 0.0


def edge_examples(doc: Doc, article: PolnearArticle) -> Iterator[tuple[list[str], int]]:
    """(features, edit) for the phrases at the right edge of each gold attribution's
    content as the rules find it: cut a trailing phrase mostly outside the gold content;
    take in a following phrase mostly inside it."""
    bounds = sentence_bounds(doc)
    for attribution, _, cand in gold_cue_candidates(doc, article):
        if not attribution.content or not cand.content or cand.rule == "speaker":
            continue
        head = cand.head
        gold = {i for start, end in attribution.content for i in range(start, end)}
        content = cand.content - set(cand.cue)
        if not content:
            continue
        for unit in cut_units(doc, content):
            cut = _share_in(unit, doc, gold) < 0.5
            yield unit_features(unit, cand.rule, head), int(cut)
            if cut:
                break
        else:
            end = max(content)
            for _ in range(MAX_EXTENSIONS):
                extension = add_unit(doc, end, {*cand.cue, *cand.source}, bounds[end][1])
                if extension is None:
                    break
                add = _share_in(extension, doc, gold) > 0.5
                yield unit_features(extension, cand.rule, head), int(add)
                if not add:
                    break
                end = extension.end


def _matrix(rows: list[list[str]], index: dict[str, int]) -> csr_matrix:
    import numpy as np
    from scipy.sparse import csr_matrix

    indptr = [0]
    indices: list[int] = []
    for row in rows:
        indices.extend(sorted({index[f] for f in row if f in index}))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return csr_matrix(
        (data, np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
        shape=(len(rows), len(index)),
    )


@dataclass
class _Examples:
    """Feature rows, labels, and the article each row came from."""

    rows: list[list[str]]
    labels: list[int]
    owner: list[int]

    @classmethod
    def collect(
        cls,
        docs: Sequence[Doc],
        articles: Sequence[PolnearArticle],
        source: Callable[[Doc, PolnearArticle], Iterator[tuple[list[str], int]]],
    ) -> _Examples:
        found = cls([], [], [])
        for position, (doc, article) in enumerate(zip(docs, articles, strict=True)):
            for features, label in source(doc, article):
                found.rows.append(features)
                found.labels.append(label)
                found.owner.append(position)
        return found

    def without(self, held: set[int]) -> tuple[list[list[str]], list[int]]:
        keep = [i for i, owner in enumerate(self.owner) if owner not in held]
        return [self.rows[i] for i in keep], [self.labels[i] for i in keep]


def fit(rows: list[list[str]], labels: list[int]) -> tuple[dict[str, float], float]:
    """Logistic regression weights per feature and the bias (liblinear: deterministic)."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - scikit-learn ships with the dev extra
        raise ClaimgraphError(
            "training needs scikit-learn: pip install -e '.[dev]' (or make setup)"
        ) from exc
    if len(set(labels)) < 2:
        # one class only (a tiny corpus): a constant decision, no features
        return {}, CONSTANT_LOGIT if labels and labels[0] else -CONSTANT_LOGIT
    index: dict[str, int] = {}
    for row in rows:
        for feature in row:
            index.setdefault(feature, len(index))
    # liblinear shuffles with random_state: fixed, so a rebuild gives the same weights
    model = LogisticRegression(C=REGULARISATION, solver="liblinear", max_iter=3000, random_state=0)
    model.fit(_matrix(rows, index), labels)
    names = list(index)
    weights = {
        names[i]: round(float(w), 4)
        for i, w in enumerate(model.coef_[0])
        if abs(float(w)) >= MIN_WEIGHT
    }
    return weights, float(model.intercept_[0])


def end_to_end(
    docs: Sequence[Doc], articles: Sequence[PolnearArticle], scorer: AttributionModels
) -> dict[str, float]:
    """Exact F1 per role of the attribution extractor with ``scorer``."""
    total = SystemScores()
    for doc, article in zip(docs, articles, strict=True):
        predicted = [from_attribution(a) for a in extract_attributions(doc, scorer)]
        accumulate(total, score_article(article.text, article.attributions, predicted))
    return {role: 100 * s.exact.f1 for role, s in total.roles.items()}


@dataclass(frozen=True)
class _Choice:
    keep: float
    add: float
    nested: float | None
    scores: dict[str, float]

    @property
    def mean(self) -> float:
        return sum(self.scores.values()) / len(self.scores)


def _choose_thresholds(
    docs: Sequence[Doc],
    articles: Sequence[PolnearArticle],
    fitted: AttributionModels,
    progress: Progress,
) -> _Choice:
    """The (keep, add) pair, then the nesting threshold, with the best mean exact F1."""
    best: _Choice | None = None
    for keep in KEEP_GRID:
        for add in ADD_GRID:
            scores = end_to_end(docs, articles, replace(fitted, keep=keep, add=add))
            choice = _Choice(keep, add, None, scores)
            progress(f"  keep {keep:.2f} add {add:.2f}: mean exact F1 {choice.mean:.2f}")
            if best is None or choice.mean > best.mean:
                best = choice
    assert best is not None
    for nested in NESTED_GRID[1:]:
        trial = replace(fitted, keep=best.keep, add=best.add, nested=nested)
        choice = _Choice(best.keep, best.add, nested, end_to_end(docs, articles, trial))
        progress(f"  nested {nested:.2f}: mean exact F1 {choice.mean:.2f}")
        if choice.mean > best.mean:
            best = choice
    return best


def _fit_all(
    docs: Sequence[Doc],
    cues: _Examples,
    extent: _Examples,
    edges: _Examples,
    sources: _Examples,
    held: set[int],
) -> AttributionModels:
    """All five models fitted on the articles not in ``held`` (thresholds left open:
    keep everything the rules find, add nothing)."""
    weights, bias = fit(*cues.without(held))
    extent_weights, extent_bias = fit(*extent.without(held))
    edge_weights, edge_bias = fit(*edges.without(held))
    source_weights, source_bias = fit(*sources.without(held))
    stack_weights, stack_bias = fit(*stacked_examples(docs, cues, held))
    return AttributionModels(
        cue=LinearModel(weights, bias),
        keep=0.0,
        add=1.0,
        extent=LinearModel(extent_weights, extent_bias),
        edge=LinearModel(edge_weights, edge_bias),
        source=LinearModel(source_weights, source_bias),
        stack=LinearModel(stack_weights, stack_bias),
    )


def stacked_examples(
    docs: Sequence[Doc], cues: _Examples, held: set[int]
) -> tuple[list[list[str]], list[int]]:
    """The second pass's rows for the articles not in ``held``: each scored word's
    first-pass features and the stacked ones, from out-of-fold first-pass scores."""
    included = [k for k in range(len(docs)) if k not in held]
    fold = {k: n % STACK_FOLDS for n, k in enumerate(included)}
    probability = [0.0] * len(cues.rows)
    for f in range(STACK_FOLDS):
        scored = {k for k in included if fold[k] == f}
        if not scored:
            continue
        weights, bias = fit(*cues.without(held | scored))
        first = AttributionModels(cue=LinearModel(weights, bias), keep=0.0, add=1.0)
        for r, owner in enumerate(cues.owner):
            if owner in scored:
                probability[r] = first.probability(cues.rows[r])
    rows_of: dict[int, list[int]] = {}
    for r, owner in enumerate(cues.owner):
        rows_of.setdefault(owner, []).append(r)
    rows: list[list[str]] = []
    labels: list[int] = []
    for k in included:
        doc = docs[k]
        context = DocContext.of(doc)
        # ``examples`` gives one row per scored word, in text order
        scored_words = [t.i for t in doc if is_scored(t)]
        own = rows_of.get(k, [])
        p = {i: probability[r] for i, r in zip(scored_words, own, strict=True)}
        candidates = {i: rule_candidate(doc[i]) for i in scored_words}
        first_scores = first_pass(doc, p, candidates, context.sentences)
        for i, r in zip(scored_words, own, strict=True):
            extra = stacked_features(context.words, i, first_scores, context.sentences)
            rows.append(cues.rows[r] + extra)
            labels.append(cues.labels[r])
    return rows, labels


def train_attribution(
    polnear_dir: Path,
    out: Path,
    *,
    nlp: Language | None = None,
    limit: int | None = None,
    n_process: int = 1,
    progress: Progress = lambda message: None,
) -> TrainReport:
    """Fit the attribution models on PolNeAR train and write them to ``out`` (.npz)."""
    if nlp is None:
        from claimgraph.analyse import build_pipeline

        nlp = build_pipeline(components=False)
    articles = list(read_split(polnear_dir, "train", limit))
    if len(articles) < 2 * HELD_OUT:
        raise ClaimgraphError(f"{polnear_dir}: too few train articles ({len(articles)})")
    progress(f"parsing {len(articles)} PolNeAR train articles")
    docs = _parsed(nlp, articles, n_process)
    cues = _Examples.collect(docs, articles, examples)
    extent = _Examples.collect(docs, articles, extent_examples)
    edges = _Examples.collect(docs, articles, edge_examples)
    sources = _Examples.collect(docs, articles, source_examples)
    held = {i for i in range(len(articles)) if i % HELD_OUT == 0}
    progress(f"fitting on {len(articles) - len(held)} articles to choose thresholds")
    held_sorted = sorted(held)
    choice = _choose_thresholds(
        [docs[i] for i in held_sorted],
        [articles[i] for i in held_sorted],
        _fit_all(docs, cues, extent, edges, sources, held),
        progress,
    )
    keep, add, nested = choice.keep, choice.add, choice.nested
    progress(f"refitting on all {len(articles)} articles (keep {keep}, add {add}, nested {nested})")
    models = replace(
        _fit_all(docs, cues, extent, edges, sources, set()),
        keep=keep,
        add=add,
        nested=nested,
        provenance={
            "trained_on": "PolNeAR train split (research use only)",
            "articles": len(articles),
            "examples": len(cues.rows),
            "extent_examples": len(extent.rows),
            "edge_examples": len(edges.rows),
            "source_examples": len(sources.rows),
            "positives": sum(cues.labels),
            "regularisation": REGULARISATION,
            "held_out_exact_f1": {k: round(v, 2) for k, v in choice.scores.items()},
            "spacy_model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
            "trained_at": datetime.now(UTC).strftime("%Y-%m-%d"),
            "command": "claimgraph train attribution --polnear DIR",
        },
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    models.save(out)
    return TrainReport(
        articles=len(articles),
        examples=len(cues.rows),
        positives=sum(cues.labels),
        features=len(models.cue.weights),
        keep=keep,
        add=add,
        nested=nested,
        held_out_f1=choice.scores,
        out=out,
    )
