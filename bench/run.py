"""``make bench``: bare ``nlp.pipe`` against the full ``claimgraph ingest``, one run.

Both phases run on the same texts, each in its own process (so peak RSS is its own):
PolNeAR's texts from ../shared when present, plus the bundled demo corpus and the
seeds, repeated with a numbered line until there are at least ``--min-articles``.
Prints articles/s, tokens/s, the ratio full/bare and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_MIN_ARTICLES = 600


def corpus_texts() -> list[str]:
    """The real texts available here, in a fixed order."""
    sources = [
        *sorted((SHARED / "corpora" / "polnear" / "train" / "text").glob("*.txt")),
        *sorted((SHARED / "corpora" / "polnear" / "dev" / "text").glob("*.txt")),
        *sorted((SHARED / "seeds").glob("*.txt")),
        *sorted((REPO / "src" / "claimgraph" / "demo_corpus").glob("*.txt")),
    ]
    return [p.read_text(encoding="utf-8") for p in sources]


def bench_texts(minimum: int) -> list[str]:
    """At least ``minimum`` distinct texts (copies get a numbered last line)."""
    base = corpus_texts()
    texts = list(base)
    copy = 1
    while len(texts) < minimum:
        texts.extend(f"{t.rstrip()}\n\nCopy {copy}.\n" for t in base[: minimum - len(texts)])
        copy += 1
    return texts


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


def phase_full(folder: Path) -> dict[str, float]:
    from claimgraph.analyse import build_pipeline
    from claimgraph.batch.local import ingest_paths
    from claimgraph.link import relink
    from claimgraph.store import open_store

    nlp = build_pipeline()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    store = open_store(folder / "bench.db")
    started = time.perf_counter()
    summary = ingest_paths([str(folder / "texts")], store, nlp=nlp)
    ingest_seconds = time.perf_counter() - started
    stories = len(relink(store))
    seconds = time.perf_counter() - started
    store.close()
    return {
        "articles": summary.new,
        "failed": len(summary.failures),
        "tokens": tokens,
        "seconds": seconds,
        "ingest_seconds": ingest_seconds,
        "stories": stories,
        "rss_mb": peak_rss_mb(),
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
    parser.add_argument("--phase", choices=["bare", "full"])
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--min-articles", type=int, default=DEFAULT_MIN_ARTICLES)
    args = parser.parse_args()
    if args.phase:
        result = (phase_bare if args.phase == "bare" else phase_full)(args.folder)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        folder = Path(tmp)
        write_corpus(folder, bench_texts(args.min_articles))
        bare = run_phase("bare", folder)
        full = run_phase("full", folder)
    report(bare, full)


def report(bare: dict[str, float], full: dict[str, float]) -> None:
    rows = []
    for name, r in (("bare nlp.pipe", bare), ("claimgraph ingest", full)):
        rows.append(
            f"{name:<20} {r['articles']:>8.0f} {r['tokens']:>10.0f} {r['seconds']:>9.1f} "
            f"{r['articles'] / r['seconds']:>10.2f} {r['tokens'] / r['seconds']:>10.0f} "
            f"{r['rss_mb']:>8.0f}"
        )
    print(
        f"{'':<20} {'articles':>8} {'tokens':>10} {'seconds':>9} {'art/s':>10} "
        f"{'tok/s':>10} {'RSS MB':>8}"
    )
    print("\n".join(rows))
    ratio = (full["articles"] / full["seconds"]) / (bare["articles"] / bare["seconds"])
    print(f"ratio full/bare (articles/s): {ratio:.2f}")
    print(
        f"full run: ingest {full['ingest_seconds']:.1f} s, linking "
        f"{full['seconds'] - full['ingest_seconds']:.1f} s, {full['stories']:.0f} stories, "
        f"{full['failed']:.0f} failed"
    )


if __name__ == "__main__":
    main()
