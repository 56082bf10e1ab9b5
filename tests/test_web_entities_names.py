"""Entity pages under any of an entity's names, paged lists, statements with where and when."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimgraph import model as m
from claimgraph.web.entities import EntityIndex
from claimgraph.web.pages import entity as entity_page
from conftest import make_web_client


def with_entities(report: m.StoryReport) -> m.StoryReport:
    kirby = m.StoryEntity(
        id="e1", name="the coast guard", label="ORG", aliases=("the coast guard", "Coast Guard")
    )
    return report.model_copy(update={"entities": (kirby,)})


def test_web_entities_found_under_another_name_or_a_last_name(
    present_report: m.StoryReport,
) -> None:
    index = EntityIndex.build([with_entities(present_report)])
    assert index.get("Coast Guard") is index.get("the coast guard") is not None
    assert index.get("governor") is index.get("the governor") is not None
    assert index.get("nobody") is None


def test_web_entities_last_name_shared_by_two_is_not_guessed() -> None:
    index = EntityIndex()
    index.record("John Smith").story_ids.add("s1")
    index.record("Anna Smith").story_ids.add("s2")
    assert index.get("Smith") is None
    index.record("Anna Smith").story_ids.add("s3")  # she is in more stories: she is meant
    assert index.get("smith") is index.get("Anna Smith")


def test_web_entity_page_by_last_name_lists_statements_with_outlet_and_date(
    web_client,  # type: ignore[no-untyped-def]
) -> None:
    page = web_client.get("/entities/Operator")
    assert page.status_code == 200
    text = page.text
    assert "<h1>The operator</h1>" in text
    # The stance is a label of its own, then the words, then where and when.
    assert re.search(r'badge stance">denies</span>\s*<a [^>]+>“it had ignored', text)
    assert "The Harbor Ledger, 10 March 2026" in text


def test_web_entities_list_pages_instead_of_stopping(
    web_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entity_page, "PAGE_SIZE", 2)
    client = make_web_client(web_db)
    first = client.get("/entities").text
    total = int(re.search(r"(\d+) found", first).group(1))  # type: ignore[union-attr]
    assert total > 4 and "1–2 shown" in first and 'href="/entities?page=2"' in first
    names: list[str] = []
    for number in range(1, (total + 1) // 2 + 1):
        page = client.get(f"/entities?page={number}").text
        names += re.findall(r'data-label="Name"><a href="[^"]+">([^<]+)</a>', page)
    assert len(names) == total == len(set(names))


@pytest.mark.parametrize(
    ("q", "kind", "marked"),
    [
        ("64100000000", "figure", "64100000000"),  # a figure by its value in digits
        ("at least 40", "figure", "At least 40"),  # ... or by its words
        ("port official", "source", "port official"),  # a source
        ("ignored safety", "said", "ignored safety"),  # what someone said
    ],
)
def test_web_search_finds_figures_sources_and_words_with_snippets(
    web_client,  # type: ignore[no-untyped-def]
    q: str,
    kind: str,
    marked: str,
) -> None:
    page = web_client.get("/stories", params={"q": q}).text
    assert "Ferry Saltmarsh capsizes" in page
    assert re.search(
        rf'<div class="snippet"><span class="badge">{kind}</span> [^<]*<mark>{marked}</mark>', page
    ), page[page.find("snippet") - 200 : page.find("snippet") + 400]
