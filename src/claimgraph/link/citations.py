"""Who cites whom: outlet -> conduit -> ... -> source -> whom it cites, and the denials."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from itertools import pairwise

from claimgraph.link.refusals import turns_down
from claimgraph.model import (
    UNKNOWN_OUTLET,
    Article,
    ArticleAnalysis,
    Attribution,
    CitationEdge,
    Denial,
    Metadata,
    Span,
    Stance,
)


def source_name(attribution: Attribution) -> str | None:
    if attribution.source_entity:
        return attribution.source_entity
    if attribution.source:
        return " ".join(span.text for span in attribution.source)
    return None


def citation_edges(
    article: Article, analysis: ArticleAnalysis, appearances: Sequence[Metadata]
) -> list[CitationEdge]:
    """Edges from each outlet that published the article, along each conduit chain."""
    outlets = sorted({m.outlet for m in appearances if m.outlet}) or [UNKNOWN_OUTLET]
    edges = []
    for attribution in analysis.attributions:
        # relays stand between the outlet and the source ("told NBC News"); whom the
        # source itself cites stands behind it ("the Herald, which cited two officials")
        relays = [c.name for c in attribution.conduits if c.relation != "citing"]
        behind = [c.name for c in attribution.conduits if c.relation == "citing"]
        source = source_name(attribution)
        chain = [*relays, *([source] if source and source not in relays else []), *behind]
        if not chain:
            continue
        span = attribution.cue or (attribution.source[0] if attribution.source else None)
        for outlet in outlets:
            path = [outlet, *chain]
            for citer, cited in pairwise(path):
                if citer != cited:
                    edges.append(
                        CitationEdge(citer=citer, cited=cited, article_id=article.id, span=span)
                    )
    return edges


# What follows the denied thing and only says how it was denied: "dismissed these claims
# as 'fake news'", "denied the reports, calling them lies".
MANNER = re.compile(r"\s+as\s+|,?\s+(?:calling|saying|describing)\b", re.I)


def denied_words(content: Sequence[Span]) -> str | None:
    """What is denied, without how ("these claims", not "these claims as 'fake news'")."""
    text = " ".join(" ".join(s.text for s in content).split())
    return MANNER.split(text, maxsplit=1)[0].strip(" ,.“”\"'") or None


def denials(story_id: str, article: Article, analysis: ArticleAnalysis) -> list[Denial]:
    """Attributions whose source denies their content (a non-denial is not one)."""
    found = []
    for attribution in analysis.attributions:
        # The stance says it: a denial's content is negated by its source, and a
        # non-denial ("did not explicitly deny") has another stance.
        if attribution.factuality.stance is not Stance.DENIES:
            continue
        target = denied_words(attribution.content)
        if turns_down(target):
            continue  # "a judge denied bond": a ruling, no one's denial of a claim
        digest = hashlib.sha256(f"{story_id}\x1f{article.id}\x1f{attribution.id}".encode())
        found.append(
            Denial(
                id="n" + digest.hexdigest()[:12],
                story_id=story_id,
                article_id=article.id,
                attribution_id=attribution.id,
                source=source_name(attribution),
                content=attribution.content,
                target=target,
            )
        )
    return found
