"""Score story grouping against gold stories.

ECB+ (one story per event of a topic): all documents of a split are ingested into one
store as plain-text files and grouped at once, so a story may wrongly span topics as well
as the two same-kind events inside a topic.
gva-dev (one story per shooting incident, hundreds of incidents of one topic): the
articles are ingested into a store and grouped as ``claimgraph ingest`` groups them,
beside two baselines (every article alone; articles of one publication day together).
Figures: B-cubed precision, recall and F1 over documents, and the adjusted Rand index
(Hubert and Arabie 1985), computed here from the contingency table (scikit-learn is only
a dev dependency; the tests check both agree).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from claimgraph.batch.local import ingest_paths
from claimgraph.eval import ecbplus, gva
from claimgraph.eval.metrics import PRF
from claimgraph.link.relinking import plan_relink
from claimgraph.store import open_store
from claimgraph.store.base import Store


@dataclass(frozen=True)
class StoryScores:
    documents: int
    gold_stories: int
    predicted_stories: int
    b_cubed: PRF
    ari: float

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "gold_stories": self.gold_stories,
            "predicted_stories": self.predicted_stories,
            "b_cubed": self.b_cubed.as_dict(),
            "ari": round(self.ari, 3),
        }


def b_cubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> PRF:
    """B-cubed over the items both labellings hold."""
    keys = [k for k in gold if k in predicted]
    if not keys:
        return PRF.rates(0.0, 0.0)
    pairs = Counter((gold[k], predicted[k]) for k in keys)
    gold_sizes = Counter(gold[k] for k in keys)
    predicted_sizes = Counter(predicted[k] for k in keys)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in pairs.items()) / len(keys)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in pairs.items()) / len(keys)
    return PRF.rates(precision, recall)


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


def evaluate_ecbplus(
    root: Path,
    split: str,
    topics: Sequence[int] | None = None,
    nlp: Language | None = None,
    *,
    store_path: Path | None = None,
    processes: int | None = None,
) -> StoryScores:
    """Group every document of the split's topics (or of ``topics``) at once and score,
    the way a user meets them: each document's text written to a ``.txt`` file (its
    first line the title, no publication date: ECB+ gives none), ingested into one store
    and grouped as ``claimgraph ingest`` groups them. ``store_path`` keeps the store."""
    documents = ecbplus.read_topics(root, topics or ecbplus.split_topics(split))
    with tempfile.TemporaryDirectory(prefix="claimgraph-ecbplus-") as scratch:
        folder = Path(scratch) / "texts"
        folder.mkdir()
        paths = []
        for document in documents:
            path = folder / f"{document.article.id}.txt"
            path.write_text(document.article.text, encoding="utf-8")
            paths.append(str(path))
        path = store_path or Path(scratch) / "ecbplus.db"
        with closing(open_store(path)) as store:
            ingest_paths(paths, store, processes=processes, nlp=nlp)
            predicted = stored_file_labels(store)
    return score_labels(ecbplus.gold_stories(documents), predicted)


def format_scores(scores: StoryScores, label: str) -> str:
    b3 = scores.b_cubed
    return (
        f"stories: {label}: documents={scores.documents} gold stories={scores.gold_stories} "
        f"predicted stories={scores.predicted_stories}\n"
        f"  B-cubed P={100 * b3.precision:5.1f} R={100 * b3.recall:5.1f} F1={100 * b3.f1:5.1f}"
        f"  ARI={scores.ari:.3f}"
    )


def score_labels(gold: Mapping[str, str], predicted: Mapping[str, str]) -> StoryScores:
    """Scores of a labelling (item -> story) against the gold one."""
    return StoryScores(
        documents=len(gold),
        gold_stories=len(set(gold.values())),
        predicted_stories=len({predicted[k] for k in gold if k in predicted}),
        b_cubed=b_cubed(gold, predicted),
        ari=adjusted_rand_index(gold, predicted),
    )


@dataclass(frozen=True)
class GvaScores:
    """Story grouping on gva-dev beside the two baselines, and the grouping itself."""

    grouped: StoryScores
    alone: StoryScores  # every article its own story
    same_day: StoryScores  # the articles of one publication day one story
    stories: dict[str, list[str]]  # story id -> file ids, as grouped

    def as_dict(self) -> dict[str, object]:
        return {
            "grouped": self.grouped.as_dict(),
            "baseline_alone": self.alone.as_dict(),
            "baseline_same_day": self.same_day.as_dict(),
        }


def stored_file_labels(store: Store) -> dict[str, str]:
    """File id (the source file's stem) -> story id, for every appearance in ``store``,
    as a re-link would group them now (stored grouping terms are recomputed first, so a
    reused store is grouped by this version of the code)."""
    store.clear_link_terms()
    plan = plan_relink(store)
    ids = [i for story in plan.stories for i in story.article_ids]
    appearances = store.appearances_by_id(ids)
    found: dict[str, str] = {}
    for story in plan.stories:
        for article_id in story.article_ids:
            for metadata in appearances.get(article_id, ()):
                if metadata.source_path:
                    found[Path(metadata.source_path).stem] = story.story_id
    return found


def evaluate_gva(
    root: Path,
    incidents: Sequence[str] | None = None,
    *,
    store_path: Path | None = None,
    processes: int | None = None,
    nlp: Language | None = None,
) -> GvaScores:
    """Ingest the articles of ``incidents`` (all by default) into one store, group them
    and score against the incident folders. ``store_path`` keeps the store (ingesting
    into it again only adds what is missing); by default a temporary one is used."""
    files = gva.read_files(root, list(incidents) if incidents is not None else None)
    with tempfile.TemporaryDirectory(prefix="claimgraph-gva-") as scratch:
        path = store_path or Path(scratch) / "gva.db"
        with closing(open_store(path)) as store:
            ingest_paths([str(f.path) for f in files], store, processes=processes, nlp=nlp)
            predicted = stored_file_labels(store)
    gold = {f.file_id: f.incident for f in files}
    stories: dict[str, list[str]] = {}
    for file_id, sid in sorted(predicted.items()):
        stories.setdefault(sid, []).append(file_id)
    return GvaScores(
        grouped=score_labels(gold, predicted),
        alone=score_labels(gold, {f.file_id: f.file_id for f in files}),
        same_day=score_labels(gold, {f.file_id: f.published or f.file_id for f in files}),
        stories=stories,
    )


def format_gva(scores: GvaScores) -> str:
    rows = [("grouped", scores.grouped), ("every article alone", scores.alone)]
    rows.append(("same publication day", scores.same_day))
    lines = [
        f"stories: gva: documents={scores.grouped.documents} "
        f"gold stories={scores.grouped.gold_stories}"
    ]
    for label, s in rows:
        b3 = s.b_cubed
        lines.append(
            f"  {label:<22} stories={s.predicted_stories:5d}  B-cubed P={100 * b3.precision:5.1f} "
            f"R={100 * b3.recall:5.1f} F1={100 * b3.f1:5.1f}  ARI={s.ari:.3f}"
        )
    return "\n".join(lines)
