"""Many writers on one PostgreSQL store: no errors, no duplicates, no lost appearances."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable
from typing import Any

import psycopg

from claimgraph.model import Article, ArticleAnalysis, Metadata
from claimgraph.store import AddOutcome, open_store
from claimgraph.store.migrations import LATEST_VERSION
from claimgraph.store.postgres import PostgresStore

WORKERS = 4
ARTICLES = 60
# Worker k takes articles k*15 .. k*15+29: every article is written by one or two
# workers, each under its own outlet, so each shared text must end with two appearances.
SPAN, STEP = 30, 15


def worker_articles(worker: int) -> list[Article]:
    ids = [(worker * STEP + i) % ARTICLES for i in range(SPAN)]
    return [
        Article(
            id=f"a{n:04d}",
            text=f"Story {n}\nThe same text, whoever sends it.",
            metadata=Metadata(outlet=f"Outlet {worker}", url=f"https://o{worker}.test/{n}"),
        )
        for n in ids
    ]


def run_all(target: Callable[..., object], args: Callable[[int], tuple[object, ...]]) -> list[Any]:
    """Run ``target`` in WORKERS processes released together; their results in order."""
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(WORKERS), context.Queue()
    processes = [
        context.Process(target=_report, args=(target, w, results, start, *args(w)))
        for w in range(WORKERS)
    ]
    for process in processes:
        process.start()
    # 120 s: each worker needs well under 10 s; past that something hangs.
    found = dict(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=30)
    errors = [v for v in found.values() if isinstance(v, str) and v.startswith("error:")]
    assert errors == []
    return [found[w] for w in range(WORKERS)]


def _report(
    target: Callable[..., object], worker: int, results: Any, start: Any, *args: object
) -> None:
    try:
        results.put((worker, target(*args, start)))
    except Exception as exc:
        results.put((worker, f"error: {exc!r}"))


def ingest(url: str, worker: int, start: Any) -> list[str]:
    """Ingest as ``batch.local`` does: a known text is only a new appearance."""
    store = open_store(url)
    start.wait(timeout=60)  # all workers write at once; 60 s is far past any start-up
    outcomes = []
    for article in worker_articles(worker):
        if store.has_analysis(article.id):
            outcome = store.add_appearance(article.id, article.metadata)
        else:
            outcome = store.add_article(article, ArticleAnalysis(article_id=article.id))
        outcomes.append(str(outcome))
    store.close()
    return outcomes


def test_store_postgres_four_processes_lose_and_duplicate_nothing(postgres_url: str) -> None:
    runs = run_all(ingest, lambda w: (postgres_url, w))
    outcomes = Counter(o for run in runs for o in run)
    store = open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    assert outcomes[AddOutcome.NEW] == ARTICLES
    assert outcomes[AddOutcome.NEW_APPEARANCE] == WORKERS * SPAN - ARTICLES
    assert outcomes[AddOutcome.DUPLICATE] == 0
    assert store.article_count() == ARTICLES
    rows = store.conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone()
    assert rows == (ARTICLES, ARTICLES)
    expected = Counter(a.id for w in range(WORKERS) for a in worker_articles(w))
    assert {a.id: len(store.appearances(a.id)) for a, _ in store.iter_articles()} == expected
    store.close()


def open_and_report(url: str, start: Any) -> int:
    start.wait(timeout=60)
    store = open_store(url)
    version = store.schema_version()
    store.close()
    return version


def test_store_postgres_processes_starting_together_migrate_once(postgres_url: str) -> None:
    versions = run_all(open_and_report, lambda w: (postgres_url,))
    assert versions == [LATEST_VERSION] * WORKERS
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone() == (1,)
