"""Repeated texts through the worker pool: the pool's feeder thread records the
appearances of texts already stored while the main thread stores others (once a
race: "cannot start a transaction within a transaction", and the ingest died)."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from claimgraph.batch.local import Engine, ingest_articles
from claimgraph.batch.parallel import MIN_ARTICLES_FOR_WORKERS
from claimgraph.errors import UnreadableInput
from claimgraph.ingest import read_paths
from claimgraph.model import Article
from claimgraph.store import open_store

UNIQUE = MIN_ARTICLES_FOR_WORKERS + 32  # enough for the pool
OUTLETS = 6  # copies of each text from other outlets


def text(i: int) -> str:
    return f"Bridge closes {i}\nThe city said {i + 2} lanes of bridge {i} would close on Monday.\n"


def articles(path: Path, outlet: str, count: int) -> list[Article]:
    lines = [json.dumps({"text": text(i), "outlet": outlet}) for i in range(count)]
    path.write_text("\n".join(lines), encoding="utf-8")
    read = list(read_paths([str(path)]))
    assert all(isinstance(a, Article) for a in read)
    return [a for a in read if isinstance(a, Article)]


def feed(firsts: list[Article], copies: list[Article], db: Path) -> Iterator[Article]:
    """The new texts, then, once the first analyses are being stored, their copies,
    a few at a time, so they arrive while the main thread writes."""
    yield from firsts
    with sqlite3.connect(db, timeout=30) as conn:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]:
                break
            time.sleep(0.05)
    for copy in copies:
        time.sleep(0.002)
        yield copy


def test_batch_parallel_repeats_are_appearances_not_a_crash(tmp_path: Path) -> None:
    firsts = articles(tmp_path / "first.jsonl", "First Outlet", UNIQUE)
    copies = [
        copy
        for n in range(OUTLETS)
        for copy in articles(tmp_path / f"copy{n}.jsonl", f"Outlet {n}", UNIQUE)
    ]
    db = tmp_path / "cg.db"
    store = open_store(db)
    items: Iterator[Article | UnreadableInput] = feed(firsts, copies, db)
    summary = ingest_articles(items, store, engine=Engine(processes=2))
    store.close()
    assert summary.failures == []
    assert summary.new == UNIQUE
    assert summary.new_appearances == OUTLETS * UNIQUE
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == UNIQUE
        appearances = conn.execute("SELECT COUNT(*) FROM appearances").fetchone()[0]
        assert appearances == (OUTLETS + 1) * UNIQUE
