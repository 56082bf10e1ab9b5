"""Identity: the content hash of the normalised text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from claimgraph.ingest import article_id, normalise_for_identity, read_paths
from claimgraph.model import Article


def test_ingest_identity_is_sha256_prefix_of_normalised_text() -> None:
    text = "  The pier\n reopened.  "
    expected = hashlib.sha256(b"The pier reopened.").hexdigest()[:16]
    assert article_id(text) == expected
    assert len(article_id(text)) == 16


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("He said \u201cno\u201d.", 'He said "no".'),
        ("The council\u2019s vote", "The council's vote"),
        ("Caf\u00e9 closes", "Cafe\u0301 closes"),  # NFC
        ("One\n\ntwo\tthree", "One two three"),
        ("non\u00a0breaking", "non breaking"),
        ("\ufeffStart", "Start"),
    ],
)
def test_ingest_identity_normalisation_folds(first: str, second: str) -> None:
    assert normalise_for_identity(first) == normalise_for_identity(second)
    assert article_id(first) == article_id(second)


def test_ingest_identity_different_text_different_id() -> None:
    assert article_id("The pier reopened.") != article_id("The pier closed.")


def test_ingest_identity_same_text_two_outlets(tmp_path: Path) -> None:
    text = "Pier reopens\nThe pier reopened on Sunday, the council said.\n"
    for name, outlet in (("a", "Pier Post"), ("b", "Coast Courier")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(f'{{"outlet": "{outlet}"}}')
    first, second = list(read_paths([str(tmp_path)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id == article_id(text)
    assert (first.metadata.outlet, second.metadata.outlet) == ("Pier Post", "Coast Courier")
