"""One story whose linking raises keeps its articles in the report; the others link."""

from __future__ import annotations

from pathlib import Path

from claimgraph.batch.local import ingest_paths
from claimgraph.link import relink
from claimgraph.link import story_report as story_report_module
from claimgraph.store import open_store

FERRY = "Ferry capsizes\nThe coast guard said 40 people were rescued on Monday.\n"
BUDGET = "Budget vote delayed\nThe finance minister said the vote on 3 bills would wait.\n"


def test_link_relinking_isolation_a_failing_story_keeps_its_articles(  # type: ignore[no-untyped-def]
    tmp_path: Path, nlp, monkeypatch
) -> None:
    (tmp_path / "a.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BUDGET, encoding="utf-8")
    store = open_store(tmp_path / "cg.db")
    ingest_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store, nlp=nlp)
    real = story_report_module.build_story_report

    def flaky(sid, items, appearances):  # type: ignore[no-untyped-def]
        if any("Ferry" in article.text for article, _ in items):
            raise ValueError("linking bug")
        return real(sid, items, appearances)

    monkeypatch.setattr(story_report_module, "build_story_report", flaky)
    assert relink(store).stories == 2
    reports = {r.story.title: r for r in store.story_reports()}
    assert set(reports) == {"Ferry capsizes", "Budget vote delayed"}
    assert reports["Ferry capsizes"].figure_groups == ()
    assert len(reports["Ferry capsizes"].articles) == 1
    assert reports["Budget vote delayed"].figure_groups != ()
    store.close()
