"""``claimgraph report``, ``extract`` and ``demo`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli.main import cli

STORY = {
    "ledger.txt": (
        "Ferry capsizes off Port Alden\n"
        "The coast guard said on Tuesday that at least 40 passengers were missing after the "
        "ferry Marisol capsized. The operator denied that it had ignored storm warnings.\n"
    ),
    "wire.txt": (
        "Port Alden ferry: search goes on\n"
        "A rescue charity told the Valley Wire that more than 75 passengers were missing from "
        "the Marisol ferry, while the coast guard said 40 passengers were missing.\n"
    ),
}


@pytest.fixture()
def story_db(tmp_path: Path) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "cg.db")
    result = CliRunner().invoke(
        cli, ["ingest", str(folder), "--db", db, "--published", "2026-03-11"]
    )
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_cli_report_renders_every_format(story_db: str, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", story_db, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "75" in result.stdout
    if fmt == "html":
        assert result.stdout.lstrip().lower().startswith("<!doctype html>")
        assert "http://" not in result.stdout and "https://" not in result.stdout


def test_cli_report_json_is_byte_identical_across_runs(story_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["report", "--db", story_db, "--format", "json"]).stdout
    second = runner.invoke(cli, ["report", "--db", story_db, "--format", "json"]).stdout
    assert first == second
    stories = json.loads(first)["stories"]
    assert stories and stories[0]["story"]["id"].startswith("s")


def test_cli_report_unknown_story_is_a_clear_error(story_db: str) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", story_db, "--story", "nope"])
    assert result.exit_code == 6
    assert "no story 'nope'" in result.stderr


def test_cli_extract_raw_spans_point_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = STORY["ledger.txt"]
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--raw", "--published", "2026-03-11"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["article"]["text"] == text
    spans = [q["span"] for q in record["analysis"]["quantities"]]
    spans += [e["span"] for e in record["analysis"]["entities"]]
    assert spans
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_cli_demo_writes_the_html_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "report.html").is_file()
    assert "HTML report:" in result.stdout


def test_cli_report_story_relink_full_rebuilds_every_story(story_db: str) -> None:
    before = CliRunner().invoke(cli, ["report", "--db", story_db, "--format", "json"])
    changed = CliRunner().invoke(cli, ["story", "relink", "--db", story_db])
    assert changed.exit_code == 0, changed.output
    assert "0 linked again" in changed.output  # nothing changed since the ingest
    full = CliRunner().invoke(cli, ["story", "relink", "--full", "--db", story_db])
    assert full.exit_code == 0, full.output
    assert "1 story; 1 linked again" in full.output
    after = CliRunner().invoke(cli, ["report", "--db", story_db, "--format", "json"])
    assert after.output == before.output


def test_cli_report_min_confidence_hides_flags_but_json_keeps_them(story_db: str) -> None:
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["report", "--db", story_db, "--format", "json"]).stdout)
    flags = [d for s in data["stories"] for d in s["discrepancies"]]
    assert flags and all(0.0 <= d["confidence"] <= 1.0 for d in flags)
    lowest = min(d["confidence"] for d in flags)
    shown = runner.invoke(cli, ["report", "--db", story_db, "--min-confidence", "0"]).stdout
    hidden = runner.invoke(cli, ["report", "--db", story_db, "--min-confidence", "1"]).stdout
    assert f"confidence {lowest:.2f}" in shown
    assert "confidence " not in hidden.split("DISCREPANCIES")[-1].split("DENIALS")[0]
