"""Floors for story grouping on a fixed ECB+ sample, and checks of the ECB+ reader.

The documents are ingested as plain-text files into one store and grouped as `claimgraph
ingest` groups them (full analysis; article ids are content hashes, so the order they are
grouped in is not the corpus's).
Measured (2026-12-08) on dev topics 2 and 12 grouped at once (51 documents, 4 stories):
  B-cubed P 100.0 R 100.0 F1 100.0, ARI 1.000 (see ``evaluate_ecbplus(..., topics=(2, 12))``)
Whole dev split (tuned on train): `claimgraph eval stories --ecbplus
/work/shared/corpora/ecbplus --split dev`: B-cubed P 99.0 R 91.4 F1 95.1, ARI 0.951
(train: 90.1 / 0.852). Before (2026-12-07, documents analysed by the entity model alone,
in name order): sample 92.3 / 0.898, dev 93.8 / 0.919. Floors (one margin for every gate)
and sample digests: ``tests/gates.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gates
from claimgraph.eval import ecbplus
from claimgraph.eval.stories import evaluate_ecbplus


def ecbplus_files(ecbplus_dir: Path, topics: tuple[int, ...]) -> list[Path]:
    """What ``ecbplus.read_topics`` reads: the checked-sentence list and the topics' files."""
    listed = [ecbplus_dir / "ECBplus_coreference_sentences.csv"]
    return listed + [p for t in topics for p in sorted((ecbplus_dir / str(t)).glob("*.xml"))]


@pytest.mark.slow
def test_eval_stories_ecbplus_dev_sample_floor(ecbplus_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    sample = "stories/ecbplus-topics-2-12"
    gates.check_sample(sample, ecbplus_dir, ecbplus_files(ecbplus_dir, (2, 12)))
    scores = evaluate_ecbplus(ecbplus_dir, "dev", topics=(2, 12), nlp=nlp, processes=1)
    assert scores.documents == 51
    gates.check(sample, {"B-cubed F1": scores.b_cubed.f1, "ARI": scores.ari})


@pytest.mark.slow
def test_eval_stories_ecbplus_dev_split_floor(ecbplus_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    sample = "stories/ecbplus-dev"
    gates.check_sample(sample, ecbplus_dir, ecbplus_files(ecbplus_dir, ecbplus.split_topics("dev")))
    scores = evaluate_ecbplus(ecbplus_dir, "dev", nlp=nlp, processes=1)
    assert scores.documents == 197
    gates.check(sample, {"B-cubed F1": scores.b_cubed.f1, "ARI": scores.ari})


def test_eval_stories_reader_gives_two_stories_per_topic(ecbplus_dir: Path) -> None:
    documents = ecbplus.read_topics(ecbplus_dir, (2,))
    assert {d.story for d in documents} == {"2/ecb", "2/ecbplus"}
    for document in documents:
        text = document.article.text
        assert "http" not in text.split("\n", 1)[0]
        for mention in document.mentions:
            assert text[mention.start : mention.end].strip()
            assert mention.start <= mention.head_start < mention.head_end <= mention.end


def test_eval_stories_splits_are_the_usual_ones() -> None:
    assert set(ecbplus.split_topics("dev")) == {2, 5, 12, 18, 21, 23, 34, 35}
    assert len(ecbplus.split_topics("train")) == 27
    with pytest.raises(ValueError):
        ecbplus.split_topics("test")
