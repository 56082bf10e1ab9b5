"""The project's first acceptance case: the two seed reports give one story whose
North Korean troops figure group holds the outlets' disagreeing figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.batch.local import ingest_paths
from claimgraph.link import relink
from claimgraph.model import DiscrepancyKind, FigureGroup, FigureMember, StoryReport
from claimgraph.store import open_store

SEED_DATES = {"000": "2024-10-25", "003": "2024-10-16"}


@pytest.fixture(scope="module")
def seed_reports(
    seeds_dir: Path, nlp, tmp_path_factory: pytest.TempPathFactory
) -> list[StoryReport]:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path_factory.mktemp("seeds") / "cg.db")
    for path in sorted(seeds_dir.glob("*.txt")):
        summary = ingest_paths([str(path)], store, published=SEED_DATES[path.name[:3]], nlp=nlp)
        assert summary.new == 1, summary.failures
    relink(store)
    reports = store.story_reports()
    store.close()
    return reports


def troops_group(report: StoryReport) -> FigureGroup:
    for group in report.figure_groups:
        texts = {m.quantity.span.text for m in group.members}
        if any("3,000" in t for t in texts):
            return group
    raise AssertionError("no figure group holds the 3,000 figure")


def test_seeds_make_one_story(seed_reports: list[StoryReport]) -> None:
    assert len(seed_reports) == 1
    assert len(seed_reports[0].story.article_ids) == 2


def test_seeds_troops_group_holds_the_disagreeing_figures(seed_reports: list[StoryReport]) -> None:
    group = troops_group(seed_reports[0])
    figures = [m.quantity.span.text for m in group.members]
    assert any("3,000" in f for f in figures)
    assert any("thousands" in f.lower() for f in figures)
    assert any(f.strip('“”"') == "10,000" or f == "10,000" for f in figures)
    assert any("12,000" in f and "around" in f for f in figures)
    kirby = next(m for m in group.members if "3,000" in m.quantity.span.text)
    assert kirby.source and "Kirby" in kirby.source
    twelve = next(m for m in group.members if "12,000" in m.quantity.span.text)
    assert twelve.conduits and "NBC News" in twelve.conduits[0]


def test_seeds_report_says_the_figures_disagree(seed_reports: list[StoryReport]) -> None:
    report = seed_reports[0]
    group = troops_group(report)
    conflicts = [
        d
        for d in report.discrepancies
        if d.kind is DiscrepancyKind.CONFLICT and d.group_id == group.id
    ]
    assert conflicts
    assert "3,000" in conflicts[0].reason and "10,000" in conflicts[0].reason


def test_seeds_other_figures_are_separate_groups(seed_reports: list[StoryReport]) -> None:
    report = seed_reports[0]
    group = troops_group(report)
    inside = {m.quantity.span.text for m in group.members}
    assert not any("64.1 billion" in t for t in inside)
    assert not any("11,000" in t for t in inside)
    assert not any("80,000" in t for t in inside)


def test_seeds_troops_group_has_every_figure_with_who_and_when(
    seed_reports: list[StoryReport],
) -> None:
    group = troops_group(seed_reports[0])
    by_text: dict[str, list[FigureMember]] = {}
    for m in group.members:
        by_text.setdefault(m.quantity.span.text.strip('“”"'), []).append(m)
    [kirby] = by_text["3,000"]
    assert kirby.source == "John Kirby" and kirby.date == "2024-10-23"
    diplomat = [m for m in by_text["10,000"] if m.conduits]
    assert diplomat and "Kyiv Independent" in diplomat[0].conduits
    assert diplomat[0].date == "2024-10-15"
    assert len(by_text["10,000"]) == 2  # the diplomat's, and the rumour in 003's title
    assert len(by_text["thousands"]) == 2  # U.S. officials; the Post citing intelligence
    assert any(
        "Washington Post" in (m.source or "") + " ".join(m.conduits) for m in by_text["thousands"]
    )
    [over] = by_text["over 10,000"]
    assert over.quantity.bound.value == ">"
    [twelve] = by_text["around 12,000"]
    assert twelve.scope == "prediction" and "NBC News" in twelve.conduits


def test_seeds_report_says_why_the_figures_differ(seed_reports: list[StoryReport]) -> None:
    report = seed_reports[0]
    group = troops_group(report)
    reasons = " ".join(d.reason for d in report.discrepancies if d.group_id == group.id)
    assert "different dates" in reasons  # time
    assert "different sources" in reasons  # source
    assert "prediction" in reasons  # prediction, not a present count


def test_seeds_deployment_is_contested_and_a_non_denial_is_not_a_denial(
    seed_reports: list[StoryReport],
) -> None:
    report = seed_reports[0]
    deniers = " | ".join(d.source or "" for d in report.denials)
    assert "Russia and North Korea" in deniers
    assert "Kremlin" in deniers
    assert "Foreign Ministry spokeswoman" in deniers
    assert "Putin" not in deniers  # "did not explicitly deny" is not a denial
    group = troops_group(report)
    contested = [d for d in report.discrepancies if d.kind is DiscrepancyKind.CONTESTED]
    assert any(d.group_id == group.id and "Kremlin" in d.reason for d in contested)
    spokeswoman = next(
        a for _, a in report.attributions if "spokeswoman" in " ".join(s.text for s in a.source)
    )
    assert [c.name for c in spokeswoman.conduits] == ["Washington Post"]


def test_seeds_washington_post_is_a_conduit_in_both_articles(
    seed_reports: list[StoryReport],
) -> None:
    report = seed_reports[0]
    articles = {
        aid
        for aid, a in report.attributions
        if any("Washington Post" in c.name for c in a.conduits)
    }
    assert articles == set(report.story.article_ids)


def test_seeds_entities_are_linked_across_names_with_titles(
    seed_reports: list[StoryReport],
) -> None:
    from claimgraph.present import render_text

    report = seed_reports[0]
    kirby = next(e for e in report.entities if e.name == "John Kirby")
    assert "White House national security spokesman" in " ".join(kirby.titles)
    assert len({article for article, _ in kirby.mentions}) == 1
    assert {span.text for _, span in kirby.mentions} >= {"John Kirby", "Kirby"}
    text = render_text([report])
    assert "ENTITIES" in text and "John Kirby" in text


def test_seeds_deployment_claim_across_outlets_and_its_denials(
    seed_reports: list[StoryReport],
) -> None:
    report = seed_reports[0]
    deployment = next(c for c in report.claims if any(m.source == "John Kirby" for m in c.members))
    sources = {m.source for m in deployment.members}
    assert {"John Kirby", "Western diplomat"} <= sources
    assert len({m.article_id for m in deployment.members}) == 2
    contested = [c for c in report.claims if c.contested]
    deniers = {m.source for c in contested for m in c.members if m.stance.value == "denies"}
    assert "Russia and North Korea" in deniers
    assert not any(
        "Putin" in (m.source or "")
        for c in report.claims
        for m in c.members
        if m.stance.value == "denies"
    )
