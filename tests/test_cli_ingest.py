"""``claimgraph ingest`` end to end: bad inputs, re-runs, summaries, interruption."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli.main import cli

ARTICLE = (
    "Harbor crane collapses\n"
    "The port authority said on Tuesday that at least 12 workers were hurt when a crane "
    "fell onto a cargo ship. A union spokesman told the Valley Wire that about 20 workers "
    "needed treatment.\n"
)


def write_batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "latin1.txt").write_bytes("Caf\xe9 news\nThe caf\xe9 closed.".encode("latin-1"))
    (folder / "broken.html").write_text("<html><body><div>", encoding="utf-8")


def test_cli_ingest_bad_inputs_fail_alone_and_are_named(tmp_path: Path) -> None:
    write_batch(tmp_path / "in")
    db = tmp_path / "cg.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "in"), "--db", str(db), "--json"])
    assert result.exit_code == 10, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["new"] == 1
    failed = {Path(f["path"]).name for f in summary["failures"]}
    assert {"empty.txt", "binary.txt", "latin1.txt", "broken.html"} <= failed
    for name in ("empty.txt", "binary.txt", "latin1.txt", "broken.html"):
        assert name in result.stderr


def test_cli_ingest_again_is_a_no_op(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "cg.db")
    runner = CliRunner()
    first = json.loads(
        runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--json"]).stdout
    )
    second = json.loads(
        runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--json"]).stdout
    )
    assert (first["new"], second["new"], second["duplicates"]) == (1, 0, 1)


def test_cli_ingest_same_text_from_another_outlet_is_one_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "cg.db")
    runner = CliRunner()
    runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--outlet", "Ledger"])
    out = runner.invoke(
        cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--outlet", "Wire", "--json"]
    )
    assert json.loads(out.stdout)["new_appearances"] == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM appearances").fetchone()[0] == 2


def test_cli_ingest_killed_midway_leaves_a_consistent_store_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):
        (folder / f"{i:03d}.txt").write_text(f"{ARTICLE}Update number {i}.\n", encoding="utf-8")
    db = tmp_path / "cg.db"
    command = [sys.executable, "-m", "claimgraph.cli.main", "ingest", str(folder), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 1:
                break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        analyses = conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
        assert articles == analyses  # never an article without its analysis
    rerun = subprocess.run([*command, "--json"], capture_output=True, text=True, check=True)
    assert json.loads(rerun.stdout)["new"] == 120 - articles
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 120
        assert conn.execute("SELECT COUNT(*) FROM appearances").fetchone()[0] == 120


def test_cli_ingest_invalid_metadata_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"text": ARTICLE, "published": "last Tuesday", "url": "http://[::1/x"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "cg.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert (summary["new"], summary["failed"]) == (1, 0)
    assert [w["path"] for w in summary["warnings"]] == [f"{path}:1", f"{path}:1"]
    lines = result.stderr.splitlines()
    assert f"claimgraph: warning: {path}:1: url 'http://[::1/x' dropped: not a valid URL" in lines
    assert any(
        line.startswith(f"claimgraph: warning: {path}:1: published 'last Tuesday' dropped")
        for line in lines
    )
    assert "cannot read" not in result.stderr and "failed" not in result.stderr


def test_cli_ingest_bad_published_option_is_still_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["ingest", str(tmp_path / "a.txt"), "--published", "last Tuesday"]
    result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "cg.db")])
    assert result.exit_code == 2 and "ISO 8601" in result.stderr
