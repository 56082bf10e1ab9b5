"""The HTML report: self-contained, inert article text, figures marked in their sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping

from claimgraph.model import Article, Span, StoryReport
from claimgraph.present import render_html


def test_present_html_shows_every_section(present_report: StoryReport) -> None:
    html = render_html([present_report])
    for heading in ("Figures", "Discrepancies", "Denials", "Citations", "Timeline", "Articles"):
        assert f"<h3>{heading}</h3>" in html
    assert "$64.1 billion" in html and "~60" in html
    assert "expects, possible" in html and "prediction" in html
    assert "same text in 2 outlets" in html
    assert "2 independent sources: the coast guard, a port official" in html
    assert "<mark>" not in html  # no article texts given: nothing to highlight


def test_present_html_is_self_contained(
    present_report: StoryReport, present_articles: Mapping[str, Article]
) -> None:
    html = render_html([present_report], articles=present_articles)
    assert not re.search(r"<(script|link|iframe|img|object|embed)\b", html, re.IGNORECASE)
    assert not re.search(r"\bsrc\s*=|@import|url\(", html, re.IGNORECASE)
    assert "default-src 'none'" in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("#", "https://valleywire.example/")) for h in hrefs)


def test_present_html_renders_hostile_text_inert(
    present_report: StoryReport, present_articles: Mapping[str, Article]
) -> None:
    html = render_html([present_report], articles=present_articles)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the quote, shown as text
    assert "<b>live</b>" not in html and "&lt;b&gt;live&lt;/b&gt;" in html
    assert "javascript:" not in html  # a non-web URL is never made a link


def test_present_html_marks_the_exact_figure_span(
    present_report: StoryReport, present_articles: Mapping[str, Article]
) -> None:
    html = render_html([present_report], articles=present_articles)
    assert "<mark>At least 40</mark> people are missing after the ferry Saltmarsh" in html
    assert "The count could rise to <mark>100</mark>, the governor said." in html
    assert "<mark>$64.1 billion</mark> &lt;script&gt;" in html


def test_present_html_skips_highlight_when_offsets_do_not_hold(
    present_report: StoryReport, present_articles: Mapping[str, Article]
) -> None:
    member = present_report.figure_groups[1].members[0]
    stale = member.quantity.model_copy(update={"span": Span(start=0, end=5, text="$64.1")})
    group = present_report.figure_groups[1].model_copy(
        update={"members": (member.model_copy(update={"quantity": stale}),)}
    )
    report = present_report.model_copy(update={"figure_groups": (group,)})
    html = render_html([report], articles=present_articles)
    assert "<mark>" not in html.split("<h3>Discrepancies</h3>")[0]


def test_present_html_empty() -> None:
    html = render_html([])
    assert html.startswith("<!DOCTYPE html>") and "No stories." in html
