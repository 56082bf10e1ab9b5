"""Gate: attribution F1 on a fixed PolNeAR dev sample must not fall below its floors.

The sample is the first 20 dev articles in sorted order (about 7 s on 2 cores). The
floors, the figures they were set from and the sample's digest are in ``tests/gates.py``
(one margin for every gate). First measured 2026-11-23 (third session that day) with
``claimgraph eval attribution --polnear /work/shared/corpora/polnear --split dev --limit 20``
(rules plus the trained cue scorer with its second pass, cue- and source-extent rankers
and content-edge model): exact F1 source 77.3, cue 75.6, content 60.3; overlap F1 source
78.2, cue 81.4, content 83.3 (textacy's direct_quotations on the same sample: exact
27.0/31.5/11.3). Floors raised from 75.5/73.0/57.0 exact and 76.0/79.0/81.0 overlap
(before that 70.5/68.5/53.5 and 71.5/75.0/78.0).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import gates
from claimgraph.eval.attribution import evaluate_attribution

SAMPLE = 20  # articles


def sample_files(polnear_dir: Path, split: str, limit: int) -> list[Path]:
    """The texts ``read_split`` reads and the first annotation of each, in its order."""
    root = polnear_dir / split
    found: list[Path] = []
    for text in sorted((root / "text").glob("*.txt")):
        annotations = sorted((root / "attributions").glob(f"{text.stem}_*.ann"))
        if annotations and len(found) < 2 * limit:
            found += [text, annotations[0]]
    return found


@pytest.mark.slow
def test_eval_attribution_gate_dev_sample(nlp: Any, polnear_dir: Path) -> None:
    gates.check_sample(
        "attribution/polnear-dev-20", polnear_dir, sample_files(polnear_dir, "dev", SAMPLE)
    )
    report = evaluate_attribution(polnear_dir, "dev", limit=SAMPLE, nlp=nlp, with_baseline=False)
    assert report.articles == SAMPLE
    roles = report.systems["claimgraph"].roles
    gates.check(
        "attribution/polnear-dev-20",
        {
            f"{role} {measure} F1": getattr(roles[role], measure).f1
            for role in ("source", "cue", "content")
            for measure in ("exact", "overlap")
        },
    )
