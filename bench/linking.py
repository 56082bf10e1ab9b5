"""Linking cost as the corpus grows: 1k, 10k (and on request 100k) generated articles.

Stories of about ten articles each share their own place, people and figures, and every
story shares topic words with all the others (so blocking has work to do). Each size runs
in its own process; prints seconds (wall and CPU), peak RSS, stories found, and the growth
ratio per 10x. Analyses are generated, not parsed, and held in memory: this measures
linking alone (``bench/memory.py`` measures the store path, which streams).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimgraph.model import Article, ArticleAnalysis

TOPIC = [
    "flood",
    "river",
    "rain",
    "water",
    "rescue",
    "evacuation",
    "town",
    "homes",
    "damage",
    "storm",
]


SYLLABLES = ["ka", "lo", "mi", "ren", "ta", "vo", "sel", "dar", "un", "bri", "gal", "os"]


def word_for(number: int, length: int) -> str:
    """A pronounceable word unique to ``number`` (names must be letters to be words)."""
    parts = []
    for _ in range(length):
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def place_name(story: int) -> str:
    return word_for(story, 5) + "ton"


def person_name(story: int) -> str:
    return word_for(story * 7 + 3, 5) + "son"


def generated(count: int, seed: int = 7) -> list[tuple[object, object]]:
    return list(generate(count, seed))


def generate(count: int, seed: int = 7) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """``count`` articles with their analyses, one at a time (``bench/memory.py`` streams
    them into a store)."""
    from claimgraph.model import (
        Article,
        ArticleAnalysis,
        Attribution,
        EntityMention,
        Metadata,
        Quantity,
        Span,
    )

    rng = random.Random(seed)
    for i in range(count):
        story = i // 10
        town, official = place_name(story), f"Officer {person_name(story)}"
        evacuated = 100 + story % 500 + rng.choice((0, 0, 20))
        words = " ".join(rng.sample(TOPIC, 5))
        text = (
            f"{words.title()} in {town}\n{official} said {evacuated} residents of {town} were "
            f"evacuated on day {story % 28 + 1}, and {story % 9 + 1} people died. {words}.\n"
        )
        t0 = text.index(town)
        o0 = text.index(official)
        q0 = text.index(str(evacuated), o0)
        cue = text.index("said")
        quantity = Quantity(
            id=f"q{q0}",
            span=Span.of(text, q0, q0 + len(str(evacuated))),
            value=str(evacuated),
            counted=Span.of(text, q0 + len(str(evacuated)) + 1, q0 + len(str(evacuated)) + 10),
            counted_head="resident",
            attribution_id=f"a{cue}",
        )
        attribution = Attribution(
            id=f"a{cue}",
            cue=Span.of(text, cue, cue + 4),
            source=(Span.of(text, o0, o0 + len(official)),),
            content=(Span.of(text, cue + 5, len(text) - 1),),
            source_entity=official,
        )
        entities = (
            EntityMention(span=Span.of(text, t0, t0 + len(town)), label="GPE", name=town),
            EntityMention(
                span=Span.of(text, o0, o0 + len(official)), label="PERSON", name=official
            ),
        )
        article = Article(
            id=f"{i:016x}",
            text=text,
            metadata=Metadata(outlet=f"Outlet{i % 7}", published=f"2026-03-{story % 28 + 1:02d}"),
        )
        analysis = ArticleAnalysis(
            article_id=article.id,
            entities=entities,
            attributions=(attribution,),
            quantities=(quantity,),
        )
        yield article, analysis


def run_size(count: int) -> dict[str, float]:
    from claimgraph.link import link_items

    items = generated(count)
    started, cpu = time.perf_counter(), time.process_time()
    reports = link_items(items, {})  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": count,
        "seconds": seconds,
        "cpu": cpu,
        "rss_mb": rss,
        "stories": len(reports),
    }


def measured(size: int) -> dict[str, float]:
    """One run of ``size`` in a fresh process (no warm caches, its own peak RSS)."""
    out = subprocess.run(
        [sys.executable, __file__, "--size", str(size)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """Per measure, the median over repeated runs, with the wall-time spread kept."""
    merged = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    merged["min_s"] = min(r["seconds"] for r in runs)
    merged["max_s"] = max(r["seconds"] for r in runs)
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated sizes")
    # One run per size swung the 1k -> 10k growth from 12x to 20x on unchanged code (the
    # 10k point alone took 4.1 s to 7.2 s): the growth is taken between medians of runs
    # interleaved across sizes, so a slow spell of the machine hits every size alike.
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median)")
    args = parser.parse_args()
    if args.size:
        print(json.dumps(run_size(args.size)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    runs: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
    for _ in range(max(1, args.repeat)):
        for size in sizes:
            runs[size].append(measured(size))
    results = [median_run(runs[size]) for size in sizes]
    print(f"median of {max(1, args.repeat)} runs per size")
    print(
        f"{'articles':>9} {'seconds':>9} {'min-max s':>13} {'CPU s':>9} {'RSS MB':>8} "
        f"{'stories':>8}"
    )
    for r in results:
        spread = f"{r['min_s']:.2f}-{r['max_s']:.2f}"
        print(
            f"{r['articles']:>9.0f} {r['seconds']:>9.2f} {spread:>13} {r['cpu']:>9.2f} "
            f"{r['rss_mb']:>8.0f} {r['stories']:>8.0f}"
        )
    # CPU time too: on a shared machine wall time also measures the neighbours.
    for small, large in itertools.pairwise(results):
        growth = large["articles"] / small["articles"]
        ratio = large["seconds"] / small["seconds"]
        cpu = large["cpu"] / small["cpu"]
        print(
            f"{growth:.0f}x articles -> {ratio:.1f}x time, {cpu:.1f}x CPU "
            f"(goal <= {1.2 * growth:.0f}x)"
        )


if __name__ == "__main__":
    main()
