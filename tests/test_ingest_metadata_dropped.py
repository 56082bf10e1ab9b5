"""An invalid date or URL a source states is dropped with a warning, never fatal.

The article is read as if the value had not been given (the date stays missing,
nothing inferred is marked stated), and one ``MetadataWarning`` names the file (with
its line or entry) and the bad value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import MetadataWarning, read_paths
from claimgraph.model import Article

STORY = "Pier reopens\nThe pier reopened on Sunday after repairs, the council said.\n"
BAD_PORT_URL = "http://pier.example:99999/news"  # a port out of range: does not parse

PAGE = """<html lang="en"><head><title>Pier reopens</title>
<link rel="canonical" href="{url}">
</head><body><article><h1>Pier reopens</h1>
<p>The pier reopened on Sunday after repairs that took two years, the council said.</p>
<p>About 3,000 people visited on the first day, according to the operator.</p>
</article></body></html>
"""

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Pier Post</title>
<item><title>Pier reopens</title><link>{url}</link>
<pubDate>{date}</pubDate>
<description>The pier reopened on Sunday after repairs, the council said.</description></item>
</channel></rss>
"""


def split(
    items: list[Article | UnreadableInput | MetadataWarning],
) -> tuple[list[Article], list[MetadataWarning]]:
    assert not [item for item in items if isinstance(item, UnreadableInput)], items
    articles = [item for item in items if isinstance(item, Article)]
    warnings = [item for item in items if isinstance(item, MetadataWarning)]
    return articles, warnings


def test_ingest_metadata_dropped_jsonl_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    records = [
        {"text": STORY, "published": "2024-10-23"},
        {"text": STORY + "More.", "published": "23/10/2024", "url": BAD_PORT_URL},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles, warnings = split(list(read_paths([str(path)])))
    assert [a.metadata.published for a in articles] == ["2024-10-23", None]
    assert articles[1].metadata.url is None and not articles[1].metadata.published_inferred
    assert [w.path for w in warnings] == [f"{path}:2", f"{path}:2"]
    assert "url 'http://pier.example:99999/news' dropped: not a valid URL" in warnings[0].message
    assert "published '23/10/2024' dropped: not a date" in warnings[1].message


def test_ingest_metadata_dropped_sidecar_value_names_the_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(STORY, encoding="utf-8")
    sidecar = {"outlet": "Pier Post", "published": "last Tuesday", "url": BAD_PORT_URL}
    (tmp_path / "pier.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (article,), warnings = split(list(read_paths([str(path)])))
    meta = article.metadata
    assert meta.outlet == "Pier Post" and not meta.outlet_inferred  # the good value is kept
    assert meta.published is None and not meta.published_inferred
    assert meta.url is None
    assert {w.path for w in warnings} == {str(tmp_path / "pier.meta.json")}
    assert sorted(w.message.split(" ")[0] for w in warnings) == ["published", "url"]
    assert any("'last Tuesday'" in w.message for w in warnings)


def test_ingest_metadata_dropped_sidecar_still_refuses_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(STORY, encoding="utf-8")
    (tmp_path / "pier.meta.json").write_text('{"publshed": "2024-10-23"}', encoding="utf-8")
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, UnreadableInput) and "unknown key 'publshed'" in item.reason


def test_ingest_metadata_dropped_html_url(tmp_path: Path) -> None:
    path = tmp_path / "pier.html"
    path.write_text(PAGE.format(url=BAD_PORT_URL), encoding="utf-8")
    (article,), (warning,) = split(list(read_paths([str(path)])))
    assert article.metadata.url is None
    assert warning.path == str(path) and BAD_PORT_URL in warning.message


def test_ingest_metadata_dropped_html_date(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # htmldate validates what it finds; this stands for a page date finder that does not
    import claimgraph.ingest.html as html

    monkeypatch.setattr(html, "_original_date", lambda tree: "2024-13-45")
    path = tmp_path / "pier.html"
    path.write_text(PAGE.format(url="https://pier.example/news"), encoding="utf-8")
    (article,), (warning,) = split(list(read_paths([str(path)])))
    assert article.metadata.published is None and not article.metadata.published_inferred
    assert warning.path == str(path) and "published '2024-13-45' dropped" in warning.message


@pytest.mark.parametrize(
    ("date", "url", "dropped"),
    [
        ("Wed, 13 Nov 24 10:00:00 GMT", "https://pier.example/a", ["published"]),
        ("Wed, 13 Nov 2024 10:00:00 GMT", BAD_PORT_URL, ["url"]),
    ],
)
def test_ingest_metadata_dropped_feed_entry(
    tmp_path: Path, date: str, url: str, dropped: list[str]
) -> None:
    path = tmp_path / "pier.rss"
    path.write_text(FEED.format(url=url, date=date), encoding="utf-8")
    (article,), warnings = split(list(read_paths([str(path)])))
    assert [w.path for w in warnings] == [f"{path}:entry 1"]
    assert [w.message.split(" ")[0] for w in warnings] == dropped
    if dropped == ["published"]:
        assert article.metadata.published is None and not article.metadata.published_inferred
        assert "'Wed, 13 Nov 24 10:00:00 GMT'" in warnings[0].message
    else:
        assert article.metadata.url is None
        assert article.metadata.published == "2024-11-13T10:00:00+00:00"


def test_ingest_metadata_dropped_value_is_shortened(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": STORY, "published": "x" * 10_000}) + "\n")
    _, (warning,) = split(list(read_paths([str(path)])))
    assert len(warning.message) < 300 and "..." in warning.message
