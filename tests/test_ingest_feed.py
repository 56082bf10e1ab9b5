"""RSS and Atom feeds: one article per entry, dates read from the raw string."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import read_paths
from claimgraph.ingest.dates import parse_feed_date
from claimgraph.ingest.feed import html_to_text
from claimgraph.model import Article


def read_all(path: Path) -> list[Article | UnreadableInput]:
    return list(read_paths([str(path)]))


def articles_of(items: list[Article | UnreadableInput]) -> list[Article]:
    assert not [item for item in items if isinstance(item, UnreadableInput)]
    return [item for item in items if isinstance(item, Article)]


def test_ingest_feed_rss_one_article_per_entry(ingest_resources: Path) -> None:
    articles = articles_of(read_all(ingest_resources / "feed.rss"))
    assert [a.title.text if a.title else None for a in articles] == [
        "Reservoir levels rise after week of rain",
        "Bridge repairs finish early",
        "School board delays vote",
    ]
    first = articles[0]
    assert first.text == (
        "Reservoir levels rise after week of rain\n"
        "Water levels at the main reservoir rose by six percent this week, the water board said.\n"
        "Restrictions will stay in place until December."
    )
    assert first.metadata.outlet == "Valley Herald"
    assert first.metadata.url == "https://valleyherald.example/reservoir"
    assert first.metadata.language == "en"
    assert first.metadata.source_format == "feed"


def test_ingest_feed_rss_dates_keep_offset_and_refuse_guesses(ingest_resources: Path) -> None:
    articles = articles_of(read_all(ingest_resources / "feed.rss"))
    assert [a.metadata.published for a in articles] == [
        "2024-11-12T07:30:00-05:00",  # offset kept, not converted to UTC
        None,  # two-digit year
        None,  # unknown zone name
    ]


def test_ingest_feed_atom_published_then_updated(ingest_resources: Path) -> None:
    rail, snow = articles_of(read_all(ingest_resources / "feed.atom"))
    assert rail.metadata.published == "2024-11-14T21:15:00+01:00"
    assert not rail.metadata.published_inferred
    assert "union official said" in rail.text
    # only an update time: used, but marked as not the stated publication date
    assert snow.metadata.published == "2024-11-15T11:00:00+01:00"
    assert snow.metadata.published_inferred
    assert snow.metadata.outlet == "Northern Wire"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tue, 12 Nov 2024 07:30:00 -0500", "2024-11-12T07:30:00-05:00"),
        ("12 Nov 2024 07:30 +0530", "2024-11-12T07:30:00+05:30"),
        ("Tue, 12 Nov 2024 07:30:00 GMT", "2024-11-12T07:30:00+00:00"),
        ("Tue, 12 Nov 2024 07:30:00 EST", "2024-11-12T07:30:00-05:00"),
        ("2024-11-12T07:30:00+09:00", "2024-11-12T07:30:00+09:00"),
        ("2024-11-12T07:30:00Z", "2024-11-12T07:30:00+00:00"),
        ("2024-11-12", "2024-11-12"),
        ("Tue, 12 Nov 24 07:30:00 GMT", None),  # two-digit year: century guessed
        ("Tue, 12 Nov 2024 07:30:00 CEST", None),  # zone name the standard does not define
        ("Tue, 12 Nov 2024 07:30:00 XYZ", None),  # unknown zone read as UTC by the stdlib
        ("Mon, 12 Nov 2024 07:30:00 GMT", None),  # weekday contradicts the date
        ("12/11/2024", None),  # day or month first?
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_ingest_feed_date_parsing(raw: str | None, expected: str | None) -> None:
    assert parse_feed_date(raw) == expected


def test_ingest_feed_truncated_is_unreadable(ingest_resources: Path) -> None:
    (item,) = read_all(ingest_resources / "truncated.rss")
    assert isinstance(item, UnreadableInput)
    assert "malformed feed" in item.reason


def test_ingest_feed_without_entries_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    (item,) = read_all(path)
    assert isinstance(item, UnreadableInput)
    assert item.reason == "feed has no entries"


def test_ingest_feed_empty_entry_is_unreadable_and_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Mixed</title>'
        "<item><link>https://mixed.example/1</link></item>"
        "<item><title>Ferry back</title><description>The ferry is back.</description></item>"
        "</channel></rss>"
    )
    empty, article = read_all(path)
    assert isinstance(empty, UnreadableInput) and empty.path == f"{path}:entry 1"
    assert isinstance(article, Article) and article.text == "Ferry back\nThe ferry is back."


def test_ingest_feed_html_to_text() -> None:
    fragment = "<p>One &amp; <b>two</b></p><script>alert(1)</script><ul><li>three</li></ul>"
    assert html_to_text(fragment) == "One & two\nthree"
