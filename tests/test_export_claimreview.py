"""ClaimReview drafts a fact-checker could publish after review.

Validated against the fields Google's fact-check markup documentation lists for
ClaimReview: ``url``, ``claimReviewed`` and (once rated) ``reviewRating`` with its
``alternateName`` required; ``author``, ``datePublished`` and ``itemReviewed`` (a
``Claim`` with ``author``, ``datePublished``, ``appearance``, ``firstAppearance``)
recommended, and here required too. A draft has no rating; a rated review needs a
reviewer.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import validate

from claimgraph import model as m
from claimgraph.cli.main import cli
from claimgraph.errors import BadExportOption
from claimgraph.present.export_claimreview import AUTOMATED_AUTHOR, claim_reviews

BASE = "https://news.example/claimgraph"
NAMED = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {"name": {"type": "string", "minLength": 1}},
}
WORK = {"type": "object", "required": ["@type"], "properties": {"url": {"format": "uri"}}}
CLAIM_REVIEW = {
    "type": "object",
    "required": ["@type", "url", "claimReviewed", "datePublished", "author", "itemReviewed"],
    "properties": {
        "@type": {"const": "ClaimReview"},
        "url": {"type": "string", "pattern": r"^https?://[^#]+/stories/[^#]+#.+"},
        "claimReviewed": {"type": "string", "pattern": r"^\S+(\s+\S+){4,}"},  # >= 5 words
        "datePublished": {"type": "string", "format": "date"},
        "author": NAMED,
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "author", "appearance", "firstAppearance"],
            "properties": {
                "@type": {"const": "Claim"},
                "author": NAMED,
                "appearance": {"type": "array", "minItems": 1, "items": WORK},
                "firstAppearance": WORK,
                "datePublished": {"type": "string", "format": "date"},
            },
        },
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName"],
            "properties": {"@type": {"const": "Rating"}},
        },
    },
}
DRAFT = {**CLAIM_REVIEW, "not": {"required": ["reviewRating"]}}


@pytest.fixture()
def report(present_report: m.StoryReport) -> m.StoryReport:
    """The ferry story, with the coast guard's figure inside its attribution and a
    contested claim besides."""
    ledger = present_report.articles[0].article_id
    text = "At least 40 people are missing after the ferry Saltmarsh capsized"
    start = 30
    said = m.Attribution(
        id="t2",
        cue=m.Span(
            start=start + len(text) + 2, end=start + len(text) + 26, text="the coast guard said"
        ),
        content=(m.Span(start=start, end=start + len(text), text=text),),
        source_entity="the coast guard",
    )
    group = present_report.figure_groups[0]
    first = group.members[0]
    first = first.model_copy(
        update={"quantity": first.quantity.model_copy(update={"attribution_id": "t2"})}
    )
    contested = m.ClaimGroup(
        id="c1",
        story_id="s1",
        label="the operator ignored safety warnings before the ferry sailed",
        contested=True,
        members=(
            m.ClaimMember(article_id=ledger, attribution_id="t9", source="the union"),
            m.ClaimMember(
                article_id=ledger,
                attribution_id="t1",
                source="the operator",
                stance=m.Stance.DENIES,
            ),
        ),
    )
    return present_report.model_copy(
        update={
            "figure_groups": (
                group.model_copy(update={"members": (first, *group.members[1:])}),
                *present_report.figure_groups[1:],
            ),
            "attributions": (*present_report.attributions, (ledger, said)),
            "claims": (contested,),
        }
    )


def test_export_claimreview_drafts_validate_and_carry_no_rating(report: m.StoryReport) -> None:
    reviews = claim_reviews([report], BASE, today=dt.date(2026, 3, 14))
    for review in reviews:
        validate(review, DRAFT)
        assert review["author"]["name"] == AUTOMATED_AUTHOR
        assert review["datePublished"] == "2026-03-14"
    claims = [r["claimReviewed"] for r in reviews]
    # The coast guard's figure in its own words; the others composed; the contested claim.
    assert claims == [
        "At least 40 people are missing after the ferry Saltmarsh capsized",
        "missing person: ~60, according to a port official",
        "missing person: 100, according to the governor",
        "the operator ignored safety warnings before the ferry sailed",
    ]
    authors = [r["itemReviewed"]["author"]["name"] for r in reviews]
    assert authors == ["the coast guard", "a port official", "the governor", "the union"]
    # Each review links to its own row (or claim) on the story page, which has that id.
    urls = [r["url"] for r in reviews]
    assert len(set(urls)) == len(urls)
    assert urls[0] == f"{BASE}/stories/s1#figure-aaaaaaaaaa-30-41"
    # The repair cost, one figure from one outlet with no discrepancy, is not worth a review.
    assert not any("repair" in c for c in claims)
    # Appearances are the real publications, earliest first, with their URLs.
    valley = reviews[1]["itemReviewed"]["appearance"]
    assert any(work.get("url") == "https://valleywire.example/ferry" for work in valley)
    assert "Denied by the operator" in reviews[3]["reviewBody"]


def test_export_claimreview_rating_only_from_a_named_reviewer(report: m.StoryReport) -> None:
    url = claim_reviews([report], BASE)[0]["url"]
    with pytest.raises(BadExportOption, match="--reviewer"):
        claim_reviews([report], BASE, ratings={url: "False"})
    rated = claim_reviews([report], BASE, reviewer="Harbor Checks", ratings={url: "Misleading"})
    validate(rated[0], CLAIM_REVIEW)
    assert rated[0]["reviewRating"] == {"@type": "Rating", "alternateName": "Misleading"}
    assert rated[0]["author"]["name"] == "Harbor Checks"
    assert all("reviewRating" not in r for r in rated[1:])


def test_export_claimreview_needs_the_story_pages_address(
    report: m.StoryReport, web_db: Path
) -> None:
    with pytest.raises(BadExportOption, match="--base-url"):
        claim_reviews([report], None)
    runner = CliRunner()
    missing = runner.invoke(cli, ["export", "--format", "claimreview", "--db", str(web_db)])
    assert missing.exit_code == 2 and "--base-url" in missing.output
    done = runner.invoke(
        cli, ["export", "--format", "claimreview", "--db", str(web_db), "--base-url", BASE]
    )
    assert done.exit_code == 0, done.output
    for review in json.loads(done.output)["@graph"]:
        validate(review, DRAFT)
