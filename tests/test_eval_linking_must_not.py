"""The must-not list of gold/linking: loading it, and counting a flag that should not be
there (a grown count flagged as a conflict, a non-denial reported as a denial)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from claimgraph.eval.linking import Predicted, render, score
from claimgraph.eval.linking_gold import GoldError, GoldStory, load_gold
from claimgraph.model import Denial, Discrepancy, DiscrepancyKind, Span, Story, StoryReport

GOLD = Path(__file__).resolve().parent / "resources" / "linking_must_not"
STORY = "mill_fire"
LEDGER, COURIER = "ledger_fire.txt", "courier_toll.txt"
IDS = {LEDGER: "L", COURIER: "C"}


@pytest.fixture(scope="module")
def story() -> GoldStory:
    [found] = load_gold(GOLD, "dev")
    return found


def _text(name: str) -> str:
    return (GOLD / STORY / name).read_text(encoding="utf-8")


def _span(name: str, words: str, occurrence: int = 1) -> Span:
    text, start = _text(name), -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return Span.of(text, start, start + len(words))


Words = tuple[str, str, int]  # (file, words, occurrence)


def _predicted(
    flags: Sequence[tuple[str, Sequence[Words]]] = (), denials: Sequence[Words] = ()
) -> Predicted:
    report = StoryReport(
        story=Story(id="s", title="t", article_ids=("L", "C")),
        articles=(),
        discrepancies=tuple(
            Discrepancy(
                id=f"d{i}",
                story_id="s",
                kind=DiscrepancyKind(kind),
                reason="",
                spans=tuple((IDS[f], _span(f, w, n)) for f, w, n in refs),
            )
            for i, (kind, refs) in enumerate(flags)
        ),
        denials=tuple(
            Denial(
                id=f"n{i}",
                story_id="s",
                article_id=IDS[f],
                attribution_id="x",
                source=None,
                content=(_span(f, w, n),),
            )
            for i, (f, w, n) in enumerate(denials)
        ),
    )
    article_of = {(STORY, name): aid for name, aid in IDS.items()}
    return Predicted([report], article_of, {aid: _text(n) for n, aid in IDS.items()})


def test_eval_linking_must_not_is_loaded(story: GoldStory) -> None:
    assert [e.kind for e in story.must_not] == ["conflict", "conflict", "contested", "denial"]
    assert story.must_not[0].refs[1].text == "Four"
    assert "grew" in story.must_not[0].why


def test_eval_linking_must_not_rejects_an_unknown_kind(tmp_path: Path) -> None:
    shutil.copytree(GOLD / STORY, tmp_path / STORY)
    path = tmp_path / STORY / "gold.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["must_not"][0]["kind"] = "scope"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError, match="must_not kind"):
        load_gold(tmp_path, "dev")


def test_eval_linking_must_not_clean_prediction_flags_none(story: GoldStory) -> None:
    revision = ("revision", [(LEDGER, "Two", 1), (COURIER, "Four", 1)])
    scores = score([story], _predicted([revision]))
    assert (scores.must_not_flagged, scores.must_not_total) == (0, 4)
    assert "must-not flagged            0 of 4" in render(scores)


@pytest.mark.parametrize(
    ("flags", "denials", "flagged"),
    [
        # a grown count reported as a conflict breaks one entry
        ([("conflict", [(LEDGER, "Two", 1), (COURIER, "Four", 1)])], [], 1),
        # a conflict on all three figures breaks both conflict entries
        ([("conflict", [(LEDGER, "Two", 1), (LEDGER, "Two", 2), (COURIER, "Four", 1)])], [], 2),
        # a conflict covering one member of an entry does not break it
        ([("conflict", [(LEDGER, "Two", 2)])], [], 0),
        # the same figures flagged as another kind do not break a conflict entry
        ([("scope", [(LEDGER, "Two", 1), (COURIER, "Four", 1)])], [], 0),
        # a contested flag joining a denial to a non-denial
        (
            [("contested", [(LEDGER, "the exits were locked", 1), (LEDGER, "comment", 1)])],
            [],
            1,
        ),
        # a non-denial reported as a denial
        ([], [(LEDGER, "declined to comment", 1)], 1),
        # the real denial reported is fine
        ([], [(LEDGER, "denied", 1)], 0),
    ],
)
def test_eval_linking_must_not_counts_violations(
    story: GoldStory,
    flags: list[tuple[str, list[Words]]],
    denials: list[Words],
    flagged: int,
) -> None:
    scores = score([story], _predicted(flags, denials))
    assert scores.must_not_flagged == flagged
    assert sum(e.startswith("must-not") for e in scores.errors) == flagged
