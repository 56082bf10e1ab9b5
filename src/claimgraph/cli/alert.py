"""``claimgraph alert add|list|remove``: rules fired by ``claimgraph watch``."""

from __future__ import annotations

from contextlib import closing

import click

from claimgraph.alerts import add_rule, list_rules, make_rule, remove_rule
from claimgraph.cli.errors import handle_errors
from claimgraph.cli.options import db_option
from claimgraph.errors import BadAlertRule
from claimgraph.store import open_store


@click.group(name="alert")
def alert_group() -> None:
    """Alert rules: a tracked figure group, an entity, or any new conflict."""


@alert_group.command(name="add")
@click.option("--story", "story_id", help="Only this story (an id from the report).")
@click.option("--figure", "figure_group", help="A figure group's id or label to track.")
@click.option("--entity", help="A source's name: its new figures, conflicts and denials.")
@click.option("--any-conflict", is_flag=True, help="Any new conflict, revision or denial.")
@click.option("--webhook", help="POST each alert as JSON to this http(s) URL.")
@click.option("--file", "file", help="Append each alert as a JSON line to this file.")
@click.option("--stdout", is_flag=True, help="Print each alert as a JSON line (the default).")
@db_option
@handle_errors
def add_command(
    story_id: str | None,
    figure_group: str | None,
    entity: str | None,
    any_conflict: bool,
    webhook: str | None,
    file: str | None,
    stdout: bool,
    db: str,
) -> None:
    """Add a rule; prints its id. Adding the same rule twice keeps one."""
    if stdout and (webhook or file):
        raise BadAlertRule("give at most one of --webhook URL, --file PATH, --stdout")
    rule = make_rule(
        story_id=story_id,
        figure_group=figure_group,
        entity=entity,
        any_conflict=any_conflict,
        webhook=webhook,
        file=file,
    )
    with closing(open_store(db)) as store:  # rules may come before the first ingest
        click.echo(add_rule(store, rule).id)


@alert_group.command(name="list")
@db_option
@handle_errors
def list_command(db: str) -> None:
    """List the rules, one a line."""
    with closing(open_store(db, create=False)) as store:
        for rule in list_rules(store):
            click.echo(rule.describe())


@alert_group.command(name="remove")
@click.argument("rule_id")
@db_option
@handle_errors
def remove_command(rule_id: str, db: str) -> None:
    """Remove a rule by id."""
    with closing(open_store(db, create=False)) as store:
        remove_rule(store, rule_id)
