"""Alert rules: what to watch for and where to send it, kept in the store."""

from __future__ import annotations

import hashlib
from enum import StrEnum
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from claimgraph.alerts.sql import sql_for
from claimgraph.errors import BadAlertRule, NotFound
from claimgraph.store.base import Store


class SinkKind(StrEnum):
    STDOUT = "stdout"
    FILE = "file"
    WEBHOOK = "webhook"


class AlertRule(BaseModel):
    """One rule; exactly one of ``figure_group``, ``entity`` and ``any_conflict`` is set.

    ``figure_group``: a new member (a new or changed value) of that group (id or label);
    ``entity``: any new member, discrepancy or denial whose source is that name;
    ``any_conflict``: a new conflict, revision, contested discrepancy or denial.
    ``story_id`` narrows any of them to one story.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = ""
    story_id: str | None = None
    figure_group: str | None = None
    entity: str | None = None
    any_conflict: bool = False
    sink: SinkKind = SinkKind.STDOUT
    target: str | None = None  # the file path or webhook URL

    def describe(self) -> str:
        what = (
            f"figure group {self.figure_group}"
            if self.figure_group
            else f"entity {self.entity}"
            if self.entity
            else "any conflict"
        )
        where = f" in story {self.story_id}" if self.story_id else ""
        to = f"{self.sink}" + (f" {self.target}" if self.target else "")
        return f"{self.id}: {what}{where} -> {to}"


def make_rule(
    *,
    story_id: str | None = None,
    figure_group: str | None = None,
    entity: str | None = None,
    any_conflict: bool = False,
    webhook: str | None = None,
    file: str | None = None,
) -> AlertRule:
    """A checked rule whose id is derived from its content (adding it twice is one rule)."""
    if sum((figure_group is not None, entity is not None, any_conflict)) != 1:
        raise BadAlertRule("give exactly one of --figure GROUP, --entity NAME, --any-conflict")
    if webhook is not None and file is not None:
        raise BadAlertRule("give at most one of --webhook URL, --file PATH, --stdout")
    if webhook is not None and urlsplit(webhook).scheme not in ("http", "https"):
        raise BadAlertRule(f"webhook {webhook!r} is not an http:// or https:// URL")
    sink = SinkKind.WEBHOOK if webhook else SinkKind.FILE if file else SinkKind.STDOUT
    rule = AlertRule(
        story_id=story_id,
        figure_group=figure_group,
        entity=entity,
        any_conflict=any_conflict,
        sink=sink,
        target=webhook or file,
    )
    digest = hashlib.sha256(rule.model_dump_json().encode()).hexdigest()[:10]
    return rule.model_copy(update={"id": f"r{digest}"})


def add_rule(store: Store, rule: AlertRule) -> AlertRule:
    sql_for(store).run(
        "INSERT INTO alert_rules (id, rule_json) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
        (rule.id, rule.model_dump_json()),
    )
    return rule


def list_rules(store: Store) -> list[AlertRule]:
    rows = sql_for(store).rows("SELECT rule_json FROM alert_rules ORDER BY seq")
    return [AlertRule.model_validate_json(row[0]) for row in rows]


def remove_rule(store: Store, rule_id: str) -> None:
    """Remove a rule and its undelivered alerts; its fired keys stay (harmless, cheap)."""
    sql = sql_for(store)
    if sql.run("DELETE FROM alert_rules WHERE id = ?", (rule_id,)) == 0:
        raise NotFound(f"no alert rule {rule_id!r}; `claimgraph alert list` shows the ids")
    sql.run("DELETE FROM alert_outbox WHERE rule_id = ?", (rule_id,))
