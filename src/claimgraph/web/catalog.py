"""The web app's read model: story summaries, search and entities, over the store.

Story reports are parsed from the store once and cached until the store changes (its
stories version, bumped at every re-link, and article count): a page then costs a
dictionary lookup, not a JSON parse of every story. On a change only the stories whose
stored JSON differs are parsed again (a digest per story), because parsing is what
costs: about 6 ms per story of ten articles. One lock serialises use of the store's
single connection, which the server's worker threads share.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from claimgraph.errors import NotFound
from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryReport
from claimgraph.store.base import Store
from claimgraph.web.entities import EntityIndex, story_entities

T = TypeVar("T")
SORTS = ("newest", "contested")


@dataclass(frozen=True)
class StorySummary:
    """One line of the stories list, with what searching and sorting need."""

    id: str
    title: str
    article_count: int
    outlets: tuple[str, ...]
    entities: tuple[str, ...]
    oldest: str | None
    newest: str | None
    discrepancy_count: int
    denial_count: int
    figure_group_count: int
    haystack: str  # lower-cased words searched by ``q``
    # What a hit can be shown as: (kind, text), kind one of figure, source, said, title.
    searchable: tuple[tuple[str, str], ...] = ()

    @property
    def contested_score(self) -> int:
        return self.discrepancy_count + self.denial_count


@dataclass(frozen=True)
class StoryQuery:
    q: str | None = None
    entity: str | None = None
    outlet: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    sort: str = "newest"


@dataclass(frozen=True)
class ArticleEntry:
    article_id: str
    title: str | None
    appearances: tuple[Metadata, ...]
    story_ids: tuple[str, ...]


@dataclass
class Snapshot:
    """Everything derived from one version of the stored stories."""

    reports: dict[str, StoryReport]
    summaries: list[StorySummary]
    articles: dict[str, ArticleEntry]
    entities: EntityIndex


def dates_of(report: StoryReport) -> list[str]:
    return sorted(m.published[:10] for a in report.articles for m in a.appearances if m.published)


def searchable_items(report: StoryReport, entities: Sequence[str]) -> list[tuple[str, str]]:
    """Each figure (its words, the value as digits, who gave it), source and statement."""
    items = [("title", a.title) for a in report.articles if a.title]
    for group in report.figure_groups:
        for m in group.members:
            q = m.quantity
            digits = " ".join(v for v in (q.value, q.low, q.high) if v)
            who = m.source or m.outlet or ""
            items.append(("figure", f"{group.label}: {q.span.text} ({digits}) — {who}"))
    items += [("source", name) for name in entities]
    items += [("said", " … ".join(s.text for s in a.content)) for _, a in report.attributions]
    return items


def summarise(report: StoryReport) -> StorySummary:
    dates = dates_of(report)
    outlets = tuple(sorted({m.outlet for a in report.articles for m in a.appearances if m.outlet}))
    entities = tuple(sorted(story_entities(report)))
    searchable = searchable_items(report, entities)
    words = [report.story.title, *outlets, *(text for _, text in searchable)]
    words += [g.label for g in report.figure_groups]
    return StorySummary(
        id=report.story.id,
        title=report.story.title,
        article_count=len(report.articles),
        outlets=outlets,
        entities=entities,
        oldest=dates[0] if dates else None,
        newest=dates[-1] if dates else None,
        discrepancy_count=len(report.discrepancies),
        denial_count=len(report.denials),
        figure_group_count=len(report.figure_groups),
        haystack=" ".join(words).casefold(),
        searchable=tuple(searchable),
    )


def article_entries(reports: Iterable[StoryReport]) -> dict[str, ArticleEntry]:
    entries: dict[str, ArticleEntry] = {}
    for report in reports:
        for a in report.articles:
            known = entries.get(a.article_id)
            stories = (known.story_ids if known else ()) + (report.story.id,)
            entries[a.article_id] = ArticleEntry(a.article_id, a.title, a.appearances, stories)
    return entries


def build_snapshot(reports: Sequence[StoryReport]) -> Snapshot:
    return Snapshot(
        reports={r.story.id: r for r in reports},
        summaries=[summarise(r) for r in reports],
        articles=article_entries(reports),
        entities=EntityIndex.build(reports),
    )


def matches(summary: StorySummary, query: StoryQuery) -> bool:
    if query.q and query.q.casefold() not in summary.haystack:
        return False
    if query.entity and not any(query.entity.casefold() in e.casefold() for e in summary.entities):
        return False
    if query.outlet and not any(query.outlet.casefold() == o.casefold() for o in summary.outlets):
        return False
    if query.since and (summary.newest is None or summary.newest < query.since[:10]):
        return False
    return not (query.until and (summary.oldest is None or summary.oldest > query.until[:10]))


SNIPPET_CHARS = 80  # either side of the match: a line of context


def snippets(summary: StorySummary, q: str | None, limit: int = 3) -> list[tuple[str, Markup]]:
    """Up to ``limit`` (kind, text with the match in ``<mark>``) for a story that matched."""
    if not q:
        return []
    needle = q.casefold()
    found: list[tuple[str, Markup]] = []
    for kind, text in summary.searchable:
        at = text.casefold().find(needle)
        if at < 0:
            continue
        start, end = max(0, at - SNIPPET_CHARS), at + len(q) + SNIPPET_CHARS
        before, hit, after = text[start:at], text[at : at + len(q)], text[at + len(q) : end]
        lead, tail = ("…" if start else ""), ("…" if end < len(text) else "")
        found.append(
            (kind, Markup("{}{}<mark>{}</mark>{}{}").format(lead, before, hit, after, tail))
        )
        if len(found) == limit:
            break
    return found


def sort_key(sort: str) -> Callable[[StorySummary], tuple[int, str, str]]:
    """Newest first (undated last), or most contested first; ties by newest, then id."""
    if sort == "contested":
        return lambda s: (-s.contested_score, _desc(s.newest), s.id)
    return lambda s: (0 if s.newest else 1, _desc(s.newest), s.id)


def _desc(date: str | None) -> str:
    # Inverting each character sorts ISO dates newest first inside an ascending sort.
    return "".join(chr(0x10FFFF - ord(c)) for c in (date or ""))


class Catalog:
    """Cached, thread-safe reads of one store for the web app and the API."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lock = threading.RLock()
        self._version: tuple[int, int] | None = None
        self._snapshot: Snapshot | None = None
        self._parsed: dict[str, tuple[bytes, StoryReport]] = {}  # story id -> (digest, report)

    def locked(self, read: Callable[[Store], T]) -> T:
        with self.lock:
            return read(self.store)

    def _store_version(self) -> tuple[int, int]:
        return self.store.stories_version(), self.store.article_count()

    def invalidate(self) -> None:
        with self.lock:
            self._version = None

    def snapshot(self) -> Snapshot:
        with self.lock:
            version = self._store_version()
            if self._snapshot is None or version != self._version:
                self._snapshot = build_snapshot(self._read_reports())
                self._version = version
            return self._snapshot

    def _read_reports(self) -> list[StoryReport]:
        """The stored reports in order, parsing only those that changed since last time."""
        rows = self.store.story_report_rows()
        parsed: dict[str, tuple[bytes, StoryReport]] = {}
        for story_id, text in rows:
            digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
            known = self._parsed.get(story_id)
            if known is not None and known[0] == digest:
                parsed[story_id] = known
            else:
                parsed[story_id] = (digest, StoryReport.model_validate_json(text))
        self._parsed = parsed
        return [report for _, report in parsed.values()]

    def stories(self, query: StoryQuery) -> list[StorySummary]:
        found = [s for s in self.snapshot().summaries if matches(s, query)]
        return sorted(found, key=sort_key(query.sort))

    def report(self, story_id: str) -> StoryReport:
        report = self.snapshot().reports.get(story_id)
        if report is None:
            raise NotFound(f"no story with id {story_id!r}")
        return report

    def article(self, article_id: str) -> tuple[Article, ArticleAnalysis, tuple[Metadata, ...]]:
        with self.lock:
            try:
                article = self.store.article(article_id)
                analysis = self.store.analysis(article_id)
            except NotFound:  # the store's message names its file: not for visitors
                raise NotFound(f"no article with id {article_id!r}") from None
            return article, analysis, self.store.appearances(article_id)

    def article_entry(self, article_id: str) -> ArticleEntry | None:
        return self.snapshot().articles.get(article_id)

    def articles(self) -> list[ArticleEntry]:
        return list(self.snapshot().articles.values())
