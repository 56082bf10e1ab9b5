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
Floors, figures and sample digests today: ``tests/gates.py`` (one margin for every gate).
Report figures come from ``--split test``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import gates
from claimgraph.eval.linking import LinkingScores, evaluate_linking

GOLD = Path(__file__).resolve().parent.parent / "gold" / "linking"


def _f1s(scores: LinkingScores) -> dict[str, float]:
    found = {
        "stories B-cubed F1": scores.story_b3.f1,
        "figure groups B-cubed F1": scores.group_b3.f1,
        "figure groups pairwise F1": scores.group_pairs.f1,
        "denials F1": scores.denials.f1,
        "citations F1": scores.citations.f1,
    }
    found.update({f"{kind} F1": o.f1 for kind, o in scores.discrepancies.items()})
    return found


def _shown(scores: LinkingScores) -> dict[str, float]:
    """Precision of the revisions and contested flags a report shows by default: what a
    user sees must be right (no conflict is shown on these stories today)."""
    return {f"{kind} shown precision": scores.shown[kind].precision for kind in SHOWN_KINDS}


SHOWN_KINDS = ("revision", "contested")


# The team's own dev stories; the stories written blind (see the README) have floors of
# their own (``linking/blind-dev`` in tests/gates.py), so adding them did not move these.
TEAM_DEV_STORIES = (
    "fire_brannock",
    "fire_keldmoor",
    "flood_tarrin",
    "mine_greyhollow",
    "protest_corvin",
)


def _gold_subset(sample: str, stories: tuple[str, ...], into: Path) -> Path:
    files = [p for story in stories for p in sorted((GOLD / story).rglob("*")) if p.is_file()]
    gates.check_sample(sample, GOLD, files)
    for story in stories:
        shutil.copytree(GOLD / story, into / story)
    return into


@pytest.mark.slow
def test_eval_linking_dev_floors(nlp: Any, tmp_path: Path) -> None:
    sample = "linking/team-dev"
    scores = evaluate_linking(_gold_subset(sample, TEAM_DEV_STORIES, tmp_path), "dev", nlp)
    values = _f1s(scores)
    values["figure members found (share of gold)"] = scores.members_found / scores.members_gold
    values["non-denials reported as denials"] = scores.non_denials_reported
    values["corroboration accuracy"] = scores.corroboration_accuracy
    values["corroboration MAE"] = scores.corroboration_mae
    values.update(_shown(scores))
    gates.check(sample, values)


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


@pytest.mark.slow
def test_eval_linking_blind_dev_floors(nlp: Any, tmp_path: Path) -> None:
    sample = "linking/blind-dev"
    scores = evaluate_linking(_gold_subset(sample, BLIND_DEV_STORIES, tmp_path), "dev", nlp)
    assert scores.must_not_total == 65
    values = _f1s(scores)
    values["must-not flags raised"] = scores.must_not_flagged
    values["must-not flags shown"] = scores.must_not_shown
    values["non-denials reported as denials"] = scores.non_denials_reported
    values.update(_shown(scores))
    gates.check(sample, values)


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
