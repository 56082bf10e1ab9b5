"""SQLite under contention and under ``kill -9``: two writers and a reader at once lose
nothing and raise nothing; an ingest killed at random points leaves a consistent store
that the next run completes."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import make_web_client

ARTICLE = (
    "Harbor crane collapses {n}\n"
    "The port authority said on Tuesday that at least {n} workers were hurt when crane "
    "{n} fell onto a cargo ship. A union spokesman told the Valley Wire that about {m} "
    "workers needed treatment.\n"
)


def write_batch(folder: Path, start: int, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(start, start + count):
        text = ARTICLE.format(n=n, m=n + 7)
        (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")


def ingest(folder: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "claimgraph.cli.main", "ingest", str(folder), "--db", str(db)]
    return subprocess.Popen(
        [*command, "--json", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def counts(db: Path) -> tuple[str, int, int, int]:
    with sqlite3.connect(db, timeout=30) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        analyses = conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
        appearances = conn.execute("SELECT COUNT(*) FROM appearances").fetchone()[0]
    return check, articles, analyses, appearances


def test_store_sqlite_concurrency_two_writers_and_a_reader(tmp_path: Path) -> None:
    db = tmp_path / "cg.db"
    write_batch(tmp_path / "a", 0, 30)
    write_batch(tmp_path / "b", 1000, 30)
    (tmp_path / "b" / "shared.txt").write_text(ARTICLE.format(n=5, m=12), encoding="utf-8")
    client = make_web_client(db)  # creates the store the writers share
    writers = [ingest(tmp_path / "a", db), ingest(tmp_path / "b", db)]
    polled, errors = 0, []
    while any(w.poll() is None for w in writers):
        for path in ("/api/stories", "/", "/api/articles"):
            response = client.get(path)
            polled += 1
            if response.status_code != 200:
                errors.append((path, response.status_code, response.text[:200]))
        time.sleep(0.05)
    outputs = [w.communicate() for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outputs
    assert errors == [] and polled > 3
    assert not any("locked" in err or "Traceback" in err for _, err in outputs)
    check, articles, analyses, appearances = counts(db)
    assert check == "ok"
    assert articles == analyses == 60  # the shared text is one article with two appearances
    assert appearances == 61
    assert client.get("/api/articles").json()["total"] >= 1


def test_store_sqlite_concurrency_kill_9_at_random_points(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("CLAIMGRAPH_KILL_SEED", "11")))
    rounds = int(os.environ.get("CLAIMGRAPH_KILL_ROUNDS", "3"))
    folder = tmp_path / "many"
    write_batch(folder, 0, 80)
    db = tmp_path / "cg.db"
    for _ in range(rounds):
        process = ingest(folder, db, "--processes", "2")
        time.sleep(rng.uniform(1.0, 12.0))  # model loading, analysis, storing or re-linking
        os.kill(process.pid, signal.SIGKILL)
        process.communicate()
        check, articles, analyses, appearances = counts(db) if db.exists() else ("ok", 0, 0, 0)
        assert check == "ok"
        assert articles == analyses == appearances  # never half an article
    final = ingest(folder, db)
    stdout, stderr = final.communicate(timeout=600)
    assert final.returncode == 0, stderr
    summary = json.loads(stdout.strip().splitlines()[-1])
    assert summary["failed"] == 0 and summary["stories"] >= 1
    assert counts(db) == ("ok", 80, 80, 80)
    again = ingest(folder, db)
    stdout, _ = again.communicate(timeout=600)
    assert json.loads(stdout.strip().splitlines()[-1])["new"] == 0
