"""schema.org ClaimReview JSON-LD drafts that a fact-checker reviews, rates and publishes.

One review per claimant's figure in a figure group worth a fact-checker's time (given by
two or more sources, or with a discrepancy found), and one per contested claim. Each
review links to the story page (``base_url``), names the claimant as
``itemReviewed.author`` and lists every appearance. claimgraph does not fact-check: a
draft carries **no** ``reviewRating``; one is added only where a person gave it
(``ratings``, keyed by the review's URL) and named the reviewing organisation. What the
comparison found (the disagreement) is in ``reviewBody``, never in a rating.

Fields follow Google's fact-check markup documentation: ``url``, ``claimReviewed`` and,
once rated, ``reviewRating.alternateName`` are required; ``author``, ``datePublished``
and ``itemReviewed`` (a ``Claim`` with ``author``, ``datePublished``, ``appearance``,
``firstAppearance``) are recommended.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from claimgraph.errors import BadExportOption
from claimgraph.model import ClaimGroup, FigureGroup, FigureMember, Metadata, StoryReport
from claimgraph.present.figures import quantity_words
from claimgraph.present.sections import figure_anchor, group_heading

JsonLd = dict[str, Any]
DRAFT_NOTE = (
    "Draft from claimgraph's comparison of the coverage: it rates nothing; a fact-checker "
    "reviews the claim and sets the rating."
)
AUTOMATED_AUTHOR = "claimgraph (automated comparison, not reviewed)"
# A claim of fewer words is a fragment ("any weapon transfers"), not a claim to review.
MIN_CLAIM_WORDS = 5


def story_url(base_url: str, story_id: str, anchor: str) -> str:
    return f"{base_url.rstrip('/')}/stories/{quote(story_id, safe='')}#{quote(anchor, safe='')}"


def appearance(metadata: Metadata, headline: str | None) -> JsonLd:
    work: JsonLd = {"@type": "CreativeWork"}
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


def claim(report: StoryReport, article_ids: set[str], claimant: str | None) -> JsonLd:
    works = appearances(report, article_ids)
    item: JsonLd = {"@type": "Claim", "appearance": works}
    if works:
        item["firstAppearance"] = works[0]
        if "datePublished" in works[0]:
            item["datePublished"] = works[0]["datePublished"][:10]
    if claimant:
        item["author"] = {"@type": "Thing", "name": claimant}
    return item


def words_of(report: StoryReport, member: FigureMember) -> str | None:
    """The claim in the article's words: the content of the attribution holding the figure."""
    wanted = (member.article_id, member.quantity.attribution_id)
    for article_id, attribution in report.attributions:
        if (article_id, attribution.id) == wanted and attribution.content:
            text = " … ".join(" ".join(span.text.split()) for span in attribution.content)
            return text if len(text.split()) >= MIN_CLAIM_WORDS else None
    return None


def worth_reviewing(report: StoryReport, group: FigureGroup) -> bool:
    sources = {m.source or m.outlet for m in group.members}
    disputed = any(d.group_id == group.id for d in report.discrepancies)
    return len(sources) >= 2 or disputed


def figure_claims(report: StoryReport, group: FigureGroup) -> list[tuple[str, JsonLd, str]]:
    """(anchor, review without its envelope, body) per claimant and value in ``group``."""
    found = [d.reason for d in report.discrepancies if d.group_id == group.id]
    body = " ".join([*found, DRAFT_NOTE])
    by_claim: dict[tuple[str, str], list[FigureMember]] = {}
    for member in group.members:
        claimant = member.source or member.outlet or "the outlet"
        by_claim.setdefault((claimant, quantity_words(member.quantity)), []).append(member)
    drafts = []
    for (claimant, value), members in by_claim.items():
        words = next((w for m in members if (w := words_of(report, m))), None)
        text = words or f"{group_heading(group)}: {value}, according to {claimant}"
        item = claim(report, {m.article_id for m in members}, claimant)
        fields = {"claimReviewed": text, "itemReviewed": item}
        drafts.append((figure_anchor(members[0]), fields, body))
    return drafts


def contested_claims(report: StoryReport, group: ClaimGroup) -> list[tuple[str, JsonLd, str]]:
    if not group.contested or len(group.label.split()) < MIN_CLAIM_WORDS:
        return []
    asserting = [m for m in group.members if m.stance.value != "denies"]
    deniers = sorted(
        {m.source or "an unnamed source" for m in group.members}
        - {m.source or "an unnamed source" for m in asserting}
    )
    claimant = next((m.source for m in asserting if m.source), None)
    item = claim(report, {m.article_id for m in group.members}, claimant)
    body = f"Denied by {', '.join(deniers)}. {DRAFT_NOTE}" if deniers else DRAFT_NOTE
    return [(f"claim-{group.id}", {"claimReviewed": group.label, "itemReviewed": item}, body)]


def claim_reviews(
    reports: Sequence[StoryReport],
    base_url: str | None,
    *,
    reviewer: str | None = None,
    ratings: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> list[JsonLd]:
    """Drafts for every claim worth reviewing; ``ratings`` maps a review's URL to the
    verdict a person gave it (``alternateName``, e.g. "False"), and needs ``reviewer``."""
    if not base_url or not base_url.startswith(("http://", "https://")):
        raise BadExportOption(
            "ClaimReview needs --base-url: the http(s) address where the story pages are "
            "served (claimgraph serve), e.g. https://newsroom.example/claimgraph"
        )
    if ratings and not reviewer:
        raise BadExportOption("ratings need --reviewer: the organisation that reviewed them")
    published = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    author = {"@type": "Organization", "name": reviewer or AUTOMATED_AUTHOR}
    reviews = []
    for report in reports:
        drafts = [
            draft
            for group in report.figure_groups
            if worth_reviewing(report, group)
            for draft in figure_claims(report, group)
        ]
        drafts += [d for c in report.claims for d in contested_claims(report, c)]
        for anchor, fields, body in drafts:
            url = story_url(base_url, report.story.id, anchor)
            review: JsonLd = {
                "@type": "ClaimReview",
                "url": url,
                "datePublished": published,
                "author": author,
                **fields,
                "reviewBody": body,
            }
            if ratings and url in ratings:
                review["reviewRating"] = {"@type": "Rating", "alternateName": ratings[url]}
            reviews.append(review)
    return reviews


def export_claimreview(
    reports: Sequence[StoryReport],
    base_url: str | None = None,
    *,
    reviewer: str | None = None,
    ratings: Mapping[str, str] | None = None,
) -> str:
    """A JSON-LD document: ``{"@context": "https://schema.org", "@graph": [ClaimReview...]}``."""
    graph = claim_reviews(reports, base_url, reviewer=reviewer, ratings=ratings)
    document = {"@context": "https://schema.org", "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
