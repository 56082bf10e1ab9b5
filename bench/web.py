"""Latency of the web app on a generated store: ``python bench/web.py``.

Builds (once; reused when the file exists) a store of ``--articles`` fake articles in
stories of ``--per-story`` articles, each story with figure groups, discrepancies,
citations, a timeline and attributions, then serves it with uvicorn on 127.0.0.1 and
times sequential requests to the story page and the API story endpoint over HTTP.
Prints the cold first request and p50/p95 (goal: p95 < 100 ms). Not a test.
"""

from __future__ import annotations

import argparse
import random
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from claimgraph import model as m
from claimgraph.store import open_store
from claimgraph.web.app import create_app
from claimgraph.web.config import WebConfig

OUTLETS = ["Valley Wire", "The Harbor Ledger", "Coastal Times", "Northern Dispatch", "Metro Post"]
SOURCES = ["the coast guard", "a port official", "the governor", "the mayor", "police"]
SENTENCE = "At least {n} people are missing after the ferry capsized, {source} said on Tuesday. "


def span(text: str, needle: str, start: int = 0) -> m.Span:
    at = text.index(needle, start)
    return m.Span.of(text, at, at + len(needle))


def fake_article(
    index: int, rng: random.Random
) -> tuple[m.Article, m.ArticleAnalysis, list[m.FigureMember]]:
    outlet = OUTLETS[index % len(OUTLETS)]
    parts, members, attributions, quantities = [f"Story {index // 10} report {index}\n"], [], [], []
    for k in range(6):
        n, source = rng.randint(10, 500), rng.choice(SOURCES)
        offset = sum(map(len, parts))
        parts.append(SENTENCE.format(n=n, source=source))
        text = "".join(parts)
        q = m.Quantity(
            id=f"q{k}", span=span(text, f"At least {n}", offset), value=str(n), bound=m.Bound.GE
        )
        a = m.Attribution(
            id=f"t{k}",
            cue=span(text, "said", offset),
            source=(span(text, source, offset),),
            content=(
                span(text, f"At least {n} people are missing after the ferry capsized", offset),
            ),
            source_entity=source,
        )
        quantities.append(q)
        attributions.append(a)
        date = f"2026-03-{1 + index % 28:02d}"
        members.append(
            m.FigureMember(
                article_id=f"{index:064d}", quantity=q, source=source, outlet=outlet, date=date
            )
        )
    text = "".join(parts) * 3  # ~1.5 kB of text per article
    metadata = m.Metadata(outlet=outlet, published=f"2026-03-{1 + index % 28:02d}T10:00:00+00:00")
    article = m.Article(
        id=f"{index:064d}", text=text, title=span(text, f"Story {index // 10}"), metadata=metadata
    )
    analysis = m.ArticleAnalysis(
        article_id=article.id, attributions=tuple(attributions), quantities=tuple(quantities)
    )
    return article, analysis, members


def fake_story(
    sid: str, items: list[tuple[m.Article, m.ArticleAnalysis, list[m.FigureMember]]]
) -> m.StoryReport:
    members = [member for _, _, ms in items for member in ms]
    groups = tuple(
        m.FigureGroup(
            id=f"g{g}", story_id=sid, label="missing person", members=tuple(members[g::3])
        )
        for g in range(3)
    )
    discrepancies = tuple(
        m.Discrepancy(
            id=f"d{g.id}",
            story_id=sid,
            kind=m.DiscrepancyKind.CONFLICT,
            reason="sources disagree",
            group_id=g.id,
            spans=tuple((x.article_id, x.quantity.span) for x in g.members[:2]),
        )
        for g in groups
    )
    citations = tuple(
        m.CitationEdge(citer=a.metadata.outlet or "", cited=s.source_entity or "", article_id=a.id)
        for a, n, _ in items
        for s in n.attributions
    )
    return m.StoryReport(
        story=m.Story(
            id=sid,
            title=items[0][0].title.text if items[0][0].title else sid,
            article_ids=tuple(a.id for a, _, _ in items),
        ),
        articles=tuple(
            m.ArticleSummary(
                article_id=a.id, title=a.title.text if a.title else None, appearances=(a.metadata,)
            )
            for a, _, _ in items
        ),
        figure_groups=groups,
        discrepancies=discrepancies,
        citations=citations,
        timeline=tuple(
            m.TimelineEntry(
                date=x.date or "", article_id=x.article_id, span=x.quantity.span, label="count"
            )
            for x in members[:10]
        ),
        attributions=tuple((a.id, t) for a, n, _ in items for t in n.attributions),
    )


def build_store(path: Path, articles: int, per_story: int) -> None:
    rng = random.Random(7)
    store = open_store(path)
    reports, batch = [], []
    for index in range(articles):
        item = fake_article(index, rng)
        store.add_article(item[0], item[1])
        batch.append(item)
        if len(batch) == per_story:
            reports.append(fake_story(f"story{len(reports):05d}", batch))
            batch = []
    store.replace_story_reports(reports)
    store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def change_one_story(db: Path, story_id: str) -> None:
    """Rewrite one stored story from another connection, as a concurrent ingest would."""
    with sqlite3.connect(db) as conn:
        (text,) = conn.execute(
            "SELECT report_json FROM story_reports WHERE story_id = ?", (story_id,)
        ).fetchone()
        updated = text.replace('"title":"Story', '"title":"Updated story', 1)
        conn.execute(
            "UPDATE story_reports SET report_json = ? WHERE story_id = ?", (updated, story_id)
        )


def timed(client: httpx.Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    response.raise_for_status()
    return (time.perf_counter() - started) * 1000


def report(name: str, samples: list[float]) -> None:
    cuts = statistics.quantiles(samples, n=100)
    print(f"{name:<28} p50 {cuts[49]:7.1f} ms   p95 {cuts[94]:7.1f} ms   (n={len(samples)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-story", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "claimgraph-bench-web.db"
    )
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build_store(args.db, args.articles, args.per_story)
        print(f"built {args.db}: {args.articles} articles in {time.perf_counter() - started:.1f} s")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(WebConfig(db=str(args.db))), port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(1)
    with httpx.Client(base_url=base, timeout=60) as client:
        cold = timed(client, "/api/stories?limit=1")
        print(f"cold first request (parses every story): {cold:.0f} ms")
        ids = [s["id"] for s in client.get("/api/stories", params={"limit": 500}).json()["items"]]
        for name, pattern in (
            ("story page /stories/{id}", "/stories/{}"),
            ("API /api/stories/{id}", "/api/stories/{}"),
        ):
            report(
                name, [timed(client, pattern.format(rng.choice(ids))) for _ in range(args.requests)]
            )
        report("stories list /stories", [timed(client, "/stories") for _ in range(50)])
        change_one_story(args.db, ids[0])
        print(f"first request after one story changed: {timed(client, '/stories'):.0f} ms")
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
