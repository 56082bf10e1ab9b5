"""Gate: attribution F1 on a fixed PolNeAR dev sample must not fall below its floors.

The sample is the first 20 dev articles in sorted order (about 7 s on 2 cores). Floors
sit a little below what was measured, so that real regressions fail and parser noise
does not. Measured 2026-11-23 (second session that day) with
``claimgraph eval attribution --polnear /work/shared/corpora/polnear --split dev --limit 20``
(rules plus the trained cue scorer, cue- and source-extent rankers and content-edge
model): exact F1 source 77.4, cue 75.1, content 58.9; overlap F1 source 78.1, cue 81.0,
content 83.0 (textacy's direct_quotations on the same sample: exact 27.0/31.5/11.3).
Floors raised from 70.5/68.5/53.5 exact and 71.5/75.0/78.0 overlap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.eval.attribution import evaluate_attribution

FLOORS = {
    ("source", "exact"): 75.5,
    ("cue", "exact"): 73.0,
    ("content", "exact"): 57.0,
    ("source", "overlap"): 76.0,
    ("cue", "overlap"): 79.0,
    ("content", "overlap"): 81.0,
}


@pytest.mark.slow
def test_eval_attribution_gate_dev_sample(nlp: Any, polnear_dir: Path) -> None:
    report = evaluate_attribution(polnear_dir, "dev", limit=20, nlp=nlp, with_baseline=False)
    assert report.articles == 20
    roles = report.systems["claimgraph"].roles
    for (role, measure), floor in FLOORS.items():
        f1 = 100 * getattr(roles[role], measure).f1
        assert f1 >= floor, f"{role} {measure} F1 {f1:.1f} < floor {floor}"
