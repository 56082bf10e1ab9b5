"""Every eval gate's floor in one place: the sample it reads, what was measured, the floor.

A gate is one measure on one fixed sample of dev data (``SAMPLES``: how the sample is
chosen, the command that measures it, and the SHA-256 of the files it reads). The test
files run their evaluations and hand the figures to ``check``; ``check_sample`` first
refuses a sample whose files changed, so a changed corpus is reported, never silently
scored against floors measured on another.

One margin rule for every gate (``rule_limit``): a floor sits ``SCORE_MARGIN`` under the
measured score (F1, accuracy, ARI, all as fractions), rounded down to three decimals, or
the same share under a measured count, rounded down to a whole item; a ceiling (a count
of errors, an MAE) as far above, rounded up. ``tests/test_gates.py`` checks that every
limit follows the rule, and that no floor ever went down (nor a ceiling up) between two
versions of this file without a reason on the limit's own line (``# lowered: <why>``).

Re-measuring: ``CLAIMGRAPH_GATES_RECORD=FILE pytest tests/test_eval_*gate*.py`` appends
every figure and sample digest to FILE (JSON lines) instead of failing on them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

# Scores are fractions (F1 0.763 is 76.3 points). One margin for every gate: half a point,
# the widest that left no earlier floor lower when the floors were gathered here (linking
# team-dev scope F1 measured 85.7 over a floor of 85.0). Measures move in whole items, so
# on a small sample one lost item fails the gate: it is a change to look at, and a floor
# lowered for it says why on its line.
SCORE_MARGIN = 0.005
RECORD_ENV = "CLAIMGRAPH_GATES_RECORD"


@dataclass(frozen=True)
class Sample:
    """A fixed piece of dev data: how it is chosen, and the digest of the files read."""

    what: str
    digest: str


@dataclass(frozen=True)
class Gate:
    """One measure on one sample: at least ``floor``, or (errors) at most ``ceiling``."""

    sample: str
    measure: str
    measured: float
    floor: float | None = None
    ceiling: float | None = None
    count: bool = False  # a count of items, not a score

    @property
    def limit(self) -> float:
        found = self.floor if self.floor is not None else self.ceiling
        assert found is not None, f"{self.sample} {self.measure}: no floor or ceiling"
        return found

    def passes(self, value: float) -> bool:
        if self.floor is not None:
            return value >= self.floor
        return value <= self.limit


def rule_limit(measured: float, *, count: bool, ceiling: bool) -> float:
    """The margin rule: the limit every gate's measured value gives. A score's limit is
    ``SCORE_MARGIN`` away, rounded outward to three decimals; a count's is the same share
    of the count away, rounded outward to a whole item (so 10 found gives a floor of 9, 7
    errors a ceiling of 8, and 0 errors a ceiling of 0)."""
    if count:
        if ceiling:
            return math.ceil(round(measured * (1 + SCORE_MARGIN), 6))
        return math.floor(round(measured * (1 - SCORE_MARGIN), 6))
    if ceiling:
        return math.ceil(round((measured + SCORE_MARGIN) * 1000, 6)) / 1000
    return math.floor(round((measured - SCORE_MARGIN) * 1000, 6)) / 1000


SAMPLES: dict[str, Sample] = {
    "attribution/polnear-dev-20": Sample(
        (
            "the first 20 PolNeAR dev articles by file name, with their first "
            "annotation: claimgraph eval attribution --polnear "
            "../shared/corpora/polnear --split dev --limit 20"
        ),
        "d8d2f40dd2ac71b53c42a2b5231e94cbfef10286f4a59887dddce520c836e688",
    ),
    "dates/gold-dev": Sample(
        "gold/dates.jsonl, dev half: claimgraph eval dates gold/dates.jsonl --split dev",
        "8e5e10b223602e478fe286ae0c7c39d0bb0369f7e6f93a3290f405c5e36855c6",
    ),
    "dates/meantime-every-8th": Sample(
        "every 8th English MEANTIME document (15): tests/test_eval_dates_gates.py",
        "14d047adaa92a48cffb18e2086243f7669dc2aabca7fc6439f1b5325dcab5664",
    ),
    "entities/meantime-airbus": Sample(
        "MEANTIME corpus_airbus (30 documents): tests/test_eval_entities_gate.py",
        "a7fc16f41103748ee0c4550f5bf0f418594cf85e6038d8eacd7cd6349e58378f",
    ),
    "entities/ecbplus-topics-2-12": Sample(
        "ECB+ dev topics 2 and 12 (51 documents) and the checked-sentence list",
        "b2750e0be8f8328a4a6021e17e88818a93657cc0a4a96209523adbf82cec2321",
    ),
    "factuality/gold-dev": Sample(
        (
            "gold/factuality.jsonl, dev half: claimgraph eval factuality "
            "gold/factuality.jsonl --split dev"
        ),
        "91d3fd41815c8832f0641650d54932e99725bf709eb1191026e6da36c2cd6a66",
    ),
    "factuality/meantime-every-8th": Sample(
        "every 8th English MEANTIME document (15): tests/test_eval_factuality_gates.py",
        "14d047adaa92a48cffb18e2086243f7669dc2aabca7fc6439f1b5325dcab5664",
    ),
    "figures/gva-25": Sample(
        (
            "the first 25 gva-dev incidents by SHA-256 of their ids, and gold.json: "
            "claimgraph eval figures --gva ../shared/corpora/gva-dev --limit 25"
        ),
        "8cf8f4b6e9c5cc442127aac0561d93dcba43c088cc5f107502cd9741ca590db7",
    ),
    "linking/team-dev": Sample(
        "the team's 5 dev stories of gold/linking (fire_brannock ... protest_corvin)",
        "70050e38433d12965b5933bcaff0c8c662ba9274bb94f5b9bf2b1578bbf8a65b",
    ),
    "linking/blind-dev": Sample(
        (
            "the 6 dev stories of gold/linking written blind (shooting_varnholt ... "
            "outbreak_dunmore)"
        ),
        "aad8fc1915f34c5460d5bdb686791059dcbd43767d0e3a430016211cfd253430",
    ),
    "quantities/newsquant-dev-150": Sample(
        (
            "NewsQuant.dev.json, its first 150 sentences: claimgraph eval "
            "quantities --newsquant "
            "../shared/corpora/newsquant-dev/NewsQuant.dev.json --limit 150"
        ),
        "bb7f6649ccc5f860352f6e4044e58011bf776bbc9cabcad44e1896b9bb977201",
    ),
    "quantities/gold-dev": Sample(
        (
            "gold/quantities.jsonl, dev half: claimgraph eval quantities "
            "gold/quantities.jsonl --split dev"
        ),
        "e5c0f7ebd3ee97d283113d8dd01483a53d7d545f5113714081d12bd1d8ef57d1",
    ),
    "stories/ecbplus-topics-2-12": Sample(
        (
            "ECB+ dev topics 2 and 12 ingested into one store (51 documents) and the "
            "checked-sentence list"
        ),
        "b2750e0be8f8328a4a6021e17e88818a93657cc0a4a96209523adbf82cec2321",
    ),
    "stories/ecbplus-dev": Sample(
        (
            "the ECB+ dev split (197 documents): claimgraph eval stories --ecbplus "
            "../shared/corpora/ecbplus --split dev"
        ),
        "e14116b3d486574e1a8c0bb9d0ea6863ebace4a1c56f40305441ab0fba38e760",
    ),
    "stories/gva-60": Sample(
        (
            "60 gva-dev incidents by SHA-256 of their ids (157 articles): "
            "claimgraph eval stories --gva ../shared/corpora/gva-dev --sample 60"
        ),
        "a596f310b5b60e2b184d4914ac403478ae30c9d497e428b3cf2224b14cd0570c",
    ),
}
# Measured 2026-12-08 on main 7022a93 (the figures the test files' floors were set
# from, on older code, are in their docstrings).
GATES: tuple[Gate, ...] = (
    Gate("attribution/polnear-dev-20", "source exact F1", 0.7727, floor=0.767),
    Gate("attribution/polnear-dev-20", "cue exact F1", 0.7559, floor=0.75),
    Gate("attribution/polnear-dev-20", "content exact F1", 0.6031, floor=0.598),
    Gate("attribution/polnear-dev-20", "source overlap F1", 0.7823, floor=0.777),
    Gate("attribution/polnear-dev-20", "cue overlap F1", 0.8144, floor=0.809),
    Gate("attribution/polnear-dev-20", "content overlap F1", 0.8333, floor=0.828),
    Gate("dates/gold-dev", "dates detected", 102, floor=101, count=True),
    Gate("dates/gold-dev", "value accuracy", 1.0, floor=0.995),
    Gate("dates/gold-dev", "relaxed F1", 1.0, floor=0.995),
    Gate("dates/meantime-every-8th", "value accuracy", 0.8387, floor=0.833),
    Gate("dates/meantime-every-8th", "value F1", 0.8125, floor=0.807),
    Gate("dates/meantime-every-8th", "relaxed F1", 0.9688, floor=0.963),
    Gate("entities/meantime-airbus", "mentions matched", 405, floor=402, count=True),
    Gate("entities/meantime-airbus", "B-cubed F1", 0.9041, floor=0.899),
    Gate("entities/meantime-airbus", "CoNLL F1", 0.8849, floor=0.879),
    Gate(
        "entities/meantime-airbus", "CoNLL F1 over the same-surface baseline", 0.0245, floor=0.019
    ),
    Gate("entities/ecbplus-topics-2-12", "mentions matched", 100, floor=99, count=True),
    Gate("entities/ecbplus-topics-2-12", "B-cubed F1", 0.8988, floor=0.893),
    Gate("entities/ecbplus-topics-2-12", "CoNLL F1", 0.8598, floor=0.854),
    Gate("factuality/gold-dev", "certainty items", 96, floor=95, count=True),
    Gate("factuality/gold-dev", "polarity items", 96, floor=95, count=True),
    Gate("factuality/gold-dev", "stance items", 96, floor=95, count=True),
    Gate("factuality/gold-dev", "certainty accuracy", 1.0, floor=0.995),
    Gate("factuality/gold-dev", "polarity accuracy", 1.0, floor=0.995),
    Gate("factuality/gold-dev", "stance accuracy", 1.0, floor=0.995),
    Gate("factuality/meantime-every-8th", "certainty items", 23, floor=22, count=True),
    Gate("factuality/meantime-every-8th", "certainty accuracy", 1.0, floor=0.995),
    Gate("factuality/meantime-every-8th", "polarity accuracy", 1.0, floor=0.995),
    Gate("figures/gva-25", "killed: incidents found", 10, floor=9, count=True),
    Gate("figures/gva-25", "injured: incidents found", 11, floor=10, count=True),
    Gate("figures/gva-25", "killed: incidents contradicting the total", 4, ceiling=5, count=True),
    Gate("figures/gva-25", "injured: incidents contradicting the total", 6, ceiling=7, count=True),
    Gate("figures/gva-25", "killed: false conflicts", 0, ceiling=0, count=True),
    Gate("figures/gva-25", "injured: false conflicts", 1, ceiling=2, count=True),
    Gate("linking/team-dev", "stories B-cubed F1", 1.0, floor=0.995),
    Gate("linking/team-dev", "figure groups B-cubed F1", 0.7722, floor=0.767),
    Gate("linking/team-dev", "figure groups pairwise F1", 0.6032, floor=0.598),
    Gate("linking/team-dev", "conflict F1", 0.6667, floor=0.661),
    Gate("linking/team-dev", "revision F1", 0.8889, floor=0.883),
    Gate("linking/team-dev", "scope F1", 0.8571, floor=0.852),
    # "Denied by Tarrin Hydro: releasing water without warning. Asserted by Tarrin Hydro."
    # matched the gold by its spans; a contest needs two parties (link/contested.py).
    Gate(
        "linking/team-dev",
        "contested F1",
        0.9333,
        floor=0.928,  # lowered: one party contesting itself is no longer flagged
    ),
    Gate("linking/team-dev", "denials F1", 0.9199, floor=0.914),
    Gate("linking/team-dev", "citations F1", 0.8495, floor=0.844),
    Gate("linking/team-dev", "figure members found (share of gold)", 0.9922, floor=0.987),
    Gate("linking/team-dev", "non-denials reported as denials", 0, ceiling=0, count=True),
    Gate("linking/team-dev", "corroboration accuracy", 0.8286, floor=0.823),
    Gate("linking/team-dev", "corroboration MAE", 0.2571, ceiling=0.263),
    Gate("linking/team-dev", "revision shown precision", 1.0, floor=0.995),
    Gate("linking/team-dev", "contested shown precision", 1.0, floor=0.995),
    Gate("linking/blind-dev", "stories B-cubed F1", 1.0, floor=0.995),
    Gate("linking/blind-dev", "figure groups B-cubed F1", 0.8119, floor=0.806),
    # One blind item: "the three other victims" is now a part of the victims (figure role),
    # where the blind gold reads it as the wounded total; the part rules took gva-dev killed
    # contradicting totals from 22.4% to 14.7% of incidents.
    Gate("linking/blind-dev", "scope F1", 0.6838, floor=0.678),  # lowered: see above
    Gate("linking/blind-dev", "revision F1", 0.4615, floor=0.456),
    Gate("linking/blind-dev", "contested F1", 1.0, floor=0.995),
    Gate("linking/blind-dev", "denials F1", 0.7619, floor=0.756),
    Gate("linking/blind-dev", "must-not flags raised", 0, ceiling=0, count=True),
    Gate("linking/blind-dev", "must-not flags shown", 0, ceiling=0, count=True),
    Gate("linking/blind-dev", "revision shown precision", 1.0, floor=0.995),
    Gate("linking/blind-dev", "contested shown precision", 1.0, floor=0.995),
    Gate("linking/blind-dev", "non-denials reported as denials", 0, ceiling=0, count=True),
    Gate("quantities/newsquant-dev-150", "value F1", 0.9781, floor=0.973),
    Gate("quantities/newsquant-dev-150", "value_unit F1", 0.9235, floor=0.918),
    Gate("quantities/newsquant-dev-150", "value_change F1", 0.8852, floor=0.88),
    Gate("quantities/newsquant-dev-150", "concept_partial F1", 0.7268, floor=0.721),
    Gate("quantities/gold-dev", "value F1", 0.9913, floor=0.986),
    Gate("quantities/gold-dev", "value_bound F1", 0.9913, floor=0.986),
    Gate("quantities/gold-dev", "value_unit F1", 0.9913, floor=0.986),
    Gate("quantities/gold-dev", "value_counted_partial F1", 0.974, floor=0.969),
    Gate("quantities/gold-dev", "value_counted_complete F1", 0.9221, floor=0.917),
    Gate("stories/ecbplus-topics-2-12", "B-cubed F1", 1.0, floor=0.995),
    Gate("stories/ecbplus-topics-2-12", "ARI", 1.0, floor=0.995),
    Gate("stories/ecbplus-dev", "B-cubed F1", 0.9505, floor=0.945),
    Gate("stories/ecbplus-dev", "ARI", 0.9507, floor=0.945),
    Gate("stories/gva-60", "B-cubed F1", 0.9352, floor=0.93),
    Gate("stories/gva-60", "ARI", 0.8971, floor=0.892),
    Gate("stories/gva-60", "ARI over the same-day baseline", 0.5071, floor=0.502),
)


def sample_digest(root: Path, paths: Iterable[Path]) -> str:
    """SHA-256 over each file's path under ``root`` and its bytes, in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _record(row: Mapping[str, object]) -> bool:
    """Append ``row`` to the record file when re-measuring; whether that is the case."""
    target = os.environ.get(RECORD_ENV)
    if not target:
        return False
    with Path(target).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(row, sort_keys=True) + "\n")
    return True


