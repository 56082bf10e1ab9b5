"""Users' merges, splits and pins, applied in order and kept across re-links."""

from __future__ import annotations

from pathlib import Path

from claimgraph.link import relink
from claimgraph.link.overrides import apply_overrides
from claimgraph.model import Article, ArticleAnalysis, Metadata, StoryOverride
from claimgraph.store import open_store
from claimgraph.story_admin import merge_stories, pin_article, split_story


def test_link_overrides_merge_split_pin_in_order() -> None:
    groups = [["a", "b"], ["c"], ["d"]]
    merged = apply_overrides(groups, [StoryOverride(action="merge", article_ids=("c", "a"))])
    assert sorted(map(sorted, merged)) == [["a", "b", "c"], ["d"]]
    split = apply_overrides(merged, [StoryOverride(action="split", article_ids=("b",))])
    assert sorted(map(sorted, split)) == [["a", "c"], ["b"], ["d"]]
    pinned = apply_overrides(split, [StoryOverride(action="pin", article_ids=("d", "b"))])
    assert sorted(map(sorted, pinned)) == [["a", "c"], ["b", "d"]]


def test_link_overrides_naming_absent_articles_are_skipped() -> None:
    groups = [["a"], ["b"]]
    assert apply_overrides(groups, [StoryOverride(action="merge", article_ids=("a", "zz"))]) == [
        ["a"],
        ["b"],
    ]


def test_link_overrides_survive_a_relink(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    texts = {
        "a1": "Volcano erupts on Isla Verde\nLava reached the village of Santa Rosa.",
        "b1": "Chess final in Oslo\nThe champion won the final game in Oslo.",
    }
    for aid, text in texts.items():
        store.add_article(
            Article(id=aid, text=text, metadata=Metadata()), ArticleAnalysis(article_id=aid)
        )
    assert relink(store).stories == 2
    reports = store.story_reports()
    merged = merge_stories(store, reports[0].story.id, reports[1].story.id)
    assert len(merged) == 1 and merged[0].story.pinned
    assert relink(store).stories == 1  # the merge is kept
    split = split_story(store, merged[0].story.id, ["b1"])
    assert len(split) == 2
    target = next(r for r in split if "a1" in r.story.article_ids)
    pinned = pin_article(store, "b", target.story.id)  # a unique prefix is enough
    assert len(pinned) == 1
