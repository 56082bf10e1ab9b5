"""Pages with no article body are recognised (and real articles are not), flagged on the
stored article, shown in `story list`, and kept out of story grouping."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli.main import cli
from claimgraph.ingest.junk import no_body_reason

ARTICLE = (
    "Two men wounded in Northgate shooting\n\n"
    "Two men were wounded early Sunday in a shooting on Alder Street in Northgate, police "
    "said, and a third man was taken into custody a block away.\n\n"
    "Officers found the men, 24 and 31, outside a corner store shortly after 1 a.m., and "
    "both were taken to Harbor Medical Center in stable condition, a spokesman said.\n\n"
    "Subscribe to our newsletter for the latest news.\n"
)
PAGES = {
    "sign-up or paywall page": (
        "Thank you for registering\n\nPlease check your email to activate your account.\n"
        "Already a subscriber? Log in.\n"
    ),
    "error page": (
        "Page Not Found\n\nSorry, the page you requested could not be found. Try our homepage.\n"
    ),
    "cookie or consent wall": (
        "Before you continue\n\nWe use cookies and data to deliver and maintain our "
        "services. Accept cookies or manage your privacy settings.\n"
    ),
    "no text": "Local News\n\nHome | Weather | Sports | Contact us\n",
}


@pytest.mark.parametrize("reason", sorted(PAGES))
def test_ingest_junk_page_is_recognised(reason: str) -> None:
    text = PAGES[reason]
    assert no_body_reason(text, text.split("\n", 1)[0]) == reason


def test_ingest_junk_real_article_with_furniture_is_kept() -> None:
    assert no_body_reason(ARTICLE, ARTICLE.split("\n", 1)[0]) is None


def test_ingest_junk_page_is_flagged_listed_and_kept_apart(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # The same sign-up page under two incidents' URLs, and one real article each.
    for name, text in {
        "a_article.txt": ARTICLE,
        "a_signup.txt": PAGES["sign-up or paywall page"],
        "b_signup.txt": PAGES["sign-up or paywall page"] + "\n",
        "b_article.txt": ARTICLE.replace("Northgate", "Eastmoor").replace("Alder", "Birch"),
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "store.db")
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["ingest", str(folder), "--db", db, "--processes", "1"]).exit_code == 0
    )
    listed = runner.invoke(cli, ["story", "list", "--db", db]).output
    assert "(no article body: sign-up or paywall page)" in listed
    from claimgraph.store import open_store

    store = open_store(db)
    try:
        for report in store.story_reports():
            flagged = [a for a in report.articles if a.no_body]
            assert not flagged or len(report.articles) == 1
    finally:
        store.close()


def test_ingest_junk_page_heading_says_so_in_every_report() -> None:
    from claimgraph.model import ArticleSummary
    from claimgraph.present.sections import article_heading

    flagged = ArticleSummary(article_id="a1", title="Thanks", appearances=(), no_body="error page")
    assert article_heading(flagged) == "Thanks (no article body: error page)"
    assert article_heading(flagged.model_copy(update={"no_body": None})) == "Thanks"


def test_ingest_junk_one_sentence_article_is_kept() -> None:
    # A plain-text file of one sentence makes it the title; it names its event.
    text = (
        "Dr Ana Lind, 43, is presumed dead after falling from Kettle Ridge on Mount "
        "Alder on Thursday.\n"
    )
    assert no_body_reason(text, text.strip()) is None
    assert no_body_reason("Local News\n", "Local News") == "no text"
