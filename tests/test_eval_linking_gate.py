"""Floors on the dev split of gold/linking, and the ``eval linking`` command.

Measured 2026-11-23 with the full pipeline, same as
``claimgraph eval linking gold/linking --split dev`` (5 stories, 20 articles):
stories B-cubed F1 100.0; figure members found 127/128; figure groups B-cubed F1 72.3,
pairwise F1 54.4; discrepancies F1 conflict 66.7, revision 66.7, scope 90.9,
contested 91.7; denials F1 92.0; non-denials reported as denials 0 of 12;
corroboration accuracy 80.0, MAE 0.23; citation edges F1 84.9.
(Floors raised after the count-class, revision and corroboration work in ``link/``, the
conflict floor after the tenfold rule in ``discrepancies.py``, and the corroboration
floors after source resolution and ``corroboration.py`` learned appositions, "the
company", citing relays and spokespeople: accuracy 45.7 -> 80.0, MAE 0.66 -> 0.23; the
citations floor after whom a source cites was put behind it: F1 83.5 -> 84.9.)
Floors sit a little below, so a regression fails the gate while a harmless change in the
per-article analysis does not. Report figures come from ``--split test``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.eval.linking import LinkingScores, evaluate_linking

GOLD = Path(__file__).resolve().parent.parent / "gold" / "linking"

F1_FLOORS = {
    "stories": 0.95,
    "figure_groups_b_cubed": 0.67,
    "figure_groups_pairwise": 0.50,
    "conflict": 0.60,
    "revision": 0.80,  # measured 88.9 after the revision window and two-report rule
    "scope": 0.85,
    "contested": 0.80,
    "denials": 0.80,
    "citations": 0.80,
}


def _f1s(scores: LinkingScores) -> dict[str, float]:
    found = {
        "stories": scores.story_b3.f1,
        "figure_groups_b_cubed": scores.group_b3.f1,
        "figure_groups_pairwise": scores.group_pairs.f1,
        "denials": scores.denials.f1,
        "citations": scores.citations.f1,
    }
    found.update({kind: o.f1 for kind, o in scores.discrepancies.items()})
    return found


# The floors above were measured on the team's own dev stories; the stories written blind
# (see the README) have floors of their own, so adding them did not move these.
TEAM_DEV_STORIES = (
    "fire_brannock",
    "fire_keldmoor",
    "flood_tarrin",
    "mine_greyhollow",
    "protest_corvin",
)


def _gold_subset(stories: tuple[str, ...], into: Path) -> Path:
    for story in stories:
        shutil.copytree(GOLD / story, into / story)
    return into


@pytest.mark.slow
def test_eval_linking_dev_floors(nlp: Any, tmp_path: Path) -> None:
    scores = evaluate_linking(_gold_subset(TEAM_DEV_STORIES, tmp_path), "dev", nlp)
    f1s = _f1s(scores)
    below = {k: round(f1s[k], 3) for k, floor in F1_FLOORS.items() if f1s[k] < floor}
    assert not below, f"below the floors {F1_FLOORS}: {below}"
    assert scores.members_found >= 0.95 * scores.members_gold
    assert scores.non_denials_reported <= 3
    # two groups' worth (2/35) below the measured 80.0
    assert scores.corroboration_accuracy >= 0.74
    assert scores.corroboration_mae <= 0.35


# The dev stories written blind (gold/linking/README.md, "Stories written blind"),
# measured 2026-12-08 on main: stories 100.0, figure groups B-cubed 81.1, scope 70.8,
# revision 40.0, contested 100.0, denials 76.2, must-not flagged 0 of 65 (conflict F1
# 25.0 on 3 flags: too few to pin). Before the session's figure and flag work they
# measured groups 72.4, revision 21.4, conflict precision 18.2 (22 flagged).
BLIND_DEV_STORIES = (
    "shooting_varnholt",
    "wildfire_kessendale",
    "explosion_dunhallow",
    "derailment_carrowby",
    "earthquake_veshara",
    "outbreak_dunmore",
)
BLIND_F1_FLOORS = {
    "stories": 0.95,
    "figure_groups_b_cubed": 0.78,
    "scope": 0.66,
    "revision": 0.40,  # measured 46.2 after same-day updates the text calls a change
    "contested": 0.90,
    "denials": 0.72,
}


@pytest.mark.slow
def test_eval_linking_blind_dev_floors(nlp: Any, tmp_path: Path) -> None:
    scores = evaluate_linking(_gold_subset(BLIND_DEV_STORIES, tmp_path), "dev", nlp)
    f1s = _f1s(scores)
    below = {k: round(f1s[k], 3) for k, floor in BLIND_F1_FLOORS.items() if f1s[k] < floor}
    assert not below, f"below the floors {BLIND_F1_FLOORS}: {below}"
    assert scores.must_not_total == 65
    assert scores.must_not_flagged <= 1  # measured 0: a careful reader flags none of them
    assert scores.must_not_shown == 0
    assert scores.non_denials_reported == 0
    # What a report shows by default must be right: measured 2026-12-08 revisions 6 of
    # 6, contested 4 of 4 (each floor allows one wrong flag), no conflict shown.
    for kind in ("revision", "contested"):
        shown = scores.shown[kind]
        assert shown.predicted >= 4 and shown.predicted_hits >= shown.predicted - 1, kind


@pytest.mark.slow
def test_eval_linking_command_prints_json(tmp_path: Path) -> None:
    from claimgraph.cli.main import cli

    shutil.copytree(GOLD / "protest_corvin", tmp_path / "protest_corvin")
    result = CliRunner().invoke(cli, ["eval", "linking", str(tmp_path), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["linking"]
    assert report["stories"]["gold"] == 1
    assert report["figure_members"]["gold"] > 0
    assert set(report["discrepancies"]) == {"conflict", "revision", "scope", "contested"}


def test_eval_linking_command_reports_bad_gold(tmp_path: Path) -> None:
    from claimgraph.cli.main import cli

    story = tmp_path / "broken"
    story.mkdir()
    (story / "gold.json").write_text('{"split": "dev", "articles": ["missing.txt"]}')
    result = CliRunner().invoke(cli, ["eval", "linking", str(tmp_path)])
    assert result.exit_code != 0
    assert "missing.txt" in result.output
