"""`watch` on a feed arriving day by day gives the same stories as one batch ingest of
the same articles (a fixed sample of gva-dev incidents; skipped without the corpus)."""

from __future__ import annotations

import shutil
from itertools import groupby
from pathlib import Path

import pytest

from claimgraph.batch.local import ingest_paths
from claimgraph.eval import gva
from claimgraph.link import relink
from claimgraph.store import open_store
from claimgraph.watch import watch_once


def _stories(db: Path) -> set[frozenset[str]]:
    store = open_store(db)
    try:
        return {frozenset(r.story.article_ids) for r in store.story_reports()}
    finally:
        store.close()


@pytest.mark.slow
def test_watch_day_by_day_gives_the_batch_stories(gva_dir: Path, nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = sorted(
        gva.read_files(gva_dir, gva.sample_incidents(gva_dir, 8)), key=lambda f: f.published
    )
    feed = tmp_path / "feed"
    feed.mkdir()
    watched = open_store(tmp_path / "watched.db")
    try:
        for _, day in groupby(files, key=lambda f: f.published):
            for f in day:
                for path in (f.path, f.path.with_name(f.file_id + ".meta.json")):
                    shutil.copy(path, feed / path.name)
            watch_once([str(feed)], watched, load_nlp=lambda: nlp, emit=lambda line: None)
    finally:
        watched.close()
    batch = open_store(tmp_path / "batch.db")
    try:
        ingest_paths([str(f.path) for f in files], batch, processes=1, nlp=nlp)
        relink(batch)
    finally:
        batch.close()
    stories = _stories(tmp_path / "watched.db")
    assert stories == _stories(tmp_path / "batch.db")
    assert sum(len(s) for s in stories) == len(files)
