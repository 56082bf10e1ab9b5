"""Per-article analysis on all cores: a pool of worker processes, each with its own pipeline.

spaCy's own ``n_process`` sends ``Doc`` objects back through ``Doc.to_bytes``, which cannot
carry claimgraph's typed records; these workers return the finished ``ArticleAnalysis``
instead, which is also far smaller to send back than a ``Doc``. Results come back in input
order, so a run is deterministic whatever the number of processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from spacy.language import Language

from claimgraph.analyse.pipeline import AnalysisFailed, analyse_each, build_pipeline
from claimgraph.batch.worker_lifetime import die_with_parent
from claimgraph.model import Article, ArticleAnalysis

Analysed = tuple[Article, ArticleAnalysis | AnalysisFailed]

# Articles per task sent to a worker: large enough that pickling and scheduling cost little
# next to parsing, small enough that both workers stay busy near the end of a batch.
CHUNK_SIZE = 16
# Below this many articles a single process wins: each worker first loads the model.
MIN_ARTICLES_FOR_WORKERS = 4 * CHUNK_SIZE

_worker_nlp: Language | None = None


def default_processes() -> int:
    """One worker per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)))


def _init_worker(model: str | None, parent: int) -> None:
    global _worker_nlp
    die_with_parent(parent)
    _worker_nlp = build_pipeline(model)


def _analyse_chunk(chunk: list[Article]) -> list[ArticleAnalysis | AnalysisFailed]:
    assert _worker_nlp is not None, "worker used before its pipeline was built"
    return [analysis for _, analysis in analyse_each(_worker_nlp, chunk)]


def _chunks(articles: Iterator[Article]) -> Iterator[list[Article]]:
    while chunk := list(islice(articles, CHUNK_SIZE)):
        yield chunk


def analyse_in_processes(
    articles: Iterable[Article],
    *,
    processes: int,
    model: str | None = None,
    nlp: Language | None = None,
) -> Iterator[Analysed]:
    """Analyse articles on ``processes`` workers, in order; small batches stay in-process.

    An article whose analysis raises comes back with an ``AnalysisFailed``.
    """
    stream = iter(articles)
    head = list(islice(stream, MIN_ARTICLES_FOR_WORKERS))
    if processes <= 1 or len(head) < MIN_ARTICLES_FOR_WORKERS:
        yield from analyse_each(nlp or build_pipeline(model), chain(head, stream))
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_init_worker, initargs=(model, os.getpid())) as pool:
        # imap keeps input order and pulls chunks lazily, so memory stays flat on a stream.
        chunks = _chunks(chain(head, stream))
        pending: list[list[Article]] = []

        def remembered() -> Iterator[list[Article]]:
            for chunk in chunks:
                pending.append(chunk)
                yield chunk

        for analyses in pool.imap(_analyse_chunk, remembered()):
            chunk = pending.pop(0)
            yield from zip(chunk, analyses, strict=True)
