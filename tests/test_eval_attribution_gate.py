"""Gate: attribution F1 on a fixed PolNeAR dev sample must not fall below its floors.

The sample is the first 20 dev articles in sorted order (about 7 s on 2 cores). Floors
sit a little below what was measured, so that real regressions fail and parser noise
does not. Measured 2026-11-23 with
``claimgraph eval attribution --polnear /work/shared/corpora/polnear --split dev --limit 20``:
exact F1 source 66.8, cue 64.0, content 52.5; overlap F1 source 67.7, cue 70.7,
content 75.2 (textacy's direct_quotations on the same sample: exact 27.0/31.5/11.3).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.eval.attribution import evaluate_attribution

FLOORS = {
    ("source", "exact"): 64.0,
    ("cue", "exact"): 61.0,
    ("content", "exact"): 50.0,
    ("source", "overlap"): 65.0,
    ("cue", "overlap"): 68.0,
    ("content", "overlap"): 72.0,
}


@pytest.mark.slow
def test_eval_attribution_gate_dev_sample(nlp: Any, polnear_dir: Path) -> None:
    report = evaluate_attribution(polnear_dir, "dev", limit=20, nlp=nlp, with_baseline=False)
    assert report.articles == 20
    roles = report.systems["claimgraph"].roles
    for (role, measure), floor in FLOORS.items():
        f1 = 100 * getattr(roles[role], measure).f1
        assert f1 >= floor, f"{role} {measure} F1 {f1:.1f} < floor {floor}"
