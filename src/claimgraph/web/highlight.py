"""An article's text with its analysed spans marked, overlaps included.

Spans can cross each other (a quote that starts inside one source and ends after a
figure), which HTML cannot nest. The text is cut at every span boundary; at each cut
the open elements are closed down to what still continues and the new ones opened, in
one fixed order (outer spans first). A span cut in two keeps its ``id`` on the first
piece, and every piece carries ``data-a`` so the bundled script can highlight them all.
Every piece of text goes through ``escape``: the article is untrusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from claimgraph.model import ArticleAnalysis, Span

# Anchor prefixes: ``#q123-140`` is the quantity at characters 123-140.
PREFIX = {"quantity": "q", "source": "s", "cue": "c", "content": "t", "date": "d", "evidence": "e"}


@dataclass(frozen=True, order=True)
class Mark:
    start: int
    end: int
    kind: str

    @property
    def anchor(self) -> str:
        return anchor(self.kind, self.start, self.end)


def anchor(kind: str, start: int, end: int) -> str:
    return f"{PREFIX[kind]}{start}-{end}"


def span_anchor(kind: str, span: Span) -> str:
    return anchor(kind, span.start, span.end)


def analysis_marks(analysis: ArticleAnalysis) -> list[Mark]:
    marks = [Mark(q.span.start, q.span.end, "quantity") for q in analysis.quantities]
    marks += [Mark(d.span.start, d.span.end, "date") for d in analysis.dates]
    for a in analysis.attributions:
        marks += [Mark(s.start, s.end, "source") for s in a.source]
        marks += [Mark(s.start, s.end, "content") for s in a.content]
        if a.cue is not None:
            marks.append(Mark(a.cue.start, a.cue.end, "cue"))
    return marks


def valid_marks(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Drop empty and out-of-range spans and duplicates (a stale store must not break)."""
    kept = {m for m in marks if 0 <= m.start < m.end <= length}
    # Outer first: earlier start, then longer span, then a stable kind order.
    return sorted(kept, key=lambda m: (m.start, -m.end, m.kind))


def open_tag(mark: Mark, first: bool) -> str:
    ident = f' id="{mark.anchor}"' if first else ""
    return (
        f'<span class="m m-{mark.kind}"{ident} data-a="{mark.anchor}" '
        f'title="{mark.kind} {mark.start}–{mark.end}">'
    )


def covering(marks: Sequence[Mark], start: int, end: int) -> list[Mark]:
    return [m for m in marks if m.start <= start and m.end >= end]


def common_prefix(a: Sequence[Mark], b: Sequence[Mark]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` as escaped HTML with every mark wrapped in ``<span class="m ...">``."""
    ordered = valid_marks(marks, len(text))
    cuts = sorted({0, len(text), *(m.start for m in ordered), *(m.end for m in ordered)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    for start, end in pairwise(cuts):
        wanted = covering(ordered, start, end)
        keep = common_prefix(stack, wanted)
        out.append("</span>" * (len(stack) - keep))
        for mark in wanted[keep:]:
            out.append(open_tag(mark, mark not in opened))
            opened.add(mark)
        stack = wanted
        out.append(str(escape(text[start:end])))
    out.append("</span>" * len(stack))
    return Markup("".join(out))
