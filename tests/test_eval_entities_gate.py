"""Floors for cross-article entity linking on fixed samples of MEANTIME and ECB+.

Measured (2026-11-23) on the gold mentions a predicted mention matches (it covers their
head word; see ``claimgraph.eval.entities``), with the samples below loaded as here:
  MEANTIME corpus_airbus (30 documents, 405 of 681 gold mentions matched):
      B-cubed F1 90.4, CoNLL F1 88.5 (same-surface baseline 86.0)
  ECB+ dev topics 2 and 12 (51 documents, 100 of 255 gold mentions matched):
      B-cubed F1 89.9, CoNLL F1 86.0 (same-surface baseline 82.7)
Whole sets: `claimgraph eval entities --meantime /work/shared/corpora/meantime --ecbplus
/work/shared/corpora/ecbplus --split dev`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gates
from claimgraph.eval import ecbplus
from claimgraph.eval.entities import evaluate
from claimgraph.eval.meantime_entities import ANNOTATION_DIR, read_corpus


def ecbplus_files(ecbplus_dir: Path, topics: tuple[int, ...]) -> list[Path]:
    """What ``ecbplus.read_topics`` reads: the checked-sentence list and the topics' files."""
    listed = [ecbplus_dir / "ECBplus_coreference_sentences.csv"]
    return listed + [p for t in topics for p in sorted((ecbplus_dir / str(t)).glob("*.xml"))]


@pytest.mark.slow
def test_eval_entities_meantime_sample_floor(meantime_dir: Path, entities_nlp) -> None:  # type: ignore[no-untyped-def]
    files = sorted((meantime_dir / ANNOTATION_DIR / "corpus_airbus").glob("*.xml"))
    gates.check_sample("entities/meantime-airbus", meantime_dir, files)
    documents = read_corpus(meantime_dir, ["airbus"])
    scores = evaluate([(d.article, d.mentions) for d in documents], entities_nlp)
    gates.check(
        "entities/meantime-airbus",
        {
            "mentions matched": scores.matched,
            "B-cubed F1": scores.b_cubed.f1,
            "CoNLL F1": scores.conll,
            "CoNLL F1 over the same-surface baseline": scores.conll - scores.baseline_conll,
        },
    )


@pytest.mark.slow
def test_eval_entities_ecbplus_sample_floor(ecbplus_dir: Path, entities_nlp) -> None:  # type: ignore[no-untyped-def]
    gates.check_sample(
        "entities/ecbplus-topics-2-12", ecbplus_dir, ecbplus_files(ecbplus_dir, (2, 12))
    )
    documents = ecbplus.read_topics(ecbplus_dir, (2, 12))
    scores = evaluate([(d.article, d.mentions) for d in documents], entities_nlp)
    gates.check(
        "entities/ecbplus-topics-2-12",
        {
            "mentions matched": scores.matched,
            "B-cubed F1": scores.b_cubed.f1,
            "CoNLL F1": scores.conll,
        },
    )


def test_eval_entities_meantime_reader_links_across_documents(meantime_dir: Path) -> None:
    documents = read_corpus(meantime_dir, ["gm"])
    assert len(documents) == 30
    docs_of: dict[str, set[str]] = {}
    for document in documents:
        text = document.article.text
        for mention in document.mentions:
            assert mention.kind in {"PER", "ORG", "LOC"}
            assert text[mention.head_start : mention.head_end].strip()
            docs_of.setdefault(mention.cluster, set()).add(mention.doc_id)
    assert max(len(d) for d in docs_of.values()) >= 20  # General Motors, across the corpus
