"""``--engine ray``: the same library functions on a local Ray cluster, same results."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from claimgraph.batch.local import Engine, ingest_articles, story_mapper
from claimgraph.ingest import article_id
from claimgraph.link import relink
from claimgraph.model import Article, Metadata
from claimgraph.store import open_store

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="Ray is not installed (make setup installs it)"
)


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def articles() -> list[Article]:
    made = []
    for town, count in (("Alden", 40), ("Brisk", 25), ("Corran", 12)):
        for day in (10, 11, 12):
            text = (
                f"Flood in {town} day {day}\nThe {town} fire service said on Tuesday that about "
                f"{count + day} residents were evacuated from the {town} river district, "
                f"according to the {town} Gazette.\n"
            )
            made.append(
                Article(
                    id=article_id(text),
                    text=text,
                    metadata=Metadata(outlet=f"{town} Gazette", published=f"2026-03-{day}"),
                )
            )
    return made


def test_batch_ray_engine_gives_the_local_results(
    local_ray: None, nlp: Language, tmp_path: Path
) -> None:
    local_store = open_store(tmp_path / "local.db")
    ray_store = open_store(tmp_path / "ray.db")
    local = ingest_articles(articles(), local_store, nlp=nlp, processes=1)
    on_ray = ingest_articles(articles(), ray_store, engine=Engine("ray", processes=2))
    assert on_ray.new == local.new == len(articles())
    assert list(ray_store.iter_articles()) == list(local_store.iter_articles())
    relink(ray_store, map_stories=story_mapper("ray"))
    relink(local_store)
    assert ray_store.story_reports() == local_store.story_reports()
