"""schema.org ClaimReview JSON-LD: one review per figure group and per denial.

The rating states whether the outlets and sources *disagree* (its discrepancy status),
never whether a claim is true: claimgraph does not fact-check, and every
``ratingExplanation`` says so, so that a consumer cannot read it as a verdict.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimgraph.model import Denial, DiscrepancyKind, FigureGroup, Metadata, StoryReport
from claimgraph.present.figures import quantity_words, source_words
from claimgraph.present.sections import group_heading

JsonLd = dict[str, Any]
DISCLAIMER = (
    "This rating states whether the outlets and sources covering this story disagree "
    "about the claim, as detected by claimgraph; it is not a verdict on whether the "
    "claim is true."
)
STATUS_WORDS: dict[DiscrepancyKind, str] = {
    DiscrepancyKind.CONFLICT: "conflicting figures",
    DiscrepancyKind.CONTESTED: "contested",
    DiscrepancyKind.REVISION: "revised",
    DiscrepancyKind.SCOPE: "different scopes",
}
UNCONTESTED = "uncontested"
# Worst first: the rating shows the strongest disagreement found.
SEVERITY = (
    DiscrepancyKind.CONTESTED,
    DiscrepancyKind.CONFLICT,
    DiscrepancyKind.REVISION,
    DiscrepancyKind.SCOPE,
)
RATING_VALUES = {"contested": 1, "conflicting figures": 2, "revised": 3, "different scopes": 4}
BEST_RATING = 5  # uncontested


def status_of(kinds: set[DiscrepancyKind]) -> str:
    for kind in SEVERITY:
        if kind in kinds:
            return STATUS_WORDS[kind]
    return UNCONTESTED


def rating(status: str, reasons: Sequence[str]) -> JsonLd:
    explanation = DISCLAIMER
    if reasons:
        explanation = "; ".join(reasons) + ". " + DISCLAIMER
    return {
        "@type": "Rating",
        "alternateName": status,
        "ratingValue": RATING_VALUES.get(status, BEST_RATING),
        "worstRating": 1,
        "bestRating": BEST_RATING,
        "ratingExplanation": explanation,
    }


def appearance(metadata: Metadata, headline: str | None) -> JsonLd:
    work: JsonLd = {"@type": "NewsArticle"}
    if headline:
        work["headline"] = headline
    if metadata.url:
        work["url"] = metadata.url
    if metadata.outlet:
        work["publisher"] = {"@type": "Organization", "name": metadata.outlet}
    if metadata.published:
        work["datePublished"] = metadata.published
    return work


def appearances(report: StoryReport, article_ids: set[str]) -> list[JsonLd]:
    """Every publication of the articles behind a claim, earliest first (undated last)."""
    found = [
        (m.published or "9999", appearance(m, a.title))
        for a in report.articles
        if a.article_id in article_ids
        for m in a.appearances
    ]
    return [work for _, work in sorted(found, key=lambda item: item[0])]


def claim(report: StoryReport, article_ids: set[str], author: str | None) -> JsonLd:
    works = appearances(report, article_ids)
    item: JsonLd = {"@type": "Claim", "appearance": works}
    if works:
        item["firstAppearance"] = works[0]
        if "datePublished" in works[0]:
            item["datePublished"] = works[0]["datePublished"]
    if author:
        item["author"] = {"@type": "Thing", "name": author}
    return item


def review(text: str, item: JsonLd, status: str, reasons: Sequence[str], story_id: str) -> JsonLd:
    return {
        "@type": "ClaimReview",
        "url": f"urn:claimgraph:story:{story_id}",
        "claimReviewed": text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": "claimgraph (automated comparison)"},
        "reviewRating": rating(status, reasons),
    }


def group_review(report: StoryReport, group: FigureGroup) -> JsonLd:
    values = "; ".join(f"{quantity_words(m.quantity)} ({source_words(m)})" for m in group.members)
    text = f"{group_heading(group)}: {values}"
    found = [d for d in report.discrepancies if d.group_id == group.id]
    sources = {m.source for m in group.members if m.source}
    author = next(iter(sources)) if len(sources) == 1 else None
    item = claim(report, {m.article_id for m in group.members}, author)
    status = status_of({d.kind for d in found})
    return review(text, item, status, [d.reason for d in found], report.story.id)


def denial_review(report: StoryReport, denial: Denial) -> JsonLd:
    text = denial.target or " … ".join(span.text for span in denial.content)
    item = claim(report, {denial.article_id}, None)
    reason = f"denied by {denial.source or 'an unnamed source'}"
    return review(text, item, STATUS_WORDS[DiscrepancyKind.CONTESTED], [reason], report.story.id)


def claim_reviews(reports: Sequence[StoryReport]) -> list[JsonLd]:
    reviews = []
    for report in reports:
        reviews += [group_review(report, group) for group in report.figure_groups]
        reviews += [denial_review(report, denial) for denial in report.denials]
    return reviews


def export_claimreview(reports: Sequence[StoryReport]) -> str:
    """A JSON-LD document: ``{"@context": "https://schema.org", "@graph": [ClaimReview...]}``."""
    document = {"@context": "https://schema.org", "@graph": claim_reviews(reports)}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
