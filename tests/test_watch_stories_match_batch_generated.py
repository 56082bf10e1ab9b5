"""`watch` day by day gives the same stories as one batch ingest, at more than a handful
of incidents: 100 generated same-topic incidents (1,000 articles, each incident reported
over four days, so days interleave incidents), fed day by day through what
``watch_once`` does with the articles it read (``ingest_articles``, then ``relink``),
against one ingest of all of them in id order (as a directory is read) and one
``relink``. Analyses are generated, not parsed (``bench/watch_scale.py`` runs the same
comparison at 10,000 articles and on gva-dev).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from claimgraph.batch.local import Engine, ingest_articles
from claimgraph.link import relink
from claimgraph.link.relinking import relink_pending
from claimgraph.model import Article, ArticleAnalysis, EntityMention, Metadata, Span
from claimgraph.store import open_store
from claimgraph.store.base import Store

SYLLABLES = ["ka", "lo", "mi", "ren", "dus", "ta", "vel", "bor", "sin", "ha", "mar", "tek"]
TOPIC = ["shooting", "police", "victim", "hospital", "street", "night", "wounded", "gunfire"]
INCIDENTS = 100
PER_INCIDENT = 10


class _Generated(Engine):
    """Ingest's analysis step answered from the generated analyses."""

    def __init__(self, analyses: dict[str, ArticleAnalysis]) -> None:
        super().__init__()
        object.__setattr__(self, "analyses", analyses)

    def analyse(
        self, articles: Iterable[Article], nlp: object
    ) -> Iterator[tuple[Article, ArticleAnalysis]]:
        analyses: dict[str, ArticleAnalysis] = self.analyses  # type: ignore[attr-defined]
        for article in articles:
            yield article, analyses[article.id]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _feed() -> list[tuple[Article, ArticleAnalysis]]:
    rng = random.Random(19)
    items = []
    for _ in range(INCIDENTS):
        town, person = _word(rng), f"{_word(rng)} {_word(rng)}"
        day, wounded = rng.randint(1, 40), rng.randint(12, 99)
        for n in range(PER_INCIDENT):
            published = f"2026-{1 + (day + n % 4 - 1) // 28:02d}-{(day + n % 4 - 1) % 28 + 1:02d}"
            words = " ".join(rng.sample(TOPIC, 5))
            text = (
                f"{words.title()} in {town}\n{person} said {wounded} people were hurt in "
                f"{town} on the night of day {day}. {words} ({n}).\n"
            )
            article_id = f"{rng.getrandbits(64):016x}"
            mentions = [
                EntityMention(span=Span.of(text, s, s + len(name)), label=label, name=name)
                for name, label in ((town, "GPE"), (person, "PERSON"))
                for s in (text.find(name),)
            ]
            mentions.sort(key=lambda m: m.span.start)
            article = Article(
                id=article_id,
                text=text,
                metadata=Metadata(outlet=f"Outlet{n % 3}", published=published),
            )
            analysis = ArticleAnalysis(article_id=article_id, entities=tuple(mentions))
            items.append((article, analysis))
    return items


def _stories(store: Store) -> set[frozenset[str]]:
    return {frozenset(r.story.article_ids) for r in store.story_reports()}


def test_watch_day_by_day_gives_the_batch_stories_at_100_incidents(tmp_path: Path) -> None:
    items = _feed()
    engine = _Generated({a.id: an for a, an in items})
    articles = [a for a, _ in items]
    watched = open_store(tmp_path / "watched.db")
    days = 0
    by_day = sorted(articles, key=lambda a: a.metadata.published or "")
    for _, day in groupby(by_day, key=lambda a: a.metadata.published):
        summary = ingest_articles(list(day), watched, engine=engine)
        if summary.new or summary.new_appearances or relink_pending(watched):
            relink(watched, keep_replaced=True)
        days += 1
    batch = open_store(tmp_path / "batch.db")
    by_id = sorted(articles, key=lambda a: a.id)  # as a directory is read: no date order
    ingest_articles(by_id, batch, engine=engine)
    relink(batch)
    watched_stories, batch_stories = _stories(watched), _stories(batch)
    watched.close()
    batch.close()
    assert days > 30  # a feed, not one batch
    assert sum(len(s) for s in batch_stories) == len(items)
    # The grouping is not trivial: neither every article alone nor one story.
    assert INCIDENTS / 2 < len(batch_stories) < len(items) / 2
    assert watched_stories == batch_stories
