"""Gate: attribution F1 on a fixed PolNeAR dev sample must not fall below its floors.

The sample is the first 20 dev articles in sorted order (about 7 s on 2 cores). Floors
sit a little below what was measured, so that real regressions fail and parser noise
does not. Measured 2026-11-23 (third session that day) with
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

from claimgraph.eval.attribution import evaluate_attribution

FLOORS = {
    ("source", "exact"): 76.0,
    ("cue", "exact"): 74.0,
    ("content", "exact"): 58.5,
    ("source", "overlap"): 76.5,
    ("cue", "overlap"): 80.0,
    ("content", "overlap"): 82.0,
}


@pytest.mark.slow
def test_eval_attribution_gate_dev_sample(nlp: Any, polnear_dir: Path) -> None:
    report = evaluate_attribution(polnear_dir, "dev", limit=20, nlp=nlp, with_baseline=False)
    assert report.articles == 20
    roles = report.systems["claimgraph"].roles
    for (role, measure), floor in FLOORS.items():
        f1 = 100 * getattr(roles[role], measure).f1
        assert f1 >= floor, f"{role} {measure} F1 {f1:.1f} < floor {floor}"
