"""Gate: attribution F1 on a fixed PolNeAR dev sample must not fall below its floors.

The sample is the first 20 dev articles in sorted order (about 7 s on 2 cores). Floors
sit a little below what was measured, so that real regressions fail and parser noise
does not. Measured 2026-11-23 with
``claimgraph eval attribution --polnear /work/shared/corpora/polnear --split dev --limit 20``
(rules plus the trained cue scorer, cue-extent and content-edge models): exact F1
source 72.9, cue 70.7, content 54.9; overlap F1 source 74.0, cue 77.4, content 80.4
(textacy's direct_quotations on the same sample: exact 27.0/31.5/11.3). Floors raised
from 64/61/50 exact and 65/68/72 overlap (rules alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.eval.attribution import evaluate_attribution

FLOORS = {
    ("source", "exact"): 70.5,
    ("cue", "exact"): 68.5,
    ("content", "exact"): 53.5,
    ("source", "overlap"): 71.5,
    ("cue", "overlap"): 75.0,
    ("content", "overlap"): 78.0,
}


@pytest.mark.slow
def test_eval_attribution_gate_dev_sample(nlp: Any, polnear_dir: Path) -> None:
    report = evaluate_attribution(polnear_dir, "dev", limit=20, nlp=nlp, with_baseline=False)
    assert report.articles == 20
    roles = report.systems["claimgraph"].roles
    for (role, measure), floor in FLOORS.items():
        f1 = 100 * getattr(roles[role], measure).f1
        assert f1 >= floor, f"{role} {measure} F1 {f1:.1f} < floor {floor}"
