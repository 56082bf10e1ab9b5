"""Ingest throughput of the PostgreSQL store with 1, 2 and 4 writer processes.

``python bench/postgres.py [--url postgresql://...] [--articles 2000]`` (the URL defaults
to CLAIMGRAPH_TEST_POSTGRES_URL). Measures the store, not spaCy: each article gets a
light fake analysis (attributions, quantities and entities built by hand, about the
size of a real one), and each worker writes as ``batch.local`` does (a known text is
only a new appearance). Workers take overlapping slices, each under its own outlet, so
texts race between workers. Each writer count runs in a fresh schema, then checks:
zero errors, zero duplicate articles, every appearance recorded exactly once. Not a test.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
import uuid
from collections import Counter
from typing import Any

import psycopg

from claimgraph import model as m
from claimgraph.store import open_store

SENTENCE = "At least {n} people are missing after the ferry capsized, the coast guard said. "


def fake(n: int, outlet: str) -> tuple[m.Article, m.ArticleAnalysis]:
    text = f"Ferry story {n}\n" + "".join(SENTENCE.format(n=n + i) for i in range(12))
    article_id = f"a{n:06d}"
    spans = [
        m.Span.of(text, text.index("At least", i * 80), text.index("At least", i * 80) + 11)
        for i in range(6)
    ]
    analysis = m.ArticleAnalysis(
        article_id=article_id,
        entities=tuple(m.EntityMention(span=s, label="ORG", name="coast guard") for s in spans),
        attributions=tuple(
            m.Attribution(id=f"t{i}", cue=s, content=(s,), source_entity="coast guard")
            for i, s in enumerate(spans)
        ),
        quantities=tuple(
            m.Quantity(id=f"q{i}", span=s, value=str(n + i), counted_head="person")
            for i, s in enumerate(spans)
        ),
    )
    metadata = m.Metadata(outlet=outlet, url=f"https://{outlet}.test/{n}")
    return m.Article(id=article_id, text=text, metadata=metadata), analysis


def slice_of(worker: int, writers: int, articles: int) -> list[int]:
    """Worker's share plus the first quarter of the next worker's: 25 % of texts race."""
    share = articles // writers
    extra = share // 4 if writers > 1 else 0
    return [(worker * share + i) % articles for i in range(share + extra)]


def write(url: str, worker: int, writers: int, articles: int, start: Any, out: Any) -> None:
    errors, outcomes = 0, Counter[str]()
    store = open_store(url)
    items = [fake(n, f"outlet{worker}") for n in slice_of(worker, writers, articles)]
    start.wait(timeout=120)  # released together once every worker is connected and ready
    for article, analysis in items:
        try:
            if store.has_analysis(article.id):
                outcomes[str(store.add_appearance(article.id, article.metadata))] += 1
            else:
                outcomes[str(store.add_article(article, analysis))] += 1
        except Exception as exc:  # counted, never hidden: the run must show zero
            errors += 1
            print(f"worker {worker}: {exc!r}", file=sys.stderr)
    store.close()
    out.put((errors, dict(outcomes)))


def run(server_url: str, writers: int, articles: int) -> dict[str, float]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{server_url}{'&' if '?' in server_url else '?'}options=-csearch_path%3D{schema}"
    open_store(url).close()  # migrate before timing
    context = multiprocessing.get_context("spawn")
    start, out = context.Barrier(writers + 1), context.Queue()
    procs = [
        context.Process(target=write, args=(url, w, writers, articles, start, out))
        for w in range(writers)
    ]
    for proc in procs:
        proc.start()
    start.wait(timeout=120)
    began = time.perf_counter()
    results = [out.get(timeout=600) for _ in procs]  # 600 s: far beyond any run here
    seconds = time.perf_counter() - began
    for proc in procs:
        proc.join()
    figures = check(url, writers, articles, results, seconds)
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
    return figures


def check(
    url: str, writers: int, articles: int, results: list[Any], seconds: float
) -> dict[str, float]:
    expected = Counter(n for w in range(writers) for n in slice_of(w, writers, articles))
    with psycopg.connect(url) as conn:
        counts = conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone()
        stored, distinct = counts if counts else (0, 0)
        rows = conn.execute("SELECT article_id, COUNT(*) FROM appearances GROUP BY article_id")
        appearances = {row[0]: row[1] for row in rows}
    writes = sum(expected.values())
    return {
        "writers": writers,
        "writes": writes,
        "seconds": round(seconds, 2),
        "writes_per_s": round(writes / seconds, 1),
        "errors": sum(r[0] for r in results),
        "duplicate_articles": stored - distinct + (stored - len(expected)),
        "appearance_mismatches": sum(
            appearances.get(f"a{n:06d}", 0) != count for n, count in expected.items()
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("CLAIMGRAPH_TEST_POSTGRES_URL"))
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    if not args.url:
        sys.exit("give --url postgresql://... or set CLAIMGRAPH_TEST_POSTGRES_URL")
    for writers in (1, 2, 4):
        print(run(args.url, writers, args.articles), flush=True)


if __name__ == "__main__":
    main()
