"""Floors for figure groups and conflicts on a fixed sample of gva-dev (real shooting news).

The sample is the first 25 incidents of gva-dev ordered by the SHA-256 of their ids
(``gva_figures.sample``; the same as ``claimgraph eval figures --gva DIR --limit 25``).
Measured (2026-12-08) on it, incidents with a share's property / incidents it is out of
(first measured: killed 10/12, 11/25, 2/3; injured 10/12, 11/25, 3/4; then 2026-12-07:
killed 10/12, 7/25, 2/3; injured 11/12, 6/25, 1/4):
  killed:  found 10/12, contradicting total 4/25, false conflict 0/3
  injured: found 11/12, contradicting total 6/25, false conflict 1/4
The floors and ceilings are in ``tests/gates.py``. The denominators come from the text
test alone, so they are pinned exactly here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gates
from claimgraph.eval import gva_figures

GVA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "gva-dev"
SAMPLE = 25


def sample_files(gva_dir: Path, limit: int) -> list[Path]:
    """The gold and every file of the sample's incidents (articles and their sidecars)."""
    chosen = gva_figures.sample(gva_figures.load_incidents(gva_dir), limit)
    files = [p for i in chosen for p in sorted(i.directory.iterdir()) if p.is_file()]
    return [gva_dir / "gold.json", *files]


@pytest.fixture(scope="module")
def sample_shares(nlp):  # type: ignore[no-untyped-def]
    if not (GVA / "gold.json").is_file():
        pytest.skip(f"gva-dev not found at {GVA}")
    gates.check_sample("figures/gva-25", GVA, sample_files(GVA, SAMPLE))
    return gva_figures.evaluate_gva(GVA, SAMPLE, nlp=nlp)


# Incidents stating each kind's count, and incidents whose articles agree on it.
DENOMINATORS = {"killed": (12, 3), "injured": (12, 4)}


@pytest.mark.slow
def test_eval_figures_gva_sample_floors(sample_shares) -> None:  # type: ignore[no-untyped-def]
    assert sample_shares.incidents == SAMPLE
    values: dict[str, float] = {}
    for kind, (stating, agreeing) in DENOMINATORS.items():
        assert sample_shares.found[kind].of == stating
        assert sample_shares.false_conflict[kind].of == agreeing
        values[f"{kind}: incidents found"] = sample_shares.found[kind].hits
        values[f"{kind}: incidents contradicting the total"] = sample_shares.contradicting[
            kind
        ].hits
        values[f"{kind}: false conflicts"] = sample_shares.false_conflict[kind].hits
    gates.check("figures/gva-25", values)


def test_eval_figures_text_test_reads_numbers_beside_kind_words() -> None:
    text = "Two people were killed and four others were hurt. He was 45."
    assert gva_figures.stated_counts(text, "killed") == {2, 4}
    assert gva_figures.stated_counts(text, "injured") == {2, 4}
    assert 45 not in gva_figures.stated_counts(text, "killed")
