"""The library under fuzz: generated inputs ingested a batch at a time, then linked,
reported, exported and shown by the web app; every input must be accounted for."""

from __future__ import annotations

import json
import random
import sqlite3
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fuzz.generators import Files, draw

# An input that takes longer than this (CPU) to analyse counts as a hang (the bar).
HANG_SECONDS = 30.0
REPORT_FORMATS = ("text", "html", "markdown", "json")
EXPORT_FORMATS = ("json", "jsonl", "csv", "claimreview", "graphml")


@dataclass
class Findings:
    """Counts per input kind, and one example of each kind of finding."""

    tried: Counter[str] = field(default_factory=Counter)
    crashes: Counter[str] = field(default_factory=Counter)
    hangs: Counter[str] = field(default_factory=Counter)
    silent_drops: Counter[str] = field(default_factory=Counter)
    lost: Counter[str] = field(default_factory=Counter)
    duplicated: Counter[str] = field(default_factory=Counter)
    wrong_exit_codes: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def note(self, counter: Counter[str], kind: str, example: str) -> None:
        counter[kind] += 1
        if len(self.examples) < 20:
            self.examples.append(f"[{kind}] {example}")

    def bad(self) -> int:
        counters = (self.crashes, self.hangs, self.silent_drops, self.lost, self.duplicated)
        return sum(sum(c.values()) for c in (*counters, self.wrong_exit_codes))


def write_inputs(folder: Path, rng: random.Random, count: int) -> dict[str, str]:
    """``count`` generated inputs written into ``folder``; article file path -> kind."""
    folder.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, str] = {}
    for _ in range(count):
        kind, files = draw(rng)
        write_files(folder, files)
        article = next(name for name in files if not name.endswith(".meta.json"))
        kinds[str(folder / article)] = kind
    return kinds


def write_files(folder: Path, files: Files) -> None:
    for name, data in files.items():
        (folder / name).write_bytes(data)


def stored_sources(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT metadata_json FROM appearances").fetchall()
    return {str(json.loads(row[0]).get("source_path")) for row in rows}


def failed_file(path: str, kinds: dict[str, str]) -> str | None:
    """The input a failure names (``file``, ``file:3``, ``file:entry 2``)."""
    if path in kinds:
        return path
    head = path.rsplit(":", 1)[0]
    return head if head in kinds else None


def run_library_batch(
    folder: Path, rng: random.Random, count: int, nlp: Any, found: Findings
) -> Path:
    """One batch: ingest, check every input is stored or named, re-ingest (no change),
    link, render every format and page. Returns the store."""
    from claimgraph.batch.local import IngestSummary, ingest_paths
    from claimgraph.ingest import read_paths
    from claimgraph.link import relink
    from claimgraph.model import Article
    from claimgraph.store import open_store

    kinds = write_inputs(folder / "in", rng, count)
    for kind in kinds.values():
        found.tried[kind] += 1
    db = folder / "fuzz.db"
    store = open_store(db)
    # CPU time, not wall time: on a loaded machine the wall clock also counts waiting.
    ticks = [time.process_time()]
    slowest: list[tuple[float, int]] = []

    def tick(summary: IngestSummary) -> None:
        now = time.process_time()
        slowest.append((now - ticks[-1], summary.new))
        ticks.append(now)

    try:
        summary = ingest_paths([str(folder / "in")], store, nlp=nlp, processes=1, on_progress=tick)
    except Exception:
        found.note(found.crashes, "batch", traceback.format_exc(limit=3))
        store.close()
        return db
    for seconds, _ in slowest:
        if seconds > HANG_SECONDS:
            found.note(found.hangs, "batch", f"an article took {seconds:.0f} s in {folder}")
    failed = {failed_file(path, kinds) for path, _ in summary.failures}
    for path, reason in summary.failures:
        if failed_file(path, kinds) is None or "\n" in reason or "Traceback" in reason:
            found.note(found.crashes, "failure-line", f"{path}: {reason[:200]}")
    sources = stored_sources(db)
    for path, kind in kinds.items():
        if path not in failed and path not in sources:
            found.note(found.silent_drops, kind, f"{path}: accepted, nothing stored, no error")
    expected = {
        item.id: item.metadata.source_path
        for item in read_paths([str(folder / "in")])
        if isinstance(item, Article) and item.metadata.source_path not in failed
    }
    stored_ids = {row[0] for row in store.conn.execute("SELECT id FROM articles")}  # type: ignore[attr-defined]
    for article_id, path in expected.items():
        if article_id not in stored_ids:
            found.note(found.lost, kinds.get(str(path), "?"), f"{path}: article {article_id} lost")
    again = ingest_paths([str(folder / "in")], store, nlp=nlp, processes=1)
    if again.new or again.new_appearances:
        found.note(
            found.duplicated, "batch", f"re-ingest added {again.new}+{again.new_appearances}"
        )
    check_store(store, db, found)
    try:
        relink(store)
        render_everything(store, folder, found)
    except Exception:
        found.note(found.crashes, "link/render", traceback.format_exc(limit=4))
    store.close()
    return db


def check_store(store: Any, db: Path, found: Findings) -> None:
    conn = store.conn
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        found.note(found.crashes, "store", f"{db}: integrity_check failed")
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    analyses = conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    if articles != analyses:
        found.note(found.lost, "store", f"{articles} articles but {analyses} analyses")


def render_everything(store: Any, folder: Path, found: Findings) -> None:
    """Every report format, every export, and every web page of the store."""
    from claimgraph.present.export_formats import ReviewOptions, export_text
    from claimgraph.reporting import render, select_stories

    reports = store.story_reports()
    for fmt in REPORT_FORMATS:
        try:
            render(store, select_stories(store, None), fmt)
        except Exception:
            found.note(found.crashes, f"report-{fmt}", traceback.format_exc(limit=3))
    for fmt in EXPORT_FORMATS:
        try:
            for table in ("figures", "attributions", "discrepancies") if fmt == "csv" else (None,):
                # ClaimReview drafts link to the served story pages: an address is required.
                export_text(reports, fmt, table, ReviewOptions("https://newsroom.example/cg"))
        except Exception:
            found.note(found.crashes, f"export-{fmt}", traceback.format_exc(limit=3))
    from fuzz.web import page_paths, web_client

    client = web_client(store.path)
    for path in page_paths(store):
        response = client.get(path, headers={"accept": "text/html"})
        if response.status_code >= 500:
            found.note(found.crashes, "web-page", f"{path}: {response.status_code}")
