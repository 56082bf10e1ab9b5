"""Near-copies of one text in a story: a wire story on several sites, one text read from
HTML, a feed and plain text. Exact copies already share an article id (``ingest.identity``);
these differ by a byline, a dateline, a "Read more" line or an edit here and there.

A near-copy is one text: its outlets become further appearances of the original (the
story's earliest-stored article of the pair), so its figures are not counted twice and
its outlet is not a second independent source. Texts are compared by the Jaccard
similarity of their word 5-shingles, exactly: a story holds tens of articles, so every
pair is cheap to compare and an estimate (MinHash) would gain nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from claimgraph.ingest.identity import normalise_for_identity
from claimgraph.model import Article, ArticleAnalysis, Metadata

SHINGLE_WORDS = 5
# Measured on all 1,342 pairs of articles about one incident in gva-dev: 1,320 pairs
# share under half their shingles; 4 pairs at 0.5-0.6 are one site's article and its
# update (kept apart: the update is a revision); 9 pairs at 0.8 or more are one wire
# story on two sites, differing in at most stray numbers ("0", "3"). Between 0.66 and
# 0.78 (3 pairs) the copies were edited and give figures of their own: kept apart.
SAME_TEXT = 0.8
WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = WORD.findall(normalise_for_identity(text).lower())
    n = SHINGLE_WORDS
    return frozenset(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def copy_of(items: Sequence[tuple[Article, ArticleAnalysis]]) -> dict[str, str]:
    """Each near-copy's article id -> the id of the earlier article it copies."""
    found: dict[str, str] = {}
    seen: list[tuple[str, frozenset[tuple[str, ...]]]] = []
    for article, _ in items:
        own = shingles(article.text)
        original = next((aid for aid, other in seen if jaccard(own, other) >= SAME_TEXT), None)
        if original is not None:
            found[article.id] = found.get(original, original)
        else:
            seen.append((article.id, own))
    return found


def fold_copies(
    items: Sequence[tuple[Article, ArticleAnalysis]],
    appearances: Mapping[str, tuple[Metadata, ...]],
) -> tuple[list[tuple[Article, ArticleAnalysis]], dict[str, tuple[Metadata, ...]], dict[str, str]]:
    """The items without near-copies, the originals' appearances with the copies' added,
    and which article each copy folded into."""
    copies = copy_of(items)
    merged = dict(appearances)
    metadata = {a.id: a.metadata for a, _ in items}
    for copy, original in copies.items():
        own = merged.get(original) or (metadata[original],)
        merged[original] = own + (merged.pop(copy, ()) or (metadata[copy],))
    kept = [(a, an) for a, an in items if a.id not in copies]
    return kept, merged, copies
