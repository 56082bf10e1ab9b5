"""A headline is its own sentence: an attribution never runs across the heading line.

A headline usually has no full stop ("Corvin police revise crowd figure, deny tear gas
claim"), so the parser can read the first body sentence as the rest of it: the
headline's "deny" then takes "tear gas claim\\nPolice in Corvin raised their estimate ..."
as what is denied, and the body's figures as the headline's. Each attribution keeps only
the side of the heading line its cue is on.
"""

from __future__ import annotations

from claimgraph.model import Attribution, Span


def _clip(span: Span, start: int, end: int) -> Span | None:
    """The part of ``span`` inside ``[start, end)``, whitespace trimmed; None if empty."""
    lo, hi = max(span.start, start), min(span.end, end)
    if lo >= hi:
        return None
    text = span.text[lo - span.start : hi - span.start]
    stripped = text.strip()
    if not stripped:
        return None
    lo += len(text) - len(text.lstrip())
    return Span(start=lo, end=lo + len(stripped), text=stripped)


def within_heading(attribution: Attribution, heading: Span | None) -> Attribution:
    """``attribution`` with its source and content cut back to its own side of the
    heading line (the side its cue, or failing a cue its first span, is on)."""
    if heading is None:
        return attribution
    spans = [*attribution.source, *attribution.content]
    anchor = attribution.cue or (spans[0] if spans else None)
    if anchor is None:
        return attribution
    start, end = (0, heading.end) if anchor.start < heading.end else (heading.end, 1 << 62)
    source = tuple(c for s in attribution.source if (c := _clip(s, start, end)))
    content = tuple(c for s in attribution.content if (c := _clip(s, start, end)))
    if source == attribution.source and content == attribution.content:
        return attribution
    return attribution.model_copy(update={"source": source, "content": content})
