"""Floors on a fixed part of the NewsQuant dev half: its first 150 sentences.

Measured 2026-12-08 with ``claimgraph eval quantities --newsquant
../shared/corpora/newsquant-dev/NewsQuant.dev.json --limit 150`` (F1): value 97.8,
value+unit 91.8, value+change 89.6, concept partial 72.7; the gate's quantities-only
pipeline gives the same (``MEASURED``). On 2026-12-07 they were 97.3, 91.3, 88.0, 67.9.
Before issue 16 (commit d44d8f0, same scorer) the
same 150 sentences gave value 85.6, value+unit 66.7, value+change 76.4, concept partial
44.8. Floors sit 2 points
below what was measured, so that a parse change from a model update passes and a lost
category (about 2 points per 4 of the 181 gold quantities) fails. The dev half was read
while building the rules: the held-out half is the honest measure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.eval.newsquant import evaluate, load_newsquant

NEWSQUANT_DEV = (
    Path(__file__).resolve().parents[2] / "shared/corpora/newsquant-dev/NewsQuant.dev.json"
)
SENTENCES = 150
MEASURED = {"value": 0.978, "value_unit": 0.918, "value_change": 0.896, "concept_partial": 0.727}
FLOORS = {name: round(value - 0.02, 3) for name, value in MEASURED.items()}


@pytest.mark.slow
def test_eval_newsquant_dev_floors(quantities_nlp: Any) -> None:
    if not NEWSQUANT_DEV.is_file():
        pytest.skip(f"NewsQuant dev half not found at {NEWSQUANT_DEV}")
    sentences = load_newsquant(NEWSQUANT_DEV)[:SENTENCES]
    scores = evaluate(quantities_nlp, sentences)
    got = {name: round(prf.f1, 3) for name, prf in scores.scores.items()}
    below = {name: got[name] for name, floor in FLOORS.items() if got[name] < floor}
    assert not below, f"below the floors {FLOORS}: {below} (all: {got})"
