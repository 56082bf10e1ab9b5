"""Gate: attribution F1 on a fixed PolNeAR dev sample must not fall below its floors.

The sample is the first 20 dev articles in sorted order (about 7 s on 2 cores). Floors
sit a little below what was measured, so that real regressions fail and parser noise
does not. Measured 2026-11-23 with
``claimgraph eval attribution --polnear /work/shared/corpora/polnear --split dev --limit 20``
(rules plus the trained cue scorer, newswire '' quotations): exact F1 source 72.3, cue
68.3, content 54.7; overlap F1 source 73.3, cue 76.2, content 79.6 (textacy's
direct_quotations on the same sample: exact 27.0/31.5/11.3). Floors raised from
64/61/50 exact and 65/68/72 overlap (rules alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.eval.attribution import evaluate_attribution

FLOORS = {
    ("source", "exact"): 70.0,
    ("cue", "exact"): 66.0,
    ("content", "exact"): 52.5,
    ("source", "overlap"): 71.0,
    ("cue", "overlap"): 74.0,
    ("content", "overlap"): 77.5,
}


@pytest.mark.slow
def test_eval_attribution_gate_dev_sample(nlp: Any, polnear_dir: Path) -> None:
    report = evaluate_attribution(polnear_dir, "dev", limit=20, nlp=nlp, with_baseline=False)
    assert report.articles == 20
    roles = report.systems["claimgraph"].roles
    for (role, measure), floor in FLOORS.items():
        f1 = 100 * getattr(roles[role], measure).f1
        assert f1 >= floor, f"{role} {measure} F1 {f1:.1f} < floor {floor}"
