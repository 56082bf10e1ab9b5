"""Ingest on this machine: read, analyse new texts with ``nlp.pipe``, store each article.

Texts already analysed are not analysed again (identity is the content hash): their new
appearances are recorded and the rest skipped, so an interrupted run resumes cleanly.
Each article is written in its own transaction, so an interruption loses at most the
article being written.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from spacy.language import Language

from claimgraph.analyse.pipeline import AnalysisFailed
from claimgraph.batch.parallel import analyse_in_processes, default_processes
from claimgraph.errors import StoreError, UnreadableInput, failure_reason
from claimgraph.ingest import MetadataWarning, read_paths
from claimgraph.ingest.assemble import ReadItem
from claimgraph.link import StoryMapper
from claimgraph.model import Article, ArticleAnalysis, Metadata
from claimgraph.store.base import AddOutcome, ArticleStore


@dataclass
class IngestSummary:
    """What an ingest run did; ``failures`` holds one ``(path, reason)`` per bad input,
    ``warnings`` one ``(path, message)`` per invalid date or URL dropped (not a failure:
    the article was ingested without it)."""

    read: int = 0
    new: int = 0
    new_appearances: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    stories: int = 0

    @property
    def articles_per_second(self) -> float:
        return self.new / self.seconds if self.seconds else 0.0

    def count(self, outcome: AddOutcome) -> None:
        if outcome is AddOutcome.NEW:
            self.new += 1
        elif outcome is AddOutcome.NEW_APPEARANCE:
            self.new_appearances += 1
        else:
            self.duplicates += 1

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "new": self.new,
            "new_appearances": self.new_appearances,
            "duplicates": self.duplicates,
            "failed": len(self.failures),
            "failures": [{"path": p, "reason": r} for p, r in self.failures],
            "warnings": [{"path": p, "message": m} for p, m in self.warnings],
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 2),
            "stories": self.stories,
        }


ProgressCallback = Callable[[IngestSummary], None]
IssueCallback = Callable[[str, str], None]
"""Called with ``(path, reason)`` for a failure, ``(path, message)`` for a warning."""


def _ignore(path: str, text: str) -> None:
    """The default ``on_error`` and ``on_warning``: the summary holds them anyway."""


class _Router:
    """Sends unseen texts on to analysis and records the rest as appearances at once.

    ``unseen`` runs in the worker pool's feeder thread while the main thread stores
    analysed articles on the same connection: ``lock`` keeps each store call (and
    each article's transaction) whole, so the feeder never begins a transaction
    inside the main thread's.
    """

    def __init__(
        self,
        store: ArticleStore,
        summary: IngestSummary,
        on_error: IssueCallback,
        on_warning: IssueCallback,
    ):
        self.store = store
        self.summary = summary
        self.on_error = on_error
        self.on_warning = on_warning
        self.in_flight: dict[str, list[Metadata]] = {}
        self.lock = threading.Lock()

    def fail(self, path: str, reason: str) -> None:
        with self.lock:
            self.summary.failures.append((path, reason))
        self.on_error(path, reason)

    def warn(self, path: str, message: str) -> None:
        with self.lock:
            self.summary.warnings.append((path, message))
        self.on_warning(path, message)

    def unseen(self, items: Iterable[ReadItem]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, UnreadableInput):
                self.fail(item.path, item.reason)
                continue
            if isinstance(item, MetadataWarning):
                self.warn(item.path, item.message)
                continue
            try:
                article = self._route(item)
            except Exception as error:  # (isolated: the item's fault, not the batch's)
                self.fail(_path_of(item), failure_reason(error))
                continue
            if article is not None:
                yield article

    def _route(self, item: Article) -> Article | None:
        with self.lock:
            self.summary.read += 1
            if item.id in self.in_flight:
                self.in_flight[item.id].append(item.metadata)
                return None
            if self.store.has_analysis(item.id):
                self.summary.count(self.store.add_appearance(item.id, item.metadata))
                return None
            self.in_flight[item.id] = []
            return item

    def store_result(self, article: Article, result: ArticleAnalysis | AnalysisFailed) -> None:
        """Store one analysed article and the copies of its text read meanwhile."""
        with self.lock:
            copies = self.in_flight.pop(article.id, [])
        if isinstance(result, AnalysisFailed):
            for metadata in [article.metadata, *copies]:
                self.fail(metadata.source_path or article.id, result.reason)
            return
        try:
            with self.lock:
                self.summary.count(self.store.add_article(article, result))
                for metadata in copies:
                    self.summary.count(self.store.add_appearance(article.id, metadata))
        except Exception as error:
            if _is_store_fault(error):
                raise StoreError(f"cannot write to {self.store.path}: {error}") from error
            self.fail(_path_of(article), f"cannot be stored: {failure_reason(error)}")


def _path_of(article: Article) -> str:
    return article.metadata.source_path or article.id


def _is_store_fault(error: Exception) -> bool:
    """Whether ``error`` is the database's (locked, full, gone): fatal for the batch,
    unlike an article's own fault (a value that cannot be serialised)."""
    return type(error).__module__.split(".")[0] in {"sqlite3", "psycopg", "psycopg2"}


@dataclass(frozen=True)
class Engine:
    """Where per-article analysis runs: ``local`` (processes here) or ``ray``."""

    name: str = "local"
    processes: int | None = None  # local workers, or Ray actors (default: one per core)
    ray_address: str | None = None  # None: a local Ray cluster

    def analyse(
        self, articles: Iterable[Article], nlp: Language | None
    ) -> Iterator[tuple[Article, ArticleAnalysis | AnalysisFailed]]:
        workers = default_processes() if self.processes is None else self.processes
        if self.name == "ray":
            from claimgraph.batch.ray_engine import analyse_with_ray, start_ray

            start_ray(self.ray_address, workers)
            return analyse_with_ray(articles, workers=workers)
        return analyse_in_processes(articles, processes=workers, nlp=nlp)


def story_mapper(engine_name: str) -> StoryMapper:
    """How re-linking runs its per-story jobs on an engine."""
    if engine_name == "ray":
        from claimgraph.batch.ray_engine import map_stories_with_ray

        return map_stories_with_ray
    return map


def ingest_articles(
    items: Iterable[ReadItem],
    store: ArticleStore,
    *,
    nlp: Language | None = None,
    processes: int | None = None,
    engine: Engine | None = None,
    on_progress: ProgressCallback | None = None,
    on_error: IssueCallback | None = None,
    on_warning: IssueCallback | None = None,
) -> IngestSummary:
    """Analyse and store every new article of ``items``; never re-link (see ``relink``).

    Each failure and each warning is in the summary, and passed to ``on_error`` or
    ``on_warning`` as it happens.

    Analysis runs on ``engine`` (default: ``processes`` local workers, one per core);
    small batches are analysed in this process with ``nlp`` (built when not given).
    """
    summary = IngestSummary()
    started = time.perf_counter()
    router = _Router(store, summary, on_error or _ignore, on_warning or _ignore)
    chosen = engine or Engine(processes=processes)
    for article, result in chosen.analyse(router.unseen(items), nlp):
        router.store_result(article, result)
        summary.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_paths(
    paths: Sequence[str],
    store: ArticleStore,
    *,
    outlet: str | None = None,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    nlp: Language | None = None,
    processes: int | None = None,
    engine: Engine | None = None,
    on_progress: ProgressCallback | None = None,
    on_error: IssueCallback | None = None,
    on_warning: IssueCallback | None = None,
) -> IngestSummary:
    """Read ``paths`` (files, directories, ``-``) and ingest every article in them."""
    items = read_paths(paths, outlet=outlet, published=published, stdin=stdin)
    return ingest_articles(
        items,
        store,
        nlp=nlp,
        processes=processes,
        engine=engine,
        on_progress=on_progress,
        on_error=on_error,
        on_warning=on_warning,
    )
