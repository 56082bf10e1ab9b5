"""``ingest_and_link``: the one ingest-then-relink call every edge makes."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any

from claimgraph.batch.ingest_and_link import ingest_and_link
from claimgraph.demo import demo_corpus_dir
from claimgraph.link.relinking import relink, relink_pending
from claimgraph.store import open_store


def test_ingest_and_link_leaves_the_stories_linked_and_counted(tmp_path: Path, nlp: Any) -> None:
    paths = sorted(str(p) for p in demo_corpus_dir().glob("*.txt"))
    with closing(open_store(tmp_path / "cg.db")) as store:
        summary = ingest_and_link(paths, store, nlp=nlp)
        assert summary.new + summary.new_appearances == len(paths)
        assert summary.stories == len(store.story_reports()) > 0
        assert not relink_pending(store)
        assert relink(store).rebuilt == ()  # nothing left for a second re-link to do


def test_ingest_and_link_again_stores_nothing_and_keeps_the_count(tmp_path: Path, nlp: Any) -> None:
    paths = sorted(str(p) for p in demo_corpus_dir().glob("*.txt"))
    with closing(open_store(tmp_path / "cg.db")) as store:
        first = ingest_and_link(paths, store, nlp=nlp)
        again = ingest_and_link(paths, store, nlp=nlp)
    assert (again.new, again.new_appearances, again.duplicates) == (0, 0, len(paths))
    assert again.stories == first.stories
