"""The same library functions on a Ray cluster (Ray Data), for batches one machine is
too small for.

Per-article analysis runs as a Ray Data ``map_batches`` over a pool of actors, each of
which builds the claimgraph pipeline once; results come back in input order and the
driver writes them to the store (a ``postgresql://`` store when workers live on several
machines). Cross-article linking is cut per story after the blocked story grouping, and
the per-story jobs run as Ray tasks.

On one machine ``ray.init`` starts a local cluster; on a real one, start a head with
``ray start --head`` and pass its address (``--ray-address HOST:6379``, or ``auto`` on a
node of the cluster). Ray is an optional dependency: ``pip install 'claimgraph[ray]'``.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from claimgraph.analyse.pipeline import AnalysisFailed
from claimgraph.errors import ClaimgraphError
from claimgraph.model import Article, ArticleAnalysis, StoryReport

# Articles per Ray Data dataset: large enough to keep every worker busy, small enough that
# a stream of millions of articles never sits in the driver's memory at once.
WINDOW = 2_000
# Articles per batch handed to one actor (one ``nlp.pipe`` call).
BATCH_SIZE = 16
# How an actor marks an article whose analysis raised (its reason is the value).
FAILED_KEY = "claimgraph_analysis_failed"


class RayNotInstalled(ClaimgraphError):
    """``--engine ray`` was asked for but Ray is not installed."""

    exit_code = 4


def require_ray() -> None:
    if importlib.util.find_spec("ray") is None:
        raise RayNotInstalled(
            "the ray engine needs Ray: pip install 'claimgraph[ray]' (or use --engine local)"
        )


def start_ray(address: str | None, workers: int | None) -> None:
    """Connect to ``address``, or start a local cluster with ``workers`` CPUs."""
    require_ray()
    import ray

    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)


class AnalyseBatch:
    """A Ray Data actor: builds the pipeline once, then analyses batches of articles."""

    def __init__(self, model: str | None) -> None:
        from claimgraph.analyse import build_pipeline

        self.nlp = build_pipeline(model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from claimgraph.analyse.pipeline import AnalysisFailed, analyse_each

        articles = [Article.model_validate_json(text) for text in batch["article"]]
        analyses = [
            json.dumps({FAILED_KEY: a.reason})
            if isinstance(a, AnalysisFailed)
            else a.model_dump_json()
            for _, a in analyse_each(self.nlp, articles)
        ]
        return {"article": list(batch["article"]), "analysis": analyses}


def _windows(articles: Iterable[Article]) -> Iterator[list[Article]]:
    stream = iter(articles)
    while window := list(islice(stream, WINDOW)):
        yield window


def _analysis(text: str) -> ArticleAnalysis | AnalysisFailed:
    loaded = json.loads(text)
    if FAILED_KEY in loaded:
        return AnalysisFailed(str(loaded[FAILED_KEY]))
    return ArticleAnalysis.model_validate(loaded)


def analyse_with_ray(
    articles: Iterable[Article], *, workers: int, model: str | None = None
) -> Iterator[tuple[Article, ArticleAnalysis | AnalysisFailed]]:
    """Analyse articles on Ray Data actors (``workers`` of them), in input order."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    for window in _windows(articles):
        dataset = ray.data.from_items([{"article": a.model_dump_json()} for a in window])
        analysed = dataset.map_batches(
            AnalyseBatch,
            fn_constructor_args=(model,),
            batch_size=BATCH_SIZE,
            concurrency=workers,
            batch_format="numpy",
        )
        for row in analysed.iter_rows():
            yield Article.model_validate_json(row["article"]), _analysis(row["analysis"])


def map_stories_with_ray(
    func: Callable[[Any], StoryReport], jobs: Sequence[Any]
) -> list[StoryReport]:
    """Run per-story linking jobs as Ray tasks; reports come back in job order."""
    import ray

    remote = ray.remote(func)
    return list(ray.get([remote.remote(job) for job in jobs]))