def check_sample(name: str, root: Path, paths: Iterable[Path]) -> None:
    """Fail when the files of sample ``name`` are not those its floors were measured on."""
    found = sample_digest(root, list(paths))
    if _record({"sample": name, "digest": found}):
        return
    expected = SAMPLES[name].digest
    if found != expected:
        pytest.fail(
            f"gate sample {name!r} changed (SHA-256 {found}, floors measured on {expected}): "
            f"re-measure it ({SAMPLES[name].what}) and update tests/gates.py"
        )


def gates_of(sample: str) -> list[Gate]:
    return [g for g in GATES if g.sample == sample]


def limit(sample: str, measure: str) -> float:
    """The floor (or ceiling) of one gate, for a test that checks it its own way."""
    [gate] = [g for g in gates_of(sample) if g.measure == measure]
    return gate.limit


def check(sample: str, values: Mapping[str, float]) -> None:
    """Every gate of ``sample`` against ``values`` (measure -> figure); all failures at once."""
    if _record({"sample": sample, "values": dict(values)}):
        return
    gates = gates_of(sample)
    assert gates, f"no gates for sample {sample!r} in tests/gates.py"
    missing = {g.measure for g in gates} - set(values)
    assert not missing, f"{sample}: no figure for {sorted(missing)}"
    failed = [
        f"{g.measure} {values[g.measure]:.4g} "
        f"{'<' if g.floor is not None else '>'} {g.limit} (measured {g.measured})"
        for g in gates
        if not g.passes(values[g.measure])
    ]
    assert not failed, f"{sample}: " + "; ".join(failed)
