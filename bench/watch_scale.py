"""`watch` day by day against one batch ingest: the same stories? and at what cost?

Issue 19 asks that ``claimgraph watch`` on a feed of 10,000 same-topic articles arriving
in date order gives the same stories as one batch ingest. Two modes:

- generated (default, N=10,000): the articles and analyses of ``bench/linking.py``
  (stories of ten articles sharing topic words, 28 publication days), because analysing
  10,000 articles with spaCy takes hours here. Each day's articles go through what
  ``watch_once`` does once its sources are read (``ingest_articles``, then ``relink``
  with ``keep_replaced``, ``story_reports_for`` and ``fire_alerts``); then all of them in
  one ``ingest_articles`` and one ``relink`` into a fresh store.
- ``--gva DIR`` (the 1,300 real articles of gva-dev): the files are analysed with the
  real pipeline once into ``--cache`` (a store, reused by later runs); then each day's
  files are copied into a feed directory and ``watch_once`` itself runs on it (file
  reading, sidecars, ingest, relink, alerts), and the whole directory is ingested in
  one ``ingest_paths`` (as ``claimgraph ingest DIR``: path order) and re-linked. Both
  take their analyses from the cache, nothing else is replaced.

Prints each path's seconds, whether the two partitions are identical, and if not how
many articles are placed differently and the B-cubed F1 and ARI of one against the
other. ``--sizes 1000,10000`` runs the generated mode at each size and prints the growth
of the watch and batch times per 10x (issue 19: at most 12x).

Measured 2026-12-08 (2 shared cores, load ~8, so CPU seconds are the steadier figure):
generated 1,000 -> 10,000 over 28 days: identical (100 and 1,000 stories); watch 33.7 s
CPU, batch 9.0 s CPU at 10,000; 10x articles -> 11.1x CPU watch, 11.0x batch. gva-dev
(1,300 articles, 611 publication days, so 611 watch runs): identical (635 stories);
watch 211 s CPU in all, batch 10.5 s. They agree by construction: every watch run groups
the whole store again, from its term records in (date, id) order; that full pass is 73%
of a watch run's time (cProfile, 200 incidents), so a feed's total cost grows with runs x
articles. Arrival order still enters through an article's date, which is its first
stored appearance's (see the strict xfail in tests/test_watch_stories_match_batch_generated.py).
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from unittest import mock

from linking import generate

from claimgraph.alerts import fire_alerts
from claimgraph.batch.local import Engine, ingest_articles, ingest_paths
from claimgraph.eval import gva
from claimgraph.eval.stories import adjusted_rand_index, b_cubed
from claimgraph.link import relink
from claimgraph.link.relinking import relink_pending
from claimgraph.model import Article, ArticleAnalysis
from claimgraph.store import open_store
from claimgraph.store.base import Store
from claimgraph.watch import watch_once

Partition = set[frozenset[str]]


class CachedAnalyses(Engine):
    """The analysis step of ingest, answered from ``lookup`` (an article id's analysis)
    instead of spaCy; everything around it (reading, routing, storing) is the library's."""

    def __init__(self, lookup: Callable[[str], ArticleAnalysis]) -> None:
        super().__init__()
        object.__setattr__(self, "lookup", lookup)

    def analyse(
        self, articles: Iterable[Article], nlp: object
    ) -> Iterator[tuple[Article, ArticleAnalysis]]:
        lookup: Callable[[str], ArticleAnalysis] = self.lookup  # type: ignore[attr-defined]
        for article in articles:
            yield article, lookup(article.id)


def partition(store: Store) -> Partition:
    return {frozenset(r.story.article_ids) for r in store.story_reports()}


def compare(watched: Partition, batch: Partition) -> dict[str, Any]:
    """How far apart two partitions of the same articles are."""
    label_w = {a: str(i) for i, story in enumerate(sorted(map(sorted, watched))) for a in story}
    label_b = {a: str(i) for i, story in enumerate(sorted(map(sorted, batch))) for a in story}
    only_w, only_b = watched - batch, batch - watched
    moved = {a for story in only_w | only_b for a in story}
    return {
        "articles": len(label_b),
        "same_articles": set(label_w) == set(label_b),
        "stories_watch": len(watched),
        "stories_batch": len(batch),
        "identical": watched == batch,
        "articles_differ": len(moved),
        "stories_only_watch": len(only_w),
        "stories_only_batch": len(only_b),
        "bcubed_f1": b_cubed(label_b, label_w).f1 if set(label_w) == set(label_b) else 0.0,
        "ari": adjusted_rand_index(label_b, label_w) if set(label_w) == set(label_b) else 0.0,
        "example": [sorted(s) for s in list(only_w)[:2]] + [sorted(s) for s in list(only_b)[:2]],
    }


def watch_day(store: Store, items: Sequence[Article], engine: Engine) -> None:
    """What ``watch_once`` does with the articles its sources gave (``watch/__init__``)."""
    summary = ingest_articles(items, store, engine=engine)
    if summary.new or summary.new_appearances or relink_pending(store):
        relinked = relink(store, keep_replaced=True)
        after = store.story_reports_for(relinked.rebuilt)
        fire_alerts(store, relinked.replaced_reports, after)


def run_generated(count: int) -> dict[str, Any]:
    items = list(generate(count))
    analyses = {article.id: analysis for article, analysis in items}
    engine = CachedAnalyses(analyses.__getitem__)
    by_day = sorted(items, key=lambda pair: (pair[0].metadata.published or "", pair[0].id))
    with tempfile.TemporaryDirectory(prefix="claimgraph-watch-scale-") as tmp:
        watched = open_store(Path(tmp) / "watched.db")
        started, cpu, days, last_cpu = time.perf_counter(), time.process_time(), 0, 0.0
        for _, day in itertools.groupby(by_day, key=lambda pair: pair[0].metadata.published):
            day_cpu = time.process_time()
            watch_day(watched, [article for article, _ in day], engine)
            days, last_cpu = days + 1, time.process_time() - day_cpu
        watch_s, watch_cpu = time.perf_counter() - started, time.process_time() - cpu
        batch = open_store(Path(tmp) / "batch.db")
        started, cpu = time.perf_counter(), time.process_time()
        ingest_articles([article for article, _ in items], batch, engine=engine)
        relink(batch)
        batch_s, batch_cpu = time.perf_counter() - started, time.process_time() - cpu
        result = compare(partition(watched), partition(batch))
        watched.close()
        batch.close()
    return {
        "mode": "generated",
        "days": days,
        "last_day_cpu": last_cpu,
        "watch_s": watch_s,
        "watch_cpu": watch_cpu,
        "batch_s": batch_s,
        "batch_cpu": batch_cpu,
        **result,
    }


def analysed_cache(root: Path, cache: Path) -> Store:
    """A store holding every file of ``root`` analysed by the real pipeline, made once."""
    store = open_store(cache)
    if store.article_count() == 0:
        print(f"analysing {root} into {cache} (once; slow)", file=sys.stderr)
        ingest_paths([str(f.path) for f in gva.read_files(root)], store, processes=1)
    return store


def run_gva(root: Path, cache: Path, limit: int | None) -> dict[str, Any]:
    cached = analysed_cache(root, cache)
    engine = CachedAnalyses(cached.analysis)
    files = gva.read_files(root)
    if limit:
        files = gva.read_files(root, gva.sample_incidents(root, limit))
    by_day = sorted(files, key=lambda f: f.published)  # stable: path order within a day
    ingest = partial(ingest_articles, engine=engine)
    with tempfile.TemporaryDirectory(prefix="claimgraph-watch-scale-") as tmp:
        feed = Path(tmp) / "feed"
        feed.mkdir()
        watched = open_store(Path(tmp) / "watched.db")
        started, cpu, days, last_cpu = time.perf_counter(), time.process_time(), 0, 0.0
        # watch_once itself, its analysis step answered from the cache.
        with mock.patch("claimgraph.watch.ingest_articles", ingest):
            for _, day in itertools.groupby(by_day, key=lambda f: f.published):
                for f in day:
                    for path in (f.path, f.path.with_name(f.file_id + ".meta.json")):
                        if path.is_file():
                            shutil.copy(path, feed / path.name)
                day_cpu = time.process_time()
                watch_once([str(feed)], watched, emit=lambda line: None)
                days, last_cpu = days + 1, time.process_time() - day_cpu
        watch_s, watch_cpu = time.perf_counter() - started, time.process_time() - cpu
        batch = open_store(Path(tmp) / "batch.db")
        started, cpu = time.perf_counter(), time.process_time()
        ingest_paths([str(f.path) for f in files], batch, engine=engine)
        relink(batch)
        batch_s, batch_cpu = time.perf_counter() - started, time.process_time() - cpu
        result = compare(partition(watched), partition(batch))
        watched.close()
        batch.close()
    cached.close()
    return {
        "mode": "gva",
        "days": days,
        "last_day_cpu": last_cpu,
        "watch_s": watch_s,
        "watch_cpu": watch_cpu,
        "batch_s": batch_s,
        "batch_cpu": batch_cpu,
        **result,
    }


def show(r: dict[str, Any]) -> None:
    same = "IDENTICAL" if r["identical"] else "DIFFERENT"
    print(
        f"{r['mode']}: {r['articles']} articles over {r['days']} days; watch {r['watch_s']:.1f} s "
        f"({r['watch_cpu']:.1f} s CPU), batch {r['batch_s']:.1f} s ({r['batch_cpu']:.1f} s CPU); "
        f"stories watch {r['stories_watch']} / batch {r['stories_batch']}: {same}; "
        f"the last day's watch run {r['last_day_cpu']:.1f} s CPU"
    )
    if not r["identical"]:
        print(
            f"  {r['articles_differ']} articles in stories that differ "
            f"({r['stories_only_watch']} only in watch, {r['stories_only_batch']} only in "
            f"batch); B-cubed F1 {r['bcubed_f1']:.4f}, ARI {r['ari']:.4f}"
        )
        print(f"  e.g. {json.dumps(r['example'])[:400]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000", help="generated articles, comma-separated")
    parser.add_argument("--gva", type=Path, help="gva-dev directory: the real-text mode")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "claimgraph-watch-scale-gva.db",
        help="store of the analysed gva-dev files (made on the first run)",
    )
    parser.add_argument("--limit", type=int, help="gva-dev: only this many incidents")
    args = parser.parse_args()
    if args.gva:
        show(run_gva(args.gva, args.cache, args.limit))
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(run_generated(size))
        show(results[-1])
    for small, large in itertools.pairwise(results):
        growth = large["articles"] / small["articles"]
        # CPU too: on a shared machine wall time also measures the neighbours.
        print(
            f"{growth:.0f}x articles -> watch {large['watch_s'] / small['watch_s']:.1f}x time "
            f"({large['watch_cpu'] / small['watch_cpu']:.1f}x CPU), batch "
            f"{large['batch_s'] / small['batch_s']:.1f}x time "
            f"({large['batch_cpu'] / small['batch_cpu']:.1f}x CPU) (goal <= {1.2 * growth:.0f}x)"
        )
    if any(not r["identical"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
