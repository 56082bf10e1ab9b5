"""The store contract, run on both backends: SQLite and PostgreSQL behave the same.

The PostgreSQL half needs a server (CLAIMGRAPH_TEST_POSTGRES_URL, see tests/conftest.py)
and is skipped, with how to run it, when there is none.
"""

from __future__ import annotations

import pytest

from claimgraph.errors import NotFound, SchemaTooNew, StoreError
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Metadata,
    Story,
    StoryOverride,
    StoryReport,
)
from claimgraph.store import AddOutcome, open_store
from claimgraph.store.migrations import LATEST_VERSION
from claimgraph.store.postgres import PostgresStore, redact


def make_article(n: int = 1, outlet: str = "Ledger") -> Article:
    return Article(
        id=f"art{n:04d}", text=f"Title {n}\nBody text {n}.", metadata=Metadata(outlet=outlet)
    )


def test_store_postgres_contract_migrates_to_the_latest_version(store_location: str) -> None:
    store = open_store(store_location)
    assert store.schema_version() == LATEST_VERSION
    store.close()
    reopened = open_store(store_location)  # a second open applies nothing
    assert reopened.schema_version() == LATEST_VERSION
    reopened.close()


def test_store_postgres_contract_same_article_twice_is_a_no_op(store_location: str) -> None:
    store = open_store(store_location)
    article = make_article()
    analysis = ArticleAnalysis(article_id=article.id)
    assert not store.has_analysis(article.id)
    assert store.add_article(article, analysis) is AddOutcome.NEW
    assert store.add_article(article, analysis) is AddOutcome.DUPLICATE
    assert store.has_analysis(article.id)
    assert store.article_count() == 1
    assert len(store.appearances(article.id)) == 1


def test_store_postgres_contract_another_outlet_is_a_second_appearance(
    store_location: str,
) -> None:
    store = open_store(store_location)
    article = make_article()
    store.add_article(article, ArticleAnalysis(article_id=article.id))
    assert store.add_appearance(article.id, Metadata(outlet="Wire")) is AddOutcome.NEW_APPEARANCE
    assert store.add_appearance(article.id, Metadata(outlet="Wire")) is AddOutcome.DUPLICATE
    copy = article.model_copy(update={"metadata": Metadata(outlet="Post")})
    assert store.add_article(copy, ArticleAnalysis(article_id=article.id)) is (
        AddOutcome.NEW_APPEARANCE
    )
    assert [m.outlet for m in store.appearances(article.id)] == ["Ledger", "Wire", "Post"]
    assert store.article_count() == 1


def test_store_postgres_contract_round_trips_in_ingest_order(store_location: str) -> None:
    store = open_store(store_location)
    articles = [make_article(n) for n in (3, 1, 2)]
    for article in articles:
        store.add_article(article, ArticleAnalysis(article_id=article.id))
    reports = [
        StoryReport(story=Story(id=f"s{i}", title="T", article_ids=(a.id,)), articles=())
        for i, a in enumerate(articles)
    ]
    store.replace_story_reports(reports)
    store.replace_story_reports(reports[:2])  # replaces, never appends
    store.add_story_override(StoryOverride(action="merge", article_ids=("art0001", "art0002")))
    store.close()
    reopened = open_store(store_location)
    assert [a for a, _ in reopened.iter_articles()] == articles
    assert reopened.article(articles[0].id) == articles[0]
    assert reopened.analysis(articles[0].id) == ArticleAnalysis(article_id=articles[0].id)
    assert reopened.story_reports() == reports[:2]
    assert reopened.story_overrides() == [
        StoryOverride(action="merge", article_ids=("art0001", "art0002"))
    ]
    with pytest.raises(NotFound):
        reopened.article("missing")
    with pytest.raises(NotFound):
        reopened.analysis("missing")
    assert reopened.appearances("missing") == ()


def test_store_postgres_refuses_a_database_from_a_newer_claimgraph(postgres_url: str) -> None:
    store = open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    store.conn.execute("UPDATE schema_version SET version = %s", (LATEST_VERSION + 1,))
    store.close()
    with pytest.raises(SchemaTooNew, match="upgrade claimgraph"):
        open_store(postgres_url)


def test_store_postgres_unreachable_server_is_a_store_error_without_the_password() -> None:
    # Port 1 on loopback: nothing listens there, so the refusal is immediate.
    with pytest.raises(StoreError, match="check that the server runs") as caught:
        open_store("postgresql://someone:secret@127.0.0.1:1/nowhere")
    assert "secret" not in str(caught.value)
    assert redact("postgresql://u:pw@h/db") == "postgresql://u:***@h/db"


def test_store_postgres_unknown_scheme_is_refused() -> None:
    with pytest.raises(StoreError, match="postgresql://"):
        open_store("mysql://root@localhost/db")


def test_store_postgres_contract_corrected_metadata_replaces_its_appearance(
    store_location: str,
) -> None:
    store = open_store(store_location)
    article = make_article()
    store.add_article(article, ArticleAnalysis(article_id=article.id))
    store.add_appearance(article.id, Metadata(outlet="Wire"))
    _, queued_before = store.changed_articles()
    fixed = article.model_copy(
        update={"metadata": Metadata(outlet="Ledger", published="2026-03-12")}
    )
    dated = ArticleAnalysis(article_id=article.id, factuality=None)
    store.correct_metadata(fixed, article.metadata, dated)
    assert store.article(article.id).metadata.published == "2026-03-12"
    assert [(m.outlet, m.published) for m in store.appearances(article.id)] == [
        ("Wire", None),
        ("Ledger", "2026-03-12"),
    ]
    assert article.id in store.changed_articles()[1] and queued_before
    store.close()
