"""Metadata: sources, sidecars, overrides (which win), and marked inference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import BadMetadata, UnreadableInput
from claimgraph.ingest import read_paths
from claimgraph.ingest.dates import normalise_published
from claimgraph.ingest.language import guess_language
from claimgraph.ingest.metadata import outlet_from_url
from claimgraph.model import Article

STORY = "Pier reopens\nThe pier reopened on Sunday after repairs, the council said.\n"


def read_one(path: Path, **overrides: str) -> Article:
    (item,) = list(read_paths([str(path)], **overrides))  # type: ignore[arg-type]
    assert isinstance(item, Article), item
    return item


def story_with_sidecar(tmp_path: Path, sidecar: object) -> Path:
    path = tmp_path / "pier.txt"
    path.write_text(STORY, encoding="utf-8")
    (tmp_path / "pier.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return path


def test_ingest_metadata_from_sidecar(ingest_resources: Path) -> None:
    meta = read_one(ingest_resources / "ferry.txt").metadata
    assert meta.outlet == "Harbour Gazette" and not meta.outlet_inferred
    assert meta.url == "https://www.harbourgazette.example/news/ferry-fault"
    assert meta.published == "2025-02-03T08:30:00+01:00"
    assert meta.language == "en"
    assert meta.source_path == str(ingest_resources / "ferry.txt")


def test_ingest_metadata_overrides_win(ingest_resources: Path) -> None:
    meta = read_one(
        ingest_resources / "ferry.txt", outlet="Quayside Post", published="2025-02-05"
    ).metadata
    assert meta.outlet == "Quayside Post" and not meta.outlet_inferred
    assert meta.published == "2025-02-05"
    assert meta.url == "https://www.harbourgazette.example/news/ferry-fault"  # not overridden


def test_ingest_metadata_override_beats_html_source(ingest_resources: Path) -> None:
    meta = read_one(ingest_resources / "page.html", outlet="Wire Copy").metadata
    assert meta.outlet == "Wire Copy"


def test_ingest_metadata_bad_override_date_raises_before_reading() -> None:
    with pytest.raises(BadMetadata, match="ISO 8601"):
        read_paths(["does-not-matter.txt"], published="last Tuesday")


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ({"outlet": "Pier Post", "author": "someone"}, "unknown key 'author'"),
        ({"outlet": 12}, "must be a string"),
        (["outlet"], "JSON object"),
    ],
)
def test_ingest_metadata_bad_sidecar_is_unreadable(
    tmp_path: Path, sidecar: object, reason: str
) -> None:
    path = story_with_sidecar(tmp_path, sidecar)
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, UnreadableInput)
    assert "pier.meta.json" in item.reason and reason in item.reason


def test_ingest_metadata_sidecar_not_json_is_unreadable(tmp_path: Path) -> None:
    path = story_with_sidecar(tmp_path, {})
    (tmp_path / "pier.meta.json").write_text("{outlet: Pier Post", encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, UnreadableInput) and "pier.meta.json" in item.reason


def test_ingest_metadata_outlet_inferred_from_sidecar_url(tmp_path: Path) -> None:
    path = story_with_sidecar(tmp_path, {"url": "https://www.pierpost.example/pier"})
    meta = read_one(path).metadata
    assert meta.outlet == "pierpost.example" and meta.outlet_inferred


def test_ingest_metadata_outlet_inferred_from_sign_up_line(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(STORY + "Get Pier Post Breaking News Alerts: sign up here.\n")
    meta = read_one(path).metadata
    assert meta.outlet == "Pier Post" and meta.outlet_inferred


def test_ingest_metadata_outlet_inferred_from_own_headline_list(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(
        STORY + "Beach huts for sale (Pier Post)\nLifeguards return for summer (Pier Post)\n"
    )
    meta = read_one(path).metadata
    assert meta.outlet == "Pier Post" and meta.outlet_inferred


def test_ingest_metadata_mixed_headline_list_infers_nothing(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(
        STORY + "Beach huts for sale (Pier Post)\nLifeguards return for summer (Coast Courier)\n"
    )
    assert read_one(path).metadata.outlet is None


def test_ingest_metadata_missing_date_stays_none(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(STORY)
    meta = read_one(path).metadata
    assert meta.published is None and not meta.published_inferred
    assert meta.outlet is None and not meta.outlet_inferred


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.nbcnews.com/news/world/story-1234", "nbcnews.com"),
        ("https://m.example-news.co.uk/a", "example-news.co.uk"),
        ("http://reuters.com/x", "reuters.com"),
        ("www.apnews.com/article/x", "apnews.com"),
    ],
)
def test_ingest_metadata_outlet_from_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-23", "2024-10-23"),
        (" 2024-10-23T09:15:00+02:00 ", "2024-10-23T09:15:00+02:00"),
        ("2024-10-23T09:15:00Z", "2024-10-23T09:15:00+00:00"),
        ("2024-10-23T09:15", "2024-10-23T09:15:00"),
    ],
)
def test_ingest_metadata_published_validation_accepts_iso(value: str, expected: str) -> None:
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["23/10/2024", "October 23, 2024", "2024-13-01", "24-10-23"])
def test_ingest_metadata_published_validation_refuses(value: str) -> None:
    with pytest.raises(BadMetadata, match="ISO 8601"):
        normalise_published(value)


def test_ingest_metadata_language_guess() -> None:
    english = "The council said that the pier was closed for repairs and would open on Sunday."
    assert guess_language(english * 2) == "en"
    assert guess_language("Pier reopens") is None
