"""``claimgraph article ...``: correct what is known about a stored article."""

from __future__ import annotations

from contextlib import closing

import click

from claimgraph.cli.errors import handle_errors
from claimgraph.cli.options import db_option
from claimgraph.present.figures import appearance_words
from claimgraph.store import open_store


@click.group(name="article")
def article_group() -> None:
    """Correct an article's outlet, publication date or URL."""


@article_group.command(name="set")
@click.argument("article")
@click.option("--outlet", help="The outlet that published it ('' clears it).")
@click.option("--published", help="Publication date, ISO 8601 ('' clears it).")
@click.option("--url", help="Where it was published ('' clears it).")
@db_option
@handle_errors
def set_command(
    article: str, outlet: str | None, published: str | None, url: str | None, db: str
) -> None:
    """Set ARTICLE's metadata (an id or unique prefix of one, see `claimgraph story list`);
    a new date re-analyses its relative dates; the stories are re-linked."""
    from claimgraph.article_admin import set_article_metadata

    with closing(open_store(db, create=False)) as store:
        updated = set_article_metadata(store, article, outlet=outlet, published=published, url=url)
    line = appearance_words(updated.metadata)
    click.echo(
        f"{updated.id}  {line}" + (f"  {updated.metadata.url}" if updated.metadata.url else "")
    )
