"""Floors for figure groups and conflicts on a fixed sample of gva-dev (real shooting news).

The sample is the first 25 incidents of gva-dev ordered by the SHA-256 of their ids
(``gva_figures.sample``; the same as ``claimgraph eval figures --gva DIR --limit 25``).
Measured (2026-12-08) on it, incidents with a share's property / incidents it is out of
(first measured: killed 10/12, 11/25, 2/3; injured 10/12, 11/25, 3/4; then 2026-12-07:
killed 10/12, 7/25, 2/3; injured 11/12, 6/25, 1/4):
  killed:  found 10/12, contradicting total 4/25, false conflict 0/3
  injured: found 11/12, contradicting total 6/25, false conflict 1/4
Each floor allows one incident of noise (a margin of one, stated here, never widened).
The denominators come from the text test alone, so they are pinned exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.eval import gva_figures

GVA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "gva-dev"
SAMPLE = 25
MARGIN = 1  # incidents


@pytest.fixture(scope="module")
def sample_shares(nlp):  # type: ignore[no-untyped-def]
    if not (GVA / "gold.json").is_file():
        pytest.skip(f"gva-dev not found at {GVA}")
    return gva_figures.evaluate_gva(GVA, SAMPLE, nlp=nlp)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "found", "stating", "contradicting", "conflicted", "agreeing"),
    [("killed", 10, 12, 4, 0, 3), ("injured", 11, 12, 6, 1, 4)],
)
def test_eval_figures_gva_sample_floors(  # type: ignore[no-untyped-def]
    sample_shares, kind, found, stating, contradicting, conflicted, agreeing
) -> None:
    assert sample_shares.incidents == SAMPLE
    assert sample_shares.found[kind].of == stating
    assert sample_shares.false_conflict[kind].of == agreeing
    assert sample_shares.found[kind].hits >= found - MARGIN
    assert sample_shares.contradicting[kind].hits <= contradicting + MARGIN
    assert sample_shares.false_conflict[kind].hits <= conflicted + MARGIN


def test_eval_figures_text_test_reads_numbers_beside_kind_words() -> None:
    text = "Two people were killed and four others were hurt. He was 45."
    assert gva_figures.stated_counts(text, "killed") == {2, 4}
    assert gva_figures.stated_counts(text, "injured") == {2, 4}
    assert 45 not in gva_figures.stated_counts(text, "killed")
