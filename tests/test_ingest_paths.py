"""Paths: directories walked in order, hidden files and sidecars skipped, stdin sniffed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import read_paths
from claimgraph.model import Article


def test_ingest_paths_directory_sorted_recursive_skips_hidden(ingest_resources: Path) -> None:
    batch = ingest_resources / "batch"
    items = list(read_paths([str(batch)]))
    assert all(isinstance(item, Article) for item in items)
    paths = [item.metadata.source_path for item in items if isinstance(item, Article)]
    assert paths == [str(batch / "a.txt"), str(batch / "b.txt"), str(batch / "sub" / "c.txt")]
    first = items[0]
    assert isinstance(first, Article) and first.metadata.outlet == "Batch Times"  # sidecar


def test_ingest_paths_order_is_deterministic(ingest_resources: Path) -> None:
    def ids() -> list[str]:
        return [
            item.id if isinstance(item, Article) else item.path
            for item in read_paths([str(ingest_resources)])
        ]

    assert ids() == ids()


def test_ingest_paths_sidecar_given_directly(ingest_resources: Path) -> None:
    (item,) = list(read_paths([str(ingest_resources / "ferry.meta.json")]))
    assert isinstance(item, UnreadableInput) and "sidecar" in item.reason


STDIN_CASES = [
    ("Pier reopens\nThe pier reopened on Sunday.\n", "text"),
    (
        "<html><body><article><p>The pier reopened on Sunday after a long repair, "
        "the council said in a statement to residents.</p></article></body></html>",
        "html",
    ),
    (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Pier Post</title>'
        "<item><title>Pier reopens</title><description>It reopened.</description></item>"
        "</channel></rss>",
        "feed",
    ),
    (json.dumps({"text": "The pier reopened on Sunday."}) + "\n", "jsonl"),
]


@pytest.mark.parametrize(("content", "source_format"), STDIN_CASES)
def test_ingest_paths_stdin_binary_sniffed(content: str, source_format: str) -> None:
    (article,) = list(read_paths(["-"], stdin=io.BytesIO(content.encode())))
    assert isinstance(article, Article), article
    assert article.metadata.source_format == source_format
    assert article.metadata.source_path == "-"


@pytest.mark.parametrize(("content", "source_format"), STDIN_CASES)
def test_ingest_paths_stdin_text_stream(content: str, source_format: str) -> None:
    (article,) = list(read_paths(["-"], stdin=io.StringIO(content)))
    assert isinstance(article, Article)
    assert article.metadata.source_format == source_format


def test_ingest_paths_stdin_bad_input_and_overrides() -> None:
    article, exhausted = list(
        read_paths(
            ["-", "-"],
            stdin=io.BytesIO(b"Pier reopens\nIt reopened.\n"),
            outlet="Pier Post",
        )
    )
    # the first "-" reads the whole stream; the second finds it exhausted
    assert isinstance(article, Article) and article.metadata.outlet == "Pier Post"
    assert isinstance(exhausted, UnreadableInput) and exhausted.path == "-"
    assert exhausted.reason == "standard input is empty"


def test_ingest_paths_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "story.dat"
    path.write_text(json.dumps({"text": "The pier reopened."}) + "\n")
    (article,) = list(read_paths([str(path)]))
    assert isinstance(article, Article) and article.metadata.source_format == "jsonl"
