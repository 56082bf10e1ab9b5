"""Incremental re-linking: only changed stories are linked again, with a full re-link's
results."""

from __future__ import annotations

from claimgraph.link import relink
from claimgraph.link.relinking import LINK_VERSION
from claimgraph.model import Metadata, StoryOverride, StoryReport
from claimgraph.store import open_store
from claimgraph.store.base import Store
from conftest import flood_item


def full_relink_reports(store: Store) -> list[StoryReport]:
    """What a full re-link of ``store`` gives (it replaces the stored stories)."""
    relink(store, full=True)
    return store.story_reports()


def test_link_relinking_incremental_gives_the_full_results(
    store_location: str,
    flood_corpus,  # type: ignore[no-untyped-def]
) -> None:
    store = open_store(store_location)
    early, late = flood_corpus[::3], [item for i, item in enumerate(flood_corpus) if i % 3]
    for article, analysis in early:
        store.add_article(article, analysis)
    relink(store)
    for article, analysis in late:
        store.add_article(article, analysis)
    store.add_appearance(early[0][0].id, Metadata(outlet="Wire", published="2026-03-10"))
    assert relink(store).stories == 3
    incremental = store.story_reports()
    assert incremental == full_relink_reports(store)
    # A merge made by the user is linked incrementally too.
    first, second = incremental[0].story, incremental[1].story
    store.add_story_override(
        StoryOverride(action="merge", article_ids=(first.article_ids[0], second.article_ids[0]))
    )
    assert relink(store).stories == 2
    merged = store.story_reports()
    assert merged == full_relink_reports(store)
    store.close()


def test_link_relinking_links_only_the_stories_that_changed(tmp_path, flood_corpus) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "cg.db")
    for article, analysis in flood_corpus:
        store.add_article(article, analysis)
    first = relink(store)
    assert (first.stories, len(first.rebuilt), first.replaced) == (3, 3, ())
    assert relink(store).rebuilt == ()  # nothing changed: nothing linked
    article, analysis = flood_item("Brisk", "Tomas Vey", 207, 14, "Herald")
    store.add_article(article, analysis)
    again = relink(store, keep_replaced=True)
    brisk = next(r for r in store.story_reports() if article.id in r.story.article_ids)
    assert again.rebuilt == again.replaced == (brisk.story.id,)
    assert [r.story.id for r in again.replaced_reports] == [brisk.story.id]
    assert article.id not in again.replaced_reports[0].story.article_ids
    store.close()


def test_link_relinking_another_linker_version_links_everything(tmp_path, flood_corpus) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "cg.db")
    for article, analysis in flood_corpus:
        store.add_article(article, analysis)
    relink(store)
    store.conn.execute("UPDATE store_meta SET value = ? WHERE key = 'link_version'", (0,))
    assert len(relink(store).rebuilt) == 3
    assert store.link_version() == LINK_VERSION
    store.close()
