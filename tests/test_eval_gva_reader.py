"""The gva-dev reader: incident folders as gold stories, a fixed sample, and our ARI
against scikit-learn's on the publication-day baseline of the whole corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.eval import gva
from claimgraph.eval.stories import adjusted_rand_index


def test_eval_gva_reads_every_incident(gva_dir: Path) -> None:
    files = gva.read_files(gva_dir)
    assert len(files) == 1300
    assert len({f.incident for f in files}) == 505
    assert all(f.published for f in files)


def test_eval_gva_sample_is_fixed_and_blind(gva_dir: Path) -> None:
    first = gva.sample_incidents(gva_dir, 60)
    assert first == gva.sample_incidents(gva_dir, 60)
    assert len(first) == 60 and set(first) <= set(gva.incidents(gva_dir))


def test_eval_gva_ari_matches_scikit_learn(gva_dir: Path) -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    files = gva.read_files(gva_dir)
    gold = {f.file_id: f.incident for f in files}
    same_day = {f.file_id: f.published for f in files}
    ours = adjusted_rand_index(gold, same_day)
    theirs = metrics.adjusted_rand_score(list(gold.values()), [same_day[k] for k in gold])
    assert ours == pytest.approx(theirs)
