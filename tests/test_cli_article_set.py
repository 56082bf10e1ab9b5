"""``claimgraph article set``: an article ingested undated gets its date, and what the
date changes (relative dates, the figures' dates, the story) is linked again."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli.main import cli
from claimgraph.store import open_store

ARTICLE = (
    "Harbor crane collapses\n"
    "The port authority said on Tuesday that at least 12 workers were hurt when a crane "
    "fell onto a cargo ship.\n"
)


def ingest(tmp_path: Path, *extra: str) -> str:
    path = tmp_path / "crane.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "cg.db")
    done = CliRunner().invoke(cli, ["ingest", str(path), "--db", db, "--json", *extra])
    assert done.exit_code == 0, done.output
    return db


def figure_dates(db: str) -> list[str | None]:
    with closing(open_store(db)) as store:
        return [m.date for r in store.story_reports() for g in r.figure_groups for m in g.members]


def test_cli_article_set_dates_an_undated_article_and_relinks(tmp_path: Path) -> None:
    db = ingest(tmp_path)
    with closing(open_store(db)) as store:
        ((article, _),) = store.iter_articles()
    assert article.metadata.published is None
    assert figure_dates(db) == [None]
    # Ingesting again with a date only says "already stored": the article stays undated.
    ingest(tmp_path, "--published", "2026-03-12")
    assert figure_dates(db) == [None]

    done = CliRunner().invoke(
        cli,
        ["article", "set", article.id[:6], "--published", "2026-03-12", "--outlet",
         "Valley Wire", "--db", db],
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Valley Wire, 2026-03-12" in done.output
    with closing(open_store(db)) as store:
        stored = store.article(article.id)
        dates = [d.value for d in store.analysis(article.id).dates]
        report = store.story_reports()[0]
    assert stored.metadata.published == "2026-03-12" and stored.metadata.outlet == "Valley Wire"
    # "on Tuesday" now resolves against Thursday 12 March 2026: the 10th.
    assert "2026-03-10" in dates
    assert figure_dates(db) == ["2026-03-10"]
    outlets = [m.outlet for a in report.articles for m in a.appearances]
    assert "Valley Wire" in outlets


def test_cli_article_set_refuses_nonsense(tmp_path: Path) -> None:
    db = ingest(tmp_path)
    runner = CliRunner()
    bad_date = runner.invoke(cli, ["article", "set", "", "--published", "soon", "--db", db])
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output
    nothing = runner.invoke(cli, ["article", "set", "", "--db", db])
    assert nothing.exit_code == 2 and "nothing to set" in nothing.output
    unknown = runner.invoke(cli, ["article", "set", "zzz", "--outlet", "X", "--db", db])
    assert unknown.exit_code == 6 and "no articles match" in unknown.output
