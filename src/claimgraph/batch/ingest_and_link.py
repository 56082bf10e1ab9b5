"""Ingest, then re-link, then count the stories: the one call every edge makes.

The CLI (``claimgraph ingest``), the Python API (``Claimgraph.ingest``), the demo and the
web ingest all do the same three steps; they call ``ingest_and_link`` and only parse
their arguments and show the summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO, TextIO

from spacy.language import Language

from claimgraph.batch.local import (
    Engine,
    IngestSummary,
    IssueCallback,
    ProgressCallback,
    ingest_paths,
    story_mapper,
)
from claimgraph.link.relinking import relink
from claimgraph.store.base import Store

__all__ = ["ingest_and_link"]


def ingest_and_link(
    paths: Sequence[str],
    store: Store,
    *,
    outlet: str | None = None,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    nlp: Language | None = None,
    engine: Engine | None = None,
    on_progress: ProgressCallback | None = None,
    on_error: IssueCallback | None = None,
    on_warning: IssueCallback | None = None,
) -> IngestSummary:
    """Read ``paths`` (files, directories, ``-``), analyse and store every new article,
    then re-link the store on the same engine; ``summary.stories`` is the story count
    after the re-link."""
    chosen = engine or Engine()
    summary = ingest_paths(
        paths,
        store,
        outlet=outlet,
        published=published,
        stdin=stdin,
        nlp=nlp,
        engine=chosen,
        on_progress=on_progress,
        on_error=on_error,
        on_warning=on_warning,
    )
    summary.stories = relink(store, map_stories=story_mapper(chosen.name)).stories
    return summary
