"""``claimgraph story ...``: list stories and correct their grouping."""

from __future__ import annotations

from contextlib import closing

import click

from claimgraph.cli.errors import handle_errors
from claimgraph.cli.options import db_option
from claimgraph.model import StoryReport
from claimgraph.store import open_store
from claimgraph.story_admin import merge_stories, pin_article, split_story


def print_stories(reports: list[StoryReport]) -> None:
    for report in reports:
        mark = " (pinned)" if report.story.pinned else ""
        click.echo(f"{report.story.id}  {report.story.title}{mark}")
        for summary in report.articles:
            outlets = ", ".join(sorted({m.outlet or "?" for m in summary.appearances}))
            flag = f"  (no article body: {summary.no_body})" if summary.no_body else ""
            click.echo(f"    {summary.article_id}  {summary.title or ''}  [{outlets}]{flag}")


@click.group(name="story")
def story_group() -> None:
    """List stories; merge, split or pin them (choices survive re-runs)."""


@story_group.command(name="list")
@db_option
@handle_errors
def list_command(db: str) -> None:
    """Every story with its articles and their outlets."""
    with closing(open_store(db, create=False)) as store:
        print_stories(store.story_reports())


@story_group.command(name="merge")
@click.argument("first")
@click.argument("second")
@db_option
@handle_errors
def merge_command(first: str, second: str, db: str) -> None:
    """Make stories FIRST and SECOND one story."""
    with closing(open_store(db, create=False)) as store:
        print_stories(merge_stories(store, first, second))


@story_group.command(name="split")
@click.argument("story")
@click.argument("articles", nargs=-1, required=True)
@db_option
@handle_errors
def split_command(story: str, articles: tuple[str, ...], db: str) -> None:
    """Take ARTICLES (ids or unique prefixes) out of STORY into a story of their own."""
    with closing(open_store(db, create=False)) as store:
        print_stories(split_story(store, story, articles))


@story_group.command(name="pin")
@click.argument("article")
@click.argument("story")
@db_option
@handle_errors
def pin_command(article: str, story: str, db: str) -> None:
    """Put ARTICLE in STORY, whatever the grouping says."""
    with closing(open_store(db, create=False)) as store:
        print_stories(pin_article(store, article, story))


@story_group.command(name="relink")
@click.option("--full", is_flag=True, help="Link every story again, not only changed ones.")
@db_option
@handle_errors
def relink_command(full: bool, db: str) -> None:
    """Group the stored articles into stories again and re-link what changed (every
    story with --full, e.g. after upgrading claimgraph)."""
    from claimgraph.link import relink

    with closing(open_store(db, create=False)) as store:
        result = relink(store, full=full)
    noun = "story" if result.stories == 1 else "stories"
    click.echo(f"{result.stories} {noun}; {len(result.rebuilt)} linked again")
