"""The linking scorer on tiny hand-made gold and predictions: right answers score full
marks, and each kind of wrong answer scores lower (a scorer that cannot fail is useless).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from claimgraph.eval.linking import LinkingScores, Predicted, score
from claimgraph.eval.linking_gold import (
    GoldError,
    GoldStory,
    load_gold,
    load_story,
    names_match,
    occurrence_span,
)
from claimgraph.model import (
    CitationEdge,
    Corroboration,
    Denial,
    Discrepancy,
    DiscrepancyKind,
    FigureGroup,
    FigureMember,
    Quantity,
    Span,
    Story,
    StoryReport,
)

TEXTS = {
    "a.txt": "Fire at mill\nAt least 40 people died, police said. Two were injured. "
    "The firm denied the claim. The mayor declined to comment.\n",
    "b.txt": "Toll rises\nAbout 60 people died, the union said. Three were injured.\n",
    "c.txt": "Flood in the valley\nSome 900 people were evacuated, officials said.\n",
}
IDS = {"a.txt": "A", "b.txt": "B", "c.txt": "C"}
REF = tuple[str, str]  # (file, words): first occurrence


def _ref(article: str, text: str) -> dict[str, object]:
    return {"article": article, "text": text, "occurrence": 1}


GOLD_FIRE = {
    "story": "fire",
    "split": "dev",
    "articles": ["a.txt", "b.txt"],
    "figure_groups": [
        {"label": "deaths", "members": [_ref("a.txt", "At least 40"), _ref("b.txt", "About 60")]},
        {"label": "injured", "members": [_ref("a.txt", "Two"), _ref("b.txt", "Three")]},
    ],
    "discrepancies": [
        {
            "kind": "conflict",
            "group": "deaths",
            "members": [_ref("a.txt", "At least 40"), _ref("b.txt", "About 60")],
        },
    ],
    "denials": [{"article": "a.txt", "cue": "denied", "source": "firm"}],
    "non_denials": [{"article": "a.txt", "cue": "declined to comment", "source": "mayor"}],
    "corroboration": [{"group": "deaths", "independent_sources": 2}],
    "citations": [
        {"citer": "The Courier", "cited": ["police"]},
        {"citer": "Union Times", "cited": ["union", "the union"]},
    ],
}
GOLD_FLOOD = {
    "story": "flood",
    "split": "dev",
    "articles": ["c.txt"],
    "figure_groups": [{"label": "evacuated", "members": [_ref("c.txt", "Some 900")]}],
}


@pytest.fixture()
def gold(tmp_path: Path) -> list[GoldStory]:
    for story, data in (("fire", GOLD_FIRE), ("flood", GOLD_FLOOD)):
        folder = tmp_path / story
        folder.mkdir()
        for name in data["articles"]:  # type: ignore[attr-defined]
            (folder / name).write_text(TEXTS[name], encoding="utf-8")
        (folder / "gold.json").write_text(json.dumps(data), encoding="utf-8")
    return load_gold(tmp_path, "dev")


def _span(ref: REF) -> Span:
    start = TEXTS[ref[0]].index(ref[1])
    return Span.of(TEXTS[ref[0]], start, start + len(ref[1]))


def _group(gid: str, refs: Sequence[REF]) -> FigureGroup:
    members = tuple(
        FigureMember(article_id=IDS[r[0]], quantity=Quantity(id=f"q{i}", span=_span(r)))
        for i, r in enumerate(refs)
    )
    return FigureGroup(id=gid, story_id="s1", label=gid, members=members)


def _predicted(
    groups: Sequence[Sequence[REF]],
    stories: Sequence[Sequence[str]] = (("a.txt", "b.txt"), ("c.txt",)),
    discrepancies: Sequence[tuple[str, Sequence[REF]]] = (),
    denials: Sequence[REF] = (),
    sources: int = 2,
    edges: Sequence[tuple[str, str]] = (),
) -> Predicted:
    built = [_group(f"g{i}", refs) for i, refs in enumerate(groups)]
    report = StoryReport(
        story=Story(id="s1", title="t", article_ids=tuple(IDS[a] for a in stories[0])),
        articles=(),
        figure_groups=tuple(built),
        discrepancies=tuple(
            Discrepancy(
                id=f"d{i}",
                story_id="s1",
                kind=DiscrepancyKind(kind),
                reason="",
                spans=tuple((IDS[r[0]], _span(r)) for r in refs),
            )
            for i, (kind, refs) in enumerate(discrepancies)
        ),
        denials=tuple(
            Denial(
                id=f"n{i}",
                story_id="s1",
                article_id=IDS[r[0]],
                attribution_id="x",
                source=None,
                content=(_span(r),),
            )
            for i, r in enumerate(denials)
        ),
        citations=tuple(CitationEdge(citer=c, cited=d, article_id="A") for c, d in edges),
        corroboration=tuple(
            Corroboration(group_id=g.id, independent_sources=sources, sources=()) for g in built
        ),
    )
    others = [
        StoryReport(
            story=Story(id=f"s{i + 2}", title="t", article_ids=tuple(IDS[a] for a in s)),
            articles=(),
        )
        for i, s in enumerate(stories[1:])
    ]
    article_of = {
        (story, name): IDS[name]
        for story, names in (("fire", ("a.txt", "b.txt")), ("flood", ("c.txt",)))
        for name in names
    }
    return Predicted([report, *others], article_of, {IDS[n]: t for n, t in TEXTS.items()})


RIGHT_GROUPS = (
    (("a.txt", "At least 40"), ("b.txt", "About 60")),
    (("a.txt", "Two"), ("b.txt", "Three")),
    (("c.txt", "Some 900"),),
)


def _right(**changes: object) -> Predicted:
    values: dict[str, object] = {
        "groups": RIGHT_GROUPS,
        "discrepancies": [("conflict", [("a.txt", "At least 40"), ("b.txt", "About 60")])],
        "denials": [("a.txt", "denied")],
        "edges": [("the Courier", "Police"), ("Union Times's", "union")],
    }
    values.update(changes)
    return _predicted(**values)  # type: ignore[arg-type]


def test_eval_linking_right_answers_score_full_marks(gold: list[GoldStory]) -> None:
    scores = score(gold, _right())
    assert scores.story_b3.f1 == 1.0
    assert (scores.members_found, scores.members_gold) == (5, 5)
    assert scores.group_b3.f1 == 1.0 and scores.group_pairs.f1 == 1.0
    assert scores.discrepancies["conflict"].f1 == 1.0
    assert scores.denials.f1 == 1.0 and scores.non_denials_reported == 0
    assert scores.corroboration_accuracy == 1.0 and scores.corroboration_mae == 0.0
    assert scores.citations.f1 == 1.0


def test_eval_linking_wrong_grouping_scores_lower(gold: list[GoldStory]) -> None:
    merged = score(gold, _right(groups=[[r for g in RIGHT_GROUPS for r in g]]))
    split = score(gold, _right(groups=[[r] for g in RIGHT_GROUPS for r in g]))
    assert merged.group_b3.precision < 1.0 and merged.group_b3.recall == 1.0
    assert split.group_b3.recall < 1.0 and split.group_b3.precision == 1.0
    assert merged.group_pairs.precision < 1.0 and split.group_pairs.recall == 0.0
    assert max(merged.group_b3.f1, split.group_b3.f1) < 1.0


def test_eval_linking_merged_stories_score_lower(gold: list[GoldStory]) -> None:
    scores = score(gold, _right(stories=[("a.txt", "b.txt", "c.txt")]))
    assert scores.story_b3.precision < 1.0 and scores.story_b3.recall == 1.0


def test_eval_linking_missed_figures_are_counted(gold: list[GoldStory]) -> None:
    scores = score(gold, _right(groups=[[("a.txt", "At least 40")]]))
    assert (scores.members_found, scores.members_gold) == (1, 5)
    assert any("About 60" in e for e in scores.errors)


def test_eval_linking_discrepancy_needs_the_same_kind(gold: list[GoldStory]) -> None:
    revision = [("revision", [("a.txt", "At least 40"), ("b.txt", "About 60")])]
    scores = score(gold, _right(discrepancies=revision))
    assert scores.discrepancies["conflict"].recall == 0.0
    assert scores.discrepancies["revision"].precision == 0.0


def test_eval_linking_discrepancy_elsewhere_does_not_match(gold: list[GoldStory]) -> None:
    scores = score(gold, _right(discrepancies=[("conflict", [("a.txt", "Two")])]))
    assert scores.discrepancies["conflict"].f1 == 0.0


def test_eval_linking_non_denial_reported_as_denial_is_counted(gold: list[GoldStory]) -> None:
    scores = score(gold, _right(denials=[("a.txt", "denied"), ("a.txt", "declined to comment")]))
    assert scores.non_denials_reported == 1
    assert scores.denials.precision == 0.5 and scores.denials.recall == 1.0


def test_eval_linking_wrong_corroboration_count_scores_lower(gold: list[GoldStory]) -> None:
    scores = score(gold, _right(sources=3))
    assert scores.corroboration_accuracy == 0.0 and scores.corroboration_mae == 1.0


def test_eval_linking_wrong_citation_edges_score_lower(gold: list[GoldStory]) -> None:
    scores = score(gold, _right(edges=[("The Courier", "police"), ("The Courier", "mayor")]))
    assert scores.citations.precision == 0.5 and scores.citations.recall == 0.5


def test_eval_linking_names_fold_case_article_and_possessive() -> None:
    assert names_match("the Harbor Ledger's", "Harbor Ledger")
    assert names_match("Tellman", "Rosa Tellman")
    assert names_match("Farmers' union", "farmers union")
    assert not names_match("official", "fire department official")
    assert not names_match("police", "union")


def test_eval_linking_occurrence_is_whole_word() -> None:
    assert occurrence_span("once, then one", "one", 1) == (11, 14)
    assert occurrence_span("one and one", "one", 2) == (8, 11)
    assert occurrence_span("one", "one", 2) is None


def test_eval_linking_gold_with_missing_words_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    bad = dict(
        GOLD_FLOOD,
        articles=["a.txt"],
        figure_groups=[{"label": "x", "members": [_ref("a.txt", "At most 3")]}],
    )
    (tmp_path / "gold.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(GoldError, match="At most 3"):
        load_story(tmp_path)


def test_eval_linking_scores_render_and_serialise(gold: list[GoldStory]) -> None:
    from claimgraph.eval.linking import render

    scores: LinkingScores = score(gold, _right())
    assert "figure groups (B-cubed)" in render(scores)
    assert json.dumps(scores.as_dict())


def test_eval_linking_repo_gold_is_well_formed() -> None:
    """The team's gold set: at least eight stories, both splits, 3-5 outlets each."""
    root = Path(__file__).resolve().parent.parent / "gold" / "linking"
    stories = load_gold(root, "all")
    assert len(stories) >= 8
    assert {s.split for s in stories} == {"dev", "test"}
    for story in stories:
        outlets = {
            json.loads((story.directory / a.replace(".txt", ".meta.json")).read_text())["outlet"]
            for a in story.articles
        }
        assert 3 <= len(outlets) <= 5, story.name
        for name in story.articles:
            words = len((story.directory / name).read_text(encoding="utf-8").split())
            assert 150 <= words <= 400, (story.name, name, words)


def test_eval_linking_shown_counts_only_flags_a_report_shows(gold: list[GoldStory]) -> None:
    from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE

    pred = _right()
    [report, *others] = pred.reports
    hidden = tuple(
        d.model_copy(update={"confidence": DEFAULT_MIN_CONFIDENCE / 2})
        for d in report.discrepancies
    )
    pred.reports = [report.model_copy(update={"discrepancies": hidden}), *others]
    scores = score(gold, pred)
    assert scores.discrepancies["conflict"].f1 == 1.0  # every flag, whatever its confidence
    assert scores.shown["conflict"].predicted == 0  # the report hides it
    assert score(gold, _right()).shown["conflict"].f1 == 1.0
