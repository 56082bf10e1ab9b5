"""Score cross-article entity linking against gold coreference (MEANTIME, ECB+).

Predicted mentions are the named entities spaCy finds; gold mentions are the corpus's
markables, many of them pronouns and descriptions we never predict. So the clusters are
scored on the gold mentions we match, and the report says how many that is.

Matching: a predicted mention matches a gold mention of the same document when the
predicted span covers the gold mention's head word. The gold head is the last word of
the gold span before any post-modifier ("of", "in", ",", "who" ...): "President Barack
Obama" -> "Obama", "Bank of America" -> "Bank". Each gold mention matches at most one
predicted mention and the other way round (largest character overlap first).

Metrics: MUC, B-cubed and CEAF-e (entity-level, phi4) and the CoNLL F1, their mean.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language

from claimgraph.analyse.entities import EntityComponent
from claimgraph.analyse.extensions import set_doc_extensions
from claimgraph.analyse.pipeline import resolve_model_name
from claimgraph.eval.metrics import PRF
from claimgraph.link.entities import EntityCluster, link_entities
from claimgraph.model import Article, ArticleAnalysis, Span

# Words that open a post-modifier: the head of a gold mention comes before them.
POST_MODIFIER = frozenset(
    {
        "of",
        "in",
        "at",
        "on",
        "for",
        "from",
        "with",
        ",",
        "who",
        "which",
        "that",
        "(",
        "-",
        "--",
        "whose",
        "to",
    }
)
WORD = re.compile(r"\S+")
# The entity component needs the parser and tagger (titles), not the lemmatizer.
LIGHT_EXCLUDE = ("lemmatizer",)


@dataclass(frozen=True)
class GoldMention:
    """A gold markable: character span, head word span, gold cluster and markable tag."""

    doc_id: str
    start: int
    end: int
    cluster: str
    kind: str
    head_start: int = -1
    head_end: int = -1


def with_head(text: str, mention: GoldMention) -> GoldMention:
    """The mention with its head word found in ``text`` (the document's text)."""
    words = [(m.start(), m.end()) for m in WORD.finditer(text, mention.start, mention.end)]
    if not words:
        return mention
    head = words[-1]
    for i, (s, e) in enumerate(words):
        if i > 0 and text[s:e].lower() in POST_MODIFIER:
            head = words[i - 1]
            break
    return GoldMention(
        mention.doc_id, mention.start, mention.end, mention.cluster, mention.kind, head[0], head[1]
    )


# --------------------------------------------------------------------------- analysis


def light_pipeline() -> Language:
    """spaCy's model without the analysis components colleagues are rewriting."""
    set_doc_extensions()
    return spacy.load(resolve_model_name(), exclude=list(LIGHT_EXCLUDE))


def analyse_entities(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Each article with an analysis holding only its entity mentions."""
    component = EntityComponent()
    pairs = ((a.analysable_text(), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        component(doc)
        yield article, ArticleAnalysis(article_id=article.id, entities=doc._.cg_entities)


# --------------------------------------------------------------------------- matching


Key = tuple[str, int, int]  # (doc id, start, end) of a gold mention


def match_mentions(
    clusters: Sequence[EntityCluster], gold: Sequence[GoldMention]
) -> dict[Key, str]:
    """Gold mention -> predicted cluster id, for the gold mentions a prediction matches."""
    golds: dict[str, list[GoldMention]] = defaultdict(list)
    for mention in gold:
        golds[mention.doc_id].append(mention)
    pairs: list[tuple[int, Key, Key, str]] = []
    for cluster in clusters:
        for doc_id, span in cluster.mentions:
            for g in golds.get(doc_id, ()):
                if span.start <= g.head_start and g.head_end <= span.end:
                    overlap = min(span.end, g.end) - max(span.start, g.start)
                    pairs.append(
                        (
                            -overlap,
                            (doc_id, span.start, span.end),
                            (g.doc_id, g.start, g.end),
                            cluster.id,
                        )
                    )
    matched: dict[Key, str] = {}
    used: set[Key] = set()
    for _, predicted, gold_key, cluster_id in sorted(pairs):
        if predicted not in used and gold_key not in matched:
            used.add(predicted)
            matched[gold_key] = cluster_id
    return matched


# --------------------------------------------------------------------------- metrics


def _groups(assignment: Mapping[Key, str]) -> list[set[Key]]:
    by_id: dict[str, set[Key]] = defaultdict(set)
    for key, cluster in assignment.items():
        by_id[cluster].add(key)
    return list(by_id.values())


def muc(gold: Mapping[Key, str], predicted: Mapping[Key, str]) -> PRF:
    def links(keys: list[set[Key]], other: Mapping[Key, str]) -> tuple[int, int]:
        found = total = 0
        for cluster in keys:
            parts = {other.get(k, f"single:{k}") for k in cluster}
            found += len(cluster) - len(parts)
            total += len(cluster) - 1
        return found, total

    recalled, gold_links = links(_groups(gold), predicted)
    precise, predicted_links = links(_groups(predicted), gold)
    return PRF.rates(
        precision=precise / predicted_links if predicted_links else 0.0,
        recall=recalled / gold_links if gold_links else 0.0,
    )


def b_cubed(gold: Mapping[Key, str], predicted: Mapping[Key, str]) -> PRF:
    """B-cubed over the mentions both sides hold (keys must be the same set)."""
    gold_sets = {k: s for s in _groups(gold) for k in s}
    predicted_sets = {k: s for s in _groups(predicted) for k in s}
    keys = [k for k in gold if k in predicted]
    if not keys:
        return PRF.rates(0.0, 0.0)
    precision = sum(len(gold_sets[k] & predicted_sets[k]) / len(predicted_sets[k]) for k in keys)
    recall = sum(len(gold_sets[k] & predicted_sets[k]) / len(gold_sets[k]) for k in keys)
    return PRF.rates(precision / len(keys), recall / len(keys))


def ceaf_e(gold: Mapping[Key, str], predicted: Mapping[Key, str]) -> PRF:
    """Entity-based CEAF (phi4), aligned per connected component of overlapping clusters."""
    gold_groups, predicted_groups = _groups(gold), _groups(predicted)
    if not gold_groups or not predicted_groups:
        return PRF.rates(0.0, 0.0)
    total = 0.0
    for gold_part, predicted_part in _components(gold_groups, predicted_groups):
        scores = [[2 * len(g & p) / (len(g) + len(p)) for p in predicted_part] for g in gold_part]
        total += max_assignment(scores)
    return PRF.rates(total / len(predicted_groups), total / len(gold_groups))


def conll_f1(gold: Mapping[Key, str], predicted: Mapping[Key, str]) -> float:
    return (muc(gold, predicted).f1 + b_cubed(gold, predicted).f1 + ceaf_e(gold, predicted).f1) / 3


def _components(
    gold: list[set[Key]], predicted: list[set[Key]]
) -> Iterator[tuple[list[set[Key]], list[set[Key]]]]:
    owner = {k: i for i, s in enumerate(predicted) for k in s}
    seen_gold: set[int] = set()
    by_predicted: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(gold):
        for k in s:
            if k in owner:
                by_predicted[owner[k]].append(i)
    for start in range(len(gold)):
        if start in seen_gold:
            continue
        gold_ids, stack = {start}, [start]
        predicted_ids: set[int] = set()
        while stack:
            g = stack.pop()
            for p in {owner[k] for k in gold[g] if k in owner} - predicted_ids:
                predicted_ids.add(p)
                for other in set(by_predicted[p]) - gold_ids:
                    gold_ids.add(other)
                    stack.append(other)
        seen_gold |= gold_ids
        yield [gold[i] for i in sorted(gold_ids)], [predicted[i] for i in sorted(predicted_ids)]


def max_assignment(scores: list[list[float]]) -> float:
    """Largest total of a one-to-one assignment of rows to columns (scipy's
    ``linear_sum_assignment``), added up column by column."""
    from scipy.optimize import linear_sum_assignment  # eval and training only: the dev extra

    if not scores or not scores[0]:
        return 0.0
    rows, cols = linear_sum_assignment(scores, maximize=True)
    total: float = sum(
        scores[r][c] for c, r in sorted(zip(cols.tolist(), rows.tolist(), strict=True))
    )
    return total


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class EntityScores:
    gold_mentions: int
    matched: int
    predicted_mentions: int
    clusters: int
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF
    baseline_conll: float  # same lower-cased surface string, on the same matched mentions

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def as_dict(self) -> dict[str, object]:
        return {
            "gold_mentions": self.gold_mentions,
            "matched_gold_mentions": self.matched,
            "predicted_mentions": self.predicted_mentions,
            "predicted_clusters": self.clusters,
            "muc": self.muc.as_dict(),
            "b_cubed": self.b_cubed.as_dict(),
            "ceaf_e": self.ceaf_e.as_dict(),
            "conll_f1": round(100 * self.conll, 1),
            "surface_baseline_conll_f1": round(100 * self.baseline_conll, 1),
        }


def score_entities(
    items: Sequence[tuple[Article, ArticleAnalysis]], gold: Sequence[GoldMention]
) -> EntityScores:
    """Link the items' entities and score the clusters on the matched gold mentions."""
    clusters = link_entities(items)
    matched = match_mentions(clusters, gold)
    gold_of = {(g.doc_id, g.start, g.end): g.cluster for g in gold}
    gold_matched = {k: gold_of[k] for k in matched}
    baseline = match_mentions(surface_clusters(items), gold)
    return EntityScores(
        gold_mentions=len(gold),
        matched=len(matched),
        predicted_mentions=sum(len(c.mentions) for c in clusters),
        clusters=len(clusters),
        muc=muc(gold_matched, matched),
        b_cubed=b_cubed(gold_matched, matched),
        ceaf_e=ceaf_e(gold_matched, matched),
        baseline_conll=conll_f1({k: gold_of[k] for k in baseline}, baseline),
    )


def surface_clusters(items: Sequence[tuple[Article, ArticleAnalysis]]) -> list[EntityCluster]:
    """Baseline: one cluster per lower-cased surface string (the "lemma baseline")."""
    spans: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    for article, analysis in items:
        for m in analysis.entities:
            spans[m.span.text.lower()].append((article.id, m.span))
    return [
        EntityCluster(
            id=f"b{i}", name=name, label="", aliases=(), titles=(), mentions=tuple(members)
        )
        for i, (name, members) in enumerate(sorted(spans.items()))
    ]


def evaluate(
    documents: Sequence[tuple[Article, Sequence[GoldMention]]], nlp: Language | None = None
) -> EntityScores:
    """Analyse the documents (with ``nlp`` or the light pipeline), link and score."""
    model = nlp or light_pipeline()
    items = list(analyse_entities(model, [article for article, _ in documents]))
    return score_entities(items, [m for _, mentions in documents for m in mentions])


def format_scores(scores: EntityScores, label: str) -> str:
    lines = [
        f"entities: {label}: gold mentions={scores.gold_mentions} matched={scores.matched} "
        f"predicted mentions={scores.predicted_mentions} clusters={scores.clusters}"
    ]
    for name, pr in (("MUC", scores.muc), ("B-cubed", scores.b_cubed), ("CEAF-e", scores.ceaf_e)):
        lines.append(
            f"  {name:8} P={100 * pr.precision:5.1f} R={100 * pr.recall:5.1f} F1={100 * pr.f1:5.1f}"
        )
    lines.append(
        f"  CoNLL F1={100 * scores.conll:5.1f}  (same-surface baseline "
        f"{100 * scores.baseline_conll:5.1f})"
    )
    return "\n".join(lines)
