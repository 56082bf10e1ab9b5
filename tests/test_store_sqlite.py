"""The SQLite store: migrations, idempotent writes, appearances, transactions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimgraph.errors import NotFound, SchemaTooNew, StoreError
from claimgraph.model import Article, ArticleAnalysis, Metadata, Story, StoryReport
from claimgraph.store import AddOutcome, open_store
from claimgraph.store.migrations import LATEST_VERSION


def make_article(text: str = "Title\nBody text.", outlet: str = "Ledger") -> Article:
    return Article(id=f"id-{hash(text) & 0xFFFF}", text=text, metadata=Metadata(outlet=outlet))


def test_store_sqlite_migrates_a_new_file_to_the_latest_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    assert store.schema_version() == LATEST_VERSION
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_store_sqlite_adding_the_same_article_twice_is_a_no_op(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    article = make_article()
    analysis = ArticleAnalysis(article_id=article.id)
    assert store.add_article(article, analysis) is AddOutcome.NEW
    assert store.add_article(article, analysis) is AddOutcome.DUPLICATE
    assert store.article_count() == 1
    assert len(store.appearances(article.id)) == 1


def test_store_sqlite_same_text_from_another_outlet_is_a_second_appearance(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    article = make_article()
    store.add_article(article, ArticleAnalysis(article_id=article.id))
    outcome = store.add_appearance(article.id, Metadata(outlet="Wire"))
    assert outcome is AddOutcome.NEW_APPEARANCE
    assert [m.outlet for m in store.appearances(article.id)] == ["Ledger", "Wire"]
    assert store.article_count() == 1


def test_store_sqlite_round_trips_articles_and_story_reports(tmp_path: Path) -> None:
    path = tmp_path / "cg.db"
    store = open_store(path)
    article = make_article()
    store.add_article(article, ArticleAnalysis(article_id=article.id))
    report = StoryReport(story=Story(id="s1", title="T", article_ids=(article.id,)), articles=())
    store.replace_story_reports([report])
    store.close()
    reopened = open_store(path)
    assert reopened.article(article.id) == article
    assert reopened.story_reports() == [report]
    with pytest.raises(NotFound):
        reopened.article("missing")


def test_store_sqlite_refuses_a_database_from_a_newer_claimgraph(tmp_path: Path) -> None:
    path = tmp_path / "cg.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="upgrade claimgraph"):
        open_store(path)


def test_store_sqlite_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"not\.db"):
        open_store(path)


def test_store_sqlite_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    article = make_article()
    store.conn.execute("DROP TABLE analyses")  # make the second statement of the write fail
    with pytest.raises(sqlite3.OperationalError):
        store.add_article(article, ArticleAnalysis(article_id=article.id))
    assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
