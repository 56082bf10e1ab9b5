"""Plain-text articles: title line, body, and boilerplate set apart (never deleted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import read_paths
from claimgraph.model import Article


def read_one(path: Path) -> Article:
    (item,) = list(read_paths([str(path)]))
    assert isinstance(item, Article), item
    return item


def write(tmp_path: Path, text: str, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_text_first_nonblank_line_is_title(tmp_path: Path) -> None:
    text = "\n\n  Dam inspection ordered  \nEngineers will inspect the dam on Friday.\n"
    article = read_one(write(tmp_path, text))
    assert article.text == text
    assert article.title is not None
    assert article.title.text == "Dam inspection ordered"
    assert text[article.title.start : article.title.end] == "Dam inspection ordered"
    assert article.metadata.source_format == "text"


def test_ingest_text_keeps_whole_file_and_drops_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle line\r\nBody line.\r\n".encode())
    article = read_one(path)
    assert article.text == "Title line\r\nBody line.\r\n"
    assert article.title is not None and article.title.text == "Title line"


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Read the full article here",
        "Read more: Council approves new cycle lanes",
        "Continue reading on our website",
        "Sign up for the Morning Ledger newsletter and get the day's news in your inbox.",
        "Get Valley Herald Breaking News Text Alerts: text NEWS to 55555 or sign up here.",
        "Subscribe to our email alerts for the latest updates.",
        "Download our app from the App Store or Google Play.",
        "© 2025 Valley Herald. All rights reserved.",
        "Related: Water board raises prices for second year",
    ],
)
def test_ingest_text_sets_apart_calls_to_action(tmp_path: Path, boilerplate: str) -> None:
    text = (
        f"Flood warning lifted\nThe river fell below the warning level overnight.\n{boilerplate}\n"
    )
    article = read_one(write(tmp_path, text))
    assert [span.text for span in article.set_apart] == [boilerplate]
    assert boilerplate in article.text  # kept, not deleted
    assert boilerplate not in article.analysable_text()


def test_ingest_text_sets_apart_trailing_related_headlines(tmp_path: Path) -> None:
    text = (
        "Orchard harvest best in a decade\n"
        "Growers said the apple harvest was the largest in ten years.\n"
        "More from the Valley Herald\n"
        "Cider makers expand as prices fall (Valley Herald)\n"
        "Frost threatens late blossoms, growers warn (The Orchard Times)\n"
    )
    article = read_one(write(tmp_path, text))
    assert [span.text for span in article.set_apart] == [
        "More from the Valley Herald",
        "Cider makers expand as prices fall (Valley Herald)",
        "Frost threatens late blossoms, growers warn (The Orchard Times)",
    ]


@pytest.mark.parametrize(
    "last_lines",
    [
        # a sentence with an aside in parentheses, not a headline list
        "The minister spoke in Brussels (Belgium).",
        # one line like a headline, alone at the end, could be the article's own words
        "Officials expect a decision next week (Reuters)",
        # a sentence that starts with an imperative but is reporting
        "Get ready for delays, the transport authority warned drivers on Monday.",
        "Follow-up inspections found no further damage, engineers said.",
        "Read more than forty reports, the inspector found no fault.",
    ],
)
def test_ingest_text_keeps_reporting_lines(tmp_path: Path, last_lines: str) -> None:
    text = f"Storm damage assessed\nEngineers inspected the sea wall.\n{last_lines}\n"
    assert read_one(write(tmp_path, text)).set_apart == ()


def test_ingest_text_headline_list_only_at_the_end(tmp_path: Path) -> None:
    text = (
        "Council budget approved\n"
        "Cider makers expand as prices fall (Valley Herald)\n"
        "Frost threatens late blossoms, growers warn (Valley Herald)\n"
        "The council approved the budget by seven votes to four.\n"
    )
    assert read_one(write(tmp_path, text)).set_apart == ()


def test_ingest_text_title_is_never_set_apart(tmp_path: Path) -> None:
    text = "Read more: the mayor's letter in full\nThe mayor wrote to residents on Monday.\n"
    article = read_one(write(tmp_path, text))
    assert article.title is not None and article.title.text.startswith("Read more")
    assert article.set_apart == ()


def test_ingest_text_single_line_is_title_only(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "Just a headline\n"))
    assert article.title is not None and article.title.text == "Just a headline"


def test_ingest_text_resource_file(ingest_resources: Path) -> None:
    items = list(read_paths([str(ingest_resources / "ferry.txt")]))
    assert not any(isinstance(item, UnreadableInput) for item in items)
    (article,) = items
    assert isinstance(article, Article)
    assert article.title is not None
    assert article.title.text.startswith("Ferry service to Gull Island")
    assert len(article.set_apart) == 4
    assert article.set_apart[-1].text == "Read the full story here"
