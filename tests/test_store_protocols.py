"""The ``Store`` protocol is two halves: article storage and link state."""

from __future__ import annotations

import inspect

import pytest

from claimgraph.store.base import ArticleStore, LinkState, Store
from claimgraph.store.sqlite import SQLiteStore


def protocol_methods(protocol: type) -> set[str]:
    return {
        name
        for name, member in vars(protocol).items()
        if inspect.isfunction(member) and not name.startswith("_")
    }


def test_store_protocols_halves_do_not_overlap() -> None:
    assert protocol_methods(ArticleStore).isdisjoint(protocol_methods(LinkState))
    assert protocol_methods(Store) == set()  # Store adds nothing to its two halves


def test_store_protocols_ingest_needs_only_article_storage() -> None:
    from claimgraph.batch import local

    hints = inspect.signature(local.ingest_articles).parameters["store"].annotation
    assert hints in ("ArticleStore", ArticleStore)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_store_protocols_every_backend_implements_both(backend: str) -> None:
    if backend == "postgres":
        store_class: type = pytest.importorskip("claimgraph.store.postgres").PostgresStore
    else:
        store_class = SQLiteStore
    for name in protocol_methods(ArticleStore) | protocol_methods(LinkState):
        assert callable(getattr(store_class, name, None)), (backend, name)
