"""Exit codes as the README lists them, SIGTERM like Ctrl-C, workers end with ingest."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli.main import cli

ARTICLE = (
    "Harbor crane collapses\n"
    "The port authority said on Tuesday that at least 12 workers were hurt when a crane "
    "fell onto a cargo ship.\n"
)


def test_cli_exit_codes_lone_unreadable_input_is_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--db", str(tmp_path / "cg.db")])
    assert result.exit_code == 3, result.output
    assert f"cannot read {bad}" in result.stderr


def test_cli_exit_codes_some_failed_is_10(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    (tmp_path / "bad2.txt").write_bytes(b"\x00")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "cg.db")])
    assert result.exit_code == 10, result.output


@pytest.mark.parametrize(
    "command",
    [["report"], ["story", "list"], ["export", "--format", "csv", "-o", "out"], ["alert", "list"]],
)
def test_cli_exit_codes_mistyped_db_is_6_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 6, result.output
    assert "no store at" in result.stderr
    assert not db.exists()


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _start_parallel_ingest(tmp_path: Path, count: int = 100) -> tuple[subprocess.Popen[str], Path]:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(f"{ARTICLE}Update number {i}.\n", encoding="utf-8")
    db = tmp_path / "cg.db"
    command = [sys.executable, "-m", "claimgraph.cli.main", "ingest", str(folder)]
    process = subprocess.Popen(
        [*command, "--db", str(db), "--processes", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, db


def _wait_until_stored(process: subprocess.Popen[str], db: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if not db.exists():
            continue
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                if conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] >= 1:
                    return
        except sqlite3.OperationalError:
            continue
    pytest.fail("the ingest stored nothing in time")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the workers")
def test_cli_exit_codes_kill_9_takes_the_workers_and_report_says_relink_pending(
    tmp_path: Path,
) -> None:
    process, db = _start_parallel_ingest(tmp_path)
    _wait_until_stored(process, db)
    workers = _children(process.pid)
    assert workers, "the ingest should run worker processes"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()]
    # a zombie (state Z) has ended; only its parent's reaping is missing
    running = [w for w in alive if " Z " not in Path(f"/proc/{w}/stat").read_text()]
    assert not running, f"workers still running 5 s after kill -9 of their parent: {running}"
    result = CliRunner().invoke(cli, ["report", "--db", str(db)])
    assert result.exit_code == 0
    assert "story relink" in result.stderr


def test_cli_exit_codes_sigterm_is_like_ctrl_c(tmp_path: Path) -> None:
    process, db = _start_parallel_ingest(tmp_path)
    _wait_until_stored(process, db)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_exit_codes_extract_lines_match_the_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from claimgraph.present.schemas import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / "extract.schema.json").read_text(encoding="utf-8"))
    corpus = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "demo_corpus"
    result = CliRunner().invoke(cli, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 7  # the seven articles (and the folder README, a text too)
    for line in lines:
        jsonschema.validate(json.loads(line), schema)
