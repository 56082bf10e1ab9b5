"""``story_split``: a story whose articles fall into two groups with few ties between
them is split; a story of one event, or one too small to tell, is kept whole."""

from __future__ import annotations

from claimgraph.link.story_split import SPLIT_MIN_GROUP, split_story


def _two_events(
    within: float, across: float, size: int = 5
) -> tuple[list[str], dict[frozenset[str], float]]:
    first = [f"a{i}" for i in range(size)]
    second = [f"b{i}" for i in range(size)]
    ids = [x for pair in zip(first, second, strict=True) for x in pair]  # interleaved
    scores = {}
    for i, x in enumerate(ids):
        for y in ids[i + 1 :]:
            scores[frozenset((x, y))] = within if x[0] == y[0] else across
    return ids, scores


def test_link_story_split_separates_two_events() -> None:
    ids, scores = _two_events(within=0.4, across=0.1)
    parts = split_story(ids, lambda a, b: scores[frozenset((a, b))])
    assert sorted(sorted(p) for p in parts) == [
        [f"a{i}" for i in range(5)],
        [f"b{i}" for i in range(5)],
    ]
    assert parts[0][0] == ids[0]  # the story's first article keeps its place (and id)


def test_link_story_split_keeps_one_event_whole() -> None:
    ids, scores = _two_events(within=0.4, across=0.3)
    assert split_story(ids, lambda a, b: scores[frozenset((a, b))]) == [ids]


def test_link_story_split_leaves_small_groups() -> None:
    ids, scores = _two_events(within=0.4, across=0.0, size=SPLIT_MIN_GROUP - 1)
    assert split_story(ids, lambda a, b: scores[frozenset((a, b))]) == [ids]


def test_link_story_split_keeps_a_story_with_an_unconnected_article() -> None:
    ids = ["a", "b", "c", "d", "e", "f", "g"]
    assert split_story(ids, lambda a, b: 0.0 if "d" in (a, b) else 0.5) == [ids]
