"""Attach a date to a quantity or an attribution: pure, over offsets only.

The date a span refers to is the nearest time expression in its own sentence. For an
attribution the span is the cue ("said Wednesday"), and dates inside the reported
content are excluded: "said troops arrived in June" dates the arrival, not the saying.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from claimgraph.model import DateRef, Span

Bounds = tuple[int, int]


def sentence_of(offset: int, sentences: Sequence[Bounds]) -> Bounds | None:
    """The sentence (start, end) holding ``offset``; ``sentences`` sorted by start."""
    index = bisect_right([s for s, _ in sentences], offset) - 1
    if index < 0:
        return None
    start, end = sentences[index]
    return (start, end) if offset < end else None


def _gap(a: Bounds, b: Bounds) -> int:
    """Characters between two ranges (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _inside_any(ref: DateRef, spans: Sequence[Span]) -> bool:
    """Strictly inside: a content that is nothing but the date ("commented on October
    15", mis-split) does not hide it."""
    return any(
        s.start <= ref.span.start and ref.span.end <= s.end and s.text.strip() != ref.span.text
        for s in spans
    )


def date_for_span(
    span: Bounds,
    dates: Sequence[DateRef],
    sentences: Sequence[Bounds],
    exclude: Sequence[Span] = (),
) -> DateRef | None:
    """The date in ``span``'s sentence nearest to it, skipping dates inside ``exclude``.

    Resolved dates win over unresolved ones at any distance: an unresolved date gives a
    reader nothing to order events by.
    """
    sentence = sentence_of(span[0], sentences)
    if sentence is None:
        return None
    candidates = [
        d
        for d in dates
        if sentence[0] <= d.span.start and d.span.end <= sentence[1] and not _inside_any(d, exclude)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (not d.resolved, _gap(span, (d.span.start, d.span.end))))
