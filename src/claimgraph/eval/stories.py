"""Score story grouping against gold stories (ECB+: one story per event of a topic).

All documents of a split are grouped at once, so a story may wrongly span topics as
well as the two same-kind events inside a topic. Figures: B-cubed precision, recall and
F1 over documents, and the adjusted Rand index (Hubert and Arabie 1985), computed here
from the contingency table rather than pulled in from scikit-learn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from claimgraph.eval import ecbplus
from claimgraph.eval.entities import PR, analyse_entities, light_pipeline
from claimgraph.link.stories import group_stories
from claimgraph.model import Article, ArticleAnalysis


@dataclass(frozen=True)
class StoryScores:
    documents: int
    gold_stories: int
    predicted_stories: int
    b_cubed: PR
    ari: float

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "gold_stories": self.gold_stories,
            "predicted_stories": self.predicted_stories,
            "b_cubed": self.b_cubed.as_dict(),
            "ari": round(self.ari, 3),
        }


def b_cubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> PR:
    """B-cubed over the items both labellings hold."""
    keys = [k for k in gold if k in predicted]
    if not keys:
        return PR(0.0, 0.0)
    pairs = Counter((gold[k], predicted[k]) for k in keys)
    gold_sizes = Counter(gold[k] for k in keys)
    predicted_sizes = Counter(predicted[k] for k in keys)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in pairs.items()) / len(keys)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in pairs.items()) / len(keys)
    return PR(precision, recall)


def _pairs(n: int) -> float:
    return n * (n - 1) / 2


def adjusted_rand_index(gold: Mapping[str, str], predicted: Mapping[str, str]) -> float:
    """Rand index corrected for chance: 1 for identical partitions, about 0 for random."""
    keys = [k for k in gold if k in predicted]
    total = _pairs(len(keys))
    if total == 0:
        return 1.0
    index = sum(_pairs(n) for n in Counter((gold[k], predicted[k]) for k in keys).values())
    gold_sum = sum(_pairs(n) for n in Counter(gold[k] for k in keys).values())
    predicted_sum = sum(_pairs(n) for n in Counter(predicted[k] for k in keys).values())
    expected = gold_sum * predicted_sum / total
    best = (gold_sum + predicted_sum) / 2
    if best == expected:
        return 1.0
    return (index - expected) / (best - expected)


def labels(groups: Sequence[Sequence[str]]) -> dict[str, str]:
    """Article id -> index of its group, as a label."""
    return {article_id: str(i) for i, group in enumerate(groups) for article_id in group}


def score_stories(
    items: Sequence[tuple[Article, ArticleAnalysis]], gold: Mapping[str, str]
) -> StoryScores:
    """Group ``items`` into stories and score them against ``gold`` (article id -> story)."""
    predicted = labels(group_stories(items))
    return StoryScores(
        documents=len(items),
        gold_stories=len(set(gold.values())),
        predicted_stories=len(set(predicted.values())),
        b_cubed=b_cubed(gold, predicted),
        ari=adjusted_rand_index(gold, predicted),
    )


def evaluate_ecbplus(
    root: Path, split: str, topics: Sequence[int] | None = None, nlp: Language | None = None
) -> StoryScores:
    """Group every document of the split's topics (or of ``topics``) at once and score."""
    documents = ecbplus.read_topics(root, topics or ecbplus.split_topics(split))
    model = nlp or light_pipeline()
    items = list(analyse_entities(model, [d.article for d in documents]))
    return score_stories(items, ecbplus.gold_stories(documents))


def format_scores(scores: StoryScores, label: str) -> str:
    b3 = scores.b_cubed
    return (
        f"stories: {label}: documents={scores.documents} gold stories={scores.gold_stories} "
        f"predicted stories={scores.predicted_stories}\n"
        f"  B-cubed P={100 * b3.precision:5.1f} R={100 * b3.recall:5.1f} F1={100 * b3.f1:5.1f}"
        f"  ARI={scores.ari:.3f}"
    )
