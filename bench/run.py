"""``make bench``: bare ``nlp.pipe`` against the full ``claimgraph ingest``, one run.

Every phase runs on the same texts, each in its own process (so peak RSS is its own):
every real news text available here (PolNeAR, ECB+, MEANTIME, the seeds and the demo
corpus; see ``bench/corpus.py``), deduplicated, and numbered copies of them only when
there are fewer than ``--min-articles``. Phases: bare ``nlp.pipe`` (one process, spaCy's
default); the full ingest (read, analyse, store, link) on all cores and on one process;
and ``--engine ray`` with 1 and 2 workers when Ray is installed. Prints articles/s,
tokens/s, peak RSS of the phase's process and the peak of its largest worker (local
workers: ``RUSAGE_CHILDREN``; Ray workers: sampled from /proc, see
``bench/worker_peak.py``), and the ratios.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import bench_corpus
from worker_peak import WorkerPeaks

# Issue #7 measures throughput on at least 2,000 articles in one run.
DEFAULT_MIN_ARTICLES = 2_000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_bare(folder: Path) -> dict[str, float]:
    from spacy import load

    from claimgraph.analyse.pipeline import resolve_model_name

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = load(resolve_model_name())
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "tokens": tokens, "seconds": seconds, "rss_mb": peak_rss_mb()}


def phase_full(
    folder: Path, engine_name: str = "local", workers: int | None = None
) -> dict[str, float]:
    from claimgraph.analyse import build_pipeline
    from claimgraph.batch.local import Engine, ingest_paths, story_mapper
    from claimgraph.link import relink
    from claimgraph.store import open_store

    nlp = build_pipeline()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    db = folder / f"bench-{engine_name}-{workers}.db"
    store = open_store(db)
    engine = Engine(engine_name, workers)
    with WorkerPeaks() as ray_workers:
        started = time.perf_counter()
        summary = ingest_paths([str(folder / "texts")], store, nlp=nlp, engine=engine)
        ingest_seconds = time.perf_counter() - started
        stories = len(relink(store, map_stories=story_mapper(engine_name)))
        seconds = time.perf_counter() - started
    store.close()
    local_workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": summary.new,
        "failed": len(summary.failures),
        "tokens": tokens,
        "seconds": seconds,
        "ingest_seconds": ingest_seconds,
        "stories": stories,
        "rss_mb": peak_rss_mb(),
        "worker_rss_mb": ray_workers.max_mb if engine_name == "ray" else local_workers,
        "ray_workers": ray_workers.workers,
        "ray_workers_total_mb": ray_workers.total_mb,
    }


def run_phase(name: str, folder: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--folder", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def write_corpus(folder: Path, texts: list[str]) -> None:
    (folder / "texts").mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        (folder / "texts" / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phase", choices=sorted(PHASES))
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--min-articles", type=int, default=DEFAULT_MIN_ARTICLES)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args.folder)))
        return
    names = ["bare", "full", "full-1"]
    if importlib.util.find_spec("ray") is not None:
        names += ["ray-1", "ray-2"]
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        folder = Path(tmp)
        corpus = bench_corpus(args.min_articles)
        print(corpus.describe(), flush=True)
        write_corpus(folder, corpus.texts)
        results = {name: run_phase(name, folder) for name in names}
    report(results)


LABELS = {
    "bare": "bare nlp.pipe",
    "full": "claimgraph ingest",
    "full-1": "  ... 1 process",
    "ray-1": "  ... ray, 1 worker",
    "ray-2": "  ... ray, 2 workers",
}


def rate(result: dict[str, float]) -> float:
    return result["articles"] / result["seconds"]


def report(results: dict[str, dict[str, float]]) -> None:
    print(
        f"{'':<22} {'articles':>8} {'tokens':>10} {'seconds':>9} {'art/s':>8} "
        f"{'tok/s':>8} {'RSS MB':>7} {'worker MB':>9}"
    )
    for name, r in results.items():
        print(
            f"{LABELS[name]:<22} {r['articles']:>8.0f} {r['tokens']:>10.0f} {r['seconds']:>9.1f} "
            f"{rate(r):>8.2f} {r['tokens'] / r['seconds']:>8.0f} {r['rss_mb']:>7.0f} "
            f"{r.get('worker_rss_mb', 0):>9.0f}"
        )
    bare, full = results["bare"], results["full"]
    print(f"ratio full (all {default_cores()} cores) / bare: {rate(full) / rate(bare):.2f}")
    print(f"ratio full, all cores / 1 process: {rate(full) / rate(results['full-1']):.2f}")
    for name in ("ray-1", "ray-2"):
        if name in results:
            r = results[name]
            print(
                f"ratio {name} / full local: {rate(r) / rate(full):.2f} "
                f"(Ray worker processes: {r['ray_workers']:.0f}, largest peak "
                f"{r['worker_rss_mb']:.0f} MB, all together {r['ray_workers_total_mb']:.0f} MB)"
            )
    print(
        f"full run: ingest {full['ingest_seconds']:.1f} s, linking "
        f"{full['seconds'] - full['ingest_seconds']:.1f} s, {full['stories']:.0f} stories, "
        f"{full['failed']:.0f} failed"
    )


def default_cores() -> int:
    from claimgraph.batch.parallel import default_processes

    return default_processes()


PHASES: dict[str, Callable[[Path], dict[str, float]]] = {
    "bare": phase_bare,
    "full": phase_full,
    "full-1": lambda folder: phase_full(folder, "local", 1),
    "ray-1": lambda folder: phase_full(folder, "ray", 1),
    "ray-2": lambda folder: phase_full(folder, "ray", 2),
}


if __name__ == "__main__":
    main()
