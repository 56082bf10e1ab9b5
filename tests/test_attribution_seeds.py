"""The seed stories: every hard attribution the issue lists is found, with its source,
cue, conduits and the entity behind the source. The rules are general (no seed strings
in the component); these are the shapes they must cover."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.model import Attribution


@pytest.fixture(scope="module")
def seed_attributions(nlp: Any, seeds_dir: Path) -> list[Attribution]:
    found: list[Attribution] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.extend(nlp(text)._.cg_attributions)
    return found


def _find(attributions: list[Attribution], cue: str, content: str) -> Attribution:
    for attribution in attributions:
        cue_matches = attribution.cue is not None and attribution.cue.text == cue
        if cue_matches and any(content in span.text for span in attribution.content):
            return attribution
    raise AssertionError(f"no attribution with cue {cue!r} and content {content!r}")


def _sources(attribution: Attribution) -> str:
    return " ".join(span.text for span in attribution.source)


def _conduits(attribution: Attribution) -> list[tuple[str, str]]:
    return [(c.name, c.relation) for c in attribution.conduits]


def test_attribution_seed_absolute_with_telling(seed_attributions: list[Attribution]) -> None:
    a = _find(seed_attributions, "telling", "3,000 North Korean soldiers traveled to Russia")
    assert _sources(a) == "White House national security spokesman John Kirby"
    assert a.source_entity == "John Kirby"
    assert a.source_titles == ("White House national security spokesman",)


def test_attribution_seed_told_outlet_is_conduit(seed_attributions: list[Attribution]) -> None:
    a = _find(seed_attributions, "told", "it expects North Korea to bolster Russia")
    assert _sources(a) == "South Korean Defense Minister Kim Yong-hyun’s office"
    assert a.source_entity == "Kim Yong-hyun"
    assert ("NBC News", "told") in _conduits(a)


def test_attribution_seed_according_to_after_participle(
    seed_attributions: list[Attribution],
) -> None:
    a = _find(seed_attributions, "saying", "work of the media propaganda")
    assert _sources(a) == "a Russian Foreign Ministry spokeswoman"
    assert a.source_entity is not None and "Foreign Ministry" in a.source_entity
    assert "spokeswoman" in a.source_titles
    assert ("Washington Post", "according_to") in _conduits(a)


def test_attribution_seed_report_citing_chain(seed_attributions: list[Attribution]) -> None:
    a = _find(seed_attributions, "suggested", "North Korean infantry are being trained")
    assert "a report from the Washington Post" in _sources(a)
    assert a.source_entity == "Washington Post"
    # nearest first: the paper's report, then the officials it cites
    assert _conduits(a) == [
        ("Washington Post", "report"),
        ("anonymous Ukrainian military intelligence officials", "citing"),
    ]


def test_attribution_seed_pronoun_resolved(seed_attributions: list[Attribution]) -> None:
    a = _find(seed_attributions, "noted", "We are observing a strengthening alliance")
    assert _sources(a) == "He"
    assert a.source_entity == "Volodymyr Zelenskyy"
    assert a.kind.value == "direct"
    # the quotation runs over several sentences and stays one content
    assert a.content[0].text.endswith("military hardware.”")


def test_attribution_seed_denial(seed_attributions: list[Attribution]) -> None:
    a = _find(seed_attributions, "have denied", "the reports of North Korean involvement")
    assert _sources(a) == "Russia and North Korea"
    assert a.source_entity == "Russia and North Korea"


def test_attribution_seed_disclosed_to_outlet(seed_attributions: list[Attribution]) -> None:
    a = _find(seed_attributions, "disclosed", "has sent 10,000 soldiers")
    assert _sources(a) == "A Western diplomat"
    assert a.source_entity == "Western diplomat"
    assert ("Kyiv Independent", "told") in _conduits(a)


def test_attribution_seed_dismissed(seed_attributions: list[Attribution]) -> None:
    a = _find(seed_attributions, "has dismissed", "these claims")
    assert _sources(a) == "The Kremlin"
    assert a.source_entity == "Kremlin"
    assert a.kind.value == "mixed"


def test_attribution_seed_reports_indicate_has_no_source(
    seed_attributions: list[Attribution],
) -> None:
    a = _find(seed_attributions, "indicate", "North Korea has supplied Russia")
    assert a.source == ()
    assert a.source_entity is None


def test_attribution_seed_spans_are_offsets_into_the_text(nlp: Any, seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for a in nlp(text)._.cg_attributions:
            assert a.cue is not None and text[a.cue.start : a.cue.end] == a.cue.text
            assert a.id == f"a{a.cue.start}-{a.cue.end}"
            for span in (*a.source, *a.content, *(c.span for c in a.conduits)):
                assert text[span.start : span.end] == span.text
            assert 0.0 <= a.confidence <= 1.0
