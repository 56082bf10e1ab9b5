"""Peak memory of ingesting N articles into a store and re-linking it: 10k and 100k.

Each size runs in a child process of its own, which ingests N generated articles into a
SQLite file in a temporary directory through the library's ingest path
(``ingest_articles``: routing, ``store.add_article``) and then re-links the store
(``claimgraph.link.relink``: grouping terms, story-by-story linking, report writes).
What is generated: the articles and their analyses (entities, one attribution, one
figure each; the corpus of ``bench/linking.py``), because analysing 100k articles with
spaCy takes hours; the analysis step is replaced, nothing else. ``--real`` analyses
short generated articles with the real pipeline instead (use small sizes).

Prints seconds and peak RSS (ru_maxrss) after ingest and after re-linking per size,
then the ratio of the largest size's peak to the smallest's: flat memory gives ~1x.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from linking import generate

from claimgraph.batch.local import Engine, ingest_articles
from claimgraph.link import relink
from claimgraph.model import Article, ArticleAnalysis
from claimgraph.store import open_store


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Pregenerated(Engine):
    """The analysis step of ingest, answered from the generator instead of spaCy."""

    def __init__(self, analyses: dict[str, ArticleAnalysis]) -> None:
        super().__init__()
        object.__setattr__(self, "analyses", analyses)

    def analyse(
        self, articles: Iterable[Article], nlp: object
    ) -> Iterator[tuple[Article, ArticleAnalysis]]:
        analyses: dict[str, ArticleAnalysis] = self.analyses  # type: ignore[attr-defined]
        for article in articles:
            yield article, analyses.pop(article.id)


def run_size(count: int, real: bool) -> dict[str, float]:
    # Articles are generated as ingest pulls them, so the generator holds one at a time.
    pending: dict[str, ArticleAnalysis] = {}

    def articles() -> Iterator[Article]:
        for article, analysis in generate(count):
            if not real:
                pending[article.id] = analysis
            yield article

    engine = Engine(processes=1) if real else Pregenerated(pending)
    with tempfile.TemporaryDirectory(prefix="claimgraph-memory-") as tmp:
        store = open_store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        summary = ingest_articles(articles(), store, engine=engine)
        ingested = time.perf_counter()
        ingest_mb = peak_mb()
        stories = len(relink(store))
        relinked = time.perf_counter()
        store.close()
    return {
        "articles": summary.new,
        "ingest_s": ingested - started,
        "relink_s": relinked - ingested,
        "ingest_mb": ingest_mb,
        "peak_mb": peak_mb(),
        "stories": stories,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)  # one child's size
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated sizes")
    parser.add_argument("--real", action="store_true", help="analyse with the spaCy pipeline")
    args = parser.parse_args()
    if args.size:
        print(json.dumps(run_size(args.size, args.real)))
        return
    kind = "real pipeline" if args.real else "generated analyses, real store and re-link"
    print(f"memory: ingest + re-link into a SQLite store ({kind})")
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--size", str(size)]
        out = subprocess.run(
            command + (["--real"] if args.real else []),
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{'articles':>9} {'ingest s':>9} {'relink s':>9} {'ingest MB':>10} "
        f"{'peak MB':>8} {'stories':>8}"
    )
    for r in results:
        print(
            f"{r['articles']:>9.0f} {r['ingest_s']:>9.1f} {r['relink_s']:>9.1f} "
            f"{r['ingest_mb']:>10.0f} {r['peak_mb']:>8.0f} {r['stories']:>8.0f}"
        )
    small, large = results[0], results[-1]
    growth = large["articles"] / small["articles"]
    print(
        f"{growth:.0f}x articles -> {large['peak_mb'] / small['peak_mb']:.2f}x peak RSS "
        f"({small['peak_mb']:.0f} MB -> {large['peak_mb']:.0f} MB)"
    )


if __name__ == "__main__":
    main()
