"""The bundled demo corpus holds what its README promises, in the seed format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "src" / "claimgraph" / "demo_corpus"
ARTICLES = sorted(CORPUS.glob("*.txt"))


def text_of(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def test_present_demo_corpus_size() -> None:
    assert 6 <= len(ARTICLES) <= 9
    assert (CORPUS / "README.md").is_file()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_present_demo_corpus_article_shape(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert 200 <= len(text.split()) <= 500
    title, *paragraphs = text.splitlines()
    assert title.strip() and len(paragraphs) >= 5
    meta = json.loads(path.with_name(path.stem + ".meta.json").read_text(encoding="utf-8"))
    assert set(meta) == {"outlet", "url", "published"}
    assert meta["published"].startswith("2026-03-1") and meta["published"].endswith("+01:00")


def test_present_demo_corpus_syndicated_copy() -> None:
    a, b = "valley_wire_governor_missing", "northern_dispatch_governor_missing"
    assert text_of(f"{a}.txt") == text_of(f"{b}.txt")
    outlets = {json.loads(text_of(f"{n}.meta.json"))["outlet"] for n in (a, b)}
    assert outlets == {"Valley Wire", "Northern Dispatch"}


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("harbor_ledger_ferry_capsizes.txt", "At least 40 people are missing"),
        ("valley_wire_governor_missing.txt", "About 60 people are still missing"),
        ("coastal_times_charity_count.txt", "More than 75 people are missing"),
        ("harbor_ledger_coast_guard_revises.txt", "to at least 64, up from the figure"),
        ("coastal_times_charity_count.txt", "her team alone had pulled 12 people"),
        ("coastal_times_charity_count.txt", "could rise to 100"),
        ("coastal_times_charity_count.txt", "Strandline Ferries denied that it had ignored"),
        ("northern_dispatch_safety_warnings.txt", "The company ignored the warnings"),
        ("valley_wire_governor_missing.txt", "according to The Harbor Ledger, which cited a port"),
        ("valley_wire_governor_missing.txt", "$18.5 million"),
        ("harbor_ledger_coast_guard_revises.txt", "in 1987, in which 193 people died"),
        ("harbor_ledger_coast_guard_revises.txt", "A day earlier"),
        ("coastal_times_charity_count.txt", "\nRead the full article here\nSign up for the"),
    ],
)
def test_present_demo_corpus_contains(name: str, phrase: str) -> None:
    assert phrase in text_of(name)
