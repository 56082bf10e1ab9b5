"""Apply the user's story merges, splits and pins to a computed grouping, in order."""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.model import StoryOverride


def _index_of(groups: list[list[str]], article_id: str) -> int | None:
    for i, group in enumerate(groups):
        if article_id in group:
            return i
    return None


def apply_overrides(
    groups: Sequence[Sequence[str]], overrides: Sequence[StoryOverride]
) -> list[list[str]]:
    """The grouping after every override; overrides naming absent articles are skipped."""
    result = [list(g) for g in groups]
    for override in overrides:
        ids = override.article_ids
        if override.action == "split":
            moved = [i for i in ids if _index_of(result, i) is not None]
            result = [[a for a in g if a not in moved] for g in result]
            result = [g for g in result if g]
            if moved:
                result.append(moved)
            continue
        if len(ids) != 2:
            continue
        first, second = _index_of(result, ids[0]), _index_of(result, ids[1])
        if first is None or second is None or first == second:
            continue
        if override.action == "merge":
            result[second].extend(result[first])
            del result[first]
        elif override.action == "pin":
            result[first].remove(ids[0])
            result[second].append(ids[0])
            result = [g for g in result if g]
    return result
