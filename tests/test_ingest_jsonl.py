"""JSON Lines: one article per line, a bad line reported as file:line, the rest read."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import MetadataWarning, read_paths
from claimgraph.model import Article


def test_ingest_jsonl_reads_good_lines_and_reports_bad_ones(ingest_resources: Path) -> None:
    path = ingest_resources / "articles.jsonl"
    items = list(read_paths([str(path)]))
    failures = {item.path: item.reason for item in items if isinstance(item, UnreadableInput)}
    assert failures.keys() == {f"{path}:{line}" for line in (3, 6, 7, 8)}
    assert '"text"' in failures[f"{path}:3"]
    assert "invalid JSON" in failures[f"{path}:6"]
    assert "JSON object" in failures[f"{path}:7"]
    assert '"outlet" must be a string' in failures[f"{path}:8"]
    # line 4's date is not ISO 8601: dropped with a warning, the line still read
    warnings = [item for item in items if isinstance(item, MetadataWarning)]
    assert [(w.path, "'first of March' dropped" in w.message) for w in warnings] == [
        (f"{path}:4", True)
    ]
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == 4
    dated = next(a for a in articles if a.text == "A line with a broken date.")
    assert dated.metadata.published is None and not dated.metadata.published_inferred


def test_ingest_jsonl_fields_become_metadata(ingest_resources: Path) -> None:
    items = list(read_paths([str(ingest_resources / "articles.jsonl")]))
    first = next(item for item in items if isinstance(item, Article))
    assert first.title is not None and first.title.text == "Market hall to reopen"
    assert first.metadata.outlet == "Town Crier" and not first.metadata.outlet_inferred
    assert first.metadata.published == "2025-03-01"
    assert first.metadata.url == "https://towncrier.example/market"
    assert first.metadata.source_format == "jsonl"


def test_ingest_jsonl_text_is_field_as_given(tmp_path: Path) -> None:
    record = {"text": "  Stall fees frozen.\nTraders welcomed it.  ", "title": "Fees frozen"}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = list(read_paths([str(path)]))
    assert isinstance(article, Article)
    assert article.text == record["text"]
    assert article.title is None  # the title is not part of the text


def test_ingest_jsonl_line_separator_inside_string_is_not_a_line_break(
    ingest_resources: Path,
) -> None:
    items = list(read_paths([str(ingest_resources / "articles.jsonl")]))
    last = items[-1]
    assert isinstance(last, Article)
    assert "\u2028" in last.text
    assert last.metadata.published == "2025-03-02T10:00:00-03:00"
